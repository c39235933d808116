// TupleObject: Python's tuple. The empty tuple is an immortal singleton.

#ifndef ISLET_OBJECTS_TUPLE_H_
#define ISLET_OBJECTS_TUPLE_H_

#include <initializer_list>
#include <span>
#include <vector>

#include "runtime/object.h"

namespace islet {

class TupleObject : public Object {
 public:
  explicit TupleObject(std::vector<Ref<Object>> items) : items_(std::move(items)) {}
  constexpr explicit TupleObject(ImmortalTag tag) : Object(tag) {}

  std::span<const Ref<Object>> items() const { return items_; }

  static void Clear(Object* self) {
    std::vector<Ref<Object>> old;
    old.swap(static_cast<TupleObject*>(self)->items_);
  }

 private:
  std::vector<Ref<Object>> items_;
};

Ref<Object> NewTuple(std::vector<Ref<Object>> items);
Ref<Object> NewTuple(std::initializer_list<Object*> items);  // borrows each item
// The items of a tuple (or subclass instance).
std::span<const Ref<Object>> TupleItems(const Object* tuple);

}  // namespace islet

#endif  // ISLET_OBJECTS_TUPLE_H_
