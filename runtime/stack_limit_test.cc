// The stack guard measures each thread's own stack: recursion that checks it
// stops inside the stack, with the margin left, on small and large threads.

#include "runtime/stack_limit.h"

#include <pthread.h>

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "gtest/gtest.h"
#include "tests/testing/thread_with_stack.h"

namespace islet {
namespace {

using ::islet::testing::RunOnThreadWithStack;

constexpr size_t kKiB = 1024;

// Recurses, using about 1 KiB of stack a level, until the guard says stop;
// returns the stack in use at that point. Without the guard it would overflow
// any stack.
__attribute__((noinline)) size_t RecurseUntilExhausted(int depth) {
  volatile char frame[1024];
  std::memset(const_cast<char*>(frame), depth & 0xff, sizeof(frame));
  if (StackExhausted()) return StackBytesUsed();
  const size_t used = RecurseUntilExhausted(depth + 1);
  frame[0] = 0;  // the frame stays in use until the call returns
  return used;
}

struct Measured {
  size_t stack_size = 0;  // the thread's stack block, as the system reports it
  size_t budget = 0;
  size_t used_at_top = 0;
  size_t used_when_exhausted = 0;
};

Measured MeasureOnThread(size_t stack_size) {
  Measured measured;
  RunOnThreadWithStack(stack_size, [&] {
    pthread_attr_t attr;
    void* address;
    ASSERT_EQ(pthread_getattr_np(pthread_self(), &attr), 0);
    ASSERT_EQ(pthread_attr_getstack(&attr, &address, &measured.stack_size), 0);
    pthread_attr_destroy(&attr);
    measured.used_at_top = StackBytesUsed();
    measured.budget = StackBudgetBytes();
    measured.used_when_exhausted = RecurseUntilExhausted(0);
  });
  return measured;
}

// Sanitizers may make a thread's block larger than asked for (ThreadSanitizer
// keeps its large TLS there), so the checks are against the block.
TEST(StackLimitTest, SmallThreadsStopWithinTheirOwnStack) {
  for (size_t size : {256 * kKiB, 1024 * kKiB}) {
    SCOPED_TRACE(size);
    const Measured measured = MeasureOnThread(size);
    ASSERT_GE(measured.stack_size, size);
    ASSERT_LT(measured.used_at_top, measured.stack_size);
    // At least half of the stack below the thread's first frame is usable;
    // the margin is kept below the budget.
    const size_t below_top = measured.stack_size - measured.used_at_top;
    EXPECT_GE(measured.budget - measured.used_at_top, below_top / 2);
    EXPECT_LT(measured.budget, measured.stack_size);
    // Recursion ran until the budget was spent, not sooner, and stopped there.
    EXPECT_GE(measured.used_when_exhausted, measured.budget);
    EXPECT_LT(measured.used_when_exhausted, measured.budget + 8 * kKiB);
  }
}

TEST(StackLimitTest, LargeThreadsGetALargeBudget) {
  const Measured measured = MeasureOnThread(16 * 1024 * kKiB);
  EXPECT_GE(measured.budget, 14 * 1024 * kKiB);
  EXPECT_GE(measured.used_when_exhausted, measured.budget);
}

TEST(StackLimitTest, TheMainThreadIsMeasuredToo) {
  EXPECT_FALSE(StackExhausted());
  EXPECT_GT(StackBytesUsed(), 0u);
  EXPECT_GT(StackBudgetBytes(), StackBytesUsed());
}

}  // namespace
}  // namespace islet
