#include "objects/list.h"

#include "interp/interpreter.h"
#include "objects/well_known.h"

namespace islet {

Ref<Object> NewList(std::vector<Ref<Object>> items) {
  return Interpreter::Current()->NewObject<ListObject>(WellKnownType(WellKnown::kList),
                                                       std::move(items));
}

std::vector<Ref<Object>>& ListItems(Object* list) { return static_cast<ListObject*>(list)->items; }

}  // namespace islet
