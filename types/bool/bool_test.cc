// Tests of `bool`: the two singletons, bool(), the bool-preserving &, | and ^,
// and int behaviour everywhere else.

#include <cmath>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "interp/heap_type.h"
#include "interp/interpreter.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/well_known.h"
#include "runtime/runtime.h"
#include "tests/testing/object_test_support.h"

namespace islet {
namespace {

class BoolTest : public testing::ObjectTest {
 protected:
  static TypeObject* BoolType() { return WellKnownType(WellKnown::kBool); }
  static TypeObject* IntType() { return WellKnownType(WellKnown::kInt); }

  // left <op> right itself (ObjectTest::Op gives its repr), to check identities.
  static Ref<Object> Op(Object* a, BinaryOp op, Object* b) { return BinaryOperation(a, b, op); }
};

TEST_F(BoolTest, ReprAndStr) {
  EXPECT_EQ(*ReprText(True()), "True");
  EXPECT_EQ(*ReprText(False()), "False");
  EXPECT_EQ(*StrText(True()), "True");
  EXPECT_EQ(*StrText(False()), "False");
  EXPECT_EQ(True()->type(), BoolType());
  EXPECT_TRUE(IsInstance(True(), WellKnown::kInt));
}

TEST_F(BoolTest, ConstructorGivesTheSingletons) {
  EXPECT_EQ(Call(BoolType(), {}).get(), False());
  EXPECT_EQ(Call(BoolType(), {NewInt(0).get()}).get(), False());
  EXPECT_EQ(Call(BoolType(), {NewInt(5).get()}).get(), True());
  Ref<Object> text = NewStr("x");
  EXPECT_EQ(Call(BoolType(), {text.get()}).get(), True());
  EXPECT_EQ(Call(BoolType(), {NewFloat(0.0).get()}).get(), False());
  EXPECT_EQ(Call(BoolType(), {NewFloat(std::nan("")).get()}).get(), True());
  EXPECT_EQ(Call(BoolType(), {None()}).get(), False());
  Ref<Object> big = IntFromString("100000000000000000000000", 10);
  EXPECT_EQ(Call(BoolType(), {big.get()}).get(), True());
  EXPECT_EQ(Show(Call(BoolType(), {True(), True()})),
            "TypeError: bool expected at most 1 argument, got 2");
  Interpreter* interp = Runtime::MainInterpreter();
  Object* args[] = {True()};
  const Name* names[] = {interp->Intern("x")};
  EXPECT_EQ(Show(Call(BoolType(), CallArgs{.args = args, .kwnames = names})),
            "TypeError: bool() takes no keyword arguments");
}

TEST_F(BoolTest, LogicalOperatorsOfTwoBoolsGiveBools) {
  EXPECT_EQ(Op(True(), BinaryOp::kAnd, True()).get(), True());
  EXPECT_EQ(Op(True(), BinaryOp::kAnd, False()).get(), False());
  EXPECT_EQ(Op(False(), BinaryOp::kOr, True()).get(), True());
  EXPECT_EQ(Op(False(), BinaryOp::kOr, False()).get(), False());
  EXPECT_EQ(Op(True(), BinaryOp::kXor, True()).get(), False());
  EXPECT_EQ(Op(True(), BinaryOp::kXor, False()).get(), True());
}

TEST_F(BoolTest, EverythingElseBehavesAsInt) {
  Ref<Object> three = NewInt(3);
  for (Ref<Object> result :
       {Op(True(), BinaryOp::kAnd, three.get()), Op(three.get(), BinaryOp::kAnd, True()),
        Op(True(), BinaryOp::kXor, NewInt(0).get())}) {
    ASSERT_TRUE(result) << TakeExceptionAsStatus();
    EXPECT_EQ(result->type(), IntType());
    EXPECT_EQ(Show(result), "1");
  }
  EXPECT_EQ(Show(Op(False(), BinaryOp::kOr, three.get())), "3");
  EXPECT_EQ(Show(Op(True(), BinaryOp::kAdd, True())), "2");  // basics.py
  EXPECT_EQ(Show(Op(True(), BinaryOp::kMultiply, three.get())), "3");
  EXPECT_EQ(Show(Op(True(), BinaryOp::kTrueDivide, NewInt(2).get())), "0.5");
  EXPECT_EQ(Show(Op(True(), BinaryOp::kLShift, NewInt(70).get())), "1180591620717411303424");
  EXPECT_EQ(Show(Op(NewInt(1).get(), BinaryOp::kFloorDivide, False())),
            "ZeroDivisionError: division by zero");
  EXPECT_EQ(Show(Op(True(), BinaryOp::kAnd, NewFloat(1.0).get())),
            "TypeError: unsupported operand type(s) for &: 'bool' and 'float'");
  EXPECT_EQ(Show(Negative(True())), "-1");
  EXPECT_EQ(Show(Invert(True())), "-2");
  EXPECT_EQ(Show(Invert(False())), "-1");
  EXPECT_EQ(Show(Positive(False())), "0");
  EXPECT_EQ(Positive(False())->type(), IntType());
}

TEST_F(BoolTest, HashesAndComparesAsInt) {
  EXPECT_EQ(Hash(True()), 1);
  EXPECT_EQ(Hash(False()), 0);
  EXPECT_EQ(Hash(True()), Hash(NewFloat(1.0).get()));
  EXPECT_EQ(RichCompareBool(True(), NewInt(1).get(), CompareOp::kEq), 1);
  EXPECT_EQ(RichCompareBool(False(), True(), CompareOp::kLt), 1);
  EXPECT_EQ(RichCompareBool(True(), NewFloat(0.5).get(), CompareOp::kGt), 1);
  EXPECT_EQ(RichCompareBool(True(), NewFloat(1.0).get(), CompareOp::kEq), 1);
}

TEST_F(BoolTest, ConvertsToPlainNumbers) {
  Ref<Object> as_int = Call(IntType(), {True()});
  EXPECT_EQ(as_int->type(), IntType());
  EXPECT_EQ(Show(as_int), "1");
  EXPECT_EQ(Show(Call(WellKnownType(WellKnown::kFloat), {True()})), "1.0");
  EXPECT_EQ(IndexAsInt64(True()), 1);
  EXPECT_EQ(Show(CallMethod(True(), "bit_length", {})), "1");
  Ref<Object> real = GetAttr(True(), "real");
  EXPECT_EQ(real->type(), IntType());
  EXPECT_EQ(Show(real), "1");
}

TEST_F(BoolTest, CannotBeSubclassed) {
  TypeObject* bases[] = {BoolType()};
  absl::StatusOr<Ref<HeapType>> subclass = HeapType::Create(*interp_, "MyBool", bases);
  ASSERT_FALSE(subclass.ok());
  EXPECT_EQ(subclass.status().message(), "type 'bool' is not an acceptable base type");
}

}  // namespace
}  // namespace islet
