// `mappingproxy`: placeholder registration; its behaviour is not implemented yet.

#include "objects/mapping_proxy.h"
#include "runtime/static_type.h"

namespace islet {

ISLET_BUILTIN_TYPE(kMappingProxyType, "mappingproxy", {.slots = SlotsFor<MappingProxyObject>(&MappingProxyObject::Clear)});

}  // namespace islet
