// Generic attribute access on instances of heap types (objects/protocol.h):
// data descriptors on the type first, then the instance's own attributes, then
// other class attributes; and weak references to such instances.

#include "gtest/gtest.h"
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

}  // namespace
}  // namespace islet
