// Generic attribute access on instances of heap types (objects/protocol.h):
// data descriptors on the type first, then the instance's own attributes, then
// other class attributes; and weak references to such instances.

#include "gtest/gtest.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/weakref.h"
#include "objects/well_known.h"
#include "tests/testing/object_test_support.h"

namespace islet {
namespace {

class AttributeAccessTest : public testing::ObjectTest {};

TEST_F(AttributeAccessTest, InstanceAttributesAreSetReadAndDeleted) {
  Ref<HeapType> cls = NewClass("C", WellKnownType(WellKnown::kObject));
  Ref<Object> instance = CallWith(cls.get(), {});
  ASSERT_TRUE(instance) << Error();
  const Name* x = interp_->Intern("x");
  EXPECT_EQ(Show(GetAttr(instance.get(), x)), "AttributeError: 'C' object has no attribute 'x'");
  ASSERT_TRUE(SetAttr(instance.get(), x, NewInt(7).get()));
  EXPECT_EQ(Show(GetAttr(instance.get(), x)), "7");
  ASSERT_TRUE(DelAttr(instance.get(), x));
  EXPECT_EQ(Show(GetAttr(instance.get(), x)), "AttributeError: 'C' object has no attribute 'x'");
  EXPECT_FALSE(DelAttr(instance.get(), x));
  EXPECT_EQ(Error(), "AttributeError: 'C' object has no attribute 'x'");
}

TEST_F(AttributeAccessTest, InstanceAttributesShadowClassAttributesButNotDataDescriptors) {
  Ref<HeapType> cls = NewClass("C", WellKnownType(WellKnown::kObject));
  const Name* kind = interp_->Intern("kind");
  interp_->SetTypeDictEntry(*cls, kind, NewStr("class"));
  // A property (a data descriptor) whose getter is str.upper, bound to the instance.
  const Name* shout = interp_->Intern("shout");
  Ref<Object> upper = GetAttr(WellKnownType(WellKnown::kStr), "upper");
  Ref<Object> property = CallWith(WellKnownType(WellKnown::kProperty), {upper.get()});
  ASSERT_TRUE(property) << Error();
  interp_->SetTypeDictEntry(*cls, shout, property);

  Ref<HeapType> str_class = NewClass("S", WellKnownType(WellKnown::kStr));
  Ref<Object> instance = CallWith(str_class.get(), {"abc"});
  ASSERT_TRUE(instance) << Error();
  interp_->SetTypeDictEntry(*str_class, kind, NewStr("class"));
  interp_->SetTypeDictEntry(*str_class, shout, property);
  EXPECT_EQ(Show(GetAttr(instance.get(), kind)), "'class'");
  ASSERT_TRUE(SetAttr(instance.get(), kind, NewStr("instance").get()));
  EXPECT_EQ(Show(GetAttr(instance.get(), kind)), "'instance'");  // shadows the class
  EXPECT_EQ(Show(GetAttr(str_class.get(), kind)), "'class'");
  EXPECT_EQ(Show(GetAttr(instance.get(), shout)), "'ABC'");
  EXPECT_FALSE(SetAttr(instance.get(), shout, None()));  // the property has no setter
  EXPECT_EQ(Error(), "AttributeError: property of 'S' object has no setter");
  // A subclass of str is still a str for str's methods.
  EXPECT_EQ(Show(CallMethod(instance.get(), "upper", {})), "'ABC'");
}

TEST_F(AttributeAccessTest, StaticTypeInstancesHaveNoAttributesOfTheirOwn) {
  Ref<Object> number = NewInt(300);
  EXPECT_FALSE(SetAttr(number.get(), interp_->Intern("x"), None()));
  EXPECT_EQ(Error(),
            "AttributeError: 'int' object has no attribute 'x' and no __dict__ for setting new "
            "attributes");
  EXPECT_FALSE(SetAttr(number.get(), interp_->Intern("bit_length"), None()));
  EXPECT_EQ(Error(), "AttributeError: 'int' object attribute 'bit_length' is read-only");
}

TEST_F(AttributeAccessTest, WeakReferencesToInstancesDieWithThem) {
  Ref<HeapType> cls = NewClass("C", WellKnownType(WellKnown::kObject));
  Ref<Object> instance = CallWith(cls.get(), {});
  ASSERT_TRUE(instance) << Error();
  Ref<Object> weak = CallWith(WellKnownType(WellKnown::kWeakRef), {instance.get()});
  ASSERT_TRUE(weak) << Error();
  EXPECT_EQ(WeakRefCount(instance.get()), 1);
  EXPECT_EQ(CallWith(weak.get(), {}).get(), instance.get());
  instance.reset();
  EXPECT_EQ(CallWith(weak.get(), {}).get(), None());
}

TEST_F(AttributeAccessTest, InstanceDictIsLive) {
  Ref<HeapType> cls = NewClass("C", WellKnownType(WellKnown::kObject));
  Ref<Object> instance = CallWith(cls.get(), {});
  ASSERT_TRUE(instance) << Error();
  const Name* x = interp_->Intern("x");
  ASSERT_TRUE(SetAttr(instance.get(), x, NewInt(1).get()));
  Ref<Object> dict = GetAttr(instance.get(), "__dict__");
  ASSERT_TRUE(dict) << Error();
  EXPECT_EQ(Show(dict), "{'x': 1}");
  EXPECT_EQ(GetAttr(instance.get(), "__dict__").get(), dict.get());  // the same dict each time
  // Changes through the dict are attributes, and the other way round.
  ASSERT_TRUE(SetItem(dict.get(), NewStr("y").get(), NewInt(2).get()));
  EXPECT_EQ(Show(GetAttr(instance.get(), "y")), "2");
  ASSERT_TRUE(SetAttr(instance.get(), x, NewInt(3).get()));
  ASSERT_TRUE(DelAttr(instance.get(), interp_->Intern("y")));
  EXPECT_EQ(Show(dict), "{'x': 3}");
  EXPECT_FALSE(DelAttr(instance.get(), interp_->Intern("y")));
  EXPECT_EQ(Error(), "AttributeError: 'C' object has no attribute 'y'");
  // A non-str key is no attribute.
  ASSERT_TRUE(SetItem(dict.get(), NewInt(5).get(), None()));
  EXPECT_EQ(Show(GetAttr(instance.get(), "5")), "AttributeError: 'C' object has no attribute '5'");

  // Assigning __dict__ replaces the attributes; it must be a dict.
  Ref<Object> other = NewDict();
  ASSERT_TRUE(SetItem(other.get(), NewStr("z").get(), NewInt(9).get()));
  ASSERT_TRUE(SetAttr(instance.get(), interp_->Intern("__dict__"), other.get()));
  EXPECT_EQ(Show(GetAttr(instance.get(), "z")), "9");
  EXPECT_EQ(Show(GetAttr(instance.get(), "x")), "AttributeError: 'C' object has no attribute 'x'");
  EXPECT_FALSE(SetAttr(instance.get(), interp_->Intern("__dict__"), NewInt(1).get()));
  EXPECT_EQ(Error(), "TypeError: __dict__ must be set to a dictionary, not a 'int'");
  EXPECT_FALSE(DelAttr(instance.get(), interp_->Intern("__dict__")));
  EXPECT_EQ(Error(), "TypeError: cannot delete __dict__");
  // An instance whose dict holds the instance itself is a cycle teardown breaks.
  ASSERT_TRUE(SetAttr(instance.get(), x, instance.get()));
}

}  // namespace
}  // namespace islet
