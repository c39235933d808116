// `tuple`: the immutable sequence. It hashes with CPython's xxHash-based tuple
// hash (so hash((1, 2)) is CPython's value once ints hash as CPython's do), and
// caches the hash in mortal tuples.

#include "objects/tuple.h"

#include <string>
#include <vector>

#include "interp/interpreter.h"
#include "objects/args.h"
#include "objects/errors.h"
#include "objects/immortals.h"
#include "objects/list.h"
#include "objects/protocol.h"
#include "objects/repr_guard.h"
#include "objects/sequence.h"
#include "objects/singletons.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "runtime/static_type.h"
#include "runtime/str_cat.h"
#include "types/tuple/tuple_iterator.h"

namespace islet {
namespace {

int64_t Size(const Object* self) { return static_cast<int64_t>(TupleItems(self).size()); }

// A tuple of `type` (tuple or a subclass) holding `items`.
Ref<Object> NewTupleOfType(TypeObject* type, std::vector<Ref<Object>> items) {
  if (type == WellKnownType(WellKnown::kTuple)) return NewTuple(std::move(items));
  return Interpreter::Current()->NewObject<TupleObject>(type, std::move(items));
}

Ref<Object> TupleRepr(Object* self) {
  std::span<const Ref<Object>> items = TupleItems(self);
  if (items.empty()) return NewStr("()");
  // A tuple cannot hold itself directly, but can through a mutable item.
  ReprGuard guard(self);
  if (guard.recursive()) return NewStr("(...)");
  std::string text = "(";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) text += ", ";
    std::optional<std::string> item = ReprText(items[i].get());
    if (!item) return nullptr;
    text += *item;
  }
  text += items.size() == 1 ? ",)" : ")";
  return NewStr(text);
}

int64_t TupleHash(Object* self) {
  auto* tuple = static_cast<TupleObject*>(self);
  if (tuple->cached_hash != -1) return tuple->cached_hash;
  const int64_t hash = HashTupleItems(tuple->items());
  if (hash != -1 && !self->IsImmortal()) tuple->cached_hash = hash;
  return hash;
}

// Lexicographic: the first items that differ decide, else the lengths.
Ref<Object> TupleRichCompare(Object* self, Object* other, CompareOp op) {
  if (!IsInstance(self, WellKnown::kTuple) || !IsInstance(other, WellKnown::kTuple)) {
    return NotImplementedRef();
  }
  return CompareSequences(self, other, op, &TupleItems);
}

int64_t TupleLength(Object* self) { return Size(self); }

Ref<Object> TupleGetItem(Object* self, Object* key) {
  std::span<const Ref<Object>> items = TupleItems(self);
  const int64_t size = static_cast<int64_t>(items.size());
  if (IsIndexable(key)) {
    std::optional<int64_t> index = IndexValue(key, WellKnown::kIndexError);
    if (!index) return nullptr;
    const int64_t position = *index < 0 ? *index + size : *index;
    if (position < 0 || position >= size) {
      return Raise(WellKnown::kIndexError, "tuple index out of range");
    }
    return items[static_cast<size_t>(position)];
  }
  if (IsInstance(key, WellKnown::kSlice)) {
    std::optional<SliceBounds> bounds = ResolveSlice(key, size);
    if (!bounds) return nullptr;
    if (bounds->step == 1 && bounds->count == size && IsExactly(self, WellKnown::kTuple)) {
      return Ref<Object>::Borrow(self);
    }
    std::vector<Ref<Object>> result;
    result.reserve(static_cast<size_t>(bounds->count));
    for (int64_t k = 0; k < bounds->count; ++k) {
      result.push_back(items[static_cast<size_t>(bounds->start + k * bounds->step)]);
    }
    return NewTuple(std::move(result));
  }
  return Raise(WellKnown::kTypeError, StrCat("tuple indices must be integers or slices, not ",
                                             TypeDisplayName(key->type())));
}

int TupleContains(Object* self, Object* item) { return SequenceContains(self, item, &TupleItems); }

// tuple + tuple. With a tuple on the left, any other right operand is an error
// (CPython would first try the right operand's reflected +; islet's classes
// cannot define one).
Ref<Object> TupleAdd(Object* left, Object* right) {
  if (!IsInstance(left, WellKnown::kTuple)) return NotImplementedRef();
  if (!IsInstance(right, WellKnown::kTuple)) {
    return Raise(WellKnown::kTypeError, StrCat("can only concatenate tuple (not \"",
                                               TypeDisplayName(right->type()), "\") to tuple"));
  }
  std::span<const Ref<Object>> first = TupleItems(left);
  std::span<const Ref<Object>> second = TupleItems(right);
  if (second.empty() && IsExactly(left, WellKnown::kTuple)) return Ref<Object>::Borrow(left);
  if (first.empty() && IsExactly(right, WellKnown::kTuple)) return Ref<Object>::Borrow(right);
  std::vector<Ref<Object>> items(first.begin(), first.end());
  items.insert(items.end(), second.begin(), second.end());
  return NewTuple(std::move(items));
}

// tuple * n and n * tuple.
Ref<Object> TupleMultiply(Object* left, Object* right) {
  Object* tuple;
  int64_t count;
  if (!RepeatOperands(left, right, WellKnown::kTuple, &tuple, &count)) return nullptr;
  if (count == 1 && IsExactly(tuple, WellKnown::kTuple)) return Ref<Object>::Borrow(tuple);
  if (TupleItems(tuple).empty() || count <= 0) return NewTuple(std::vector<Ref<Object>>());
  std::optional<std::vector<Ref<Object>>> items = RepeatItems(TupleItems(tuple), count);
  if (!items) return nullptr;
  return NewTuple(std::move(*items));
}

Ref<Object> TupleIter(Object* self) { return NewTupleIterator(self); }

// tuple(), tuple(iterable): an exact tuple argument is returned as it is.
Ref<Object> TupleNew(TypeObject* type, const CallArgs& args) {
  if (!CheckPositional(args, "tuple", 0, 1)) return nullptr;
  if (type == WellKnownType(WellKnown::kTuple)) {
    if (args.args.empty()) return Ref<Object>::Borrow(EmptyTuple());
    return TupleFromIterable(args.args[0]);
  }
  std::vector<Ref<Object>> items;
  if (!args.args.empty() && !AppendIterable(items, args.args[0])) return nullptr;
  return NewTupleOfType(type, std::move(items));
}

// --- methods ---

Ref<Object> TupleIndex(Object* self, const CallArgs& args) {
  return SequenceIndex(self, args, &TupleItems, "tuple.index(x): x not in tuple");
}

Ref<Object> TupleCount(Object* self, const CallArgs& args) {
  return SequenceCount(self, args, &TupleItems, "tuple.count");
}

constexpr TypeMember kTupleMembers[] = {
    Method("index", &TupleIndex),
    Method("count", &TupleCount),
};

constexpr TypeSlots TupleSlots() {
  TypeSlots slots = SlotsFor<TupleObject>(&TupleObject::Clear, &TupleObject::Traverse);
  slots.repr = &TupleRepr;
  slots.hash = &TupleHash;
  slots.richcompare = &TupleRichCompare;
  slots.length = &TupleLength;
  slots.getitem = &TupleGetItem;
  slots.contains = &TupleContains;
  slots.add = &TupleAdd;
  slots.multiply = &TupleMultiply;
  slots.iter = &TupleIter;
  slots.new_instance = &TupleNew;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kTupleType, "tuple",
                   {.flags = kTypeBaseType, .slots = TupleSlots(), .members = kTupleMembers});

}  // namespace islet
