// `str`: placeholder registration; its behaviour is not implemented yet.

#include "objects/str.h"
#include "runtime/static_type.h"

namespace islet {

ISLET_BUILTIN_TYPE(kStrType, "str", {.flags = kTypeBaseType, .slots = SlotsFor<StrObject>()});

}  // namespace islet
