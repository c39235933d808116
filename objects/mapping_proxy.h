// MappingProxyObject: a read-only view of a mapping. A type's `__dict__` is one,
// viewing the dict this interpreter has for the type (live: later changes show).

#ifndef ISLET_OBJECTS_MAPPING_PROXY_H_
#define ISLET_OBJECTS_MAPPING_PROXY_H_

#include "runtime/object.h"
#include "runtime/type_object.h"

namespace islet {

class MappingProxyObject : public Object {
 public:
  MappingProxyObject(Ref<TypeObject> type, Ref<Object> mapping)
      : type(std::move(type)), mapping(std::move(mapping)) {}
  Ref<TypeObject> type;  // set for a type's __dict__ ...
  Ref<Object> mapping;   // ... or the mapping viewed

  static void Clear(Object* self) {
    auto* proxy = static_cast<MappingProxyObject*>(self);
    proxy->type.reset();
    proxy->mapping.reset();
  }
  static void Traverse(Object* self, const Visitor& visit) {
    auto* proxy = static_cast<MappingProxyObject*>(self);
    visit(proxy->type);
    visit(proxy->mapping);
  }
};

// A read-only view of `type`'s dict in the current interpreter.
Ref<Object> NewTypeDictProxy(TypeObject* type);
// A read-only view of any mapping.
Ref<Object> NewMappingProxy(Ref<Object> mapping);

}  // namespace islet

#endif  // ISLET_OBJECTS_MAPPING_PROXY_H_
