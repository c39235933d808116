// TupleObject: Python's tuple. The empty tuple is an immortal singleton. Also the
// xxHash-based hash CPython gives tuples, which slice's hash shares.

#ifndef ISLET_OBJECTS_TUPLE_H_
#define ISLET_OBJECTS_TUPLE_H_

#include <cstdint>
#include <initializer_list>
#include <span>
#include <vector>

#include "runtime/object.h"
#include "runtime/type_object.h"

namespace islet {

class TupleObject : public Object {
 public:
  explicit TupleObject(std::vector<Ref<Object>> items) : items_(std::move(items)) {}
  constexpr explicit TupleObject(ImmortalTag tag) : Object(tag) {}

  std::span<const Ref<Object>> items() const { return items_; }

  // -1 until computed. Never written for the immortal empty tuple (shared by
  // threads of every interpreter).
  int64_t cached_hash = -1;

  static void Clear(Object* self) {
    std::vector<Ref<Object>> old;
    old.swap(static_cast<TupleObject*>(self)->items_);
  }
  static void Traverse(Object* self, const Visitor& visit) {
    for (const Ref<Object>& item : static_cast<TupleObject*>(self)->items_) visit(item);
  }

 private:
  std::vector<Ref<Object>> items_;
};

Ref<Object> NewTuple(std::vector<Ref<Object>> items);
Ref<Object> NewTuple(std::initializer_list<Object*> items);  // borrows each item
// The items of a tuple (or subclass instance).
std::span<const Ref<Object>> TupleItems(const Object* tuple);
// tuple(iterable): `iterable` itself if it is exactly a tuple.
Ref<Object> TupleFromIterable(Object* iterable);

// XxHashAccumulator: the lane mixing of CPython's tuple hash (xxHash's round),
// fed one item hash at a time.
//
//   XxHashAccumulator acc;
//   for (...) if (!acc.Add(item)) return -1;   // unhashable item
//   return acc.Finish(count);                  // tuple; FinishWithoutLength for slice
class XxHashAccumulator {
 public:
  // Mixes in Hash(item); false with an exception pending if it is unhashable,
  // or if the stack is too deep to hash it (objects/errors.h, CheckStack).
  bool Add(Object* item);
  // The tuple hash of `count` items mixed in (never -1).
  int64_t Finish(uint64_t count) const;
  // The hash without the length (slice's variant; never -1).
  int64_t FinishWithoutLength() const;

 private:
  uint64_t acc_ = 2870177450012600261ULL;  // xxHash's PRIME64_5
};

// The hash CPython gives a tuple of `items`; -1 with an exception pending if one
// is unhashable. hash(()) is 5740354900026072187, as in CPython.
int64_t HashTupleItems(std::span<const Ref<Object>> items);

}  // namespace islet

#endif  // ISLET_OBJECTS_TUPLE_H_
