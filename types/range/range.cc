// `range`: an immutable arithmetic sequence of ints, computed on demand. Bounds
// are int64_t (objects/range.h): a range whose start, stop, step or length does
// not fit raises OverflowError. Membership and index() of an int are computed,
// not searched.

#include "objects/range.h"

#include <limits>
#include <string>

#include "interp/interpreter.h"
#include "objects/args.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/static_type.h"
#include "runtime/str_cat.h"
#include "types/range/range_iterator.h"

namespace islet {
namespace {

const RangeObject& AsRange(const Object* self) { return *static_cast<const RangeObject*>(self); }

// range(stop), range(start, stop[, step]).
Ref<Object> RangeNew(TypeObject*, const CallArgs& args) {
  if (!CheckPositional(args, "range", 1, 3)) return nullptr;
  int64_t bounds[3] = {0, 0, 1};  // start, stop, step
  std::span<Object* const> given = args.args;
  int64_t* first = given.size() == 1 ? &bounds[1] : &bounds[0];
  for (size_t i = 0; i < given.size(); ++i) {
    std::optional<int64_t> value = IndexAsInt64(given[i]);
    if (!value) return nullptr;
    first[i] = *value;
  }
  if (bounds[2] == 0) return Raise(WellKnown::kValueError, "range() arg 3 must not be zero");
  return NewRange(bounds[0], bounds[1], bounds[2]);
}

Ref<Object> RangeRepr(Object* self) {
  const RangeObject& range = AsRange(self);
  if (range.step == 1) return NewStr(StrCat("range(", range.start, ", ", range.stop, ")"));
  return NewStr(StrCat("range(", range.start, ", ", range.stop, ", ", range.step, ")"));
}

// CPython's: hash((len, start, step)), with None for what does not matter (both
// for an empty range, the step for a single item), so equal ranges hash alike.
int64_t RangeHash(Object* self) {
  const RangeObject& range = AsRange(self);
  Ref<Object> length = NewInt(range.length);
  Ref<Object> start = range.length == 0 ? NoneRef() : NewInt(range.start);
  Ref<Object> step = range.length <= 1 ? NoneRef() : NewInt(range.step);
  return HashTupleItems(std::vector<Ref<Object>>{length, start, step});
}

// Ranges are equal when they hold the same ints.
bool SameSequence(const RangeObject& left, const RangeObject& right) {
  if (left.length != right.length) return false;
  if (left.length == 0) return true;
  if (left.start != right.start) return false;
  return left.length == 1 || left.step == right.step;
}

Ref<Object> RangeRichCompare(Object* self, Object* other, CompareOp op) {
  if (!IsInstance(self, WellKnown::kRange) || !IsInstance(other, WellKnown::kRange) ||
      (op != CompareOp::kEq && op != CompareOp::kNe)) {
    return NotImplementedRef();
  }
  return BoolRef(SameSequence(AsRange(self), AsRange(other)) == (op == CompareOp::kEq));
}

int64_t RangeLen(Object* self) { return AsRange(self).length; }

// range[i] and range[i:j:k] (a range).
Ref<Object> RangeGetItem(Object* self, Object* key) {
  const RangeObject& range = AsRange(self);
  if (IsIndexable(key)) {
    std::optional<int64_t> index = IndexAsInt64(key);
    if (!index) {
      if (!ExceptionMatches(WellKnown::kOverflowError)) return nullptr;
      ClearException();  // too large for any range islet can hold
      return Raise(WellKnown::kIndexError, "range object index out of range");
    }
    const int64_t position = *index < 0 ? *index + range.length : *index;
    if (position < 0 || position >= range.length) {
      return Raise(WellKnown::kIndexError, "range object index out of range");
    }
    return NewInt(range.At(position));
  }
  if (IsInstance(key, WellKnown::kSlice)) {
    std::optional<SliceBounds> bounds = ResolveSlice(key, range.length);
    if (!bounds) return nullptr;
    // The resolved start and stop may lie one step outside the range.
    auto item = [&](int64_t index) { return __int128{range.start} + __int128{index} * range.step; };
    const __int128 start = item(bounds->start);
    const __int128 stop = item(bounds->stop);
    const __int128 step = __int128{range.step} * bounds->step;
    constexpr __int128 kMin = std::numeric_limits<int64_t>::min();
    constexpr __int128 kMax = std::numeric_limits<int64_t>::max();
    for (__int128 value : {start, stop, step}) {
      if (value < kMin || value > kMax) {
        return Raise(WellKnown::kOverflowError, "Python int too large to convert to C ssize_t");
      }
    }
    return NewRange(static_cast<int64_t>(start), static_cast<int64_t>(stop),
                    static_cast<int64_t>(step));
  }
  return Raise(WellKnown::kTypeError, StrCat("range indices must be integers or slices, not ",
                                             TypeDisplayName(key->type())));
}

// Whether `value` is an int (or bool) for computed membership, as in CPython:
// other numbers are searched by ==.
bool IsExactInt(const Object* value) {
  return IsExactly(value, WellKnown::kInt) || IsExactly(value, WellKnown::kBool);
}

// The position of the int `value` in the range, or -1.
int64_t PositionOf(const RangeObject& range, const Object* value) {
  std::optional<int64_t> number = IntAsInt64(value);
  if (!number) return -1;  // beyond int64_t, so beyond the range
  const __int128 offset = __int128{*number} - range.start;
  if (range.step > 0 ? (offset < 0 || *number >= range.stop)
                     : (offset > 0 || *number <= range.stop)) {
    return -1;
  }
  if (offset % range.step != 0) return -1;
  return static_cast<int64_t>(offset / range.step);
}

// Searches by == (non-int values): the position, -1 if absent, -2 on error.
int64_t SearchPosition(Object* self, Object* value) {
  const RangeObject& range = AsRange(self);
  for (int64_t i = 0; i < range.length; ++i) {
    Ref<Object> item = NewInt(range.At(i));
    const int equal = RichCompareBool(item.get(), value, CompareOp::kEq);
    if (equal < 0) return -2;
    if (equal > 0) return i;
  }
  return -1;
}

int RangeContains(Object* self, Object* value) {
  if (IsExactInt(value)) return PositionOf(AsRange(self), value) >= 0;
  const int64_t position = SearchPosition(self, value);
  return position == -2 ? -1 : position >= 0;
}

Ref<Object> RangeIter(Object* self) { return NewRangeIterator(AsRange(self)); }

// --- members ---

Ref<Object> RangeStart(Object* self) { return NewInt(AsRange(self).start); }
Ref<Object> RangeStop(Object* self) { return NewInt(AsRange(self).stop); }
Ref<Object> RangeStep(Object* self) { return NewInt(AsRange(self).step); }

Ref<Object> RangeCount(Object* self, const CallArgs& args) {
  if (!CheckOneArg(args, "range.count")) return nullptr;
  if (IsExactInt(args.args[0])) return NewInt(PositionOf(AsRange(self), args.args[0]) >= 0);
  const RangeObject& range = AsRange(self);
  int64_t count = 0;
  for (int64_t i = 0; i < range.length; ++i) {
    Ref<Object> item = NewInt(range.At(i));
    const int equal = RichCompareBool(item.get(), args.args[0], CompareOp::kEq);
    if (equal < 0) return nullptr;
    count += equal;
  }
  return NewInt(count);
}

Ref<Object> RangeIndex(Object* self, const CallArgs& args) {
  if (!CheckOneArg(args, "range.index")) return nullptr;
  if (IsExactInt(args.args[0])) {
    const int64_t position = PositionOf(AsRange(self), args.args[0]);
    if (position < 0) return Raise(WellKnown::kValueError, "range.index(x): x not in range");
    return NewInt(position);
  }
  const int64_t position = SearchPosition(self, args.args[0]);
  if (position == -2) return nullptr;
  if (position == -1) {
    return Raise(WellKnown::kValueError, "sequence.index(x): x not in sequence");
  }
  return NewInt(position);
}

constexpr TypeMember kRangeMembers[] = {
    Getter("start", &RangeStart), Getter("stop", &RangeStop),   Getter("step", &RangeStep),
    Method("count", &RangeCount), Method("index", &RangeIndex),
};

constexpr TypeSlots RangeSlots() {
  TypeSlots slots = SlotsFor<RangeObject>();
  slots.repr = &RangeRepr;
  slots.hash = &RangeHash;
  slots.richcompare = &RangeRichCompare;
  slots.length = &RangeLen;
  slots.getitem = &RangeGetItem;
  slots.contains = &RangeContains;
  slots.iter = &RangeIter;
  slots.new_instance = &RangeNew;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kRangeType, "range", {.slots = RangeSlots(), .members = kRangeMembers});

}  // namespace islet
