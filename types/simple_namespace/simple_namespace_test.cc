// `types.SimpleNamespace` through the object protocol: attributes in a dict,
// the repr, equality by dict, new attributes, and CPython's messages.

#include <string>

#include "gtest/gtest.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/well_known.h"
#include "tests/testing/object_test_support.h"

namespace islet {
namespace {

class SimpleNamespaceTest : public testing::ObjectTest {
 protected:
  static Object* Namespace() { return WellKnownType(WellKnown::kSimpleNamespace); }
  const Name* N(std::string_view text) { return interp_->Intern(text); }
};

TEST_F(SimpleNamespaceTest, KeywordsBecomeAttributes) {
  Ref<Object> ns = CallWith(Namespace(), {}, {{"a", 1}, {"b", "x"}});
  ASSERT_TRUE(ns) << Error();
  EXPECT_EQ(Show(ns), "namespace(a=1, b='x')");
  EXPECT_EQ(Show(GetAttr(ns.get(), "a")), "1");
  EXPECT_EQ(Show(GetAttr(ns.get(), "__dict__")), "{'a': 1, 'b': 'x'}");
  EXPECT_EQ(Show(CallWith(Namespace(), {})), "namespace()");
  EXPECT_EQ(TypeName(ns->type()), "SimpleNamespace");
  EXPECT_EQ(TypeModule(ns->type()), "types");
}

TEST_F(SimpleNamespaceTest, NewAttributesCanBeSetAndDeleted) {
  Ref<Object> ns = CallWith(Namespace(), {});
  ASSERT_TRUE(SetAttr(ns.get(), N("c"), NewInt(3).get())) << Error();
  EXPECT_EQ(Show(ns), "namespace(c=3)");
  Ref<Object> dict = GetAttr(ns.get(), "__dict__");
  ASSERT_TRUE(DictSet(dict.get(), NewStr("d").get(), NewInt(4).get()));
  EXPECT_EQ(Show(GetAttr(ns.get(), "d")), "4");
  ASSERT_TRUE(DelAttr(ns.get(), N("c"))) << Error();
  EXPECT_EQ(Show(ns), "namespace(d=4)");
  EXPECT_EQ(Show(GetAttr(ns.get(), "c")),
            "AttributeError: 'types.SimpleNamespace' object has no attribute 'c'");
  EXPECT_FALSE(DelAttr(ns.get(), N("c")));
  EXPECT_EQ(Error(), "AttributeError: 'types.SimpleNamespace' object has no attribute 'c'");
}

TEST_F(SimpleNamespaceTest, EqualityByDict) {
  Ref<Object> a = CallWith(Namespace(), {}, {{"x", 1}});
  Ref<Object> b = CallWith(Namespace(), {}, {{"x", 1}});
  Ref<Object> c = CallWith(Namespace(), {}, {{"x", 2}});
  EXPECT_EQ(RichCompareBool(a.get(), b.get(), CompareOp::kEq), 1);
  EXPECT_EQ(RichCompareBool(a.get(), c.get(), CompareOp::kEq), 0);
  EXPECT_EQ(RichCompareBool(a.get(), c.get(), CompareOp::kNe), 1);
  EXPECT_EQ(RichCompareBool(a.get(), NewInt(1).get(), CompareOp::kEq), 0);
  EXPECT_EQ(Show(RichCompare(a.get(), b.get(), CompareOp::kLt)),
            "TypeError: '<' not supported between instances of 'types.SimpleNamespace' and "
            "'types.SimpleNamespace'");
  EXPECT_EQ(Hash(a.get()), -1);
  EXPECT_EQ(Error(), "TypeError: unhashable type: 'types.SimpleNamespace'");
}

TEST_F(SimpleNamespaceTest, MappingOrPairsArgument) {
  Ref<Object> dict = NewDict();
  ASSERT_TRUE(DictSet(dict.get(), NewStr("a").get(), NewInt(2).get()));
  EXPECT_EQ(Show(CallWith(Namespace(), {dict}, {{"b", 3}})), "namespace(a=2, b=3)");
  Ref<Object> bad = NewDict();
  ASSERT_TRUE(DictSet(bad.get(), NewInt(1).get(), NewInt(2).get()));
  EXPECT_EQ(Show(CallWith(Namespace(), {bad})), "TypeError: keywords must be strings");
  EXPECT_EQ(Show(CallWith(Namespace(), {1, 2})),
            "TypeError: SimpleNamespace expected at most 1 argument, got 2");
}

TEST_F(SimpleNamespaceTest, RecursiveReprAndSubclasses) {
  Ref<Object> ns = CallWith(Namespace(), {});
  ASSERT_TRUE(SetAttr(ns.get(), N("me"), ns.get()));
  EXPECT_EQ(Show(ns), "namespace(me=namespace(...))");
  ASSERT_TRUE(DelAttr(ns.get(), N("me")));  // break the cycle
  Ref<HeapType> cls = NewClass("N", static_cast<TypeObject*>(Namespace()));
  EXPECT_EQ(Show(CallWith(cls.get(), {}, {{"a", 1}})), "N(a=1)");
}

}  // namespace
}  // namespace islet
