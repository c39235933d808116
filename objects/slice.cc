#include "objects/slice.h"

#include <limits>

#include "interp/interpreter.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/well_known.h"

namespace islet {
namespace {

// A bound as an int64_t, clamped to int64_t's range (huge bounds just clip).
std::optional<int64_t> Bound(Object* value) {
  if (!IsInstance(value, WellKnown::kInt) && value->type()->slots().index == nullptr) {
    Raise(WellKnown::kTypeError,
          "slice indices must be integers or None or have an __index__ method");
    return std::nullopt;
  }
  Ref<Object> integer = IsInstance(value, WellKnown::kInt) ? Ref<Object>::Borrow(value)
                                                           : value->type()->slots().index(value);
  if (!integer) return std::nullopt;
  if (std::optional<int64_t> small = IntAsInt64(integer.get())) return small;
  mpz_t big;
  mpz_init(big);
  IntToMpz(integer.get(), big);
  int64_t clamped = mpz_sgn(big) < 0 ? std::numeric_limits<int64_t>::min()
                                     : std::numeric_limits<int64_t>::max();
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

std::optional<SliceBounds> ResolveSlice(Object* slice_object, int64_t length) {
  auto* slice = static_cast<SliceObject*>(slice_object);
  int64_t step = 1;
  if (slice->step.get() != None()) {
    std::optional<int64_t> value = Bound(slice->step.get());
    if (!value) return std::nullopt;
    if (*value == 0) {
      Raise(WellKnown::kValueError, "slice step cannot be zero");
      return std::nullopt;
    }
    // -max keeps -step from overflowing below.
    step = *value < -std::numeric_limits<int64_t>::max() ? -std::numeric_limits<int64_t>::max()
                                                          : *value;
  }
  const bool backwards = step < 0;
  auto resolve = [&](Object* bound, int64_t if_none) -> std::optional<int64_t> {
    if (bound == None()) return if_none;
    std::optional<int64_t> value = Bound(bound);
    if (!value) return std::nullopt;
    int64_t index = *value;
    if (index < 0) {
      index = index < -length ? (backwards ? -1 : 0) : index + length;
    } else if (index >= length) {
      index = backwards ? length - 1 : length;
    }
    return index;
  };
  std::optional<int64_t> start = resolve(slice->start.get(), backwards ? length - 1 : 0);
  if (!start) return std::nullopt;
  std::optional<int64_t> stop = resolve(slice->stop.get(), backwards ? -1 : length);
  if (!stop) return std::nullopt;
  int64_t count = 0;
  if (backwards) {
    if (*stop < *start) count = (*start - *stop - 1) / (-step) + 1;
  } else if (*start < *stop) {
    count = (*stop - *start - 1) / step + 1;
  }
  return SliceBounds{*start, *stop, step, count};
}

}  // namespace islet
