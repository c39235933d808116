#include "tools/type_scaffold.h"

#include <cctype>

#include "runtime/str_cat.h"

namespace islet {
namespace {

bool IsIdentifier(const std::string& text) {
  if (text.empty() || std::isdigit(static_cast<unsigned char>(text[0]))) return false;
  for (char c : text) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  }
  return true;
}

// A registered name may carry a module prefix ("weakref.ReferenceType").
bool IsTypeReference(const std::string& text) {
  size_t start = 0;
  while (true) {
    size_t dot = text.find('.', start);
    if (!IsIdentifier(text.substr(start, dot == std::string::npos ? dot : dot - start))) {
      return false;
    }
    if (dot == std::string::npos) return true;
    start = dot + 1;
  }
}

std::string CamelCase(const std::string& name) {
  std::string out;
  bool upper = true;
  for (char c : name) {
    if (c == '_') {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return out;
}

std::string Quoted(const std::string& text) { return StrCat("\"", text, "\""); }

}  // namespace

absl::Status ValidateScaffoldRequest(const TypeScaffoldRequest& request) {
  if (!IsIdentifier(request.name)) {
    return absl::InvalidArgumentError(
        StrCat("invalid type name '", request.name,
               "': use a Python identifier (letters, digits, _; not starting with a digit)"));
  }
  if (!IsTypeReference(request.base)) {
    return absl::InvalidArgumentError(StrCat("invalid base type name '", request.base, "'"));
  }
  for (const std::string& dep : request.deps) {
    if (!IsTypeReference(dep)) {
      return absl::InvalidArgumentError(StrCat("invalid dependency name '", dep, "'"));
    }
    if (dep == request.name) {
      return absl::InvalidArgumentError(
          StrCat("type '", request.name, "' cannot depend on itself"));
    }
  }
  if (request.deps.size() > 8) {
    return absl::InvalidArgumentError("a builtin type has at most 8 dependencies besides its base");
  }
  return absl::OkStatus();
}

std::string ScaffoldPackage(const std::string& name) {
  std::string package = "types/";
  for (char c : name) package += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return package;
}

std::map<std::string, std::string> ScaffoldFiles(const TypeScaffoldRequest& request) {
  const std::string package = ScaffoldPackage(request.name);
  const std::string target = package.substr(package.find('/') + 1);
  const std::string variable = StrCat("k", CamelCase(request.name), "Type");
  const std::string guard = StrCat("ISLET_TYPES_", CamelCase(target), "_H_");
  std::string deps_field;
  if (!request.deps.empty()) {
    std::vector<std::string> quoted;
    for (const std::string& dep : request.deps) quoted.push_back(Quoted(dep));
    deps_field = StrCat(".deps = {", StrJoin(quoted, ", "), "},\n                    ");
  }
  std::map<std::string, std::string> files;
  files[package + "/BUILD"] = StrCat(
      "load(\"//tools/build_defs:builtin_type.bzl\", \"builtin_type\")\n"
      "load(\"//tools/build_defs:islet.bzl\", \"islet_cc_test\")\n\n"
      "builtin_type(\n"
      "    name = ",
      Quoted(target),
      ",\n"
      "    srcs = [",
      Quoted(target + ".cc"),
      "],\n"
      "    hdrs = [",
      Quoted(target + ".h"), "],\n",
      target == request.name ? "" : StrCat("    type_name = ", Quoted(request.name), ",\n"),
      ")\n\n"
      "islet_cc_test(\n"
      "    name = ",
      Quoted(target + "_test"),
      ",\n"
      "    srcs = [",
      Quoted(target + "_test.cc"),
      "],\n"
      "    deps = [\n"
      "        \"//objects\",\n"
      "        \"//runtime\",\n"
      "        \"//third_party:gtest_main\",\n"
      "        \"//types:all\",\n"
      "    ],\n"
      ")\n");
  files[package + "/" + target + ".h"] = StrCat("// `", request.name,
                                                "`: TODO: say what this type is for.\n\n"
                                                "#ifndef ",
                                                guard, "\n#define ", guard,
                                                "\n\n"
                                                "#include \"runtime/static_type.h\"\n\n"
                                                "namespace islet {\n\n"
                                                "extern StaticType ",
                                                variable,
                                                ";\n\n"
                                                "}  // namespace islet\n\n"
                                                "#endif  // ",
                                                guard, "\n");
  files[package + "/" + target + ".cc"] = StrCat(
      "#include \"", package, "/", target,
      ".h\"\n\n"
      "namespace islet {\n\n"
      "// Add behaviour through .slots (see runtime/type_object.h) and methods through\n"
      "// .members (runtime/type_member.h); docs/adding-a-builtin-type.md walks through it.\n"
      "ISLET_BUILTIN_TYPE(",
      variable, ", ", Quoted(request.name),
      ",\n"
      "                   {.base = ",
      Quoted(request.base),
      ",\n"
      "                    ",
      deps_field,
      ".flags = kTypeBaseType});\n\n"
      "}  // namespace islet\n");
  files[package + "/" + target + "_test.cc"] =
      StrCat("#include \"", package, "/", target,
             ".h\"\n\n"
             "#include \"gtest/gtest.h\"\n"
             "#include \"interp/interpreter.h\"\n"
             "#include \"objects/protocol.h\"\n"
             "#include \"runtime/runtime.h\"\n\n"
             "namespace islet {\n"
             "namespace {\n\n"
             "TEST(",
             CamelCase(target),
             "TypeTest, IsRegisteredWithItsBase) {\n"
             "  ASSERT_TRUE(Runtime::Initialize().ok());\n"
             "  EXPECT_EQ(Runtime::FindStaticType(",
             Quoted(request.name), "), &", variable,
             ");\n"
             "  EXPECT_EQ(",
             variable, ".base(), Runtime::FindStaticType(", Quoted(request.base),
             "));\n"
             "  {\n"
             "    AttachGuard attached(*Runtime::MainInterpreter());\n"
             "    EXPECT_EQ(ReprText(&",
             variable, "), \"<class '", request.name,
             "'>\");\n"
             "  }\n"
             "  ASSERT_TRUE(Runtime::Finalize().ok());\n"
             "}\n\n"
             "}  // namespace\n"
             "}  // namespace islet\n");
  return files;
}

absl::StatusOr<std::string> AddToTypeList(const std::string& list_text,
                                          const TypeScaffoldRequest& request) {
  if (list_text.find(StrCat("\n    ", Quoted(request.name), ":")) != std::string::npos) {
    return absl::AlreadyExistsError(
        StrCat("type '", request.name, "' is already listed in types/builtin_types.bzl"));
  }
  const std::string opening = "BUILTIN_TYPES = {\n";
  size_t at = list_text.find(opening);
  if (at == std::string::npos) {
    return absl::FailedPreconditionError(
        "types/builtin_types.bzl has no 'BUILTIN_TYPES = {' line to add the type to");
  }
  std::string updated = list_text;
  updated.insert(at + opening.size(), StrCat("    ", Quoted(request.name), ": ",
                                             Quoted("//" + ScaffoldPackage(request.name)), ",\n"));
  return updated;
}

}  // namespace islet
