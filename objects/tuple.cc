#include "objects/tuple.h"

#include "interp/interpreter.h"
#include "objects/immortals.h"
#include "objects/well_known.h"

namespace islet {

Ref<Object> NewTuple(std::vector<Ref<Object>> items) {
  if (items.empty()) return Ref<Object>::Borrow(EmptyTuple());
  return Interpreter::Current()->NewObject<TupleObject>(WellKnownType(WellKnown::kTuple),
                                                        std::move(items));
}

Ref<Object> NewTuple(std::initializer_list<Object*> items) {
  std::vector<Ref<Object>> refs;
  refs.reserve(items.size());
  for (Object* item : items) refs.push_back(Ref<Object>::Borrow(item));
  return NewTuple(std::move(refs));
}

std::span<const Ref<Object>> TupleItems(const Object* tuple) {
  return static_cast<const TupleObject*>(tuple)->items();
}

}  // namespace islet
