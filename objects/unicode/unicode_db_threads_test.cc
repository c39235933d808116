// The database is shared by every thread: threads that use it for the first
// time at once (ICU sets up its normalizer on first use) and then all the time
// see the same answers. Run under --config=tsan by CI (tag concurrency).

#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "objects/unicode/unicode_db.h"

namespace islet::unicode {
namespace {

// One thread's round: what it computed, to compare across threads.
std::string Round(int i) {
  std::string out = NormalizeNfkc("\uFB01\u210C\u2167" + std::to_string(i % 10));
  AppendUpper(out, "\uFB03\u00DF\u03B1");
  AppendLower(out, "\u0130\u03A3");
  AppendTitle(out, "\u01C6");
  AppendFolded(out, "\u1E9E");
  out.push_back(IsAlpha(U'\u0E01') && IsDecimal(U'\u0663') && IsXidStart(U'\u2118') ? '+' : '-');
  return out;
}

TEST(UnicodeDbThreadsTest, FirstUseAndSteadyUseFromManyThreads) {
  constexpr int kThreads = 4;
  constexpr int kRounds = 2000;
  std::vector<std::string> last(kThreads);
  std::vector<int> mismatches(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([t, &last, &mismatches] {
      for (int i = 0; i < kRounds; ++i) {
        std::string result = Round(i);
        if (result != "fiHVIII" + std::to_string(i % 10) + "FFISS\u0391i\u0307\u03C3\u01C5ss+") {
          ++mismatches[t];
        }
        last[t] = std::move(result);
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int t = 0; t < kThreads; ++t) {
    EXPECT_EQ(mismatches[t], 0) << "thread " << t << " last computed " << last[t];
  }
}

}  // namespace
}  // namespace islet::unicode
