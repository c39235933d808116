// `classmethod`: wraps a callable so that looking it up on a class, or on an
// instance, gives it bound to the class: C.f(x) calls f(C, x). The binding is a
// `bound_method` (bound_method.h), islet's stand-in for CPython's `method` type.

#include <optional>
#include <string>

#include "interp/interpreter.h"
#include "objects/args.h"
#include "objects/errors.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "runtime/static_type.h"
#include "runtime/str_cat.h"
#include "types/classmethod/bound_method.h"

namespace islet {
namespace {

class ClassMethodObject : public Object {
 public:
  Ref<Object> callable;  // null until __init__ ran

  static void Clear(Object* self) { static_cast<ClassMethodObject*>(self)->callable.reset(); }
};

ClassMethodObject* AsClassMethod(Object* self) { return static_cast<ClassMethodObject*>(self); }

// The wrapped callable; null with RuntimeError if __init__ never ran.
Ref<Object> Callable(Object* self) {
  Ref<Object> callable = AsClassMethod(self)->callable;
  if (!callable) return Raise(WellKnown::kRuntimeError, "uninitialized classmethod object");
  return callable;
}

Ref<Object> ClassMethodNew(TypeObject* type, const CallArgs&) {
  return Interpreter::Current()->NewObject<ClassMethodObject>(type);
}

bool ClassMethodInit(Object* self, const CallArgs& args) {
  if (!CheckPositional(args, "classmethod", 1, 1)) return false;
  AsClassMethod(self)->callable = Ref<Object>::Borrow(args.args[0]);
  return true;
}

// Bound to the class it was looked up through, or the instance's class.
Ref<Object> ClassMethodGet(Object* self, Object* instance, TypeObject* owner) {
  Ref<Object> callable = Callable(self);
  if (!callable) return nullptr;
  TypeObject* bound_to = owner != nullptr ? owner : instance->type();
  return NewBoundMethod(std::move(callable), Ref<Object>::Borrow(bound_to));
}

// "<classmethod(<built-in function f>)>".
Ref<Object> ClassMethodRepr(Object* self) {
  Ref<Object> callable = Callable(self);
  if (!callable) return nullptr;
  std::optional<std::string> text = ReprText(callable.get());
  if (!text) return nullptr;
  return NewStr(StrCat("<classmethod(", *text, ")>"));
}

constexpr TypeMember kClassMethodMembers[] = {
    Getter("__func__", &Callable),
    Getter("__wrapped__", &Callable),
};

constexpr TypeSlots ClassMethodSlots() {
  TypeSlots slots = SlotsFor<ClassMethodObject>(&ClassMethodObject::Clear);
  slots.repr = &ClassMethodRepr;
  slots.descr_get = &ClassMethodGet;
  slots.new_instance = &ClassMethodNew;
  slots.init = &ClassMethodInit;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kClassMethodType, "classmethod",
                   {.deps = {"bound_method"},
                    .flags = kTypeBaseType,
                    .slots = ClassMethodSlots(),
                    .members = kClassMethodMembers});

}  // namespace islet
