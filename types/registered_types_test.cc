// What registered at run time is exactly types/builtin_types.bzl's list (passed as
// arguments): catches a type whose target forgot alwayslink, a name that differs
// from the list, or a type linked but not listed.

#include <algorithm>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "runtime/runtime.h"

namespace islet {
namespace {

std::vector<std::string> listed_types;

TEST(RegisteredTypesTest, RegistryMatchesTheListOfLinkedTypes) {
  ASSERT_TRUE(Runtime::Initialize().ok());
  std::vector<std::string> registered;
  for (StaticType* type : Runtime::registry().init_order()) registered.emplace_back(type->name());
  ASSERT_TRUE(Runtime::Finalize().ok());
  std::sort(registered.begin(), registered.end());
  std::vector<std::string> listed = listed_types;
  std::sort(listed.begin(), listed.end());
  EXPECT_EQ(registered, listed);
}

}  // namespace
}  // namespace islet

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  for (int i = 1; i < argc; ++i) islet::listed_types.emplace_back(argv[i]);
  return RUN_ALL_TESTS();
}
