#include "types/object/object.h"

namespace islet {

ISLET_BUILTIN_TYPE(kObjectType, "object",
                   {.base = nullptr, .flags = kTypeBaseType, .slots = SlotsFor<Object>()});

}  // namespace islet
