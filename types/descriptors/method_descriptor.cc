// `method_descriptor`: a static type's method as found in its dict (list.append).
// Bound to an instance it becomes a builtin method; called directly, its first
// argument is the instance.

#include "objects/errors.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "runtime/str_cat.h"
#include "types/descriptors/descriptor_common.h"

namespace islet {
namespace {

using descriptors::AsDescriptor;

Ref<Object> MethodDescriptorRepr(Object* self) {
  MemberDescriptorObject* descriptor = AsDescriptor(self);
  return NewStr(StrCat("<method '", descriptor->member->name, "' of '", TypeName(descriptor->owner),
                       "' objects>"));
}

Ref<Object> MethodDescriptorGet(Object* self, Object* instance, TypeObject*) {
  MemberDescriptorObject* descriptor = AsDescriptor(self);
  if (instance == nullptr) return Ref<Object>::Borrow(self);
  if (!descriptors::CheckApplies(descriptor, instance)) return nullptr;
  return NewBuiltinFunction(descriptor->member, Ref<Object>::Borrow(instance));
}

Ref<Object> MethodDescriptorCall(Object* self, const CallArgs& args) {
  MemberDescriptorObject* descriptor = AsDescriptor(self);
  if (args.positional_count() == 0) {
    return Raise(WellKnown::kTypeError, StrCat("unbound method ", TypeName(descriptor->owner), ".",
                                               descriptor->member->name, "() needs an argument"));
  }
  Object* instance = args.args[0];
  if (!descriptors::CheckApplies(descriptor, instance)) return nullptr;
  return descriptor->member->method(
      instance, CallArgs{.args = args.args.subspan(1), .kwnames = args.kwnames});
}

constexpr TypeSlots MethodDescriptorSlots() {
  TypeSlots slots = SlotsFor<MemberDescriptorObject>();
  slots.repr = &MethodDescriptorRepr;
  slots.descr_get = &MethodDescriptorGet;
  slots.call = &MethodDescriptorCall;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kMethodDescriptorType, "method_descriptor", {.slots = MethodDescriptorSlots()});

}  // namespace islet
