// `tuple_iterator`: iterates a tuple by position. Exhausted, it lets the tuple go.

#include "types/tuple/tuple_iterator.h"

#include "interp/interpreter.h"
#include "objects/args.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/tuple.h"
#include "runtime/static_type.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

class TupleIteratorObject : public Object {
 public:
  explicit TupleIteratorObject(Ref<Object> tuple) : tuple(std::move(tuple)) {}
  Ref<Object> tuple;  // null once exhausted
  size_t index = 0;

  static void Clear(Object* self) { static_cast<TupleIteratorObject*>(self)->tuple.reset(); }
};

TupleIteratorObject* AsIterator(Object* self) { return static_cast<TupleIteratorObject*>(self); }

Ref<Object> TupleIteratorIter(Object* self) { return Ref<Object>::Borrow(self); }

Ref<Object> TupleIteratorNext(Object* self) {
  TupleIteratorObject* iterator = AsIterator(self);
  if (!iterator->tuple) return nullptr;
  std::span<const Ref<Object>> items = TupleItems(iterator->tuple.get());
  if (iterator->index < items.size()) return items[iterator->index++];
  iterator->tuple.reset();
  return nullptr;
}

// How many items are left, for operator.length_hint() and preallocation.
Ref<Object> TupleIteratorLengthHint(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "tuple_iterator.__length_hint__")) return nullptr;
  TupleIteratorObject* iterator = AsIterator(self);
  if (!iterator->tuple) return NewInt(0);
  const size_t size = TupleItems(iterator->tuple.get()).size();
  return NewInt(static_cast<int64_t>(size - iterator->index));
}

constexpr TypeMember kTupleIteratorMembers[] = {
    Method("__length_hint__", &TupleIteratorLengthHint),
};

Ref<Object> TupleIteratorNew(TypeObject* type, const CallArgs&) {
  return Raise(WellKnown::kTypeError, StrCat("cannot create '", type->name(), "' instances"));
}

constexpr TypeSlots TupleIteratorSlots() {
  TypeSlots slots = SlotsFor<TupleIteratorObject>(&TupleIteratorObject::Clear);
  slots.iter = &TupleIteratorIter;
  slots.next = &TupleIteratorNext;
  slots.new_instance = &TupleIteratorNew;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kTupleIteratorType, "tuple_iterator",
                   {.slots = TupleIteratorSlots(), .members = kTupleIteratorMembers});

Ref<Object> NewTupleIterator(Object* tuple) {
  return Interpreter::Current()->NewObject<TupleIteratorObject>(&kTupleIteratorType,
                                                                Ref<Object>::Borrow(tuple));
}

}  // namespace islet
