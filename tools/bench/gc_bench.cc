// The cycle collector's pause: one full collection (gc.collect()) over a heap
// of 10^6 tracked objects, all of them reachable (a collection that finds
// nothing to free: the common case), and all of them garbage (500,000 two-list
// cycles: the pause includes freeing them). Figures for docs/performance.md.
//
//   ./bazelw run --config=opt //tools/bench:gc_bench -- --benchmark_repetitions=5

#include <vector>

#include "benchmark/benchmark.h"
#include "interp/collector.h"
#include "interp/interpreter.h"
#include "objects/list.h"
#include "runtime/runtime.h"
#include "tools/bench/bench_support.h"

namespace islet::bench {
namespace {

constexpr int kTrackedObjects = 1000000;

// One list holding 10^6 - 1 empty lists: every object is reachable from the
// outer list, which C++ holds.
void BM_FullCollectionReachable(benchmark::State& state) {
  EnsureRuntime();
  AttachGuard attached(*Runtime::MainInterpreter());
  Collector& collector = Runtime::MainInterpreter()->collector();
  collector.set_enabled(false);
  collector.Collect(2);
  std::vector<Ref<Object>> items;
  items.reserve(kTrackedObjects - 1);
  for (int i = 0; i < kTrackedObjects - 1; ++i) items.push_back(NewList());
  Ref<Object> heap = NewList(std::move(items));
  for (auto _ : state) {
    if (collector.Collect(2) != 0) state.SkipWithError("a reachable object was collected");
  }
  heap.reset();
  collector.set_enabled(true);
  state.SetItemsProcessed(state.iterations() * kTrackedObjects);
}
BENCHMARK(BM_FullCollectionReachable)->Unit(benchmark::kMillisecond);

// 500,000 cycles of two lists each, unreachable: the collection finds and frees
// all 10^6 objects.
void BM_FullCollectionGarbage(benchmark::State& state) {
  EnsureRuntime();
  AttachGuard attached(*Runtime::MainInterpreter());
  Collector& collector = Runtime::MainInterpreter()->collector();
  collector.set_enabled(false);
  collector.Collect(2);
  for (auto _ : state) {
    state.PauseTiming();
    for (int i = 0; i < kTrackedObjects / 2; ++i) {
      Ref<Object> a = NewList();
      Ref<Object> b = NewList({a});
      ListItems(a.get()).push_back(b);
    }
    state.ResumeTiming();
    if (collector.Collect(2) != kTrackedObjects) state.SkipWithError("garbage was left");
  }
  collector.set_enabled(true);
  state.SetItemsProcessed(state.iterations() * kTrackedObjects);
}
BENCHMARK(BM_FullCollectionGarbage)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace islet::bench
