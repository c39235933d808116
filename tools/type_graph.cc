#include "tools/type_graph.h"

#include <algorithm>
#include <vector>

#include "runtime/str_cat.h"

namespace islet {
namespace {

std::vector<std::string_view> Deps(const StaticType& type) {
  std::vector<std::string_view> deps;
  for (const char* dep : type.spec().deps) {
    if (dep != nullptr) deps.emplace_back(dep);
  }
  return deps;
}

}  // namespace

std::string RenderTypeGraphText(const TypeRegistry& registry) {
  std::span<StaticType* const> order = registry.init_order();
  size_t width = 0;
  for (const StaticType* type : order) width = std::max(width, type->name().size());
  std::string out;
  for (size_t index = 0; index < order.size(); ++index) {
    const StaticType& type = *order[index];
    std::vector<std::string_view> deps = Deps(type);
    out += StrCat(type.name(), std::string(width - type.name().size() + 2, ' '), "index=", index,
                  "  base=", type.spec().base ? type.spec().base : "-",
                  "  deps=", deps.empty() ? std::string("-") : StrJoin(deps, ","), "\n");
  }
  std::vector<std::string_view> names;
  for (const StaticType* type : order) names.push_back(type->name());
  out += StrCat("init order: ", StrJoin(names, " "), "\n");
  std::reverse(names.begin(), names.end());
  out += StrCat("fini order: ", StrJoin(names, " "), "\n");
  return out;
}

std::string RenderTypeGraphDot(const TypeRegistry& registry) {
  std::string out = "digraph builtin_types {\n  rankdir=BT;\n  node [shape=box];\n";
  std::span<StaticType* const> order = registry.init_order();
  for (size_t index = 0; index < order.size(); ++index) {
    out += StrCat("  \"", order[index]->name(), "\" [label=\"", order[index]->name(), "\\n#", index,
                  "\"];\n");
  }
  for (const StaticType* type : order) {
    if (type->spec().base != nullptr) {
      out += StrCat("  \"", type->name(), "\" -> \"", type->spec().base, "\";\n");
    }
    for (std::string_view dep : Deps(*type)) {
      out += StrCat("  \"", type->name(), "\" -> \"", dep, "\" [style=dashed];\n");
    }
  }
  out += "}\n";
  return out;
}

}  // namespace islet
