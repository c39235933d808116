// Tests of `int` through the object protocol: arbitrary-precision arithmetic
// with Python's sign rules, hashing, comparison, int() parsing, methods, and the
// exact CPython 3.14 error messages.

#include "objects/int.h"

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "interp/heap_type.h"
#include "interp/interpreter.h"
#include "objects/bytes.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/immortals.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/well_known.h"
#include "tests/testing/object_test_support.h"

namespace islet {
namespace {

class IntTest : public testing::ObjectTest {
 protected:
  static TypeObject* IntType() { return WellKnownType(WellKnown::kInt); }

  static std::string Calc(int64_t a, BinaryOp op, int64_t b) {
    Ref<Object> x = NewInt(a);
    Ref<Object> y = NewInt(b);
    return Op(x.get(), op, y.get());
  }

  // int(*args).
  static std::string IntOf(std::initializer_list<Object*> args) {
    return Show(Call(IntType(), args));
  }
  static std::string IntOfText(std::string_view text) {
    Ref<Object> str = NewStr(text);
    return IntOf({str.get()});
  }
  static std::string IntOfText(std::string_view text, int64_t base) {
    Ref<Object> str = NewStr(text);
    Ref<Object> base_object = NewInt(base);
    return IntOf({str.get(), base_object.get()});
  }

  // The data of a bytes result, or "Error: message".
  static std::string Data(const Ref<Object>& result) {
    if (!result) return Error();
    return std::string(BytesView(result.get()));
  }

