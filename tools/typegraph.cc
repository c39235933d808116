// `bazel run //tools:typegraph [-- --format=text|dot]`: prints the frozen registry
// of every builtin type linked into islet.

#include <cstdio>
#include <string>

#include "gflags/gflags.h"
#include "runtime/runtime.h"
#include "tools/type_graph.h"

DEFINE_string(format, "text", "text (a table and the init/fini orders) or dot (Graphviz)");

int main(int argc, char** argv) {
  gflags::SetUsageMessage("prints islet's builtin types, their dependencies and their order");
  gflags::ParseCommandLineFlags(&argc, &argv, /*remove_flags=*/true);
  if (FLAGS_format != "text" && FLAGS_format != "dot") {
    std::fprintf(stderr, "typegraph: unknown --format '%s' (expected text or dot)\n",
                 FLAGS_format.c_str());
    return 2;
  }
  if (absl::Status status = islet::Runtime::Initialize(); !status.ok()) {
    std::fprintf(stderr, "typegraph: %s\n", std::string(status.message()).c_str());
    return 1;
  }
  const islet::TypeRegistry& registry = islet::Runtime::registry();
  std::string out = FLAGS_format == "dot" ? islet::RenderTypeGraphDot(registry)
                                          : islet::RenderTypeGraphText(registry);
  std::fputs(out.c_str(), stdout);
  return islet::Runtime::Finalize().ok() ? 0 : 1;
}
