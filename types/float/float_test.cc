// Tests of `float` through the object protocol: repr, parsing, arithmetic with
// Python's rules and CPython 3.14's messages, exact comparison with ints, and
// hashes consistent with int.

#include "objects/float.h"

#include <cmath>
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
#include "objects/exception.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/well_known.h"
#include "tests/testing/object_test_support.h"

namespace islet {
namespace {

class FloatTest : public testing::ObjectTest {
 protected:
  static TypeObject* FloatType() { return WellKnownType(WellKnown::kFloat); }

  using ObjectTest::Show;
  static std::string Show(double value) { return Show(NewFloat(value)); }

  using ObjectTest::Op;
  static std::string Op(double a, BinaryOp op, double b) {
    Ref<Object> x = NewFloat(a);
    Ref<Object> y = NewFloat(b);
    return Op(x.get(), op, y.get());
  }

  static std::string FloatOfText(std::string_view text) {
    Ref<Object> str = NewStr(text);
    return Show(Call(FloatType(), {str.get()}));
  }
  static std::string CannotConvert(std::string_view text) {
    Ref<Object> str = NewStr(text);
    return "ValueError: could not convert string to float: " + *ReprText(str.get());
  }

  static std::string Method(double self, std::string_view name,
                            std::initializer_list<Object*> args = {}) {
    return ObjectTest::Method(NewFloat(self).get(), name, args);
  }
  // The text of a method's str result.
  static std::string TextOf(double self, std::string_view name) {
    Ref<Object> value = NewFloat(self);
    Ref<Object> result = CallMethod(value.get(), name, {});
    if (!result) return Error();
    return std::string(StrView(result.get()));
  }
};

TEST_F(FloatTest, ReprIsTheShortestRoundTrip) {
  EXPECT_EQ(Show(1.0), "1.0");
  EXPECT_EQ(Show(0.1), "0.1");
  EXPECT_EQ(Show(3.5), "3.5");
  EXPECT_EQ(Show(-2.5), "-2.5");
  EXPECT_EQ(Show(123.456), "123.456");
  EXPECT_EQ(Show(1e16), "1e+16");
  EXPECT_EQ(Show(1e15), "1000000000000000.0");
  EXPECT_EQ(Show(123456789012345678.0), "1.2345678901234568e+17");
  EXPECT_EQ(Show(1e22), "1e+22");
  EXPECT_EQ(Show(1e-5), "1e-05");
  EXPECT_EQ(Show(0.0001), "0.0001");
  EXPECT_EQ(Show(0.00012), "0.00012");
  EXPECT_EQ(Show(1.5e300), "1.5e+300");
  EXPECT_EQ(Show(-1.5e-300), "-1.5e-300");
  EXPECT_EQ(Show(5e-324), "5e-324");
  EXPECT_EQ(Show(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(Show(0.0), "0.0");
  EXPECT_EQ(Show(-0.0), "-0.0");
  EXPECT_EQ(Show(HUGE_VAL), "inf");
  EXPECT_EQ(Show(-HUGE_VAL), "-inf");
  EXPECT_EQ(Show(std::nan("")), "nan");
  EXPECT_EQ(Show(-std::nan("")), "nan");
  Ref<Object> value = NewFloat(2.5);
  EXPECT_EQ(*StrText(value.get()), "2.5");
}

TEST_F(FloatTest, ConstructsFromStrings) {
  EXPECT_EQ(FloatOfText("1.5"), "1.5");
  EXPECT_EQ(FloatOfText(" 2 "), "2.0");
  EXPECT_EQ(FloatOfText("\t-1e3\n"), "-1000.0");
  EXPECT_EQ(FloatOfText("+.5"), "0.5");
  EXPECT_EQ(FloatOfText("5."), "5.0");
  EXPECT_EQ(FloatOfText("1_000.000_5"), "1000.0005");
  EXPECT_EQ(FloatOfText("1e1_0"), "10000000000.0");
  EXPECT_EQ(FloatOfText("inf"), "inf");
  EXPECT_EQ(FloatOfText("-Infinity"), "-inf");
  EXPECT_EQ(FloatOfText("iNF"), "inf");
  EXPECT_EQ(FloatOfText("nan"), "nan");
  EXPECT_EQ(FloatOfText("-NaN"), "nan");
  EXPECT_EQ(FloatOfText("1e400"), "inf");
  EXPECT_EQ(FloatOfText("-1e400"), "-inf");
  EXPECT_EQ(FloatOfText("1e-400"), "0.0");
  EXPECT_EQ(FloatOfText("-1e-400"), "-0.0");
  EXPECT_EQ(FloatOfText("0.000000001e-320"), "0.0");
  EXPECT_EQ(FloatOfText("4.9e-324"), "5e-324");
  EXPECT_EQ(FloatOfText("0.1e310"), "inf");
  for (std::string_view bad : {"abc", "", " ", "1__0", "1_", "_1", "1e", "e5", ".", "1.5.2",
                               "nan(1)", "0x10", "1 2", "--1", "in", "infinit", "1_.5", "1._5"}) {
    EXPECT_EQ(FloatOfText(bad), CannotConvert(bad)) << bad;
  }
}

// As int(): Unicode decimal digits and whitespace, C's whitespace in ASCII.
TEST_F(FloatTest, ConstructsFromUnicodeDigits) {
  EXPECT_EQ(FloatOfText("\u0661.\u0665"), "1.5");  // ١.٥
  EXPECT_EQ(FloatOfText("\u2003-\u0663e\u0661\u3000"), "-30.0");
  EXPECT_EQ(FloatOfText("\u0085inf\u2003"), "inf");
  for (std::string_view bad : {"\u00bd",
                               "\x1c"
                               "5",
                               "5\x1f", "\u200b5", "\u0663\u20ac", "1_\u2003"}) {
    EXPECT_EQ(FloatOfText(bad), CannotConvert(bad)) << bad;
  }
}

TEST_F(FloatTest, ConstructsFromBytes) {
  Ref<Object> data = NewBytes(" -1.5e3 ");
  EXPECT_EQ(Show(Call(FloatType(), {data.get()})), "-1500.0");
  data = NewBytes("abc");
  EXPECT_EQ(Show(Call(FloatType(), {data.get()})),
            "ValueError: could not convert string to float: " + *ReprText(data.get()));
}

TEST_F(FloatTest, ConstructsFromNumbers) {
  EXPECT_EQ(Show(Call(FloatType(), {})), "0.0");
  EXPECT_EQ(Show(Call(FloatType(), {NewInt(5).get()})), "5.0");
  EXPECT_EQ(Show(Call(FloatType(), {True()})), "1.0");
  Ref<Object> value = NewFloat(2.5);
  EXPECT_EQ(Call(FloatType(), {value.get()}).get(), value.get());
  Ref<Object> huge = BinaryOperation(NewInt(2).get(), NewInt(1024).get(), BinaryOp::kPower);
  EXPECT_EQ(Show(Call(FloatType(), {huge.get()})),
            "OverflowError: int too large to convert to float");
  Ref<Object> below = BinaryOperation(huge.get(), NewInt(1).get(), BinaryOp::kSubtract);
  EXPECT_EQ(Show(Call(FloatType(), {below.get()})),
            "OverflowError: int too large to convert to float");
  Ref<Object> largest = IntFromString(
      "17976931348623157081452742373170435679807056752584499659891747680315726078002853876058955863"
      "27668781715404589535143824642343213268894641827684675467035375169860499105765512820762454900"
      "90389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177"
      "180919299881250404026184124858368",
      10);
  EXPECT_EQ(Show(Call(FloatType(), {largest.get()})), "1.7976931348623157e+308");
  EXPECT_EQ(Show(Call(FloatType(), {None()})),
            "TypeError: float() argument must be a string or a real number, not 'NoneType'");
  EXPECT_EQ(Show(Call(FloatType(), {value.get(), value.get()})),
            "TypeError: float expected at most 1 argument, got 2");
}

TEST_F(FloatTest, Arithmetic) {
  EXPECT_EQ(Op(0.1, BinaryOp::kAdd, 0.2), "0.30000000000000004");
  EXPECT_EQ(Op(1.5, BinaryOp::kSubtract, 2.0), "-0.5");
  EXPECT_EQ(Op(1.5, BinaryOp::kMultiply, 2.0), "3.0");
  EXPECT_EQ(Op(1.0, BinaryOp::kTrueDivide, 3.0), "0.3333333333333333");
  EXPECT_EQ(Op(1e308, BinaryOp::kMultiply, 10.0), "inf");
  EXPECT_EQ(Show(Negative(NewFloat(0.0).get())), "-0.0");
  EXPECT_EQ(Show(Absolute(NewFloat(-2.5).get())), "2.5");
  EXPECT_EQ(Show(Positive(NewFloat(-2.5).get())), "-2.5");
  EXPECT_EQ(Show(Invert(NewFloat(1.0).get())), "TypeError: bad operand type for unary ~: 'float'");
}

TEST_F(FloatTest, FloorDivisionAndRemainderFollowPythonSignRules) {
  EXPECT_EQ(Op(7.5, BinaryOp::kFloorDivide, 2.0), "3.0");
  EXPECT_EQ(Op(7.5, BinaryOp::kRemainder, 2.0), "1.5");
  EXPECT_EQ(Op(-7.5, BinaryOp::kFloorDivide, 2.0), "-4.0");
  EXPECT_EQ(Op(-7.5, BinaryOp::kRemainder, 2.0), "0.5");
  EXPECT_EQ(Op(7.5, BinaryOp::kFloorDivide, -2.0), "-4.0");
  EXPECT_EQ(Op(7.5, BinaryOp::kRemainder, -2.0), "-0.5");
  EXPECT_EQ(Op(-0.0, BinaryOp::kRemainder, 5.0), "0.0");
  EXPECT_EQ(Op(6.0, BinaryOp::kRemainder, -3.0), "-0.0");
  EXPECT_EQ(Op(0.0, BinaryOp::kFloorDivide, -3.0), "-0.0");
  EXPECT_EQ(Op(5.0, BinaryOp::kRemainder, HUGE_VAL), "5.0");
  EXPECT_EQ(Op(1.0, BinaryOp::kFloorDivide, 0.1), "9.0");
  EXPECT_EQ(Op(1.0, BinaryOp::kRemainder, 0.1), "0.09999999999999995");
}

TEST_F(FloatTest, DivisionByZeroHasCPython314Messages) {
  EXPECT_EQ(Op(1.0, BinaryOp::kTrueDivide, 0.0), "ZeroDivisionError: division by zero");
  EXPECT_EQ(Op(1.0, BinaryOp::kFloorDivide, 0.0), "ZeroDivisionError: division by zero");
  EXPECT_EQ(Op(1.0, BinaryOp::kRemainder, -0.0), "ZeroDivisionError: division by zero");
  EXPECT_EQ(Op(NewInt(1).get(), BinaryOp::kTrueDivide, NewFloat(0.0).get()),
            "ZeroDivisionError: division by zero");
  EXPECT_EQ(Op(NewFloat(1.0).get(), BinaryOp::kFloorDivide, NewInt(0).get()),
            "ZeroDivisionError: division by zero");
  EXPECT_EQ(Op(0.0, BinaryOp::kPower, -1.0), "ZeroDivisionError: zero to a negative power");
}

TEST_F(FloatTest, MixesWithIntsOnEitherSide) {
  Ref<Object> half = NewFloat(1.5);
  Ref<Object> one = NewInt(1);
  EXPECT_EQ(Op(half.get(), BinaryOp::kAdd, one.get()), "2.5");
  EXPECT_EQ(Op(one.get(), BinaryOp::kAdd, half.get()), "2.5");
  EXPECT_EQ(Op(one.get(), BinaryOp::kSubtract, half.get()), "-0.5");
  EXPECT_EQ(Op(NewInt(2).get(), BinaryOp::kPower, NewFloat(0.5).get()), "1.4142135623730951");
  EXPECT_EQ(Op(NewInt(7).get(), BinaryOp::kRemainder, NewFloat(-2.0).get()), "-1.0");
  EXPECT_EQ(Op(half.get(), BinaryOp::kMultiply, True()), "1.5");
  Ref<Object> huge = BinaryOperation(NewInt(10).get(), NewInt(400).get(), BinaryOp::kPower);
  EXPECT_EQ(Op(half.get(), BinaryOp::kAdd, huge.get()),
            "OverflowError: int too large to convert to float");
  Ref<Object> text = NewStr("a");
  EXPECT_EQ(Op(half.get(), BinaryOp::kAdd, text.get()),
            "TypeError: unsupported operand type(s) for +: 'float' and 'str'");
  EXPECT_EQ(FloatType()->slots().add(half.get(), text.get()).get(), NotImplemented());
}

TEST_F(FloatTest, PowerSpecialCases) {
  const double inf = HUGE_VAL;
  const double nan = std::nan("");
  EXPECT_EQ(Op(-2.0, BinaryOp::kPower, 3.0), "-8.0");
  EXPECT_EQ(Op(-2.0, BinaryOp::kPower, 2.0), "4.0");
  EXPECT_EQ(Op(-1.0, BinaryOp::kPower, 3.0), "-1.0");
  EXPECT_EQ(Op(2.0, BinaryOp::kPower, -2.0), "0.25");
  EXPECT_EQ(Op(nan, BinaryOp::kPower, 0.0), "1.0");
  EXPECT_EQ(Op(1.0, BinaryOp::kPower, nan), "1.0");
  EXPECT_EQ(Op(2.0, BinaryOp::kPower, nan), "nan");
  EXPECT_EQ(Op(0.5, BinaryOp::kPower, inf), "0.0");
  EXPECT_EQ(Op(2.0, BinaryOp::kPower, inf), "inf");
  EXPECT_EQ(Op(2.0, BinaryOp::kPower, -inf), "0.0");
  EXPECT_EQ(Op(-1.0, BinaryOp::kPower, inf), "1.0");
  EXPECT_EQ(Op(-inf, BinaryOp::kPower, 3.0), "-inf");
  EXPECT_EQ(Op(-inf, BinaryOp::kPower, 2.0), "inf");
  EXPECT_EQ(Op(-inf, BinaryOp::kPower, -3.0), "-0.0");
  EXPECT_EQ(Op(-0.0, BinaryOp::kPower, 3.0), "-0.0");
  EXPECT_EQ(Op(-8.0, BinaryOp::kPower, 1.0 / 3),
            "ValueError: negative number cannot be raised to a fractional power");
  // Overflow is OverflowError(34, 'Numerical result out of range').
  Ref<Object> result =
      BinaryOperation(NewFloat(10.0).get(), NewFloat(400.0).get(), BinaryOp::kPower);
  EXPECT_FALSE(result);
  Ref<Object> exception = TakeException();
  ASSERT_TRUE(exception);
  EXPECT_EQ(exception->type(), WellKnownType(WellKnown::kOverflowError));
  std::span<const Ref<Object>> args =
      TupleItems(static_cast<ExceptionObject*>(exception.get())->args.get());
  ASSERT_EQ(args.size(), 2u);
  EXPECT_EQ(IntAsInt64(args[0].get()), 34);
  EXPECT_EQ(StrView(args[1].get()), "Numerical result out of range");
}

TEST_F(FloatTest, HashAgreesWithInt) {
  EXPECT_EQ(Hash(NewFloat(1.0).get()), 1);
  EXPECT_EQ(Hash(NewFloat(1.0).get()), Hash(True()));
  EXPECT_EQ(Hash(NewFloat(-1.0).get()), -2);
  EXPECT_EQ(Hash(NewFloat(0.0).get()), 0);
  EXPECT_EQ(Hash(NewFloat(-0.0).get()), 0);
  EXPECT_EQ(Hash(NewFloat(1.5).get()), 1152921504606846977);
  EXPECT_EQ(Hash(NewFloat(-2.5).get()), -1152921504606846978);
  EXPECT_EQ(Hash(NewFloat(1e100).get()), 1822893315824342674);
  EXPECT_EQ(Hash(NewFloat(0x1p70).get()), 512);
  Ref<Object> two_70 = BinaryOperation(NewInt(2).get(), NewInt(70).get(), BinaryOp::kPower);
  EXPECT_EQ(Hash(two_70.get()), 512);
  EXPECT_EQ(Hash(NewFloat(HUGE_VAL).get()), 314159);
  EXPECT_EQ(Hash(NewFloat(-HUGE_VAL).get()), -314159);
  // NaNs hash by identity.
  Ref<Object> nan = NewFloat(std::nan(""));
  EXPECT_EQ(Hash(nan.get()), Hash(nan.get()));
  EXPECT_NE(Hash(nan.get()), -1);
}

TEST_F(FloatTest, ComparesWithIntsExactly) {
  Ref<Object> two_53 = NewFloat(9007199254740992.0);
  Ref<Object> above = IntFromString("9007199254740993", 10);
  EXPECT_EQ(RichCompareBool(two_53.get(), above.get(), CompareOp::kLt), 1);
  EXPECT_EQ(RichCompareBool(two_53.get(), above.get(), CompareOp::kEq), 0);
  EXPECT_EQ(RichCompareBool(two_53.get(), NewInt(9007199254740992).get(), CompareOp::kEq), 1);
  EXPECT_EQ(RichCompareBool(NewFloat(1.5).get(), NewInt(2).get(), CompareOp::kLt), 1);
  EXPECT_EQ(RichCompareBool(NewFloat(2.0).get(), True(), CompareOp::kGt), 1);
  Ref<Object> huge = BinaryOperation(NewInt(10).get(), NewInt(400).get(), BinaryOp::kPower);
  EXPECT_EQ(RichCompareBool(NewFloat(HUGE_VAL).get(), huge.get(), CompareOp::kGt), 1);
  EXPECT_EQ(RichCompareBool(NewFloat(1e308).get(), huge.get(), CompareOp::kLt), 1);
  Ref<Object> negative_huge = Negative(huge.get());
  EXPECT_EQ(RichCompareBool(NewFloat(-HUGE_VAL).get(), negative_huge.get(), CompareOp::kLt), 1);
  EXPECT_EQ(RichCompareBool(NewFloat(0x1p100).get(), NewInt(5).get(), CompareOp::kNe), 1);
  Ref<Object> nan = NewFloat(std::nan(""));
  Ref<Object> other_nan = NewFloat(std::nan(""));
  EXPECT_EQ(RichCompareBool(nan.get(), other_nan.get(), CompareOp::kEq), 0);
  EXPECT_EQ(RichCompareBool(nan.get(), other_nan.get(), CompareOp::kNe), 1);
  EXPECT_EQ(RichCompareBool(nan.get(), NewInt(1).get(), CompareOp::kLt), 0);
  EXPECT_EQ(RichCompareBool(nan.get(), NewInt(1).get(), CompareOp::kNe), 1);
  EXPECT_EQ(RichCompareBool(NewInt(1).get(), nan.get(), CompareOp::kGe), 0);
  Ref<Object> text = NewStr("a");
  EXPECT_EQ(RichCompareBool(NewFloat(0.5).get(), text.get(), CompareOp::kEq), 0);
  EXPECT_EQ(RichCompareBool(NewFloat(0.5).get(), text.get(), CompareOp::kLt), -1);
  EXPECT_EQ(TakeExceptionAsStatus().message(),
            "TypeError: '<' not supported between instances of 'float' and 'str'");
}

TEST_F(FloatTest, TruthAndConversionToInt) {
  EXPECT_EQ(IsTrue(NewFloat(0.0).get()), 0);
  EXPECT_EQ(IsTrue(NewFloat(-0.0).get()), 0);
  EXPECT_EQ(IsTrue(NewFloat(std::nan("")).get()), 1);
  EXPECT_EQ(IsTrue(NewFloat(0.1).get()), 1);
  Ref<Object> value = NewFloat(-2.9);
  EXPECT_EQ(Show(Call(WellKnownType(WellKnown::kInt), {value.get()})), "-2");
  EXPECT_FALSE(IndexAsInt64(value.get()));
  EXPECT_EQ(TakeExceptionAsStatus().message(),
            "TypeError: 'float' object cannot be interpreted as an integer");
}

TEST_F(FloatTest, Methods) {
  EXPECT_EQ(Method(2.0, "is_integer"), "True");
  EXPECT_EQ(Method(2.5, "is_integer"), "False");
  EXPECT_EQ(Method(HUGE_VAL, "is_integer"), "False");
  Ref<Object> value = NewFloat(0.1);
  Ref<Object> ratio = CallMethod(value.get(), "as_integer_ratio", {});
  ASSERT_TRUE(ratio) << TakeExceptionAsStatus();
  EXPECT_EQ(Show(TupleItems(ratio.get())[0]), "3602879701896397");
  EXPECT_EQ(Show(TupleItems(ratio.get())[1]), "36028797018963968");
  value = NewFloat(-2.5);
  ratio = CallMethod(value.get(), "as_integer_ratio", {});
  EXPECT_EQ(Show(TupleItems(ratio.get())[0]), "-5");
  EXPECT_EQ(Show(TupleItems(ratio.get())[1]), "2");
  EXPECT_EQ(Method(HUGE_VAL, "as_integer_ratio"),
            "OverflowError: cannot convert Infinity to integer ratio");
  EXPECT_EQ(Method(std::nan(""), "as_integer_ratio"),
            "ValueError: cannot convert NaN to integer ratio");
  EXPECT_EQ(Method(-2.5, "conjugate"), "-2.5");
  EXPECT_EQ(Method(-2.5, "__trunc__"), "-2");
  EXPECT_EQ(Method(-2.5, "__floor__"), "-3");
  EXPECT_EQ(Method(-2.5, "__ceil__"), "-2");
  EXPECT_EQ(Method(1e20, "__trunc__"), "100000000000000000000");
  EXPECT_EQ(Method(HUGE_VAL, "__floor__"),
            "OverflowError: cannot convert float infinity to integer");
  EXPECT_EQ(Method(1.0, "is_integer", {value.get()}),
            "TypeError: float.is_integer() takes no arguments (1 given)");
}

TEST_F(FloatTest, Hex) {
  EXPECT_EQ(TextOf(0.1, "hex"), "0x1.999999999999ap-4");
  EXPECT_EQ(TextOf(1.0, "hex"), "0x1.0000000000000p+0");
  EXPECT_EQ(TextOf(-0.5, "hex"), "-0x1.0000000000000p-1");
  EXPECT_EQ(TextOf(5e-324, "hex"), "0x0.0000000000001p-1022");
  EXPECT_EQ(TextOf(1e300, "hex"), "0x1.7e43c8800759cp+996");
  EXPECT_EQ(TextOf(0.0, "hex"), "0x0.0p+0");
  EXPECT_EQ(TextOf(-0.0, "hex"), "-0x0.0p+0");
  EXPECT_EQ(TextOf(-HUGE_VAL, "hex"), "-inf");
}

TEST_F(FloatTest, FromHexIsAClassMethodRoundingOnce) {
  auto fromhex = [](std::string_view text) {
    Ref<Object> str = NewStr(text);
    return Show(CallMethod(WellKnownType(WellKnown::kFloat), "fromhex", {str.get()}));
  };
  EXPECT_EQ(fromhex("0x1.8p1"), "3.0");
  EXPECT_EQ(fromhex("  ff.8  "), "255.5");
  EXPECT_EQ(fromhex("0x1.999999999999ap-4"), "0.1");
  EXPECT_EQ(fromhex("-0x1p-1074"), "-5e-324");
  EXPECT_EQ(fromhex("0x1p-1075"), "0.0");  // a tie, to even
  EXPECT_EQ(fromhex("0x1.8p-1075"), "5e-324");
  EXPECT_EQ(fromhex("0x.8p1"), "1.0");
  EXPECT_EQ(fromhex("0X1P+2"), "4.0");
  EXPECT_EQ(fromhex("-Infinity"), "-inf");
  EXPECT_EQ(fromhex("nan"), "nan");
  EXPECT_EQ(fromhex("0x0p99999999999999999999"), "0.0");
  EXPECT_EQ(fromhex("0x1p1024"),
            "OverflowError: hexadecimal value too large to represent as a float");
  EXPECT_EQ(fromhex("0x1.fffffffffffff8p1023"),
            "OverflowError: hexadecimal value too large to represent as a float");
  EXPECT_EQ(fromhex("0x1.fffffffffffff7p1023"), "1.7976931348623157e+308");
  for (std::string_view bad : {"", "0x", "1.2.3", "0x1p", "--1", "1p+-2", "g", "0x1 p1", "+-inf"}) {
    EXPECT_EQ(fromhex(bad), "ValueError: invalid hexadecimal floating-point string") << bad;
  }
  Ref<Object> hex = CallMethod(NewFloat(-1.2345e-300).get(), "hex", {});
  EXPECT_EQ(Show(CallMethod(WellKnownType(WellKnown::kFloat), "fromhex", {hex.get()})),
            "-1.2345e-300");
  EXPECT_EQ(Show(CallMethod(WellKnownType(WellKnown::kFloat), "fromhex", {NewInt(1).get()})),
            "TypeError: bad argument type for built-in operation");
}

TEST_F(FloatTest, RoundIsCorrectlyRoundedWithTiesToEven) {
  auto round = [](double value, int64_t ndigits) {
    Ref<Object> places = NewInt(ndigits);
    return Method(value, "__round__", {places.get()});
  };
  EXPECT_EQ(round(2.675, 2), "2.67");  // 2.675 is really 2.67499999...
  EXPECT_EQ(round(0.125, 2), "0.12");
  EXPECT_EQ(round(0.375, 2), "0.38");
  EXPECT_EQ(round(12345.678, -2), "12300.0");
  EXPECT_EQ(round(-0.4, 0), "-0.0");
  EXPECT_EQ(round(1.7e308, -308), "OverflowError: rounded value too large to represent");
  EXPECT_EQ(round(HUGE_VAL, 2), "inf");
  EXPECT_EQ(round(5e-324, 400), "5e-324");
  EXPECT_EQ(round(123.456, -400), "0.0");
  EXPECT_EQ(Method(2.5, "__round__"), "2");
  EXPECT_EQ(Method(3.5, "__round__"), "4");
  EXPECT_EQ(Method(-2.5, "__round__"), "-2");
  EXPECT_EQ(Method(-0.4, "__round__"), "0");
  EXPECT_EQ(Method(1e300, "__round__").size(), 301u);
  EXPECT_EQ(Method(HUGE_VAL, "__round__"),
            "OverflowError: cannot convert float infinity to integer");
  EXPECT_EQ(Method(std::nan(""), "__round__"), "ValueError: cannot convert float NaN to integer");
  EXPECT_EQ(Method(2.5, "__round__", {None()}), "2");
}

TEST_F(FloatTest, Getters) {
  Ref<Object> value = NewFloat(-1.25);
  EXPECT_EQ(Show(GetAttr(value.get(), "real")), "-1.25");
  EXPECT_EQ(Show(GetAttr(value.get(), "imag")), "0.0");
}

TEST_F(FloatTest, SubclassInstancesKeepTheirTypeAndComputeAsFloats) {
  TypeObject* bases[] = {FloatType()};
  Ref<HeapType> my_float = *HeapType::Create(*interp_, "MyFloat", bases);
  Ref<Object> text = NewStr(" 1.5 ");
  Ref<Object> value = Call(my_float.get(), {text.get()});
  ASSERT_TRUE(value) << TakeExceptionAsStatus();
  EXPECT_EQ(value->type(), my_float.get());
  EXPECT_EQ(Show(value), "1.5");
  Ref<Object> sum = BinaryOperation(value.get(), NewInt(1).get(), BinaryOp::kAdd);
  EXPECT_EQ(sum->type(), FloatType());
  EXPECT_EQ(Show(sum), "2.5");
  Ref<Object> positive = Positive(value.get());
  EXPECT_EQ(positive->type(), FloatType());
  Ref<Object> plain = Call(FloatType(), {value.get()});
  EXPECT_EQ(plain->type(), FloatType());
  EXPECT_EQ(Show(plain), "1.5");
  Ref<Object> empty = Call(my_float.get(), {});
  EXPECT_EQ(empty->type(), my_float.get());
  EXPECT_EQ(Show(empty), "0.0");
  Ref<Object> hex = NewStr("0x1p-2");
  Ref<Object> from_hex = CallMethod(my_float.get(), "fromhex", {hex.get()});
  ASSERT_TRUE(from_hex) << TakeExceptionAsStatus();
  EXPECT_EQ(from_hex->type(), my_float.get());
  EXPECT_EQ(Show(from_hex), "0.25");
}

// ---------------------------------------------------------------------------
// __format__ (expected values from CPython)
// ---------------------------------------------------------------------------

class FloatFormatTest : public FloatTest {};

TEST_F(FloatFormatTest, FormatSpec) {
  EXPECT_EQ(Fmt(NewFloat(3.14159), ".2f"), "'3.14'");
  EXPECT_EQ(Fmt(NewFloat(1.0), ""), "'1.0'");
  EXPECT_EQ(Fmt(NewFloat(1e+16), ""), "'1e+16'");
  EXPECT_EQ(Fmt(NewFloat(0.1), ">6"), "'   0.1'");
  EXPECT_EQ(Fmt(NewFloat(1.0), "#"), "'1.0'");
  EXPECT_EQ(Fmt(NewFloat(1e+16), "#"), "'1.e+16'");
  EXPECT_EQ(Fmt(NewFloat(1.5e+300), "#"), "'1.5e+300'");
  EXPECT_EQ(Fmt(NewFloat(1e-05), "#"), "'1.e-05'");
  EXPECT_EQ(Fmt(NewFloat(1.5), ".0"), "'2e+00'");
  EXPECT_EQ(Fmt(NewFloat(2.5), ".0"), "'2e+00'");
  EXPECT_EQ(Fmt(NewFloat(1e+20), ".3"), "'1e+20'");
  EXPECT_EQ(Fmt(NewFloat(123456.0), ".3"), "'1.23e+05'");
  EXPECT_EQ(Fmt(NewFloat(1.0), ".3"), "'1.0'");
  EXPECT_EQ(Fmt(NewFloat(1.0), "#.3"), "'1.00'");
  EXPECT_EQ(Fmt(NewFloat(1.0), "#.0"), "'1.e+00'");
  EXPECT_EQ(Fmt(NewFloat(123.0), "#.0"), "'1.e+02'");
  EXPECT_EQ(Fmt(NewFloat(1e+16), ".17"), "'1e+16'");
  EXPECT_EQ(Fmt(NewFloat(1e+16), ".20"), "'10000000000000000.0'");
  EXPECT_EQ(Fmt(NewFloat(1e-07), ".3"), "'1e-07'");
  EXPECT_EQ(Fmt(NewFloat(0.0001), ".3"), "'0.0001'");
  EXPECT_EQ(Fmt(NewFloat(1.0), "n"), "'1'");
  EXPECT_EQ(Fmt(NewFloat(1234567.0), "n"), "'1.23457e+06'");
  EXPECT_EQ(Fmt(NewFloat(1.0), "%"), "'100.000000%'");
  EXPECT_EQ(Fmt(NewFloat(0.125), ".1%"), "'12.5%'");
  EXPECT_EQ(Fmt(NewFloat(1234.5678), "e"), "'1.234568e+03'");
  EXPECT_EQ(Fmt(NewFloat(1234.5678), "E"), "'1.234568E+03'");
  EXPECT_EQ(Fmt(NewFloat(1234.5678), ".3e"), "'1.235e+03'");
  EXPECT_EQ(Fmt(NewFloat(1234.5678), "#.0e"), "'1.e+03'");
  EXPECT_EQ(Fmt(NewFloat(1234.5678), "f"), "'1234.567800'");
  EXPECT_EQ(Fmt(NewFloat(1234.5678), "F"), "'1234.567800'");
  EXPECT_EQ(Fmt(NewFloat(1234.5678), "g"), "'1234.57'");
  EXPECT_EQ(Fmt(NewFloat(1234.5678), "G"), "'1234.57'");
  EXPECT_EQ(Fmt(NewFloat(1234.5678), ".2g"), "'1.2e+03'");
  EXPECT_EQ(Fmt(NewFloat(1e-10), "g"), "'1e-10'");
  EXPECT_EQ(Fmt(NewFloat(1e-10), "G"), "'1E-10'");
  EXPECT_EQ(Fmt(NewFloat(123456789.0), "g"), "'1.23457e+08'");
  EXPECT_EQ(Fmt(NewFloat(123456789.0), "#g"), "'1.23457e+08'");
  EXPECT_EQ(Fmt(NewFloat(1.0), "#g"), "'1.00000'");
  EXPECT_EQ(Fmt(NewFloat(0.5), ".0f"), "'0'");
  EXPECT_EQ(Fmt(NewFloat(1.5), ".0f"), "'2'");
  EXPECT_EQ(Fmt(NewFloat(2.675), ".2f"), "'2.67'");
  EXPECT_EQ(Fmt(NewFloat(1e+22), "f"), "'10000000000000000000000.000000'");
  EXPECT_EQ(Fmt(NewFloat(1e-300), ".3g"), "'1e-300'");
  EXPECT_EQ(Fmt(NewFloat(5e-324), ""), "'5e-324'");
  EXPECT_EQ(Fmt(NewFloat(5e-324), ".3e"), "'4.941e-324'");
  EXPECT_EQ(Fmt(NewFloat(1234567.891), ","), "'1,234,567.891'");
  EXPECT_EQ(Fmt(NewFloat(1234567.891), "_.2f"), "'1_234_567.89'");
  EXPECT_EQ(Fmt(NewFloat(1234567.891), ",e"), "'1.234568e+06'");
  EXPECT_EQ(Fmt(NewFloat(-1234567.891), "015,.2f"), "'-001,234,567.89'");
  EXPECT_EQ(Fmt(NewFloat(12345.678), "010,.1f"), "'0,012,345.7'");
  EXPECT_EQ(Fmt(NewFloat(1234.5), "=+12.2f"), "'+    1234.50'");
  EXPECT_EQ(Fmt(NewFloat(-1234.5), "^12"), "'  -1234.5   '");
  EXPECT_EQ(Fmt(NewFloat(1.5), "*<8"), "'1.5*****'");
  EXPECT_EQ(Fmt(NewFloat(INFINITY), ""), "'inf'");
  EXPECT_EQ(Fmt(NewFloat(-INFINITY), ""), "'-inf'");
  EXPECT_EQ(Fmt(NewFloat(NAN), ""), "'nan'");
  EXPECT_EQ(Fmt(NewFloat(-NAN), "f"), "'nan'");
  EXPECT_EQ(Fmt(NewFloat(NAN), "+"), "'+nan'");
  EXPECT_EQ(Fmt(NewFloat(INFINITY), "F"), "'INF'");
  EXPECT_EQ(Fmt(NewFloat(NAN), "E"), "'NAN'");
  EXPECT_EQ(Fmt(NewFloat(INFINITY), "010"), "'0000000inf'");
  EXPECT_EQ(Fmt(NewFloat(-INFINITY), "=+10"), "'-      inf'");
  EXPECT_EQ(Fmt(NewFloat(INFINITY), "%"), "'inf%'");
  EXPECT_EQ(Fmt(NewFloat(INFINITY), ",.2f"), "'inf'");
  EXPECT_EQ(Fmt(NewFloat(-0.0), ""), "'-0.0'");
  EXPECT_EQ(Fmt(NewFloat(-0.0), "z"), "'0.0'");
  EXPECT_EQ(Fmt(NewFloat(-0.0), "+"), "'-0.0'");
  EXPECT_EQ(Fmt(NewFloat(-0.0001), "z.2f"), "'0.00'");
  EXPECT_EQ(Fmt(NewFloat(-0.0001), ".2f"), "'-0.00'");
  EXPECT_EQ(Fmt(NewFloat(-0.0), "z.0e"), "'0e+00'");
  EXPECT_EQ(Fmt(NewFloat(-0.0001), "z.1%"), "'0.0%'");
  EXPECT_EQ(Fmt(NewFloat(-1e-10), "z"), "'-1e-10'");
  EXPECT_EQ(Fmt(NewFloat(-1.5), "z.1f"), "'-1.5'");
  EXPECT_EQ(Fmt(NewFloat(0.0), " "), "' 0.0'");
  EXPECT_EQ(Fmt(NewFloat(1.0), " .1f"), "' 1.0'");
  EXPECT_EQ(Fmt(NewFloat(1.0), "d"),
            "ValueError: Unknown format code 'd' for object of type 'float'");
  EXPECT_EQ(Fmt(NewFloat(1.0), "x"),
            "ValueError: Unknown format code 'x' for object of type 'float'");
  EXPECT_EQ(Fmt(NewFloat(1.0), "c"),
            "ValueError: Unknown format code 'c' for object of type 'float'");
  EXPECT_EQ(Fmt(NewFloat(1.0), "s"),
            "ValueError: Unknown format code 's' for object of type 'float'");
  EXPECT_EQ(Fmt(NewFloat(1.0), ",n"), "ValueError: Cannot specify ',' with 'n'.");
  EXPECT_EQ(Fmt(NewFloat(1.0), "abc"),
            "ValueError: Invalid format specifier 'abc' for object of type 'float'");
  EXPECT_EQ(Fmt(NewFloat(1.0), "."), "ValueError: Format specifier missing precision");
  EXPECT_EQ(Fmt(NewFloat(1e+100), ".0f"),
            "'1000000000000000015902891109759918046836080856394528138978132755774783877217038106081"
            "3469985856815104'");
  EXPECT_EQ(Fmt(NewFloat(0.1), ".20f"), "'0.10000000000000000555'");
  EXPECT_EQ(Fmt(NewFloat(1.4142135623730951), ".15g"), "'1.4142135623731'");
  EXPECT_EQ(Fmt(NewFloat(0.3333333333333333), ".17"), "'0.33333333333333331'");
  EXPECT_EQ(Fmt(NewFloat(100.0), ".2"), "'1e+02'");
  EXPECT_EQ(Fmt(NewFloat(99.5), ".2"), "'1e+02'");
  EXPECT_EQ(Fmt(NewFloat(9.5), ".1"), "'1e+01'");
  EXPECT_EQ(Fmt(NewFloat(1.234e-05), ".3"), "'1.23e-05'");
  EXPECT_EQ(Fmt(NewFloat(123.456), "0<10"), "'123.456000'");
  EXPECT_EQ(Fmt(NewFloat(123.456), "<010"), "'123.456000'");
  EXPECT_EQ(Fmt(NewFloat(1.0), "#f"), "'1.000000'");
  EXPECT_EQ(Fmt(NewFloat(1.0), "#.0f"), "'1.'");
  EXPECT_EQ(Fmt(NewFloat(1.0), "#.0%"), "'100.%'");
}

// 3.14's grouping of the fraction digits, from the point on (examples from
// CPython's documentation; python3 < 3.14 rejects these specs).
TEST_F(FloatFormatTest, FormatGroupsFractionDigits) {
  EXPECT_EQ(Fmt(NewFloat(123456789.123456789), "._"), "'123456789.123_456_79'");
  EXPECT_EQ(Fmt(NewFloat(123456789.123456789), ".,"), "'123456789.123,456,79'");
  EXPECT_EQ(Fmt(NewFloat(123456789.123456789), ",._"), "'123,456,789.123_456_79'");
  EXPECT_EQ(Fmt(NewFloat(123456.123456), "_._f"), "'123_456.123_456'");
  EXPECT_EQ(Fmt(NewFloat(123456.123456), "._f"), "'123456.123_456'");
  EXPECT_EQ(Fmt(NewFloat(123456.123456), "_f"), "'123_456.123456'");
  EXPECT_EQ(Fmt(NewFloat(123456.123456), ".4_f"), "'123456.123_5'");
  EXPECT_EQ(Fmt(NewFloat(1.5), ".,_f"), "ValueError: Cannot specify both ',' and '_'.");
  EXPECT_EQ(Fmt(NewFloat(1.5), "._,f"), "ValueError: Cannot specify both ',' and '_'.");
  EXPECT_EQ(Fmt(NewFloat(1.5), ".f"), "ValueError: Format specifier missing precision");
}

TEST_F(FloatFormatTest, FormatSubclassesAndArguments) {
  Ref<HeapType> sub = NewClass("MyFloat", FloatType());
  Ref<Object> half = CallWith(sub.get(), {NewFloat(0.5)});
  EXPECT_EQ(Fmt(half, ""), "'0.5'");
  EXPECT_EQ(Fmt(half, ".2%"), "'50.00%'");
  EXPECT_EQ(Fmt(half, "d"), "ValueError: Unknown format code 'd' for object of type 'MyFloat'");
  EXPECT_EQ(Method(0.5, "__format__", {NewStr("^7").get()}), "'  0.5  '");
  EXPECT_EQ(Method(0.5, "__format__", {NewInt(1).get()}),
            "TypeError: __format__() argument must be str, not int");
  EXPECT_EQ(Fmt(NewFloat(1e300), ".0f").size(), 303u);
  EXPECT_EQ(Fmt(NewFloat(1.5), ".2147483648f"), "ValueError: precision too big");
  EXPECT_EQ(Fmt(NewFloat(1.5), ".2147483647f"), "MemoryError");
  EXPECT_EQ(Fmt(NewFloat(1.5), "9999999999999"), "MemoryError");
  EXPECT_EQ(Fmt(NewFloat(1.5), "99999999999999999999"),
            "ValueError: Too many decimal digits in format string");
}

}  // namespace
}  // namespace islet
