// The embedding API's ownership checks (interp/ownership.h): the check alone,
// boundary calls whose own work is small, so the checks' share shows, and a
// dict build whose internal stores a checked build also checks.

#include "benchmark/benchmark.h"
#include "interp/interpreter.h"
#include "interp/ownership.h"
#include "objects/dict.h"
#include "objects/immortals.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "runtime/runtime.h"
#include "tools/bench/bench_support.h"

namespace islet::bench {
namespace {

// ownership_check_ns: CheckOwned on a mortal object of the current interpreter,
// the check every protocol entry point makes on each object it receives.
void BM_CheckOwned(benchmark::State& state) {
  EnsureRuntime();
  AttachGuard attached(*Runtime::MainInterpreter());
  Ref<Object> list = NewList();
  Object* object = list.get();
  for (auto _ : state) {
    benchmark::DoNotOptimize(object);
    benchmark::DoNotOptimize(CheckOwned(object));
  }
}
BENCHMARK(BM_CheckOwned);

// Boundary calls whose own work is small, so the checks' share shows: len(l)
// (one object checked), l[0] (two), l[0] = None (three), l.count(1) through a
// bound builtin method (callable and argument, then the comparisons' checks).
void BM_ProtocolLength(benchmark::State& state) {
  EnsureRuntime();
  AttachGuard attached(*Runtime::MainInterpreter());
  Ref<Object> list = NewList({NewInt(1), NewInt(2)});
  for (auto _ : state) benchmark::DoNotOptimize(Length(list.get()));
}
BENCHMARK(BM_ProtocolLength);

void BM_ProtocolGetItem(benchmark::State& state) {
  EnsureRuntime();
  AttachGuard attached(*Runtime::MainInterpreter());
  Ref<Object> list = NewList({NewInt(1), NewInt(2)});
  Object* index = SmallInt(0);
  for (auto _ : state) benchmark::DoNotOptimize(GetItem(list.get(), index));
}
BENCHMARK(BM_ProtocolGetItem);

void BM_ProtocolSetItem(benchmark::State& state) {
  EnsureRuntime();
  AttachGuard attached(*Runtime::MainInterpreter());
  Ref<Object> list = NewList({NewInt(1), NewInt(2)});
  Object* index = SmallInt(0);
  for (auto _ : state) benchmark::DoNotOptimize(SetItem(list.get(), index, None()));
}
BENCHMARK(BM_ProtocolSetItem);

void BM_CallBuiltinMethod(benchmark::State& state) {
  EnsureRuntime();
  AttachGuard attached(*Runtime::MainInterpreter());
  Ref<Object> list = NewList({NewInt(1), NewInt(2)});
  Ref<Object> count = GetAttr(list.get(), "count");
  Object* one = SmallInt(1);
  for (auto _ : state) benchmark::DoNotOptimize(Call(count.get(), {one}));
}
BENCHMARK(BM_CallBuiltinMethod);

// A checked build adds checks at internal store points: a dict of 64 small ints
// built with DictSet (the C++ call, no boundary check) shows their cost.
void BM_DictBuild(benchmark::State& state) {
  EnsureRuntime();
  AttachGuard attached(*Runtime::MainInterpreter());
  for (auto _ : state) {
    Ref<Object> dict = NewDict();
    for (int64_t i = 0; i < 64; ++i) {
      Object* key = SmallInt(i);
      if (!DictSet(dict.get(), key, key)) state.SkipWithError("DictSet failed");
    }
    benchmark::DoNotOptimize(dict.get());
  }
}
BENCHMARK(BM_DictBuild);

}  // namespace
}  // namespace islet::bench
