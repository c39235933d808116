// staticmethod through the object protocol, on a heap class (HeapType::Create,
// its dict set with Interpreter::SetTypeDictEntry): looked up on the class or an
// instance it is the wrapped callable, calling it calls that, and its repr,
// __func__ and constructor messages are CPython's.

#include <optional>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "interp/heap_type.h"
#include "interp/interpreter.h"
#include "objects/errors.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/well_known.h"
#include "runtime/runtime.h"

namespace islet {
namespace {

class StaticMethodTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(Runtime::Initialize().ok());
    interp_ = Runtime::MainInterpreter();
    attached_.emplace(*interp_);
    TypeObject* bases[] = {WellKnownType(WellKnown::kObject)};
    cls_ = *HeapType::Create(*interp_, "C", bases);
  }
  void TearDown() override {
    cls_.reset();
    attached_.reset();
    ASSERT_TRUE(Runtime::Finalize().ok());
  }

  static Object* StaticMethodType() { return WellKnownType(WellKnown::kStaticMethod); }
  static Object* TypeType() { return WellKnownType(WellKnown::kType); }
  static std::string Error() { return std::string(TakeExceptionAsStatus().message()); }

  Interpreter* interp_ = nullptr;
  std::optional<AttachGuard> attached_;
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
