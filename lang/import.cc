#include "lang/import.h"

#include <string>

#include "interp/interpreter.h"
#include "lang/eval.h"
#include "modules/native_module.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/module.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "runtime/str_cat.h"

namespace islet::lang {
namespace {

// The current interpreter's module table, made on first use.
Object* ModuleTable() {
  Interpreter& interp = *Interpreter::Current();
  if (interp.modules() == nullptr) interp.set_modules(NewDict());
  return interp.modules();
}

}  // namespace

Ref<Object> ImportModule(std::string_view name) {
  Object* table = ModuleTable();
  if (table == nullptr) return nullptr;
  Ref<Object> key = NewStr(name);
  if (!key) return nullptr;
  Object* found = nullptr;
  int present = DictGet(table, key.get(), &found);
  if (present < 0) return nullptr;
  if (present > 0) return Ref<Object>::Borrow(found);

  Ref<Object> parent;
  const size_t dot = name.rfind('.');
  if (dot != std::string_view::npos) {
    parent = ImportModule(name.substr(0, dot));
    if (!parent) return nullptr;
  }
  const NativeModule* native = NativeModule::Find(name);
  if (native == nullptr) {
    return islet::Raise(WellKnown::kModuleNotFoundError, StrCat("No module named '", name, "'"));
  }
  Ref<Object> module = NewModule(name);
  if (!module || !DictSet(table, key.get(), module.get())) return nullptr;
  if (!native->fill()(module.get())) {
    Ref<Object> error = TakeException();
    DictDelete(table, key.get());
    RaiseObject(std::move(error));
    return nullptr;
  }
  if (parent && !SetModuleAttr(parent.get(), name.substr(dot + 1), module)) return nullptr;
  return module;
}

Ref<Object> ImportFromModule(Object* module, std::string_view module_name, std::string_view name) {
  Ref<Object> value = GetAttr(module, name);
  if (value || !ExceptionMatches(WellKnown::kAttributeError)) return value;
  ClearException();
  const std::string submodule = StrCat(module_name, ".", name);
  if (NativeModule::Find(submodule) != nullptr) return ImportModule(submodule);
  return islet::Raise(WellKnown::kImportError, StrCat("cannot import name '", name, "' from '",
                                                      module_name, "' (unknown location)"));
}

Ref<Object> MainModule() {
  Object* table = ModuleTable();
  if (table == nullptr) return nullptr;
  Ref<Object> key = NewStr("__main__");
  Object* found = nullptr;
  int present = DictGet(table, key.get(), &found);
  if (present < 0) return nullptr;
  if (present > 0) return Ref<Object>::Borrow(found);
  Ref<Object> module = NewModule("__main__");
  if (!module || !DictSet(table, key.get(), module.get())) return nullptr;
  return module;
}

}  // namespace islet::lang
