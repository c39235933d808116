// report: runs every benchmark in tools/bench in this process and prints issue
// 6's figures as one JSON object. Under `bazel run` it also rewrites the marked
// section of docs/performance.md (found through BUILD_WORKSPACE_DIRECTORY) with
// the figures, the machine, the date and the command.
//
//   ./bazelw run --config=opt //tools/bench:report [-- --benchmark_min_time=0.1]
//
// Only an optimized NDEBUG build (detected, not assumed: ThisBuild) rewrites
// the docs; any other build prints its figures, labelled, and says why not.
//
// Single-threaded figures are the median CPU time of 5 repetitions (equal to the
// wall time on a quiet machine; CPU time does not count other processes' turns).
// The two-thread figures are wall-clock ratios. Other engineers' builds share this
// machine, so scaling is measured in rounds, each timed against the load the
// rest of the machine put on the cores; only quiet rounds count, if there are
// enough of them.

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "runtime/str_cat.h"
#include "tools/bench/report_format.h"

namespace islet::bench {
namespace {

constexpr char kCommand[] = "./bazelw run --config=opt //tools/bench:report";

// How this binary was compiled, from the compiler's macros. Only an optimized
// NDEBUG build without sanitizers or checks may write docs/performance.md.
BuildFlavor ThisBuild() {
  BuildFlavor build;
#if defined(__OPTIMIZE__)
  build.optimized = true;
#endif
#if defined(NDEBUG)
  build.ndebug = true;
#endif
#if defined(ISLET_CHECKED) && ISLET_CHECKED
  build.checked = true;
#endif
#if defined(__SANITIZE_ADDRESS__)
  build.sanitizers.push_back("ASan");
#endif
#if defined(__SANITIZE_THREAD__)
  build.sanitizers.push_back("TSan");
#endif
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
  if (build.sanitizers.empty()) build.sanitizers.push_back("ASan");
#endif
#if __has_feature(thread_sanitizer)
  if (build.sanitizers.empty()) build.sanitizers.push_back("TSan");
#endif
#endif
  return build;
}

// One benchmark's result, per operation.
struct Result {
  double real_ns = 0;
  double cpu_ns = 0;
  std::map<std::string, double> counters;
};

double NanosecondsPer(benchmark::TimeUnit unit) {
  switch (unit) {
    case benchmark::kNanosecond:
      return 1;
    case benchmark::kMicrosecond:
      return 1e3;
    case benchmark::kMillisecond:
      return 1e6;
    case benchmark::kSecond:
      return 1e9;
  }
  return 1;
}

// Collects each benchmark's median (or its only run), keyed "BM_Name/args@threads".
class Collector : public benchmark::BenchmarkReporter {
 public:
  bool ReportContext(const Context&) override { return true; }
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& run : runs) {
      if (run.error_occurred) {
        errors_.push_back(StrCat(run.benchmark_name(), ": ", run.error_message));
        continue;
      }
      const bool median = run.run_type == Run::RT_Aggregate && run.aggregate_name == "median";
      if (run.run_type == Run::RT_Aggregate && !median) continue;
      std::string key = run.run_name.function_name;
      if (!run.run_name.args.empty()) key += "/" + run.run_name.args;
      key += StrCat("@", run.threads);
      if (!median && medians_.count(key)) continue;
      if (median) medians_.insert(key);
      Result& result = results_[key];
      const double scale = NanosecondsPer(run.time_unit);
      result.real_ns = run.GetAdjustedRealTime() * scale;
      result.cpu_ns = run.GetAdjustedCPUTime() * scale;
      for (const auto& [name, counter] : run.counters) result.counters[name] = counter.value;
    }
  }

  // The result for `key`; aborts, naming it, if that benchmark did not report.
  const Result& Get(const std::string& key) const {
    auto it = results_.find(key);
    if (it == results_.end()) {
      std::fprintf(stderr, "report: no result for %s\n", key.c_str());
      for (const std::string& error : errors_) std::fprintf(stderr, "  %s\n", error.c_str());
      std::exit(1);
    }
    return it->second;
  }
  const std::vector<std::string>& errors() const { return errors_; }
  void Clear() {
    results_.clear();
    medians_.clear();
  }

