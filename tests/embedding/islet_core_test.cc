// //:islet_core is the runtime with only `object` and `type`: the core must work
// without any other builtin type linked.

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "interp/heap_type.h"
#include "interp/interpreter.h"
#include "runtime/runtime.h"

namespace islet {
namespace {

TEST(IsletCoreTest, RunsInterpretersWithOnlyTheRootTypes) {
  ASSERT_TRUE(Runtime::Initialize().ok());
  std::vector<std::string_view> names;
  for (StaticType* type : Runtime::registry().init_order()) names.push_back(type->name());
  EXPECT_THAT(names, ::testing::ElementsAre("object", "type"));
  absl::StatusOr<Interpreter*> sub = Runtime::CreateInterpreter();
  ASSERT_TRUE(sub.ok());
  {
    AttachGuard attached(**sub);
    StaticType* object = Runtime::FindStaticType("object");
    absl::StatusOr<Ref<HeapType>> cls = HeapType::Create(**sub, "Plain", {{object}});
    ASSERT_TRUE(cls.ok());
    EXPECT_THAT((*sub)->StateOf(*object).subclasses(), ::testing::ElementsAre(cls->get()));
    Ref<Object> instance = (*sub)->NewObject<Object>(cls->get());
    EXPECT_EQ(instance->type(), cls->get());
  }
  EXPECT_TRUE(Runtime::DestroyInterpreter(*sub).ok());
  ASSERT_TRUE(Runtime::Finalize().ok());
}

}  // namespace
}  // namespace islet
