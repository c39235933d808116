// ListObject: Python's list, and what other code needs to build and sort lists.
// Also home to ReprGuard, the recursion guard every container's repr uses.

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

// Appends the items of `iterable` to `items`: a list or tuple is copied at once
// (so a list may be appended to its own items), anything else is iterated. On
// failure the items appended so far stay, as CPython's list.extend leaves them.
bool AppendIterable(std::vector<Ref<Object>>& items, Object* iterable);
// list(iterable).
Ref<Object> ListFromIterable(Object* iterable);
// list.sort(key=key_function, reverse=reverse): stable, ordering with `<`
// (RichCompareBool), so "'<' not supported between instances of 'str' and 'int'"
// propagates. `key_function` may be null. While it sorts the list looks empty; a
// list changed meanwhile raises "ValueError: list modified during sort". On any
// error the list keeps its items in their original order.
bool ListSort(Object* list, Object* key_function, bool reverse);

// ReprGuard marks a container as being repr'd on this thread, so that one that
// contains itself prints as "[...]" instead of recursing forever (CPython's
// Py_ReprEnter / Py_ReprLeave).
//
//   ReprGuard guard(self);
//   if (guard.recursive()) return NewStr("[...]");
class ReprGuard {
 public:
  explicit ReprGuard(const Object* object);
  ~ReprGuard();
  ReprGuard(const ReprGuard&) = delete;
  ReprGuard& operator=(const ReprGuard&) = delete;

  // Whether `object` was already being repr'd (an enclosing repr of it is running).
  bool recursive() const { return recursive_; }

 private:
  const Object* object_;
  bool recursive_;
};

}  // namespace islet

#endif  // ISLET_OBJECTS_LIST_H_
