// `bool`: placeholder registration; its behaviour is not implemented yet.

#include "objects/int.h"
#include "runtime/static_type.h"

namespace islet {

ISLET_BUILTIN_TYPE(kBoolType, "bool", {.base = "int", .slots = SlotsFor<IntObject>()});

}  // namespace islet
