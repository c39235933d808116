// `weakref.ReferenceType`: placeholder registration; its behaviour is not implemented yet.

#include "runtime/static_type.h"

namespace islet {

ISLET_BUILTIN_TYPE(kWeakRefType, "weakref.ReferenceType", {.flags = kTypeBaseType, .slots = {}});

}  // namespace islet
