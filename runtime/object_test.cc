// Immortal objects (PEP 683): IncRef and DecRef never write to their header, and
// no number of extra DecRefs frees them.

#include "runtime/object.h"

#include "gtest/gtest.h"
#include "runtime/static_type.h"

namespace islet {
namespace {

constinit StaticType immortal_type("immortal_for_test", StaticTypeSpec{.base = nullptr}, __FILE__,
                                   __LINE__);

TEST(ObjectTest, StaticTypesAreImmortal) {
  EXPECT_TRUE(immortal_type.IsImmortal());
  EXPECT_EQ(immortal_type.owner(), nullptr);
}

TEST(ObjectTest, RefcountOfImmortalNeverChanges) {
  const uint64_t before = immortal_type.refcount();
  for (int i = 0; i < 1000; ++i) IncRef(&immortal_type);
  EXPECT_EQ(immortal_type.refcount(), before);
  for (int i = 0; i < 5000; ++i) DecRef(&immortal_type);  // far more DecRefs than IncRefs
  EXPECT_EQ(immortal_type.refcount(), before);
  EXPECT_TRUE(immortal_type.IsImmortal());
}

TEST(ObjectTest, RefHandlesOnImmortalLeaveItUntouched) {
  const uint64_t before = immortal_type.refcount();
  {
    Ref<Object> a = Ref<Object>::Borrow(&immortal_type);
    Ref<Object> b = a;
    Ref<Object> c = std::move(b);
    EXPECT_EQ(c.get(), &immortal_type);
    EXPECT_FALSE(b);
  }
  EXPECT_EQ(immortal_type.refcount(), before);
}

}  // namespace
}  // namespace islet
