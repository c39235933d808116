// `map` through the object protocol: lazy calls over one or more iterables,
// strict=True (3.14), and CPython's messages.

#include <string>

#include "gtest/gtest.h"
#include "objects/errors.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/well_known.h"
#include "tests/testing/object_test_support.h"

namespace islet {
namespace {

class MapTest : public testing::ObjectTest {
 protected:
  static Object* Map() { return WellKnownType(WellKnown::kMap); }
  static Object* Type(WellKnown which) { return WellKnownType(which); }
};

TEST_F(MapTest, CallsTheFunctionOnEachItem) {
  EXPECT_EQ(ListOf(CallWith(Map(), {Type(WellKnown::kStr), IntList({1, 2})})), "['1', '2']");
  // Several iterables: one argument from each, until the shortest ends.
  EXPECT_EQ(ListOf(CallWith(Map(), {Type(WellKnown::kRange), IntList({1, 2, 3}), IntList({4, 5})})),
            "[range(1, 4), range(2, 5)]");
  EXPECT_EQ(ListOf(CallWith(Map(), {Type(WellKnown::kStr), IntList({})})), "[]");
}

TEST_F(MapTest, IsLazy) {
  // A failing call shows only when its item is reached.
  Ref<Object> map = CallWith(Map(), {Type(WellKnown::kInt), "1x"});
  ASSERT_TRUE(map) << Error();
  EXPECT_EQ(GetIter(map.get()).get(), map.get());
  EXPECT_EQ(Show(IterNext(map.get())), "1");
  EXPECT_EQ(Show(IterNext(map.get())), "ValueError: invalid literal for int() with base 10: 'x'");
  EXPECT_FALSE(IterNext(map.get()));
  EXPECT_FALSE(ExceptionPending());
  EXPECT_EQ(ReprText(map.get())->rfind("<map object at 0x", 0), 0u);
}

TEST_F(MapTest, Strict) {
  Object* str = Type(WellKnown::kStr);
  EXPECT_EQ(ListOf(CallWith(Map(), {Type(WellKnown::kRange), IntList({1}), IntList({1, 2})},
                            {{"strict", True()}})),
            "ValueError: map() argument 2 is longer than argument 1");
  EXPECT_EQ(ListOf(CallWith(Map(), {Type(WellKnown::kRange), IntList({1, 2}), IntList({1})},
                            {{"strict", True()}})),
            "ValueError: map() argument 2 is shorter than argument 1");
  EXPECT_EQ(ListOf(CallWith(Map(), {str, IntList({1})}, {{"strict", True()}})), "['1']");
}

TEST_F(MapTest, Errors) {
  EXPECT_EQ(Show(CallWith(Map(), {})), "TypeError: map() must have at least two arguments.");
  EXPECT_EQ(Show(CallWith(Map(), {Type(WellKnown::kStr)})),
            "TypeError: map() must have at least two arguments.");
  EXPECT_EQ(Show(CallWith(Map(), {Type(WellKnown::kStr), 1})),
            "TypeError: 'int' object is not iterable");
  EXPECT_EQ(ListOf(CallWith(Map(), {1, IntList({1})})), "TypeError: 'int' object is not callable");
  EXPECT_EQ(Show(CallWith(Map(), {Type(WellKnown::kStr), "a"}, {{"x", 1}})),
            "TypeError: map() got an unexpected keyword argument 'x'");
}

}  // namespace
}  // namespace islet
