#include "objects/mapping_proxy.h"

#include "interp/interpreter.h"
#include "objects/well_known.h"

namespace islet {

Ref<Object> NewTypeDictProxy(TypeObject* type) {
  return Interpreter::Current()->NewObject<MappingProxyObject>(
      WellKnownType(WellKnown::kMappingProxy), Ref<TypeObject>::Borrow(type), nullptr);
}

Ref<Object> NewMappingProxy(Ref<Object> mapping) {
  return Interpreter::Current()->NewObject<MappingProxyObject>(
      WellKnownType(WellKnown::kMappingProxy), nullptr, std::move(mapping));
}

}  // namespace islet
