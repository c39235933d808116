// Deadlines of blocking waits (Queue.get/put, Thread.join, Lock.acquire): a
// timeout in seconds, as Python passes it, turned into the point in time a wait
// gives up.
//
//   const Deadline deadline = DeadlineAfter(timeout);   // nullopt: no timeout
//   if (!condition.wait_until(lock, *deadline, ready)) ...

#ifndef ISLET_OBJECTS_DEADLINE_H_
#define ISLET_OBJECTS_DEADLINE_H_

#include <chrono>
#include <optional>

namespace islet {

using WaitClock = std::chrono::steady_clock;
// When a wait gives up; nullopt waits as long as it takes.
using Deadline = std::optional<WaitClock::time_point>;

// DeadlineAfter(timeout): the deadline `timeout` seconds from now; nullopt
// (wait forever) for nullopt or more than a year; now for zero, less or NaN.
Deadline DeadlineAfter(std::optional<double> timeout);

}  // namespace islet

#endif  // ISLET_OBJECTS_DEADLINE_H_
