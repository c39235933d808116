// The `builtins` module: what it holds, and each builtin function called as a
// program calls it (the module's attribute, through Call), with CPython 3.14's
// results and messages.

#include <string>

#include "gtest/gtest.h"
#include "modules/native_module.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/well_known.h"
#include "tests/testing/object_test_support.h"

namespace islet {
namespace {

class BuiltinsTest : public testing::ObjectTest {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(ObjectTest::SetUp());
    const NativeModule* builtins = NativeModule::Find("builtins");
    ASSERT_NE(builtins, nullptr);
    module_ = NewModule("builtins");
    ASSERT_TRUE(module_) << Error();
    ASSERT_TRUE(builtins->fill()(module_.get())) << Error();
  }
  void TearDown() override {
    module_.reset();
    ObjectTest::TearDown();
  }

  // The module's attribute `name`.
  Ref<Object> B(std::string_view name) {
    Ref<Object> value = GetAttr(module_.get(), name);
    EXPECT_TRUE(value) << name << ": " << Error();
    return value;
  }
  // Show(builtins.name(*args, **kwargs)).
  std::string F(std::string_view name, std::initializer_list<Arg> args = {}, Kwargs kwargs = {}) {
    Ref<Object> function = B(name);
    if (!function) return "no such builtin";
    return Show(CallWith(function.get(), args, kwargs));
  }
  static Ref<Object> Float(double value) { return NewFloat(value); }

