// Behaviour slots of heap types: a class created at run time behaves as the
// special methods along its MRO say (CPython's update_slot and slot_* functions).
//
// For each slot, the first class along the MRO that defines it wins: a heap class
// whose dict holds one of the slot's special methods (`__add__` or `__radd__` for
// `add`) gets a dispatcher that looks the method up on the instance's type and
// calls it; the first static type contributes its own C++ slot. Changing a
// special method in a class's dict recomputes the slots it feeds, in the class
// and its subclasses, in that class's interpreter only.

#ifndef ISLET_OBJECTS_HEAP_SLOTS_H_
#define ISLET_OBJECTS_HEAP_SLOTS_H_

#include "interp/heap_type.h"
#include "runtime/name.h"

namespace islet {

// ObjectsLayerHooks::update_heap_slots: recomputes `type`'s slots fed by the
// special method `changed` (all slots if null), then its subclasses'.
void UpdateHeapSlots(HeapType& type, const Name* changed);

}  // namespace islet

#endif  // ISLET_OBJECTS_HEAP_SLOTS_H_
