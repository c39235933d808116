// Classes made at run time behave as the special methods along their MRO say
// (objects/heap_slots.h), and builtin slots are reachable as attributes
// (objects/slot_wrappers.h).

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/well_known.h"
#include "tests/testing/object_test_support.h"

namespace islet {
namespace {

using Body = FunctionBody;

class HeapSlotsTest : public testing::ObjectTest {
 protected:
  // type(name, bases, {method name: function}), through the metatype's call.
  Ref<Object> MakeClass(std::string_view name, std::initializer_list<Object*> bases,
                        std::vector<std::pair<std::string, Body>> methods, Kwargs kwargs = {}) {
    Ref<Object> namespace_dict = NewDict();
    for (auto& [method, body] : methods) {
      DictSet(namespace_dict.get(), NewStr(method).get(), NewFunction(method, body).get());
    }
    return CallWith(WellKnownType(WellKnown::kType), {name, NewTuple(bases), namespace_dict},
                    kwargs);
  }
  static Body Returning(Ref<Object> value) {
    return [value](const CallArgs&) { return value; };
  }
  Object* Object_() { return WellKnownType(WellKnown::kObject); }
};

TEST_F(HeapSlotsTest, TextHashAndTruthComeFromTheClass) {
  Ref<Object> cls = MakeClass("C", {Object_()},
                              {{"__repr__", Returning(NewStr("C!"))},
                               {"__str__", Returning(NewStr("c"))},
                               {"__len__", Returning(NewInt(0))}});
  ASSERT_TRUE(cls) << Error();
  Ref<Object> c = CallWith(cls.get(), {});
  EXPECT_EQ(Show(c), "C!");
  EXPECT_EQ(StrText(c.get()), "c");
  EXPECT_EQ(IsTrue(c.get()), 0);  // no __bool__: __len__ decides
  EXPECT_NE(Hash(c.get()), -1);   // object's hash: no __eq__ was defined

  Ref<Object> with_eq = MakeClass("E", {Object_()}, {{"__eq__", Returning(BoolRef(true))}});
  Ref<Object> e = CallWith(with_eq.get(), {});
  EXPECT_EQ(GetAttr(with_eq.get(), "__hash__").get(), None());
  EXPECT_EQ(Hash(e.get()), -1);
  EXPECT_EQ(Error(), "TypeError: unhashable type: 'E'");
  EXPECT_EQ(RichCompareBool(e.get(), None(), CompareOp::kEq), 1);
  EXPECT_EQ(RichCompareBool(e.get(), None(), CompareOp::kNe), 0);  // object's != inverts __eq__
  EXPECT_EQ(Show(RichCompare(e.get(), None(), CompareOp::kLt)),
            "TypeError: '<' not supported between instances of 'E' and 'NoneType'");

  Ref<Object> bad = MakeClass("B", {Object_()},
                              {{"__bool__", Returning(NewInt(1))},
                               {"__len__", Returning(NewInt(-1))},
                               {"__repr__", Returning(NewInt(1))}});
  Ref<Object> b = CallWith(bad.get(), {});
  EXPECT_EQ(IsTrue(b.get()), -1);
  EXPECT_EQ(Error(), "TypeError: __bool__ should return bool, returned int");
  EXPECT_EQ(Length(b.get()), -1);
  EXPECT_EQ(Error(), "ValueError: __len__() should return >= 0");
  EXPECT_EQ(Show(Repr(b.get())), "TypeError: __repr__ returned non-string (type int)");
}

TEST_F(HeapSlotsTest, ChangingASpecialMethodUpdatesTheClassAndItsSubclasses) {
  Ref<Object> base = MakeClass("Base", {Object_()}, {{"__repr__", Returning(NewStr("base"))}});
  Ref<Object> derived = MakeClass("Derived", {base.get()}, {});
  Ref<Object> d = CallWith(derived.get(), {});
  EXPECT_EQ(Show(d), "base");
  ASSERT_TRUE(SetAttr(base.get(), interp_->Intern("__repr__"),
                      NewFunction("r", Returning(NewStr("changed"))).get()));
  EXPECT_EQ(Show(d), "changed");
  ASSERT_TRUE(DelAttr(base.get(), interp_->Intern("__repr__")));
  EXPECT_EQ(ReprText(d.get())->rfind("<__main__.Derived object at 0x", 0), 0u);
  // A method set on the instance is not a special method of its class.
  ASSERT_TRUE(SetAttr(d.get(), interp_->Intern("__repr__"),
                      NewFunction("r", Returning(NewStr("instance"))).get()));
  EXPECT_EQ(ReprText(d.get())->rfind("<__main__.Derived object at 0x", 0), 0u);
}

TEST_F(HeapSlotsTest, BinaryOperatorsTryTheReflectedMethodOfASubclassFirst) {
  auto tag = [](std::string text) -> Body {
    return [text](const CallArgs& args) {
      return NewStr(text + " " + std::string(TypeName(args.args[1]->type())));
    };
  };
  Ref<Object> number = MakeClass("Num", {WellKnownType(WellKnown::kInt)},
                                 {{"__add__", tag("add")}, {"__radd__", tag("radd")}});
  ASSERT_TRUE(number) << Error();
  Ref<Object> n = CallWith(number.get(), {5});
  Ref<Object> one = NewInt(1);
  EXPECT_EQ(Op(n.get(), BinaryOp::kAdd, one.get()), "'add int'");
  EXPECT_EQ(Op(one.get(), BinaryOp::kAdd, n.get()), "'radd int'");  // before int's own +
  EXPECT_EQ(Op(n.get(), BinaryOp::kSubtract, one.get()), "4");      // int's, inherited
  EXPECT_EQ(Op(n.get(), BinaryOp::kMultiply, NewStr("x").get()), "'xxxxx'");
  // Methods the class does not define are int's slot wrappers.
  EXPECT_EQ(Show(CallAttr(n.get(), "__sub__", {1})), "4");
  EXPECT_EQ(Show(CallAttr(WellKnownType(WellKnown::kInt), "__add__", {n.get(), 2})), "7");
}

TEST_F(HeapSlotsTest, ContainersIterationAndCalls) {
  Ref<Object> items = IntList({10, 20, 30});
  Ref<Object> cls = MakeClass(
      "Box", {Object_()},
      {{"__getitem__",
        [](const CallArgs& args) {
          return BinaryOperation(args.args[1], NewInt(2).get(), BinaryOp::kMultiply);
        }},
       {"__contains__", Returning(NewInt(1))},
       {"__iter__", [items](const CallArgs&) { return GetIter(items.get()); }},
       {"__call__",
        [](const CallArgs& args) { return NewInt(static_cast<int64_t>(args.args.size())); }}});
  ASSERT_TRUE(cls) << Error();
  Ref<Object> box = CallWith(cls.get(), {});
  EXPECT_EQ(Show(GetItem(box.get(), NewInt(21).get())), "42");
  EXPECT_EQ(Contains(box.get(), None()), 1);  // a true result counts
  EXPECT_EQ(ListOf(box.get()), "[10, 20, 30]");
  EXPECT_EQ(Show(CallWith(box.get(), {1, 2}, {{"k", 3}})), "4");  // self, 1, 2, k=3
  EXPECT_EQ(Show(SetItem(box.get(), None(), None()) ? NoneRef() : nullptr),
            "TypeError: 'Box' object does not support item assignment");

  // An iterator whose __next__ raises StopIteration after three items.
  auto next_value = std::make_shared<int64_t>(0);
  Ref<Object> countdown = MakeClass(
      "Countdown", {Object_()},
      {{"__iter__", [](const CallArgs& args) { return Ref<Object>::Borrow(args.args[0]); }},
       {"__next__", [next_value](const CallArgs&) -> Ref<Object> {
          if (*next_value == 3) return Raise(WellKnown::kStopIteration, "");
          return NewInt((*next_value)++);
        }}});
  EXPECT_EQ(ListOf(CallWith(countdown.get(), {})), "[0, 1, 2]");
}

TEST_F(HeapSlotsTest, AttributeHooks) {
  std::vector<std::string> log;
  Ref<Object> cls = MakeClass(
      "Hooked", {Object_()},
      {{"__getattr__",
        [](const CallArgs& args) { return Ref<Object>::Borrow(args.args[1]); }},  // echo the name
       {"__setattr__", [&log](const CallArgs& args) {
          log.push_back(std::string(StrView(args.args[1])));
          // object.__setattr__(self, name, value) stores it.
          return CallAttr(WellKnownType(WellKnown::kObject), "__setattr__",
                          {args.args[0], args.args[1], args.args[2]});
        }}});
  Ref<Object> h = CallWith(cls.get(), {});
  EXPECT_EQ(Show(GetAttr(h.get(), "missing")), "'missing'");
  ASSERT_TRUE(SetAttr(h.get(), interp_->Intern("x"), NewInt(1).get())) << Error();
  EXPECT_EQ(Show(GetAttr(h.get(), "x")), "1");  // found normally: no __getattr__
  EXPECT_EQ(log, std::vector<std::string>{"x"});
}

TEST_F(HeapSlotsTest, NewAndInitFollowTheProtocol) {
  std::vector<std::string> log;
  Ref<Object> cls = MakeClass(
      "P", {Object_()},
      {{"__new__",
        [&log](const CallArgs& args) {
          log.push_back("new " + std::to_string(args.args.size()));
          return CallAttr(WellKnownType(WellKnown::kObject), "__new__", {args.args[0]});
        }},
       {"__init__", [&log](const CallArgs& args) {
          log.push_back("init " + std::to_string(args.args.size()));
          return SetAttr(args.args[0], Interpreter::Current()->Intern("value"), args.args[1])
                     ? NoneRef()
                     : nullptr;
        }}});
  ASSERT_TRUE(cls) << Error();
  // A function under __new__ is stored as a static method.
  Object* stored = static_cast<HeapType*>(cls.get())->dict().Get(interp_->Intern("__new__"));
  EXPECT_EQ(stored->type(), WellKnownType(WellKnown::kStaticMethod));
  Ref<Object> p = CallWith(cls.get(), {7});
  ASSERT_TRUE(p) << Error();
  EXPECT_EQ(Show(GetAttr(p.get(), "value")), "7");
  EXPECT_EQ(log, (std::vector<std::string>{"new 2", "init 2"}));

  Ref<Object> returns_value = MakeClass("R", {Object_()}, {{"__init__", Returning(NewInt(1))}});
  EXPECT_EQ(Show(CallWith(returns_value.get(), {})),
            "TypeError: __init__() should return None, not 'int'");
  Ref<Object> plain = MakeClass("Plain", {Object_()}, {});
  EXPECT_EQ(Show(CallWith(plain.get(), {1})), "TypeError: Plain() takes no arguments");
  EXPECT_EQ(Show(CallAttr(WellKnownType(WellKnown::kObject), "__new__",
                          {WellKnownType(WellKnown::kInt)})),
            "TypeError: object.__new__(int) is not safe, use int.__new__()");
  EXPECT_EQ(Show(CallAttr(WellKnownType(WellKnown::kInt), "__new__", {plain.get()})),
            "TypeError: int.__new__(Plain): Plain is not a subtype of int");
}

TEST_F(HeapSlotsTest, ClassCreationHooksAndNames) {
  std::vector<std::string> log;
  Ref<Object> base =
      MakeClass("Base", {Object_()},
                {{"__init_subclass__", [&log](const CallArgs& args) {
                    log.push_back(std::string(TypeName(static_cast<TypeObject*>(args.args[0]))) +
                                  " " + std::to_string(args.kwnames.size()));
                    return NoneRef();
                  }}});
  ASSERT_TRUE(base) << Error();
  EXPECT_TRUE(log.empty());  // only subclasses are announced
  Ref<Object> derived = MakeClass("Derived", {base.get()}, {}, {{"flag", 1}});
  ASSERT_TRUE(derived) << Error();
  EXPECT_EQ(log, std::vector<std::string>{"Derived 1"});
  EXPECT_EQ(Show(MakeClass("Other", {Object_()}, {}, {{"flag", 1}})),
            "TypeError: Other.__init_subclass__() takes no keyword arguments");

  EXPECT_EQ(Show(GetAttr(derived.get(), "__module__")), "'__main__'");
  ASSERT_TRUE(SetAttr(derived.get(), interp_->Intern("__qualname__"), NewStr("Outer.D").get()));
  EXPECT_EQ(Show(derived), "<class '__main__.Outer.D'>");
  EXPECT_EQ(Show(GetAttr(derived.get(), "__name__")), "'Derived'");
  EXPECT_FALSE(SetAttr(derived.get(), interp_->Intern("__name__"), NewInt(1).get()));
  EXPECT_EQ(Error(), "TypeError: can only assign string to Derived.__name__, not 'int'");
}

TEST_F(HeapSlotsTest, TheFirstDefinitionAlongTheMroWins) {
  Ref<Object> a = MakeClass("A", {Object_()}, {});
  Ref<Object> b = MakeClass("B", {Object_()}, {{"__repr__", Returning(NewStr("from B"))}});
  Ref<Object> ab = MakeClass("AB", {a.get(), b.get()}, {});
  EXPECT_EQ(Show(CallWith(ab.get(), {})), "from B");  // not object's, which comes later
  // A mixin after a builtin base supplies what the builtin leaves undefined.
  Ref<Object> sized =
      MakeClass("Sized", {Object_()},
                {{"__len__", Returning(NewInt(4))}, {"__repr__", Returning(NewStr("sized"))}});
  Ref<Object> number = MakeClass("N", {WellKnownType(WellKnown::kInt), sized.get()}, {});
  ASSERT_TRUE(number) << Error();
  Ref<Object> n = CallWith(number.get(), {3});
  EXPECT_EQ(Length(n.get()), 4);
  EXPECT_EQ(Show(n), "3");  // int defines __repr__ itself, before the mixin
}

TEST_F(HeapSlotsTest, BuiltinSlotsAreAttributes) {
  Object* int_type = WellKnownType(WellKnown::kInt);
  EXPECT_EQ(Show(GetAttr(int_type, "__add__")), "<slot wrapper '__add__' of 'int' objects>");
  EXPECT_EQ(Show(GetAttr(WellKnownType(WellKnown::kList), "__hash__")), "None");
  Ref<Object> bound = GetAttr(NewInt(3).get(), "__mul__");
  EXPECT_EQ(ReprText(bound.get())->rfind("<method-wrapper '__mul__' of int object at 0x", 0), 0u);
  EXPECT_EQ(Show(CallWith(bound.get(), {4})), "12");
  EXPECT_EQ(Show(CallWith(bound.get(), {})), "TypeError: expected 1 argument, got 0");
  EXPECT_EQ(Show(CallAttr(int_type, "__add__", {"a", 1})),
            "TypeError: descriptor '__add__' requires a 'int' object but received a 'str'");
  EXPECT_EQ(Show(CallAttr(NewInt(3).get(), "__radd__", {"a"})), "NotImplemented");
  EXPECT_EQ(Show(CallAttr(IntList({1, 2}).get(), "__len__")), "2");
  Ref<HeapType> plain = NewClass("Plain", WellKnownType(WellKnown::kObject));
  EXPECT_EQ(
      Show(CallAttr(WellKnownType(WellKnown::kObject), "__init__", {CallWith(plain.get(), {}), 1})),
      "TypeError: Plain.__init__() takes exactly one argument (the instance to initialize)");
}

}  // namespace
}  // namespace islet
