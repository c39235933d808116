// Proves that every third-party library islet builds against compiles and links
// from Debian's packages: GoogleTest, GMock, abseil, gflags and Google Benchmark.

#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "benchmark/benchmark.h"
#include "gflags/gflags.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

DEFINE_int32(smoke_answer, 42, "a flag that exists only to prove gflags links");

namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

absl::StatusOr<int> ParsePositive(int value) {
  if (value <= 0) return absl::InvalidArgumentError(absl::StrCat("not positive: ", value));
  return value;
}

TEST(ToolchainSmokeTest, AbseilStatusAndStrings) {
  EXPECT_EQ(*ParsePositive(3), 3);
  absl::StatusOr<int> bad = ParsePositive(-1);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(bad.status().message()), HasSubstr("not positive: -1"));
  EXPECT_EQ(absl::StrFormat("%s-%03d", "x", 7), "x-007");
}

TEST(ToolchainSmokeTest, AbseilHashContainers) {
  absl::flat_hash_map<std::string, int> counts;
  for (const char* word : {"a", "b", "a"}) ++counts[word];
  EXPECT_EQ(counts["a"], 2);
  EXPECT_EQ(counts.size(), 2u);
}

TEST(ToolchainSmokeTest, GmockMatchers) {
  std::vector<int> values = {1, 2, 3};
  EXPECT_THAT(values, ElementsAre(1, 2, 3));
}

TEST(ToolchainSmokeTest, GflagsParsesCommandLine) {
  std::string arg0 = "smoke", arg1 = "--smoke_answer=7";
  char* argv_storage[] = {arg0.data(), arg1.data()};
  int argc = 2;
  char** argv = argv_storage;
  gflags::ParseCommandLineFlags(&argc, &argv, /*remove_flags=*/true);
  EXPECT_EQ(FLAGS_smoke_answer, 7);
  EXPECT_EQ(argc, 1);
}

void BM_Increment(benchmark::State& state) {
  int counter = 0;
  for (auto _ : state) benchmark::DoNotOptimize(++counter);
}
BENCHMARK(BM_Increment)->Iterations(10);

// Collects the names of the runs instead of printing them.
class CollectingReporter : public benchmark::BenchmarkReporter {
 public:
  bool ReportContext(const Context&) override { return true; }
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& run : runs) names.push_back(run.benchmark_name());
  }
  std::vector<std::string> names;
};

TEST(ToolchainSmokeTest, BenchmarkRunsRegisteredBenchmark) {
  CollectingReporter reporter;
  size_t ran = benchmark::RunSpecifiedBenchmarks(&reporter, "BM_Increment");
  EXPECT_EQ(ran, 1u);
  EXPECT_THAT(reporter.names, ElementsAre(HasSubstr("BM_Increment")));
}

}  // namespace
