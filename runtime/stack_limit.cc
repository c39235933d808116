#include "runtime/stack_limit.h"

#include <pthread.h>

#include <algorithm>

namespace islet {
namespace stack_internal {

constinit thread_local uintptr_t limit = UINTPTR_MAX;

}  // namespace stack_internal

namespace {

constexpr size_t kKiB = 1024;
// Sanitizers make every frame, the error path's included, about twice as large.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr size_t kFrameGrowth = 2;
#else
constexpr size_t kFrameGrowth = 1;
#endif
// The stack kept below the limit, for what runs past it: raising
// RecursionError and unwinding (which frees objects: Dealloc nests a bounded
// depth), the code between two checks (a parser rule's descent between nesting
// levels), and code that never checks (GMP keeps temporaries of up to 32 KiB on
// the stack). A sixteenth of the stack, at least kMinMargin, at most a quarter
// of a small stack (half under sanitizers).
constexpr size_t kMinMargin = 64 * kKiB * kFrameGrowth;
constexpr size_t kMaxMarginShare = 4 / kFrameGrowth;
// What a thread whose stack cannot be measured is assumed to have below the
// point of its first check.
constexpr size_t kUnmeasuredStack = 256 * kKiB;

// The calling thread's stack, [low, high); both 0 until measured.
struct ThreadStack {
  uintptr_t low = 0;
  uintptr_t high = 0;
};
constinit thread_local ThreadStack thread_stack;

void Measure(uintptr_t here) {
  uintptr_t low = here - std::min<uintptr_t>(here, kUnmeasuredStack);
  uintptr_t high = here;
  pthread_attr_t attr;
  if (pthread_getattr_np(pthread_self(), &attr) == 0) {
    void* address = nullptr;
    size_t size = 0;
    if (pthread_attr_getstack(&attr, &address, &size) == 0) {
      const auto bottom = reinterpret_cast<uintptr_t>(address);
      if (bottom <= here && here < bottom + size) {
        low = bottom;
        high = bottom + size;
      }
    }
    pthread_attr_destroy(&attr);
  }
  // The stack below this first check: glibc keeps a thread's static TLS at the
  // top of its stack block (most of a small stack under ThreadSanitizer).
  const size_t size = here - low;
  const size_t margin = std::min(std::max(size / 16, kMinMargin), size / kMaxMarginShare);
  thread_stack = {low, high};
  stack_internal::limit = low + margin;
}

}  // namespace

namespace stack_internal {

bool Exhausted(uintptr_t here) {
  if (thread_stack.high == 0) {
    Measure(here);
    if (here >= limit) return false;
  }
  // Below the stack itself: this thread runs on another stack, which cannot be
  // measured, so is not checked.
  return here >= thread_stack.low;
}

}  // namespace stack_internal

size_t StackBytesUsed() {
  const auto here = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
  if (thread_stack.high == 0) Measure(here);
  if (here < thread_stack.low || here >= thread_stack.high) return 0;
  return thread_stack.high - here;
}

size_t StackBudgetBytes() {
  if (thread_stack.high == 0) Measure(reinterpret_cast<uintptr_t>(__builtin_frame_address(0)));
  return thread_stack.high - stack_internal::limit;
}

}  // namespace islet
