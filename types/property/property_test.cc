// property through the object protocol, on a heap class (HeapType::Create, its
// dict set with Interpreter::SetTypeDictEntry): reading, assigning and deleting
// call fget/fset/fdel, a missing one is CPython 3.14's AttributeError, the
// constructor binds keyword arguments as argument clinic does, and
// getter/setter/deleter return modified copies.
//
// The class derives from set so that set's methods can serve as the accessors:
// fget = set.copy, fset = set.add, fdel = set.clear.

#include <initializer_list>
#include <string>
#include <string_view>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "interp/heap_type.h"
#include "interp/interpreter.h"
#include "objects/errors.h"
#include "objects/protocol.h"
#include "objects/set.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/well_known.h"
#include "tests/testing/object_test_support.h"

namespace islet {
namespace {

class PropertyTest : public testing::ObjectTest {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(ObjectTest::SetUp());
    cls_ = NewClass("C", WellKnownType(WellKnown::kSet));
    instance_ = Call(cls_.get(), {});
    ASSERT_TRUE(instance_) << TakeExceptionAsStatus();
  }
  void TearDown() override {
    instance_.reset();
    cls_.reset();
    ObjectTest::TearDown();
  }

  static Object* PropertyType() { return WellKnownType(WellKnown::kProperty); }
  // set.<name>, the method descriptor.
  static Ref<Object> SetMethod(std::string_view name) {
    return GetAttr(WellKnownType(WellKnown::kSet), name);
  }
  // property(*positional, **keywords).
  static Ref<Object> NewProperty(std::initializer_list<Arg> positional, Kwargs keywords = {}) {
    return CallWith(PropertyType(), positional, keywords);
  }
  void Install(std::string_view name, const Ref<Object>& value) {
    interp_->SetTypeDictEntry(*cls_, interp_->Intern(name), value);
  }

