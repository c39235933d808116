// RangeObject: Python's range. Its bounds are stored as int64_t: a range whose
// start, stop, step or length does not fit one is refused with OverflowError
// (CPython allows arbitrary ints there; islet does not yet).

#ifndef ISLET_OBJECTS_RANGE_H_
#define ISLET_OBJECTS_RANGE_H_

#include <cstdint>
#include <optional>

#include "runtime/object.h"

namespace islet {

// start + index * step for an index within the range: the true value lies
// between start and stop, so wrapping arithmetic gives it without overflow.
inline int64_t RangeItemAt(int64_t start, int64_t step, int64_t index) {
  return static_cast<int64_t>(static_cast<uint64_t>(start) +
                              static_cast<uint64_t>(index) * static_cast<uint64_t>(step));
}

class RangeObject : public Object {
 public:
  RangeObject(int64_t start, int64_t stop, int64_t step, int64_t length)
      : start(start), stop(stop), step(step), length(length) {}

  const int64_t start;
  const int64_t stop;
  const int64_t step;  // never 0
  const int64_t length;

  // The item at `index` (0 <= index < length).
  int64_t At(int64_t index) const { return RangeItemAt(start, step, index); }
};

// How many items range(start, stop, step) has (step != 0); nullopt if that does
// not fit in int64_t.
std::optional<int64_t> RangeLength(int64_t start, int64_t stop, int64_t step);
// A new range (step != 0). Raises OverflowError if its length does not fit.
Ref<Object> NewRange(int64_t start, int64_t stop, int64_t step);

}  // namespace islet

#endif  // ISLET_OBJECTS_RANGE_H_
