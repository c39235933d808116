// `classmethod_descriptor`: a static type's class method (dict.fromkeys), bound to
// the type it is looked up through.

#include "objects/errors.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/well_known.h"
#include "runtime/str_cat.h"
#include "types/descriptors/descriptor_common.h"

namespace islet {
namespace {

using descriptors::AsDescriptor;

Ref<Object> ClassMethodDescriptorRepr(Object* self) {
  MemberDescriptorObject* descriptor = AsDescriptor(self);
  return NewStr(StrCat("<method '", descriptor->member->name, "' of '", TypeName(descriptor->owner),
                       "' objects>"));
}

Ref<Object> ClassMethodDescriptorGet(Object* self, Object* instance, TypeObject* owner) {
  MemberDescriptorObject* descriptor = AsDescriptor(self);
  TypeObject* bound_to = owner != nullptr ? owner : instance->type();
  return NewBuiltinFunction(descriptor->member, Ref<Object>::Borrow(bound_to));
}

Ref<Object> ClassMethodDescriptorCall(Object* self, const CallArgs& args) {
  MemberDescriptorObject* descriptor = AsDescriptor(self);
  if (args.positional_count() == 0 || !IsInstance(args.args[0], WellKnown::kType) ||
      !static_cast<TypeObject*>(args.args[0])->IsSubtypeOf(descriptor->owner)) {
    return Raise(WellKnown::kTypeError,
                 StrCat("descriptor '", descriptor->member->name, "' for type '",
                        TypeName(descriptor->owner), "' needs a subtype of '",
                        TypeName(descriptor->owner), "' as its first argument"));
  }
  return descriptor->member->method(
      args.args[0], CallArgs{.args = args.args.subspan(1), .kwnames = args.kwnames});
}

constexpr TypeSlots ClassMethodDescriptorSlots() {
  TypeSlots slots = SlotsFor<MemberDescriptorObject>();
  slots.repr = &ClassMethodDescriptorRepr;
  slots.descr_get = &ClassMethodDescriptorGet;
  slots.call = &ClassMethodDescriptorCall;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kClassMethodDescriptorType, "classmethod_descriptor",
                   {.slots = ClassMethodDescriptorSlots()});

}  // namespace islet
