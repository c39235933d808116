#include "objects/tuple.h"

#include "interp/interpreter.h"
#include "interp/ownership.h"
#include "objects/errors.h"
#include "objects/immortals.h"
#include "objects/list.h"
#include "objects/protocol.h"
#include "objects/well_known.h"

namespace islet {
namespace {

// xxHash's 64-bit primes, as CPython's tuple hash uses them.
constexpr uint64_t kXxPrime1 = 11400714785074694791ULL;
constexpr uint64_t kXxPrime2 = 14029467366897019727ULL;
constexpr uint64_t kXxPrime5 = 2870177450012600261ULL;

// A result of -1 means "error", so CPython maps it to this constant.
constexpr int64_t kHashForMinusOne = 1546275796;

int64_t NotMinusOne(uint64_t hash) {
  return hash == static_cast<uint64_t>(-1) ? kHashForMinusOne : static_cast<int64_t>(hash);
}

}  // namespace

Ref<Object> NewTuple(std::vector<Ref<Object>> items) {
  if (items.empty()) return Ref<Object>::Borrow(EmptyTuple());
  if (!CheckOwnedIfChecked(items)) return nullptr;
  return Interpreter::Current()->NewObject<TupleObject>(WellKnownType(WellKnown::kTuple),
                                                        std::move(items));
}

Ref<Object> NewTuple(std::initializer_list<Object*> items) {
  std::vector<Ref<Object>> refs;
  refs.reserve(items.size());
  for (Object* item : items) refs.push_back(Ref<Object>::Borrow(item));
  return NewTuple(std::move(refs));
}

std::span<const Ref<Object>> TupleItems(const Object* tuple) {
  return static_cast<const TupleObject*>(tuple)->items();
}

Ref<Object> TupleFromIterable(Object* iterable) {
  if (IsExactly(iterable, WellKnown::kTuple)) return Ref<Object>::Borrow(iterable);
  std::vector<Ref<Object>> items;
  if (!AppendIterable(items, iterable)) return nullptr;
  return NewTuple(std::move(items));
}

bool XxHashAccumulator::Add(Object* item) {
  // The item may be a tuple nested a million times.
  if (!CheckStack(" while getting the hash of an object")) return false;
  const int64_t lane = Hash(item);
  if (lane == -1) return false;
  acc_ += static_cast<uint64_t>(lane) * kXxPrime2;
  acc_ = (acc_ << 31) | (acc_ >> 33);
  acc_ *= kXxPrime1;
  return true;
}

int64_t XxHashAccumulator::Finish(uint64_t count) const {
  // The length is mangled so that hash(()) keeps its historical value.
  return NotMinusOne(acc_ + (count ^ (kXxPrime5 ^ 3527539ULL)));
}

int64_t XxHashAccumulator::FinishWithoutLength() const { return NotMinusOne(acc_); }

int64_t HashTupleItems(std::span<const Ref<Object>> items) {
  XxHashAccumulator acc;
  for (const Ref<Object>& item : items) {
    if (!acc.Add(item.get())) return -1;
  }
  return acc.Finish(items.size());
}

}  // namespace islet
