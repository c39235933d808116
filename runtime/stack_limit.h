// The C++ stack guard: how far the calling thread's stack may grow before code
// that recurses (the evaluator, and every native path that recurses into the
// object protocol: repr, comparison, hashing, iteration, calls) must stop and
// raise instead of overflowing it.
//
// The first check on a thread measures that thread's real stack
// (pthread_getattr_np: the main thread's 8 MiB, a host thread's 256 KiB) and
// keeps, per thread, the lowest address code may reach: the bottom of the stack
// plus a margin left for raising the error and unwinding (freeing what the
// unwinding drops included; see Dealloc). After that, a check is one compare of
// the current frame address with a thread-local limit.
//
//   if (StackExhausted()) [[unlikely]] return RaiseStackOverflow(...);  // objects/errors.h
//
// A thread running on a stack other than its own (a coroutine's) is not checked
// there: nothing tells how big that stack is.

#ifndef ISLET_RUNTIME_STACK_LIMIT_H_
#define ISLET_RUNTIME_STACK_LIMIT_H_

#include <cstddef>
#include <cstdint>

namespace islet {
namespace stack_internal {

// The lowest address the calling thread's frames may reach; the maximum until
// the first check measures the stack, so that check takes the slow path.
extern constinit thread_local uintptr_t limit;

// Measures the stack if not done yet, then answers StackExhausted for `here`.
bool Exhausted(uintptr_t here);

}  // namespace stack_internal

// StackExhausted: whether the calling thread has used its stack budget, so that
// going one level deeper could overflow it. Inlined: one thread-local load and
// one compare.
// (Stacks grow down on every platform islet runs on.)
inline bool StackExhausted() {
  const auto here = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
  if (here >= stack_internal::limit) [[likely]]
    return false;
  return stack_internal::Exhausted(here);
}

// Bytes of stack the calling thread is using, from the top of its stack block
// (for messages); 0 if unknown.
size_t StackBytesUsed();

// How much of the stack, from the top of its block, the calling thread may use
// before StackExhausted(): the block less the margin.
size_t StackBudgetBytes();

}  // namespace islet

#endif  // ISLET_RUNTIME_STACK_LIMIT_H_
