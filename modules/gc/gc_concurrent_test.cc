// The collector under threads (run under ThreadSanitizer by CI, tag
// `concurrency`): interpreters on their own threads collecting heavily at once
// (tiny thresholds, gc.collect() in a loop, finalizers and weak reference
// callbacks on the garbage) never touch each other's objects, and two threads
// taking turns on one interpreter share its collector.

#include <latch>
#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "interp/interpreter.h"
#include "runtime/runtime.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

// Makes cycles with finalizers and weak references (with callbacks) to them,
// collecting all the time; checks that every finalizer and callback ran once.
constexpr std::string_view kWorkload = R"(
import gc, weakref
gc.set_threshold(50, 2, 2)
dels = [0]
callbacks = [0]
class Node:
    def __del__(self):
        dels[0] += 1
def callback(ref):
    callbacks[0] += 1
refs = []
for round in range(ROUNDS):
    for i in range(20):
        a = Node(); b = Node()
        a.other = b; b.other = a
        a.items = [a, b, {'b': b}]
        refs.append(weakref.ref(a, callback))
    del a, b
    if round % 10 == 0:
        gc.collect(round % 3)
    refs = [r for r in refs if r() is not None]
# Another thread of the interpreter may be half-way through a collection that
# holds some of this garbage (gc.collect() then returns 0 at once): give it
# turns until it is done.
for attempt in range(100):
    gc.collect()
    if dels[0] == 40 * ROUNDS and callbacks[0] == 20 * ROUNDS:
        break
    for tick in range(3000):
        pass
assert dels[0] == 40 * ROUNDS, dels
assert callbacks[0] == 20 * ROUNDS, callbacks
assert [r for r in refs if r() is not None] == []
)";

std::string Workload(int rounds) {
  std::string source(kWorkload);
  for (size_t at; (at = source.find("ROUNDS")) != std::string::npos;) {
    source.replace(at, 6, StrCat(rounds));
  }
  return source;
}

class GcConcurrentTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(Runtime::Initialize().ok()); }
  void TearDown() override { ASSERT_TRUE(Runtime::Finalize().ok()); }
};

TEST_F(GcConcurrentTest, InterpretersCollectOnTheirOwnThreadsAtOnce) {
  constexpr int kThreads = 2;
  std::vector<std::string> errors(kThreads);
  std::latch start(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      absl::StatusOr<Interpreter*> interp = Runtime::CreateInterpreter();
      start.arrive_and_wait();
      if (!interp.ok()) {
        errors[t] = std::string(interp.status().message());
        return;
      }
      absl::Status status = (*interp)->Exec(Workload(200));
      if (!status.ok()) errors[t] = std::string(status.message());
      // The cycles, the classes and what the program left are all freed.
      if (absl::Status destroyed = Runtime::DestroyInterpreter(*interp); !destroyed.ok()) {
        errors[t] += std::string(destroyed.message());
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(errors[t], "") << "thread " << t;
}

// Two threads of one interpreter take turns (the switch interval) while both
// make garbage; collections run on whichever holds the lock.
TEST_F(GcConcurrentTest, ThreadsTakingTurnsShareTheInterpretersCollector) {
  absl::StatusOr<Interpreter*> interp = Runtime::CreateInterpreter();
  ASSERT_TRUE(interp.ok());
  constexpr int kThreads = 2;
  std::vector<std::string> errors(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      // Each thread runs the workload in a function of its own, so their
      // counters do not mix.
      const std::string body = Workload(50);
      std::string source = StrCat("def work", t, "():\n");
      for (std::string_view rest = body; !rest.empty();) {
        size_t end = rest.find('\n');
        source += StrCat("    ", rest.substr(0, end), "\n");
        rest = end == std::string_view::npos ? "" : rest.substr(end + 1);
      }
      source += StrCat("work", t, "()\n");
      absl::Status status = (*interp)->Exec(source);
      if (!status.ok()) errors[t] = std::string(status.message());
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(errors[t], "") << "thread " << t;
  ASSERT_TRUE(Runtime::DestroyInterpreter(*interp).ok());
}

}  // namespace
}  // namespace islet
