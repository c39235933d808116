// What the descriptor types share: the checks and messages for binding and
// calling a static type's declared members and slot wrappers.

#ifndef ISLET_TYPES_DESCRIPTORS_DESCRIPTOR_COMMON_H_
#define ISLET_TYPES_DESCRIPTORS_DESCRIPTOR_COMMON_H_

#include <string_view>

#include "objects/descriptors.h"

namespace islet::descriptors {

inline MemberDescriptorObject* AsDescriptor(Object* self) {
  return static_cast<MemberDescriptorObject*>(self);
}

// Raises TypeError unless `instance` is an instance of `owner`, the type whose
// dict holds the descriptor `name`:
// "descriptor 'append' for 'list' objects doesn't apply to a 'int' object".
bool CheckApplies(std::string_view name, const TypeObject* owner, Object* instance);
inline bool CheckApplies(MemberDescriptorObject* descriptor, Object* instance) {
  return CheckApplies(descriptor->member->name, descriptor->owner, instance);
}

}  // namespace islet::descriptors

#endif  // ISLET_TYPES_DESCRIPTORS_DESCRIPTOR_COMMON_H_
