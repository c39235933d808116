// Tests of `str` and its iterators through the object protocol: reprs, hashing,
// comparison, indexing and slicing by code point, the operators, construction,
// every method, formatting, subclasses, and CPython 3.14's exact messages.
//
// Results are shown with TextTest's Show() (tests/testing/object_test_support.h),
// which spells strs, bytes, ints, lists, tuples and bools itself, so the checks
// do not depend on other types' reprs.

#include "objects/str.h"

#include <initializer_list>
#include <string>
#include <string_view>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "interp/heap_type.h"
#include "interp/interpreter.h"
#include "objects/bytes.h"
#include "objects/errors.h"
#include "objects/immortals.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/slice.h"
#include "objects/tuple.h"
#include "objects/well_known.h"
#include "tests/testing/object_test_support.h"

namespace islet {
namespace {

using namespace std::string_view_literals;

class StrTest : public testing::TextTest {
 protected:
  static TypeObject* StrType() { return WellKnownType(WellKnown::kStr); }

  // repr(str(*args, **kwargs)).
  static std::string New(std::initializer_list<Arg> args, Kwargs kwargs = {}) {
    return Show(CallWith(StrType(), args, kwargs));
  }

  static Ref<Object> Bytes(std::string_view data) { return NewBytes(data); }
};

// ---------------------------------------------------------------------------
// repr, str, hash
// ---------------------------------------------------------------------------

TEST_F(StrTest, ReprMatchesTheOracle) {
  // basics.py: print(repr("quote's"), ...) prints "quote's".
  EXPECT_EQ(Show(NewStr("quote's")), "\"quote's\"");
  EXPECT_EQ(*ReprText(NewStr("quote's").get()), "\"quote's\"");
  EXPECT_EQ(Show(NewStr("plain")), "'plain'");
  EXPECT_EQ(Show(NewStr("")), "''");
  EXPECT_EQ(Show(NewStr("a\"b")), "'a\"b'");
  EXPECT_EQ(Show(NewStr("a\"b'")), "'a\"b\\''");
  EXPECT_EQ(Show(NewStr("tab\tnl\ncr\rbs\\")), "'tab\\tnl\\ncr\\rbs\\\\'");
}

TEST_F(StrTest, ReprEscapesNonPrintableCodePoints) {
  // repr("\x00\x7f\x80\x9f\xa0\xad\xff\u0100\u2028\ufeff\U0001f600\U000e0001\ue000\U00010000\u0378")
  Ref<Object> text = NewStr(
      "\x00\x7f\xc2\x80\xc2\x9f\xc2\xa0\xc2\xad\xc3\xbf\xc4\x80\xe2\x80\xa8\xef\xbb\xbf"
      "\xf0\x9f\x98\x80\xf3\xa0\x80\x81\xee\x80\x80\xf0\x90\x80\x80\xcd\xb8"sv);
  EXPECT_EQ(Show(text),
            "'\\x00\\x7f\\x80\\x9f\\xa0\\xad\xc3\xbf\xc4\x80\\u2028\\ufeff\xf0\x9f\x98\x80"
            "\\U000e0001\\ue000\xf0\x90\x80\x80\\u0378'");
  EXPECT_EQ(Show(NewStr("\x1b[0m")), "'\\x1b[0m'");
}

TEST_F(StrTest, StrOfAnExactStrIsItselfAndOfASubclassAnExactCopy) {
  Ref<Object> text = NewStr("same");
  Ref<Object> str = Str(text.get());
  EXPECT_EQ(str.get(), text.get());
  Ref<HeapType> sub = *HeapType::Create(*Interpreter::Current(), "MyStr", {{StrType()}});
  Ref<Object> instance = CallWith(sub.get(), {"sub"});
  ASSERT_TRUE(instance) << Error();
  Ref<Object> copy = Str(instance.get());
  EXPECT_EQ(copy->type(), StrType());
  EXPECT_EQ(StrView(copy.get()), "sub");
}

TEST_F(StrTest, HashIsStableNeverMinusOneAndZeroForTheEmptyStr) {
  EXPECT_EQ(Hash(NewStr("").get()), 0);
  EXPECT_EQ(Hash(EmptyStr()), 0);
  Ref<Object> a = NewStr("hello");
  Ref<Object> b = NewStr("hello");
  EXPECT_NE(a.get(), b.get());
  EXPECT_EQ(Hash(a.get()), Hash(b.get()));
  EXPECT_NE(Hash(a.get()), Hash(NewStr("hellp").get()));
  EXPECT_NE(Hash(a.get()), -1);
  // Cached in the (mortal) object.
  EXPECT_EQ(static_cast<StrObject*>(a.get())->cached_hash, Hash(a.get()));
  // As in CPython for ASCII, a str hashes like the bytes of its text.
  EXPECT_EQ(Hash(a.get()), Hash(Bytes("hello").get()));
}

TEST_F(StrTest, TheImmortalEmptyStrIsNeverWritten) {
  const int64_t before = EmptyStr()->cached_hash;
  EXPECT_EQ(before, 0);
  EXPECT_EQ(Hash(EmptyStr()), 0);
  EXPECT_EQ(EmptyStr()->cached_hash, before);
  EXPECT_EQ(NewStr("").get(), EmptyStr());
  EXPECT_EQ(New({}), "''");
  EXPECT_EQ(CallWith(StrType(), {}).get(), EmptyStr());
}

// ---------------------------------------------------------------------------
// Comparison, length, indexing, slicing, membership
// ---------------------------------------------------------------------------

TEST_F(StrTest, ComparesByCodePoint) {
  EXPECT_EQ(Compare("a", CompareOp::kLt, "b"), 1);  // basics.py: "a" < "b"
  EXPECT_EQ(Compare("abc", CompareOp::kEq, "abc"), 1);
  EXPECT_EQ(Compare("abc", CompareOp::kNe, "abd"), 1);
  EXPECT_EQ(Compare("ab", CompareOp::kLt, "abc"), 1);
  EXPECT_EQ(Compare("b", CompareOp::kGe, "abc"), 1);
  EXPECT_EQ(Compare("\xc3\xa9", CompareOp::kGt, "z"), 1);                     // 'é' > 'z'
  EXPECT_EQ(Compare("\xef\xbf\xbf", CompareOp::kLt, "\xf0\x90\x80\x80"), 1);  // U+FFFF < U+10000
  EXPECT_EQ(Compare("None", CompareOp::kEq, None()), 0);
  EXPECT_EQ(Compare("a", CompareOp::kLt, None()), -1);
  EXPECT_EQ(Error(), "TypeError: '<' not supported between instances of 'str' and 'NoneType'");
  EXPECT_EQ(Compare(Bytes("a"), CompareOp::kGe, "a"), -1);
  EXPECT_EQ(Error(), "TypeError: '>=' not supported between instances of 'bytes' and 'str'");
}

TEST_F(StrTest, LengthCountsCodePoints) {
  EXPECT_EQ(Length(NewStr("").get()), 0);
  EXPECT_EQ(Length(NewStr("Hello, World").get()), 12);
  EXPECT_EQ(Length(NewStr("h\xc3\xa9llo \xf0\x9f\x98\x80").get()), 7);
  EXPECT_EQ(IsTrue(NewStr("").get()), 0);
  EXPECT_EQ(IsTrue(NewStr("x").get()), 1);  // basics.py: bool("x")
}

TEST_F(StrTest, IndexingByCodePoint) {
  // basics.py: s[0], s[-1]
  EXPECT_EQ(Item("Hello, World", 0), "'H'");
  EXPECT_EQ(Item("Hello, World", -1), "'d'");
  EXPECT_EQ(Item("h\xc3\xa9llo", 1), "'\xc3\xa9'");
  EXPECT_EQ(Item("h\xc3\xa9llo", -4), "'\xc3\xa9'");
  EXPECT_EQ(Item("\xf0\x9f\x98\x80x", 1), "'x'");
  EXPECT_EQ(Item("a", 5), "IndexError: string index out of range");
  EXPECT_EQ(Item("a", -2), "IndexError: string index out of range");
  EXPECT_EQ(Item("", 0), "IndexError: string index out of range");
  EXPECT_EQ(Item("a", "x"), "TypeError: string indices must be integers, not 'str'");
  EXPECT_EQ(Item("a", None()), "TypeError: string indices must be integers, not 'NoneType'");
  EXPECT_EQ(Item("a", PowerOfTwo(70)), "IndexError: cannot fit 'int' into an index-sized integer");
  EXPECT_EQ(Item("ab", True()), "'b'");
}

TEST_F(StrTest, Slicing) {
  // basics.py: s[1:5], s[::2]
  EXPECT_EQ(Item("Hello, World", Slice(1, 5, None())), "'ello'");
  EXPECT_EQ(Item("Hello, World", Slice(None(), None(), 2)), "'Hlo ol'");
  EXPECT_EQ(Item("abcdef", Slice(None(), None(), -1)), "'fedcba'");
  EXPECT_EQ(Item("abcdef", Slice(-2, None(), None())), "'ef'");
  EXPECT_EQ(Item("abcdef", Slice(5, 1, -2)), "'fd'");
  EXPECT_EQ(Item("abcdef", Slice(10, 20, None())), "''");
  EXPECT_EQ(Item("h\xc3\xa9l\xe2\x82\xacx", Slice(1, 4, None())), "'\xc3\xa9l\xe2\x82\xac'");
  EXPECT_EQ(Item("h\xc3\xa9l\xe2\x82\xacx", Slice(None(), None(), -2)), "'xlh'");
  EXPECT_EQ(Item("\xc3\xa9\xc3\xa0\xc3\xa8", Slice(None(), None(), -1)),
            "'\xc3\xa8\xc3\xa0\xc3\xa9'");
  EXPECT_EQ(Item("abc", Slice(None(), None(), 0)), "ValueError: slice step cannot be zero");
  EXPECT_EQ(Item("abc", Slice("x", None(), None())),
            "TypeError: slice indices must be integers or None or have an __index__ method");
  // The whole of an exact str is the str itself.
  Ref<Object> text = NewStr("whole");
  Ref<Object> slice = Slice(None(), None(), None());
  EXPECT_EQ(GetItem(text.get(), slice.get()).get(), text.get());
}

TEST_F(StrTest, ContainsSubstrings) {
  EXPECT_EQ(Has("hello", "ell"), 1);  // basics.py: "ell" in "hello"
  EXPECT_EQ(Has("hello", ""), 1);
  EXPECT_EQ(Has("hello", "elo"), 0);
  EXPECT_EQ(Has("h\xc3\xa9llo", "\xc3\xa9l"), 1);
  EXPECT_EQ(Has("a", 1), -1);
  EXPECT_EQ(Error(), "TypeError: 'in <string>' requires string as left operand, not int");
}

// ---------------------------------------------------------------------------
// Operators
// ---------------------------------------------------------------------------

TEST_F(StrTest, AddConcatenates) {
  EXPECT_EQ(Op("ab", BinaryOp::kAdd, "cd"), "'abcd'");
  EXPECT_EQ(Op("", BinaryOp::kAdd, "\xc3\xa9"), "'\xc3\xa9'");
  // errors.py: "a" + 1
  EXPECT_EQ(Op("a", BinaryOp::kAdd, 1), "TypeError: can only concatenate str (not \"int\") to str");
  EXPECT_EQ(Op("a", BinaryOp::kAdd, Bytes("b")),
            "TypeError: can only concatenate str (not \"bytes\") to str");
  EXPECT_EQ(Op(None(), BinaryOp::kAdd, "a"),
            "TypeError: unsupported operand type(s) for +: 'NoneType' and 'str'");
  Ref<Object> text = NewStr("kept");
  Ref<Object> empty = NewStr("");
  EXPECT_EQ(BinaryOperation(text.get(), empty.get(), BinaryOp::kAdd).get(), text.get());
}

TEST_F(StrTest, MultiplyRepeatsInBothOrders) {
  EXPECT_EQ(Op("ab", BinaryOp::kMultiply, 3), "'ababab'");
  EXPECT_EQ(Op("ab", BinaryOp::kMultiply, 0), "''");
  EXPECT_EQ(Op("ab", BinaryOp::kMultiply, -2), "''");
  EXPECT_EQ(Op("\xc3\xa9", BinaryOp::kMultiply, 2), "'\xc3\xa9\xc3\xa9'");
  EXPECT_EQ(Op("ab", BinaryOp::kMultiply, True()), "'ab'");
  // 3 * "ab": the str slot takes the count from either side.
  Ref<Object> three = NewInt(3);
  Ref<Object> ab = NewStr("ab");
  EXPECT_EQ(Show(StrType()->slots().multiply(three.get(), ab.get())), "'ababab'");
  EXPECT_EQ(Op(3, BinaryOp::kMultiply, "ab"), "'ababab'");
  EXPECT_EQ(Op("a", BinaryOp::kMultiply, "b"),
            "TypeError: can't multiply sequence by non-int of type 'str'");
  EXPECT_EQ(Op(None(), BinaryOp::kMultiply, "b"),
            "TypeError: can't multiply sequence by non-int of type 'NoneType'");
  EXPECT_EQ(Op("a", BinaryOp::kMultiply, PowerOfTwo(70)),
            "OverflowError: cannot fit 'int' into an index-sized integer");
  EXPECT_EQ(Op("ab", BinaryOp::kMultiply, PowerOfTwo(62)),
            "OverflowError: repeated string is too long");
  EXPECT_EQ(Op("a", BinaryOp::kSubtract, "b"),
            "TypeError: unsupported operand type(s) for -: 'str' and 'str'");
}

// ---------------------------------------------------------------------------
// Iteration
// ---------------------------------------------------------------------------

TEST_F(StrTest, AsciiTextIteratesWithStrAsciiIterator) {
  Ref<Object> iterator = GetIter(NewStr("ab").get());
  ASSERT_TRUE(iterator) << Error();
  EXPECT_EQ(TypeName(iterator->type()), "str_ascii_iterator");
  EXPECT_EQ(M(iterator.get(), "__length_hint__"), "2");
  EXPECT_EQ(Show(IterNext(iterator.get())), "'a'");
  EXPECT_EQ(M(iterator.get(), "__length_hint__"), "1");
  EXPECT_EQ(Show(IterNext(iterator.get())), "'b'");
  EXPECT_FALSE(IterNext(iterator.get()));
  EXPECT_FALSE(ExceptionPending());
  EXPECT_FALSE(IterNext(iterator.get()));
  EXPECT_EQ(M(iterator.get(), "__length_hint__"), "0");
  EXPECT_EQ(GetIter(iterator.get()).get(), iterator.get());
  EXPECT_EQ(TypeName(GetIter(NewStr("").get())->type()), "str_ascii_iterator");
}

TEST_F(StrTest, NonAsciiTextIteratesWithStrIterator) {
  Ref<Object> iterator = GetIter(NewStr("a\xc3\xa9\xf0\x9f\x98\x80").get());
  ASSERT_TRUE(iterator) << Error();
  EXPECT_EQ(TypeName(iterator->type()), "str_iterator");
  EXPECT_EQ(M(iterator.get(), "__length_hint__"), "3");
  EXPECT_EQ(Show(IterNext(iterator.get())), "'a'");
  EXPECT_EQ(Show(IterNext(iterator.get())), "'\xc3\xa9'");
  EXPECT_EQ(Show(IterNext(iterator.get())), "'\xf0\x9f\x98\x80'");
  EXPECT_FALSE(IterNext(iterator.get()));
  EXPECT_FALSE(ExceptionPending());
  EXPECT_EQ(M(iterator.get(), "__length_hint__"), "0");
  EXPECT_EQ(Show(CallWith(iterator->type(), {})),
            "TypeError: cannot create 'str_iterator' instances");
}

// ---------------------------------------------------------------------------
// Construction
// ---------------------------------------------------------------------------

TEST_F(StrTest, Constructor) {
  EXPECT_EQ(New({}), "''");
  EXPECT_EQ(New({"x"}), "'x'");
  EXPECT_EQ(New({None()}), "'None'");
  EXPECT_EQ(New({Bytes("abc")}), "\"b'abc'\"");
  EXPECT_EQ(New({Bytes("\xc3\xa9"), "utf-8"}), "'\xc3\xa9'");
  EXPECT_EQ(New({Bytes("\xe9"), "latin-1"}), "'\xc3\xa9'");
  EXPECT_EQ(New({Bytes("abc")}, {{"encoding", "ascii"}}), "'abc'");
  EXPECT_EQ(New({Bytes("a")}, {{"errors", "strict"}}), "'a'");
  EXPECT_EQ(New({}, {{"encoding", "utf-8"}}), "''");
  EXPECT_EQ(New({}, {{"object", "kw"}}), "'kw'");
  EXPECT_EQ(New({Bytes("\xff"), "utf-8"}),
            "ValueError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
  EXPECT_EQ(New({Bytes("a\xff"), "utf-8", "replace"}), "'a\xef\xbf\xbd'");
  EXPECT_EQ(New({"a", "utf-8"}), "TypeError: decoding str is not supported");
  EXPECT_EQ(New({1, "utf-8"}), "TypeError: decoding to str: need a bytes-like object, int found");
  EXPECT_EQ(New({Bytes("a"), 1}), "TypeError: str() argument 'encoding' must be str, not int");
  EXPECT_EQ(New({Bytes("a"), "utf-8", 1}),
            "TypeError: str() argument 'errors' must be str, not int");
  EXPECT_EQ(New({Bytes("a"), "nope"}), "LookupError: unknown encoding: nope");
  EXPECT_EQ(New({1, 2, 3, 4}), "TypeError: str expected at most 3 arguments, got 4");
  EXPECT_EQ(New({}, {{"x", 1}}), "TypeError: 'x' is an invalid keyword argument for str()");
  EXPECT_EQ(New({"a"}, {{"object", "b"}}),
            "TypeError: argument for str() given by name ('object') and position (1)");
}

TEST_F(StrTest, DecodingErrorsGiveCPythonsMessages) {
  auto decode = [&](std::string_view data, const char* errors = "strict") {
    return New({Bytes(data), "utf-8", errors});
  };
  const std::string prefix = "ValueError: 'utf-8' codec can't decode ";
  EXPECT_EQ(decode("a\xe4\xbd"), prefix + "bytes in position 1-2: unexpected end of data");
  EXPECT_EQ(decode("\xe4\x41"), prefix + "byte 0xe4 in position 0: invalid continuation byte");
  EXPECT_EQ(decode("\xe4\xbd\x41"), prefix + "bytes in position 0-1: invalid continuation byte");
  EXPECT_EQ(decode("\xed\xa0\x80"), prefix + "byte 0xed in position 0: invalid continuation byte");
  EXPECT_EQ(decode("\xf4\x90\x80\x80"),
            prefix + "byte 0xf4 in position 0: invalid continuation byte");
  EXPECT_EQ(decode("\xc0\x80"), prefix + "byte 0xc0 in position 0: invalid start byte");
  EXPECT_EQ(decode("\xf0\x9f\x98x"), prefix + "bytes in position 0-2: invalid continuation byte");
  EXPECT_EQ(decode("\xed\xa0\x80", "replace"), "'\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd'");
  EXPECT_EQ(decode("a\xff"
                   "b\xe4\xbd",
                   "ignore"),
            "'ab'");
  EXPECT_EQ(decode("\xf0\x9f\x98x", "replace"), "'\xef\xbf\xbdx'");
  EXPECT_EQ(decode("a\xff", "backslashreplace"), "'a\\\\xff'");
  EXPECT_EQ(decode("\xff", "bogus"), "LookupError: unknown error handler name 'bogus'");
  EXPECT_EQ(decode("ok", "bogus"), "'ok'");
  EXPECT_EQ(New({Bytes("\xff"), "ascii"}),
            "ValueError: 'ascii' codec can't decode byte 0xff in position 0: ordinal not in "
            "range(128)");
}

// ---------------------------------------------------------------------------
// Methods
// ---------------------------------------------------------------------------

TEST_F(StrTest, Join) {
  // basics.py: "-".join(["a", "b", "c"])
  Ref<Object> items = NewList({NewStr("a"), NewStr("b"), NewStr("c")});
  EXPECT_EQ(M("-", "join", {items}), "'a-b-c'");
  EXPECT_EQ(M(", ", "join", {NewTuple({NewStr("x"), NewStr("\xc3\xa9")})}), "'x, \xc3\xa9'");
  EXPECT_EQ(M("-", "join", {NewList()}), "''");
  EXPECT_EQ(M("-", "join", {"abc"}), "'a-b-c'");  // any iterable of strs
  Ref<Object> only = NewStr("only");
  EXPECT_EQ(CallMethod(NewStr("-").get(), "join", {NewList({only}).get()}).get(), only.get());
  EXPECT_EQ(M("", "join", {NewList({NewStr("a"), NewInt(1)})}),
            "TypeError: sequence item 1: expected str instance, int found");
  EXPECT_EQ(M("", "join", {5}), "TypeError: can only join an iterable");
  EXPECT_EQ(M("", "join"), "TypeError: str.join() takes exactly one argument (0 given)");
}

TEST_F(StrTest, Split) {
  // basics.py: s.split(", ")
  EXPECT_EQ(M("Hello, World", "split", {", "}), "['Hello', 'World']");
  EXPECT_EQ(M("  a b\t\n c  ", "split"), "['a', 'b', 'c']");
  EXPECT_EQ(M("a\xe2\x80\x83"
              "b\xc2\x85"
              "c",
              "split"),
            "['a', 'b', 'c']");  // Unicode spaces
  EXPECT_EQ(M("  a b  c  ", "split", {None(), 1}), "['a', 'b  c  ']");
  EXPECT_EQ(M("", "split"), "[]");
  EXPECT_EQ(M("   ", "split"), "[]");
  EXPECT_EQ(M("a,b,,c", "split", {","}), "['a', 'b', '', 'c']");
  EXPECT_EQ(M("a,b,c", "split", {","}, {{"maxsplit", 1}}), "['a', 'b,c']");
  EXPECT_EQ(M("a,b,c", "split", {}, {{"sep", ","}, {"maxsplit", 0}}), "['a,b,c']");
  EXPECT_EQ(M("", "split", {","}), "['']");
  EXPECT_EQ(M("a", "split", {""}), "ValueError: empty separator");
  EXPECT_EQ(M("a", "split", {1}), "TypeError: must be str or None, not int");
  EXPECT_EQ(M("a", "split", {",", "x"}),
            "TypeError: 'str' object cannot be interpreted as an integer");
  EXPECT_EQ(M("a", "split", {1, 2, 3}), "TypeError: split() takes at most 2 arguments (3 given)");
  EXPECT_EQ(M("a", "split", {}, {{"x", 1}}),
            "TypeError: 'x' is an invalid keyword argument for split()");
  EXPECT_EQ(M("a", "split", {"a"}, {{"sep", "b"}}),
            "TypeError: argument for split() given by name ('sep') and position (1)");
  Ref<Object> whole = NewStr("nosep");
  Ref<Object> parts = CallMethod(whole.get(), "split", {NewStr(",").get()});
  EXPECT_EQ(ListItems(parts.get())[0].get(), whole.get());
}

TEST_F(StrTest, RSplit) {
  EXPECT_EQ(M("  a b  c  ", "rsplit", {None(), 1}), "['  a b', 'c']");
  EXPECT_EQ(M("a b c", "rsplit"), "['a', 'b', 'c']");
  EXPECT_EQ(M("a,b,c", "rsplit", {",", 1}), "['a,b', 'c']");
  EXPECT_EQ(M(",a,", "rsplit", {","}), "['', 'a', '']");
  EXPECT_EQ(M("aaa", "rsplit", {"aa"}), "['a', '']");
  EXPECT_EQ(M("aaa", "split", {"aa"}), "['', 'a']");
  EXPECT_EQ(M("a", "rsplit", {""}), "ValueError: empty separator");
}

TEST_F(StrTest, SplitLines) {
  EXPECT_EQ(M("a\xe2\x80\xa8"
              "b\x1c"
              "c\r\nd\re\xc2\x85",
              "splitlines"),
            "['a', 'b', 'c', 'd', 'e']");
  EXPECT_EQ(M("a\nb\n", "splitlines", {True()}), "['a\\n', 'b\\n']");
  EXPECT_EQ(M("a\r\nb", "splitlines", {}, {{"keepends", 1}}), "['a\\r\\n', 'b']");
  EXPECT_EQ(M("", "splitlines"), "[]");
  EXPECT_EQ(M("\n\n", "splitlines"), "['', '']");
  EXPECT_EQ(M("a", "splitlines", {1, 2}),
            "TypeError: splitlines() takes at most 1 argument (2 given)");
}

TEST_F(StrTest, Strip) {
  // basics.py: s.strip("Hd")
  EXPECT_EQ(M("Hello, World", "strip", {"Hd"}), "'ello, Worl'");
  EXPECT_EQ(M(" \t a b \n", "strip"), "'a b'");
  EXPECT_EQ(M("\xe3\x80\x80x\xc2\xa0", "strip"), "'x'");
  EXPECT_EQ(M("xxaxx", "lstrip", {"x"}), "'axx'");
  EXPECT_EQ(M("xxaxx", "rstrip", {"x"}), "'xxa'");
  EXPECT_EQ(M("\xc3\xa9"
              "a\xc3\xa9",
              "strip", {"\xc3\xa9"}),
            "'a'");
  EXPECT_EQ(M("  a  ", "strip", {None()}), "'a'");
  EXPECT_EQ(M("a", "strip", {1}), "TypeError: strip arg must be None or str");
  EXPECT_EQ(M("a", "lstrip", {1}), "TypeError: lstrip arg must be None or str");
  EXPECT_EQ(M("a", "rstrip", {1}), "TypeError: rstrip arg must be None or str");
  EXPECT_EQ(M("a", "strip", {1, 2}), "TypeError: strip expected at most 1 argument, got 2");
  EXPECT_EQ(M("a", "strip", {}, {{"chars", "a"}}), "TypeError: strip() takes no keyword arguments");
  Ref<Object> text = NewStr("clean");
  EXPECT_EQ(CallMethod(text.get(), "strip", {}).get(), text.get());
}

TEST_F(StrTest, CaseConversions) {
  // basics.py: s.upper(), s.lower()
  EXPECT_EQ(M("Hello, World", "upper"), "'HELLO, WORLD'");
  EXPECT_EQ(M("Hello, World", "lower"), "'hello, world'");
  EXPECT_EQ(M("stra\xc3\x9f"
              "e \xc3\xbf",
              "upper"),
            "'STRASSE \xc5\xb8'");  // ß, ÿ
  EXPECT_EQ(M("\xc3\x89T\xc3\x89", "lower"), "'\xc3\xa9t\xc3\xa9'");
  EXPECT_EQ(M("\xc4\xb0", "lower"), "'i\xcc\x87'");                 // İ -> i + combining dot
  EXPECT_EQ(M("\xce\x91\xce\xa3", "lower"), "'\xce\xb1\xcf\x82'");  // final sigma
  EXPECT_EQ(M("\xce\x91\xce\xa3\xce\x91", "lower"), "'\xce\xb1\xcf\x83\xce\xb1'");
  EXPECT_EQ(M("\xce\xa3", "lower"), "'\xcf\x83'");
  EXPECT_EQ(M("\xd0\x9f\xd1\x80\xd0\xb8", "upper"), "'\xd0\x9f\xd0\xa0\xd0\x98'");  // При
  EXPECT_EQ(M("hello wORLD 3rd", "title"), "'Hello World 3Rd'");
  EXPECT_EQ(M("they're bill's", "title"), "\"They'Re Bill'S\"");
  EXPECT_EQ(M("\xc3\x9f"
              "a",
              "title"),
            "'Ssa'");
  EXPECT_EQ(M("hELLO wORLD", "capitalize"), "'Hello world'");
  EXPECT_EQ(M("\xc3\x9f"
              "A",
              "capitalize"),
            "'Ssa'");
  EXPECT_EQ(M("", "capitalize"), "''");
  EXPECT_EQ(M("Hello \xc3\x9f", "swapcase"), "'hELLO SS'");
  EXPECT_EQ(M("Stra\xc3\x9f"
              "e \xc2\xb5",
              "casefold"),
            "'strasse \xce\xbc'");
  EXPECT_EQ(M("a", "upper", {1}), "TypeError: str.upper() takes no arguments (1 given)");
  EXPECT_EQ(M("a", "title", {}, {{"x", 1}}), "TypeError: str.title() takes no keyword arguments");
}

TEST_F(StrTest, StartsWithAndEndsWith) {
  // basics.py: s.startswith("He")
  EXPECT_EQ(M("Hello, World", "startswith", {"He"}), "True");
  EXPECT_EQ(M("Hello", "startswith", {"lo", 3}), "True");
  EXPECT_EQ(M("Hello", "startswith", {"He", 1}), "False");
  EXPECT_EQ(M("Hello", "startswith", {NewTuple({NewStr("x"), NewStr("H")})}), "True");
  EXPECT_EQ(M("abc", "startswith", {"", 3}), "True");
  EXPECT_EQ(M("abc", "startswith", {"", 4}), "False");
  EXPECT_EQ(M("abc", "endswith", {"bc"}), "True");
  EXPECT_EQ(M("abc", "endswith", {"c", 0, 10}), "True");
  EXPECT_EQ(M("abc", "endswith", {"b", 0, -1}), "True");
  EXPECT_EQ(M("abc", "endswith", {"", 5}), "False");
  EXPECT_EQ(M("h\xc3\xa9llo", "endswith", {"\xc3\xa9l", 0, 3}), "True");
  EXPECT_EQ(M("h\xc3\xa9llo", "startswith", {"llo", 2}), "True");
  EXPECT_EQ(M("abc", "startswith", {"a", None(), None()}), "True");
  EXPECT_EQ(M("a", "startswith", {1}),
            "TypeError: startswith first arg must be str or a tuple of str, not int");
  EXPECT_EQ(M("a", "endswith", {1}),
            "TypeError: endswith first arg must be str or a tuple of str, not int");
  EXPECT_EQ(M("a", "startswith", {NewTuple({NewInt(1)})}),
            "TypeError: tuple for startswith must only contain str, not int");
  EXPECT_EQ(M("a", "startswith", {"a", "b"}),
            "TypeError: slice indices must be integers or None or have an __index__ method");
  EXPECT_EQ(M("a", "startswith"), "TypeError: startswith expected at least 1 argument, got 0");
}

TEST_F(StrTest, FindAndIndex) {
  // basics.py: s.find("World")
  EXPECT_EQ(M("Hello, World", "find", {"World"}), "7");
  EXPECT_EQ(M("Hello, World", "find", {"xyz"}), "-1");
  EXPECT_EQ(M("abcabc", "find", {"b", 2}), "4");
  EXPECT_EQ(M("abcabc", "find", {"b", 2, 4}), "-1");
  EXPECT_EQ(M("abcabc", "rfind", {"b"}), "4");
  EXPECT_EQ(M("abcabc", "rfind", {"b", 0, -2}), "1");
  EXPECT_EQ(M("abc", "find", {""}), "0");
  EXPECT_EQ(M("abc", "rfind", {""}), "3");
  EXPECT_EQ(M("abc", "find", {"", 5}), "-1");
  EXPECT_EQ(M("h\xc3\xa9llo w\xc3\xb6rld", "find", {"w\xc3\xb6"}), "6");
  EXPECT_EQ(M("h\xc3\xa9llo w\xc3\xb6rld", "find", {"l", 4}), "9");
  EXPECT_EQ(M("h\xc3\xa9llo w\xc3\xb6rld", "rfind", {"l"}), "9");
  EXPECT_EQ(M("abc", "index", {"c"}), "2");
  EXPECT_EQ(M("abc", "index", {"d"}), "ValueError: substring not found");
  EXPECT_EQ(M("abcb", "rindex", {"b"}), "3");
  EXPECT_EQ(M("abc", "rindex", {"d"}), "ValueError: substring not found");
  EXPECT_EQ(M("a", "find"), "TypeError: find expected at least 1 argument, got 0");
  EXPECT_EQ(M("a", "find", {"a", 1, 2, 3}), "TypeError: find expected at most 3 arguments, got 4");
  EXPECT_EQ(M("a", "find", {1}), "TypeError: find() argument 1 must be str, not int");
  EXPECT_EQ(M("a", "index", {1}), "TypeError: index() argument 1 must be str, not int");
  EXPECT_EQ(M("a", "find", {"a", "b"}),
            "TypeError: slice indices must be integers or None or have an __index__ method");
  EXPECT_EQ(M("abc", "find", {"c", PowerOfTwo(70)}), "-1");
}

TEST_F(StrTest, Count) {
  EXPECT_EQ(M("hello", "count", {"l"}), "2");
  EXPECT_EQ(M("aaaa", "count", {"aa"}), "2");
  EXPECT_EQ(M("abc", "count", {""}), "4");
  EXPECT_EQ(M("abc", "count", {"", 1, 2}), "2");
  EXPECT_EQ(M("abc", "count", {"", 5}), "0");
  EXPECT_EQ(M("\xc3\xa9\xc3\xa9x\xc3\xa9", "count", {"\xc3\xa9", 1}), "2");
  EXPECT_EQ(M("a", "count", {1}), "TypeError: count() argument 1 must be str, not int");
  EXPECT_EQ(M("a", "count"), "TypeError: count expected at least 1 argument, got 0");
}

TEST_F(StrTest, Replace) {
  // basics.py: s.replace("l", "L")
  EXPECT_EQ(M("Hello, World", "replace", {"l", "L"}), "'HeLLo, WorLd'");
  EXPECT_EQ(M("aaaa", "replace", {"a", "b", 2}), "'bbaa'");
  EXPECT_EQ(M("aaaa", "replace", {"a", "b"}, {{"count", 1}}), "'baaa'");
  EXPECT_EQ(M("abc", "replace", {"", "-"}), "'-a-b-c-'");
  EXPECT_EQ(M("abc", "replace", {"", "-", 2}), "'-a-bc'");
  EXPECT_EQ(M("\xc3\xa9\xc3\xa9", "replace", {"", "|"}), "'|\xc3\xa9|\xc3\xa9|'");
  EXPECT_EQ(M("abc", "replace", {"b", ""}), "'ac'");
  EXPECT_EQ(M("a", "replace", {1, "b"}), "TypeError: replace() argument 1 must be str, not int");
  EXPECT_EQ(M("a", "replace", {"a", 2}), "TypeError: replace() argument 2 must be str, not int");
  EXPECT_EQ(M("a", "replace", {"a", "b", "c"}),
            "TypeError: 'str' object cannot be interpreted as an integer");
  EXPECT_EQ(M("a", "replace"),
            "TypeError: replace() takes at least 2 positional arguments (0 given)");
  EXPECT_EQ(M("a", "replace", {}, {{"old", "a"}, {"new", "b"}}),
            "TypeError: replace() takes at least 2 positional arguments (0 given)");
  Ref<Object> text = NewStr("same");
  EXPECT_EQ(CallMethod(text.get(), "replace", {NewStr("x").get(), NewStr("y").get()}).get(),
            text.get());
}

TEST_F(StrTest, PartitionAndPrefixes) {
  EXPECT_EQ(M("a=b=c", "partition", {"="}), "('a', '=', 'b=c')");
  EXPECT_EQ(M("a=b=c", "rpartition", {"="}), "('a=b', '=', 'c')");
  EXPECT_EQ(M("abc", "partition", {"x"}), "('abc', '', '')");
  EXPECT_EQ(M("abc", "rpartition", {"x"}), "('', '', 'abc')");
  EXPECT_EQ(M("a", "partition", {""}), "ValueError: empty separator");
  EXPECT_EQ(M("a", "partition", {1}), "TypeError: must be str, not int");
  EXPECT_EQ(M("a", "partition"), "TypeError: str.partition() takes exactly one argument (0 given)");
  EXPECT_EQ(M("prefix.rest", "removeprefix", {"prefix."}), "'rest'");
  EXPECT_EQ(M("name.py", "removesuffix", {".py"}), "'name'");
  EXPECT_EQ(M("name", "removesuffix", {""}), "'name'");
  EXPECT_EQ(M("a", "removeprefix", {1}), "TypeError: removeprefix() argument must be str, not int");
}

TEST_F(StrTest, Predicates) {
  EXPECT_EQ(M("0123", "isdigit"), "True");
  EXPECT_EQ(M("\xc2\xb2", "isdigit"), "True");  // ²
  EXPECT_EQ(M("\xc2\xb2", "isdecimal"), "False");
  EXPECT_EQ(M("\xc2\xbd", "isnumeric"), "True");  // ½
  EXPECT_EQ(M("\xd9\xa3", "isdecimal"), "True");  // Arabic-Indic 3
  EXPECT_EQ(M("", "isdigit"), "False");
  EXPECT_EQ(M("12a", "isdigit"), "False");
  EXPECT_EQ(M("abc\xc3\xa9\xce\xb1\xe4\xb8\x80", "isalpha"), "True");  // éα一
  EXPECT_EQ(M("ab1", "isalpha"), "False");
  EXPECT_EQ(M("ab1\xc2\xbd", "isalnum"), "True");
  EXPECT_EQ(M("ab 1", "isalnum"), "False");
  EXPECT_EQ(M(" \t\n\xe3\x80\x80", "isspace"), "True");
  EXPECT_EQ(M("", "isspace"), "False");
  EXPECT_EQ(M("ABC 1", "isupper"), "True");
  EXPECT_EQ(M("AbC", "isupper"), "False");
  EXPECT_EQ(M("1", "isupper"), "False");
  EXPECT_EQ(M("abc \xc3\x9f", "islower"), "True");
  EXPECT_EQ(M("abC", "islower"), "False");
  EXPECT_EQ(M("Ab Cd", "istitle"), "True");
  EXPECT_EQ(M("AB", "istitle"), "False");
  EXPECT_EQ(M("a_1", "isidentifier"), "True");
  EXPECT_EQ(M("_\xc3\xa9t\xc3\xa9", "isidentifier"), "True");
  EXPECT_EQ(M("1a", "isidentifier"), "False");
  EXPECT_EQ(M("", "isidentifier"), "False");
  EXPECT_EQ(M("a-b", "isidentifier"), "False");
  EXPECT_EQ(M("abc", "isascii"), "True");
  EXPECT_EQ(M("\xc3\xa9", "isascii"), "False");
  EXPECT_EQ(M("", "isprintable"), "True");
  EXPECT_EQ(M("a\n", "isprintable"), "False");
  EXPECT_EQ(M("a", "isdigit", {1}), "TypeError: str.isdigit() takes no arguments (1 given)");
}

// Case mappings are full (SpecialCasing) and follow CPython's rules: final
// sigma from the context, titlecase digraphs, no locale.
TEST_F(StrTest, CaseMethodsUseTheUnicodeDatabase) {
  EXPECT_EQ(M("\ufb03", "upper"), "'FFI'");
  EXPECT_EQ(M("\ufb03x", "capitalize"), "'Ffix'");
  EXPECT_EQ(M("ab \ufb03x", "title"), "'Ab Ffix'");
  EXPECT_EQ(M("\u1f80", "upper"), "'\u1f08\u0399'");
  EXPECT_EQ(M("\u1f80", "title"), "'\u1f88'");
  EXPECT_EQ(M("\u01c6a \u01c4B", "title"), "'\u01c5a \u01c5b'");  // ǆa Ǆb -> ǅa ǅb
  EXPECT_EQ(M("\u01c5", "swapcase"), "'\u01c5'");                 // titlecase: neither
  EXPECT_EQ(M("\u13a0\uab70", "casefold"), "'\u13a0\u13a0'");     // Cherokee folds up
  EXPECT_EQ(M("\U00010428", "upper"), "'\U00010400'");
  // Final sigma, skipping case-ignorable characters on both sides.
  EXPECT_EQ(M("A\u03a3", "lower"), "'a\u03c2'");
  EXPECT_EQ(M("A\u03a3A", "lower"), "'a\u03c3a'");
  EXPECT_EQ(M("A'\u03a3'", "lower"), "\"a'\u03c2'\"");
  EXPECT_EQ(M("A\u03a3\u02b0", "lower"), "'a\u03c2\u02b0'");  // ʰ: cased but ignorable
  EXPECT_EQ(M("\u02b0\u03a3", "lower"), "'\u02b0\u03c3'");
  EXPECT_EQ(M("\u03a3\u03a3", "lower"), "'\u03c3\u03c2'");
  EXPECT_EQ(M("\u03a3A\u03a3", "title"), "'\u03a3a\u03c2'");
  EXPECT_EQ(M("\u03a3A\u03a3 X", "capitalize"), "'\u03a3a\u03c2 x'");
  EXPECT_EQ(M("a\u03a3", "swapcase"), "'A\u03c2'");
  EXPECT_EQ(M("A\u03a3", "casefold"), "'a\u03c3'");  // folding knows no context
}

TEST_F(StrTest, PredicatesUseTheUnicodeDatabase) {
  EXPECT_EQ(M("\u01c5", "isupper"), "False");  // ǅ: titlecase
  EXPECT_EQ(M("\u01c5", "istitle"), "True");
  EXPECT_EQ(M("\u01c5a", "istitle"), "True");
  EXPECT_EQ(M("\u01c5A", "istitle"), "False");
  EXPECT_EQ(M("A\u01c5", "isupper"), "False");
  EXPECT_EQ(M("\u2160", "isupper"), "True");  // Ⅰ: Other_Uppercase
  EXPECT_EQ(M("\u02b0", "islower"), "True");
  EXPECT_EQ(M("\u0e01\u0e02", "isalpha"), "True");
  EXPECT_EQ(M("a\u0301", "isalpha"), "False");
  EXPECT_EQ(M("\u2167", "isnumeric"), "True");
  EXPECT_EQ(M("\u4e03", "isnumeric"), "True");
  EXPECT_EQ(M("\u2460", "isdigit"), "True");
  EXPECT_EQ(M("\u2003\u0085\u3000\x1f", "isspace"), "True");
  EXPECT_EQ(M("\u200b", "isspace"), "False");
  EXPECT_EQ(M("\u00ad", "isprintable"), "False");
  EXPECT_EQ(M("\u0378", "isprintable"), "False");  // unassigned
  EXPECT_EQ(M("\u2118x", "isidentifier"), "True");
  EXPECT_EQ(M("\u309b", "isidentifier"), "False");
  EXPECT_EQ(M("x\u0661", "isidentifier"), "True");
  EXPECT_EQ(M("\u2003a\u3000b\u0085c\u200bd", "split"), "['a', 'b', 'c\\u200bd']");
  EXPECT_EQ(M("a\vb\x1c"
              "c\u2029d\x1f"
              "e",
              "splitlines"),
            "['a', 'b', 'c', 'd\\x1fe']");
  EXPECT_EQ(M(" \u2003x\u3000 ", "strip"), "'x'");
}

TEST_F(StrTest, Padding) {
  EXPECT_EQ(M("abc", "center", {6}), "' abc  '");
  EXPECT_EQ(M("abc", "center", {7, "*"}), "'**abc**'");
  EXPECT_EQ(M("ab", "center", {5}), "'  ab '");
  EXPECT_EQ(M("ab", "center", {6}), "'  ab  '");
  EXPECT_EQ(M("ab", "ljust", {4, "\xc3\xa9"}), "'ab\xc3\xa9\xc3\xa9'");
  EXPECT_EQ(M("ab", "rjust", {4}), "'  ab'");
  EXPECT_EQ(M("abc", "rjust", {2}), "'abc'");
  EXPECT_EQ(M("-42", "zfill", {6}), "'-00042'");
  EXPECT_EQ(M("+x", "zfill", {4}), "'+00x'");
  EXPECT_EQ(M("", "zfill", {3}), "'000'");
  EXPECT_EQ(M("a", "zfill", {-5}), "'a'");
  EXPECT_EQ(M("a", "center", {5, "ab"}),
            "TypeError: The fill character must be exactly one character long");
  EXPECT_EQ(M("a", "center", {5, 1}),
            "TypeError: The fill character must be a unicode character, not int");
  EXPECT_EQ(M("a", "center", {"x"}), "TypeError: 'str' object cannot be interpreted as an integer");
  EXPECT_EQ(M("a", "center", {PowerOfTwo(70)}),
            "OverflowError: Python int too large to convert to C ssize_t");
  EXPECT_EQ(M("a", "center"), "TypeError: center expected at least 1 argument, got 0");
  EXPECT_EQ(M("a", "zfill"), "TypeError: str.zfill() takes exactly one argument (0 given)");
  EXPECT_EQ(M("a\tb\n\tc", "expandtabs", {4}), "'a   b\\n    c'");
  EXPECT_EQ(M("a\tb", "expandtabs"), "'a       b'");
}

TEST_F(StrTest, Encode) {
  EXPECT_EQ(M("h\xc3\xa9", "encode"), "b'h\\xc3\\xa9'");
  EXPECT_EQ(M("h\xc3\xa9", "encode", {"latin-1"}), "b'h\\xe9'");
  EXPECT_EQ(M("abc", "encode", {"ASCII"}), "b'abc'");
  EXPECT_EQ(M("\xc3\xa9", "encode", {"ascii"}),
            "ValueError: 'ascii' codec can't encode character '\\xe9' in position 0: ordinal not "
            "in range(128)");
  EXPECT_EQ(M("ab\xc4\x80\xc4\x81", "encode", {"ascii"}),
            "ValueError: 'ascii' codec can't encode characters in position 2-3: ordinal not in "
            "range(128)");
  EXPECT_EQ(M("\xf0\x9f\x98\x80", "encode", {"latin-1"}),
            "ValueError: 'latin-1' codec can't encode character '\\U0001f600' in position 0: "
            "ordinal not in range(256)");
  EXPECT_EQ(M("\xc4\x80"
              "a",
              "encode", {"ascii", "replace"}),
            "b'?a'");
  EXPECT_EQ(M("a\xc3\xa9", "encode", {}, {{"encoding", "ascii"}, {"errors", "ignore"}}), "b'a'");
  EXPECT_EQ(M("a\xc3\xa9", "encode", {"ascii", "backslashreplace"}), "b'a\\\\xe9'");
  EXPECT_EQ(M("a", "encode", {"nope"}), "LookupError: unknown encoding: nope");
  EXPECT_EQ(M("a", "encode", {1}), "TypeError: encode() argument 'encoding' must be str, not int");
  EXPECT_EQ(M("a", "encode", {}, {{"errors", 1}}),
            "TypeError: encode() argument 'errors' must be str, not int");
}

TEST_F(StrTest, Format) {
  EXPECT_EQ(M("{} and {}", "format", {"a", "b"}), "'a and b'");
  EXPECT_EQ(M("{1}{0}{1}", "format", {"a", "b"}), "'bab'");
  EXPECT_EQ(M("{name}!", "format", {}, {{"name", "you"}}), "'you!'");
  EXPECT_EQ(M("{0}", "format", {None()}), "'None'");
  EXPECT_EQ(M("{}", "format", {Bytes("x")}), "\"b'x'\"");
  EXPECT_EQ(M("}}{{", "format"), "'}{'");
  EXPECT_EQ(M("{0[1]}", "format", {"abc"}), "'b'");
  EXPECT_EQ(M("{0!r}", "format", {"a"}), "\"'a'\"");
  EXPECT_EQ(M("{!a}", "format", {"\xc3\xa9"}), "\"'\\\\xe9'\"");
  EXPECT_EQ(M("{:>5}|{:*^6}|{:.1}", "format", {"ab", "ab", "ab"}), "'   ab|**ab**|a'");
  EXPECT_EQ(M("{0:{1}}|", "format", {"a", "3"}), "'a  |'");
  EXPECT_EQ(M("{:5}|", "format", {"\xc3\xa9"}), "'\xc3\xa9    |'");
  EXPECT_EQ(M("{}", "format"),
            "IndexError: Replacement index 0 out of range for positional args tuple");
  EXPECT_EQ(M("{0}{}", "format", {1, 2}),
            "ValueError: cannot switch from manual field specification to automatic field "
            "numbering");
  EXPECT_EQ(M("{}{0}", "format", {1, 2}),
            "ValueError: cannot switch from automatic field numbering to manual field "
            "specification");
  EXPECT_EQ(M("{x}", "format"), "KeyError: 'x'");
  EXPECT_EQ(M("{", "format"), "ValueError: Single '{' encountered in format string");
  EXPECT_EQ(M("}", "format"), "ValueError: Single '}' encountered in format string");
  EXPECT_EQ(M("{0", "format"), "ValueError: expected '}' before end of string");
  EXPECT_EQ(M("{!x}", "format", {1}), "ValueError: Unknown conversion specifier x");
  EXPECT_EQ(M("{!rx}", "format", {1}), "ValueError: expected ':' after conversion specifier");
  EXPECT_EQ(M("{0.}", "format", {1}), "ValueError: Empty attribute in format string");
  EXPECT_EQ(M("{:d}", "format", {"a"}),
            "ValueError: Unknown format code 'd' for object of type 'str'");
  EXPECT_EQ(M("{:+}", "format", {"a"}), "ValueError: Sign not allowed in string format specifier");
  EXPECT_EQ(M("{:=5}", "format", {"a"}),
            "ValueError: '=' alignment not allowed in string format specifier");
  EXPECT_EQ(M("{:,}", "format", {"a"}), "ValueError: Cannot specify ',' with 's'.");
  EXPECT_EQ(M("{:>5}", "format", {Bytes("x")}),
            "TypeError: unsupported format string passed to bytes.__format__");
  EXPECT_EQ(M("{:{:{}}}", "format", {"a", 1, 2}), "ValueError: Max string recursion exceeded");
  EXPECT_EQ(M("{a}", "format_map", {"abc"}),
            "TypeError: string indices must be integers, not 'str'");
  EXPECT_EQ(M("{}", "format_map", {"abc"}), "ValueError: Format string contains positional fields");
  EXPECT_EQ(M("ab", "__format__", {">4"}), "'  ab'");
  EXPECT_EQ(M("ab", "__format__", {1}), "TypeError: __format__() argument must be str, not int");
}

// ---------------------------------------------------------------------------
// Subclasses
// ---------------------------------------------------------------------------

TEST_F(StrTest, ASubclassOfStrBehavesAsStr) {
  Ref<HeapType> sub = *HeapType::Create(*Interpreter::Current(), "MyStr", {{StrType()}});
  Ref<Object> instance = CallWith(sub.get(), {"Hello"});
  ASSERT_TRUE(instance) << Error();
  EXPECT_EQ(instance->type(), sub.get());
  EXPECT_TRUE(IsInstance(instance.get(), WellKnown::kStr));
  EXPECT_EQ(StrView(instance.get()), "Hello");
  EXPECT_EQ(Show(instance), "'Hello'");
  EXPECT_EQ(Length(instance.get()), 5);
  EXPECT_EQ(RichCompareBool(instance.get(), NewStr("Hello").get(), CompareOp::kEq), 1);
  EXPECT_EQ(Hash(instance.get()), Hash(NewStr("Hello").get()));
  EXPECT_EQ(Item(instance, 1), "'e'");
  EXPECT_EQ(Op(instance, BinaryOp::kAdd, "!"), "'Hello!'");
  EXPECT_EQ(Op("<", BinaryOp::kAdd, instance), "'<Hello'");
  EXPECT_EQ(Op(instance, BinaryOp::kMultiply, 2), "'HelloHello'");
  // Methods work on it and return exact strs.
  Ref<Object> upper = CallMethod(instance.get(), "upper", {});
  ASSERT_TRUE(upper) << Error();
  EXPECT_EQ(upper->type(), StrType());
  EXPECT_EQ(Show(upper), "'HELLO'");
  Ref<Object> stripped = CallMethod(instance.get(), "strip", {});
  EXPECT_EQ(stripped->type(), StrType());
  EXPECT_EQ(M(instance, "split", {"l"}), "['He', '', 'o']");
  EXPECT_EQ(M("-", "join", {NewList({instance, instance})}), "'Hello-Hello'");
  EXPECT_EQ(M(instance, "find", {"llo"}), "2");
  EXPECT_EQ(M("[{:>7}]", "format", {instance}), "'[  Hello]'");  // str.__format__, via the MRO
  EXPECT_EQ(Show(CallWith(sub.get(), {})), "''");
  EXPECT_EQ(CallWith(sub.get(), {})->type(), sub.get());
  EXPECT_EQ(Show(CallWith(sub.get(), {Bytes("\xc3\xa9"), "utf-8"})), "'\xc3\xa9'");
  // The str type's methods apply to it when called through the type.
  Ref<Object> lower = GetAttr(StrType(), "lower");
  EXPECT_EQ(Show(Call(lower.get(), {instance.get()})), "'hello'");
  EXPECT_EQ(Show(Call(lower.get(), {NewInt(1).get()})),
            "TypeError: descriptor 'lower' for 'str' objects doesn't apply to a 'int' object");
}

// ---------------------------------------------------------------------------
// __format__ (expected values from CPython)
// ---------------------------------------------------------------------------

class StrFormatTest : public StrTest {};

TEST_F(StrFormatTest, FormatSpec) {
  EXPECT_EQ(Fmt(NewStr("ab"), ""), "'ab'");
  EXPECT_EQ(Fmt(NewStr("ab"), ">4"), "'  ab'");
  EXPECT_EQ(Fmt(NewStr("ab"), "^5"), "' ab  '");
  EXPECT_EQ(Fmt(NewStr("ab"), "*<5"), "'ab***'");
  EXPECT_EQ(Fmt(NewStr("abc"), ".2"), "'ab'");
  EXPECT_EQ(Fmt(NewStr("abc"), "5.1"), "'a    '");
  EXPECT_EQ(Fmt(NewStr("ab"), "05"), "'ab000'");
  EXPECT_EQ(Fmt(NewStr("ab"), "s"), "'ab'");
  EXPECT_EQ(Fmt(NewStr("ab"), "d"), "ValueError: Unknown format code 'd' for object of type 'str'");
  EXPECT_EQ(Fmt(NewStr("ab"), "+"), "ValueError: Sign not allowed in string format specifier");
  EXPECT_EQ(Fmt(NewStr("ab"), " "), "ValueError: Space not allowed in string format specifier");
  EXPECT_EQ(Fmt(NewStr("ab"), "z"),
            "ValueError: Negative zero coercion (z) not allowed in string format specifier");
  EXPECT_EQ(Fmt(NewStr("ab"), "#"),
            "ValueError: Alternate form (#) not allowed in string format specifier");
  EXPECT_EQ(Fmt(NewStr("ab"), "=5"),
            "ValueError: '=' alignment not allowed in string format specifier");
  EXPECT_EQ(Fmt(NewStr("ab"), ","), "ValueError: Cannot specify ',' with 's'.");
  EXPECT_EQ(Fmt(NewStr("ab"), "_"), "ValueError: Cannot specify '_' with 's'.");
  EXPECT_EQ(Fmt(NewStr("ab"), "xyz"),
            "ValueError: Invalid format specifier 'xyz' for object of type 'str'");
  EXPECT_EQ(Fmt(NewStr("ab"),
                "\xc3\xa9"
                "^5"),
            "'\xc3\xa9"
            "ab\xc3\xa9"
            "\xc3\xa9"
            "'");
  EXPECT_EQ(Fmt(NewStr("\xc3\xa9"
                       "t\xc3\xa9"
                       ""),
                ">5"),
            "'  \xc3\xa9"
            "t\xc3\xa9"
            "'");
  EXPECT_EQ(Fmt(NewStr("ab"), "."), "ValueError: Format specifier missing precision");
  EXPECT_EQ(Fmt(NewStr("ab"),
                "\xc3\xa9"
                ""),
            "ValueError: Unknown format code '\\xe9' for object of type 'str'");
  EXPECT_EQ(Fmt(NewStr("ab"), "9999999999999"), "MemoryError");
  Ref<HeapType> sub = NewClass("MyStr", StrType());
  EXPECT_EQ(Fmt(CallWith(sub.get(), {"ab"}), "d"),
            "ValueError: Unknown format code 'd' for object of type 'MyStr'");
}

}  // namespace
}  // namespace islet
