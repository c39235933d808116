#include "types/type/type.h"

#include "interp/heap_type.h"

namespace islet {

ISLET_BUILTIN_TYPE(kTypeType, "type", {.slots = SlotsFor<HeapType>(&HeapType::Clear)});

}  // namespace islet
