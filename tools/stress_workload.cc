#include "tools/stress_workload.h"

#include <gmp.h>

#include <algorithm>
#include <atomic>
#include <bit>
#include <chrono>
#include <cstdio>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "interp/interpreter.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/protocol.h"
#include "objects/queue.h"
#include "objects/set.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/weakref.h"
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

// The class paths, so TSan sees them with interpreters made and destroyed on
// every thread: heap classes (a heap base over a builtin one), their
// attributes changed (fresh version tags for the class and its subclass) and
// looked up through the interpreter's attribute cache, instance attributes,
// methods inherited from the builtin base, and weak references with and
// without a callback, to an instance, a class and a builtin type. "" if all is
// as expected, else what is not.
std::string ClassRound(int64_t thread, int64_t round) {
  Interpreter& interp = *Interpreter::Current();
  const int64_t n = thread * 1000003 + round;
  TypeObject* int_type = WellKnownType(WellKnown::kInt);
  TypeObject* weakref_type = WellKnownType(WellKnown::kWeakRef);
  const Name* scale = interp.Intern("scale");
  auto describe = [&](std::string_view step) { return StrCat(step, ": ", Describe()); };

  // class Base(int): scale = n;  class Derived(Base): pass
  Ref<Object> namespace_dict = NewDict();
  if (!namespace_dict || !DictSet(namespace_dict.get(), NewStr("scale").get(), NewInt(n).get())) {
    return describe("namespace");
  }
  Ref<Object> base = Call(interp.type_type(),
                          {NewStr("Base").get(), NewTuple({int_type}).get(), namespace_dict.get()});
  if (!base) return describe("class Base");
  Ref<Object> derived = Call(
      interp.type_type(), {NewStr("Derived").get(), NewTuple({base.get()}).get(), NewDict().get()});
  if (!derived) return describe("class Derived");
  Ref<Object> instance = Call(derived.get(), {NewInt(n % 1000 + 1).get()});
  if (!instance) return describe("Derived(...)");

  // Class attributes through the cache, changed a few times (each change gives
  // Base and Derived new tags), and one shadowed by the instance.
  for (int64_t i = 0; i < 4; ++i) {
    if (!SetAttr(base.get(), scale, NewInt(n + i).get())) return describe("Base.scale = ...");
    for (int repeat = 0; repeat < 3; ++repeat) {
      Ref<Object> got = GetAttr(instance.get(), scale);
      if (!got) return describe("instance.scale");
      if (IntAsInt64(got.get()) != n + i) return "instance.scale is stale";
    }
  }
  if (!SetAttr(instance.get(), scale, NewStr("own").get())) return describe("instance.scale = ...");
  Ref<Object> own = GetAttr(instance.get(), scale);
  if (!own || !IsExactly(own.get(), WellKnown::kStr) || StrView(own.get()) != "own") {
    return "an instance attribute does not shadow its class's";
  }
  Ref<Object> from_class = GetAttr(derived.get(), scale);
  if (!from_class || IntAsInt64(from_class.get()) != n + 3) return "Derived.scale is stale";
  // A method of the builtin base, and lookups on builtin types.
  Ref<Object> bits = CallMethod(instance.get(), "bit_length", {});
  if (!bits || IntAsInt64(bits.get()) !=
                   static_cast<int64_t>(std::bit_width(static_cast<uint64_t>(n % 1000 + 1)))) {
    return "bit_length of an int subclass instance is wrong";
  }
  if (!GetAttr(int_type, "bit_length") || !GetAttr(WellKnownType(WellKnown::kStr), "join")) {
    return describe("builtin type attributes");
  }
  if (IsInstanceOf(instance.get(), base.get()) != 1 || IsSubclassOf(derived.get(), int_type) != 1) {
    return "isinstance / issubclass along a heap MRO";
  }

  // Weak references: to the instance with a callback (which runs when it dies),
  // to its class and to a builtin type without one.
  auto callbacks = std::make_shared<int64_t>(0);  // the function may outlive this frame
  Ref<Object> callback = NewFunction("on_death", [callbacks](const CallArgs&) {
    ++*callbacks;
    return NoneRef();
  });
  if (!callback) return describe("callback");
  Ref<Object> to_instance = NewWeakRef(weakref_type, instance.get(), callback.get());
  Ref<Object> to_class = NewWeakRef(weakref_type, derived.get(), nullptr);
  Ref<Object> to_int = NewWeakRef(weakref_type, int_type, nullptr);
  if (!to_instance || !to_class || !to_int) return describe("weakref.ref");
  if (WeakRefReferent(to_instance.get()) != instance.get() ||
      WeakRefReferent(to_class.get()) != derived.get() ||
      WeakRefReferent(to_int.get()) != int_type || WeakRefCount(int_type) < 1) {
    return "a weak reference does not reach its referent";
  }
  instance.reset();
  if (WeakRefReferent(to_instance.get()) != nullptr || *callbacks != 1) {
    return StrCat("a dead instance's weak reference: ", *callbacks, " callbacks");
  }
  if (ExceptionPending()) return describe("weak reference callback");
  // The classes and the weak reference to Derived go with the interpreter (or
  // before, if nothing else holds them); the one to `int` is cleared without a
  // callback at teardown.
  return "";
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
  if (std::string problem = ClassRound(thread, round); !problem.empty()) {
    state.Fail(StrCat("classes ", thread, "/", round, ": ", problem));
  }
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
