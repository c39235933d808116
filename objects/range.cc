#include "objects/range.h"

#include <limits>

#include "interp/interpreter.h"
#include "objects/errors.h"
#include "objects/well_known.h"

namespace islet {

std::optional<int64_t> RangeLength(int64_t start, int64_t stop, int64_t step) {
  // 128-bit: stop - start spans up to 2**64.
  const __int128 low = step > 0 ? start : stop;
  const __int128 high = step > 0 ? stop : start;
  const __int128 stride = step > 0 ? __int128{step} : -__int128{step};
  if (low >= high) return 0;
  const __int128 length = (high - low - 1) / stride + 1;
  if (length > std::numeric_limits<int64_t>::max()) return std::nullopt;
  return static_cast<int64_t>(length);
}

Ref<Object> NewRange(int64_t start, int64_t stop, int64_t step) {
  std::optional<int64_t> length = RangeLength(start, stop, step);
  if (!length)
    return Raise(WellKnown::kOverflowError, "Python int too large to convert to C ssize_t");
  return Interpreter::Current()->NewObject<RangeObject>(WellKnownType(WellKnown::kRange), start,
                                                        stop, step, *length);
}

}  // namespace islet
