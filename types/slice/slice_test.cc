// Tests of `slice` through the object protocol: construction and repr, its
// parts, indices(), comparison as a tuple, CPython's hash, and the exact
// CPython 3.14 error messages.

#include "objects/slice.h"

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
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/well_known.h"
#include "runtime/runtime.h"
#include "tests/testing/object_test_support.h"

namespace islet {
namespace {

class SliceTest : public testing::ObjectTest {
 protected:
  static TypeObject* SliceType() { return WellKnownType(WellKnown::kSlice); }

  // slice(*args); nullptr stands for None.
  static Ref<Object> Slice(std::initializer_list<Object*> args) {
    std::vector<Object*> values;
    for (Object* arg : args) values.push_back(arg != nullptr ? arg : None());
    Ref<Object> slice = Call(SliceType(), CallArgs{.args = values});
    EXPECT_TRUE(slice) << TakeExceptionAsStatus();
    return slice;
  }
  // slice.indices(length).
  static std::string Indices(Object* slice, int64_t length) {
    return Method(slice, "indices", {NewInt(length).get()});
  }
};

TEST_F(SliceTest, ConstructionAndRepr) {
  Ref<Object> one = NewInt(1), two = NewInt(2), three = NewInt(3), a = NewStr("a");
  EXPECT_EQ(Show(Slice({three.get()})), "slice(None, 3, None)");
  EXPECT_EQ(Show(Slice({one.get(), two.get()})), "slice(1, 2, None)");
  EXPECT_EQ(Show(Slice({one.get(), two.get(), three.get()})), "slice(1, 2, 3)");
  EXPECT_EQ(Show(Slice({a.get(), nullptr, nullptr})), "slice('a', None, None)");
  EXPECT_EQ(Show(Call(SliceType(), {})), "TypeError: slice expected at least 1 argument, got 0");
  EXPECT_EQ(Show(Call(SliceType(), {one.get(), one.get(), one.get(), one.get()})),
            "TypeError: slice expected at most 3 arguments, got 4");
  std::vector<Object*> args = {one.get()};
  std::vector<const Name*> names = {Interpreter::Current()->Intern("stop")};
  EXPECT_EQ(Show(Call(SliceType(), CallArgs{.args = args, .kwnames = names})),
            "TypeError: slice() takes no keyword arguments");
  EXPECT_FALSE(HeapType::Create(*Runtime::MainInterpreter(), "S", {{SliceType()}}).ok());
}

TEST_F(SliceTest, Parts) {
  Ref<Object> one = NewInt(1), two = NewInt(2);
  Ref<Object> slice = Slice({one.get(), two.get()});
  EXPECT_EQ(GetAttr(slice.get(), "start").get(), one.get());
  EXPECT_EQ(GetAttr(slice.get(), "stop").get(), two.get());
  EXPECT_EQ(GetAttr(slice.get(), "step").get(), None());
  EXPECT_FALSE(SetAttr(slice.get(), Interpreter::Current()->Intern("start"), two.get()));
  EXPECT_EQ(Error(), "AttributeError: attribute 'start' of 'slice' objects is not writable");
}

TEST_F(SliceTest, IndicesResolvesAgainstALength) {
  Ref<Object> minus_one = NewInt(-1), minus_ten = NewInt(-10), ten = NewInt(10), two = NewInt(2);
  Ref<Object> five = NewInt(5), zero = NewInt(0), a = NewStr("a");
  EXPECT_EQ(Indices(Slice({nullptr}).get(), 5), "(0, 5, 1)");
  EXPECT_EQ(Indices(Slice({nullptr, nullptr, minus_one.get()}).get(), 5), "(4, -1, -1)");
  EXPECT_EQ(Indices(Slice({minus_ten.get(), ten.get(), two.get()}).get(), 5), "(0, 5, 2)");
  EXPECT_EQ(Indices(Slice({five.get(), two.get()}).get(), 10), "(5, 2, 1)");
  EXPECT_EQ(Indices(Slice({minus_one.get()}).get(), 3), "(0, 2, 1)");
  EXPECT_EQ(Indices(Slice({nullptr}).get(), -1), "ValueError: length should not be negative");
  EXPECT_EQ(Indices(Slice({zero.get(), five.get(), zero.get()}).get(), 3),
            "ValueError: slice step cannot be zero");
  EXPECT_EQ(Indices(Slice({a.get()}).get(), 3),
            "TypeError: slice indices must be integers or None or have an __index__ method");
  Ref<Object> slice = Slice({nullptr});
  EXPECT_EQ(Show(CallMethod(slice.get(), "indices", {a.get()})),
            "TypeError: 'str' object cannot be interpreted as an integer");
  EXPECT_EQ(Show(CallMethod(slice.get(), "indices", {})),
            "TypeError: slice.indices() takes exactly one argument (0 given)");
}

TEST_F(SliceTest, ComparesAsTheTupleOfItsParts) {
  Ref<Object> one = NewInt(1), two = NewInt(2), three = NewInt(3);
  Ref<Object> a = Slice({one.get(), two.get()});
  Ref<Object> b = Slice({one.get(), two.get()});
  Ref<Object> c = Slice({one.get(), three.get()});
  EXPECT_EQ(RichCompareBool(a.get(), b.get(), CompareOp::kEq), 1);
  EXPECT_EQ(RichCompareBool(a.get(), c.get(), CompareOp::kEq), 0);
  EXPECT_EQ(RichCompareBool(a.get(), c.get(), CompareOp::kLt), 1);
  EXPECT_EQ(RichCompareBool(c.get(), a.get(), CompareOp::kGe), 1);
  EXPECT_EQ(RichCompareBool(a.get(), a.get(), CompareOp::kLe), 1);
  EXPECT_EQ(RichCompareBool(a.get(), a.get(), CompareOp::kLt), 0);
  Ref<Object> tuple = NewTuple({one.get(), two.get(), None()});
  EXPECT_EQ(RichCompareBool(a.get(), tuple.get(), CompareOp::kEq), 0);
  // (1, 2, None) < (1, 2, 3) compares None < 3.
  Ref<Object> stepped = Slice({one.get(), two.get(), three.get()});
  EXPECT_EQ(RichCompareBool(a.get(), stepped.get(), CompareOp::kLt), -1);
  EXPECT_EQ(Error(), "TypeError: '<' not supported between instances of 'NoneType' and 'int'");
}

TEST_F(SliceTest, HashMatchesCPython) {
  Ref<Object> one = NewInt(1), two = NewInt(2);
  Ref<Object> slice = Slice({one.get(), two.get()});
  EXPECT_EQ(Hash(slice.get()), -2178470213028018262);
  EXPECT_EQ(Hash(Slice({one.get(), two.get()}).get()), Hash(slice.get()));
  Ref<Object> list = NewList();
  EXPECT_EQ(Hash(Slice({list.get(), one.get()}).get()), -1);
  EXPECT_EQ(Error(), "TypeError: unhashable type: 'list'");
}

TEST_F(SliceTest, ACycleThroughASliceIsFreedWhenTheInterpreterIsDestroyed) {
  Interpreter* sub = *Runtime::CreateInterpreter();
  {
    AttachGuard attached(*sub);
    Ref<Object> list = NewList();
    Ref<Object> slice = NewSlice(nullptr, list, nullptr);
    ListItems(list.get()).push_back(slice);
  }
  ::testing::internal::CaptureStderr();
  ASSERT_TRUE(Runtime::DestroyInterpreter(sub).ok());
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
}

}  // namespace
}  // namespace islet
