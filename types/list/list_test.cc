// Tests of `list` and `list_iterator` through the object protocol: everything
// /work/shared/cpython-oracle/containers.py does with lists (with its exact
// output), indexing and slice assignment, sorting, comparison, the exact CPython
// 3.14 error messages, self-reference, and freeing cycles at teardown.

#include "objects/list.h"

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "interp/heap_type.h"
#include "interp/interpreter.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/well_known.h"
#include "runtime/runtime.h"
#include "runtime/static_type.h"
#include "tests/testing/object_test_support.h"

namespace islet {
namespace {

// test_shrinking_index: an integer-like object whose __index__ empties the list
// in `shrink_target` (the first time) and returns 2.
Object* shrink_target = nullptr;
Ref<Object> ShrinkingIndex(Object*) {
  if (Object* target = std::exchange(shrink_target, nullptr)) ListItems(target).clear();
  return NewInt(2);
}
constexpr TypeSlots ShrinkingIndexSlots() {
  TypeSlots slots = SlotsFor<Object>();
  slots.index = &ShrinkingIndex;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kShrinkingIndexType, "test_shrinking_index", {.slots = ShrinkingIndexSlots()});

namespace {

class ListTest : public testing::ObjectTest {
 protected:
  static TypeObject* ListType() { return WellKnownType(WellKnown::kList); }