  Ref<HeapType> cls_;
  Ref<Object> instance_;
};

TEST_F(PropertyTest, ReadingAssigningAndDeletingCallTheAccessors) {
  Ref<Object> property =
      NewProperty({SetMethod("copy").get(), SetMethod("add").get(), SetMethod("clear").get()});
  ASSERT_TRUE(property) << TakeExceptionAsStatus();
  Install("p", property);
  // Through the class, the property itself.
  EXPECT_EQ(GetAttr(cls_.get(), "p").get(), property.get());
  const Name* p = interp_->Intern("p");
  ASSERT_TRUE(SetAttr(instance_.get(), p, None())) << TakeExceptionAsStatus();  // add(None)
  EXPECT_EQ(Contains(instance_.get(), None()), 1);
  Ref<Object> value = GetAttr(instance_.get(), p);  // copy()
  ASSERT_TRUE(value) << TakeExceptionAsStatus();
  EXPECT_NE(value.get(), instance_.get());
  EXPECT_EQ(RichCompareBool(value.get(), instance_.get(), CompareOp::kEq), 1);
  ASSERT_TRUE(DelAttr(instance_.get(), p)) << TakeExceptionAsStatus();  // clear()
  EXPECT_EQ(Length(instance_.get()), 0);
}

TEST_F(PropertyTest, AccessorErrorsPropagate) {
  Install("p", NewProperty({WellKnownType(WellKnown::kFrozenSet), SetMethod("remove").get()}));
  const Name* p = interp_->Intern("p");
  EXPECT_FALSE(SetAttr(instance_.get(), p, None()));  // remove(None): absent
  EXPECT_EQ(Error(), "KeyError: None");
  Ref<Object> frozen = GetAttr(instance_.get(), p);  // frozenset(instance)
  ASSERT_TRUE(frozen) << TakeExceptionAsStatus();
  EXPECT_EQ(frozen->type(), WellKnownType(WellKnown::kFrozenSet));
}

TEST_F(PropertyTest, MissingAccessorsAreAttributeErrors) {
  // A getter without a __name__ (a property), so the messages have no name.
  Ref<Object> nameless = NewProperty({});
  Install("p", NewProperty({nameless.get()}));
  Install("q", NewProperty({}, {{"fset", SetMethod("add").get()}}));
  const Name* p = interp_->Intern("p");
  EXPECT_FALSE(SetAttr(instance_.get(), p, None()));
  EXPECT_EQ(Error(), "AttributeError: property of 'C' object has no setter");
  EXPECT_FALSE(DelAttr(instance_.get(), p));
  EXPECT_EQ(Error(), "AttributeError: property of 'C' object has no deleter");
  EXPECT_FALSE(GetAttr(instance_.get(), "q"));
  EXPECT_EQ(Error(), "AttributeError: property of 'C' object has no getter");
}

TEST_F(PropertyTest, MissingAccessorMessagesNameTheProperty) {
  Ref<Object> property = NewProperty({});
  ASSERT_TRUE(CallMethod(property.get(), "__set_name__", {cls_.get(), NewStr("x").get()}));
  Install("x", property);
  EXPECT_FALSE(GetAttr(instance_.get(), "x"));
  EXPECT_EQ(Error(), "AttributeError: property 'x' of 'C' object has no getter");
  EXPECT_FALSE(SetAttr(instance_.get(), interp_->Intern("x"), None()));
  EXPECT_EQ(Error(), "AttributeError: property 'x' of 'C' object has no setter");
  EXPECT_EQ(StrView(GetAttr(property.get(), "__name__").get()), "x");
  EXPECT_FALSE(CallMethod(property.get(), "__set_name__", {cls_.get()}));
  EXPECT_EQ(Error(), "TypeError: __set_name__() takes 2 positional arguments but 1 were given");
  EXPECT_FALSE(GetAttr(NewProperty({}).get(), "__name__"));
  EXPECT_EQ(Error(), "AttributeError: 'property' object has no attribute '__name__'");
}

TEST_F(PropertyTest, ConstructorBindsKeywordsAndReportsBadArguments) {
  Ref<Object> doc = NewStr("the doc");
  Ref<Object> property = NewProperty({SetMethod("copy").get()},
                                     {{"fdel", SetMethod("clear").get()}, {"doc", doc.get()}});
  ASSERT_TRUE(property) << TakeExceptionAsStatus();
  EXPECT_EQ(GetAttr(property.get(), "fget").get(), SetMethod("copy").get());
  EXPECT_EQ(GetAttr(property.get(), "fset").get(), None());
  EXPECT_EQ(GetAttr(property.get(), "fdel").get(), SetMethod("clear").get());
  EXPECT_EQ(GetAttr(property.get(), "__doc__").get(), doc.get());
  EXPECT_EQ(GetAttr(NewProperty({}).get(), "__doc__").get(), None());

  EXPECT_FALSE(NewProperty({None(), None(), None(), None(), None()}));
  EXPECT_EQ(Error(), "TypeError: property() takes at most 4 arguments (5 given)");
  EXPECT_FALSE(NewProperty({}, {{"fgot", None()}}));
  EXPECT_EQ(Error(), "TypeError: property() got an unexpected keyword argument 'fgot'");
  EXPECT_FALSE(NewProperty({None()}, {{"fget", None()}}));
  EXPECT_EQ(Error(), "TypeError: argument for property() given by name ('fget') and position (1)");
}

TEST_F(PropertyTest, DocComesFromTheGetterUnlessGiven) {
  Ref<Object> documented = NewProperty({}, {{"doc", NewStr("inner").get()}});
  Ref<Object> property = NewProperty({documented.get()});
  EXPECT_EQ(StrView(GetAttr(property.get(), "__doc__").get()), "inner");
  // A copy with a new getter takes the new getter's doc.
  Ref<Object> copy = CallMethod(property.get(), "getter", {NewProperty({}).get()});
  ASSERT_TRUE(copy) << TakeExceptionAsStatus();
  EXPECT_EQ(GetAttr(copy.get(), "__doc__").get(), None());
  // __doc__ can be set.
  ASSERT_TRUE(SetAttr(property.get(), interp_->Intern("__doc__"), NewStr("mine").get()));
  EXPECT_EQ(StrView(GetAttr(property.get(), "__doc__").get()), "mine");
}

TEST_F(PropertyTest, GetterSetterDeleterReturnCopies) {
  Ref<Object> property = NewProperty({SetMethod("copy").get()});
  ASSERT_TRUE(CallMethod(property.get(), "__set_name__", {cls_.get(), NewStr("p").get()}));
  Ref<Object> with_setter = CallMethod(property.get(), "setter", {SetMethod("add").get()});
  ASSERT_TRUE(with_setter) << TakeExceptionAsStatus();
  EXPECT_NE(with_setter.get(), property.get());
  EXPECT_EQ(GetAttr(property.get(), "fset").get(), None());  // the original is unchanged
  EXPECT_EQ(GetAttr(with_setter.get(), "fget").get(), SetMethod("copy").get());
  EXPECT_EQ(GetAttr(with_setter.get(), "fset").get(), SetMethod("add").get());
  EXPECT_EQ(StrView(GetAttr(with_setter.get(), "__name__").get()), "p");
  Ref<Object> full = CallMethod(with_setter.get(), "deleter", {SetMethod("clear").get()});
  EXPECT_EQ(GetAttr(full.get(), "fdel").get(), SetMethod("clear").get());
  Install("p", full);
  ASSERT_TRUE(SetAttr(instance_.get(), interp_->Intern("p"), None()));
  EXPECT_EQ(Length(instance_.get()), 1);
  EXPECT_FALSE(CallMethod(property.get(), "setter", {}));
  EXPECT_EQ(Error(), "TypeError: property.setter() takes exactly one argument (0 given)");
}

TEST_F(PropertyTest, SubclassesCopyAsThemselves) {
  TypeObject* bases[] = {WellKnownType(WellKnown::kProperty)};
  Ref<HeapType> my_property = *HeapType::Create(*interp_, "MyProperty", bases);
  Ref<Object> property = Call(my_property.get(), {SetMethod("copy").get()});
  ASSERT_TRUE(property) << TakeExceptionAsStatus();
  Ref<Object> copy = CallMethod(property.get(), "setter", {SetMethod("add").get()});
  ASSERT_TRUE(copy) << TakeExceptionAsStatus();
  EXPECT_EQ(copy->type(), my_property.get());
  Install("p", copy);
  ASSERT_TRUE(SetAttr(instance_.get(), interp_->Intern("p"), None()));
  EXPECT_EQ(Length(instance_.get()), 1);
}

}  // namespace
}  // namespace islet
