#include "tools/stress_workload.h"

#include <gmp.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

#include "interp/interpreter.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/protocol.h"
#include "objects/queue.h"
#include "objects/set.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/well_known.h"
#include "runtime/runtime.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

constexpr int kMaxReportedFailures = 10;

using Clock = std::chrono::steady_clock;

// Shared by the workers and the monitoring thread.
class StressState {
 public:
  explicit StressState(const StressOptions& options)
      : options_(options), start_(Clock::now()), ring_(NewSharedQueue(0)) {}

  const StressOptions& options() const { return options_; }
  const QueueHandle& ring() const { return ring_; }

  // Whether a worker may start another round (and claims it).
  bool NextRound() {
    if (stop_.load(std::memory_order_acquire)) return false;
    const int64_t ticket = tickets_.fetch_add(1, std::memory_order_relaxed);
    return options_.interpreters == 0 || ticket < options_.interpreters;
  }
  void Stop() { stop_.store(true, std::memory_order_release); }

  void Fail(std::string what) {
    failures_.fetch_add(1, std::memory_order_relaxed);
    std::lock_guard<std::mutex> lock(mutex_);
    if (++reported_ <= kMaxReportedFailures) first_failures_ += what + "\n";
  }

  std::atomic<int64_t> created{0};
  std::atomic<int64_t> destroyed{0};
  std::atomic<int64_t> items_put{0};
  std::atomic<int64_t> items_checked{0};

  StressCounts Counts() const {
    StressCounts counts;
    counts.created = created.load();
    counts.destroyed = destroyed.load();
    counts.items_put = items_put.load();
    counts.items_checked = items_checked.load();
    counts.failures = failures_.load();
    counts.seconds = std::chrono::duration<double>(Clock::now() - start_).count();
    return counts;
  }
  std::string first_failures() {
    std::lock_guard<std::mutex> lock(mutex_);
    return first_failures_;
  }

 private:
  const StressOptions options_;
  const Clock::time_point start_;
  const QueueHandle ring_;  // a C++ handle: the ring outlives every interpreter
  std::atomic<bool> stop_{false};
  std::atomic<int64_t> tickets_{0};
  std::atomic<int64_t> failures_{0};
  std::mutex mutex_;
  int reported_ = 0;
  std::string first_failures_;
};

Ref<Object> Borrowed(std::initializer_list<Object*> items, bool tuple) {
  std::vector<Ref<Object>> refs;
  for (Object* item : items) refs.push_back(Ref<Object>::Borrow(item));
  return tuple ? NewTuple(std::move(refs)) : NewList(std::move(refs));
}

// The payload round `round` of thread `thread` carries, made in the current
// interpreter: every shareable kind, and one list reached twice.
Ref<Object> Payload(int64_t thread, int64_t round) {
  const int64_t n = thread * 1000003 + round;
  ScopedMpz big;
  mpz_ui_pow_ui(big.get(), 2, 80);
  mpz_mul_si(big.get(), big.get(), n + 1);
  if (round % 2 == 1) mpz_neg(big.get(), big.get());
  std::string raw(reinterpret_cast<const char*>(&n), sizeof(n));
  raw.push_back('\0');

  Ref<Object> twice = Borrowed({NewInt(n).get(), NewStr("x").get()}, false);
  Ref<Object> frozen = NewSetOfType(WellKnownType(WellKnown::kFrozenSet), nullptr);
  Ref<Object> dict = NewDict();
  Ref<Object> set = NewSet();
  bool ok = SetAdd(frozen.get(), NewInt(n).get()) && SetAdd(frozen.get(), NewInt(n + 1).get()) &&
            SetAdd(frozen.get(), NewStr("f").get()) &&
            DictSet(dict.get(), NewStr("n").get(), NewInt(n).get()) &&
            DictSet(dict.get(), NewStr("tag").get(), frozen.get()) &&
            DictSet(dict.get(), NewTuple({NewInt(1).get(), NewInt(2).get()}).get(),
                    NewBytes("k").get()) &&
            SetAdd(set.get(), NewInt(n % 17).get()) && SetAdd(set.get(), NewStr("s").get()) &&
            SetAdd(set.get(), NewInt(-n).get());
  if (!ok) return nullptr;
  Ref<Object> nested = Borrowed(
      {twice.get(), twice.get(), NewTuple({NewInt(n).get(), NewStr("t").get()}).get()}, false);
  return Borrowed({NewInt(n).get(), NewIntFromMpz(big.get()).get(), NewFloat(n / 7.0).get(),
                   NewStr(StrCat("round \xc3\xa9 ", n)).get(), NewBytes(raw).get(), None(), True(),
                   nested.get(), dict.get(), set.get()},
                  true);
}

