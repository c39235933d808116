#include "types/descriptors/descriptor_common.h"

#include "objects/errors.h"
#include "objects/protocol.h"
#include "runtime/str_cat.h"

namespace islet::descriptors {

bool CheckApplies(std::string_view name, const TypeObject* owner, Object* instance) {
  if (instance->type()->IsSubtypeOf(owner)) return true;
  Raise(WellKnown::kTypeError,
        StrCat("descriptor '", name, "' for '", TypeName(owner), "' objects doesn't apply to a '",
               TypeDisplayName(instance->type()), "' object"));
  return false;
}

}  // namespace islet::descriptors
