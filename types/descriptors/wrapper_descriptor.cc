// `wrapper_descriptor`: a static type's slot as found in its dict (int.__add__,
// objects/slot_wrappers.h). Bound to an instance it becomes a method-wrapper;
// called directly, its first argument is the instance.

#include "objects/errors.h"
#include "objects/protocol.h"
#include "objects/slot_wrappers.h"
#include "objects/str.h"
#include "objects/well_known.h"
#include "runtime/str_cat.h"
#include "types/descriptors/descriptor_common.h"

namespace islet {
namespace {

SlotWrapperObject* AsWrapper(Object* self) { return static_cast<SlotWrapperObject*>(self); }

// "<slot wrapper '__add__' of 'int' objects>".
Ref<Object> WrapperDescriptorRepr(Object* self) {
  SlotWrapperObject* wrapper = AsWrapper(self);
  return NewStr(StrCat("<slot wrapper '", SlotWrapperName(*wrapper), "' of '",
                       TypeName(wrapper->owner), "' objects>"));
}

Ref<Object> WrapperDescriptorGet(Object* self, Object* instance, TypeObject*) {
  SlotWrapperObject* wrapper = AsWrapper(self);
  if (instance == nullptr) return Ref<Object>::Borrow(self);
  if (!descriptors::CheckApplies(SlotWrapperName(*wrapper), wrapper->owner, instance)) {
    return nullptr;
  }
  return Interpreter::Current()->NewObject<MethodWrapperObject>(
      WellKnownType(WellKnown::kMethodWrapper), Ref<Object>::Borrow(self),
      Ref<Object>::Borrow(instance));
}

Ref<Object> WrapperDescriptorCall(Object* self, const CallArgs& args) {
  SlotWrapperObject* wrapper = AsWrapper(self);
  std::string_view name = SlotWrapperName(*wrapper);
  if (args.positional_count() == 0) {
    return Raise(WellKnown::kTypeError,
                 StrCat("descriptor '", name, "' of '", TypeName(wrapper->owner),
                        "' object needs an argument"));
  }
  Object* instance = args.args[0];
  if (!instance->type()->IsSubtypeOf(wrapper->owner)) {
    return Raise(WellKnown::kTypeError,
                 StrCat("descriptor '", name, "' requires a '", TypeName(wrapper->owner),
                        "' object but received a '", TypeDisplayName(instance->type()), "'"));
  }
  return CallSlotWrapper(*wrapper, instance,
                         CallArgs{.args = args.args.subspan(1), .kwnames = args.kwnames});
}

Ref<Object> WrapperDescriptorName(Object* self) {
  return NewStr(SlotWrapperName(*AsWrapper(self)));
}
Ref<Object> WrapperDescriptorObjclass(Object* self) {
  return Ref<Object>::Borrow(AsWrapper(self)->owner);
}

constexpr TypeMember kWrapperDescriptorMembers[] = {
    Getter("__name__", &WrapperDescriptorName),
    Getter("__qualname__", &WrapperDescriptorName),
    Getter("__objclass__", &WrapperDescriptorObjclass),
};

constexpr TypeSlots WrapperDescriptorSlots() {
  TypeSlots slots = SlotsFor<SlotWrapperObject>();
  slots.repr = &WrapperDescriptorRepr;
  slots.descr_get = &WrapperDescriptorGet;
  slots.call = &WrapperDescriptorCall;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kWrapperDescriptorType, "wrapper_descriptor",
                   {.slots = WrapperDescriptorSlots(), .members = kWrapperDescriptorMembers});

}  // namespace islet
