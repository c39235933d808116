// `bazel run //tools:new_type -- --name=NAME [--base=TYPE] [--deps=A,B]`: scaffolds
// a builtin type package under types/ and lists it in types/builtin_types.bzl.
// The new type builds and passes its conformance test as generated.

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "absl/status/status.h"
#include "gflags/gflags.h"
#include "runtime/str_cat.h"
#include "tools/type_scaffold.h"

DEFINE_string(name, "", "registered name of the new type (a Python identifier)");
DEFINE_string(base, "object", "registered name of its base type");
DEFINE_string(deps, "", "comma-separated registered names of other types it depends on");

namespace islet {
namespace {

absl::Status Run() {
  const char* workspace = std::getenv("BUILD_WORKSPACE_DIRECTORY");
  if (workspace == nullptr) {
    return absl::FailedPreconditionError("run me with `bazel run //tools:new_type -- --name=...`");
  }
  TypeScaffoldRequest request{.name = FLAGS_name, .base = FLAGS_base};
  std::stringstream deps(FLAGS_deps);
  for (std::string dep; std::getline(deps, dep, ',');) {
    if (!dep.empty()) request.deps.push_back(dep);
  }
  if (absl::Status valid = ValidateScaffoldRequest(request); !valid.ok()) return valid;

  const std::filesystem::path root(workspace);
  const std::filesystem::path package = root / ScaffoldPackage(request.name);
  if (std::filesystem::exists(package)) {
    return absl::AlreadyExistsError(
        StrCat(ScaffoldPackage(request.name), " already exists; pick another name"));
  }
  const std::filesystem::path list_path = root / "types/builtin_types.bzl";
  std::ifstream list_in(list_path);
  std::stringstream list_text;
  list_text << list_in.rdbuf();
  absl::StatusOr<std::string> updated = AddToTypeList(list_text.str(), request);
  if (!updated.ok()) return updated.status();

  std::filesystem::create_directories(package);
  for (const auto& [path, contents] : ScaffoldFiles(request)) {
    std::ofstream(root / path) << contents;
    std::printf("created %s\n", path.c_str());
  }
  std::ofstream(list_path) << *updated;
  std::printf("listed '%s' in types/builtin_types.bzl\n", request.name.c_str());
  std::printf("next: ./bazelw test //%s/...\n", ScaffoldPackage(request.name).c_str());
  return absl::OkStatus();
}

}  // namespace
}  // namespace islet

int main(int argc, char** argv) {
  gflags::SetUsageMessage("--name=NAME [--base=TYPE] [--deps=A,B]: scaffold a builtin type");
  gflags::ParseCommandLineFlags(&argc, &argv, /*remove_flags=*/true);
  absl::Status status = islet::Run();
  if (!status.ok()) {
    std::fprintf(stderr, "new_type: %s\n", std::string(status.message()).c_str());
    return 1;
  }
  return 0;
}
