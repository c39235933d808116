// The metatype: type(x), type(name, bases, dict), and type attributes.

#include "gtest/gtest.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/well_known.h"
#include "tests/testing/object_test_support.h"

namespace islet {
namespace {

class TypeTest : public testing::ObjectTest {
 protected:
  // type(name, bases, {key: value})
  Ref<Object> MakeClass(std::string_view name, std::initializer_list<Object*> bases,
                        std::string_view key = "", Object* value = nullptr) {
    Ref<Object> namespace_dict = NewDict();
    if (value != nullptr) DictSet(namespace_dict.get(), NewStr(key).get(), value);
    return CallWith(WellKnownType(WellKnown::kType),
                    {NewStr(name), NewTuple(bases), namespace_dict});
  }
};

TEST_F(TypeTest, OneArgumentGivesTheType) {
  EXPECT_EQ(Show(CallWith(WellKnownType(WellKnown::kType), {NewInt(3)})), "<class 'int'>");
  EXPECT_EQ(Show(CallWith(WellKnownType(WellKnown::kType), {1, 2})),
            "TypeError: type() takes 1 or 3 arguments");
}

TEST_F(TypeTest, ThreeArgumentsMakeAClassFromTheNamespace) {
  Ref<Object> value = NewInt(41);
  Ref<Object> cls = MakeClass("Point", {WellKnownType(WellKnown::kObject)}, "x", value.get());
  ASSERT_TRUE(cls) << Error();
  EXPECT_EQ(Show(GetAttr(cls.get(), "__name__")), "'Point'");
  EXPECT_EQ(Show(GetAttr(cls.get(), "x")), "41");
  EXPECT_EQ(Show(GetAttr(cls.get(), "__mro__")), "(<class '__main__.Point'>, <class 'object'>)");
  Ref<Object> instance = CallWith(cls.get(), {});
  ASSERT_TRUE(instance) << Error();
  EXPECT_EQ(Show(GetAttr(instance.get(), "x")), "41");
  // With no bases the class derives from object.
  Ref<Object> plain = MakeClass("Plain", {});
  EXPECT_EQ(Show(GetAttr(plain.get(), "__bases__")), "(<class 'object'>,)");
  // Listed by its base, in this interpreter.
  EXPECT_NE(Show(CallMethod(WellKnownType(WellKnown::kObject), "__subclasses__", {}))
                .find("<class '__main__.Point'>"),
            std::string::npos);
}

TEST_F(TypeTest, BadClassesAreTypeErrors) {
  EXPECT_EQ(Show(MakeClass("B", {WellKnownType(WellKnown::kBool)})),
            "TypeError: type 'bool' is not an acceptable base type");
  Ref<Object> a = MakeClass("A", {});
  Ref<Object> b = MakeClass("B", {a.get()});
  EXPECT_EQ(Show(MakeClass("C", {a.get(), b.get()})),
            "TypeError: Cannot create a consistent method resolution order (MRO) for bases A, B");
  EXPECT_EQ(Show(MakeClass("D", {a.get(), a.get()})), "TypeError: duplicate base class A");
  EXPECT_EQ(Show(MakeClass("E", {WellKnownType(WellKnown::kInt), WellKnownType(WellKnown::kStr)})),
            "TypeError: multiple bases have instance lay-out conflict");
  EXPECT_EQ(Show(CallWith(WellKnownType(WellKnown::kType), {1, NewTuple({}), NewDict()})),
            "TypeError: type.__new__() argument 1 must be str, not int");
  EXPECT_EQ(Show(CallWith(WellKnownType(WellKnown::kType), {"X", NewDict(), NewDict()})),
            "TypeError: type.__new__() argument 2 must be tuple, not dict");
  EXPECT_EQ(Show(CallWith(WellKnownType(WellKnown::kType), {"X", NewTuple({}), NewTuple({})})),
            "TypeError: type.__new__() argument 3 must be dict, not tuple");
}

TEST_F(TypeTest, SubclassesOfBuiltinsBehaveAsTheirBase) {
  Ref<Object> my_int = MakeClass("MyInt", {WellKnownType(WellKnown::kInt)});
  Ref<Object> seven = CallWith(my_int.get(), {7});
  ASSERT_TRUE(seven) << Error();
  EXPECT_EQ(Show(BinaryOperation(seven.get(), NewInt(1).get(), BinaryOp::kAdd)), "8");
  EXPECT_EQ(Show(CallMethod(seven.get(), "bit_length", {})), "3");
  Ref<Object> my_list = MakeClass("MyList", {WellKnownType(WellKnown::kList)});
  Ref<Object> items = CallWith(my_list.get(), {IntList({3, 1, 2})});
  ASSERT_TRUE(items) << Error();
  ASSERT_TRUE(CallMethod(items.get(), "sort", {}));
  EXPECT_EQ(Show(items), "[1, 2, 3]");
  EXPECT_EQ(Length(items.get()), 3);

  Ref<Object> my_str = MakeClass("MyStr", {WellKnownType(WellKnown::kStr)});
  Ref<Object> hello = CallWith(my_str.get(), {"Hello"});
  ASSERT_TRUE(hello) << Error();
  EXPECT_EQ(Show(GetAttr(hello.get(), "__class__")), "<class '__main__.MyStr'>");
  EXPECT_EQ(Show(hello), "'Hello'");
  EXPECT_EQ(Show(CallMethod(hello.get(), "upper", {})), "'HELLO'");
  EXPECT_EQ(Show(BinaryOperation(hello.get(), NewStr("!").get(), BinaryOp::kAdd)), "'Hello!'");
  EXPECT_EQ(Length(hello.get()), 5);
  EXPECT_EQ(Contains(hello.get(), NewStr("ell").get()), 1);
  EXPECT_EQ(Hash(hello.get()), Hash(NewStr("Hello").get()));
  EXPECT_EQ(RichCompareBool(hello.get(), NewStr("Hello").get(), CompareOp::kEq), 1);
  // An instance of a subclass has its own attributes; the str is untouched.
  ASSERT_TRUE(SetAttr(hello.get(), interp_->Intern("tag"), NewInt(1).get())) << Error();
  EXPECT_EQ(Show(GetAttr(hello.get(), "tag")), "1");
  EXPECT_EQ(Show(CallMethod(hello.get(), "lower", {})), "'hello'");

  Ref<Object> my_dict = MakeClass("MyDict", {WellKnownType(WellKnown::kDict)});
  Ref<Object> mapping = CallWith(my_dict.get(), {});
  ASSERT_TRUE(mapping) << Error();
  ASSERT_TRUE(SetItem(mapping.get(), NewStr("a").get(), NewInt(1).get())) << Error();
  ASSERT_TRUE(DictSet(mapping.get(), NewStr("b").get(), NewInt(2).get())) << Error();
  EXPECT_EQ(Show(mapping), "{'a': 1, 'b': 2}");
  EXPECT_EQ(Length(mapping.get()), 2);
  EXPECT_EQ(Show(GetItem(mapping.get(), NewStr("b").get())), "2");
  EXPECT_EQ(Show(CallMethod(mapping.get(), "get", {NewStr("a").get()})), "1");
  EXPECT_EQ(Show(CallMethod(mapping.get(), "keys", {})), "dict_keys(['a', 'b'])");
  EXPECT_EQ(Show(GetItem(mapping.get(), NewStr("z").get())), "KeyError: 'z'");
  ASSERT_TRUE(DelItem(mapping.get(), NewStr("a").get())) << Error();
  EXPECT_EQ(Show(mapping), "{'b': 2}");
  // A subclass's __missing__ answers for absent keys (here `str`: str(key)).
  Ref<Object> defaulting = MakeClass("Defaulting", {WellKnownType(WellKnown::kDict)}, "__missing__",
                                     WellKnownType(WellKnown::kStr));
  Ref<Object> defaults = CallWith(defaulting.get(), {});
  ASSERT_TRUE(defaults) << Error();
  EXPECT_EQ(Show(GetItem(defaults.get(), NewInt(5).get())), "'5'");
  EXPECT_EQ(Length(defaults.get()), 0);
}

// islet cannot re-base a class: assigning __bases__ says so after CPython's
// checks (a static type, a deletion), and the class keeps its bases.
TEST_F(TypeTest, BasesAssignmentIsRefusedAfterCPythonsChecks) {
  Ref<Object> a = MakeClass("A", {});
  Ref<Object> b = MakeClass("B", {});
  const Name* bases = interp_->Intern("__bases__");
  EXPECT_FALSE(SetAttr(a.get(), bases, NewTuple({b.get()}).get()));
  EXPECT_EQ(Error(), "TypeError: __bases__ assignment is not supported");
  EXPECT_FALSE(DelAttr(a.get(), bases));
  EXPECT_EQ(Error(), "TypeError: cannot delete '__bases__' attribute of immutable type 'A'");
  EXPECT_FALSE(SetAttr(WellKnownType(WellKnown::kInt), bases, NewTuple({}).get()));
  EXPECT_EQ(Error(), "TypeError: cannot set '__bases__' attribute of immutable type 'int'");
  EXPECT_EQ(Show(GetAttr(a.get(), "__bases__")), "(<class 'object'>,)");
}

// An instance moved to another class by __class__ assignment holds that class,
// not the old one: the old class can die while the instance lives.
TEST_F(TypeTest, ClassAssignmentMovesTheInstancesReferenceToItsClass) {
  Ref<Object> old_class = MakeClass("Old", {});
  Ref<Object> new_class = MakeClass("New", {});
  Ref<Object> instance = CallWith(old_class.get(), {});
  ASSERT_TRUE(instance) << Error();
  const uint64_t old_refs = old_class->refcount();
  const uint64_t new_refs = new_class->refcount();
  ASSERT_TRUE(SetAttr(instance.get(), interp_->Intern("__class__"), new_class.get())) << Error();
  EXPECT_EQ(instance->type(), new_class.get());
  EXPECT_EQ(old_class->refcount(), old_refs - 1);
  EXPECT_EQ(new_class->refcount(), new_refs + 1);
  old_class.reset();  // its last reference: the class dies, the instance stays valid
  EXPECT_EQ(Show(GetAttr(instance.get(), "__class__")), "<class '__main__.New'>");
}

}  // namespace
}  // namespace islet
