#include "objects/cell.h"

#include "interp/interpreter.h"
#include "objects/well_known.h"

namespace islet {

Ref<Object> NewCell(Ref<Object> contents) {
  return Interpreter::Current()->NewObject<CellObject>(WellKnownType(WellKnown::kCell),
                                                       std::move(contents));
}

}  // namespace islet
