#include "objects/slice.h"

#include <algorithm>
#include <limits>

#include "interp/interpreter.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/well_known.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

constexpr std::string_view kBoundError =
    "slice indices must be integers or None or have an __index__ method";

// A bound as an int64_t, clamped to int64_t's range (huge bounds just clip).
std::optional<int64_t> Bound(Object* value, std::string_view type_error = kBoundError) {
  if (!IsIndexable(value)) {
    Raise(WellKnown::kTypeError, type_error);
    return std::nullopt;
  }
  Ref<Object> integer = IsInstance(value, WellKnown::kInt) ? Ref<Object>::Borrow(value)
                                                           : value->type()->slots().index(value);
  if (!integer) return std::nullopt;
  if (std::optional<int64_t> small = IntAsInt64(integer.get())) return small;
  mpz_t big;
  mpz_init(big);
  IntToMpz(integer.get(), big);
  int64_t clamped =
      mpz_sgn(big) < 0 ? std::numeric_limits<int64_t>::min() : std::numeric_limits<int64_t>::max();
  mpz_clear(big);
  return clamped;
}

}  // namespace

Ref<Object> NewSlice(Ref<Object> start, Ref<Object> stop, Ref<Object> step) {
  auto or_none = [](Ref<Object> value) { return value ? std::move(value) : NoneRef(); };
  return Interpreter::Current()->NewObject<SliceObject>(
      WellKnownType(WellKnown::kSlice), or_none(std::move(start)), or_none(std::move(stop)),
      or_none(std::move(step)));
}

std::optional<UnpackedSlice> UnpackSlice(Object* slice_object) {
  auto* slice = static_cast<SliceObject*>(slice_object);
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  int64_t step = 1;
  if (slice->step.get() != None()) {
    std::optional<int64_t> value = Bound(slice->step.get());
    if (!value) return std::nullopt;
    if (*value == 0) {
      Raise(WellKnown::kValueError, "slice step cannot be zero");
      return std::nullopt;
    }
    // -max keeps -step from overflowing.
    step = std::max(*value, -kMax);
  }
  const bool backwards = step < 0;
  // An omitted bound is the extreme AdjustSlice clips to the sequence's end.
  auto unpack = [&](Object* bound, int64_t if_none) -> std::optional<int64_t> {
    if (bound == None()) return if_none;
    return Bound(bound);
  };
  std::optional<int64_t> start = unpack(slice->start.get(), backwards ? kMax : 0);
  if (!start) return std::nullopt;
  std::optional<int64_t> stop =
      unpack(slice->stop.get(), backwards ? std::numeric_limits<int64_t>::min() : kMax);
  if (!stop) return std::nullopt;
  return UnpackedSlice{*start, *stop, step};
}

SliceBounds AdjustSlice(const UnpackedSlice& slice, int64_t length) {
  const bool backwards = slice.step < 0;
  auto adjust = [&](int64_t index) {
    if (index < 0) return index < -length ? (backwards ? -1 : 0) : index + length;
    if (index >= length) return backwards ? length - 1 : length;
    return index;
  };
  const int64_t start = adjust(slice.start);
  const int64_t stop = adjust(slice.stop);
  int64_t count = 0;
  if (backwards) {
    if (stop < start) count = (start - stop - 1) / (-slice.step) + 1;
  } else if (start < stop) {
    count = (stop - start - 1) / slice.step + 1;
  }
  return SliceBounds{start, stop, slice.step, count};
}

std::optional<SliceBounds> ResolveSlice(Object* slice, int64_t length) {
  std::optional<UnpackedSlice> unpacked = UnpackSlice(slice);
  if (!unpacked) return std::nullopt;
  return AdjustSlice(*unpacked, length);
}

bool IsIndexable(const Object* key) {
  return IsInstance(key, WellKnown::kInt) || key->type()->slots().index != nullptr;
}

std::optional<int64_t> IndexValue(Object* key, WellKnown overflow_error) {
  std::optional<int64_t> value = IndexAsInt64(key);
  if (!value && ExceptionMatches(WellKnown::kOverflowError)) {
    ClearException();
    Raise(overflow_error,
          StrCat("cannot fit '", TypeDisplayName(key->type()), "' into an index-sized integer"));
  }
  return value;
}

std::optional<int64_t> ClampedSliceIndex(Object* value) {
  return Bound(value, "slice indices must be integers or have an __index__ method");
}

std::optional<int64_t> OptionalSliceIndex(Object* value, int64_t if_none) {
  if (value == nullptr || value == None()) return if_none;
  return Bound(value);
}

void AdjustIndices(int64_t* start, int64_t* end, int64_t length) {
  if (*end > length) {
    *end = length;
  } else if (*end < 0) {
    *end = std::max<int64_t>(*end + length, 0);
  }
  if (*start < 0) *start = std::max<int64_t>(*start + length, 0);
}

}  // namespace islet
