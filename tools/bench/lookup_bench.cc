// Per-interpreter type state and type attribute lookup: state_lookup_ns,
// attr_cache_hit_ns, attr_cache_miss_ns, type_getattr_ns.

#include <cstdlib>

#include "benchmark/benchmark.h"
#include "interp/attribute_cache.h"
#include "interp/interpreter.h"
#include "objects/dict.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/well_known.h"
#include "runtime/runtime.h"
#include "runtime/str_cat.h"
#include "tools/bench/bench_support.h"

namespace islet::bench {
namespace {

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

// The type the attribute benchmarks look `bit_length` up on: `bool` (arg 0,
// found on its base `int`) or a heap subclass of int (arg 1). A heap class is
// kept alive by `holder`.
TypeObject* LookupTarget(benchmark::State& state, Ref<Object>& holder) {
  if (state.range(0) == 0) return WellKnownType(WellKnown::kBool);
  holder = Call(
      Interpreter::Current()->type_type(),
      {NewStr("MyInt").get(), NewTuple({WellKnownType(WellKnown::kInt)}).get(), NewDict().get()});
  if (!holder) std::abort();
  return static_cast<TypeObject*>(holder.get());
}

// attr_cache_hit_ns: `bit_length` found through the attribute cache.
void BM_AttributeCacheHit(benchmark::State& state) {
  EnsureRuntime();
  Interpreter* interp = Runtime::MainInterpreter();
  AttachGuard attached(*interp);
  Ref<Object> holder;
  TypeObject* type = LookupTarget(state, holder);
  const Name* name = interp->Intern("bit_length");
  if (interp->LookupTypeAttribute(*type, name) == nullptr) std::abort();
  for (auto _ : state) {
    benchmark::DoNotOptimize(Interpreter::Current()->LookupTypeAttribute(*type, name));
  }
}
BENCHMARK(BM_AttributeCacheHit)->ArgName("heap")->Arg(0)->Arg(1);

// A name, interned in `interp`, that takes the same cache slot as `name` for
// `version`: found with a private AttributeCache, so the benchmark needs no
// access to the slot function.
const Name* CollidingName(Interpreter& interp, uint32_t version, const Name* name) {
  AttributeCache probe;
  Object* found = nullptr;
  for (int i = 0;; ++i) {
    const Name* candidate = interp.Intern(StrCat("no_such_attribute_", i));
    probe.Store(version, name, nullptr);
    probe.Store(version, candidate, nullptr);
    if (!probe.Find(version, name, &found)) return candidate;
  }
}

// attr_cache_miss_ns: two names that evict each other from the cache, looked
// up in turn, so every lookup walks the MRO: `bit_length` (found on int) and a
// name no class along the MRO has. Two lookups per iteration.
void BM_AttributeCacheMiss(benchmark::State& state) {
  EnsureRuntime();
  Interpreter* interp = Runtime::MainInterpreter();
  AttachGuard attached(*interp);
  Ref<Object> holder;
  TypeObject* type = LookupTarget(state, holder);
  const Name* name = interp->Intern("bit_length");
  const Name* other = CollidingName(*interp, type->version_tag(), name);
  for (auto _ : state) {
    benchmark::DoNotOptimize(interp->LookupTypeAttribute(*type, name));
    benchmark::DoNotOptimize(interp->LookupTypeAttribute(*type, other));
  }
  state.counters["lookups_per_iteration"] = 2;
}
BENCHMARK(BM_AttributeCacheMiss)->ArgName("heap")->Arg(0)->Arg(1);

// type_getattr_ns: `int.bit_length` through the object protocol (the metatype's
// getattr slot: data descriptors on `type`, the cached lookup, the descriptor's
// __get__), the closest to what CPython's LOAD_ATTR does.
void BM_TypeGetAttr(benchmark::State& state) {
  EnsureRuntime();
  Interpreter* interp = Runtime::MainInterpreter();
  AttachGuard attached(*interp);
  StaticType* type = WellKnownType(WellKnown::kInt);
  const Name* name = interp->Intern("bit_length");
  for (auto _ : state) {
    benchmark::DoNotOptimize(GetAttr(type, name));
  }
}
BENCHMARK(BM_TypeGetAttr);

}  // namespace
}  // namespace islet::bench
