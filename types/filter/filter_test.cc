// `filter` through the object protocol: items kept by a function's verdict or
// by their own truth (None, bool), lazily, with CPython's messages.

#include <string>

#include "gtest/gtest.h"
#include "objects/errors.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/well_known.h"
#include "tests/testing/object_test_support.h"

namespace islet {
namespace {

class FilterTest : public testing::ObjectTest {
 protected:
  static Object* Filter() { return WellKnownType(WellKnown::kFilter); }
};

TEST_F(FilterTest, KeepsTrueItems) {
  EXPECT_EQ(ListOf(CallWith(Filter(), {None(), IntList({0, 1, 0, 2})})), "[1, 2]");
  EXPECT_EQ(ListOf(CallWith(Filter(), {WellKnownType(WellKnown::kBool), IntList({0, 3})})), "[3]");
  // A function's verdict: str(x) is true for every int.
  EXPECT_EQ(ListOf(CallWith(Filter(), {WellKnownType(WellKnown::kStr), IntList({0, 3})})),
            "[0, 3]");
  EXPECT_EQ(ListOf(CallWith(Filter(), {None(), IntList({})})), "[]");
}

TEST_F(FilterTest, IsLazy) {
  Ref<Object> list = IntList({0});
  Ref<Object> filter = CallWith(Filter(), {None(), list});
  ASSERT_TRUE(filter) << Error();
  EXPECT_EQ(GetIter(filter.get()).get(), filter.get());
  ASSERT_TRUE(CallAttr(list.get(), "append", {5})) << Error();
  EXPECT_EQ(Show(IterNext(filter.get())), "5");
  EXPECT_FALSE(IterNext(filter.get()));
  EXPECT_FALSE(ExceptionPending());
  EXPECT_EQ(ReprText(filter.get())->rfind("<filter object at 0x", 0), 0u);
}

TEST_F(FilterTest, Errors) {
  EXPECT_EQ(Show(CallWith(Filter(), {})), "TypeError: filter expected 2 arguments, got 0");
  EXPECT_EQ(Show(CallWith(Filter(), {None()})), "TypeError: filter expected 2 arguments, got 1");
  EXPECT_EQ(Show(CallWith(Filter(), {None(), 1})), "TypeError: 'int' object is not iterable");
  EXPECT_EQ(ListOf(CallWith(Filter(), {1, IntList({1})})),
            "TypeError: 'int' object is not callable");
  EXPECT_EQ(Show(CallWith(Filter(), {None(), IntList({})}, {{"x", 1}})),
            "TypeError: filter() takes no keyword arguments");
}

}  // namespace
}  // namespace islet