 private:
  std::map<std::string, Result> results_;
  std::set<std::string> medians_;
  std::vector<std::string> errors_;
};

// CPU time the rest of the machine used: busy time of all cores (/proc/stat)
// minus this process's own (getrusage).
struct LoadSnapshot {
  double all_busy_s = 0;
  double self_s = 0;
  std::chrono::steady_clock::time_point when;

  static LoadSnapshot Take() {
    LoadSnapshot snapshot;
    std::ifstream stat("/proc/stat");
    std::string cpu;
    long long user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0;
    stat >> cpu >> user >> nice >> system >> idle >> iowait >> irq >> softirq >> steal;
    snapshot.all_busy_s = static_cast<double>(user + nice + system + irq + softirq + steal) /
                          static_cast<double>(sysconf(_SC_CLK_TCK));
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    auto seconds = [](const timeval& t) { return t.tv_sec + t.tv_usec / 1e6; };
    snapshot.self_s = seconds(usage.ru_utime) + seconds(usage.ru_stime);
    snapshot.when = std::chrono::steady_clock::now();
    return snapshot;
  }
};

// Cores' worth of CPU the rest of the machine used between two snapshots.
double OtherLoad(const LoadSnapshot& before, const LoadSnapshot& after) {
  double wall = std::chrono::duration<double>(after.when - before.when).count();
  double others = (after.all_busy_s - before.all_busy_s) - (after.self_s - before.self_s);
  return std::max(0.0, others / wall);
}

double Median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// One scaling round's ratios.
struct ScalingRound {
  double other_load;  // cores used by other processes meanwhile
  double pooled;      // wall-clock throughput ratio, interpreters from one thread
  double own;         // wall-clock throughput ratio, each thread made its own
  double cpu;         // 2 x CPU time per round (1 thread) / (2 threads)
};

constexpr int kMaxScalingRounds = 20;
constexpr int kQuietRoundsWanted = 7;
constexpr double kQuietLoad = 0.1;  // cores

std::vector<ScalingRound> MeasureScaling(Collector& collector) {
  std::vector<ScalingRound> rounds;
  int quiet = 0;
  for (int i = 0; i < kMaxScalingRounds && quiet < kQuietRoundsWanted; ++i) {
    collector.Clear();
    LoadSnapshot before = LoadSnapshot::Take();
    benchmark::RunSpecifiedBenchmarks(&collector, "^BM_TypeWorkload/");
    LoadSnapshot after = LoadSnapshot::Take();
    auto ratio = [&](const char* args) {
      const Result& one = collector.Get(StrCat("BM_TypeWorkload/", args, "@1"));
      const Result& two = collector.Get(StrCat("BM_TypeWorkload/", args, "@2"));
      return std::pair(one.real_ns / two.real_ns, 2 * one.cpu_ns / two.cpu_ns);
    };
    auto [pooled, pooled_cpu] = ratio("pooled:1");
    auto [own, own_cpu] = ratio("pooled:0");
    rounds.push_back({OtherLoad(before, after), pooled, own, std::min(pooled_cpu, own_cpu)});
    if (rounds.back().other_load < kQuietLoad) ++quiet;
    std::fprintf(stderr, "scaling round %d: pooled %.3f, own %.3f, cpu %.3f, other load %.2f\n",
                 i + 1, pooled, own, rounds.back().cpu, rounds.back().other_load);
  }
  return rounds;
}

std::string Today() {
  std::time_t now = std::time(nullptr);
  char buffer[32];
  std::strftime(buffer, sizeof(buffer), "%Y-%m-%d", std::gmtime(&now));
  return buffer;
}

Machine DescribeMachine(double other_load) {
  const benchmark::CPUInfo& cpu = benchmark::CPUInfo::Get();
  double ram_gib = static_cast<double>(sysconf(_SC_PHYS_PAGES)) *
                   static_cast<double>(sysconf(_SC_PAGE_SIZE)) / (1024.0 * 1024 * 1024);
  return {
      {"cores", StrCat(cpu.num_cpus)},       {"cpu_mhz", FormatNumber(cpu.cycles_per_second / 1e6)},
      {"ram_gib", FormatNumber(ram_gib)},    {"compiler", StrCat("GCC ", __VERSION__)},
      {"build", DescribeBuild(ThisBuild())}, {"other_load_cores", FormatNumber(other_load)},
  };
}

