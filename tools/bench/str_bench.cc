// str's Unicode-aware methods on long strings, per character: what a case
// mapping or a predicate costs on ASCII text (kept off the Unicode database)
// and on non-ASCII text (which consults it). Figures for docs/performance.md.
//   ./bazelw run --config=opt //tools/bench:str_bench -- --benchmark_repetitions=5

#include <cstdlib>
#include <string>

#include "benchmark/benchmark.h"
#include "interp/interpreter.h"
#include "objects/errors.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "runtime/runtime.h"
#include "tools/bench/bench_support.h"

namespace islet::bench {
namespace {

constexpr int kCharacters = 10000;

// `piece` (of `code_points_per_piece` code points) repeated to about kCharacters.
std::string Repeat(std::string_view piece, int code_points_per_piece) {
  std::string text;
  for (int i = 0; i < kCharacters / code_points_per_piece; ++i) text.append(piece);
  return text;
}

void RunMethod(benchmark::State& state, const std::string& text, const char* method) {
  EnsureRuntime();
  AttachGuard attached(*Runtime::MainInterpreter());
  Ref<Object> str = NewStr(text);
  for (auto _ : state) {
    Ref<Object> result = CallMethod(str.get(), method, {});
    if (!result) std::abort();
    benchmark::DoNotOptimize(result.get());
  }
  state.SetItemsProcessed(state.iterations() * StrLength(str.get()));
}

const std::string& AsciiText() {
  static const std::string* text = new std::string(Repeat("lorem ipsum dolor sit amet ", 27));
  return *text;
}
// Greek letters and accented Latin: two-byte UTF-8, all letters with case pairs.
const std::string& NonAsciiText() {
  static const std::string* text = new std::string(Repeat("\u03b1\u03b2\u03b3\u00e9\u00fc", 5));
  return *text;
}

void BM_StrUpperAscii(benchmark::State& state) { RunMethod(state, AsciiText(), "upper"); }
BENCHMARK(BM_StrUpperAscii);
void BM_StrUpperNonAscii(benchmark::State& state) { RunMethod(state, NonAsciiText(), "upper"); }
BENCHMARK(BM_StrUpperNonAscii);
void BM_StrIsAlphaAscii(benchmark::State& state) {
  RunMethod(state, Repeat("loremipsumdolorsitamet", 22), "isalpha");
}
BENCHMARK(BM_StrIsAlphaAscii);
void BM_StrIsAlphaNonAscii(benchmark::State& state) {
  RunMethod(state, NonAsciiText(), "isalpha");
}
BENCHMARK(BM_StrIsAlphaNonAscii);

}  // namespace
}  // namespace islet::bench
