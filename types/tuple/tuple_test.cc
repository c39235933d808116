// Tests of `tuple` and `tuple_iterator` through the object protocol: what
// /work/shared/cpython-oracle/containers.py does with tuples (with its exact
// output), CPython's hash values, comparison, indexing, concatenation and
// repetition, construction, and the exact CPython 3.14 error messages.

#include "objects/tuple.h"

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "interp/heap_type.h"
#include "interp/interpreter.h"
#include "objects/errors.h"
#include "objects/immortals.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/well_known.h"
#include "runtime/runtime.h"
#include "tests/testing/object_test_support.h"

namespace islet {
namespace {

class TupleTest : public testing::ObjectTest {
 protected:
  static TypeObject* TupleType() { return WellKnownType(WellKnown::kTuple); }
};

TEST_F(TupleTest, ContainersOracleLinePrintsWhatCPythonPrints) {
  // t = (1, "two", 3.0, None)
  Ref<Object> three = Call(WellKnownType(WellKnown::kFloat), {NewStr("3.0").get()});
  ASSERT_TRUE(three) << TakeExceptionAsStatus();
  Ref<Object> t = NewTuple({NewInt(1).get(), NewStr("two").get(), three.get(), None()});
  // print(t, t[1], t.index(3.0), t.count(None), len(t), t + (5,), t * 2 == t + t)
  // "(1, 'two', 3.0, None) two 2 1 4 (1, 'two', 3.0, None, 5) True"
  Ref<Object> one = NewInt(1), two = NewInt(2);
  EXPECT_EQ(Show(t), "(1, 'two', 3.0, None)");
  Ref<Object> second = GetItem(t.get(), one.get());
  ASSERT_TRUE(second);
  EXPECT_EQ(StrText(second.get()).value_or("?"), "two");
  EXPECT_EQ(Method(t.get(), "index", {three.get()}), "2");
  EXPECT_EQ(Method(t.get(), "count", {None()}), "1");
  EXPECT_EQ(Length(t.get()), 4);
  Ref<Object> five = IntTuple({5});
  EXPECT_EQ(Show(BinaryOperation(t.get(), five.get(), BinaryOp::kAdd)), "(1, 'two', 3.0, None, 5)");
  Ref<Object> doubled = BinaryOperation(t.get(), two.get(), BinaryOp::kMultiply);
  Ref<Object> added = BinaryOperation(t.get(), t.get(), BinaryOp::kAdd);
  ASSERT_TRUE(doubled && added);
  EXPECT_EQ(RichCompareBool(doubled.get(), added.get(), CompareOp::kEq), 1);
  // tuple([1, 2]) -> (1, 2)
  Ref<Object> list = NewList({NewInt(1), NewInt(2)});
  EXPECT_EQ(Show(Call(TupleType(), {list.get()})), "(1, 2)");
}

TEST_F(TupleTest, Repr) {
  EXPECT_EQ(Show(NewTuple(std::vector<Ref<Object>>())), "()");
  EXPECT_EQ(Show(NewTuple({None()})), "(None,)");
  EXPECT_EQ(Show(NewTuple({None(), True()})), "(None, True)");
  EXPECT_EQ(Show(IntTuple({1})), "(1,)");
  EXPECT_EQ(Show(IntTuple({1, 2})), "(1, 2)");
  // t = ([],); t[0].append(t): "([(...)],)"
  Ref<Object> inner = NewList();
  Ref<Object> t = NewTuple({inner.get()});
  ListItems(inner.get()).push_back(t);
  EXPECT_EQ(Show(t), "([(...)],)");
  ListItems(inner.get()).clear();
}

TEST_F(TupleTest, HashMatchesCPython) {
  Ref<Object> empty = NewTuple(std::vector<Ref<Object>>());
  EXPECT_EQ(Hash(empty.get()), 5740354900026072187);
  EXPECT_EQ(Hash(NewTuple({None()}).get()), 9181102132670838864);
  Ref<Object> pair = IntTuple({1, 2});
  EXPECT_EQ(Hash(pair.get()), -3550055125485641917);
  EXPECT_EQ(Hash(pair.get()), -3550055125485641917);  // cached
  // Equal tuples hash alike.
  EXPECT_EQ(Hash(IntTuple({1, 2}).get()), Hash(pair.get()));
  // An unhashable item makes the tuple unhashable.
  Ref<Object> with_list = NewTuple({NewList().get()});
  EXPECT_EQ(Hash(with_list.get()), -1);
  EXPECT_EQ(Error(), "TypeError: unhashable type: 'list'");
}

TEST_F(TupleTest, ComparisonIsLexicographic) {
  Ref<Object> a = IntTuple({1, 2});
  Ref<Object> b = IntTuple({1, 3});
  Ref<Object> prefix = IntTuple({1});
  EXPECT_EQ(RichCompareBool(a.get(), b.get(), CompareOp::kLt), 1);  // (1, 2) < (1, 3)
  EXPECT_EQ(RichCompareBool(a.get(), b.get(), CompareOp::kGe), 0);
  EXPECT_EQ(RichCompareBool(a.get(), IntTuple({1, 2}).get(), CompareOp::kEq), 1);
  EXPECT_EQ(RichCompareBool(a.get(), b.get(), CompareOp::kNe), 1);
  EXPECT_EQ(RichCompareBool(prefix.get(), a.get(), CompareOp::kLt), 1);
  EXPECT_EQ(RichCompareBool(a.get(), prefix.get(), CompareOp::kGt), 1);
  EXPECT_EQ(RichCompareBool(a.get(), a.get(), CompareOp::kLe), 1);
  Ref<Object> list = NewList({NewInt(1), NewInt(2)});
  EXPECT_EQ(RichCompareBool(a.get(), list.get(), CompareOp::kEq), 0);
  Ref<Object> with_str = NewTuple({NewInt(1).get(), NewStr("x").get()});
  EXPECT_EQ(RichCompareBool(with_str.get(), a.get(), CompareOp::kLt), -1);
  EXPECT_EQ(Error(), "TypeError: '<' not supported between instances of 'str' and 'int'");
}

TEST_F(TupleTest, IndexingAndSlicing) {
  Ref<Object> t = IntTuple({10, 11, 12, 13});
  Ref<Object> minus_one = NewInt(-1), four = NewInt(4), two = NewInt(2);
  EXPECT_EQ(Show(GetItem(t.get(), minus_one.get())), "13");
  EXPECT_EQ(Show(GetItem(t.get(), four.get())), "IndexError: tuple index out of range");
  Ref<Object> key = NewStr("a");
  EXPECT_EQ(Show(GetItem(t.get(), key.get())),
            "TypeError: tuple indices must be integers or slices, not str");
  Ref<Object> every_other = NewSlice(nullptr, nullptr, two);
  EXPECT_EQ(Show(GetItem(t.get(), every_other.get())), "(10, 12)");
  Ref<Object> backwards = NewSlice(nullptr, nullptr, minus_one);
  EXPECT_EQ(Show(GetItem(t.get(), backwards.get())), "(13, 12, 11, 10)");
  Ref<Object> all = NewSlice(nullptr, nullptr, nullptr);
  EXPECT_EQ(GetItem(t.get(), all.get()).get(), t.get());  // t[:] is t
  Ref<Object> none = NewSlice(four, two, nullptr);
  EXPECT_EQ(GetItem(t.get(), none.get()).get(), EmptyTuple());
  EXPECT_FALSE(SetItem(t.get(), two.get(), two.get()));
  EXPECT_EQ(Error(), "TypeError: 'tuple' object does not support item assignment");
}

TEST_F(TupleTest, ContainsIndexCount) {
  Ref<Object> t = IntTuple({1, 2, 1});
  Ref<Object> one = NewInt(1), two = NewInt(2), nine = NewInt(9);
  EXPECT_EQ(Contains(t.get(), two.get()), 1);
  EXPECT_EQ(Contains(t.get(), nine.get()), 0);
  EXPECT_EQ(Method(t.get(), "count", {one.get()}), "2");
  EXPECT_EQ(Method(t.get(), "index", {one.get(), one.get()}), "2");
  EXPECT_EQ(Method(t.get(), "index", {nine.get()}), "ValueError: tuple.index(x): x not in tuple");
  EXPECT_EQ(Method(t.get(), "index", {one.get(), one.get(), two.get()}),
            "ValueError: tuple.index(x): x not in tuple");
  EXPECT_EQ(Method(t.get(), "index"), "TypeError: index expected at least 1 argument, got 0");
  EXPECT_EQ(Method(t.get(), "count"),
            "TypeError: tuple.count() takes exactly one argument (0 given)");
}

TEST_F(TupleTest, ConcatenationAndRepetition) {
  Ref<Object> a = IntTuple({1, 2});
  Ref<Object> empty = NewTuple(std::vector<Ref<Object>>());
  Ref<Object> one = NewInt(1), zero = NewInt(0), three = NewInt(3);
  EXPECT_EQ(BinaryOperation(a.get(), empty.get(), BinaryOp::kAdd).get(), a.get());
  EXPECT_EQ(BinaryOperation(empty.get(), a.get(), BinaryOp::kAdd).get(), a.get());
  EXPECT_EQ(Show(BinaryOperation(a.get(), one.get(), BinaryOp::kAdd)),
            "TypeError: can only concatenate tuple (not \"int\") to tuple");
  Ref<Object> list = NewList();
  EXPECT_EQ(Show(BinaryOperation(a.get(), list.get(), BinaryOp::kAdd)),
            "TypeError: can only concatenate tuple (not \"list\") to tuple");
  EXPECT_EQ(BinaryOperation(a.get(), one.get(), BinaryOp::kMultiply).get(), a.get());  // t * 1 is t
  EXPECT_EQ(Show(BinaryOperation(three.get(), a.get(), BinaryOp::kMultiply)), "(1, 2, 1, 2, 1, 2)");
  EXPECT_EQ(BinaryOperation(a.get(), zero.get(), BinaryOp::kMultiply).get(), EmptyTuple());
  EXPECT_EQ(Show(BinaryOperation(a.get(), a.get(), BinaryOp::kMultiply)),
            "TypeError: can't multiply sequence by non-int of type 'tuple'");
  Ref<Object> huge =
      Call(WellKnownType(WellKnown::kInt), {NewStr("1" + std::string(30, '0')).get()});
  ASSERT_TRUE(huge);
  EXPECT_EQ(Show(BinaryOperation(a.get(), huge.get(), BinaryOp::kMultiply)),
            "OverflowError: cannot fit 'int' into an index-sized integer");
}

TEST_F(TupleTest, Construction) {
  EXPECT_EQ(Call(TupleType(), {}).get(), EmptyTuple());
  Ref<Object> t = IntTuple({1, 2});
  EXPECT_EQ(Call(TupleType(), {t.get()}).get(), t.get());  // tuple(t) is t
  Ref<Object> abc = NewStr("ab");
  EXPECT_EQ(Show(Call(TupleType(), {abc.get()})), "('a', 'b')");
  Ref<Object> one = NewInt(1);
  EXPECT_EQ(Show(Call(TupleType(), {one.get()})), "TypeError: 'int' object is not iterable");
  EXPECT_EQ(Show(Call(TupleType(), {t.get(), t.get()})),
            "TypeError: tuple expected at most 1 argument, got 2");
  std::vector<Object*> args = {t.get()};
  std::vector<const Name*> names = {Interpreter::Current()->Intern("iterable")};
  EXPECT_EQ(Show(Call(TupleType(), CallArgs{.args = args, .kwnames = names})),
            "TypeError: tuple() takes no keyword arguments");
  // A subclass gets an instance of itself, never a shared tuple.
  Ref<HeapType> sub = *HeapType::Create(*Runtime::MainInterpreter(), "Pair", {{TupleType()}});
  Ref<Object> instance = Call(sub.get(), {t.get()});
  ASSERT_TRUE(instance) << TakeExceptionAsStatus();
  EXPECT_EQ(instance->type(), sub.get());
  EXPECT_NE(instance.get(), t.get());
  EXPECT_EQ(Show(instance), "(1, 2)");
  EXPECT_EQ(Hash(instance.get()), Hash(t.get()));
  Ref<Object> empty_instance = Call(sub.get(), {});
  ASSERT_TRUE(empty_instance);
  EXPECT_NE(empty_instance.get(), EmptyTuple());
  EXPECT_EQ(RichCompareBool(empty_instance.get(), EmptyTuple(), CompareOp::kEq), 1);
}

TEST_F(TupleTest, Iteration) {
  Ref<Object> t = IntTuple({1, 2});
  Ref<Object> iterator = GetIter(t.get());
  ASSERT_TRUE(iterator);
  EXPECT_EQ(TypeName(iterator->type()), "tuple_iterator");
  EXPECT_EQ(GetIter(iterator.get()).get(), iterator.get());
  EXPECT_EQ(Method(iterator.get(), "__length_hint__"), "2");
  EXPECT_EQ(Show(IterNext(iterator.get())), "1");
  EXPECT_EQ(Show(IterNext(iterator.get())), "2");
  EXPECT_FALSE(IterNext(iterator.get()));
  EXPECT_EQ(Method(iterator.get(), "__length_hint__"), "0");
  EXPECT_FALSE(ExceptionPending());
  EXPECT_FALSE(IterNext(iterator.get()));
  EXPECT_EQ(Show(Call(iterator->type(), {})),
            "TypeError: cannot create 'tuple_iterator' instances");
  EXPECT_EQ(IsTrue(EmptyTuple()), 0);
  EXPECT_EQ(IsTrue(t.get()), 1);
}

TEST_F(TupleTest, CyclesThroughATupleAreFreedWhenTheInterpreterIsDestroyed) {
  Interpreter* sub = *Runtime::CreateInterpreter();
  {
    AttachGuard attached(*sub);
    Ref<Object> list = NewList();
    Ref<Object> t = NewTuple({list.get()});
    ListItems(list.get()).push_back(t);  // t -> list -> t
    Ref<Object> iterator = GetIter(t.get());
    ListItems(list.get()).push_back(iterator);  // list -> iterator -> t -> list
  }
  ::testing::internal::CaptureStderr();
  ASSERT_TRUE(Runtime::DestroyInterpreter(sub).ok());
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
}

}  // namespace
}  // namespace islet
