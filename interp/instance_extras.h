// InstanceExtras: what an instance of a heap type has beyond its base's layout:
// its own attributes (`__dict__`) and the weak references to it.
//
// A heap type places them right after the layout it inherits, at
// TypeObject::extras_offset() bytes into each instance, so a subclass of `int` is
// an IntObject followed by its extras and the base's code keeps working on it.
// Static types have none (offset 0). The interpreter constructs the extras when it
// allocates an instance; the heap type's destroy and clear slots release them.

#ifndef ISLET_INTERP_INSTANCE_EXTRAS_H_
#define ISLET_INTERP_INSTANCE_EXTRAS_H_

#include <memory>

#include "interp/weakref.h"
#include "runtime/attr_table.h"
#include "runtime/object.h"
#include "runtime/type_object.h"

namespace islet {

// The attributes live in `attributes` (created by the first set) until the
// program asks for `__dict__`; from then on in `dict`, a dict object the program
// may hold and change (objects/protocol.cc), and `attributes` is null.
struct InstanceExtras {
  std::unique_ptr<AttrTable> attributes;
  Ref<Object> dict;
  WeakRefList weakrefs;
};

// The extras of `object`, or nullptr if its type gives instances none.
inline InstanceExtras* ExtrasOf(Object* object) {
  uint32_t offset = object->type()->extras_offset();
  if (offset == 0) return nullptr;
  return reinterpret_cast<InstanceExtras*>(reinterpret_cast<char*>(object) + offset);
}

}  // namespace islet

#endif  // ISLET_INTERP_INSTANCE_EXTRAS_H_
