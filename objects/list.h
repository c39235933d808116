// ListObject: Python's list.

#ifndef ISLET_OBJECTS_LIST_H_
#define ISLET_OBJECTS_LIST_H_

#include <vector>

#include "runtime/object.h"

namespace islet {

class ListObject : public Object {
 public:
  explicit ListObject(std::vector<Ref<Object>> items) : items(std::move(items)) {}
  std::vector<Ref<Object>> items;

  static void Clear(Object* self) {
    std::vector<Ref<Object>> old;
    old.swap(static_cast<ListObject*>(self)->items);
  }
};

Ref<Object> NewList(std::vector<Ref<Object>> items = {});
// The items of a list (or subclass instance).
std::vector<Ref<Object>>& ListItems(Object* list);

}  // namespace islet

#endif  // ISLET_OBJECTS_LIST_H_
