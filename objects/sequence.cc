#include "objects/sequence.h"

#include <algorithm>
#include <limits>

#include "objects/args.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/slice.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

int64_t Size(const Object* sequence, SequenceItemsFn items) {
  return static_cast<int64_t>(items(sequence).size());
}

// The item at `index` (below the current size), held.
Ref<Object> ItemAt(const Object* sequence, SequenceItemsFn items, int64_t index) {
  return items(sequence)[static_cast<size_t>(index)];
}

// An index() bound: negative counts from the end, clamped at 0.
std::optional<int64_t> IndexBound(Object* value, const Object* sequence, SequenceItemsFn items) {
  std::optional<int64_t> bound = ClampedSliceIndex(value);
  if (bound && *bound < 0) *bound = std::max<int64_t>(*bound + Size(sequence, items), 0);
  return bound;
}

}  // namespace

Ref<Object> CompareSequences(Object* left, Object* right, CompareOp op, SequenceItemsFn items) {
  int64_t i = 0;
  for (; i < Size(left, items) && i < Size(right, items); ++i) {
    Ref<Object> left_item = ItemAt(left, items, i);
    Ref<Object> right_item = ItemAt(right, items, i);
    const int equal = RichCompareBool(left_item.get(), right_item.get(), CompareOp::kEq);
    if (equal < 0) return nullptr;
    if (!equal) break;
  }
  if (i >= Size(left, items) || i >= Size(right, items)) {
    return BoolRef(CompareValues(Size(left, items), Size(right, items), op));
  }
  if (op == CompareOp::kEq) return BoolRef(false);
  if (op == CompareOp::kNe) return BoolRef(true);
  Ref<Object> left_item = ItemAt(left, items, i);
  Ref<Object> right_item = ItemAt(right, items, i);
  return RichCompare(left_item.get(), right_item.get(), op);
}

int SequenceContains(Object* sequence, Object* value, SequenceItemsFn items) {
  for (int64_t i = 0; i < Size(sequence, items); ++i) {
    Ref<Object> item = ItemAt(sequence, items, i);
    const int equal = RichCompareBool(item.get(), value, CompareOp::kEq);
    if (equal != 0) return equal;
  }
  return 0;
}

Ref<Object> SequenceIndex(Object* sequence, const CallArgs& args, SequenceItemsFn items,
                          std::string_view missing) {
  if (!CheckPositional(args, "index", 1, 3)) return nullptr;
  int64_t start = 0;
  int64_t stop = std::numeric_limits<int64_t>::max();
  if (args.args.size() > 1) {
    std::optional<int64_t> value = IndexBound(args.args[1], sequence, items);
    if (!value) return nullptr;
    start = *value;
  }
  if (args.args.size() > 2) {
    std::optional<int64_t> value = IndexBound(args.args[2], sequence, items);
    if (!value) return nullptr;
    stop = *value;
  }
  for (int64_t i = start; i < stop && i < Size(sequence, items); ++i) {
    Ref<Object> item = ItemAt(sequence, items, i);
    const int equal = RichCompareBool(item.get(), args.args[0], CompareOp::kEq);
    if (equal < 0) return nullptr;
    if (equal > 0) return NewInt(i);
  }
  return Raise(WellKnown::kValueError, missing);
}

Ref<Object> SequenceCount(Object* sequence, const CallArgs& args, SequenceItemsFn items,
                          std::string_view qualified_name) {
  if (!CheckOneArg(args, qualified_name)) return nullptr;
  int64_t count = 0;
  for (int64_t i = 0; i < Size(sequence, items); ++i) {
    Ref<Object> item = ItemAt(sequence, items, i);
    const int equal = RichCompareBool(item.get(), args.args[0], CompareOp::kEq);
    if (equal < 0) return nullptr;
    count += equal;
  }
  return NewInt(count);
}

bool RepeatOperands(Object* left, Object* right, WellKnown type, Object** sequence,
                    int64_t* count) {
  *sequence = IsInstance(left, type) ? left : right;
  Object* times = *sequence == left ? right : left;
  if (!IsIndexable(times)) {
    Raise(WellKnown::kTypeError, StrCat("can't multiply sequence by non-int of type '",
                                        TypeDisplayName(times->type()), "'"));
    return false;
  }
  std::optional<int64_t> value = IndexValue(times, WellKnown::kOverflowError);
  if (!value) return false;
  *count = *value;
  return true;
}

std::optional<std::vector<Ref<Object>>> RepeatItems(std::span<const Ref<Object>> items,
                                                    int64_t count) {
  if (static_cast<uint64_t>(items.size()) >
      static_cast<uint64_t>(std::numeric_limits<int64_t>::max() / 8) /
          static_cast<uint64_t>(count)) {
    Raise(WellKnown::kMemoryError, "");
    return std::nullopt;
  }
  std::vector<Ref<Object>> result;
  result.reserve(items.size() * static_cast<size_t>(count));
  for (int64_t i = 0; i < count; ++i) result.insert(result.end(), items.begin(), items.end());
  return result;
}

}  // namespace islet