std::string Token(int64_t thread, int64_t round) { return StrCat("token ", thread, "/", round); }

std::string Describe() {
  absl::Status status = TakeExceptionAsStatus();
  return std::string(status.message());
}

// Checks an item taken from the ring (in the current interpreter); "" if it is
// as it was put, else what is wrong.
std::string Check(Object* item) {
  if (!IsExactly(item, WellKnown::kTuple) || TupleItems(item).size() != 4) {
    return "an item is not a 4-tuple";
  }
  std::span<const Ref<Object>> parts = TupleItems(item);
  std::optional<int64_t> thread = IntAsInt64(parts[0].get());
  std::optional<int64_t> round = IntAsInt64(parts[1].get());
  if (!thread || !round) return "an item's thread or round is not an int";
  const std::string which = StrCat("item ", *thread, "/", *round, ": ");
  Ref<Object> expected = Payload(*thread, *round);
  if (!expected) return which + Describe();
  int equal = RichCompareBool(parts[2].get(), expected.get(), CompareOp::kEq);
  if (equal < 0) return which + Describe();
  if (equal == 0) {
    std::optional<std::string> got = ReprText(parts[2].get());
    return StrCat(which, "payload differs: ", got.value_or("?"));
  }
  std::span<const Ref<Object>> payload = TupleItems(parts[2].get());
  std::vector<Ref<Object>>& nested = ListItems(payload[7].get());
  if (nested[0].get() != nested[1].get()) return which + "an alias arrived as two objects";
  if (!IsQueue(parts[3].get())) return which + "the reply is not a queue";
  Ref<Object> token = QueueGet(parts[3].get(), 0.0);
  if (!token) return which + Describe();
  if (!IsExactly(token.get(), WellKnown::kStr) || StrView(token.get()) != Token(*thread, *round)) {
    return which + "wrong token";
  }
  if (QueueHandleOf(parts[3].get())->size() != 0) return which + "the reply queue is not empty";
  return "";
}

// Takes one item from `ring` (waiting up to `timeout`) and checks it; false if
// the ring was empty.
bool TakeAndCheck(StressState& state, Object* ring, double timeout) {
  Ref<Object> item = QueueGet(ring, timeout);
  if (!item) {
    if (ExceptionMatches(WellKnown::kQueueEmpty)) {
      ClearException();
      return false;
    }
    state.Fail(StrCat("get: ", Describe()));
    return false;
  }
  if (std::string problem = Check(item.get()); !problem.empty()) {
    state.Fail(problem);
  } else {
    state.items_checked.fetch_add(1, std::memory_order_relaxed);
  }
  return true;
}

