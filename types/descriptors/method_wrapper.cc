// `method-wrapper`: a slot wrapper bound to an instance ((1).__add__).

#include <cstdio>

#include "objects/errors.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/slot_wrappers.h"
#include "objects/str.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

MethodWrapperObject* AsMethodWrapper(Object* self) {
  return static_cast<MethodWrapperObject*>(self);
}
const SlotWrapperObject& WrapperOf(Object* self) {
  return *static_cast<SlotWrapperObject*>(AsMethodWrapper(self)->wrapper.get());
}

Ref<Object> MethodWrapperCall(Object* self, const CallArgs& args) {
  Ref<Object> keep = Ref<Object>::Borrow(self);
  return CallSlotWrapper(WrapperOf(self), AsMethodWrapper(self)->self.get(), args);
}

// "<method-wrapper '__add__' of int object at 0x...>".
Ref<Object> MethodWrapperRepr(Object* self) {
  Object* bound = AsMethodWrapper(self)->self.get();
  char address[32];
  std::snprintf(address, sizeof(address), "%p", static_cast<void*>(bound));
  return NewStr(StrCat("<method-wrapper '", SlotWrapperName(WrapperOf(self)), "' of ",
                       TypeName(bound->type()), " object at ", address, ">"));
}

// Equal when they wrap the same slot of the same type and are bound to the same
// object.
Ref<Object> MethodWrapperRichCompare(Object* self, Object* other, CompareOp op) {
  if ((op != CompareOp::kEq && op != CompareOp::kNe) || other->type() != self->type()) {
    return NotImplementedRef();
  }
  MethodWrapperObject* left = AsMethodWrapper(self);
  MethodWrapperObject* right = AsMethodWrapper(other);
  bool equal = left->self.get() == right->self.get() &&
               WrapperOf(self).def == WrapperOf(other).def &&
               WrapperOf(self).owner == WrapperOf(other).owner;
  return BoolRef(equal == (op == CompareOp::kEq));
}

int64_t MethodWrapperHash(Object* self) {
  int64_t hash = PointerHash(AsMethodWrapper(self)->self.get()) ^
                 PointerHash(AsMethodWrapper(self)->wrapper.get());
  return hash == -1 ? -2 : hash;
}

Ref<Object> MethodWrapperSelf(Object* self) { return AsMethodWrapper(self)->self; }
Ref<Object> MethodWrapperName(Object* self) { return NewStr(SlotWrapperName(WrapperOf(self))); }

constexpr TypeMember kMethodWrapperMembers[] = {
    Getter("__self__", &MethodWrapperSelf),
    Getter("__name__", &MethodWrapperName),
};

constexpr TypeSlots MethodWrapperSlots() {
  TypeSlots slots =
      SlotsFor<MethodWrapperObject>(&MethodWrapperObject::Clear, &MethodWrapperObject::Traverse);
  slots.repr = &MethodWrapperRepr;
  slots.call = &MethodWrapperCall;
  slots.richcompare = &MethodWrapperRichCompare;
  slots.hash = &MethodWrapperHash;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kMethodWrapperType, "method-wrapper",
                   {.slots = MethodWrapperSlots(), .members = kMethodWrapperMembers});

}  // namespace islet
