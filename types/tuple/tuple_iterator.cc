// `tuple_iterator`: iterates a tuple by position. Exhausted, it lets the tuple go.

#include "types/tuple/tuple_iterator.h"

#include "interp/interpreter.h"
#include "objects/sequence_iterator.h"
#include "objects/tuple.h"
#include "runtime/static_type.h"

namespace islet {
namespace {

int64_t Length(const Object* tuple) { return static_cast<int64_t>(TupleItems(tuple).size()); }

Ref<Object> Item(SequenceIteratorObject* iterator) {
  return TupleItems(iterator->sequence.get())[static_cast<size_t>(iterator->index)];
}

constexpr SequenceIteratorKind kTupleIteration = {&Length, &Item};

}  // namespace

ISLET_BUILTIN_TYPE(kTupleIteratorType, "tuple_iterator",
                   {.slots = SequenceIteratorSlots(), .members = kSequenceIteratorMembers});

Ref<Object> NewTupleIterator(Object* tuple) {
  return Interpreter::Current()->NewObject<SequenceIteratorObject>(
      &kTupleIteratorType, kTupleIteration, Ref<Object>::Borrow(tuple));
}

}  // namespace islet