  static Ref<Object> Slice(Object* start, Object* stop, Object* step = None()) {
    return NewSlice(Ref<Object>::Borrow(start), Ref<Object>::Borrow(stop),
                    Ref<Object>::Borrow(step));
  }
};

TEST_F(ListTest, ContainersOracleMethodsPrintWhatCPythonPrints) {
  // l = [5, 3, 8]; l.append(1); l.extend([9, 0]); l.insert(0, 7)
  Ref<Object> l = IntList({5, 3, 8});
  Ref<Object> one = NewInt(1), zero = NewInt(0), seven = NewInt(7), eight = NewInt(8);
  Ref<Object> three = NewInt(3);
  Ref<Object> tail = IntList({9, 0});
  EXPECT_EQ(Method(l.get(), "append", {one.get()}), "None");
  EXPECT_EQ(Method(l.get(), "extend", {tail.get()}), "None");
  EXPECT_EQ(Method(l.get(), "insert", {zero.get(), seven.get()}), "None");
  // print(l, l.pop(), l.pop(0), l.index(8), l.count(3)): "[5, 3, 8, 1, 9] 0 7 2 1"
  EXPECT_EQ(Method(l.get(), "pop"), "0");
  EXPECT_EQ(Method(l.get(), "pop", {zero.get()}), "7");
  EXPECT_EQ(Method(l.get(), "index", {eight.get()}), "2");
  EXPECT_EQ(Method(l.get(), "count", {three.get()}), "1");
  EXPECT_EQ(Show(l), "[5, 3, 8, 1, 9]");
  // l.remove(3); l.sort(); print(l, l[::-1], l[1:3], len(l)): "[1, 5, 8, 9] [9, 8, 5, 1] [5, 8] 4"
  EXPECT_EQ(Method(l.get(), "remove", {three.get()}), "None");
  EXPECT_EQ(Method(l.get(), "sort"), "None");
  Ref<Object> minus_one = NewInt(-1);
  Ref<Object> reversed = Slice(None(), None(), minus_one.get());
  Ref<Object> middle = Slice(one.get(), three.get());
  EXPECT_EQ(Show(l) + " " + Show(GetItem(l.get(), reversed.get())) + " " +
                Show(GetItem(l.get(), middle.get())) + " " + std::to_string(Length(l.get())),
            "[1, 5, 8, 9] [9, 8, 5, 1] [5, 8] 4");
  // l.reverse(); print(l, l.copy() == l, l.copy() is l): "[9, 8, 5, 1] True False"
  EXPECT_EQ(Method(l.get(), "reverse"), "None");
  Ref<Object> copy = CallMethod(l.get(), "copy", {});
  ASSERT_TRUE(copy);
  EXPECT_EQ(Show(l), "[9, 8, 5, 1]");
  EXPECT_EQ(RichCompareBool(copy.get(), l.get(), CompareOp::kEq), 1);
  EXPECT_NE(copy.get(), l.get());
  EXPECT_TRUE(IsExactly(copy.get(), WellKnown::kList));
  // l[100]: "IndexError: list index out of range"
  Ref<Object> hundred = NewInt(100);
  EXPECT_EQ(Show(GetItem(l.get(), hundred.get())), "IndexError: list index out of range");
  // list("abc"), [].pop()
  Ref<Object> abc = NewStr("abc");
  EXPECT_EQ(Show(Call(ListType(), {abc.get()})), "['a', 'b', 'c']");
  Ref<Object> empty = NewList();
  EXPECT_EQ(Method(empty.get(), "pop"), "IndexError: pop from empty list");
}

TEST_F(ListTest, ReprShowsItemsAndSelfReferenceAsEllipsis) {
  Ref<Object> empty = NewList();
  EXPECT_EQ(Show(empty), "[]");
  Ref<Object> nested = NewList({NewList(), NoneRef(), NewTuple({None()})});
  EXPECT_EQ(Show(nested), "[[], None, (None,)]");
  Ref<Object> a = NewStr("a");
  Ref<Object> mixed = NewList({NewInt(1), a, NewInt(-2)});
  EXPECT_EQ(Show(mixed), "[1, 'a', -2]");
  // l = [1]; l.append(l): "[1, [...]]"; the guard ends with the repr.
  Ref<Object> self_ref = IntList({1});
  ListItems(self_ref.get()).push_back(self_ref);
  EXPECT_EQ(Show(self_ref), "[1, [...]]");
  Ref<Object> outer = NewList({self_ref});
  EXPECT_EQ(Show(outer), "[[1, [...]]]");
  ListItems(self_ref.get()).clear();  // break the cycle
}

TEST_F(ListTest, ConstructionFromIterables) {
  EXPECT_EQ(Show(Call(ListType(), {})), "[]");
  Ref<Object> tuple = NewTuple({None(), True()});
  EXPECT_EQ(Show(Call(ListType(), {tuple.get()})), "[None, True]");
  Ref<Object> source = IntList({1, 2});
  Ref<Object> copy = Call(ListType(), {source.get()});
  EXPECT_EQ(Show(copy), "[1, 2]");
  EXPECT_NE(copy.get(), source.get());
  // From an iterator of another list, and from a dict's keys.
  Ref<Object> iterator = GetIter(source.get());
  EXPECT_EQ(Show(Call(ListType(), {iterator.get()})), "[1, 2]");
  EXPECT_EQ(Show(Call(ListType(), {iterator.get()})), "[]");  // exhausted
  Ref<Object> five = NewInt(5);
  EXPECT_EQ(Show(Call(ListType(), {five.get()})), "TypeError: 'int' object is not iterable");
  EXPECT_EQ(Show(Call(ListType(), {source.get(), source.get()})),
            "TypeError: list expected at most 1 argument, got 2");
  std::vector<Object*> args = {source.get()};
  std::vector<const Name*> names = {Interpreter::Current()->Intern("iterable")};
  EXPECT_EQ(Show(Call(ListType(), CallArgs{.args = args, .kwnames = names})),
            "TypeError: list() takes no keyword arguments");
  // __init__ (the init slot) replaces the contents.
  Ref<Object> target = IntList({7, 8, 9});
  std::vector<Object*> init_args = {tuple.get()};
  EXPECT_TRUE(ListType()->slots().init(target.get(), CallArgs{.args = init_args}));
  EXPECT_EQ(Show(target), "[None, True]");
}

TEST_F(ListTest, IndexingWithIntsAndSlices) {
  Ref<Object> l = IntList({0, 1, 2, 3, 4, 5});
  Ref<Object> minus_one = NewInt(-1), minus_seven = NewInt(-7), six = NewInt(6);
  Ref<Object> two = NewInt(2), four = NewInt(4), minus_two = NewInt(-2);
  EXPECT_EQ(Show(GetItem(l.get(), minus_one.get())), "5");
  EXPECT_EQ(Show(GetItem(l.get(), True())), "1");
  EXPECT_EQ(Show(GetItem(l.get(), six.get())), "IndexError: list index out of range");
  EXPECT_EQ(Show(GetItem(l.get(), minus_seven.get())), "IndexError: list index out of range");
  Ref<Object> huge =
      Call(WellKnownType(WellKnown::kInt), {NewStr("1" + std::string(30, '0')).get()});
  ASSERT_TRUE(huge);
  EXPECT_EQ(Show(GetItem(l.get(), huge.get())),
            "IndexError: cannot fit 'int' into an index-sized integer");
  Ref<Object> key = NewStr("a");
  EXPECT_EQ(Show(GetItem(l.get(), key.get())),
            "TypeError: list indices must be integers or slices, not str");
  Ref<Object> every_other = Slice(None(), None(), two.get());
  EXPECT_EQ(Show(GetItem(l.get(), every_other.get())), "[0, 2, 4]");
  Ref<Object> backwards = Slice(four.get(), None(), minus_two.get());
  EXPECT_EQ(Show(GetItem(l.get(), backwards.get())), "[4, 2, 0]");
  Ref<Object> empty = Slice(four.get(), two.get());
  EXPECT_EQ(Show(GetItem(l.get(), empty.get())), "[]");
  Ref<Object> zero_step = Slice(None(), None(), NewInt(0).get());
  EXPECT_EQ(Show(GetItem(l.get(), zero_step.get())), "ValueError: slice step cannot be zero");
}

TEST_F(ListTest, ItemAndSliceAssignmentAndDeletion) {
  Ref<Object> l = IntList({0, 1, 2, 3, 4, 5});
  Ref<Object> zero = NewInt(0), one = NewInt(1), two = NewInt(2), three = NewInt(3);
  Ref<Object> ten = NewInt(10), minus_one = NewInt(-1), six = NewInt(6);
  ASSERT_TRUE(SetItem(l.get(), minus_one.get(), ten.get()));
  EXPECT_EQ(Show(l), "[0, 1, 2, 3, 4, 10]");
  EXPECT_FALSE(SetItem(l.get(), six.get(), ten.get()));
  EXPECT_EQ(Error(), "IndexError: list assignment index out of range");
  ASSERT_TRUE(DelItem(l.get(), zero.get()));
  EXPECT_EQ(Show(l), "[1, 2, 3, 4, 10]");
  EXPECT_FALSE(DelItem(l.get(), ten.get()));
  EXPECT_EQ(Error(), "IndexError: list assignment index out of range");

  // l[1:3] = [7, 8, 9] grows; l[1:4] = [] shrinks; l[2:2] = (x,) inserts.
  Ref<Object> one_to_three = Slice(one.get(), three.get());
  Ref<Object> seven_eight_nine = IntList({7, 8, 9});
  ASSERT_TRUE(SetItem(l.get(), one_to_three.get(), seven_eight_nine.get()));
  EXPECT_EQ(Show(l), "[1, 7, 8, 9, 4, 10]");
  Ref<Object> one_to_four = Slice(one.get(), NewInt(4).get());
  Ref<Object> nothing = NewList();
  ASSERT_TRUE(SetItem(l.get(), one_to_four.get(), nothing.get()));
  EXPECT_EQ(Show(l), "[1, 4, 10]");
  Ref<Object> at_two = Slice(two.get(), two.get());
  Ref<Object> insert = NewTuple({None()});
  ASSERT_TRUE(SetItem(l.get(), at_two.get(), insert.get()));
  EXPECT_EQ(Show(l), "[1, 4, None, 10]");
  // s[5:2] = [...] inserts before 5, not before 2 (clipped to the length here).
  Ref<Object> reversed_bounds = Slice(three.get(), one.get());
  ASSERT_TRUE(SetItem(l.get(), reversed_bounds.get(), IntList({6}).get()));
  EXPECT_EQ(Show(l), "[1, 4, None, 6, 10]");
  // a[:] = a (a copy is taken first).
  Ref<Object> all = Slice(None(), None());
  ASSERT_TRUE(SetItem(l.get(), all.get(), l.get()));
  EXPECT_EQ(Show(l), "[1, 4, None, 6, 10]");
  EXPECT_FALSE(SetItem(l.get(), all.get(), ten.get()));
  EXPECT_EQ(Error(), "TypeError: must assign iterable to extended slice");

  // Extended slices: lengths must match; deletion removes the stride.
  Ref<Object> evens = Slice(None(), None(), two.get());
  ASSERT_TRUE(SetItem(l.get(), evens.get(), IntList({-1, -2, -3}).get()));
  EXPECT_EQ(Show(l), "[-1, 4, -2, 6, -3]");
  EXPECT_FALSE(SetItem(l.get(), evens.get(), IntList({1, 2}).get()));
  EXPECT_EQ(Error(),
            "ValueError: attempt to assign sequence of size 2 to extended slice of size 3");
  Ref<Object> backwards = Slice(None(), None(), minus_one.get());
  ASSERT_TRUE(SetItem(l.get(), backwards.get(), l.get()));  // a[::-1] = a
  EXPECT_EQ(Show(l), "[-3, 6, -2, 4, -1]");
  ASSERT_TRUE(DelItem(l.get(), evens.get()));
  EXPECT_EQ(Show(l), "[6, 4]");
  Ref<Object> l2 = IntList({0, 1, 2, 3, 4, 5, 6});
  Ref<Object> odd_backwards = Slice(NewInt(5).get(), None(), NewInt(-2).get());
  ASSERT_TRUE(DelItem(l2.get(), odd_backwards.get()));
  EXPECT_EQ(Show(l2), "[0, 2, 4, 6]");
  ASSERT_TRUE(DelItem(l2.get(), all.get()));
  EXPECT_EQ(Show(l2), "[]");
  Ref<Object> key = NewStr("k");
  EXPECT_FALSE(SetItem(l2.get(), key.get(), ten.get()));
  EXPECT_EQ(Error(), "TypeError: list indices must be integers or slices, not str");
}

TEST_F(ListTest, SlicesAreAdjustedToTheListAsItIsAfterTheirIndexMethodsRan) {
  Ref<Object> shrinker = Interpreter::Current()->NewObject<Object>(&kShrinkingIndexType);
  Ref<Object> slice = Slice(shrinker.get(), None());  // l[shrinker:]
  Ref<Object> l = IntList({0, 1, 2, 3, 4});
  shrink_target = l.get();
  EXPECT_EQ(Show(GetItem(l.get(), slice.get())), "[]");
  Ref<Object> m = IntList({0, 1, 2, 3, 4});
  shrink_target = m.get();
  ASSERT_TRUE(DelItem(m.get(), slice.get()));
  EXPECT_EQ(Show(m), "[]");
  Ref<Object> n = IntList({0, 1, 2, 3, 4});
  shrink_target = n.get();
  ASSERT_TRUE(SetItem(n.get(), slice.get(), IntList({7}).get()));
  EXPECT_EQ(Show(n), "[7]");
  // Without shrinking, the object works as the index 2.
  EXPECT_EQ(Show(GetItem(IntList({0, 1, 2, 3}).get(), slice.get())), "[2, 3]");
  EXPECT_EQ(Show(GetItem(IntList({5, 6, 7}).get(), shrinker.get())), "7");
}

TEST_F(ListTest, ComparisonIsLexicographicForAllSixOperators) {
  Ref<Object> a = IntList({1, 2, 3});
  Ref<Object> b = IntList({1, 2, 4});
  Ref<Object> prefix = IntList({1, 2});
  Ref<Object> same = IntList({1, 2, 3});
  auto compare = [](Object* x, Object* y, CompareOp op) { return RichCompareBool(x, y, op); };
  EXPECT_EQ(compare(a.get(), same.get(), CompareOp::kEq), 1);
  EXPECT_EQ(compare(a.get(), b.get(), CompareOp::kEq), 0);
  EXPECT_EQ(compare(a.get(), b.get(), CompareOp::kNe), 1);
  EXPECT_EQ(compare(a.get(), b.get(), CompareOp::kLt), 1);
  EXPECT_EQ(compare(a.get(), b.get(), CompareOp::kLe), 1);
  EXPECT_EQ(compare(a.get(), b.get(), CompareOp::kGt), 0);
  EXPECT_EQ(compare(b.get(), a.get(), CompareOp::kGe), 1);
  EXPECT_EQ(compare(prefix.get(), a.get(), CompareOp::kLt), 1);  // shorter prefix is less
  EXPECT_EQ(compare(a.get(), prefix.get(), CompareOp::kGt), 1);
  EXPECT_EQ(compare(a.get(), same.get(), CompareOp::kLe), 1);
  EXPECT_EQ(compare(a.get(), same.get(), CompareOp::kGe), 1);
  // A list never equals a tuple; ordering them is a TypeError.
  Ref<Object> tuple = NewTuple({NewInt(1).get(), NewInt(2).get(), NewInt(3).get()});
  EXPECT_EQ(compare(a.get(), tuple.get(), CompareOp::kEq), 0);
  EXPECT_EQ(compare(a.get(), tuple.get(), CompareOp::kLt), -1);
  EXPECT_EQ(Error(), "TypeError: '<' not supported between instances of 'list' and 'tuple'");
  // The items decide with their own operator: [1, 'a'] < [1, 2] compares 'a' < 2.
  Ref<Object> with_str = NewList({NewInt(1), NewStr("a")});
  EXPECT_EQ(compare(with_str.get(), prefix.get(), CompareOp::kLt), -1);
  EXPECT_EQ(Error(), "TypeError: '<' not supported between instances of 'str' and 'int'");
  // [1] == [1] (basics.py).
  EXPECT_EQ(compare(IntList({1}).get(), IntList({1}).get(), CompareOp::kEq), 1);
}

TEST_F(ListTest, ContainsCountIndexRemove) {
  Ref<Object> l = IntList({1, 5, 1, 7});
  Ref<Object> one = NewInt(1), five = NewInt(5), nine = NewInt(9), two = NewInt(2);
  EXPECT_EQ(Contains(l.get(), five.get()), 1);  // 5 in [1, 5]
  EXPECT_EQ(Contains(l.get(), nine.get()), 0);
  EXPECT_EQ(Method(l.get(), "count", {one.get()}), "2");
  EXPECT_EQ(Method(l.get(), "index", {one.get(), two.get()}), "2");
  Ref<Object> minus_two = NewInt(-2);
  EXPECT_EQ(Method(l.get(), "index", {one.get(), minus_two.get()}), "2");
  EXPECT_EQ(Method(l.get(), "index", {five.get(), two.get()}),
            "ValueError: list.index(x): x not in list");
  EXPECT_EQ(Method(l.get(), "index", {five.get(), NewInt(0).get(), one.get()}),
            "ValueError: list.index(x): x not in list");
  Ref<Object> text = NewStr("x");
  EXPECT_EQ(Method(l.get(), "index", {one.get(), text.get()}),
            "TypeError: slice indices must be integers or have an __index__ method");
  EXPECT_EQ(Method(l.get(), "index"), "TypeError: index expected at least 1 argument, got 0");
  EXPECT_EQ(Method(l.get(), "remove", {nine.get()}), "ValueError: list.remove(x): x not in list");
  EXPECT_EQ(Method(l.get(), "remove", {one.get()}), "None");
  EXPECT_EQ(Show(l), "[5, 1, 7]");
  EXPECT_EQ(Method(l.get(), "count"),
            "TypeError: list.count() takes exactly one argument (0 given)");
}

TEST_F(ListTest, MutatingMethodsAndTheirErrors) {
  Ref<Object> l = IntList({1, 2, 3});
  Ref<Object> minus_ten = NewInt(-10), ten = NewInt(10), zero = NewInt(0), x = NewStr("x");
  EXPECT_EQ(Method(l.get(), "insert", {minus_ten.get(), zero.get()}), "None");  // clamps to 0
  EXPECT_EQ(Method(l.get(), "insert", {ten.get(), x.get()}), "None");           // and to len
  EXPECT_EQ(Show(l), "[0, 1, 2, 3, 'x']");
  EXPECT_EQ(Method(l.get(), "insert", {x.get()}), "TypeError: insert expected 2 arguments, got 1");
  EXPECT_EQ(Method(l.get(), "insert", {x.get(), x.get()}),
            "TypeError: 'str' object cannot be interpreted as an integer");
  EXPECT_EQ(Method(l.get(), "pop", {ten.get()}), "IndexError: pop index out of range");
  EXPECT_EQ(Method(l.get(), "pop", {ten.get(), ten.get()}),
            "TypeError: pop expected at most 1 argument, got 2");
  EXPECT_EQ(Method(l.get(), "pop", {NewInt(-5).get()}), "0");
  EXPECT_EQ(Method(l.get(), "append"),
            "TypeError: list.append() takes exactly one argument (0 given)");
  EXPECT_EQ(Method(l.get(), "extend", {ten.get()}), "TypeError: 'int' object is not iterable");
  EXPECT_EQ(Method(l.get(), "extend", {l.get()}), "None");  // l.extend(l) doubles it
  EXPECT_EQ(Show(l), "[1, 2, 3, 'x', 1, 2, 3, 'x']");
  EXPECT_EQ(Method(l.get(), "clear"), "None");
  EXPECT_EQ(Show(l), "[]");
  EXPECT_EQ(Method(l.get(), "clear", {ten.get()}),
            "TypeError: list.clear() takes no arguments (1 given)");
  EXPECT_EQ(Method(l.get(), "reverse"), "None");  // empty: fine
}

TEST_F(ListTest, ConcatenationAndRepetition) {
  Ref<Object> a = IntList({1, 2});
  Ref<Object> b = IntList({3});
  Ref<Object> two = NewInt(2), zero = NewInt(0), one = NewInt(1);
  EXPECT_EQ(Show(BinaryOperation(a.get(), b.get(), BinaryOp::kAdd)), "[1, 2, 3]");
  EXPECT_EQ(Show(a), "[1, 2]");
  EXPECT_EQ(Show(BinaryOperation(a.get(), one.get(), BinaryOp::kAdd)),
            "TypeError: can only concatenate list (not \"int\") to list");
  EXPECT_EQ(Show(BinaryOperation(one.get(), a.get(), BinaryOp::kAdd)),
            "TypeError: unsupported operand type(s) for +: 'int' and 'list'");
  Ref<Object> tuple = NewTuple({None()});
  EXPECT_EQ(Show(BinaryOperation(a.get(), tuple.get(), BinaryOp::kAdd)),
            "TypeError: can only concatenate list (not \"tuple\") to list");
  EXPECT_EQ(Show(BinaryOperation(a.get(), two.get(), BinaryOp::kMultiply)), "[1, 2, 1, 2]");
  EXPECT_EQ(Show(BinaryOperation(two.get(), a.get(), BinaryOp::kMultiply)), "[1, 2, 1, 2]");
  EXPECT_EQ(Show(BinaryOperation(a.get(), True(), BinaryOp::kMultiply)), "[1, 2]");
  EXPECT_EQ(Show(BinaryOperation(a.get(), zero.get(), BinaryOp::kMultiply)), "[]");
  EXPECT_EQ(Show(BinaryOperation(a.get(), NewInt(-3).get(), BinaryOp::kMultiply)), "[]");
  EXPECT_EQ(Show(BinaryOperation(a.get(), b.get(), BinaryOp::kMultiply)),
            "TypeError: can't multiply sequence by non-int of type 'list'");
  Ref<Object> text = NewStr("3");
  EXPECT_EQ(Show(BinaryOperation(a.get(), text.get(), BinaryOp::kMultiply)),
            "TypeError: can't multiply sequence by non-int of type 'str'");
  // Repetition shares the items.
  Ref<Object> inner = NewList({NewList()});
  Ref<Object> repeated = BinaryOperation(inner.get(), two.get(), BinaryOp::kMultiply);
  ASSERT_TRUE(repeated);
  EXPECT_EQ(ListItems(repeated.get())[0].get(), ListItems(repeated.get())[1].get());
}

TEST_F(ListTest, SortIsStableAndHonoursKeyAndReverse) {
  Ref<Object> l = IntList({3, 1, 2});
  EXPECT_EQ(MethodKw(l.get(), "sort", {}, {{"reverse", True()}}),
            "None");  // sorted(..., reverse=True)
  EXPECT_EQ(Show(l), "[3, 2, 1]");
  EXPECT_EQ(MethodKw(l.get(), "sort", {}, {{"reverse", False()}}), "None");
  EXPECT_EQ(Show(l), "[1, 2, 3]");

  // Stable with a key, forwards and reversed: equal keys keep their input order
  // (sorted(["10", "9", "09", "010", "1"], key=int)).
  auto words = [] {
    return NewList({NewStr("10"), NewStr("9"), NewStr("09"), NewStr("010"), NewStr("1")});
  };
  Object* int_type = WellKnownType(WellKnown::kInt);
  Ref<Object> forwards = words();
  EXPECT_EQ(MethodKw(forwards.get(), "sort", {}, {{"key", int_type}}), "None");
  EXPECT_EQ(Show(forwards), "['1', '9', '09', '10', '010']");
  Ref<Object> backwards = words();
  EXPECT_EQ(MethodKw(backwards.get(), "sort", {}, {{"key", int_type}, {"reverse", True()}}),
            "None");
  EXPECT_EQ(Show(backwards), "['10', '010', '9', '09', '1']");
}

TEST_F(ListTest, SortErrors) {
  Ref<Object> mixed = NewList({NewInt(3), NewStr("a"), NewInt(1)});
  EXPECT_EQ(Method(mixed.get(), "sort"),
            "TypeError: '<' not supported between instances of 'str' and 'int'");
  EXPECT_EQ(Show(mixed), "[3, 'a', 1]");  // left in its original order
  EXPECT_EQ(MethodKw(mixed.get(), "sort", {}, {{"reverse", True()}}),
            "TypeError: '<' not supported between instances of 'str' and 'int'");
  // A key function that changes the list: the list looks empty meanwhile, and
  // what it added is dropped.
  Ref<Object> single = IntList({5});
  Ref<Object> append = GetAttr(single.get(), "append");
  ASSERT_TRUE(append);
  EXPECT_EQ(MethodKw(single.get(), "sort", {}, {{"key", append.get()}}),
            "ValueError: list modified during sort");
  EXPECT_EQ(Show(single), "[5]");
  Ref<Object> l = IntList({2, 1});
  EXPECT_EQ(Method(l.get(), "sort", {None()}), "TypeError: sort() takes no positional arguments");
  EXPECT_EQ(MethodKw(l.get(), "sort", {}, {{"cmp", None()}}),
            "TypeError: sort() got an unexpected keyword argument 'cmp'");
  // A key function's error propagates.
  Ref<Object> five = NewInt(5);
  EXPECT_EQ(MethodKw(l.get(), "sort", {}, {{"key", five.get()}}),
            "TypeError: 'int' object is not callable");
  EXPECT_EQ(Show(l), "[2, 1]");
  // key=None sorts by the items.
  EXPECT_EQ(MethodKw(l.get(), "sort", {}, {{"key", None()}}), "None");
  EXPECT_EQ(Show(l), "[1, 2]");
  // A long reversed run sorts correctly (exercises the merges).
  std::vector<Ref<Object>> items;
  for (int64_t i = 300; i > 0; --i) items.push_back(NewInt(i % 17));
  Ref<Object> many = NewList(std::move(items));
  ASSERT_TRUE(ListSort(many.get(), nullptr, false)) << TakeExceptionAsStatus();
  for (size_t i = 1; i < ListItems(many.get()).size(); ++i) {
    EXPECT_LE(*IntAsInt64(ListItems(many.get())[i - 1].get()),
              *IntAsInt64(ListItems(many.get())[i].get()));
  }
}

TEST_F(ListTest, IterationSeesAppendsAndEndsOnShrink) {
  Ref<Object> l = IntList({1, 2});
  Ref<Object> iterator = GetIter(l.get());
  ASSERT_TRUE(iterator);
  EXPECT_EQ(TypeName(iterator->type()), "list_iterator");
  EXPECT_EQ(GetIter(iterator.get()).get(), iterator.get());  // iter(it) is it
  EXPECT_EQ(Method(iterator.get(), "__length_hint__"), "2");
  EXPECT_EQ(Show(IterNext(iterator.get())), "1");
  EXPECT_EQ(Method(iterator.get(), "__length_hint__"), "1");
  ListItems(l.get()).push_back(NewInt(3));
  EXPECT_EQ(Show(IterNext(iterator.get())), "2");
  EXPECT_EQ(Show(IterNext(iterator.get())), "3");
  EXPECT_FALSE(IterNext(iterator.get()));
  EXPECT_FALSE(ExceptionPending());
  ListItems(l.get()).push_back(NewInt(4));
  EXPECT_FALSE(IterNext(iterator.get()));  // exhausted for good
  EXPECT_EQ(Method(iterator.get(), "__length_hint__"), "0");
  Ref<Object> shrinking = IntList({1, 2, 3});
  Ref<Object> second = GetIter(shrinking.get());
  EXPECT_EQ(Show(IterNext(second.get())), "1");
  ListItems(shrinking.get()).clear();
  EXPECT_FALSE(IterNext(second.get()));
  EXPECT_FALSE(ExceptionPending());
  EXPECT_EQ(Show(Call(iterator->type(), {})), "TypeError: cannot create 'list_iterator' instances");
}

TEST_F(ListTest, IsUnhashableAndFalseWhenEmpty) {
  Ref<Object> l = NewList();
  EXPECT_EQ(Hash(l.get()), -1);
  EXPECT_EQ(Error(), "TypeError: unhashable type: 'list'");
  EXPECT_EQ(IsTrue(l.get()), 0);  // not []
  ListItems(l.get()).push_back(NoneRef());
  EXPECT_EQ(IsTrue(l.get()), 1);
}

TEST_F(ListTest, SubclassInstancesAreListsOfTheSubclass) {
  Interpreter& interp = *Runtime::MainInterpreter();
  Ref<HeapType> sub = *HeapType::Create(interp, "MyList", {{ListType()}});
  Ref<Object> source = IntList({1, 2});
  Ref<Object> instance = Call(sub.get(), {source.get()});
  ASSERT_TRUE(instance) << TakeExceptionAsStatus();
  EXPECT_EQ(instance->type(), sub.get());
  EXPECT_EQ(Show(instance), "[1, 2]");
  EXPECT_EQ(Method(instance.get(), "append", {None()}), "None");
  EXPECT_EQ(Length(instance.get()), 3);
  EXPECT_EQ(RichCompareBool(instance.get(), NewList({NewInt(1), NewInt(2), NoneRef()}).get(),
                            CompareOp::kEq),
            1);
  EXPECT_EQ(Hash(instance.get()), -1);
  EXPECT_EQ(Error(), "TypeError: unhashable type: 'MyList'");
  // Slicing or copying gives a plain list.
  Ref<Object> copy = CallMethod(instance.get(), "copy", {});
  EXPECT_TRUE(IsExactly(copy.get(), WellKnown::kList));
}

TEST_F(ListTest, CyclesAreFreedWhenTheInterpreterIsDestroyed) {
  Interpreter* sub = *Runtime::CreateInterpreter();
  {
    AttachGuard attached(*sub);
    Ref<Object> self_ref = NewList();
    ListItems(self_ref.get()).push_back(self_ref);  // l.append(l)
    Ref<Object> a = NewList();
    Ref<Object> b = NewList({a});
    ListItems(a.get()).push_back(b);
    Ref<Object> iterator = GetIter(a.get());
    ListItems(a.get()).push_back(iterator);  // a -> iterator -> a
    EXPECT_EQ(Show(self_ref), "[[...]]");
    EXPECT_GT(sub->memory_stats().live_objects, 0u);
  }
  ::testing::internal::CaptureStderr();
  ASSERT_TRUE(Runtime::DestroyInterpreter(sub).ok());
  // Nothing outlived the teardown: every cycle was broken by the clear slots.
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
}

}  // namespace
}  // namespace islet
