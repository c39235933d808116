// `list`: placeholder registration; its behaviour is not implemented yet.

#include "objects/list.h"
#include "runtime/static_type.h"

namespace islet {

ISLET_BUILTIN_TYPE(kListType, "list", {.flags = kTypeBaseType, .slots = SlotsFor<ListObject>(&ListObject::Clear)});

}  // namespace islet
