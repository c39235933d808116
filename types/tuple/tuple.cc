// `tuple`: placeholder registration; its behaviour is not implemented yet.

#include "objects/tuple.h"
#include "runtime/static_type.h"

namespace islet {

ISLET_BUILTIN_TYPE(kTupleType, "tuple", {.flags = kTypeBaseType, .slots = SlotsFor<TupleObject>(&TupleObject::Clear)});

}  // namespace islet
