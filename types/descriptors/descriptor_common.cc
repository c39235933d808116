#include "types/descriptors/descriptor_common.h"

#include "objects/errors.h"
#include "objects/protocol.h"
#include "runtime/str_cat.h"

namespace islet::descriptors {

bool CheckApplies(MemberDescriptorObject* descriptor, Object* instance) {
  if (instance->type()->IsSubtypeOf(descriptor->owner)) return true;
  Raise(WellKnown::kTypeError,
        StrCat("descriptor '", descriptor->member->name, "' for '", TypeName(descriptor->owner),
               "' objects doesn't apply to a '", TypeDisplayName(instance->type()), "' object"));
  return false;
}

}  // namespace islet::descriptors
