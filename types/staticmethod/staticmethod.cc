// `staticmethod`: wraps a callable so that looking it up on a class or an
// instance gives the callable itself, unbound. Calling the wrapper calls it too
// (CPython 3.10+).

#include <optional>
#include <string>

#include "interp/interpreter.h"
#include "objects/args.h"
#include "objects/errors.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "runtime/static_type.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

class StaticMethodObject : public Object {
 public:
  Ref<Object> callable;  // null until __init__ ran

  static void Clear(Object* self) { static_cast<StaticMethodObject*>(self)->callable.reset(); }
};

StaticMethodObject* AsStaticMethod(Object* self) { return static_cast<StaticMethodObject*>(self); }

// The wrapped callable; null with RuntimeError if __init__ never ran.
Ref<Object> Callable(Object* self) {
  Ref<Object> callable = AsStaticMethod(self)->callable;
  if (!callable) return Raise(WellKnown::kRuntimeError, "uninitialized staticmethod object");
  return callable;
}

Ref<Object> StaticMethodNew(TypeObject* type, const CallArgs&) {
  return Interpreter::Current()->NewObject<StaticMethodObject>(type);
}

bool StaticMethodInit(Object* self, const CallArgs& args) {
  if (!CheckPositional(args, "staticmethod", 1, 1)) return false;
  AsStaticMethod(self)->callable = Ref<Object>::Borrow(args.args[0]);
  return true;
}

Ref<Object> StaticMethodGet(Object* self, Object*, TypeObject*) { return Callable(self); }

Ref<Object> StaticMethodCall(Object* self, const CallArgs& args) {
  Ref<Object> callable = Callable(self);
  if (!callable) return nullptr;
  return Call(callable.get(), args);
}

// "<staticmethod(<built-in function f>)>".
Ref<Object> StaticMethodRepr(Object* self) {
  Ref<Object> callable = Callable(self);
  if (!callable) return nullptr;
  std::optional<std::string> text = ReprText(callable.get());
  if (!text) return nullptr;
  return NewStr(StrCat("<staticmethod(", *text, ")>"));
}

constexpr TypeMember kStaticMethodMembers[] = {
    Getter("__func__", &Callable),
    Getter("__wrapped__", &Callable),
};

constexpr TypeSlots StaticMethodSlots() {
  TypeSlots slots = SlotsFor<StaticMethodObject>(&StaticMethodObject::Clear);
  slots.repr = &StaticMethodRepr;
  slots.call = &StaticMethodCall;
  slots.descr_get = &StaticMethodGet;
  slots.new_instance = &StaticMethodNew;
  slots.init = &StaticMethodInit;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kStaticMethodType, "staticmethod",
                   {.flags = kTypeBaseType,
                    .slots = StaticMethodSlots(),
                    .members = kStaticMethodMembers});

}  // namespace islet
