// The typegraph renderings, on a small local registry.

#include "tools/type_graph.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace islet {
namespace {

using ::testing::HasSubstr;

class TypeGraphTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (StaticType* type : {&bool_, &int_, &object_, &str_})
      ASSERT_TRUE(registry_.Register(*type).ok());
    ASSERT_TRUE(registry_.Freeze().ok());
  }
  void TearDown() override { registry_.Unfreeze(); }

  StaticType object_{"object", StaticTypeSpec{.base = nullptr}, "t.cc", 1};
  StaticType int_{"int", StaticTypeSpec{.deps = {"str"}}, "t.cc", 2};
  StaticType bool_{"bool", StaticTypeSpec{.base = "int"}, "t.cc", 3};
  StaticType str_{"str", StaticTypeSpec{}, "t.cc", 4};
  TypeRegistry registry_;
};

TEST_F(TypeGraphTest, TextListsTypesThenBothOrders) {
  EXPECT_EQ(RenderTypeGraphText(registry_),
            "object  index=0  base=-  deps=-\n"
            "str     index=1  base=object  deps=-\n"
            "int     index=2  base=object  deps=str\n"
            "bool    index=3  base=int  deps=-\n"
            "init order: object str int bool\n"
            "fini order: bool int str object\n");
}

TEST_F(TypeGraphTest, DotHasANodePerTypeAndAnEdgePerDependency) {
  std::string dot = RenderTypeGraphDot(registry_);
  EXPECT_THAT(dot, HasSubstr("digraph builtin_types {"));
  EXPECT_THAT(dot, HasSubstr("\"int\" [label=\"int\\n#2\"];"));
  EXPECT_THAT(dot, HasSubstr("\"bool\" -> \"int\";"));
  EXPECT_THAT(dot, HasSubstr("\"int\" -> \"str\" [style=dashed];"));
  EXPECT_THAT(dot, ::testing::Not(HasSubstr("\"object\" ->")));
}

}  // namespace
}  // namespace islet
