// Benchmarks of the interpreter lifecycle, of per-interpreter type state and of
// the embedding API's ownership checks, with every builtin type linked. Run with
// --config=opt.

#include "benchmark/benchmark.h"
#include "interp/interpreter.h"
#include "interp/ownership.h"
#include "objects/dict.h"
#include "objects/immortals.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/well_known.h"
#include "runtime/runtime.h"

namespace islet {
namespace {

// Initializes the runtime once for the whole benchmark binary.
class RuntimeForBenchmarks {
 public:
  RuntimeForBenchmarks() {
    if (!Runtime::Initialize().ok()) std::abort();
  }
};

void EnsureRuntime() { static RuntimeForBenchmarks runtime; }

// create_destroy_us: a subinterpreter created and destroyed.
void BM_CreateDestroyInterpreter(benchmark::State& state) {
  EnsureRuntime();
  for (auto _ : state) {
    absl::StatusOr<Interpreter*> interp = Runtime::CreateInterpreter();
    benchmark::DoNotOptimize(*interp);
    if (!Runtime::DestroyInterpreter(*interp).ok()) state.SkipWithError("destroy failed");
  }
}
BENCHMARK(BM_CreateDestroyInterpreter);

// state_lookup_ns: the current interpreter's state for a static type.
void BM_StaticTypeStateLookup(benchmark::State& state) {
  EnsureRuntime();
  AttachGuard attached(*Runtime::MainInterpreter());
  StaticType* type = WellKnownType(WellKnown::kInt);
  for (auto _ : state) {
    benchmark::DoNotOptimize(&Interpreter::Current()->StateOf(*type));
  }
}
BENCHMARK(BM_StaticTypeStateLookup);

// attr_cache_hit_ns: int.bit_length found through the attribute cache.
void BM_AttributeCacheHit(benchmark::State& state) {
  EnsureRuntime();
  Interpreter* interp = Runtime::MainInterpreter();
  AttachGuard attached(*interp);
  StaticType* type = WellKnownType(WellKnown::kBool);
  const Name* name = interp->Intern("bit_length");
  for (auto _ : state) {
    benchmark::DoNotOptimize(Interpreter::Current()->LookupTypeAttribute(*type, name));
  }
}
BENCHMARK(BM_AttributeCacheHit);

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
}  // namespace islet

BENCHMARK_MAIN();
