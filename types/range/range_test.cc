// Tests of `range` and `range_iterator` through the object protocol: what
// /work/shared/cpython-oracle/basics.py does with ranges, construction, length,
// indexing and slicing (a range), computed membership and index(), equality by
// contents, CPython's hash values, the int64 limit, and the exact CPython 3.14
// error messages.

#include "objects/range.h"

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

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
#include "runtime/runtime.h"
#include "tests/testing/object_test_support.h"

namespace islet {
namespace {

class RangeTest : public testing::ObjectTest {
 protected:
  static TypeObject* RangeType() { return WellKnownType(WellKnown::kRange); }

  // range(*args) with int arguments.
  static Ref<Object> Range(std::initializer_list<int64_t> args) {
    std::vector<Ref<Object>> ints;
    std::vector<Object*> pointers;
    for (int64_t value : args) {
      ints.push_back(NewInt(value));
      pointers.push_back(ints.back().get());
    }
    Ref<Object> range = Call(RangeType(), CallArgs{.args = pointers});
    EXPECT_TRUE(range) << TakeExceptionAsStatus();
    return range;
  }
};

TEST_F(RangeTest, BasicsOracleUses) {
  // for i in range(10): ... ; sum(range(101)) == 5050
  EXPECT_EQ(ListOf(Range({10}).get()), "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]");
  Ref<Object> iterator = GetIter(Range({101}).get());
  ASSERT_TRUE(iterator);
  EXPECT_EQ(TypeName(iterator->type()), "range_iterator");
  int64_t sum = 0;
  while (Ref<Object> item = IterNext(iterator.get())) sum += *IntAsInt64(item.get());
  EXPECT_FALSE(ExceptionPending());
  EXPECT_EQ(sum, 5050);
  // zip("abc", range(3)) needs range(3) to iterate 0, 1, 2.
  EXPECT_EQ(ListOf(Range({3}).get()), "[0, 1, 2]");
}

TEST_F(RangeTest, ConstructionAndRepr) {
  EXPECT_EQ(Show(Range({10})), "range(0, 10)");
  EXPECT_EQ(Show(Range({0, 10, 2})), "range(0, 10, 2)");
  EXPECT_EQ(Show(Range({10, 0, -3})), "range(10, 0, -3)");
  EXPECT_EQ(Show(Range({-5, 5, 1})), "range(-5, 5)");
  EXPECT_EQ(Show(Call(RangeType(), {})), "TypeError: range expected at least 1 argument, got 0");
  Ref<Object> one = NewInt(1), zero = NewInt(0), a = NewStr("a");
  EXPECT_EQ(Show(Call(RangeType(), {one.get(), one.get(), one.get(), one.get()})),
            "TypeError: range expected at most 3 arguments, got 4");
  EXPECT_EQ(Show(Call(RangeType(), {one.get(), one.get(), zero.get()})),
            "ValueError: range() arg 3 must not be zero");
  EXPECT_EQ(Show(Call(RangeType(), {a.get()})),
            "TypeError: 'str' object cannot be interpreted as an integer");
  Ref<Object> half = Call(WellKnownType(WellKnown::kFloat), {NewStr("0.5").get()});
  ASSERT_TRUE(half);
  EXPECT_EQ(Show(Call(RangeType(), {half.get()})),
            "TypeError: 'float' object cannot be interpreted as an integer");
  std::vector<Object*> args = {one.get()};
  std::vector<const Name*> names = {Interpreter::Current()->Intern("stop")};
  EXPECT_EQ(Show(Call(RangeType(), CallArgs{.args = args, .kwnames = names})),
            "TypeError: range() takes no keyword arguments");
  EXPECT_EQ(Show(Call(RangeType(), {True()})), "range(0, 1)");
  // Not subclassable, as in CPython.
  EXPECT_FALSE(HeapType::Create(*Runtime::MainInterpreter(), "R", {{RangeType()}}).ok());
}

TEST_F(RangeTest, BoundsBeyondInt64AreOverflowErrors) {
  Ref<Object> huge = BigInt("1" + std::string(30, '0'));
  ASSERT_TRUE(huge);
  EXPECT_EQ(Show(Call(RangeType(), {huge.get()})),
            "OverflowError: Python int too large to convert to C ssize_t");
  // Bounds that fit, with a length that does not.
  Ref<Object> low = BigInt("-9223372036854775808"), high = BigInt("9223372036854775807");
  EXPECT_EQ(Show(Call(RangeType(), {low.get(), high.get()})),
            "OverflowError: Python int too large to convert to C ssize_t");
  // Near the limits with a big step: fine, and the items are exact.
  Ref<Object> step = BigInt("4611686018427387904");  // 2**62
  Ref<Object> wide = Call(RangeType(), {low.get(), high.get(), step.get()});
  ASSERT_TRUE(wide) << TakeExceptionAsStatus();
  EXPECT_EQ(Length(wide.get()), 4);
  EXPECT_EQ(ListOf(wide.get()),
            "[-9223372036854775808, -4611686018427387904, 0, 4611686018427387904]");
  Ref<Object> minus_one = NewInt(-1);
  EXPECT_EQ(Show(GetItem(wide.get(), minus_one.get())), "4611686018427387904");
  Ref<Object> reversed = NewSlice(nullptr, nullptr, minus_one);
  EXPECT_EQ(Show(GetItem(wide.get(), reversed.get())),
            "OverflowError: Python int too large to convert to C ssize_t");
  EXPECT_EQ(Contains(wide.get(), huge.get()), 0);
}

TEST_F(RangeTest, LengthAndTruth) {
  EXPECT_EQ(Length(Range({0, 10, 3}).get()), 4);
  EXPECT_EQ(Length(Range({10, 0}).get()), 0);
  EXPECT_EQ(Length(Range({-5}).get()), 0);
  EXPECT_EQ(Length(Range({10, 0, -3}).get()), 4);
  EXPECT_EQ(Length(Range({10, -10, -7}).get()), 3);
  EXPECT_EQ(IsTrue(Range({0}).get()), 0);
  EXPECT_EQ(IsTrue(Range({1}).get()), 1);
}

TEST_F(RangeTest, IndexingAndSlicing) {
  Ref<Object> r = Range({0, 10, 3});  // 0, 3, 6, 9
  Ref<Object> zero = NewInt(0), minus_one = NewInt(-1), four = NewInt(4), two = NewInt(2);
  EXPECT_EQ(Show(GetItem(r.get(), zero.get())), "0");
  EXPECT_EQ(Show(GetItem(r.get(), minus_one.get())), "9");
  EXPECT_EQ(Show(GetItem(r.get(), four.get())), "IndexError: range object index out of range");
  Ref<Object> huge = BigInt("1" + std::string(30, '0'));
  EXPECT_EQ(Show(GetItem(r.get(), huge.get())), "IndexError: range object index out of range");
  Ref<Object> a = NewStr("a");
  EXPECT_EQ(Show(GetItem(r.get(), a.get())),
            "TypeError: range indices must be integers or slices, not str");
  Ref<Object> ten = Range({10});
  EXPECT_EQ(Show(GetItem(ten.get(), NewSlice(nullptr, nullptr, two).get())), "range(0, 10, 2)");
  EXPECT_EQ(Show(GetItem(ten.get(), NewSlice(nullptr, nullptr, minus_one).get())),
            "range(9, -1, -1)");
  EXPECT_EQ(Show(GetItem(r.get(), NewSlice(NewInt(1), NewInt(3), nullptr).get())),
            "range(3, 9, 3)");
  EXPECT_EQ(Show(GetItem(r.get(), NewSlice(NewInt(5), nullptr, nullptr).get())),
            "range(12, 12, 3)");
  EXPECT_EQ(Show(GetItem(r.get(), NewSlice(nullptr, nullptr, NewInt(0)).get())),
            "ValueError: slice step cannot be zero");
}

TEST_F(RangeTest, MembershipCountAndIndex) {
  Ref<Object> r = Range({0, 10, 3});
  Ref<Object> three = NewInt(3), four = NewInt(4), minus_three = NewInt(-3), twelve = NewInt(12);
  EXPECT_EQ(Contains(r.get(), three.get()), 1);
  EXPECT_EQ(Contains(r.get(), four.get()), 0);
  EXPECT_EQ(Contains(r.get(), minus_three.get()), 0);
  EXPECT_EQ(Contains(r.get(), twelve.get()), 0);
  Ref<Object> down = Range({10, 0, -3});  // 10, 7, 4, 1
  EXPECT_EQ(Contains(down.get(), four.get()), 1);
  EXPECT_EQ(Contains(down.get(), three.get()), 0);
  EXPECT_EQ(Contains(down.get(), NewInt(0).get()), 0);
  EXPECT_EQ(Contains(Range({2}).get(), True()), 1);
  // Other objects are searched with ==.
  Ref<Object> three_float = Call(WellKnownType(WellKnown::kFloat), {NewStr("3.0").get()});
  ASSERT_TRUE(three_float);
  EXPECT_EQ(Contains(r.get(), three_float.get()), 1);
  Ref<Object> a = NewStr("a");
  EXPECT_EQ(Contains(r.get(), a.get()), 0);
  EXPECT_EQ(Method(r.get(), "index", {NewInt(6).get()}), "2");
  EXPECT_EQ(Method(down.get(), "index", {NewInt(1).get()}), "3");
  EXPECT_EQ(Method(r.get(), "index", {four.get()}), "ValueError: range.index(x): x not in range");
  EXPECT_EQ(Method(r.get(), "index", {three_float.get()}), "1");
  EXPECT_EQ(Method(r.get(), "index", {a.get()}),
            "ValueError: sequence.index(x): x not in sequence");
  EXPECT_EQ(Method(r.get(), "count", {three.get()}), "1");
  EXPECT_EQ(Method(r.get(), "count", {four.get()}), "0");
  EXPECT_EQ(Method(r.get(), "count", {three_float.get()}), "1");
  EXPECT_EQ(Method(r.get(), "index"),
            "TypeError: range.index() takes exactly one argument (0 given)");
}

TEST_F(RangeTest, EqualityByContentsAndHash) {
  auto equal = [](const Ref<Object>& a, const Ref<Object>& b) {
    return RichCompareBool(a.get(), b.get(), CompareOp::kEq);
  };
  EXPECT_EQ(equal(Range({0}), Range({5, 2})), 1);           // both empty
  EXPECT_EQ(equal(Range({0, 3, 2}), Range({0, 4, 2})), 1);  // both 0, 2
  EXPECT_EQ(equal(Range({1, 2, 5}), Range({1, 2, 7})), 1);  // both just 1
  EXPECT_EQ(equal(Range({3}), Range({4})), 0);
  EXPECT_EQ(equal(Range({0, 4, 2}), Range({0, 4, 1})), 0);
  EXPECT_EQ(RichCompareBool(Range({3}).get(), Range({4}).get(), CompareOp::kNe), 1);
  EXPECT_EQ(RichCompareBool(Range({3}).get(), Range({4}).get(), CompareOp::kLt), -1);
  EXPECT_EQ(Error(), "TypeError: '<' not supported between instances of 'range' and 'range'");
  Ref<Object> list = NewList({NewInt(0), NewInt(1), NewInt(2)});
  EXPECT_EQ(RichCompareBool(Range({3}).get(), list.get(), CompareOp::kEq), 0);
  // CPython's values: hash((len, start, step)) with None for what does not matter.
  EXPECT_EQ(Hash(Range({0}).get()), 2676694398852732306);
  EXPECT_EQ(Hash(Range({5}).get()), 5795932985296280846);
  EXPECT_EQ(Hash(Range({3, 4}).get()), 3985224588053030672);
  EXPECT_EQ(Hash(Range({0, 3, 2}).get()), Hash(Range({0, 4, 2}).get()));
  EXPECT_EQ(Hash(Range({1, 2, 5}).get()), Hash(Range({1, 2, 7}).get()));
  EXPECT_EQ(Hash(Range({7, 2}).get()), Hash(Range({0}).get()));
}

TEST_F(RangeTest, AttributesAndIteration) {
  Ref<Object> r = Range({1, 10, 4});
  EXPECT_EQ(Show(GetAttr(r.get(), "start")), "1");
  EXPECT_EQ(Show(GetAttr(r.get(), "stop")), "10");
  EXPECT_EQ(Show(GetAttr(r.get(), "step")), "4");
  EXPECT_EQ(Show(GetAttr(Range({3}).get(), "step")), "1");
  EXPECT_EQ(ListOf(r.get()), "[1, 5, 9]");
  EXPECT_EQ(ListOf(Range({5, 0, -2}).get()), "[5, 3, 1]");
  EXPECT_EQ(ListOf(Range({0}).get()), "[]");
  Ref<Object> iterator = GetIter(r.get());
  EXPECT_EQ(GetIter(iterator.get()).get(), iterator.get());
  EXPECT_EQ(Method(iterator.get(), "__length_hint__"), "3");
  EXPECT_EQ(Show(IterNext(iterator.get())), "1");
  EXPECT_EQ(Method(iterator.get(), "__length_hint__"), "2");
  EXPECT_EQ(Show(Call(iterator->type(), {})),
            "TypeError: cannot create 'range_iterator' instances");
  EXPECT_FALSE(SetItem(r.get(), NewInt(0).get(), None()));
  EXPECT_EQ(Error(), "TypeError: 'range' object does not support item assignment");
}

}  // namespace
}  // namespace islet
