// `list_iterator`: iterates a list by position, reading its current items each
// step, so items appended meanwhile are seen (as in CPython) and a list that
// shrank simply ends the iteration. Exhausted, it lets the list go.

#include "types/list/list_iterator.h"

#include "interp/interpreter.h"
#include "objects/args.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/list.h"
#include "runtime/static_type.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

class ListIteratorObject : public Object {
 public:
  explicit ListIteratorObject(Ref<Object> list) : list(std::move(list)) {}
  Ref<Object> list;  // null once exhausted
  size_t index = 0;

  static void Clear(Object* self) { static_cast<ListIteratorObject*>(self)->list.reset(); }
};

ListIteratorObject* AsIterator(Object* self) { return static_cast<ListIteratorObject*>(self); }

Ref<Object> ListIteratorIter(Object* self) { return Ref<Object>::Borrow(self); }

Ref<Object> ListIteratorNext(Object* self) {
  ListIteratorObject* iterator = AsIterator(self);
  if (!iterator->list) return nullptr;
  std::vector<Ref<Object>>& items = ListItems(iterator->list.get());
  if (iterator->index < items.size()) return items[iterator->index++];
  iterator->list.reset();
  return nullptr;
}

// How many items are left, for operator.length_hint() and preallocation.
Ref<Object> ListIteratorLengthHint(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "list_iterator.__length_hint__")) return nullptr;
  ListIteratorObject* iterator = AsIterator(self);
  if (!iterator->list) return NewInt(0);
  const size_t size = ListItems(iterator->list.get()).size();
  return NewInt(iterator->index < size ? static_cast<int64_t>(size - iterator->index) : 0);
}

constexpr TypeMember kListIteratorMembers[] = {
    Method("__length_hint__", &ListIteratorLengthHint),
};

Ref<Object> ListIteratorNew(TypeObject* type, const CallArgs&) {
  return Raise(WellKnown::kTypeError, StrCat("cannot create '", type->name(), "' instances"));
}

constexpr TypeSlots ListIteratorSlots() {
  TypeSlots slots = SlotsFor<ListIteratorObject>(&ListIteratorObject::Clear);
  slots.iter = &ListIteratorIter;
  slots.next = &ListIteratorNext;
  slots.new_instance = &ListIteratorNew;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kListIteratorType, "list_iterator",
                   {.slots = ListIteratorSlots(), .members = kListIteratorMembers});

Ref<Object> NewListIterator(Object* list) {
  return Interpreter::Current()->NewObject<ListIteratorObject>(&kListIteratorType,
                                                               Ref<Object>::Borrow(list));
}

}  // namespace islet
