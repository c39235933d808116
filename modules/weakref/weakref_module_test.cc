// The weakref module as Python code sees it: its attributes and what they return.

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "modules/native_module.h"
#include "objects/module.h"
#include "objects/protocol.h"
#include "objects/well_known.h"
#include "tests/testing/object_test_support.h"

namespace islet {
namespace {

class WeakrefModuleTest : public testing::ObjectTest {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(ObjectTest::SetUp());
    const NativeModule* native = NativeModule::Find("weakref");
    ASSERT_NE(native, nullptr);
    module_ = NewModule("weakref");
    ASSERT_TRUE(module_) << Error();
    ASSERT_TRUE(native->fill()(module_.get())) << Error();
  }
  void TearDown() override {
    module_.reset();
    ObjectTest::TearDown();
  }
  Ref<Object> Attr(std::string_view name) { return GetAttr(module_.get(), name); }

  Ref<Object> module_;
};

TEST_F(WeakrefModuleTest, RefIsReferenceType) {
  Ref<Object> ref = Attr("ref");
  ASSERT_TRUE(ref) << Error();
  EXPECT_EQ(ref.get(), WellKnownType(WellKnown::kWeakRef));
  EXPECT_EQ(Attr("ReferenceType").get(), ref.get());
  EXPECT_EQ(Show(Attr("getweakrefcount")), "<built-in function getweakrefcount>");
}

TEST_F(WeakrefModuleTest, CountsAndListsReferences) {
  Ref<HeapType> cls = NewClass("C", WellKnownType(WellKnown::kObject));
  Ref<Object> target = cls;
  EXPECT_EQ(Show(CallWith(Attr("getweakrefcount").get(), {target})), "0");
  EXPECT_EQ(Show(CallWith(Attr("getweakrefs").get(), {target})), "[]");
  Ref<Object> first = CallWith(Attr("ref").get(), {target});
  ASSERT_TRUE(first) << Error();
  // A second callback-less reference is the same object (CPython's reuse).
  EXPECT_EQ(CallWith(Attr("ref").get(), {target}).get(), first.get());
  Ref<Object> with_callback = CallWith(Attr("ref").get(), {target, Attr("getweakrefcount")});
  ASSERT_TRUE(with_callback) << Error();
  EXPECT_EQ(Show(CallWith(Attr("getweakrefcount").get(), {target})), "2");
  Ref<Object> refs = CallWith(Attr("getweakrefs").get(), {target});
  ASSERT_TRUE(refs) << Error();
  EXPECT_EQ(Length(refs.get()), 2);
  EXPECT_EQ(Contains(refs.get(), first.get()), 1);
  EXPECT_EQ(Contains(refs.get(), with_callback.get()), 1);
}

TEST_F(WeakrefModuleTest, ObjectsThatCannotBeReferenced) {
  EXPECT_EQ(Show(CallWith(Attr("getweakrefcount").get(), {5})), "0");
  EXPECT_EQ(Show(CallWith(Attr("getweakrefs").get(), {5})), "[]");
  EXPECT_EQ(Show(CallWith(Attr("ref").get(), {5})),
            "TypeError: cannot create weak reference to 'int' object");
  EXPECT_EQ(Show(CallWith(Attr("getweakrefcount").get(), {})),
            "TypeError: getweakrefcount() takes exactly one argument (0 given)");
}

}  // namespace
}  // namespace islet
