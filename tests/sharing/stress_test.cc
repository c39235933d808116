// Four threads create, use, share through queues and destroy 2000 interpreters
// in total (tools/stress_workload.h); every item put is taken and checked once.
// About 0.3 s, 3.5 s under ThreadSanitizer.

#include <cstdio>

#include "gtest/gtest.h"
#include "objects/queue.h"
#include "runtime/runtime.h"
#include "tools/stress_workload.h"

namespace islet {
namespace {

TEST(SharingStressTest, FourThreadsShareThroughQueuesAcrossTwoThousandInterpreters) {
  ASSERT_TRUE(Runtime::Initialize().ok());
  const size_t live_queues = LiveSharedQueueCount();
  constexpr int64_t interpreters = 2000;
  StressResult result = RunStress({.threads = 4, .interpreters = interpreters});
  EXPECT_EQ(result.failures, 0) << result.first_failures;
  EXPECT_EQ(result.created, interpreters);
  EXPECT_EQ(result.destroyed, interpreters);
  EXPECT_EQ(result.items_put, interpreters);
  EXPECT_EQ(result.items_checked, interpreters);
  EXPECT_EQ(Runtime::InterpreterCount(), 1u);
  EXPECT_EQ(LiveSharedQueueCount(), live_queues);  // the ring and every reply queue are gone
  ASSERT_TRUE(Runtime::Finalize().ok());
  std::printf("%s\n", FormatStressCounts(result).c_str());
}

}  // namespace
}  // namespace islet
