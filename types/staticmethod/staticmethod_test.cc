// staticmethod through the object protocol, on a heap class (HeapType::Create,
// its dict set with Interpreter::SetTypeDictEntry): looked up on the class or an
// instance it is the wrapped callable, calling it calls that, and its repr,
// __func__ and constructor messages are CPython's.

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "interp/heap_type.h"
#include "interp/interpreter.h"
#include "objects/errors.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/well_known.h"
#include "tests/testing/object_test_support.h"

namespace islet {
namespace {

class StaticMethodTest : public testing::ObjectTest {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(ObjectTest::SetUp());
    cls_ = NewClass("C", WellKnownType(WellKnown::kObject));
  }
  void TearDown() override {
    cls_.reset();
    ObjectTest::TearDown();
  }

  static Object* StaticMethodType() { return WellKnownType(WellKnown::kStaticMethod); }
  static Object* TypeType() { return WellKnownType(WellKnown::kType); }

  Ref<HeapType> cls_;
};

TEST_F(StaticMethodTest, LookupGivesTheCallableUnbound) {
  // staticmethod(type): C.f(x) is type(x), whatever C or the instance is.
  Ref<Object> method = Call(StaticMethodType(), {TypeType()});
  ASSERT_TRUE(method) << TakeExceptionAsStatus();
  interp_->SetTypeDictEntry(*cls_, interp_->Intern("f"), method);
  EXPECT_EQ(GetAttr(cls_.get(), "f").get(), TypeType());
  Ref<Object> instance = Call(cls_.get(), {});
  ASSERT_TRUE(instance) << TakeExceptionAsStatus();
  EXPECT_EQ(GetAttr(instance.get(), "f").get(), TypeType());
  EXPECT_EQ(CallMethod(instance.get(), "f", {None()}).get(), WellKnownType(WellKnown::kNoneType));
  // Subclasses see the same.
  TypeObject* bases[] = {cls_.get()};
  Ref<HeapType> sub = *HeapType::Create(*interp_, "D", bases);
  EXPECT_EQ(CallMethod(sub.get(), "f", {sub.get()}).get(), TypeType());
}

TEST_F(StaticMethodTest, CallingTheWrapperCallsTheCallable) {
  Ref<Object> method = Call(StaticMethodType(), {TypeType()});
  EXPECT_EQ(Call(method.get(), {None()}).get(), WellKnownType(WellKnown::kNoneType));
  EXPECT_FALSE(Call(method.get(), {None(), None()}));
  EXPECT_EQ(Error(), "TypeError: type() takes 1 or 3 arguments");
}

TEST_F(StaticMethodTest, ReprAndAttributes) {
  Ref<Object> method = Call(StaticMethodType(), {TypeType()});
  std::optional<std::string> repr = ReprText(method.get());
  EXPECT_EQ(repr, "<staticmethod(<class 'type'>)>");
  EXPECT_EQ(GetAttr(method.get(), "__func__").get(), TypeType());
  EXPECT_EQ(GetAttr(method.get(), "__wrapped__").get(), TypeType());
}

TEST_F(StaticMethodTest, ConstructorErrors) {
  EXPECT_FALSE(Call(StaticMethodType(), {}));
  EXPECT_EQ(Error(), "TypeError: staticmethod expected 1 argument, got 0");
  EXPECT_FALSE(Call(StaticMethodType(), {None(), None()}));
  EXPECT_EQ(Error(), "TypeError: staticmethod expected 1 argument, got 2");
  const Name* names[] = {interp_->Intern("f")};
  Object* args[] = {TypeType()};
  EXPECT_FALSE(Call(StaticMethodType(), CallArgs{.args = args, .kwnames = names}));
  EXPECT_EQ(Error(), "TypeError: staticmethod() takes no keyword arguments");
}

TEST_F(StaticMethodTest, AnUninitializedWrapperRaises) {
  // What staticmethod.__new__(staticmethod) makes, before __init__.
  TypeObject* type = WellKnownType(WellKnown::kStaticMethod);
  Ref<Object> bare = type->slots().new_instance(type, CallArgs{});
  ASSERT_TRUE(bare);
  interp_->SetTypeDictEntry(*cls_, interp_->Intern("f"), bare);
  EXPECT_FALSE(GetAttr(cls_.get(), "f"));
  EXPECT_EQ(Error(), "RuntimeError: uninitialized staticmethod object");
  EXPECT_FALSE(Call(bare.get(), {}));
  EXPECT_EQ(Error(), "RuntimeError: uninitialized staticmethod object");
}

}  // namespace
}  // namespace islet
