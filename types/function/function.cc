// `function`: a callable that binds to the instance it is looked up through
// (objects/function.h). Its body is C++ for now; the language's functions will
// be the same type.

#include "objects/function.h"

#include <cstdio>

#include "objects/errors.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/well_known.h"
#include "runtime/static_type.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

FunctionObject* AsFunction(Object* object) { return static_cast<FunctionObject*>(object); }

Ref<Object> FunctionCall(Object* self, const CallArgs& args) {
  FunctionObject* function = AsFunction(self);
  if (!function->body) {
    return Raise(WellKnown::kRuntimeError,
                 StrCat("function '", function->qualname, "' was cleared"));
  }
  Ref<Object> keep = Ref<Object>::Borrow(self);  // the body may drop other references to it
  FunctionBody body = function->body;            // and may rebind its own body
  return body(args);
}

// Looked up through an instance it binds to it; through a class it is itself.
Ref<Object> FunctionGet(Object* self, Object* instance, TypeObject*) {
  if (instance == nullptr) return Ref<Object>::Borrow(self);
  return NewMethod(Ref<Object>::Borrow(self), Ref<Object>::Borrow(instance));
}

Ref<Object> FunctionRepr(Object* self) {
  char address[32];
  std::snprintf(address, sizeof(address), "%p", static_cast<void*>(self));
  return NewStr(StrCat("<function ", AsFunction(self)->qualname, " at ", address, ">"));
}

// __name__ and __qualname__ are writable strs, as in CPython.
bool SetText(std::string& field, Object* value, std::string_view attribute) {
  if (value == nullptr || !IsInstance(value, WellKnown::kStr)) {
    Raise(WellKnown::kTypeError, StrCat(attribute, " must be set to a string object"));
    return false;
  }
  field = StrView(value);
  return true;
}

Ref<Object> FunctionNameGet(Object* self) { return NewStr(AsFunction(self)->name); }
bool FunctionNameSet(Object* self, Object* value) {
  return SetText(AsFunction(self)->name, value, "__name__");
}
Ref<Object> FunctionQualnameGet(Object* self) { return NewStr(AsFunction(self)->qualname); }
Ref<Object> FunctionModuleGet(Object* self) {
  const std::string& module = AsFunction(self)->module;
  return module.empty() ? NoneRef() : NewStr(module);
}
bool FunctionModuleSet(Object* self, Object* value) {
  if (value == nullptr || value == None()) {
    AsFunction(self)->module.clear();
    return true;
  }
  return SetText(AsFunction(self)->module, value, "__module__");
}
bool FunctionQualnameSet(Object* self, Object* value) {
  return SetText(AsFunction(self)->qualname, value, "__qualname__");
}

constexpr TypeMember kFunctionMembers[] = {
    Getter("__name__", &FunctionNameGet, &FunctionNameSet),
    Getter("__qualname__", &FunctionQualnameGet, &FunctionQualnameSet),
    Getter("__module__", &FunctionModuleGet, &FunctionModuleSet),
};

constexpr TypeSlots FunctionSlots() {
  TypeSlots slots = SlotsFor<FunctionObject>(&FunctionObject::Clear, &FunctionObject::Traverse);
  slots.repr = &FunctionRepr;
  slots.call = &FunctionCall;
  slots.descr_get = &FunctionGet;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kFunctionType, "function",
                   {.deps = {"method"}, .slots = FunctionSlots(), .members = kFunctionMembers});

}  // namespace islet
