// Benchmarks of the interpreter lifecycle and of per-interpreter type state, with
// every builtin type linked. Run with --config=opt.

#include "benchmark/benchmark.h"
#include "interp/interpreter.h"
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

}  // namespace
}  // namespace islet

BENCHMARK_MAIN();
