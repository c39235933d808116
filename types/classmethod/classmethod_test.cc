// classmethod and method through the object protocol, on heap classes
// (HeapType::Create, dicts set with Interpreter::SetTypeDictEntry): looked up on
// a class, a subclass or an instance, a classmethod is its callable bound to
// that class; the bound method calls it with the class first, and compares,
// hashes and prints as CPython's `method` objects do.

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

class ClassMethodTest : public testing::ObjectTest {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(ObjectTest::SetUp());
    cls_ = NewClass("C", WellKnownType(WellKnown::kObject));
    sub_ = NewClass("D", cls_.get());
    // classmethod(type): C.make() is type(C).
    method_ = Call(WellKnownType(WellKnown::kClassMethod), {TypeType()});
    ASSERT_TRUE(method_) << TakeExceptionAsStatus();
    interp_->SetTypeDictEntry(*cls_, interp_->Intern("make"), method_);
  }
  void TearDown() override {
    method_.reset();
    sub_.reset();
    cls_.reset();
    ObjectTest::TearDown();
  }

  static Object* TypeType() { return WellKnownType(WellKnown::kType); }

  Ref<HeapType> cls_;
  Ref<HeapType> sub_;
  Ref<Object> method_;
};

TEST_F(ClassMethodTest, LookupBindsToTheClass) {
  Ref<Object> bound = GetAttr(cls_.get(), "make");
  ASSERT_TRUE(bound) << TakeExceptionAsStatus();
  EXPECT_EQ(bound->type(), WellKnownType(WellKnown::kMethod));
  EXPECT_EQ(GetAttr(bound.get(), "__self__").get(), cls_.get());
  EXPECT_EQ(GetAttr(bound.get(), "__func__").get(), TypeType());
  EXPECT_EQ(Call(bound.get(), {}).get(), TypeType());  // type(C)
  // Through a subclass, bound to the subclass; through an instance, to its class.
  EXPECT_EQ(GetAttr(GetAttr(sub_.get(), "make").get(), "__self__").get(), sub_.get());
  Ref<Object> instance = Call(sub_.get(), {});
  ASSERT_TRUE(instance) << TakeExceptionAsStatus();
  EXPECT_EQ(GetAttr(GetAttr(instance.get(), "make").get(), "__self__").get(), sub_.get());
}

TEST_F(ClassMethodTest, TheBoundMethodPassesTheClassFirst) {
  Ref<Object> bound = GetAttr(cls_.get(), "make");
  // type(C, None) is not a valid call: the class really came first.
  EXPECT_FALSE(Call(bound.get(), {None()}));
  EXPECT_EQ(Error(), "TypeError: type() takes 1 or 3 arguments");
  // A method descriptor as the callable: set.copy(C) does not apply to a type.
  Ref<Object> wrong = Call(WellKnownType(WellKnown::kClassMethod),
                           {GetAttr(WellKnownType(WellKnown::kSet), "copy").get()});
  interp_->SetTypeDictEntry(*cls_, interp_->Intern("wrong"), wrong);
  EXPECT_FALSE(CallMethod(cls_.get(), "wrong", {}));
  EXPECT_EQ(Error(),
            "TypeError: descriptor 'copy' for 'set' objects doesn't apply to a 'type' object");
}

TEST_F(ClassMethodTest, Reprs) {
  EXPECT_EQ(ReprText(method_.get()), "<classmethod(<class 'type'>)>");
  EXPECT_EQ(ReprText(GetAttr(cls_.get(), "make").get()),
            "<bound method type of <class '__main__.C'>>");
}

TEST_F(ClassMethodTest, BoundMethodsCompareByFunctionAndBoundObject) {
  Ref<Object> first = GetAttr(cls_.get(), "make");
  Ref<Object> second = GetAttr(cls_.get(), "make");
  Ref<Object> on_sub = GetAttr(sub_.get(), "make");
  EXPECT_NE(first.get(), second.get());
  EXPECT_EQ(RichCompareBool(first.get(), second.get(), CompareOp::kEq), 1);
  EXPECT_EQ(Hash(first.get()), Hash(second.get()));
  EXPECT_EQ(RichCompareBool(first.get(), on_sub.get(), CompareOp::kNe), 1);
  EXPECT_EQ(RichCompareBool(first.get(), TypeType(), CompareOp::kEq), 0);
  Object* method_type = WellKnownType(WellKnown::kMethod);
  EXPECT_FALSE(Call(method_type, {None()}));
  EXPECT_EQ(Error(), "TypeError: method expected 2 arguments, got 1");
  EXPECT_FALSE(Call(method_type, {None(), cls_.get()}));
  EXPECT_EQ(Error(), "TypeError: first argument must be callable");
  EXPECT_FALSE(Call(method_type, {TypeType(), None()}));
  EXPECT_EQ(Error(), "TypeError: instance must not be None");
  // Made by hand, it is the same as the one the lookup made.
  Ref<Object> by_hand = Call(method_type, {GetAttr(first.get(), "__func__").get(), cls_.get()});
  ASSERT_TRUE(by_hand) << Error();
  EXPECT_EQ(RichCompareBool(first.get(), by_hand.get(), CompareOp::kEq), 1);
}

TEST_F(ClassMethodTest, ConstructorErrorsAndUninitializedWrappers) {
  Object* classmethod = WellKnownType(WellKnown::kClassMethod);
  EXPECT_FALSE(Call(classmethod, {}));
  EXPECT_EQ(Error(), "TypeError: classmethod expected 1 argument, got 0");
  EXPECT_FALSE(Call(classmethod, {None(), None()}));
  EXPECT_EQ(Error(), "TypeError: classmethod expected 1 argument, got 2");
  EXPECT_EQ(GetAttr(method_.get(), "__func__").get(), TypeType());
  EXPECT_EQ(GetAttr(method_.get(), "__wrapped__").get(), TypeType());
  // classmethod.__new__(classmethod), before __init__.
  TypeObject* type = WellKnownType(WellKnown::kClassMethod);
  Ref<Object> bare = type->slots().new_instance(type, CallArgs{});
  interp_->SetTypeDictEntry(*cls_, interp_->Intern("bare"), bare);
  EXPECT_FALSE(GetAttr(cls_.get(), "bare"));
  EXPECT_EQ(Error(), "RuntimeError: uninitialized classmethod object");
  // Not callable itself.
  EXPECT_FALSE(Call(method_.get(), {}));
  EXPECT_EQ(Error(), "TypeError: 'classmethod' object is not callable");
}

}  // namespace
}  // namespace islet
