// The language's speed on a few loops, per iteration of the loop: how much the
// tree-walking evaluator adds to the object protocol's costs (compare with
// type_getattr_ns, and with CPython's ~5 ns for `int.bit_length` including its
// bytecode loop). Not targets; figures for docs/performance.md.

#include <cstdlib>
#include <string>

#include "benchmark/benchmark.h"
#include "interp/interpreter.h"
#include "lang/eval.h"
#include "objects/errors.h"
#include "runtime/runtime.h"
#include "tools/bench/bench_support.h"

namespace islet::bench {
namespace {

constexpr int kLoopIterations = 100000;

// Runs `body` (one statement, indented under the loop) kLoopIterations times per
// benchmark iteration; reports the time per loop iteration.
void RunLoop(benchmark::State& state, const std::string& setup, const std::string& body) {
  EnsureRuntime();
  AttachGuard attached(*Runtime::MainInterpreter());
  if (!lang::ExecMain(setup, "<bench>")) std::abort();
  const std::string loop =
      "for i in range(" + std::to_string(kLoopIterations) + "):\n    " + body + "\n";
  for (auto _ : state) {
    if (!lang::ExecMain(loop, "<bench>")) {
      state.SkipWithError(std::string(TakeExceptionAsStatus().message()).c_str());
      return;
    }
  }
  state.SetItemsProcessed(state.iterations() * kLoopIterations);
}

// An empty loop: the cost of `for` over a range and binding `i`.
void BM_LangEmptyLoop(benchmark::State& state) { RunLoop(state, "", "pass"); }
BENCHMARK(BM_LangEmptyLoop)->Unit(benchmark::kMillisecond);

// int.bit_length: a global load, an attribute load on a builtin type, a store.
void BM_LangTypeAttribute(benchmark::State& state) { RunLoop(state, "", "f = int.bit_length"); }
BENCHMARK(BM_LangTypeAttribute)->Unit(benchmark::kMillisecond);

// A call of a Python function with one argument, in a function's locals.
void BM_LangFunctionCall(benchmark::State& state) {
  RunLoop(state, "def add1(n):\n    return n + 1\n", "add1(i)");
}
BENCHMARK(BM_LangFunctionCall)->Unit(benchmark::kMillisecond);

// A method call on an instance of a class.
void BM_LangMethodCall(benchmark::State& state) {
  RunLoop(state, "class C:\n    def m(self, n):\n        return n\nc = C()\n", "c.m(i)");
}
BENCHMARK(BM_LangMethodCall)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace islet::bench