bool WriteDocs(const std::string& section) {
  const char* workspace = std::getenv("BUILD_WORKSPACE_DIRECTORY");
  if (workspace == nullptr) {
    std::fprintf(stderr,
                 "report: BUILD_WORKSPACE_DIRECTORY unset (not under bazel run); "
                 "docs/performance.md left alone\n");
    return true;
  }
  std::string path = StrCat(workspace, "/docs/performance.md");
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  std::optional<std::string> updated = ReplaceMarkedSection(text.str(), section);
  if (!in || !updated) {
    std::fprintf(stderr, "report: %s has no %s ... %s section; not written\n", path.c_str(),
                 std::string(kBeginMarker).c_str(), std::string(kEndMarker).c_str());
    return false;
  }
  std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::trunc);
    out << *updated;
    if (!out) return false;
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) return false;
  std::fprintf(stderr, "report: wrote %s\n", path.c_str());
  return true;
}

int Main(int argc, char** argv) {
  const std::optional<std::string> not_publishable = WhyNotPublishable(ThisBuild());
  if (not_publishable) {
    std::fprintf(stderr,
                 "report: %s. The figures are printed, but docs/performance.md will not be "
                 "rewritten with them.\n",
                 not_publishable->c_str());
  }
  // Defaults first, so flags given on the command line win.
  std::vector<char*> args = {argv[0]};
  std::string repetitions = "--benchmark_repetitions=5";
  std::string aggregates = "--benchmark_report_aggregates_only=true";
  args.push_back(repetitions.data());
  args.push_back(aggregates.data());
  for (int i = 1; i < argc; ++i) args.push_back(argv[i]);
  int count = static_cast<int>(args.size());
  benchmark::Initialize(&count, args.data());
  if (benchmark::ReportUnrecognizedArguments(count, args.data())) return 2;

  Collector collector;
  std::fprintf(stderr, "report: running the benchmarks (a few minutes)\n");
  // A leading "-" excludes: everything but the scaling workload.
  benchmark::RunSpecifiedBenchmarks(&collector, "-^BM_TypeWorkload/");
  if (!collector.errors().empty()) {
    for (const std::string& error : collector.errors()) std::fprintf(stderr, "%s\n", error.c_str());
    return 1;
  }
  auto cpu = [&](const std::string& key) { return collector.Get(key).cpu_ns; };
  auto real = [&](const std::string& key) { return collector.Get(key).real_ns; };
  auto counter = [&](const std::string& key, const std::string& name) {
    return collector.Get(key).counters.at(name);
  };
  const double hit_builtin = cpu("BM_AttributeCacheHit/heap:0@1");
  const double hit_heap = cpu("BM_AttributeCacheHit/heap:1@1");
  const double miss_builtin = cpu("BM_AttributeCacheMiss/heap:0@1") / 2;
  const double miss_heap = cpu("BM_AttributeCacheMiss/heap:1@1") / 2;
  std::vector<Figure> figures = {
      {"create_destroy_us", cpu("BM_CreateDestroyInterpreter@1") / 1000, Target{true, 2},
       "create + destroy a subinterpreter, every builtin type registered"},
      {"idle_interp_bytes", counter("BM_InterpreterMemory/used:0@1", "bytes"), Target{true, 4096},
       "bytes a new subinterpreter holds (every allocation, counted by operator new)"},
      {"used_interp_bytes", counter("BM_InterpreterMemory/used:1@1", "bytes"), std::nullopt,
       "the same after every builtin type was used in it (dict, cached lookup, weakref, "
       "subclass)"},
      {"state_lookup_ns", cpu("BM_StaticTypeStateLookup@1"), Target{true, 2},
       "`Interpreter::Current()->StateOf(int)`"},
      {"attr_cache_hit_ns", std::max(hit_builtin, hit_heap), Target{true, 5},
       "cached type attribute lookup, the slower of the two below"},
      {"attr_cache_hit_builtin_ns", hit_builtin, std::nullopt, "`bool` → `bit_length`, cached"},
      {"attr_cache_hit_heap_ns", hit_heap, std::nullopt,
       "heap subclass of `int` → `bit_length`, cached"},
      {"attr_cache_miss_ns", std::max(miss_builtin, miss_heap), std::nullopt,
       "lookup that misses the cache and walks the MRO, the slower of builtin and heap"},
      {"attr_cache_miss_builtin_ns", miss_builtin, std::nullopt, "on `bool`"},
      {"attr_cache_miss_heap_ns", miss_heap, std::nullopt, "on a heap subclass of `int`"},
      {"type_getattr_ns", cpu("BM_TypeGetAttr@1"), std::nullopt,
       "`getattr(int, 'bit_length')` through the object protocol (CPython's LOAD_ATTR "
       "counterpart)"},
      {"immortal_refcount_ratio",
       real("BM_SharedRefcount/atomic:1@2") / real("BM_SharedRefcount/atomic:0@2"), std::nullopt,
       "incref+decref from 2 threads: shared atomic refcount time / immortal type time"},
  };

  std::fprintf(stderr, "report: measuring scaling in rounds\n");
  std::vector<ScalingRound> rounds = MeasureScaling(collector);
  std::vector<ScalingRound> quiet;
  for (const ScalingRound& round : rounds) {
    if (round.other_load < kQuietLoad) quiet.push_back(round);
  }
  const bool enough_quiet = quiet.size() >= 3;
  const std::vector<ScalingRound>& used = enough_quiet ? quiet : rounds;
  auto median_of = [&](double ScalingRound::*field) {
    std::vector<double> values;
    for (const ScalingRound& round : used) values.push_back(round.*field);
    return Median(values);
  };
  const double pooled = median_of(&ScalingRound::pooled);
  const double own = median_of(&ScalingRound::own);
  figures.push_back({"scaling_2x", std::min(pooled, own), Target{false, 1.9},
                     "type-heavy workload, 2 interpreters on 2 threads vs 1 on 1, wall-clock "
                     "throughput ratio; the lower of the two below"});
  figures.push_back({"scaling_2x_pooled", pooled, std::nullopt,
                     "interpreters made one after the other by one thread, then used by two"});
  figures.push_back(
      {"scaling_2x_own_thread", own, std::nullopt, "each thread makes its own interpreter"});
  figures.push_back({"scaling_2x_cpu_time", median_of(&ScalingRound::cpu), std::nullopt,
                     "2 × CPU time per round on 1 thread / on 2 threads: the ratio if each "
                     "thread had a core to itself; below 2 means shared work"});

  const double other_load = median_of(&ScalingRound::other_load);
  std::vector<std::string> notes = {
      StrCat("Scaling: median of ", used.size(), " of ", rounds.size(),
             " rounds; a round counts as quiet when the rest of the machine used under ",
             FormatNumber(kQuietLoad),
             " cores meanwhile (`other_load_cores` is the median "
             "over the rounds used)."),
  };
  if (!enough_quiet) {
    notes.push_back(
        "**The machine was busy**: fewer than 3 quiet rounds, so `scaling_2x` counts rounds in "
        "which other processes took CPU from the benchmark, and understates scaling; "
        "`scaling_2x_cpu_time` shows what the code itself does.");
  }
  for (const Figure& figure : figures) {
    if (figure.target && !figure.target->MetBy(figure.value)) {
      notes.push_back(
          StrCat("**Target missed**: `", figure.name, "` is ", FormatNumber(figure.value), "."));
    }
  }
  Machine machine = DescribeMachine(other_load);
  std::printf("%s\n", FiguresJson(figures, machine).c_str());
  std::fflush(stdout);
  if (not_publishable) {
    std::fprintf(stderr, "report: docs/performance.md left alone: %s\n", not_publishable->c_str());
    return 1;
  }
  return WriteDocs(ReportSection(figures, machine, Today(), kCommand, notes)) ? 0 : 1;
}

}  // namespace
}  // namespace islet::bench

int main(int argc, char** argv) { return islet::bench::Main(argc, argv); }
