#include "objects/module.h"

#include "interp/interpreter.h"
#include "objects/descriptors.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/well_known.h"

namespace islet {

Ref<Object> NewModule(std::string_view name) {
  Ref<Object> dict = NewDict();
  Ref<Object> module =
      Interpreter::Current()->NewObject<ModuleObject>(WellKnownType(WellKnown::kModule), dict);
  // What CPython's module_init_dict puts in every new module's namespace.
  if (!SetModuleAttr(module.get(), "__name__", NewStr(name))) return nullptr;
  for (std::string_view unset : {"__doc__", "__package__", "__loader__", "__spec__"}) {
    if (!SetModuleAttr(module.get(), unset, NoneRef())) return nullptr;
  }
  return module;
}

Object* ModuleDict(Object* module) { return static_cast<ModuleObject*>(module)->dict.get(); }

bool SetModuleAttr(Object* module, std::string_view name, Ref<Object> value) {
  Ref<Object> dict = static_cast<ModuleObject*>(module)->dict;
  if (!dict) {
    Raise(WellKnown::kRuntimeError, "module has no namespace");
    return false;
  }
  return DictSet(dict.get(), NewStr(name).get(), value.get());
}

bool AddModuleFunctions(Object* module, std::span<const TypeMember> functions) {
  for (const TypeMember& function : functions) {
    if (!SetModuleAttr(module, function.name, NewBuiltinFunction(&function, nullptr))) {
      return false;
    }
  }
  return true;
}

}  // namespace islet
