// `bazel run //tools:stress -- --threads=N --interpreters=M --seconds=S`: the
// sharing stress workload (tools/stress_workload.h) for as long as asked, with a
// progress line every second. Exits non-zero on any failure.

#include <cstdio>
#include <string>

#include "gflags/gflags.h"
#include "runtime/runtime.h"
#include "tools/stress_workload.h"

DEFINE_int32(threads, 4, "worker threads, each creating and destroying interpreters");
DEFINE_int64(interpreters, 0, "stop after this many interpreters in total (0: no limit)");
DEFINE_double(seconds, 10, "stop after this many seconds (0: no limit)");

int main(int argc, char** argv) {
  gflags::SetUsageMessage(
      "creates, uses and destroys interpreters on threads, passing items between them through "
      "queues, and checks every item");
  gflags::ParseCommandLineFlags(&argc, &argv, /*remove_flags=*/true);
  if (FLAGS_threads < 1 || FLAGS_interpreters < 0 || FLAGS_seconds < 0 ||
      (FLAGS_interpreters == 0 && FLAGS_seconds == 0)) {
    std::fprintf(stderr,
                 "stress: need --threads >= 1 and a limit: --interpreters > 0 or --seconds > 0\n");
    return 2;
  }
  if (absl::Status status = islet::Runtime::Initialize(); !status.ok()) {
    std::fprintf(stderr, "stress: %s\n", std::string(status.message()).c_str());
    return 1;
  }
  islet::StressResult result = islet::RunStress({
      .threads = FLAGS_threads,
      .interpreters = FLAGS_interpreters,
      .seconds = FLAGS_seconds,
      .on_progress =
          [](const islet::StressCounts& counts) {
            std::printf("%s\n", islet::FormatStressCounts(counts).c_str());
            std::fflush(stdout);
          },
  });
  std::printf("done %s\n", islet::FormatStressCounts(result).c_str());
  if (result.failures > 0)
    std::fprintf(stderr, "stress: failures:\n%s", result.first_failures.c_str());
  const bool finalized = islet::Runtime::Finalize().ok();
  return result.failures == 0 && finalized ? 0 : 1;
}
