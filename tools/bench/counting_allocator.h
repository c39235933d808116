// A counting allocator for benchmarks: the bench binaries replace the global
// operator new and delete, so the bytes an interpreter allocates can be counted
// honestly (Interpreter object, type states, name table, attribute cache: all of
// it), not estimated from sizeof.
//
// Counting is per thread and off by default, so threads that do not count (the
// scaling benchmark's) pay one thread-local test and share nothing.
//
//   AllocationCounter counter;   // this thread counts from here
//   Interpreter* interp = *Runtime::CreateInterpreter();
//   int64_t idle = counter.live_bytes();
//
// Bytes are counted as malloc hands them out (malloc_usable_size), so the
// allocator's rounding is included and its 8-byte chunk headers are not.

#ifndef ISLET_TOOLS_BENCH_COUNTING_ALLOCATOR_H_
#define ISLET_TOOLS_BENCH_COUNTING_ALLOCATOR_H_

#include <cstdint>

namespace islet::bench {

// What the calling thread allocated and freed while counting.
struct AllocationCounts {
  int64_t live_bytes = 0;   // allocated minus freed
  int64_t live_blocks = 0;  // allocations minus frees
};

// AllocationCounter makes the calling thread count allocations for its lifetime.
// Memory freed while counting but allocated before (or the reverse) skews the
// figures, so count around a whole create-measure-destroy sequence.
class AllocationCounter {
 public:
  AllocationCounter();
  ~AllocationCounter();
  AllocationCounter(const AllocationCounter&) = delete;
  AllocationCounter& operator=(const AllocationCounter&) = delete;

  // Since this counter started.
  AllocationCounts counts() const;
  int64_t live_bytes() const { return counts().live_bytes; }

 private:
  AllocationCounts start_;
  bool was_counting_;
};

}  // namespace islet::bench

#endif  // ISLET_TOOLS_BENCH_COUNTING_ALLOCATOR_H_
