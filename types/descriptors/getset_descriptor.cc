// `getset_descriptor`: a computed attribute of a static type's instances
// (int.real, type.__name__). Always a data descriptor, as in CPython, so it wins
// over an instance's own attributes; without a setter it is read-only.

#include "objects/errors.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "runtime/str_cat.h"
#include "types/descriptors/descriptor_common.h"

namespace islet {
namespace {

using descriptors::AsDescriptor;

Ref<Object> GetSetDescriptorRepr(Object* self) {
  MemberDescriptorObject* descriptor = AsDescriptor(self);
  return NewStr(StrCat("<attribute '", descriptor->member->name, "' of '",
                       TypeName(descriptor->owner), "' objects>"));
}

Ref<Object> GetSetDescriptorGet(Object* self, Object* instance, TypeObject*) {
  MemberDescriptorObject* descriptor = AsDescriptor(self);
  if (instance == nullptr) return Ref<Object>::Borrow(self);
  if (!descriptors::CheckApplies(descriptor, instance)) return nullptr;
  return descriptor->member->getter(instance);
}

bool GetSetDescriptorSet(Object* self, Object* instance, Object* value) {
  MemberDescriptorObject* descriptor = AsDescriptor(self);
  if (!descriptors::CheckApplies(descriptor, instance)) return false;
  if (descriptor->member->setter == nullptr) {
    Raise(WellKnown::kAttributeError,
          StrCat("attribute '", descriptor->member->name, "' of '", TypeName(descriptor->owner),
                 "' objects is not writable"));
    return false;
  }
  return descriptor->member->setter(instance, value);
}

constexpr TypeSlots GetSetDescriptorSlots() {
  TypeSlots slots = SlotsFor<MemberDescriptorObject>();
  slots.repr = &GetSetDescriptorRepr;
  slots.descr_get = &GetSetDescriptorGet;
  slots.descr_set = &GetSetDescriptorSet;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kGetSetDescriptorType, "getset_descriptor", {.slots = GetSetDescriptorSlots()});

}  // namespace islet
