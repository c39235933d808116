// Tests of `bytes` and `bytes_iterator` through the object protocol: repr,
// hashing, comparison, indexing and slicing, the operators, construction, the
// methods, subclasses, and CPython 3.14's exact messages.
//
// Results are shown with TextTest's Show() (tests/testing/object_test_support.h),
// which spells strs, bytes, ints, lists, tuples and bools itself, so the checks
// do not depend on other types' reprs.

#include "objects/bytes.h"

#include <initializer_list>
#include <string>
#include <string_view>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "interp/heap_type.h"
#include "interp/interpreter.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/well_known.h"
#include "tests/testing/object_test_support.h"

namespace islet {
namespace {

using namespace std::string_view_literals;

Ref<Object> B(std::string_view data) { return NewBytes(data); }

class BytesTest : public testing::TextTest {
 protected:
  static TypeObject* BytesType() { return WellKnownType(WellKnown::kBytes); }

  // repr(bytes(*args, **kwargs)).
  static std::string New(std::initializer_list<Arg> args, Kwargs kwargs = {}) {
    return Show(CallWith(BytesType(), args, kwargs));
  }
};

TEST_F(BytesTest, ReprMatchesTheOracle) {
  // basics.py: repr(b"\x00ab") prints b'\x00ab'.
  EXPECT_EQ(Show(B("\x00"
                   "ab"sv)),
            "b'\\x00ab'");
  EXPECT_EQ(*ReprText(B("\x00"
                        "ab"sv)
                          .get()),
            "b'\\x00ab'");
  EXPECT_EQ(Show(B("")), "b''");
  EXPECT_EQ(Show(B("\x7f\x80\xff\t\n\r\\ '")), "b\"\\x7f\\x80\\xff\\t\\n\\r\\\\ '\"");
  EXPECT_EQ(Show(B("'\"")), "b'\\'\"'");
  EXPECT_EQ(Show(B("\"")), "b'\"'");
  // str() of bytes is its repr.
  EXPECT_EQ(*StrText(B("x").get()), "b'x'");
}

TEST_F(BytesTest, HashAndComparison) {
  EXPECT_EQ(Hash(B("").get()), 0);
  EXPECT_EQ(Hash(B("abc").get()), Hash(B("abc").get()));
  EXPECT_NE(Hash(B("abc").get()), Hash(B("abd").get()));
  EXPECT_EQ(Hash(B("abc").get()), Hash(NewStr("abc").get()));
  EXPECT_EQ(Compare(B("ab"), CompareOp::kLt, B("b")), 1);
  EXPECT_EQ(Compare(B("\xff"), CompareOp::kGt, B("a")), 1);  // unsigned bytes
  EXPECT_EQ(Compare(B("ab"), CompareOp::kEq, B("ab")), 1);
  EXPECT_EQ(Compare(B("ab"), CompareOp::kLe, B("a")), 0);
  EXPECT_EQ(Compare(B("a"), CompareOp::kEq, "a"), 0);
  EXPECT_EQ(Compare(B("a"), CompareOp::kLt, "a"), -1);
  EXPECT_EQ(Error(), "TypeError: '<' not supported between instances of 'bytes' and 'str'");
}

TEST_F(BytesTest, LengthIndexingAndSlicing) {
  EXPECT_EQ(Length(B("abc").get()), 3);
  EXPECT_EQ(IsTrue(B("").get()), 0);
  EXPECT_EQ(Item(B("ab"), 0), "97");
  EXPECT_EQ(Item(B("ab"), -1), "98");
  EXPECT_EQ(Item(B("\xff"), 0), "255");
  EXPECT_EQ(Item(B("ab"), 5), "IndexError: index out of range");
  EXPECT_EQ(Item(B("ab"), "x"), "TypeError: byte indices must be integers or slices, not str");
  EXPECT_EQ(Item(B("ab"), PowerOfTwo(70)),
            "IndexError: cannot fit 'int' into an index-sized integer");
  EXPECT_EQ(Item(B("abcdef"), Slice(1, 3, None())), "b'bc'");
  EXPECT_EQ(Item(B("abcdef"), Slice(None(), None(), -2)), "b'fdb'");
  EXPECT_EQ(Item(B("ab"), Slice(5, None(), None())), "b''");
  EXPECT_EQ(Item(B("ab"), Slice(None(), None(), 0)), "ValueError: slice step cannot be zero");
  Ref<Object> data = B("whole");
  Ref<Object> all = Slice(None(), None(), None());
  EXPECT_EQ(GetItem(data.get(), all.get()).get(), data.get());
}

TEST_F(BytesTest, Contains) {
  EXPECT_EQ(Has(B("abc"), B("bc")), 1);
  EXPECT_EQ(Has(B("abc"), B("")), 1);
  EXPECT_EQ(Has(B("abc"), 97), 1);
  EXPECT_EQ(Has(B("abc"), 100), 0);
  EXPECT_EQ(Has(B("abc"), 256), -1);
  EXPECT_EQ(Error(), "ValueError: byte must be in range(0, 256)");
  EXPECT_EQ(Has(B("abc"), "a"), -1);
  EXPECT_EQ(Error(), "TypeError: a bytes-like object is required, not 'str'");
}

TEST_F(BytesTest, Operators) {
  EXPECT_EQ(Op(B("ab"), BinaryOp::kAdd, B("cd")), "b'abcd'");
  EXPECT_EQ(Op(B("a"), BinaryOp::kAdd, "b"), "TypeError: can't concat str to bytes");
  EXPECT_EQ(Op(B("a"), BinaryOp::kAdd, 1), "TypeError: can't concat int to bytes");
  EXPECT_EQ(Op(None(), BinaryOp::kAdd, B("a")),
            "TypeError: unsupported operand type(s) for +: 'NoneType' and 'bytes'");
  EXPECT_EQ(Op(B("ab"), BinaryOp::kMultiply, 2), "b'abab'");
  EXPECT_EQ(Op(2, BinaryOp::kMultiply, B("ab")), "b'abab'");
  Ref<Object> two = NewInt(2);
  Ref<Object> ab = B("ab");
  EXPECT_EQ(Show(BytesType()->slots().multiply(two.get(), ab.get())), "b'abab'");
  EXPECT_EQ(Op(B("ab"), BinaryOp::kMultiply, -1), "b''");
  EXPECT_EQ(Op(B("a"), BinaryOp::kMultiply, B("a")),
            "TypeError: can't multiply sequence by non-int of type 'bytes'");
  EXPECT_EQ(Op(B("a"), BinaryOp::kMultiply, PowerOfTwo(70)),
            "OverflowError: cannot fit 'int' into an index-sized integer");
}

TEST_F(BytesTest, IteratesWithBytesIterator) {
  Ref<Object> iterator = GetIter(B("a\xff").get());
  ASSERT_TRUE(iterator) << Error();
  EXPECT_EQ(TypeName(iterator->type()), "bytes_iterator");
  EXPECT_EQ(M(iterator.get(), "__length_hint__"), "2");
  EXPECT_EQ(Show(IterNext(iterator.get())), "97");
  EXPECT_EQ(Show(IterNext(iterator.get())), "255");
  EXPECT_FALSE(IterNext(iterator.get()));
  EXPECT_FALSE(ExceptionPending());
  EXPECT_EQ(M(iterator.get(), "__length_hint__"), "0");
  EXPECT_EQ(Show(CallWith(iterator->type(), {})),
            "TypeError: cannot create 'bytes_iterator' instances");
}

TEST_F(BytesTest, Constructor) {
  EXPECT_EQ(New({}), "b''");
  EXPECT_EQ(New({3}), "b'\\x00\\x00\\x00'");
  EXPECT_EQ(New({0}), "b''");
  EXPECT_EQ(New({NewList({NewInt(104), NewInt(105)})}), "b'hi'");
  EXPECT_EQ(New({B("copy")}), "b'copy'");
  Ref<Object> exact = B("same");
  EXPECT_EQ(CallWith(BytesType(), {exact}).get(), exact.get());
  EXPECT_EQ(New({"\xc3\xa9", "utf-8"}), "b'\\xc3\\xa9'");
  EXPECT_EQ(New({"\xc3\xa9", "latin-1"}), "b'\\xe9'");
  EXPECT_EQ(New({}, {{"source", 1}}), "b'\\x00'");
  EXPECT_EQ(New({"a"}, {{"encoding", "ascii"}, {"errors", "strict"}}), "b'a'");
  EXPECT_EQ(New({"abc"}), "TypeError: string argument without an encoding");
  EXPECT_EQ(New({"a"}, {{"errors", "strict"}}), "TypeError: string argument without an encoding");
  EXPECT_EQ(New({1, "utf-8"}), "TypeError: encoding without a string argument");
  EXPECT_EQ(New({}, {{"encoding", "utf-8"}}), "TypeError: encoding without a string argument");
  EXPECT_EQ(New({}, {{"errors", "x"}}), "TypeError: errors without a string argument");
  EXPECT_EQ(New({"a", 1}), "TypeError: bytes() argument 'encoding' must be str, not int");
  EXPECT_EQ(New({"\xc3\xa9", "ascii"}),
            "ValueError: 'ascii' codec can't encode character '\\xe9' in position 0: ordinal not "
            "in range(128)");
  EXPECT_EQ(New({-1}), "ValueError: negative count");
  EXPECT_EQ(New({PowerOfTwo(70)}), "OverflowError: cannot fit 'int' into an index-sized integer");
  EXPECT_EQ(New({NewList({NewInt(256)})}), "ValueError: bytes must be in range(0, 256)");
  EXPECT_EQ(New({NewList({NewInt(-1)})}), "ValueError: bytes must be in range(0, 256)");
  EXPECT_EQ(New({NewList({NewStr("a")})}),
            "TypeError: 'str' object cannot be interpreted as an integer");
  EXPECT_EQ(New({None()}), "TypeError: cannot convert 'NoneType' object to bytes");
  EXPECT_EQ(New({1, 2, 3, 4}), "TypeError: bytes() takes at most 3 arguments (4 given)");
  EXPECT_EQ(New({B("a")}, {{"x", 1}}), "TypeError: 'x' is an invalid keyword argument for bytes()");
}

TEST_F(BytesTest, Decode) {
  EXPECT_EQ(M(B("h\xc3\xa9"), "decode"), "'h\xc3\xa9'");
  EXPECT_EQ(M(B("h\xe9"), "decode", {"latin-1"}), "'h\xc3\xa9'");
  EXPECT_EQ(M(B("a"), "decode", {"utf-8"}, {{"errors", "strict"}}), "'a'");
  EXPECT_EQ(M(B("\xff"), "decode"),
            "ValueError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
  EXPECT_EQ(M(B("\xf0\x9f"), "decode"),
            "ValueError: 'utf-8' codec can't decode bytes in position 0-1: unexpected end of data");
  EXPECT_EQ(M(B("a\xff"
                "b"),
              "decode", {"utf-8", "replace"}),
            "'a\xef\xbf\xbd"
            "b'");
  EXPECT_EQ(M(B("a\xff"), "decode", {"ascii", "ignore"}), "'a'");
  EXPECT_EQ(M(B("a"), "decode", {"nope"}), "LookupError: unknown encoding: nope");
  EXPECT_EQ(M(B("a"), "decode", {1}),
            "TypeError: decode() argument 'encoding' must be str, not int");
  EXPECT_EQ(M(B("a"), "decode", {}, {{"errors", 1}}),
            "TypeError: decode() argument 'errors' must be str, not int");
}

TEST_F(BytesTest, HexAndFromHex) {
  EXPECT_EQ(M(B("\x00\xff"
                "a"sv),
              "hex"),
            "'00ff61'");
  EXPECT_EQ(M(B("abc"), "hex", {":"}), "'61:62:63'");
  EXPECT_EQ(M(B("abcde"), "hex", {":", 2}), "'61:6263:6465'");
  EXPECT_EQ(M(B("abcde"), "hex", {":", -2}), "'6162:6364:65'");
  EXPECT_EQ(M(B("abcdef"), "hex", {B(":"), 3}), "'616263:646566'");
  EXPECT_EQ(M(B("abcde"), "hex", {":", 0}), "'6162636465'");
  EXPECT_EQ(M(B("ab"), "hex", {}, {{"sep", "-"}}), "'61-62'");
  EXPECT_EQ(M(B(""), "hex", {":"}), "''");
  EXPECT_EQ(M(B("ab"), "hex", {"::"}), "ValueError: sep must be length 1.");
  EXPECT_EQ(M(B("ab"), "hex", {"\xc3\xa9"}), "ValueError: sep must be ASCII.");
  EXPECT_EQ(M(B("ab"), "hex", {1}), "TypeError: object of type 'int' has no len()");
  EXPECT_EQ(M(BytesType(), "fromhex", {" 01 ff "}), "b'\\x01\\xff'");
  EXPECT_EQ(M(BytesType(), "fromhex", {"0g"}),
            "ValueError: non-hexadecimal number found in fromhex() arg at position 1");
  EXPECT_EQ(M(BytesType(), "fromhex", {"012"}),
            "ValueError: non-hexadecimal number found in fromhex() arg at position 3");
  EXPECT_EQ(M(BytesType(), "fromhex", {"01 2"}),
            "ValueError: non-hexadecimal number found in fromhex() arg at position 4");
}

TEST_F(BytesTest, JoinSplitAndStrip) {
  EXPECT_EQ(M(B("-"), "join", {NewList({B("a"), B("b")})}), "b'a-b'");
  EXPECT_EQ(M(B("-"), "join", {NewList()}), "b''");
  EXPECT_EQ(M(B(""), "join", {NewList({B("a"), NewStr("b")})}),
            "TypeError: sequence item 1: expected a bytes-like object, str found");
  EXPECT_EQ(M(B(""), "join", {1}), "TypeError: can only join an iterable");
  EXPECT_EQ(M(B("a b\tc\x0b"
                "d\x1c"
                "e"),
              "split"),
            "[b'a', b'b', b'c', b'd\\x1ce']");
  EXPECT_EQ(M(B("  a b  "), "split", {None(), 1}), "[b'a', b'b  ']");
  EXPECT_EQ(M(B("a b c"), "rsplit", {None(), 1}), "[b'a b', b'c']");
  EXPECT_EQ(M(B("a,b,,c"), "split", {B(",")}), "[b'a', b'b', b'', b'c']");
  EXPECT_EQ(M(B("a,b,c"), "split", {B(",")}, {{"maxsplit", 1}}), "[b'a', b'b,c']");
  EXPECT_EQ(M(B("a,b,c"), "rsplit", {B(","), 1}), "[b'a,b', b'c']");
  EXPECT_EQ(M(B("a"), "split", {B("")}), "ValueError: empty separator");
  EXPECT_EQ(M(B("a"), "split", {"a"}), "TypeError: a bytes-like object is required, not 'str'");
  EXPECT_EQ(M(B("a"), "split", {}, {{"sep", 1}}),
            "TypeError: a bytes-like object is required, not 'int'");
  EXPECT_EQ(M(B("  a \n"), "strip"), "b'a'");
  EXPECT_EQ(M(B("\x1c"
                "a\x1c"),
              "strip"),
            "b'\\x1ca\\x1c'");
  EXPECT_EQ(M(B("xxaxx"), "strip", {B("x")}), "b'a'");
  EXPECT_EQ(M(B("xxaxx"), "lstrip", {B("x")}), "b'axx'");
  EXPECT_EQ(M(B("xxaxx"), "rstrip", {B("x")}), "b'xxa'");
  EXPECT_EQ(M(B("a"), "strip", {"a"}), "TypeError: a bytes-like object is required, not 'str'");
}

TEST_F(BytesTest, SearchMethods) {
  EXPECT_EQ(M(B("abcabc"), "find", {B("c")}), "2");
  EXPECT_EQ(M(B("abcabc"), "find", {98, 2}), "4");
  EXPECT_EQ(M(B("abc"), "find", {B("c"), -1}), "2");
  EXPECT_EQ(M(B("abc"), "find", {B("x")}), "-1");
  EXPECT_EQ(M(B("abcabc"), "rfind", {B("a")}), "3");
  EXPECT_EQ(M(B("abc"), "index", {B("c")}), "2");
  EXPECT_EQ(M(B("ab"), "index", {B("c")}), "ValueError: subsection not found");
  EXPECT_EQ(M(B("ab"), "rindex", {99}), "ValueError: subsection not found");
  EXPECT_EQ(M(B("aaaa"), "count", {B("aa")}), "2");
  EXPECT_EQ(M(B("ab"), "count", {97}), "1");
  EXPECT_EQ(M(B("a"), "count", {B("a"), 5}), "0");
  EXPECT_EQ(M(B("abc"), "count", {B("")}), "4");
  EXPECT_EQ(M(B("a"), "find", {"a"}),
            "TypeError: argument should be integer or bytes-like object, not 'str'");
  EXPECT_EQ(M(B("a"), "find", {256}), "ValueError: byte must be in range(0, 256)");
  EXPECT_EQ(M(B("a"), "find"), "TypeError: find expected at least 1 argument, got 0");
  EXPECT_EQ(M(B("abc"), "startswith", {B("ab")}), "True");
  EXPECT_EQ(M(B("abc"), "startswith", {B("b"), 1}), "True");
  EXPECT_EQ(M(B("abc"), "endswith", {B("bc"), 1}), "True");
  EXPECT_EQ(M(B("abc"), "endswith", {B("ab")}), "False");
  EXPECT_EQ(M(B("a"), "startswith", {NewTuple({B("x"), B("a")})}), "True");
  EXPECT_EQ(M(B("a"), "startswith", {"a"}),
            "TypeError: startswith first arg must be bytes or a tuple of bytes, not str");
  EXPECT_EQ(M(B("ab"), "startswith", {NewTuple({NewStr("b"), B("a")})}),
            "TypeError: a bytes-like object is required, not 'str'");
}

TEST_F(BytesTest, CaseReplaceAndPredicates) {
  EXPECT_EQ(M(B("aBc1\xe9"), "upper"), "b'ABC1\\xe9'");
  EXPECT_EQ(M(B("AbC1\xc9"), "lower"), "b'abc1\\xc9'");
  EXPECT_EQ(M(B("aa"), "replace", {B("a"), B("b"), 1}), "b'ba'");
  EXPECT_EQ(M(B("a"), "replace", {B(""), B("-")}), "b'-a-'");
  EXPECT_EQ(M(B("a"), "replace", {"a", B("b")}),
            "TypeError: a bytes-like object is required, not 'str'");
  EXPECT_EQ(M(B("ab"), "removeprefix", {B("a")}), "b'b'");
  EXPECT_EQ(M(B("ab"), "removesuffix", {B("b")}), "b'a'");
  EXPECT_EQ(M(B("12"), "isdigit"), "True");
  EXPECT_EQ(M(B(""), "isdigit"), "False");
  EXPECT_EQ(M(B("Ab"), "isalpha"), "True");
  EXPECT_EQ(M(B("a1"), "isalnum"), "True");
  EXPECT_EQ(M(B(" \t"), "isspace"), "True");
  EXPECT_EQ(M(B("A1"), "isupper"), "True");
  EXPECT_EQ(M(B("a1"), "islower"), "True");
  EXPECT_EQ(M(B("\x80"), "isascii"), "False");
  EXPECT_EQ(M(B("a"), "upper", {1}), "TypeError: bytes.upper() takes no arguments (1 given)");
}

TEST_F(BytesTest, ASubclassOfBytesBehavesAsBytes) {
  Ref<HeapType> sub = *HeapType::Create(*Interpreter::Current(), "MyBytes", {{BytesType()}});
  Ref<Object> instance = CallWith(sub.get(), {B("abc")});
  ASSERT_TRUE(instance) << Error();
  EXPECT_EQ(instance->type(), sub.get());
  EXPECT_EQ(BytesView(instance.get()), "abc");
  EXPECT_EQ(Show(instance), "b'abc'");
  EXPECT_EQ(Length(instance.get()), 3);
  EXPECT_EQ(Item(instance, 0), "97");
  EXPECT_EQ(RichCompareBool(instance.get(), B("abc").get(), CompareOp::kEq), 1);
  EXPECT_EQ(Hash(instance.get()), Hash(B("abc").get()));
  EXPECT_EQ(Op(instance, BinaryOp::kAdd, B("d")), "b'abcd'");
  Ref<Object> upper = CallMethod(instance.get(), "upper", {});
  ASSERT_TRUE(upper) << Error();
  EXPECT_EQ(upper->type(), BytesType());
  EXPECT_EQ(Show(upper), "b'ABC'");
  EXPECT_EQ(M(instance, "decode"), "'abc'");
  EXPECT_EQ(Show(CallWith(sub.get(), {3})), "b'\\x00\\x00\\x00'");
  Ref<Object> from_hex = CallMethod(sub.get(), "fromhex", {NewStr("41").get()});
  ASSERT_TRUE(from_hex) << Error();
  EXPECT_EQ(from_hex->type(), sub.get());
  EXPECT_EQ(Show(from_hex), "b'A'");
}

}  // namespace
}  // namespace islet
