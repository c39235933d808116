// `staticmethod`: wraps a callable so that looking it up on a class or an
// instance gives the callable itself, unbound. Calling the wrapper calls it too
// (CPython 3.10+). Construction, repr and the wrapped callable are
// objects/callable_wrapper.h's.

#include "objects/callable_wrapper.h"
#include "objects/protocol.h"
#include "runtime/static_type.h"

namespace islet {
namespace {

Ref<Object> StaticMethodGet(Object* self, Object*, TypeObject*) { return WrappedCallable(self); }

Ref<Object> StaticMethodCall(Object* self, const CallArgs& args) {
  Ref<Object> callable = WrappedCallable(self);
  if (!callable) return nullptr;
  return Call(callable.get(), args);
}

constexpr TypeSlots StaticMethodSlots() {
  TypeSlots slots = CallableWrapperSlots();
  slots.call = &StaticMethodCall;
  slots.descr_get = &StaticMethodGet;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kStaticMethodType, "staticmethod",
                   {.flags = kTypeBaseType,
                    .slots = StaticMethodSlots(),
                    .members = kCallableWrapperMembers});

}  // namespace islet
