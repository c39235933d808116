// What `bazel run //tools:new_type` generates for a new builtin type: the files of
// its package under types/, and its line in types/builtin_types.bzl. Kept apart
// from the program so the generated text is tested.

#ifndef ISLET_TOOLS_TYPE_SCAFFOLD_H_
#define ISLET_TOOLS_TYPE_SCAFFOLD_H_

#include <map>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace islet {

struct TypeScaffoldRequest {
  std::string name;                    // registered type name: a Python identifier
  std::string base = "object";         // registered name of the base
  std::vector<std::string> deps = {};  // registered names of other dependencies
};

// Checks the request's names, naming the bad one: "invalid type name '9x': ...".
absl::Status ValidateScaffoldRequest(const TypeScaffoldRequest& request);

// The package directory for a type name: "types/" + name in lower case.
std::string ScaffoldPackage(const std::string& name);

// Path (relative to the workspace) -> contents of each new file.
std::map<std::string, std::string> ScaffoldFiles(const TypeScaffoldRequest& request);

// `list_text` (types/builtin_types.bzl) with the new type added to BUILTIN_TYPES.
// Fails if the name is already listed or the list's opening line is missing.
absl::StatusOr<std::string> AddToTypeList(const std::string& list_text,
                                          const TypeScaffoldRequest& request);

}  // namespace islet

#endif  // ISLET_TOOLS_TYPE_SCAFFOLD_H_
