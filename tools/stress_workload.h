// The sharing stress workload, run by //tests/sharing:stress_test (a fixed
// number of interpreters) and by `bazel run //tools:stress` (for longer runs).
//
// Worker threads each loop: create an interpreter; in it, take one item from a
// shared "ring" queue (put by another interpreter, most often one already
// destroyed), check its payload against the one its (thread, round) must carry
// and take the token from its reply queue; then put into the ring a tuple
// (thread, round, payload, reply) where the payload mixes every shareable kind
// (big ints, floats, text, bytes, nested containers, an object reached twice)
// and `reply` is a new queue, made in this interpreter, holding a token; then
// destroy the interpreter. Before destroying it, each round also runs the class
// paths: heap classes over `int`, their attributes changed and looked up
// through the attribute cache, weak references with a callback (ClassRound in
// the .cc). When the workers stop, whatever is left in the ring
// is taken and checked the same way, so every item put is checked once.
//
//   ASSERT_TRUE(Runtime::Initialize().ok());
//   StressResult result = RunStress({.threads = 4, .interpreters = 2000});
//   EXPECT_EQ(result.failures, 0) << result.first_failures;

#ifndef ISLET_TOOLS_STRESS_WORKLOAD_H_
#define ISLET_TOOLS_STRESS_WORKLOAD_H_

#include <cstdint>
#include <functional>
#include <string>

namespace islet {

// Counts so far; what the progress line shows.
struct StressCounts {
  int64_t created = 0;    // interpreters
  int64_t destroyed = 0;  // interpreters
  int64_t items_put = 0;
  int64_t items_checked = 0;  // taken from the ring and found as they were put
  int64_t failures = 0;
  double seconds = 0;  // since the start
};

struct StressOptions {
  int threads = 4;
  // Interpreters to create and destroy in total; 0: no limit.
  int64_t interpreters = 2000;
  // Stop after this long (workers finish their round); 0: no limit. At least one
  // of `interpreters` and `seconds` must be set.
  double seconds = 0;
  // Called about every `progress_interval` seconds from the calling thread.
  std::function<void(const StressCounts&)> on_progress = nullptr;
  double progress_interval = 1.0;
};

struct StressResult : StressCounts {
  std::string first_failures;  // the first few, one a line
};

// RunStress(options): runs the workload to completion. The runtime must be
// initialized and the calling thread attached to no interpreter.
StressResult RunStress(const StressOptions& options);

// "12.0s: 2000 interpreters created, 1996 destroyed; 2000 items put, 1990 checked; 0 failures"
std::string FormatStressCounts(const StressCounts& counts);

}  // namespace islet

#endif  // ISLET_TOOLS_STRESS_WORKLOAD_H_
