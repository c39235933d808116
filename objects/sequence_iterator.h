// Sequence iterators: list_iterator, tuple_iterator, bytes_iterator,
// str_ascii_iterator and str_iterator walk their sequence by position. Each
// step re-reads the sequence's length, so items appended to a list meanwhile are
// seen and a list that shrank ends the iteration (as in CPython); exhausted, the
// iterator lets the sequence go. Each type keeps its own module and name and
// says how to read its sequence:
//
//   int64_t Length(const Object* tuple) { return ...; }
//   Ref<Object> Item(SequenceIteratorObject* it) { return TupleItems(...)[it->index]; }
//   constexpr SequenceIteratorKind kTupleIteration = {&Length, &Item};
//   ISLET_BUILTIN_TYPE(kTupleIteratorType, "tuple_iterator",
//                      {.slots = SequenceIteratorSlots(), .members = kSequenceIteratorMembers});
//   ... NewObject<SequenceIteratorObject>(&kTupleIteratorType, kTupleIteration, tuple) ...

#ifndef ISLET_OBJECTS_SEQUENCE_ITERATOR_H_
#define ISLET_OBJECTS_SEQUENCE_ITERATOR_H_

#include <cstdint>
#include <utility>

#include "objects/protocol.h"
#include "runtime/object.h"
#include "runtime/type_member.h"
#include "runtime/type_object.h"

namespace islet {

class SequenceIteratorObject;

// How an iterator type reads its sequence.
struct SequenceIteratorKind {
  // The sequence's length now.
  int64_t (*length)(const Object* sequence);
  // The item at iterator->index, which is below the length.
  Ref<Object> (*item)(SequenceIteratorObject* iterator);
};

class SequenceIteratorObject : public Object {
 public:
  SequenceIteratorObject(const SequenceIteratorKind& kind, Ref<Object> sequence)
      : kind(kind), sequence(std::move(sequence)) {}

  const SequenceIteratorKind& kind;
  Ref<Object> sequence;  // null once exhausted
  int64_t index = 0;     // of the next item

  static void Clear(Object* self) { static_cast<SequenceIteratorObject*>(self)->sequence.reset(); }
  static void Traverse(Object* self, const Visitor& visit) {
    visit(static_cast<SequenceIteratorObject*>(self)->sequence);
  }
};

// The next slot: the item at index, then index + 1; null once past the end.
Ref<Object> SequenceIteratorNext(Object* self);
// __length_hint__(): how many items are left, for operator.length_hint() and
// preallocation.
Ref<Object> SequenceIteratorLengthHint(Object* self, const CallArgs& args);

inline constexpr TypeMember kSequenceIteratorMembers[] = {
    Method("__length_hint__", &SequenceIteratorLengthHint),
};

// The slots of a sequence iterator type whose instances are T (a
// SequenceIteratorObject, or a subclass keeping more state).
template <typename T = SequenceIteratorObject>
constexpr TypeSlots SequenceIteratorSlots() {
  TypeSlots slots = SlotsFor<T>(&SequenceIteratorObject::Clear, &SequenceIteratorObject::Traverse);
  slots.iter = &SelfIter;
  slots.next = &SequenceIteratorNext;
  return slots;
}

}  // namespace islet

#endif  // ISLET_OBJECTS_SEQUENCE_ITERATOR_H_