// One round in `interp`: take an item, put one.
void Round(StressState& state, Interpreter& interp, int64_t thread, int64_t round) {
  AttachGuard attached(interp);
  // Both ways of reaching a queue from another interpreter: its handle, its id.
  Ref<Object> ring =
      round % 2 == 0 ? QueueObjectFor(state.ring()) : QueueObjectForId(state.ring()->id());
  Ref<Object> reply = CreateQueue(1);
  Ref<Object> payload = Payload(thread, round);
  if (!ring || !reply || !payload) return state.Fail(StrCat("setup: ", Describe()));
  if (!QueuePut(reply.get(), NewStr(Token(thread, round)).get(), 0.0)) {
    return state.Fail(StrCat("reply put: ", Describe()));
  }
  // Take first, so what is taken was put by another interpreter, most often one
  // already destroyed; now and then wait a little, with this interpreter's lock
  // released.
  TakeAndCheck(state, ring.get(), round % 4 == 0 ? 0.001 : 0.0);
  Ref<Object> item =
      Borrowed({NewInt(thread).get(), NewInt(round).get(), payload.get(), reply.get()}, true);
  if (!QueuePut(ring.get(), item.get(), 5.0)) return state.Fail(StrCat("put: ", Describe()));
  state.items_put.fetch_add(1, std::memory_order_relaxed);
}

void Worker(StressState& state, int64_t thread) {
  for (int64_t round = 0; state.NextRound(); ++round) {
    absl::StatusOr<Interpreter*> interp = Runtime::CreateInterpreter();
    if (!interp.ok()) {
      state.Fail(StrCat("create: ", interp.status().message()));
      continue;
    }
    state.created.fetch_add(1, std::memory_order_relaxed);
    Round(state, **interp, thread, round);
    if (absl::Status status = Runtime::DestroyInterpreter(*interp); !status.ok()) {
      state.Fail(StrCat("destroy: ", status.message()));
      continue;
    }
    state.destroyed.fetch_add(1, std::memory_order_relaxed);
  }
}

// After the workers: everything left in the ring, in a fresh interpreter.
void Drain(StressState& state) {
  absl::StatusOr<Interpreter*> interp = Runtime::CreateInterpreter();
  if (!interp.ok()) return state.Fail(StrCat("create: ", interp.status().message()));
  {
    AttachGuard attached(**interp);
    Ref<Object> ring = QueueObjectFor(state.ring());
    if (!ring) return state.Fail(StrCat("drain: ", Describe()));
    while (TakeAndCheck(state, ring.get(), 0.0)) {
    }
  }
  if (!Runtime::DestroyInterpreter(*interp).ok()) state.Fail("destroy: drain interpreter");
}

}  // namespace

StressResult RunStress(const StressOptions& options) {
  StressState state(options);
  std::atomic<int> running{options.threads};
  std::vector<std::thread> workers;
  for (int t = 0; t < options.threads; ++t) {
    workers.emplace_back([&state, &running, t] {
      Worker(state, t);
      running.fetch_sub(1, std::memory_order_release);
    });
  }
  const auto start = Clock::now();
  auto next_progress = start + std::chrono::duration<double>(options.progress_interval);
  while (running.load(std::memory_order_acquire) > 0) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    const auto now = Clock::now();
    if (options.seconds > 0 && now - start >= std::chrono::duration<double>(options.seconds)) {
      state.Stop();
    }
    if (options.on_progress && now >= next_progress) {
      options.on_progress(state.Counts());
      next_progress += std::chrono::duration<double>(options.progress_interval);
    }
  }
  for (std::thread& worker : workers) worker.join();
  Drain(state);
  StressResult result;
  static_cast<StressCounts&>(result) = state.Counts();
  if (result.items_checked != result.items_put) {
    state.Fail(StrCat(result.items_put - result.items_checked, " items put were never checked"));
    static_cast<StressCounts&>(result) = state.Counts();
  }
  if (result.created != result.destroyed) state.Fail("interpreters were left undestroyed");
  result.failures = state.Counts().failures;
  result.first_failures = state.first_failures();
  return result;
}

std::string FormatStressCounts(const StressCounts& counts) {
  char seconds[32];
  std::snprintf(seconds, sizeof(seconds), "%.1fs", counts.seconds);
  return StrCat(seconds, ": ", counts.created, " interpreters created, ", counts.destroyed,
                " destroyed; ", counts.items_put, " items put, ", counts.items_checked,
                " checked; ", counts.failures, " failures");
}

}  // namespace islet
