#include "tools/bench/report_format.h"

#include <cmath>
#include <cstdio>

#include "runtime/str_cat.h"

namespace islet::bench {
namespace {

std::string Quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

std::string Status(const Figure& figure) {
  return figure.target->MetBy(figure.value) ? "met" : "MISSED";
}

std::string TargetText(const Target& target) {
  return StrCat(target.at_most ? "≤ " : "≥ ", FormatNumber(target.bound));
}

}  // namespace

std::string FormatNumber(double value) {
  if (!std::isfinite(value)) return "null";
  const char* format = "%.3f";
  double magnitude = std::fabs(value);
  if (value == std::round(value) && magnitude < 1e15) {
    format = "%.0f";
  } else if (magnitude >= 100) {
    format = "%.0f";
  } else if (magnitude >= 10) {
    format = "%.1f";
  } else if (magnitude >= 1) {
    format = "%.2f";
  } else if (magnitude < 0.001) {
    format = "%.2g";
  }
  char buffer[64];
  std::snprintf(buffer, sizeof(buffer), format, value);
  return buffer;
}

std::string FiguresJson(const std::vector<Figure>& figures, const Machine& machine) {
  std::string json = "{";
  for (const Figure& figure : figures) {
    json += StrCat(Quoted(figure.name), ": ", FormatNumber(figure.value), ", ");
  }
  json += "\"targets\": {";
  bool first = true;
  for (const Figure& figure : figures) {
    if (!figure.target) continue;
    json += StrCat(first ? "" : ", ", Quoted(figure.name), ": ", Quoted(Status(figure)));
    first = false;
  }
  json += "}, \"machine\": {";
  first = true;
  for (const auto& [key, value] : machine) {
    json += StrCat(first ? "" : ", ", Quoted(key), ": ", Quoted(value));
    first = false;
  }
  json += "}}";
  return json;
}

std::string ReportSection(const std::vector<Figure>& figures, const Machine& machine,
                          std::string_view date, std::string_view command,
                          const std::vector<std::string>& notes) {
  std::string out = StrCat("## Figures (issue 6), ", date, "\n\n");
  out += StrCat("Written by the report itself. Command:\n\n```sh\n", command, "\n```\n\n");
  out += "Machine:";
  for (const auto& [key, value] : machine) out += StrCat(" ", key, " ", value, ";");
  out.back() = '.';
  out += "\n\n| figure | value | target | status | what it measures |\n|---|---|---|---|---|\n";
  for (const Figure& figure : figures) {
    out += StrCat("| `", figure.name, "` | ", FormatNumber(figure.value), " | ",
                  figure.target ? TargetText(*figure.target) : "", " | ",
                  figure.target ? Status(figure) : "", " | ", figure.what, " |\n");
  }
  if (!notes.empty()) {
    out += "\n";
    for (const std::string& note : notes) out += StrCat("- ", note, "\n");
  }
  out += StrCat("\n```json\n", FiguresJson(figures, machine), "\n```\n");
  return out;
}

std::optional<std::string> ReplaceMarkedSection(std::string_view document,
                                                std::string_view section) {
  size_t begin = document.find(kBeginMarker);
  if (begin == std::string_view::npos) return std::nullopt;
  size_t after_begin = document.find('\n', begin);
  if (after_begin == std::string_view::npos) return std::nullopt;
  ++after_begin;
  size_t end = document.find(kEndMarker, after_begin);
  if (end == std::string_view::npos) return std::nullopt;
  // The end marker starts its own line.
  size_t end_line = document.rfind('\n', end);
  end_line =
      (end_line == std::string_view::npos || end_line < after_begin) ? after_begin : end_line + 1;
  std::string out(document.substr(0, after_begin));
  out += section;
  if (!section.empty() && section.back() != '\n') out += '\n';
  out += document.substr(end_line);
  return out;
}

std::string DescribeBuild(const BuildFlavor& build) {
  std::string text = StrCat(build.optimized ? "optimized" : "not optimized", ", ",
                            build.ndebug ? "NDEBUG" : "assertions on");
  if (build.checked) text += ", checked (ISLET_CHECKED)";
  for (const std::string& sanitizer : build.sanitizers) text += ", " + sanitizer;
  return text;
}

std::optional<std::string> WhyNotPublishable(const BuildFlavor& build) {
  std::vector<std::string> reasons;
  if (!build.optimized) reasons.push_back("not optimized (no __OPTIMIZE__)");
  if (!build.ndebug) reasons.push_back("assertions on (no NDEBUG)");
  if (build.checked) reasons.push_back("ownership checks of --config=checked on");
  if (!build.sanitizers.empty()) reasons.push_back("built with a sanitizer");
  if (reasons.empty()) return std::nullopt;
  std::string text = "this build is ";
  for (size_t i = 0; i < reasons.size(); ++i) text += (i == 0 ? "" : "; ") + reasons[i];
  return text + ": build with --config=opt alone";
}

}  // namespace islet::bench
