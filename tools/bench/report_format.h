// How the report prints its figures: one JSON object, and the Markdown section
// it writes into docs/performance.md between two marker lines. Kept apart from
// the benchmarks so it can be tested without running them.
//
//   std::vector<Figure> figures = {{.name = "state_lookup_ns", .value = 0.6,
//                                   .target = Target{.at_most = true, .bound = 2}}};
//   std::string json = FiguresJson(figures, machine);

#ifndef ISLET_TOOLS_BENCH_REPORT_FORMAT_H_
#define ISLET_TOOLS_BENCH_REPORT_FORMAT_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace islet::bench {

// Target: the bound issue 6 sets for a figure (value ≤ bound, or ≥ bound).
struct Target {
  bool at_most = true;
  double bound = 0;

  bool MetBy(double value) const { return at_most ? value <= bound : value >= bound; }
};

// Figure: one measured number, named as issue 6 names it.
struct Figure {
  std::string name;
  double value = 0;
  std::optional<Target> target;
  std::string what;  // what was measured, for the docs table
};

// Where and how the figures were measured: (key, value) pairs, in order, such
// as ("cores", "2"); each value is printed as a JSON string.
using Machine = std::vector<std::pair<std::string, std::string>>;

// A number as the report prints it: integers as integers, others with three
// significant digits and no exponent ("0.604", "2.49", "38.0", "1234").
std::string FormatNumber(double value);

// {"name": value, ..., "targets": {"name": "met" | "MISSED", ...}, "machine": {...}}
std::string FiguresJson(const std::vector<Figure>& figures, const Machine& machine);

// The Markdown that goes between the markers: a heading, the machine, the
// command, a table of figures with targets, notes, and the JSON.
std::string ReportSection(const std::vector<Figure>& figures, const Machine& machine,
                          std::string_view date, std::string_view command,
                          const std::vector<std::string>& notes);

// BuildFlavor: how the report binary was compiled, detected from the compiler's
// own macros (the report fills it in where it is compiled: ThisBuild in
// report.cc), never assumed from the command that was meant to build it.
struct BuildFlavor {
  bool optimized = false;               // __OPTIMIZE__: -O1 or above
  bool ndebug = false;                  // NDEBUG: assertions compiled out
  bool checked = false;                 // ISLET_CHECKED: --config=checked's ownership checks
  std::vector<std::string> sanitizers;  // "ASan", "TSan"
};

// What the docs call the build, from what was detected only: "optimized,
// NDEBUG" for --config=opt (the macros cannot tell -O2 from -O3), "not
// optimized, assertions on, TSan" for a TSan fastbuild.
std::string DescribeBuild(const BuildFlavor& build);

// Why docs/performance.md must not be written from figures of `build` (a
// non-optimized, assertion-checking, sanitized or checked build measures
// something else), or nullopt if they may be.
std::optional<std::string> WhyNotPublishable(const BuildFlavor& build);

inline constexpr std::string_view kBeginMarker = "<!-- report:begin -->";
inline constexpr std::string_view kEndMarker = "<!-- report:end -->";

// `document` with everything between the marker lines replaced by `section`
// (the marker lines stay); nullopt if either marker is missing or they are out
// of order.
std::optional<std::string> ReplaceMarkedSection(std::string_view document,
                                                std::string_view section);

}  // namespace islet::bench

#endif  // ISLET_TOOLS_BENCH_REPORT_FORMAT_H_
