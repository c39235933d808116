// Renders a frozen TypeRegistry for people (text) or for Graphviz (dot), for
// `bazel run //tools:typegraph`.

#ifndef ISLET_TOOLS_TYPE_GRAPH_H_
#define ISLET_TOOLS_TYPE_GRAPH_H_

#include <string>

#include "runtime/type_registry.h"

namespace islet {

// One line per type in init order ("int  index=6  base=object  deps=str"), then
// "init order: ..." and "fini order: ...".
std::string RenderTypeGraphText(const TypeRegistry& registry);
// A digraph with an edge from each type to its base (solid) and to each other
// dependency (dashed).
std::string RenderTypeGraphDot(const TypeRegistry& registry);

}  // namespace islet

#endif  // ISLET_TOOLS_TYPE_GRAPH_H_
