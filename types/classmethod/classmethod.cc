// `classmethod`: wraps a callable so that looking it up on a class, or on an
// instance, gives it bound to the class (a `method`): C.f(x) calls f(C, x).
// Construction, repr and the wrapped callable are objects/callable_wrapper.h's.

#include "objects/callable_wrapper.h"
#include "objects/function.h"
#include "runtime/static_type.h"

namespace islet {
namespace {

// Bound to the class it was looked up through, or the instance's class.
Ref<Object> ClassMethodGet(Object* self, Object* instance, TypeObject* owner) {
  Ref<Object> callable = WrappedCallable(self);
  if (!callable) return nullptr;
  TypeObject* bound_to = owner != nullptr ? owner : instance->type();
  return NewMethod(std::move(callable), Ref<Object>::Borrow(bound_to));
}

constexpr TypeSlots ClassMethodSlots() {
  TypeSlots slots = CallableWrapperSlots();
  slots.descr_get = &ClassMethodGet;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kClassMethodType, "classmethod",
                   {.deps = {"method"},
                    .flags = kTypeBaseType,
                    .slots = ClassMethodSlots(),
                    .members = kCallableWrapperMembers});

}  // namespace islet
