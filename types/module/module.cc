// `module`: a namespace dict with a name (objects/module.h). Attribute access
// reads and writes that dict: data descriptors of the type first (`__dict__`,
// `__class__`), then the dict, then the type's other attributes, then the
// module's own `__getattr__` (PEP 562), as CPython's module_getattro does.

#include "objects/module.h"

#include <string>

#include "interp/interpreter.h"
#include "modules/native_module.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/dict_attributes.h"
#include "objects/errors.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/well_known.h"
#include "runtime/dunder.h"
#include "runtime/static_type.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

ModuleObject* AsModule(Object* self) { return static_cast<ModuleObject*>(self); }

// The dict entry under the str `key`: 1 with *value, 0 absent, -1 on error.
int DictEntry(Object* dict, std::string_view key, Ref<Object>* value) {
  if (dict == nullptr) return 0;
  Object* found = nullptr;
  int present = DictGet(dict, NewStr(key).get(), &found);
  if (present > 0) *value = Ref<Object>::Borrow(found);
  return present;
}

// The module's `__name__` if it is a str, for messages and repr.
std::optional<std::string> ModuleName(Object* self) {
  Ref<Object> name;
  if (DictEntry(AsModule(self)->dict.get(), "__name__", &name) <= 0) {
    if (ExceptionPending()) ClearException();
    return std::nullopt;
  }
  if (!IsInstance(name.get(), WellKnown::kStr)) return std::nullopt;
  return std::string(StrView(name.get()));
}

std::nullptr_t RaiseNoAttribute(Object* self, const Name* name) {
  std::optional<std::string> module_name = ModuleName(self);
  if (!module_name) {
    return Raise(WellKnown::kAttributeError,
                 StrCat("module has no attribute '", name->text(), "'"));
  }
  return Raise(WellKnown::kAttributeError,
               StrCat("module '", *module_name, "' has no attribute '", name->text(), "'"));
}

Ref<Object> ModuleGetAttr(Object* self, const Name* name) {
  Ref<Object> dict = AsModule(self)->dict;  // a lookup may run code that replaces it
  Ref<Object> value = GetDictAttribute(self, dict.get(), name);
  if (value || ExceptionPending()) return value;
  Ref<Object> hook;
  int present = DictEntry(dict.get(), "__getattr__", &hook);
  if (present < 0) return nullptr;
  if (present > 0) return Call(hook.get(), {NewStr(name->text()).get()});
  return RaiseNoAttribute(self, name);
}

// Deleting an absent attribute names the type, not the module, as CPython's
// generic delete from an instance dict does.
bool ModuleSetAttr(Object* self, const Name* name, Object* value) {
  Ref<Object> dict = AsModule(self)->dict;
  return SetDictAttribute(self, dict.get(), name, value);
}

// <module 'weakref' (built-in)>, <module 'm' from '/path/m.py'>, <module 'm'>:
// the name's and the file's reprs, as CPython's _module_repr shows them.
Ref<Object> ModuleRepr(Object* self) {
  Object* dict = AsModule(self)->dict.get();
  Ref<Object> name, file;
  if (DictEntry(dict, "__name__", &name) < 0 || DictEntry(dict, "__file__", &file) < 0) {
    return nullptr;
  }
  std::optional<std::string> shown_name = name ? ReprText(name.get()) : std::string("'?'");
  if (!shown_name) return nullptr;
  if (file && IsInstance(file.get(), WellKnown::kStr)) {
    std::optional<std::string> shown_file = ReprText(file.get());
    if (!shown_file) return nullptr;
    return NewStr(StrCat("<module ", *shown_name, " from ", *shown_file, ">"));
  }
  if (name && IsInstance(name.get(), WellKnown::kStr) &&
      NativeModule::Find(StrView(name.get())) != nullptr) {
    return NewStr(StrCat("<module ", *shown_name, " (built-in)>"));
  }
  return NewStr(StrCat("<module ", *shown_name, ">"));
}

// module(name, doc=None): CPython's module.__new__ makes an empty namespace and
// __init__ fills it.
Ref<Object> ModuleNew(TypeObject* type, const CallArgs&) {
  return Interpreter::Current()->NewObject<ModuleObject>(type, NewDict());
}

bool ModuleInit(Object* self, const CallArgs& args) {
  Object* bound[2] = {};
  if (!BindArgs(args, {.function = "module", .names = {"name", "doc"}, .required = 1}, bound)) {
    return false;
  }
  if (!IsInstance(bound[0], WellKnown::kStr)) {
    Raise(WellKnown::kTypeError,
          StrCat("module() argument 'name' must be str, not ", TypeDisplayName(bound[0]->type())));
    return false;
  }
  if (!AsModule(self)->dict) AsModule(self)->dict = NewDict();
  if (!SetModuleAttr(self, "__name__", Ref<Object>::Borrow(bound[0])) ||
      !SetModuleAttr(self, "__doc__", Ref<Object>::Borrow(bound[1] ? bound[1] : None()))) {
    return false;
  }
  for (std::string_view unset : {"__package__", "__loader__", "__spec__"}) {
    if (!SetModuleAttr(self, unset, NoneRef())) return false;
  }
  return true;
}

Ref<Object> ModuleDictGet(Object* self) {
  if (!AsModule(self)->dict) AsModule(self)->dict = NewDict();
  return AsModule(self)->dict;
}

constexpr TypeMember kModuleMembers[] = {
    Getter("__dict__", &ModuleDictGet),
};

constexpr TypeSlots ModuleSlots() {
  TypeSlots slots = SlotsFor<ModuleObject>(&ModuleObject::Clear, &ModuleObject::Traverse);
  slots.getattr = &ModuleGetAttr;
  slots.setattr = &ModuleSetAttr;
  slots.repr = &ModuleRepr;
  slots.new_instance = &ModuleNew;
  slots.init = &ModuleInit;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kModuleType, "module",
                   {.deps = {"dict", "str"},
                    .flags = kTypeBaseType,
                    .slots = ModuleSlots(),
                    .members = kModuleMembers});

}  // namespace islet
