// CellObject: a `cell`, a variable shared between a frame and the functions
// defined in it (a closure variable). Making it an object means each reference
// to its contents is held, and shown to the cycle collector, once: by the cell,
// however many frames and functions share it.
//
//   Ref<Object> cell = NewCell();
//   CellContents(cell.get()) = NewInt(1);   // the variable, null while unbound

#ifndef ISLET_OBJECTS_CELL_H_
#define ISLET_OBJECTS_CELL_H_

#include <utility>

#include "runtime/object.h"
#include "runtime/type_object.h"

namespace islet {

class CellObject : public Object {
 public:
  explicit CellObject(Ref<Object> contents) : contents(std::move(contents)) {}
  Ref<Object> contents;  // null: empty

  static void Clear(Object* self) { static_cast<CellObject*>(self)->contents.reset(); }
  static void Traverse(Object* self, const Visitor& visit) {
    visit(static_cast<CellObject*>(self)->contents);
  }
};

// A new cell holding `contents` (null: empty) in the current interpreter.
Ref<Object> NewCell(Ref<Object> contents = nullptr);

// The variable a cell holds.
inline Ref<Object>& CellContents(Object* cell) { return static_cast<CellObject*>(cell)->contents; }

}  // namespace islet

#endif  // ISLET_OBJECTS_CELL_H_
