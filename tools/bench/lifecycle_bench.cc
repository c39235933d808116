// Interpreter lifecycle and memory: create_destroy_us, idle_interp_bytes,
// used_interp_bytes.

#include <cstdint>
#include <string>

#include "benchmark/benchmark.h"
#include "interp/interpreter.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/weakref.h"
#include "objects/well_known.h"
#include "runtime/runtime.h"
#include "runtime/str_cat.h"
#include "tools/bench/bench_support.h"
#include "tools/bench/counting_allocator.h"

namespace islet::bench {
namespace {

// create_destroy_us: a subinterpreter created and destroyed, every builtin type
// registered.
void BM_CreateDestroyInterpreter(benchmark::State& state) {
  EnsureRuntime();
  for (auto _ : state) {
    absl::StatusOr<Interpreter*> interp = Runtime::CreateInterpreter();
    benchmark::DoNotOptimize(*interp);
    if (!Runtime::DestroyInterpreter(*interp).ok()) state.SkipWithError("destroy failed");
  }
}
BENCHMARK(BM_CreateDestroyInterpreter);

// Uses every static builtin type in the current interpreter the way programs
// do: reads its dict (materializing its members), looks an attribute up through
// the cache, makes and drops a weak reference to it and, if it can be
// subclassed, a heap subclass and its instance. Returns "" or what failed.
std::string UseEveryBuiltinType(Interpreter& interp) {
  const Name* repr = interp.Intern("__repr__");
  StaticType* weakref_type = WellKnownType(WellKnown::kWeakRef);
  for (StaticType* type : Runtime::registry().init_order()) {
    interp.TypeDict(*type);
    if (interp.LookupTypeAttribute(*type, repr) == nullptr) {
      return StrCat(type->name(), " has no __repr__");
    }
    if (!NewWeakRef(weakref_type, type, nullptr)) {
      return StrCat("weakref to ", type->name(), ": ", TakeExceptionAsStatus().message());
    }
    if (type->HasFlag(kTypeBaseType)) {
      Ref<Object> name = NewStr(StrCat("Sub_", type->name()));
      Ref<Object> cls =
          Call(interp.type_type(), {name.get(), NewTuple({type}).get(), NewDict().get()});
      if (!cls)
        return StrCat("subclass of ", type->name(), ": ", TakeExceptionAsStatus().message());
    }
  }
  return "";
}

// idle_interp_bytes (arg 0) and used_interp_bytes (arg 1): every byte a
// subinterpreter holds, counted by the replaced operator new between its
// creation and its destruction (which must give them all back).
void BM_InterpreterMemory(benchmark::State& state) {
  EnsureRuntime();
  const bool used = state.range(0) != 0;
  // Warm up once, so that runtime-side containers (the list of interpreters)
  // already have room and are not counted.
  if (!Runtime::DestroyInterpreter(*Runtime::CreateInterpreter()).ok()) std::abort();
  int64_t bytes = 0;
  int64_t blocks = 0;
  for (auto _ : state) {
    AllocationCounter counter;
    absl::StatusOr<Interpreter*> interp = Runtime::CreateInterpreter();
    if (!interp.ok()) {
      state.SkipWithError("create failed");
      break;
    }
    if (used) {
      AttachGuard attached(**interp);
      if (std::string error = UseEveryBuiltinType(**interp); !error.empty()) {
        state.SkipWithError(error.c_str());
      }
    }
    bytes = counter.counts().live_bytes;
    blocks = counter.counts().live_blocks;
    if (!Runtime::DestroyInterpreter(*interp).ok()) state.SkipWithError("destroy failed");
    if (counter.counts().live_bytes != 0) state.SkipWithError("destroying leaked memory");
  }
  state.counters["bytes"] = static_cast<double>(bytes);
  state.counters["blocks"] = static_cast<double>(blocks);
}
BENCHMARK(BM_InterpreterMemory)->ArgName("used")->Arg(0)->Arg(1)->Iterations(1);

}  // namespace
}  // namespace islet::bench