  Ref<Object> module_;
};

TEST_F(BuiltinsTest, HoldsTypesExceptionsAndSingletons) {
  for (const char* name :
       {"object",    "type",  "int",      "float",       "str",          "bytes",
        "bool",      "list",  "tuple",    "dict",        "set",          "frozenset",
        "range",     "slice", "property", "classmethod", "staticmethod", "super",
        "enumerate", "zip",   "reversed", "map",         "filter"}) {
    Ref<Object> type = B(name);
    ASSERT_TRUE(type);
    EXPECT_TRUE(IsInstance(type.get(), WellKnown::kType)) << name;
    EXPECT_EQ(TypeName(static_cast<TypeObject*>(type.get())), name);
  }
  for (const char* name :
       {"BaseException", "Exception", "TypeError", "ValueError", "KeyError", "StopIteration",
        "RecursionError", "SyntaxError", "ImportError", "ModuleNotFoundError", "UnboundLocalError",
        "KeyboardInterrupt", "SystemExit", "NameError", "AssertionError"}) {
    Ref<Object> type = B(name);
    ASSERT_TRUE(type);
    EXPECT_EQ(TypeName(static_cast<TypeObject*>(type.get())), name);
  }
  // The interpreters' exceptions live in their module, not here.
  EXPECT_FALSE(GetAttr(module_.get(), "InterpreterError"));
  EXPECT_EQ(Error(), "AttributeError: module 'builtins' has no attribute 'InterpreterError'");
  EXPECT_FALSE(GetAttr(module_.get(), "NotShareableError"));
  ClearException();
  EXPECT_EQ(B("None").get(), None());
  EXPECT_EQ(B("True").get(), True());
  EXPECT_EQ(B("False").get(), False());
  EXPECT_EQ(B("Ellipsis").get(), Ellipsis());
  EXPECT_EQ(B("NotImplemented").get(), NotImplemented());
  EXPECT_EQ(Show(B("__name__")), "'builtins'");
  EXPECT_EQ(Show(module_), "<module 'builtins' (built-in)>");
}

TEST_F(BuiltinsTest, FunctionsAreBuiltinFunctions) {
  Ref<Object> print = B("print");
  EXPECT_EQ(print->type(), WellKnownType(WellKnown::kBuiltinFunction));
  EXPECT_EQ(Show(print), "<built-in function print>");
  EXPECT_EQ(Show(B("len")), "<built-in function len>");
}

TEST_F(BuiltinsTest, Print) {
  ::testing::internal::CaptureStdout();
  EXPECT_EQ(F("print", {1, "a", IntList({2})}), "None");
  EXPECT_EQ(F("print", {1, 2}, {{"sep", "-"}, {"end", "!\n"}}), "None");
  EXPECT_EQ(F("print", {}), "None");
  EXPECT_EQ(F("print", {"x"}, {{"sep", None()}, {"end", None()}, {"flush", True()}}), "None");
  EXPECT_EQ(::testing::internal::GetCapturedStdout(), "1 a [2]\n1-2!\n\nx\n");
  EXPECT_EQ(F("print", {1}, {{"sep", 1}}), "TypeError: sep must be None or a string, not int");
  EXPECT_EQ(F("print", {1}, {{"end", 1}}), "TypeError: end must be None or a string, not int");
  EXPECT_EQ(F("print", {1}, {{"x", 1}}),
            "TypeError: print() got an unexpected keyword argument 'x'");
}

TEST_F(BuiltinsTest, PrintToAFileCallsItsWrite) {
  Ref<Object> parts = IntList({});
  Ref<HeapType> cls = NewClass("File", WellKnownType(WellKnown::kObject));
  Object* sink = parts.get();
  interp_->SetTypeDictEntry(*cls, interp_->Intern("write"),
                            NewFunction("write", [sink](const CallArgs& args) -> Ref<Object> {
                              ListItems(sink).push_back(Ref<Object>::Borrow(args.args[1]));
                              return NoneRef();
                            }));
  Ref<Object> file = CallWith(cls.get(), {});
  EXPECT_EQ(F("print", {1, 2}, {{"file", file}}), "None");
  EXPECT_EQ(Show(parts), "['1 2\\n']");
}

TEST_F(BuiltinsTest, ReprAsciiLenHashIdAbs) {
  EXPECT_EQ(F("repr", {"a"}), "\"'a'\"");
  EXPECT_EQ(F("repr", {}), "TypeError: repr() takes exactly one argument (0 given)");
  EXPECT_EQ(F("ascii", {"a\xc3\xa9\xe1\x88\xb4\xf0\x9f\x98\x80"}),
            "\"'a\\\\xe9\\\\u1234\\\\U0001f600'\"");
  EXPECT_EQ(F("len", {"abc"}), "3");
  EXPECT_EQ(F("len", {5}), "TypeError: object of type 'int' has no len()");
  EXPECT_EQ(F("len", {}), "TypeError: len() takes exactly one argument (0 given)");
  EXPECT_EQ(F("len", {1, 2}), "TypeError: len() takes exactly one argument (2 given)");
  EXPECT_EQ(F("hash", {7}), "7");
  EXPECT_EQ(F("hash", {IntList({})}), "TypeError: unhashable type: 'list'");
  Ref<Object> list = IntList({});
  EXPECT_EQ(F("id", {list}), std::to_string(reinterpret_cast<uintptr_t>(list.get())));
  EXPECT_EQ(F("abs", {-3}), "3");
  EXPECT_EQ(F("abs", {Float(-1.5)}), "1.5");
  EXPECT_EQ(F("abs", {"a"}), "TypeError: bad operand type for abs(): 'str'");
  EXPECT_EQ(F("abs", {}), "TypeError: abs() takes exactly one argument (0 given)");
}

TEST_F(BuiltinsTest, TypeChecks) {
  EXPECT_EQ(F("isinstance", {True(), WellKnownType(WellKnown::kInt)}), "True");
  EXPECT_EQ(F("isinstance", {1, WellKnownType(WellKnown::kStr)}), "False");
  EXPECT_EQ(F("isinstance", {1}), "TypeError: isinstance expected 2 arguments, got 1");
  EXPECT_EQ(F("isinstance", {1, 1}),
            "TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union");
  EXPECT_EQ(F("issubclass",
              {WellKnownType(WellKnown::kKeyError), WellKnownType(WellKnown::kLookupError)}),
            "True");
  EXPECT_EQ(F("issubclass", {1, WellKnownType(WellKnown::kInt)}),
            "TypeError: issubclass() arg 1 must be a class");
  EXPECT_EQ(F("callable", {WellKnownType(WellKnown::kInt)}), "True");
  EXPECT_EQ(F("callable", {B("len")}), "True");
  EXPECT_EQ(F("callable", {1}), "False");
  EXPECT_EQ(F("callable", {}), "TypeError: callable() takes exactly one argument (0 given)");
}

TEST_F(BuiltinsTest, Attributes) {
  Ref<HeapType> cls = NewClass("C", WellKnownType(WellKnown::kObject));
  Ref<Object> c = CallWith(cls.get(), {});
  EXPECT_EQ(F("setattr", {c, "x", 5}), "None");
  EXPECT_EQ(F("getattr", {c, "x"}), "5");
  EXPECT_EQ(F("hasattr", {c, "x"}), "True");
  EXPECT_EQ(F("delattr", {c, "x"}), "None");
  EXPECT_EQ(F("hasattr", {c, "x"}), "False");
  EXPECT_EQ(F("getattr", {c, "x", 9}), "9");
  EXPECT_EQ(F("getattr", {1, "foo"}), "AttributeError: 'int' object has no attribute 'foo'");
  EXPECT_EQ(F("getattr", {1}), "TypeError: getattr expected at least 2 arguments, got 1");
  EXPECT_EQ(F("getattr", {1, 2, 3, 4}), "TypeError: getattr expected at most 3 arguments, got 4");
  EXPECT_EQ(F("getattr", {1, 2}), "TypeError: attribute name must be string, not 'int'");
  EXPECT_EQ(F("hasattr", {1, 2}), "TypeError: attribute name must be string, not 'int'");
  EXPECT_EQ(F("setattr", {1, "x"}), "TypeError: setattr expected 3 arguments, got 2");
  EXPECT_EQ(F("setattr", {1, "x", 2}),
            "AttributeError: 'int' object has no attribute 'x' and no __dict__ for setting new "
            "attributes");
  EXPECT_EQ(F("delattr", {1}), "TypeError: delattr expected 2 arguments, got 1");
  // A getattr default replaces only AttributeError.
  EXPECT_EQ(F("getattr", {module_, "nope", 0}), "0");
}

TEST_F(BuiltinsTest, IterAndNext) {
  Ref<Object> it = CallWith(B("iter").get(), {IntList({1})});
  ASSERT_TRUE(it) << Error();
  EXPECT_EQ(TypeName(it->type()), "list_iterator");
  EXPECT_EQ(F("next", {it}), "1");
  EXPECT_EQ(F("next", {it, "done"}), "'done'");
  EXPECT_EQ(F("next", {it}), "StopIteration");
  EXPECT_EQ(F("next", {IntList({})}), "TypeError: 'list' object is not an iterator");
  EXPECT_EQ(F("next", {}), "TypeError: next expected at least 1 argument, got 0");
  EXPECT_EQ(F("iter", {1}), "TypeError: 'int' object is not iterable");
  EXPECT_EQ(F("iter", {}), "TypeError: iter expected at least 1 argument, got 0");
  EXPECT_EQ(F("iter", {1, 2}), "TypeError: iter(v, w): v must be callable");
}

TEST_F(BuiltinsTest, NextRaisesStopIterationWithoutArgs) {
  Ref<Object> it = CallWith(B("iter").get(), {IntList({})});
  EXPECT_FALSE(CallWith(B("next").get(), {it}));
  Ref<Object> raised = TakeException();
  ASSERT_TRUE(raised);
  EXPECT_EQ(raised->type(), WellKnownType(WellKnown::kStopIteration));
  EXPECT_EQ(Show(GetAttr(raised.get(), "args")), "()");
}

TEST_F(BuiltinsTest, Sorted) {
  EXPECT_EQ(F("sorted", {IntList({3, 1, 2})}), "[1, 2, 3]");
  EXPECT_EQ(F("sorted", {IntList({3, 1, 2})}, {{"reverse", True()}}), "[3, 2, 1]");
  EXPECT_EQ(F("sorted", {"bca"}), "['a', 'b', 'c']");
  EXPECT_EQ(F("sorted", {IntList({-3, 1, 2})}, {{"key", B("abs")}}), "[1, 2, -3]");
  EXPECT_EQ(F("sorted", {}), "TypeError: sorted expected 1 argument, got 0");
  EXPECT_EQ(F("sorted", {IntList({}), 1}), "TypeError: sorted expected 1 argument, got 2");
  EXPECT_EQ(F("sorted", {1}), "TypeError: 'int' object is not iterable");
  EXPECT_EQ(F("sorted", {IntList({})}, {{"cmp", 1}}),
            "TypeError: sort() got an unexpected keyword argument 'cmp'");
  Ref<Object> mixed = CallWith(WellKnownType(WellKnown::kList), {"a"});
  ASSERT_TRUE(CallAttr(mixed.get(), "append", {1}));
  EXPECT_EQ(F("sorted", {mixed}),
            "TypeError: '<' not supported between instances of 'int' and 'str'");
  // The argument is not changed.
  Ref<Object> list = IntList({2, 1});
  EXPECT_EQ(F("sorted", {list}), "[1, 2]");
  EXPECT_EQ(Show(list), "[2, 1]");
}

TEST_F(BuiltinsTest, MinMax) {
  EXPECT_EQ(F("min", {4, 2, 8}), "2");
  EXPECT_EQ(F("max", {IntList({4, 2, 8})}), "8");
  EXPECT_EQ(F("max", {IntList({1, -3, 2})}, {{"key", B("abs")}}), "-3");
  // The first of equal extremes.
  EXPECT_EQ(F("max", {IntList({1, -1})}, {{"key", B("abs")}}), "1");
  EXPECT_EQ(F("min", {IntList({1, -1})}, {{"key", B("abs")}}), "1");
  EXPECT_EQ(F("max", {IntList({})}, {{"default", 3}}), "3");
  EXPECT_EQ(F("max", {IntList({})}), "ValueError: max() iterable argument is empty");
  EXPECT_EQ(F("min", {IntList({})}), "ValueError: min() iterable argument is empty");
  EXPECT_EQ(F("min", {}), "TypeError: min expected at least 1 argument, got 0");
  EXPECT_EQ(F("min", {1}), "TypeError: 'int' object is not iterable");
  EXPECT_EQ(F("max", {1, 2}, {{"default", 3}}),
            "TypeError: Cannot specify a default for max() with multiple positional arguments");
  EXPECT_EQ(F("max", {1, 2}, {{"x", 3}}),
            "TypeError: max() got an unexpected keyword argument 'x'");
  EXPECT_EQ(F("max", {1, "a"}),
            "TypeError: '>' not supported between instances of 'str' and 'int'");
}

TEST_F(BuiltinsTest, Sum) {
  EXPECT_EQ(F("sum", {CallWith(WellKnownType(WellKnown::kRange), {101})}), "5050");
  EXPECT_EQ(F("sum", {IntList({1, 2})}, {{"start", 10}}), "13");
  EXPECT_EQ(F("sum", {IntList({})}), "0");
  // Floats are added with compensation, as CPython 3.12+: sum([0.1] * 10) == 1.0.
  Ref<Object> tenths = NewList({});
  for (int i = 0; i < 10; ++i) ListItems(tenths.get()).push_back(Float(0.1));
  EXPECT_EQ(F("sum", {tenths}), "1.0");
  EXPECT_EQ(F("sum", {tenths, 1}), "2.0");
  EXPECT_EQ(F("sum", {IntList({1, 2}), Float(0.5)}), "3.5");
  Ref<Object> lists = NewList({IntList({1}), IntList({2})});
  EXPECT_EQ(F("sum", {lists, IntList({})}), "[1, 2]");
  EXPECT_EQ(F("sum", {IntList({}), "a"}),
            "TypeError: sum() can't sum strings [use ''.join(seq) instead]");
  EXPECT_EQ(F("sum", {IntList({}), NewBytes("a")}),
            "TypeError: sum() can't sum bytes [use b''.join(seq) instead]");
  EXPECT_EQ(F("sum", {}), "TypeError: sum() takes at least 1 positional argument (0 given)");
  EXPECT_EQ(F("sum", {1}), "TypeError: 'int' object is not iterable");
  EXPECT_EQ(F("sum", {"ab"}), "TypeError: unsupported operand type(s) for +: 'int' and 'str'");
}

TEST_F(BuiltinsTest, AnyAll) {
  EXPECT_EQ(F("any", {IntList({0, 0, 1})}), "True");
  EXPECT_EQ(F("any", {IntList({})}), "False");
  EXPECT_EQ(F("all", {IntList({1, 0})}), "False");
  EXPECT_EQ(F("all", {IntList({})}), "True");
  EXPECT_EQ(F("any", {1}), "TypeError: 'int' object is not iterable");
  EXPECT_EQ(F("all", {}), "TypeError: all() takes exactly one argument (0 given)");
}

TEST_F(BuiltinsTest, Characters) {
  EXPECT_EQ(F("chr", {97}), "'a'");
  EXPECT_EQ(F("chr", {0x1f600}), "'\xf0\x9f\x98\x80'");
  EXPECT_EQ(F("chr", {-1}), "ValueError: chr() arg not in range(0x110000)");
  EXPECT_EQ(F("chr", {0x110000}), "ValueError: chr() arg not in range(0x110000)");
  EXPECT_EQ(F("chr", {"a"}), "TypeError: 'str' object cannot be interpreted as an integer");
  EXPECT_EQ(F("chr", {}), "TypeError: chr() takes exactly one argument (0 given)");
  EXPECT_EQ(F("ord", {"a"}), "97");
  EXPECT_EQ(F("ord", {"\xc3\xa9"}), "233");
  EXPECT_EQ(F("ord", {"ab"}),
            "TypeError: ord() expected a character, but string of length 2 found");
  EXPECT_EQ(F("ord", {""}), "TypeError: ord() expected a character, but string of length 0 found");
  EXPECT_EQ(F("ord", {1}), "TypeError: ord() expected string of length 1, but int found");
}

TEST_F(BuiltinsTest, IntegerBases) {
  EXPECT_EQ(F("hex", {255}), "'0xff'");
  EXPECT_EQ(F("hex", {-255}), "'-0xff'");
  EXPECT_EQ(F("hex", {0}), "'0x0'");
  EXPECT_EQ(F("oct", {8}), "'0o10'");
  EXPECT_EQ(F("bin", {-5}), "'-0b101'");
  EXPECT_EQ(F("bin", {True()}), "'0b1'");
  EXPECT_EQ(F("hex", {PowerOfTwo(70)}), "'0x400000000000000000'");
  EXPECT_EQ(F("hex", {Float(1.5)}),
            "TypeError: 'float' object cannot be interpreted as an integer");
}

TEST_F(BuiltinsTest, Round) {
  EXPECT_EQ(F("round", {Float(2.5)}), "2");
  EXPECT_EQ(F("round", {Float(3.5)}), "4");
  EXPECT_EQ(F("round", {Float(2.675), 2}), "2.67");
  EXPECT_EQ(F("round", {1250, -2}), "1200");
  EXPECT_EQ(F("round", {1350, -2}), "1400");
  EXPECT_EQ(F("round", {7, None()}), "7");
  EXPECT_EQ(F("round", {}, {{"number", Float(0.5)}}), "0");
  EXPECT_EQ(F("round", {}), "TypeError: round() missing required argument 'number' (pos 1)");
  EXPECT_EQ(F("round", {"a"}), "TypeError: type str doesn't define __round__ method");
}

TEST_F(BuiltinsTest, Divmod) {
  EXPECT_EQ(F("divmod", {7, 2}), "(3, 1)");
  EXPECT_EQ(F("divmod", {-7, 2}), "(-4, 1)");
  EXPECT_EQ(F("divmod", {Float(-7.5), 2}), "(-4.0, 0.5)");
  EXPECT_EQ(F("divmod", {Float(7.5), -2}), "(-4.0, -0.5)");
  // CPython 3.14's message (3.13 said "integer division or modulo by zero").
  EXPECT_EQ(F("divmod", {1, 0}), "ZeroDivisionError: division by zero");
  EXPECT_EQ(F("divmod", {"a", 2}),
            "TypeError: unsupported operand type(s) for divmod(): 'str' and 'int'");
  EXPECT_EQ(F("divmod", {7}), "TypeError: divmod expected 2 arguments, got 1");
}

TEST_F(BuiltinsTest, Pow) {
  EXPECT_EQ(F("pow", {2, 10}), "1024");
  EXPECT_EQ(F("pow", {2, -1}), "0.5");
  EXPECT_EQ(F("pow", {2, 10, 7}), "2");
  EXPECT_EQ(F("pow", {2, -1, 7}), "4");
  EXPECT_EQ(F("pow", {3, 2, -7}), "-5");
  EXPECT_EQ(F("pow", {}, {{"base", 2}, {"exp", 3}}), "8");
  EXPECT_EQ(F("pow", {2, -1, 4}), "ValueError: base is not invertible for the given modulus");
  EXPECT_EQ(F("pow", {2, 3, 0}), "ValueError: pow() 3rd argument cannot be 0");
  EXPECT_EQ(F("pow", {Float(2.0), 3, 5}),
            "TypeError: pow() 3rd argument not allowed unless all arguments are integers");
  EXPECT_EQ(F("pow", {2}), "TypeError: pow() missing required argument 'exp' (pos 2)");
}

TEST_F(BuiltinsTest, Format) {
  EXPECT_EQ(F("format", {Float(1.5)}), "'1.5'");
  EXPECT_EQ(F("format", {"ab", ">4"}), "'  ab'");
  EXPECT_EQ(F("format", {Float(1.5), 1}), "TypeError: format() argument 2 must be str, not int");
  Ref<Object> object = CallWith(WellKnownType(WellKnown::kObject), {});
  EXPECT_EQ(F("format", {object, "x"}),
            "TypeError: unsupported format string passed to object.__format__");
  EXPECT_EQ(F("format", {Float(3.14159), ".2f"}), "'3.14'");
  EXPECT_EQ(F("format", {5, ">3"}), "'  5'");
  EXPECT_EQ(F("format", {PowerOfTwo(70), ","}), "'1,180,591,620,717,411,303,424'");
  EXPECT_EQ(F("format", {"abc", "!>10"}), "'!!!!!!!abc'");
  EXPECT_EQ(F("format", {5, "q"}), "ValueError: Unknown format code 'q' for object of type 'int'");
  EXPECT_EQ(F("format", {Float(1e16)}), "'1e+16'");
}

}  // namespace
}  // namespace islet
