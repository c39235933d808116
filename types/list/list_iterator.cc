// `list_iterator`: iterates a list by position, reading its current items each
// step, so items appended meanwhile are seen (as in CPython) and a list that
// shrank simply ends the iteration. Exhausted, it lets the list go.

#include "types/list/list_iterator.h"

#include "interp/interpreter.h"
#include "objects/list.h"
#include "objects/sequence_iterator.h"
#include "runtime/static_type.h"

namespace islet {
namespace {

int64_t Length(const Object* list) {
  return static_cast<int64_t>(static_cast<const ListObject*>(list)->items.size());
}

Ref<Object> Item(SequenceIteratorObject* iterator) {
  return ListItems(iterator->sequence.get())[static_cast<size_t>(iterator->index)];
}

constexpr SequenceIteratorKind kListIteration = {&Length, &Item};

}  // namespace

ISLET_BUILTIN_TYPE(kListIteratorType, "list_iterator",
                   {.slots = SequenceIteratorSlots(), .members = kSequenceIteratorMembers});

Ref<Object> NewListIterator(Object* list) {
  return Interpreter::Current()->NewObject<SequenceIteratorObject>(
      &kListIteratorType, kListIteration, Ref<Object>::Borrow(list));
}

}  // namespace islet