  // The message int("...") gives for bad syntax, built on str's repr.
  static std::string InvalidLiteral(std::string_view text, int base) {
    Ref<Object> str = NewStr(text);
    return "ValueError: invalid literal for int() with base " + std::to_string(base) + ": " +
           *ReprText(str.get());
  }
};

TEST_F(IntTest, ReprIsDecimal) {
  EXPECT_EQ(Show(NewInt(0)), "0");
  EXPECT_EQ(Show(NewInt(-5)), "-5");
  EXPECT_EQ(Show(NewInt(1000)), "1000");
  EXPECT_EQ(Show(NewInt(INT64_MIN)), "-9223372036854775808");
  EXPECT_EQ(Show(BigInt("-123456789012345678901234567890")), "-123456789012345678901234567890");
  // str() goes through repr.
  Ref<Object> big = BigInt("98765432109876543210");
  EXPECT_EQ(*StrText(big.get()), "98765432109876543210");
}

TEST_F(IntTest, OracleArithmetic) {
  // basics.py: x + y, x - y, x * y, x // y, x % y, x ** y, -x, x / y with 7 and 2.
  EXPECT_EQ(Calc(7, BinaryOp::kAdd, 2), "9");
  EXPECT_EQ(Calc(7, BinaryOp::kSubtract, 2), "5");
  EXPECT_EQ(Calc(7, BinaryOp::kMultiply, 2), "14");
  EXPECT_EQ(Calc(7, BinaryOp::kFloorDivide, 2), "3");
  EXPECT_EQ(Calc(7, BinaryOp::kRemainder, 2), "1");
  EXPECT_EQ(Calc(7, BinaryOp::kPower, 2), "49");
  Ref<Object> seven = NewInt(7);
  EXPECT_EQ(Show(Negative(seven.get())), "-7");
  EXPECT_EQ(Calc(7, BinaryOp::kTrueDivide, 2), "3.5");
  // 2 ** 100, (2 ** 100) // 3, -(2 ** 64) % 7.
  Ref<Object> power = BinaryOperation(NewInt(2).get(), NewInt(100).get(), BinaryOp::kPower);
  EXPECT_EQ(Show(power), "1267650600228229401496703205376");
  EXPECT_EQ(Op(power.get(), BinaryOp::kFloorDivide, NewInt(3).get()),
            "422550200076076467165567735125");
  Ref<Object> two_64 = BinaryOperation(NewInt(2).get(), NewInt(64).get(), BinaryOp::kPower);
  Ref<Object> negated = Negative(two_64.get());
  EXPECT_EQ(Op(negated.get(), BinaryOp::kRemainder, seven.get()), "5");
  // True + True.
  EXPECT_EQ(Op(True(), BinaryOp::kAdd, True()), "2");
}

TEST_F(IntTest, SmallResultsAreTheImmortalSingletons) {
  Ref<Object> sum = BinaryOperation(NewInt(200).get(), NewInt(56).get(), BinaryOp::kAdd);
  EXPECT_EQ(sum.get(), SmallInt(256));
  Ref<Object> negative =
      BinaryOperation(NewInt(1000).get(), NewInt(1005).get(), BinaryOp::kSubtract);
  EXPECT_EQ(negative.get(), SmallInt(-5));
  Ref<Object> big_difference =
      BinaryOperation(BigInt("18446744073709551616").get(), BigInt("18446744073709551615").get(),
                      BinaryOp::kSubtract);
  EXPECT_EQ(big_difference.get(), SmallInt(1));
  Ref<Object> large = BinaryOperation(NewInt(200).get(), NewInt(57).get(), BinaryOp::kAdd);
  EXPECT_FALSE(large->IsImmortal());
  EXPECT_EQ(Show(large), "257");
}

TEST_F(IntTest, DivisionAndRemainderFollowPythonSignRules) {
  EXPECT_EQ(Calc(-7, BinaryOp::kFloorDivide, 2), "-4");
  EXPECT_EQ(Calc(-7, BinaryOp::kRemainder, 2), "1");
  EXPECT_EQ(Calc(7, BinaryOp::kFloorDivide, -2), "-4");
  EXPECT_EQ(Calc(7, BinaryOp::kRemainder, -2), "-1");
  EXPECT_EQ(Calc(-7, BinaryOp::kRemainder, -2), "-1");
  EXPECT_EQ(Calc(-6, BinaryOp::kRemainder, 3), "0");
  EXPECT_EQ(Calc(INT64_MIN, BinaryOp::kFloorDivide, -1), "9223372036854775808");
  EXPECT_EQ(Calc(INT64_MIN, BinaryOp::kRemainder, -1), "0");
  Ref<Object> big = BigInt("-100000000000000000000000");
  EXPECT_EQ(Op(big.get(), BinaryOp::kFloorDivide, NewInt(7).get()), "-14285714285714285714286");
  EXPECT_EQ(Op(big.get(), BinaryOp::kRemainder, NewInt(7).get()), "2");
  EXPECT_EQ(Op(big.get(), BinaryOp::kRemainder, NewInt(-7).get()), "-5");
}

TEST_F(IntTest, DivisionByZeroHasCPython314Messages) {
  EXPECT_EQ(Calc(1, BinaryOp::kTrueDivide, 0), "ZeroDivisionError: division by zero");
  EXPECT_EQ(Calc(1, BinaryOp::kFloorDivide, 0), "ZeroDivisionError: division by zero");
  EXPECT_EQ(Calc(1, BinaryOp::kRemainder, 0), "ZeroDivisionError: division by zero");
  Ref<Object> big = BigInt("100000000000000000000000");
  EXPECT_EQ(Op(big.get(), BinaryOp::kFloorDivide, False()), "ZeroDivisionError: division by zero");
  EXPECT_EQ(Calc(0, BinaryOp::kPower, -1), "ZeroDivisionError: zero to a negative power");
}

TEST_F(IntTest, OverflowOfInlineValuesGoesToBigInts) {
  EXPECT_EQ(Calc(INT64_MAX, BinaryOp::kAdd, 1), "9223372036854775808");
  EXPECT_EQ(Calc(INT64_MIN, BinaryOp::kSubtract, 1), "-9223372036854775809");
  EXPECT_EQ(Calc(INT64_MAX, BinaryOp::kMultiply, INT64_MAX),
            "85070591730234615847396907784232501249");
  EXPECT_EQ(Show(Negative(NewInt(INT64_MIN).get())), "9223372036854775808");
  EXPECT_EQ(Show(Absolute(NewInt(INT64_MIN).get())), "9223372036854775808");
  EXPECT_EQ(Calc(3, BinaryOp::kPower, 40), "12157665459056928801");
  // A big result that fits again is stored inline.
  Ref<Object> back =
      BinaryOperation(BigInt("9223372036854775808").get(), NewInt(1).get(), BinaryOp::kSubtract);
  ASSERT_TRUE(back);
  EXPECT_FALSE(static_cast<IntObject*>(back.get())->is_big());
  EXPECT_EQ(IntAsInt64(back.get()), INT64_MAX);
}

TEST_F(IntTest, PowerIsExactAndNegativeExponentsGiveFloats) {
  EXPECT_EQ(Calc(-2, BinaryOp::kPower, 3), "-8");
  EXPECT_EQ(Calc(0, BinaryOp::kPower, 0), "1");
  EXPECT_EQ(Calc(2, BinaryOp::kPower, 63), "9223372036854775808");
  EXPECT_EQ(Calc(2, BinaryOp::kPower, -1), "0.5");
  EXPECT_EQ(Calc(-2, BinaryOp::kPower, -3), "-0.125");
  Ref<Object> huge = BigInt("1267650600228229401496703205376");
  EXPECT_EQ(Op(NewInt(-1).get(), BinaryOp::kPower, huge.get()), "1");
  EXPECT_EQ(Op(NewInt(1).get(), BinaryOp::kPower, huge.get()), "1");
  EXPECT_EQ(Op(NewInt(0).get(), BinaryOp::kPower, huge.get()), "0");
  EXPECT_EQ(Op(NewInt(10).get(), BinaryOp::kPower, huge.get()),
            "MemoryError: integer result too large");
  EXPECT_EQ(Calc(7, BinaryOp::kPower, 45), "107006904423598033356356300384937784807");
}

TEST_F(IntTest, TrueDivisionIsCorrectlyRounded) {
  EXPECT_EQ(Calc(1, BinaryOp::kTrueDivide, 3), "0.3333333333333333");
  EXPECT_EQ(Calc(-1, BinaryOp::kTrueDivide, 3), "-0.3333333333333333");
  EXPECT_EQ(Calc(0, BinaryOp::kTrueDivide, -5), "-0.0");
  // 2**100 + 1 over 3, and a tie (2**80 + 2**27 is halfway between two doubles).
  Ref<Object> numerator = BigInt("1267650600228229401496703205377");
  EXPECT_EQ(Op(numerator.get(), BinaryOp::kTrueDivide, NewInt(3).get()), "4.2255020007607644e+29");
  EXPECT_EQ(Op(BigInt("1208925819614629308923904").get(), BinaryOp::kTrueDivide, NewInt(1).get()),
            "1.2089258196146292e+24");
  EXPECT_EQ(Op(BigInt("1208925819614629308923905").get(), BinaryOp::kTrueDivide, NewInt(1).get()),
            "1.2089258196146294e+24");
  // 1 / 2**1074 is the smallest subnormal; 1 / 2**1076 rounds to zero.
  Ref<Object> two_1074 = BinaryOperation(NewInt(2).get(), NewInt(1074).get(), BinaryOp::kPower);
  EXPECT_EQ(Op(NewInt(1).get(), BinaryOp::kTrueDivide, two_1074.get()), "5e-324");
  Ref<Object> two_1076 = BinaryOperation(NewInt(2).get(), NewInt(1076).get(), BinaryOp::kPower);
  EXPECT_EQ(Op(NewInt(1).get(), BinaryOp::kTrueDivide, two_1076.get()), "0.0");
  // Large quotients of large ints.
  Ref<Object> ten_30 = BinaryOperation(NewInt(10).get(), NewInt(30).get(), BinaryOp::kPower);
  EXPECT_EQ(Op(ten_30.get(), BinaryOp::kTrueDivide, NewInt(7).get()), "1.4285714285714285e+29");
  Ref<Object> two_2000 = BinaryOperation(NewInt(2).get(), NewInt(2000).get(), BinaryOp::kPower);
  EXPECT_EQ(Op(two_2000.get(), BinaryOp::kTrueDivide, NewInt(1).get()),
            "OverflowError: integer division result too large for a float");
  EXPECT_EQ(Op(two_2000.get(), BinaryOp::kTrueDivide, two_2000.get()), "1.0");
}

TEST_F(IntTest, ShiftsAndBitwiseOperations) {
  EXPECT_EQ(Calc(1, BinaryOp::kLShift, 64), "18446744073709551616");
  EXPECT_EQ(Calc(-3, BinaryOp::kLShift, 62), "-13835058055282163712");
  EXPECT_EQ(Calc(5, BinaryOp::kLShift, 2), "20");
  EXPECT_EQ(Calc(-5, BinaryOp::kRShift, 1), "-3");
  EXPECT_EQ(Calc(-1, BinaryOp::kRShift, 100), "-1");
  EXPECT_EQ(Calc(7, BinaryOp::kRShift, 100), "0");
  EXPECT_EQ(Calc(1, BinaryOp::kLShift, -1), "ValueError: negative shift count");
  EXPECT_EQ(Calc(1, BinaryOp::kRShift, -1), "ValueError: negative shift count");
  Ref<Object> big = BigInt("-1267650600228229401496703205376");  // -(2**100)
  EXPECT_EQ(Op(big.get(), BinaryOp::kRShift, NewInt(98).get()), "-4");
  EXPECT_EQ(Op(big.get(), BinaryOp::kRShift, NewInt(1000).get()), "-1");
  EXPECT_EQ(Op(NewInt(0).get(), BinaryOp::kLShift, big.get()), "ValueError: negative shift count");
  EXPECT_EQ(Calc(12, BinaryOp::kAnd, 10), "8");
  EXPECT_EQ(Calc(12, BinaryOp::kOr, 10), "14");
  EXPECT_EQ(Calc(12, BinaryOp::kXor, 10), "6");
  // Two's complement semantics for negative big ints.
  EXPECT_EQ(Op(big.get(), BinaryOp::kAnd, NewInt(-1).get()), "-1267650600228229401496703205376");
  EXPECT_EQ(Op(big.get(), BinaryOp::kOr, NewInt(1).get()), "-1267650600228229401496703205375");
  EXPECT_EQ(Op(big.get(), BinaryOp::kXor, NewInt(-1).get()), "1267650600228229401496703205375");
  EXPECT_EQ(Show(Invert(NewInt(5).get())), "-6");
  EXPECT_EQ(Show(Invert(big.get())), "1267650600228229401496703205375");
}

TEST_F(IntTest, HashMatchesCPython) {
  EXPECT_EQ(Hash(NewInt(0).get()), 0);
  EXPECT_EQ(Hash(NewInt(12345).get()), 12345);
  EXPECT_EQ(Hash(NewInt(-1).get()), -2);
  EXPECT_EQ(Hash(NewInt(-2).get()), -2);
  EXPECT_EQ(Hash(True()), 1);
  EXPECT_EQ(Hash(False()), 0);
  EXPECT_EQ(Hash(BigInt("2305843009213693951").get()), 0);                         // 2**61 - 1
  EXPECT_EQ(Hash(BigInt("2305843009213693952").get()), 1);                         // 2**61
  EXPECT_EQ(Hash(BigInt("-2305843009213693952").get()), -2);                       // -(2**61)
  EXPECT_EQ(Hash(BigInt("1267650600228229401496703205376").get()), 549755813888);  // 2**100
  EXPECT_EQ(Hash(NewInt(INT64_MIN).get()), -4);
  // Equal ints and floats hash alike.
  EXPECT_EQ(Hash(BigInt("1267650600228229401496703205376").get()), Hash(NewFloat(0x1p100).get()));
  EXPECT_EQ(Hash(NewInt(-7).get()), Hash(NewFloat(-7.0).get()));
}

TEST_F(IntTest, ComparesIntsBoolsAndFloatsExactly) {
  Ref<Object> big = BigInt("1267650600228229401496703205376");
  Ref<Object> negative_big = Negative(big.get());
  Ref<Object> five = NewInt(5);
  EXPECT_EQ(RichCompareBool(big.get(), five.get(), CompareOp::kGt), 1);
  EXPECT_EQ(RichCompareBool(negative_big.get(), five.get(), CompareOp::kLt), 1);
  EXPECT_EQ(RichCompareBool(negative_big.get(), big.get(), CompareOp::kGe), 0);
  EXPECT_EQ(RichCompareBool(NewInt(1).get(), True(), CompareOp::kEq), 1);
  EXPECT_EQ(RichCompareBool(NewInt(0).get(), True(), CompareOp::kLt), 1);
  // 3 == 3.0 (basics.py), and exactness beyond 2**53.
  EXPECT_EQ(RichCompareBool(NewInt(3).get(), NewFloat(3.0).get(), CompareOp::kEq), 1);
  Ref<Object> above = BigInt("9007199254740993");  // 2**53 + 1, not a double
  Ref<Object> as_float = NewFloat(9007199254740992.0);
  EXPECT_EQ(RichCompareBool(above.get(), as_float.get(), CompareOp::kEq), 0);
  EXPECT_EQ(RichCompareBool(above.get(), as_float.get(), CompareOp::kGt), 1);
  EXPECT_EQ(RichCompareBool(big.get(), NewFloat(0x1p100).get(), CompareOp::kEq), 1);
  // int itself compares only with ints, as CPython's long_richcompare.
  Ref<Object> text = NewStr("5");
  Ref<Object> result = IntType()->slots().richcompare(five.get(), text.get(), CompareOp::kEq);
  EXPECT_EQ(result.get(), NotImplemented());
  result = IntType()->slots().richcompare(five.get(), as_float.get(), CompareOp::kEq);
  EXPECT_EQ(result.get(), NotImplemented());
  EXPECT_EQ(RichCompareBool(five.get(), text.get(), CompareOp::kEq), 0);
  EXPECT_EQ(RichCompareBool(five.get(), text.get(), CompareOp::kLt), -1);
  EXPECT_EQ(TakeExceptionAsStatus().message(),
            "TypeError: '<' not supported between instances of 'int' and 'str'");
}

TEST_F(IntTest, UnsupportedOperandsRaiseTypeError) {
  Ref<Object> text = NewStr("a");
  EXPECT_EQ(Op(NewInt(1).get(), BinaryOp::kAdd, text.get()),
            "TypeError: unsupported operand type(s) for +: 'int' and 'str'");
  EXPECT_EQ(Op(NewInt(1).get(), BinaryOp::kPower, None()),
            "TypeError: unsupported operand type(s) for ** or pow(): 'int' and 'NoneType'");
  EXPECT_EQ(Op(NewInt(1).get(), BinaryOp::kLShift, NewFloat(1.0).get()),
            "TypeError: unsupported operand type(s) for <<: 'int' and 'float'");
}

TEST_F(IntTest, MixedWithFloatsGivesFloats) {
  Ref<Object> half = NewFloat(0.5);
  EXPECT_EQ(Op(NewInt(1).get(), BinaryOp::kAdd, half.get()), "1.5");
  EXPECT_EQ(Op(NewInt(3).get(), BinaryOp::kMultiply, half.get()), "1.5");
  EXPECT_EQ(Op(NewInt(3).get(), BinaryOp::kFloorDivide, half.get()), "6.0");
  EXPECT_EQ(Op(True(), BinaryOp::kSubtract, half.get()), "0.5");
}

TEST_F(IntTest, UnaryOperationsAndConversionsGivePlainInts) {
  Ref<Object> plus = Positive(True());
  EXPECT_EQ(plus->type(), IntType());
  EXPECT_EQ(Show(plus), "1");
  EXPECT_EQ(Show(Negative(True())), "-1");
  EXPECT_EQ(Show(Absolute(NewInt(-5).get())), "5");
  EXPECT_EQ(Show(Invert(True())), "-2");
  Ref<Object> as_float =
      Call(WellKnownType(WellKnown::kFloat), {BigInt("12345678901234567890").get()});
  EXPECT_EQ(Show(as_float), "1.2345678901234567e+19");
  EXPECT_EQ(IsTrue(NewInt(0).get()), 0);
  EXPECT_EQ(IsTrue(BigInt("-100000000000000000000").get()), 1);
  EXPECT_EQ(IndexAsInt64(True()), 1);
}

TEST_F(IntTest, ConstructsFromNumbers) {
  EXPECT_EQ(IntOf({}), "0");
  Ref<Object> value = NewFloat(3.9);
  EXPECT_EQ(IntOf({value.get()}), "3");
  value = NewFloat(-3.9);
  EXPECT_EQ(IntOf({value.get()}), "-3");
  value = NewFloat(1e20);
  EXPECT_EQ(IntOf({value.get()}), "100000000000000000000");
  value = NewFloat(-0x1p70);
  EXPECT_EQ(IntOf({value.get()}), "-1180591620717411303424");
  value = NewFloat(HUGE_VAL);
  EXPECT_EQ(IntOf({value.get()}), "OverflowError: cannot convert float infinity to integer");
  value = NewFloat(std::nan(""));
  EXPECT_EQ(IntOf({value.get()}), "ValueError: cannot convert float NaN to integer");
  Ref<Object> from_bool = Call(IntType(), {True()});
  EXPECT_EQ(from_bool->type(), IntType());
  EXPECT_EQ(Show(from_bool), "1");
  EXPECT_EQ(IntOf({None()}),
            "TypeError: int() argument must be a string, a bytes-like object or a real number, "
            "not 'NoneType'");
}

TEST_F(IntTest, ConstructsFromStrings) {
  EXPECT_EQ(IntOfText("42"), "42");
  EXPECT_EQ(IntOfText("  -1_000\n"), "-1000");
  EXPECT_EQ(IntOfText("+7"), "7");
  EXPECT_EQ(IntOfText("0010"), "10");  // leading zeros are fine in base 10
  EXPECT_EQ(IntOfText("123456789012345678901234567890"), "123456789012345678901234567890");
  EXPECT_EQ(IntOfText("0x1f", 16), "31");
  EXPECT_EQ(IntOfText("1F", 16), "31");
  EXPECT_EQ(IntOfText("0x_1f", 0), "31");
  EXPECT_EQ(IntOfText("-0b101", 0), "-5");
  EXPECT_EQ(IntOfText("0o17", 0), "15");
  EXPECT_EQ(IntOfText("0b1", 16), "177");  // only base 2 treats 0b as a prefix
  EXPECT_EQ(IntOfText("00", 0), "0");
  EXPECT_EQ(IntOfText("0_0", 0), "0");
  EXPECT_EQ(IntOfText("z", 36), "35");
  EXPECT_EQ(IntOfText("abc"), InvalidLiteral("abc", 10));
  for (std::string_view bad : {"", " ", "1__0", "_1", "1_", "- 1", "1.5", "0x10"}) {
    EXPECT_EQ(IntOfText(bad), InvalidLiteral(bad, 10)) << bad;
  }
  EXPECT_EQ(IntOfText("010", 0), InvalidLiteral("010", 0));
  EXPECT_EQ(IntOfText("0x", 16), InvalidLiteral("0x", 16));
  EXPECT_EQ(IntOfText("2", 2), InvalidLiteral("2", 2));
  EXPECT_EQ(IntOfText("1", 1), "ValueError: int() base must be >= 2 and <= 36, or 0");
  EXPECT_EQ(IntOfText("1", 37), "ValueError: int() base must be >= 2 and <= 36, or 0");
  Ref<Object> twelve = NewInt(12);
  Ref<Object> ten = NewInt(10);
  EXPECT_EQ(IntOf({twelve.get(), ten.get()}),
            "TypeError: int() can't convert non-string with explicit base");
  Ref<Object> text = NewStr("1");
  Ref<Object> float_base = NewFloat(10.0);
  EXPECT_EQ(IntOf({text.get(), float_base.get()}),
            "TypeError: 'float' object cannot be interpreted as an integer");
  EXPECT_EQ(IntOf({text.get(), ten.get(), ten.get()}),
            "TypeError: int() takes at most 2 arguments (3 given)");
}

// Unicode decimal digits (category Nd) read as their ASCII digits and Unicode
// whitespace is stripped (CPython's _PyUnicode_TransformDecimalAndSpaceToASCII);
// only C's whitespace is stripped from ASCII text.
TEST_F(IntTest, ConstructsFromUnicodeDigits) {
  EXPECT_EQ(IntOfText("\u0663"), "3");                            // ٣
  EXPECT_EQ(IntOfText(" \u2003\u0661\u0662\u3000\u0085"), "12");  // ١٢ among spaces
  EXPECT_EQ(IntOfText("-\u09e7_\u09e8"), "-12");                  // Bengali
  EXPECT_EQ(IntOfText("\U0001d7ce\U0001d7cf"), "1");              // mathematical bold 01
  EXPECT_EQ(IntOfText("\u0661\u0662", 16), "18");
  EXPECT_EQ(IntOfText("\uff46", 16), InvalidLiteral("\uff46", 16));  // only digits, not letters
  for (std::string_view bad : {"\u00b2", "\u00bd", "\u2167", "\u4e03", "\u200b5",
                               "\x1c"
                               "5",
                               "5\x1f", "\u0663\u20ac5", "0x\u0661", "\u0661.\u0665"}) {
    EXPECT_EQ(IntOfText(bad), InvalidLiteral(bad, 10)) << bad;
  }
}

TEST_F(IntTest, BaseMayBeAKeywordArgument) {
  Ref<Object> text = NewStr("ff");
  Ref<Object> sixteen = NewInt(16);
  const Name* base = interp_->Intern("base");
  Object* args[] = {text.get(), sixteen.get()};
  const Name* names[] = {base};
  EXPECT_EQ(Show(Call(IntType(), CallArgs{.args = args, .kwnames = names})), "255");
  Object* only_base[] = {sixteen.get()};
  EXPECT_EQ(Show(Call(IntType(), CallArgs{.args = only_base, .kwnames = names})),
            "TypeError: int() missing string argument");
  const Name* x[] = {interp_->Intern("x")};
  Object* only_x[] = {text.get()};
  EXPECT_EQ(Show(Call(IntType(), CallArgs{.args = only_x, .kwnames = x})),
            "TypeError: int() got an unexpected keyword argument 'x'");
  Object* twice[] = {text.get(), sixteen.get(), sixteen.get()};
  EXPECT_EQ(Show(Call(IntType(), CallArgs{.args = twice, .kwnames = names})),
            "TypeError: int() takes at most 2 arguments (3 given)");
}

TEST_F(IntTest, DecimalConversionsAreLimitedTo4300Digits) {
  EXPECT_EQ(IntOfText(std::string(4300, '9')), std::string(4300, '9'));
  EXPECT_EQ(IntOfText(std::string(4301, '9')),
            "ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has "
            "4301 digits; use sys.set_int_max_str_digits() to increase the limit");
  // Power-of-two bases are not limited.
  EXPECT_EQ(IntOfText(std::string(5000, '1'), 2).substr(0, 5), "14124");
  Ref<Object> big = BinaryOperation(NewInt(10).get(), NewInt(4300).get(), BinaryOp::kPower);
  EXPECT_FALSE(ReprText(big.get()));
  EXPECT_EQ(TakeExceptionAsStatus().message(),
            "ValueError: Exceeds the limit (4300 digits) for integer string conversion; use "
            "sys.set_int_max_str_digits() to increase the limit");
  Ref<Object> largest = BinaryOperation(big.get(), NewInt(1).get(), BinaryOp::kSubtract);
  EXPECT_EQ(Show(largest), std::string(4300, '9'));
}

TEST_F(IntTest, SubclassInstancesKeepTheirTypeAndComputeAsInts) {
  TypeObject* bases[] = {IntType()};
  Ref<HeapType> my_int = *HeapType::Create(*interp_, "MyInt", bases);
  Ref<Object> five = Call(my_int.get(), {NewInt(5).get()});
  ASSERT_TRUE(five) << TakeExceptionAsStatus();
  EXPECT_EQ(five->type(), my_int.get());
  EXPECT_EQ(Show(five), "5");
  EXPECT_EQ(Hash(five.get()), 5);
  Ref<Object> sum = BinaryOperation(five.get(), NewInt(1).get(), BinaryOp::kAdd);
  EXPECT_EQ(sum->type(), IntType());
  EXPECT_EQ(Show(sum), "6");
  Ref<Object> big = Call(my_int.get(), {BigInt("100000000000000000000").get()});
  EXPECT_EQ(big->type(), my_int.get());
  EXPECT_EQ(Op(big.get(), BinaryOp::kMultiply, five.get()), "500000000000000000000");
  Ref<Object> empty = Call(my_int.get(), {});
  EXPECT_EQ(empty->type(), my_int.get());
  EXPECT_EQ(Show(empty), "0");
  Ref<Object> plain = Call(IntType(), {five.get()});
  EXPECT_EQ(plain->type(), IntType());
}

TEST_F(IntTest, Methods) {
  Ref<Object> value = NewInt(255);
  EXPECT_EQ(Method(value.get(), "bit_length"), "8");
  Ref<Object> negative = NewInt(-255);
  EXPECT_EQ(Method(negative.get(), "bit_length"), "8");
  EXPECT_EQ(Method(NewInt(0).get(), "bit_length"), "0");
  EXPECT_EQ(Method(BigInt("1267650600228229401496703205376").get(), "bit_length"), "101");
  EXPECT_EQ(Method(NewInt(-7).get(), "bit_count"), "3");
  EXPECT_EQ(Method(True(), "conjugate"), "1");
  EXPECT_EQ(Method(value.get(), "is_integer"), "True");
  Ref<Object> ratio = CallMethod(negative.get(), "as_integer_ratio", {});
  ASSERT_TRUE(ratio) << TakeExceptionAsStatus();
  ASSERT_EQ(TupleItems(ratio.get()).size(), 2u);
  EXPECT_EQ(Show(TupleItems(ratio.get())[0]), "-255");
  EXPECT_EQ(Show(TupleItems(ratio.get())[1]), "1");
  EXPECT_EQ(Method(value.get(), "bit_length", {value.get()}),
            "TypeError: int.bit_length() takes no arguments (1 given)");
  EXPECT_EQ(Method(value.get(), "__trunc__"), "255");
  EXPECT_EQ(Method(value.get(), "__floor__"), "255");
  EXPECT_EQ(Method(value.get(), "__ceil__"), "255");
}

TEST_F(IntTest, ToBytes) {
  auto to_bytes = [](Object* self, std::initializer_list<Arg> positional, Kwargs keywords = {}) {
    Ref<Object> method = GetAttr(self, "to_bytes");
    return Data(CallWith(method.get(), positional, keywords));
  };
  Ref<Object> value = NewInt(1024);
  Ref<Object> two = NewInt(2);
  Ref<Object> big = NewStr("big");
  Ref<Object> little = NewStr("little");
  EXPECT_EQ(to_bytes(value.get(), {two.get(), big.get()}), std::string("\x04\x00", 2));
  EXPECT_EQ(to_bytes(value.get(), {two.get(), little.get()}), std::string("\x00\x04", 2));
  EXPECT_EQ(to_bytes(value.get(), {}, {{"byteorder", little.get()}, {"length", two.get()}}),
            std::string("\x00\x04", 2));
  EXPECT_EQ(to_bytes(NewInt(255).get(), {}), "\xff");
  EXPECT_EQ(to_bytes(NewInt(256).get(), {}), "OverflowError: int too big to convert");
  EXPECT_EQ(to_bytes(NewInt(0).get(), {NewInt(0).get()}), "");
  EXPECT_EQ(to_bytes(NewInt(1).get(), {NewInt(0).get()}), "OverflowError: int too big to convert");
  EXPECT_EQ(to_bytes(NewInt(-1).get(), {two.get()}),
            "OverflowError: can't convert negative int to unsigned");
  EXPECT_EQ(to_bytes(NewInt(-1).get(), {two.get()}, {{"signed", True()}}), "\xff\xff");
  EXPECT_EQ(to_bytes(NewInt(-128).get(), {}, {{"signed", True()}}), "\x80");
  EXPECT_EQ(to_bytes(NewInt(-129).get(), {}, {{"signed", True()}}),
            "OverflowError: int too big to convert");
  EXPECT_EQ(to_bytes(NewInt(128).get(), {}, {{"signed", True()}}),
            "OverflowError: int too big to convert");
  EXPECT_EQ(to_bytes(NewInt(127).get(), {}, {{"signed", True()}}), "\x7f");
  EXPECT_EQ(to_bytes(NewInt(-256).get(), {two.get(), little.get()}, {{"signed", True()}}),
            std::string("\x00\xff", 2));
  Ref<Object> two_100 = BinaryOperation(NewInt(2).get(), NewInt(100).get(), BinaryOp::kPower);
  EXPECT_EQ(to_bytes(two_100.get(), {NewInt(13).get()}), "\x10" + std::string(12, '\0'));
  EXPECT_EQ(to_bytes(NewInt(1).get(), {NewInt(-1).get()}),
            "ValueError: length argument must be non-negative");
  Ref<Object> middle = NewStr("middle");
  EXPECT_EQ(to_bytes(NewInt(1).get(), {two.get(), middle.get()}),
            "ValueError: byteorder must be either 'little' or 'big'");
  EXPECT_EQ(to_bytes(NewInt(1).get(), {two.get(), two.get()}),
            "TypeError: to_bytes() argument 'byteorder' must be str, not int");
  EXPECT_EQ(to_bytes(NewInt(1).get(), {two.get(), big.get(), True()}),
            "TypeError: to_bytes() takes at most 2 positional arguments (3 given)");
  EXPECT_EQ(to_bytes(NewInt(1).get(), {}, {{"size", two.get()}}),
            "TypeError: to_bytes() got an unexpected keyword argument 'size'");
}

TEST_F(IntTest, FromBytes) {
  auto from_bytes = [](Object* cls, std::string_view data, std::string_view byteorder,
                       bool is_signed = false) {
    Ref<Object> bytes = NewBytes(data);
    Ref<Object> order = NewStr(byteorder);
    Ref<Object> method = GetAttr(cls, "from_bytes");
    return CallWith(method.get(), {bytes.get(), order.get()},
                    {{"signed", is_signed ? True() : False()}});
  };
  EXPECT_EQ(Show(from_bytes(IntType(), std::string("\x04\x00", 2), "big")), "1024");
  EXPECT_EQ(Show(from_bytes(IntType(), std::string("\x04\x00", 2), "little")), "4");
  EXPECT_EQ(Show(from_bytes(IntType(), "\xff\xff", "big")), "65535");
  EXPECT_EQ(Show(from_bytes(IntType(), "\xff\xff", "big", true)), "-1");
  EXPECT_EQ(Show(from_bytes(IntType(), "\x80", "little", true)), "-128");
  EXPECT_EQ(Show(from_bytes(IntType(), std::string("\x00\x80", 2), "little", true)), "-32768");
  EXPECT_EQ(Show(from_bytes(IntType(), "", "big", true)), "0");
  EXPECT_EQ(Show(from_bytes(IntType(), "\x10" + std::string(12, '\0'), "big")),
            "1267650600228229401496703205376");
  EXPECT_EQ(Show(from_bytes(IntType(), "\x01", "sideways")),
            "ValueError: byteorder must be either 'little' or 'big'");
  Ref<Object> text = NewStr("ab");
  EXPECT_EQ(Show(CallMethod(IntType(), "from_bytes", {text.get()})),
            "TypeError: cannot convert 'str' object to bytes");
  EXPECT_EQ(Show(CallWith(GetAttr(IntType(), "from_bytes").get(), {}, {})),
            "TypeError: from_bytes() missing required argument 'bytes' (pos 1)");
  TypeObject* bases[] = {IntType()};
  Ref<HeapType> my_int = *HeapType::Create(*interp_, "MyInt", bases);
  Ref<Object> mine = from_bytes(my_int.get(), std::string("\x01\x00", 2), "big");
  ASSERT_TRUE(mine) << TakeExceptionAsStatus();
  EXPECT_EQ(mine->type(), my_int.get());
  EXPECT_EQ(Show(mine), "256");
}

TEST_F(IntTest, ConstructsFromBytes) {
  Ref<Object> data = NewBytes(" 42 ");
  EXPECT_EQ(IntOf({data.get()}), "42");
  data = NewBytes("ff");
  Ref<Object> sixteen = NewInt(16);
  EXPECT_EQ(IntOf({data.get(), sixteen.get()}), "255");
  data = NewBytes("abc");
  EXPECT_EQ(IntOf({data.get()}),
            "ValueError: invalid literal for int() with base 10: " + *ReprText(data.get()));
}

TEST_F(IntTest, RoundTiesToEven) {
  auto round = [](int64_t value, int64_t ndigits) {
    Ref<Object> places = NewInt(ndigits);
    return Method(NewInt(value).get(), "__round__", {places.get()});
  };
  EXPECT_EQ(round(1250, -2), "1200");
  EXPECT_EQ(round(1350, -2), "1400");
  EXPECT_EQ(round(1251, -2), "1300");
  EXPECT_EQ(round(-1250, -2), "-1200");
  EXPECT_EQ(round(-1251, -2), "-1300");
  EXPECT_EQ(round(5, -1), "0");
  EXPECT_EQ(round(15, -1), "20");
  EXPECT_EQ(round(12345, 2), "12345");
  EXPECT_EQ(round(12345, -30), "0");
  EXPECT_EQ(Method(NewInt(7).get(), "__round__"), "7");
  Ref<Object> half = NewFloat(0.5);
  EXPECT_EQ(Method(NewInt(7).get(), "__round__", {half.get()}),
            "TypeError: 'float' object cannot be interpreted as an integer");
}

TEST_F(IntTest, Getters) {
  Ref<Object> value = NewInt(-42);
  EXPECT_EQ(Show(GetAttr(value.get(), "real")), "-42");
  EXPECT_EQ(Show(GetAttr(value.get(), "imag")), "0");
  EXPECT_EQ(Show(GetAttr(value.get(), "numerator")), "-42");
  EXPECT_EQ(Show(GetAttr(value.get(), "denominator")), "1");
  Ref<Object> real = GetAttr(True(), "real");
  EXPECT_EQ(real->type(), IntType());
  EXPECT_EQ(Show(GetAttr(value.get(), "foo")),
            "AttributeError: 'int' object has no attribute 'foo'");
}

// ---------------------------------------------------------------------------
// __format__ (expected values from CPython)
// ---------------------------------------------------------------------------

class IntFormatTest : public IntTest {};

TEST_F(IntFormatTest, FormatSpec) {
  EXPECT_EQ(Fmt(NewInt(0), ""), "'0'");
  EXPECT_EQ(Fmt(NewInt(42), ""), "'42'");
  EXPECT_EQ(Fmt(NewInt(-42), "d"), "'-42'");
  EXPECT_EQ(Fmt(NewInt(42), "+d"), "'+42'");
  EXPECT_EQ(Fmt(NewInt(42), " d"), "' 42'");
  EXPECT_EQ(Fmt(NewInt(-42), " d"), "'-42'");
  EXPECT_EQ(Fmt(NewInt(42), "5"), "'   42'");
  EXPECT_EQ(Fmt(NewInt(42), "<5"), "'42   '");
  EXPECT_EQ(Fmt(NewInt(42), "^6"), "'  42  '");
  EXPECT_EQ(Fmt(NewInt(-42), "=6"), "'-   42'");
  EXPECT_EQ(Fmt(NewInt(-42), "06"), "'-00042'");
  EXPECT_EQ(Fmt(NewInt(42), "*^7"), "'**42***'");
  EXPECT_EQ(Fmt(NewInt(255), "b"), "'11111111'");
  EXPECT_EQ(Fmt(NewInt(255), "#b"), "'0b11111111'");
  EXPECT_EQ(Fmt(NewInt(255), "o"), "'377'");
  EXPECT_EQ(Fmt(NewInt(255), "#o"), "'0o377'");
  EXPECT_EQ(Fmt(NewInt(255), "x"), "'ff'");
  EXPECT_EQ(Fmt(NewInt(255), "#x"), "'0xff'");
  EXPECT_EQ(Fmt(NewInt(255), "X"), "'FF'");
  EXPECT_EQ(Fmt(NewInt(255), "#X"), "'0XFF'");
  EXPECT_EQ(Fmt(NewInt(-255), "#x"), "'-0xff'");
  EXPECT_EQ(Fmt(NewInt(-5), "#010b"), "'-0b0000101'");
  EXPECT_EQ(Fmt(NewInt(-255), "#010x"), "'-0x00000ff'");
  EXPECT_EQ(Fmt(NewInt(1234567), ","), "'1,234,567'");
  EXPECT_EQ(Fmt(NewInt(1234567), "_"), "'1_234_567'");
  EXPECT_EQ(Fmt(NewInt(-1234567), ","), "'-1,234,567'");
  EXPECT_EQ(Fmt(NewInt(1234567), "_d"), "'1_234_567'");
  EXPECT_EQ(Fmt(NewInt(11259375), "_x"), "'ab_cdef'");
  EXPECT_EQ(Fmt(NewInt(11259375), "#012_x"), "'0x0_00ab_cdef'");
  EXPECT_EQ(Fmt(NewInt(255), "_b"), "'1111_1111'");
  EXPECT_EQ(Fmt(NewInt(1234), "08,"), "'0,001,234'");
  EXPECT_EQ(Fmt(NewInt(1234), "09,"), "'0,001,234'");
  EXPECT_EQ(Fmt(NewInt(1234), "010,"), "'00,001,234'");
  EXPECT_EQ(Fmt(NewInt(1234), "x=10,"), "'xxxxx1,234'");
  EXPECT_EQ(Fmt(NewInt(65), "c"), "'A'");
  EXPECT_EQ(Fmt(NewInt(65), "05c"), "'0000A'");
  EXPECT_EQ(Fmt(NewInt(8364), ">3c"),
            "'  \xe2\x82\xac"
            "'");
  EXPECT_EQ(Fmt(NewInt(1234567), "n"), "'1234567'");
  EXPECT_EQ(Fmt(NewInt(42), ".2"), "ValueError: Precision not allowed in integer format specifier");
  EXPECT_EQ(Fmt(NewInt(42), ".2d"),
            "ValueError: Precision not allowed in integer format specifier");
  EXPECT_EQ(Fmt(NewInt(42), "z"),
            "ValueError: Negative zero coercion (z) not allowed in integer format specifier");
  EXPECT_EQ(Fmt(NewInt(42), "q"), "ValueError: Unknown format code 'q' for object of type 'int'");
  EXPECT_EQ(Fmt(NewInt(42), "dd"),
            "ValueError: Invalid format specifier 'dd' for object of type 'int'");
  EXPECT_EQ(Fmt(NewInt(42), ",x"), "ValueError: Cannot specify ',' with 'x'.");
  EXPECT_EQ(Fmt(NewInt(42), ",c"), "ValueError: Cannot specify ',' with 'c'.");
  EXPECT_EQ(Fmt(NewInt(42), "_n"), "ValueError: Cannot specify '_' with 'n'.");
  EXPECT_EQ(Fmt(NewInt(42), ",_"), "ValueError: Cannot specify both ',' and '_'.");
  EXPECT_EQ(Fmt(NewInt(42), "_,"), "ValueError: Cannot specify both ',' and '_'.");
  EXPECT_EQ(Fmt(NewInt(42), "+c"),
            "ValueError: Sign not allowed with integer format specifier 'c'");
  EXPECT_EQ(Fmt(NewInt(42), "#c"),
            "ValueError: Alternate form (#) not allowed with integer format specifier 'c'");
  EXPECT_EQ(Fmt(NewInt(-1), "c"), "OverflowError: %c arg not in range(0x110000)");
  EXPECT_EQ(Fmt(NewInt(1114112), "c"), "OverflowError: %c arg not in range(0x110000)");
  EXPECT_EQ(Fmt(NewInt(3), "e"), "'3.000000e+00'");
  EXPECT_EQ(Fmt(NewInt(3), ".2f"), "'3.00'");
  EXPECT_EQ(Fmt(NewInt(3), "%"), "'300.000000%'");
  EXPECT_EQ(Fmt(NewInt(-3), "+.1E"), "'-3.0E+00'");
  EXPECT_EQ(Fmt(NewInt(1234567), ",.2f"), "'1,234,567.00'");
  EXPECT_EQ(Fmt(NewInt(3), "g"), "'3'");
  EXPECT_EQ(Fmt(NewInt(3), "G"), "'3'");
  EXPECT_EQ(Fmt(NewInt(3), "F"), "'3.000000'");
  EXPECT_EQ(Fmt(BigInt("100000000000000000000"), "e"), "'1.000000e+20'");
  EXPECT_EQ(Fmt(BigInt("100000000000000000000"), ","), "'100,000,000,000,000,000,000'");
  EXPECT_EQ(Fmt(BigInt("100000000000000000000"), "_x"), "'5_6bc7_5e2d_6310_0000'");
  EXPECT_EQ(Fmt(BigInt("-1180591620717411303424"), "#_b"),
            "'-0b100_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_"
            "0000_0000'");
  EXPECT_EQ(Fmt(NewInt(42), "."), "ValueError: Format specifier missing precision");
  EXPECT_EQ(Fmt(NewInt(42), "5."), "ValueError: Format specifier missing precision");
  EXPECT_EQ(Fmt(NewInt(42),
                "\xc3\xa9"
                ""),
            "ValueError: Unknown format code '\\xe9' for object of type 'int'");
  EXPECT_EQ(Fmt(NewInt(42),
                "\xc3\xa9"
                ">5"),
            "'\xc3\xa9"
            "\xc3\xa9"
            "\xc3\xa9"
            "42'");
  EXPECT_EQ(Fmt(NewInt(42), "99999999999999999999"),
            "ValueError: Too many decimal digits in format string");
  EXPECT_EQ(Fmt(NewInt(7), "0"), "'7'");
  EXPECT_EQ(Fmt(NewInt(7), "00"), "'7'");
  EXPECT_EQ(Fmt(NewInt(7), "-"), "'7'");
  EXPECT_EQ(Fmt(NewInt(7), "="), "'7'");
  EXPECT_EQ(Fmt(NewInt(7), "+08"), "'+0000007'");
  EXPECT_EQ(Fmt(NewInt(7), " ^5"), "'  7  '");
}

TEST_F(IntFormatTest, FormatBigIntsBoolsAndSubclasses) {
  EXPECT_EQ(Fmt(PowerOfTwo(70), ","), "'1,180,591,620,717,411,303,424'");
  EXPECT_EQ(Fmt(PowerOfTwo(70), "#x"), "'0x400000000000000000'");
  EXPECT_EQ(Fmt(PowerOfTwo(70), "c"), "OverflowError: Python int too large to convert to C long");
  Ref<Object> huge = BigInt(std::string(4300, '9'));
  EXPECT_EQ(Fmt(huge, "d").size(), 4302u);
  Ref<Object> too_big = BinaryOperation(NewInt(10).get(), NewInt(4300).get(), BinaryOp::kPower);
  EXPECT_EQ(Fmt(too_big, "d"),
            "ValueError: Exceeds the limit (4300 digits) for integer string conversion; use "
            "sys.set_int_max_str_digits() to increase the limit");
  EXPECT_EQ(Fmt(too_big, "x").substr(0, 4), "'139");
  // bool uses int's __format__; an empty spec is str(self).
  EXPECT_EQ(Fmt(NewInt(1), "9999999999999"), "MemoryError");
  EXPECT_EQ(Fmt(BoolRef(true), ""), "'True'");
  EXPECT_EQ(Fmt(BoolRef(true), "d"), "'1'");
  EXPECT_EQ(Fmt(BoolRef(false), ">5"), "'    0'");
  EXPECT_EQ(Fmt(BoolRef(true), "q"),
            "ValueError: Unknown format code 'q' for object of type 'bool'");
  Ref<HeapType> sub = NewClass("MyInt", IntType());
  Ref<Object> seven = CallWith(sub.get(), {7});
  EXPECT_EQ(Fmt(seven, "03"), "'007'");
  EXPECT_EQ(Fmt(seven, "s"), "ValueError: Unknown format code 's' for object of type 'MyInt'");
  EXPECT_EQ(Method(NewInt(5).get(), "__format__", {NewStr("x>3").get()}), "'xx5'");
  EXPECT_EQ(Method(NewInt(5).get(), "__format__", {NewInt(1).get()}),
            "TypeError: __format__() argument must be str, not int");
}

}  // namespace
}  // namespace islet
