// `int`: placeholder registration; its behaviour is not implemented yet.

#include "objects/int.h"
#include "runtime/static_type.h"

namespace islet {

ISLET_BUILTIN_TYPE(kIntType, "int", {.flags = kTypeBaseType, .slots = SlotsFor<IntObject>()});

}  // namespace islet
