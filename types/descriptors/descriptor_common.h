// What the descriptor types share: the checks and messages for binding and
// calling a static type's declared member.

#ifndef ISLET_TYPES_DESCRIPTORS_DESCRIPTOR_COMMON_H_
#define ISLET_TYPES_DESCRIPTORS_DESCRIPTOR_COMMON_H_

#include "objects/descriptors.h"

namespace islet::descriptors {

inline MemberDescriptorObject* AsDescriptor(Object* self) {
  return static_cast<MemberDescriptorObject*>(self);
}

// Raises TypeError unless `instance` is an instance of the descriptor's owner:
// "descriptor 'append' for 'list' objects doesn't apply to a 'int' object".
bool CheckApplies(MemberDescriptorObject* descriptor, Object* instance);

}  // namespace islet::descriptors

#endif  // ISLET_TYPES_DESCRIPTORS_DESCRIPTOR_COMMON_H_
