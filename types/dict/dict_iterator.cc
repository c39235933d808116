// `dict_keyiterator`, `dict_valueiterator`, `dict_itemiterator`: iterate a dict
// in insertion order. Each target in this package compiles this file with
// ISLET_DICT_PART and ISLET_DICT_TYPE_NAME defined (see BUILD); the type lives in
// an anonymous namespace, so the three link side by side.
//
// As in CPython, a dict whose size changed since the iterator was made raises
// "dictionary changed size during iteration" (for good: the state is sticky), and
// one that kept its size but gained keys raises "dictionary keys changed during
// iteration" once the iterator has yielded as many as it started with.

#include "interp/interpreter.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/tuple.h"
#include "runtime/static_type.h"
#include "runtime/str_cat.h"
#include "types/dict/dict_parts.h"

namespace islet {
namespace {

constexpr DictPart kPart = DictPart::ISLET_DICT_PART;

class DictIteratorObject : public Object {
 public:
  explicit DictIteratorObject(Ref<Object> dict)
      : dict(std::move(dict)),
        expected_size(DictSize(this->dict.get())),
        remaining(expected_size) {}

  Ref<Object> dict;  // null once exhausted
  int64_t position = 0;
  int64_t expected_size;  // -1 after a size change, so the error repeats
  int64_t remaining;      // entries still to yield

  static void Clear(Object* self) { static_cast<DictIteratorObject*>(self)->dict.reset(); }
  static void Traverse(Object* self, const Visitor& visit) {
    visit(static_cast<DictIteratorObject*>(self)->dict);
  }
};

DictIteratorObject* AsIterator(Object* self) { return static_cast<DictIteratorObject*>(self); }

Ref<Object> DictIteratorNext(Object* self) {
  DictIteratorObject* iterator = AsIterator(self);
  if (!iterator->dict) return nullptr;
  if (DictSize(iterator->dict.get()) != iterator->expected_size) {
    iterator->expected_size = -1;
    return Raise(WellKnown::kRuntimeError, "dictionary changed size during iteration");
  }
  Object* key;
  Object* value;
  if (!DictNext(iterator->dict.get(), &iterator->position, &key, &value)) {
    iterator->dict.reset();
    return nullptr;
  }
  if (iterator->remaining == 0) {
    iterator->dict.reset();
    return Raise(WellKnown::kRuntimeError, "dictionary keys changed during iteration");
  }
  --iterator->remaining;
  if constexpr (kPart == DictPart::kKeys) {
    return Ref<Object>::Borrow(key);
  } else if constexpr (kPart == DictPart::kValues) {
    return Ref<Object>::Borrow(value);
  } else {
    return NewTuple({key, value});
  }
}

// How many items are left (0 once the dict changed size), for
// operator.length_hint() and preallocation.
Ref<Object> DictIteratorLengthHint(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, StrCat(ISLET_DICT_TYPE_NAME, ".__length_hint__"))) return nullptr;
  DictIteratorObject* iterator = AsIterator(self);
  const bool valid = iterator->dict && DictSize(iterator->dict.get()) == iterator->expected_size;
  return NewInt(valid ? iterator->remaining : 0);
}

constexpr TypeMember kDictIteratorMembers[] = {
    Method("__length_hint__", &DictIteratorLengthHint),
};

constexpr TypeSlots DictIteratorSlots() {
  TypeSlots slots =
      SlotsFor<DictIteratorObject>(&DictIteratorObject::Clear, &DictIteratorObject::Traverse);
  slots.iter = &SelfIter;
  slots.next = &DictIteratorNext;
  return slots;
}

ISLET_BUILTIN_TYPE(kDictIteratorType, ISLET_DICT_TYPE_NAME,
                   {.slots = DictIteratorSlots(), .members = kDictIteratorMembers});

}  // namespace

template <>
Ref<Object> NewDictIterator<kPart>(Object* dict) {
  return Interpreter::Current()->NewObject<DictIteratorObject>(&kDictIteratorType,
                                                               Ref<Object>::Borrow(dict));
}

}  // namespace islet
