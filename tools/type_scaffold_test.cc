// What new_type generates and refuses.

#include "tools/type_scaffold.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace islet {
namespace {

using ::testing::HasSubstr;

TEST(TypeScaffoldTest, RejectsInvalidNames) {
  EXPECT_EQ(ValidateScaffoldRequest({.name = "9lives"}).message(),
            "invalid type name '9lives': use a Python identifier (letters, digits, _; not "
            "starting with a digit)");
  EXPECT_FALSE(ValidateScaffoldRequest({.name = "has-dash"}).ok());
  EXPECT_FALSE(ValidateScaffoldRequest({.name = ""}).ok());
  EXPECT_EQ(ValidateScaffoldRequest({.name = "ok", .base = "bad name"}).message(),
            "invalid base type name 'bad name'");
  EXPECT_EQ(ValidateScaffoldRequest({.name = "ok", .deps = {"ok"}}).message(),
            "type 'ok' cannot depend on itself");
  EXPECT_TRUE(ValidateScaffoldRequest({.name = "Point", .base = "weakref.ReferenceType"}).ok());
}

TEST(TypeScaffoldTest, GeneratesAPackageRegisteringTheType) {
  std::map<std::string, std::string> files =
      ScaffoldFiles({.name = "Point", .base = "tuple", .deps = {"int", "str"}});
  ASSERT_EQ(files.size(), 4u);
  EXPECT_THAT(files["types/point/BUILD"], HasSubstr("builtin_type(\n    name = \"point\""));
  EXPECT_THAT(files["types/point/BUILD"], HasSubstr("type_name = \"Point\""));
  EXPECT_THAT(files["types/point/point.cc"],
              HasSubstr("ISLET_BUILTIN_TYPE(kPointType, \"Point\",\n"
                        "                   {.base = \"tuple\",\n"
                        "                    .deps = {\"int\", \"str\"},\n"
                        "                    .flags = kTypeBaseType});"));
  EXPECT_THAT(files["types/point/point.h"], HasSubstr("extern StaticType kPointType;"));
  EXPECT_THAT(files["types/point/point_test.cc"], HasSubstr("\"<class 'Point'>\""));
}

TEST(TypeScaffoldTest, AddsTheTypeToTheListOnce) {
  const std::string list = "X = 1\nBUILTIN_TYPES = {\n    \"object\": \"//types/object\",\n}\n";
  absl::StatusOr<std::string> updated = AddToTypeList(list, {.name = "point"});
  ASSERT_TRUE(updated.ok());
  EXPECT_EQ(*updated,
            "X = 1\nBUILTIN_TYPES = {\n    \"point\": \"//types/point\",\n"
            "    \"object\": \"//types/object\",\n}\n");
  EXPECT_EQ(AddToTypeList(*updated, {.name = "point"}).status().message(),
            "type 'point' is already listed in types/builtin_types.bzl");
  EXPECT_FALSE(AddToTypeList("nothing here", {.name = "point"}).ok());
}

}  // namespace
}  // namespace islet
