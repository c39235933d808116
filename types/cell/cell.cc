// `cell` (CPython's types.CellType): a closure variable shared between a frame
// and the functions defined in it (objects/cell.h). `cell_contents` reads,
// sets and empties it.

#include "objects/cell.h"

#include <cstdio>
#include <string>

#include "objects/args.h"
#include "objects/errors.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "runtime/static_type.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

std::string Address(const Object* object) {
  char text[32];
  std::snprintf(text, sizeof(text), "%p", static_cast<const void*>(object));
  return text;
}

// cell(), cell(contents).
Ref<Object> CellNew(TypeObject*, const CallArgs& args) {
  if (!CheckPositional(args, "cell", 0, 1)) return nullptr;
  return NewCell(args.args.empty() ? nullptr : Ref<Object>::Borrow(args.args[0]));
}

// "<cell at 0x...: int object at 0x...>", "<cell at 0x...: empty>".
Ref<Object> CellRepr(Object* self) {
  Object* contents = CellContents(self).get();
  if (contents == nullptr) return NewStr(StrCat("<cell at ", Address(self), ": empty>"));
  return NewStr(StrCat("<cell at ", Address(self), ": ", TypeDisplayName(contents->type()),
                       " object at ", Address(contents), ">"));
}

Ref<Object> CellContentsGet(Object* self) {
  Ref<Object> contents = CellContents(self);
  if (!contents) return Raise(WellKnown::kValueError, "Cell is empty");
  return contents;
}

// Deleting (a null value) empties the cell, even an empty one.
bool CellContentsSet(Object* self, Object* value) {
  Ref<Object> old = std::move(CellContents(self));  // released after the cell changed
  CellContents(self) = Ref<Object>::Borrow(value);
  return true;
}

constexpr TypeMember kCellMembers[] = {
    Getter("cell_contents", &CellContentsGet, &CellContentsSet),
};

constexpr TypeSlots CellSlots() {
  TypeSlots slots = SlotsFor<CellObject>(&CellObject::Clear, &CellObject::Traverse);
  slots.repr = &CellRepr;
  slots.new_instance = &CellNew;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kCellType, "cell", {.slots = CellSlots(), .members = kCellMembers});

}  // namespace islet
