// super(type, obj): lookups past `type` along obj's MRO, bound to obj.

#include "gtest/gtest.h"
#include "objects/function.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/well_known.h"
#include "tests/testing/object_test_support.h"

namespace islet {
namespace {

class SuperTest : public testing::ObjectTest {
 protected:
  // A function returning `text` followed by its first argument's type name.
  static Ref<Object> Tagged(std::string_view text) {
    std::string tag(text);
    return NewFunction("who", [tag](const CallArgs& args) -> Ref<Object> {
      return NewStr(tag + ":" + std::string(TypeName(args.args[0]->type())));
    });
  }
};

TEST_F(SuperTest, FindsTheNextDefinitionAlongTheMro) {
  Ref<HeapType> a = NewClass("A", WellKnownType(WellKnown::kObject));
  Ref<HeapType> b = NewClass("B", a.get());
  Ref<HeapType> c = NewClass("C", b.get());
  const Name* who = interp_->Intern("who");
  interp_->SetTypeDictEntry(*a, who, Tagged("A"));
  interp_->SetTypeDictEntry(*c, who, Tagged("C"));
  Ref<Object> instance = CallWith(c.get(), {});
  ASSERT_TRUE(instance) << Error();

  Object* super = WellKnownType(WellKnown::kSuper);
  Ref<Object> from_c = CallWith(super, {c.get(), instance.get()});
  ASSERT_TRUE(from_c) << Error();
  EXPECT_EQ(Show(CallAttr(from_c.get(), "who")), "'A:C'");  // B has none: A's, bound
  EXPECT_EQ(Show(CallAttr(CallWith(super, {a.get(), instance.get()}).get(), "who")),
            "AttributeError: 'super' object has no attribute 'who'");
  EXPECT_EQ(Show(from_c), "<super: <class 'C'>, <C object>>");
  EXPECT_EQ(GetAttr(from_c.get(), "__self__").get(), instance.get());
  EXPECT_EQ(GetAttr(from_c.get(), "__thisclass__").get(), c.get());
  EXPECT_EQ(GetAttr(from_c.get(), "__class__").get(), super);
  // With a class as the second argument, functions come back unbound.
  Ref<Object> on_class = CallWith(super, {c.get(), c.get()});
  ASSERT_TRUE(on_class) << Error();
  EXPECT_EQ(GetAttr(on_class.get(), "who").get(), interp_->TypeDict(*a)->Get(who));
}

TEST_F(SuperTest, ReachesBuiltinSlotWrappers) {
  Ref<HeapType> cls = NewClass("MyInt", WellKnownType(WellKnown::kInt));
  Ref<Object> seven = CallWith(cls.get(), {7});
  ASSERT_TRUE(seven) << Error();
  Ref<Object> super = CallWith(WellKnownType(WellKnown::kSuper), {cls.get(), seven.get()});
  EXPECT_EQ(Show(CallAttr(super.get(), "__add__", {1})), "8");
  EXPECT_EQ(Show(CallAttr(super.get(), "__repr__")), "'7'");
}

TEST_F(SuperTest, RejectsBadArguments) {
  Object* super = WellKnownType(WellKnown::kSuper);
  EXPECT_EQ(Show(CallWith(super, {})), "RuntimeError: super(): no arguments");
  EXPECT_EQ(Show(CallWith(super, {1})), "TypeError: super() argument 1 must be a type, not int");
  EXPECT_EQ(Show(CallWith(super, {WellKnownType(WellKnown::kStr), 1})),
            "TypeError: super(type, obj): obj (instance of int) is not an instance or subtype of "
            "type (str).");
  EXPECT_EQ(Show(CallWith(super, {WellKnownType(WellKnown::kStr), WellKnownType(WellKnown::kInt)})),
            "TypeError: super(type, obj): obj (type int) is not an instance or subtype of type "
            "(str).");
  Ref<Object> unbound = CallWith(super, {WellKnownType(WellKnown::kStr)});
  EXPECT_EQ(Show(unbound), "<super: <class 'str'>, NULL>");
}

}  // namespace
}  // namespace islet
