// `zip` through the object protocol: lazy tuples of the iterables' items, the
// shortest ending it, strict=True's errors, and CPython's messages.

#include <string>

#include "gtest/gtest.h"
#include "objects/errors.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/well_known.h"
#include "tests/testing/object_test_support.h"

namespace islet {
namespace {

class ZipTest : public testing::ObjectTest {
 protected:
  static Object* Zip() { return WellKnownType(WellKnown::kZip); }
};

TEST_F(ZipTest, TuplesUntilTheShortestEnds) {
  EXPECT_EQ(ListOf(CallWith(Zip(), {IntList({1, 2}), "xy"})), "[(1, 'x'), (2, 'y')]");
  EXPECT_EQ(ListOf(CallWith(Zip(), {"abc", IntList({1})})), "[('a', 1)]");
  EXPECT_EQ(ListOf(CallWith(Zip(), {"ab"})), "[('a',), ('b',)]");
  EXPECT_EQ(ListOf(CallWith(Zip(), {})), "[]");
  EXPECT_EQ(ListOf(CallWith(Zip(), {"ab", "cd"}, {{"strict", True()}})),
            "[('a', 'c'), ('b', 'd')]");
}

TEST_F(ZipTest, IsALazyIterator) {
  Ref<Object> zip = CallWith(Zip(), {"a", "b"});
  ASSERT_TRUE(zip) << Error();
  EXPECT_EQ(GetIter(zip.get()).get(), zip.get());
  EXPECT_EQ(Show(IterNext(zip.get())), "('a', 'b')");
  EXPECT_FALSE(IterNext(zip.get()));
  EXPECT_FALSE(ExceptionPending());
  EXPECT_EQ(ReprText(zip.get())->rfind("<zip object at 0x", 0), 0u);
}

TEST_F(ZipTest, StrictLengthErrors) {
  EXPECT_EQ(ListOf(CallWith(Zip(), {IntList({1}), IntList({1, 2})}, {{"strict", True()}})),
            "ValueError: zip() argument 2 is longer than argument 1");
  EXPECT_EQ(ListOf(CallWith(Zip(), {IntList({1, 2}), IntList({1})}, {{"strict", 1}})),
            "ValueError: zip() argument 2 is shorter than argument 1");
  EXPECT_EQ(ListOf(CallWith(Zip(), {IntList({1, 2}), IntList({1, 2}), IntList({3})},
                            {{"strict", True()}})),
            "ValueError: zip() argument 3 is shorter than arguments 1-2");
  EXPECT_EQ(
      ListOf(CallWith(Zip(), {IntList({1}), IntList({1}), IntList({3, 4})}, {{"strict", True()}})),
      "ValueError: zip() argument 3 is longer than arguments 1-2");
  // Not strict: the longer one is simply cut.
  EXPECT_EQ(ListOf(CallWith(Zip(), {IntList({1}), IntList({1, 2})}, {{"strict", False()}})),
            "[(1, 1)]");
}

TEST_F(ZipTest, Errors) {
  EXPECT_EQ(Show(CallWith(Zip(), {1})), "TypeError: 'int' object is not iterable");
  EXPECT_EQ(Show(CallWith(Zip(), {"a", 1})), "TypeError: 'int' object is not iterable");
  EXPECT_EQ(Show(CallWith(Zip(), {}, {{"x", 1}})),
            "TypeError: zip() got an unexpected keyword argument 'x'");
  EXPECT_EQ(Show(CallWith(Zip(), {}, {{"strict", 1}, {"x", 2}})),
            "TypeError: zip() takes at most 1 keyword argument (2 given)");
}

}  // namespace
}  // namespace islet
