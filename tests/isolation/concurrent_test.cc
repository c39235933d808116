// Isolation under threads (run under ThreadSanitizer by CI, tag `concurrency`):
// threads each running PointWorkload in an interpreter of their own at once, two
// threads crossing between the same two interpreters in opposite orders, and two
// threads taking turns on one interpreter.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <latch>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "interp/heap_type.h"
#include "interp/interpreter.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/well_known.h"
#include "runtime/runtime.h"
#include "runtime/str_cat.h"
#include "tests/isolation/isolation_test_support.h"

namespace islet {
namespace {

using testing::IntValue;
using testing::MakeClass;
using testing::PointWorkload;

class ConcurrentIsolationTest : public testing::IsolationTest {};

TEST_F(ConcurrentIsolationTest, ThreadsMutateSameNamedClassesEachInItsOwnInterpreter) {
  constexpr int kThreads = 4;
  constexpr int kRounds = 2000;
  struct Result {
    std::string error;
    std::vector<uint32_t> tags;  // Point's tag after each round
  };
  std::vector<Result> results(kThreads);
  std::latch start(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      Result& result = results[t];
      absl::StatusOr<Interpreter*> interp = Runtime::CreateInterpreter();
      start.arrive_and_wait();  // all mutate at once
      if (!interp.ok()) {
        result.error = std::string(interp.status().message());
        return;
      }
      {
        AttachGuard attached(**interp);
        PointWorkload workload(t + 1);
        for (int round = 0; round < kRounds && result.error.empty(); ++round) {
          result.error = workload.Round(round);
          result.tags.push_back(workload.point_tag());
        }
      }
      if (absl::Status status = Runtime::DestroyInterpreter(*interp); !status.ok()) {
        result.error = std::string(status.message());
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int t = 0; t < kThreads; ++t) {
    EXPECT_EQ(results[t].error, "") << "thread " << t;
    ASSERT_EQ(results[t].tags.size(), static_cast<size_t>(kRounds));
    // Every interpreter handed out the same tags, whatever the interleaving.
    EXPECT_EQ(results[t].tags, results[0].tags) << "thread " << t;
  }
  EXPECT_NE(results[0].tags.front(), 0u);
  EXPECT_EQ(results[0].tags.back(), 0u);  // past the budget by the end
  EXPECT_EQ(Runtime::InterpreterCount(), 3u);
}

// Each of b and c has a class Counter with an int `n`. Thread 0 attaches to b and,
// nested, to c; thread 1 to c and, nested, to b. Each bumps n in both (the outer
// interpreter twice: before and after the nested attach, which must have given
// the outer one back), so a lost update or an unattached access shows.
TEST_F(ConcurrentIsolationTest, TwoThreadsCrossBetweenTheSameTwoInterpreters) {
  constexpr int kIterations = 500;
  Interpreter* pair[] = {b_, c_};
  Ref<Object> counters[2];
  for (int i = 0; i < 2; ++i) {
    AttachGuard attached(*pair[i]);
    counters[i] = MakeClass("Counter", WellKnownType(WellKnown::kObject));
    ASSERT_TRUE(SetAttr(counters[i].get(), pair[i]->Intern("n"), NewInt(0).get()));
  }
  // n += 1 on `counter`, then `last` set and read back; "" or what went wrong.
  auto bump = [](Interpreter* interp, Object* counter, int64_t mark) -> std::string {
    if (Interpreter::Current() != interp) return "attached to the wrong interpreter";
    const Name* n = interp->Intern("n");
    std::optional<int64_t> value = IntValue(GetAttr(counter, n));
    if (!value) return "n is not an int";
    if (!SetAttr(counter, n, NewInt(*value + 1).get())) return "setting n failed";
    Ref<Object> last = NewInt(mark);
    if (!SetAttr(counter, interp->Intern("last"), last.get())) return "setting last failed";
    if (GetAttr(counter, "last").get() != last.get()) return StrCat("lost last = ", mark);
    return "";
  };
  std::string errors[2];
  std::latch start(2);
  std::vector<std::thread> threads;
  for (int t = 0; t < 2; ++t) {
    threads.emplace_back([&, t] {
      const int outer = t;
      const int inner = 1 - t;
      start.arrive_and_wait();
      for (int i = 0; i < kIterations && errors[t].empty(); ++i) {
        const int64_t mark = (t + 1) * 1'000'000 + i;
        AttachGuard outer_attached(*pair[outer]);
        errors[t] = bump(pair[outer], counters[outer].get(), mark);
        {
          AttachGuard inner_attached(*pair[inner]);
          if (errors[t].empty()) errors[t] = bump(pair[inner], counters[inner].get(), mark);
        }
        if (errors[t].empty()) errors[t] = bump(pair[outer], counters[outer].get(), mark);
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(errors[0], "");
  EXPECT_EQ(errors[1], "");
  for (int i = 0; i < 2; ++i) {
    AttachGuard attached(*pair[i]);
    // Twice as the outer interpreter, once as the inner, per iteration.
    EXPECT_EQ(IntValue(GetAttr(counters[i].get(), "n")), 3 * kIterations);
    EXPECT_EQ(pair[i]->attached_threads(), 1);  // this thread only
    counters[i].reset();
  }
}

// Threads attached to one interpreter take turns on its lock (there is no switch
// interval yet: a thread keeps the interpreter until its AttachGuard ends). While
// one holds it, another that attaches waits; each turn sees the previous turns'
// changes to the interpreter's objects, which are not atomic.
TEST_F(ConcurrentIsolationTest, ThreadsTakeTurnsOnOneInterpreter) {
  Interpreter* shared = b_;
  Ref<Object> counter;
  {
    AttachGuard attached(*shared);
    counter = MakeClass("Counter", WellKnownType(WellKnown::kObject));
    ASSERT_TRUE(SetAttr(counter.get(), shared->Intern("n"), NewInt(0).get()));
  }

  // One turn, then the other: the second thread waits while the first holds it.
  std::atomic<bool> first_entered{false};
  std::atomic<bool> release_first{false};
  std::atomic<bool> second_entered{false};
  std::thread first([&] {
    AttachGuard attached(*shared);
    first_entered.store(true);
    while (!release_first.load()) std::this_thread::yield();
  });
  while (!first_entered.load()) std::this_thread::yield();
  std::thread second([&] {
    AttachGuard attached(*shared);
    second_entered.store(true);
  });
  // attached_threads() counts a thread from before it waits for the lock.
  while (shared->attached_threads() < 2) std::this_thread::yield();
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_FALSE(second_entered.load());
  release_first.store(true);
  first.join();
  second.join();
  EXPECT_TRUE(second_entered.load());

  // Many turns: never two threads inside at once, no update lost.
  constexpr int kTurns = 1000;
  std::atomic<int> inside{0};
  std::atomic<int> most_inside{0};
  std::string errors[2];
  std::latch start(2);
  std::vector<std::thread> threads;
  for (int t = 0; t < 2; ++t) {
    threads.emplace_back([&, t] {
      start.arrive_and_wait();
      for (int i = 0; i < kTurns && errors[t].empty(); ++i) {
        AttachGuard attached(*shared);
        int now = inside.fetch_add(1) + 1;
        if (now > most_inside.load()) most_inside.store(now);
        const Name* n = shared->Intern("n");
        std::optional<int64_t> value = IntValue(GetAttr(counter.get(), n));
        if (!value || !SetAttr(counter.get(), n, NewInt(*value + 1).get())) {
          errors[t] = "n could not be bumped";
        }
        inside.fetch_sub(1);
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(errors[0], "");
  EXPECT_EQ(errors[1], "");
  EXPECT_EQ(most_inside.load(), 1);
  AttachGuard attached(*shared);
  EXPECT_EQ(IntValue(GetAttr(counter.get(), "n")), 2 * kTurns);
  counter.reset();
}

}  // namespace
}  // namespace islet
