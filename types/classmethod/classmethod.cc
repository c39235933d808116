// `classmethod`: wraps a callable so that looking it up on a class, or on an
// instance, gives it bound to the class: C.f(x) calls f(C, x). The binding is a
// `bound_method` (bound_method.h), islet's stand-in for CPython's `method` type.
// Construction, repr and the wrapped callable are objects/callable_wrapper.h's.

#include "objects/callable_wrapper.h"
#include "runtime/static_type.h"
#include "types/classmethod/bound_method.h"

namespace islet {
namespace {

// Bound to the class it was looked up through, or the instance's class.
Ref<Object> ClassMethodGet(Object* self, Object* instance, TypeObject* owner) {
  Ref<Object> callable = WrappedCallable(self);
  if (!callable) return nullptr;
  TypeObject* bound_to = owner != nullptr ? owner : instance->type();
  return NewBoundMethod(std::move(callable), Ref<Object>::Borrow(bound_to));
}

constexpr TypeSlots ClassMethodSlots() {
  TypeSlots slots = CallableWrapperSlots();
  slots.descr_get = &ClassMethodGet;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kClassMethodType, "classmethod",
                   {.deps = {"bound_method"},
                    .flags = kTypeBaseType,
                    .slots = ClassMethodSlots(),
                    .members = kCallableWrapperMembers});

}  // namespace islet
