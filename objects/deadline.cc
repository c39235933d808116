#include "objects/deadline.h"

namespace islet {

Deadline DeadlineAfter(std::optional<double> timeout) {
  if (!timeout) return std::nullopt;
  constexpr double kForever = 365.0 * 24 * 3600;  // beyond this, durations may overflow
  if (*timeout > kForever) return std::nullopt;
  const WaitClock::time_point now = WaitClock::now();
  if (!(*timeout > 0)) return now;  // also NaN
  return now +
         std::chrono::duration_cast<WaitClock::duration>(std::chrono::duration<double>(*timeout));
}

}  // namespace islet
