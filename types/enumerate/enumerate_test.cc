// `enumerate` through the object protocol: lazy (count, item) pairs from any
// start, counts past int64_t, and CPython's messages.

#include <string>

#include "gtest/gtest.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/well_known.h"
#include "tests/testing/object_test_support.h"

namespace islet {
namespace {

class EnumerateTest : public testing::ObjectTest {
 protected:
  static Object* Enumerate() { return WellKnownType(WellKnown::kEnumerate); }
};

TEST_F(EnumerateTest, PairsCountsWithItems) {
  EXPECT_EQ(ListOf(CallWith(Enumerate(), {"ab"})), "[(0, 'a'), (1, 'b')]");
  EXPECT_EQ(ListOf(CallWith(Enumerate(), {"ab", 5})), "[(5, 'a'), (6, 'b')]");
  EXPECT_EQ(ListOf(CallWith(Enumerate(), {IntList({7})}, {{"start", -1}})), "[(-1, 7)]");
  EXPECT_EQ(ListOf(CallWith(Enumerate(), {}, {{"iterable", "x"}, {"start", 1}})), "[(1, 'x')]");
  EXPECT_EQ(ListOf(CallWith(Enumerate(), {IntList({})})), "[]");
}

TEST_F(EnumerateTest, IsALazyIterator) {
  Ref<Object> list = IntList({1});
  Ref<Object> enumerate = CallWith(Enumerate(), {list});
  ASSERT_TRUE(enumerate) << Error();
  EXPECT_EQ(GetIter(enumerate.get()).get(), enumerate.get());
  // Items appended before they are reached are seen.
  ASSERT_TRUE(CallAttr(list.get(), "append", {2})) << Error();
  EXPECT_EQ(Show(IterNext(enumerate.get())), "(0, 1)");
  EXPECT_EQ(Show(IterNext(enumerate.get())), "(1, 2)");
  EXPECT_FALSE(IterNext(enumerate.get()));
  EXPECT_FALSE(ExceptionPending());
  EXPECT_EQ(ReprText(enumerate.get())->rfind("<enumerate object at 0x", 0), 0u);
}

TEST_F(EnumerateTest, CountsBeyondInt64) {
  Ref<Object> big = BigInt("9223372036854775806");  // 2**63 - 2
  EXPECT_EQ(ListOf(CallWith(Enumerate(), {"abc", big})),
            "[(9223372036854775806, 'a'), (9223372036854775807, 'b'), "
            "(9223372036854775808, 'c')]");
  Ref<Object> huge = PowerOfTwo(70);
  EXPECT_EQ(ListOf(CallWith(Enumerate(), {"ab", huge})),
            "[(1180591620717411303424, 'a'), (1180591620717411303425, 'b')]");
}

TEST_F(EnumerateTest, Errors) {
  EXPECT_EQ(Show(CallWith(Enumerate(), {})),
            "TypeError: enumerate() missing required argument 'iterable'");
  EXPECT_EQ(Show(CallWith(Enumerate(), {}, {{"start", 1}})),
            "TypeError: 'start' is an invalid keyword argument for enumerate()");
  EXPECT_EQ(Show(CallWith(Enumerate(), {1})), "TypeError: 'int' object is not iterable");
  EXPECT_EQ(Show(CallWith(Enumerate(), {"a", 1, 2})),
            "TypeError: enumerate() takes at most 2 arguments (3 given)");
  EXPECT_EQ(Show(CallWith(Enumerate(), {"a"}, {{"start", "x"}})),
            "TypeError: 'str' object cannot be interpreted as an integer");
  EXPECT_EQ(Show(CallWith(Enumerate(), {"a"}, {{"x", 1}})),
            "TypeError: 'x' is an invalid keyword argument for enumerate()");
}

}  // namespace
}  // namespace islet
