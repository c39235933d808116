// What running in parallel costs: immortal_refcount_ratio and scaling_2x.

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "benchmark/benchmark.h"
#include "interp/interpreter.h"
#include "objects/errors.h"
#include "objects/well_known.h"
#include "runtime/runtime.h"
#include "runtime/str_cat.h"
#include "tools/bench/bench_support.h"

namespace islet::bench {
namespace {

// The alternative to immortality: one object shared by every thread, whose
// refcount is atomic (CPython's free-threaded build before deferred/biased
// counting). Alone on its cache line, so only the refcount is contended.
struct alignas(64) AtomicRefcounted {
  std::atomic<uint64_t> refcount{1};
};
constinit AtomicRefcounted shared_object;

// immortal_refcount_ratio: incref+decref of the same object from 2 threads,
// an immortal static type (arg 0) versus a shared object with an atomic
// refcount (arg 1). The ratio of the two times is the figure.
void BM_SharedRefcount(benchmark::State& state) {
  EnsureRuntime();
  if (state.range(0) == 0) {
    Object* type = WellKnownType(WellKnown::kInt);
    for (auto _ : state) {
      Ref<Object> ref = Ref<Object>::Borrow(type);  // IncRef, then DecRef at scope end
      benchmark::DoNotOptimize(ref.get());
    }
  } else {
    for (auto _ : state) {
      shared_object.refcount.fetch_add(1, std::memory_order_relaxed);
      benchmark::DoNotOptimize(&shared_object);
      if (shared_object.refcount.fetch_sub(1, std::memory_order_acq_rel) == 1) std::abort();
    }
  }
}
BENCHMARK(BM_SharedRefcount)->ArgName("atomic")->Arg(0)->Arg(1)->Threads(2)->UseRealTime();

// Two interpreters created one after the other by one thread, as an embedder
// making a pool does: their memory comes from the same malloc arena, side by
// side, so anything the two share a cache line through shows up in scaling.
Interpreter* PooledInterpreter(int index) {
  static Interpreter* const* pool = [] {
    static Interpreter* interps[2];
    for (Interpreter*& interp : interps) {
      absl::StatusOr<Interpreter*> created = Runtime::CreateInterpreter();
      if (!created.ok()) std::abort();
      interp = *created;
    }
    return interps;
  }();
  return pool[index];
}

// Runs TypeWorkload rounds for `state` in `interp`.
void RunWorkload(benchmark::State& state, Interpreter& interp) {
  AttachGuard attached(interp);
  TypeWorkload workload;
  // On error the loop still starts (and runs no round): the other thread waits
  // for every thread at its start.
  if (std::string error = workload.Check(); !error.empty()) state.SkipWithError(error.c_str());
  for (auto _ : state) {
    if (!workload.Round()) {
      std::string error = StrCat("workload round failed: ", TakeExceptionAsStatus().message());
      state.SkipWithError(error.c_str());
      break;
    }
  }
}

// scaling_2x: TypeWorkload rounds, each thread in an interpreter of its own,
// timed by the wall clock. Google Benchmark divides the wall time by the rounds
// of all threads, so the figure is time(1 thread) / time(2 threads). Arg 0: each
// thread creates its interpreter; arg 1: the threads use a pool made up front.
void BM_TypeWorkload(benchmark::State& state) {
  EnsureRuntime();
  if (state.range(0) == 1) {
    PooledInterpreter(0);  // the pool is made by the first caller, before any thread uses it
    RunWorkload(state, *PooledInterpreter(state.thread_index()));
  } else {
    absl::StatusOr<Interpreter*> interp = Runtime::CreateInterpreter();
    if (!interp.ok()) std::abort();
    RunWorkload(state, **interp);
    if (!Runtime::DestroyInterpreter(*interp).ok()) std::abort();
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_TypeWorkload)
    ->ArgName("pooled")
    ->Arg(0)
    ->Arg(1)
    ->Threads(1)
    ->Threads(2)
    ->UseRealTime()
    ->MinTime(0.2)
    ->MinWarmUpTime(0.05)  // a process's first rounds fault in fresh heap pages
    ->Repetitions(1);      // the report repeats it in rounds, between which load changes

}  // namespace
}  // namespace islet::bench
