// `set_iterator`: iter() of a set or frozenset. Like CPython's, it fails with
// RuntimeError if the set's size changed since iteration began, and stays failed.

#include "objects/args.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/set.h"
#include "runtime/static_type.h"

namespace islet {
namespace {

SetIteratorObject* AsIterator(Object* self) { return static_cast<SetIteratorObject*>(self); }

Ref<Object> SetIteratorNext(Object* self) {
  SetIteratorObject* iterator = AsIterator(self);
  if (!iterator->set) return nullptr;
  SetObject* set = static_cast<SetObject*>(iterator->set.get());
  if (iterator->used != set->size()) {
    iterator->used = -1;  // a later next() fails too
    return Raise(WellKnown::kRuntimeError, "Set changed size during iteration");
  }
  const SetObject::Entry* entry;
  if (!set->Next(&iterator->position, &entry)) {
    iterator->set.reset();
    return nullptr;
  }
  --iterator->remaining;
  return entry->key;
}

Ref<Object> SetIteratorLengthHint(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "set_iterator.__length_hint__")) return nullptr;
  SetIteratorObject* iterator = AsIterator(self);
  bool valid = iterator->set && iterator->used == SetSize(iterator->set.get());
  return NewInt(valid ? iterator->remaining : 0);
}

constexpr TypeMember kSetIteratorMembers[] = {
    Method("__length_hint__", &SetIteratorLengthHint),
};

constexpr TypeSlots SetIteratorSlots() {
  TypeSlots slots =
      SlotsFor<SetIteratorObject>(&SetIteratorObject::Clear, &SetIteratorObject::Traverse);
  slots.iter = &SelfIter;
  slots.next = &SetIteratorNext;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kSetIteratorType, "set_iterator",
                   {.slots = SetIteratorSlots(), .members = kSetIteratorMembers});

}  // namespace islet
