// ListObject: Python's list, and what other code needs to build and sort lists.

#ifndef ISLET_OBJECTS_LIST_H_
#define ISLET_OBJECTS_LIST_H_

#include <optional>
#include <string_view>
#include <vector>

#include "runtime/object.h"
#include "runtime/type_object.h"

namespace islet {

class ListObject : public Object {
 public:
  explicit ListObject(std::vector<Ref<Object>> items) : items(std::move(items)) {}
  std::vector<Ref<Object>> items;

  static void Clear(Object* self) {
    std::vector<Ref<Object>> old;
    old.swap(static_cast<ListObject*>(self)->items);
  }
  static void Traverse(Object* self, const Visitor& visit) {
    for (const Ref<Object>& item : static_cast<ListObject*>(self)->items) visit(item);
  }
};

Ref<Object> NewList(std::vector<Ref<Object>> items = {});
// The items of a list (or subclass instance).
std::vector<Ref<Object>>& ListItems(Object* list);

// Appends the items of `iterable` to `items`: a list or tuple is copied at once
// (so a list may be appended to its own items), anything else is iterated. On
// failure the items appended so far stay, as CPython's list.extend leaves them.
bool AppendIterable(std::vector<Ref<Object>>& items, Object* iterable);
// list(iterable).
Ref<Object> ListFromIterable(Object* iterable);
// The items of `iterable` for a function that reads them all first (CPython's
// PySequence_Fast): an exact list's or tuple's as they are, anything else's by
// iterating; TypeError `message` if it is not iterable.
std::optional<std::vector<Ref<Object>>> SequenceFast(Object* iterable, std::string_view message);
// list.sort(key=key_function, reverse=reverse): stable, ordering with `<`
// (RichCompareBool), so "'<' not supported between instances of 'str' and 'int'"
// propagates. `key_function` may be null. While it sorts the list looks empty; a
// list changed meanwhile raises "ValueError: list modified during sort". On any
// error the list keeps its items in their original order.
bool ListSort(Object* list, Object* key_function, bool reverse);

}  // namespace islet

#endif  // ISLET_OBJECTS_LIST_H_
