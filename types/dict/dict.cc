// `dict`: placeholder registration; its behaviour is not implemented yet.

#include "runtime/static_type.h"

namespace islet {

ISLET_BUILTIN_TYPE(kDictType, "dict", {.flags = kTypeBaseType, .slots = {}});

}  // namespace islet
