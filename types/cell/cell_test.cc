// Tests of `cell` through the object protocol: construction, cell_contents
// (read, set, delete, empty), the repr, and CPython 3.14's messages.

#include "objects/cell.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/protocol.h"
#include "objects/well_known.h"
#include "tests/testing/object_test_support.h"

namespace islet {
namespace {

using ::testing::MatchesRegex;

class CellTest : public testing::ObjectTest {
 protected:
  static TypeObject* CellType() { return WellKnownType(WellKnown::kCell); }
  static const Name* Contents() { return Interpreter::Current()->Intern("cell_contents"); }
};

TEST_F(CellTest, ContentsCanBeReadSetAndDeleted) {
  Ref<Object> cell = CallWith(CellType(), {7});
  EXPECT_EQ(Show(GetAttr(cell.get(), "cell_contents")), "7");
  ASSERT_TRUE(SetAttr(cell.get(), Contents(), NewInt(8).get()));
  EXPECT_EQ(Show(GetAttr(cell.get(), "cell_contents")), "8");
  ASSERT_TRUE(DelAttr(cell.get(), Contents()));
  EXPECT_EQ(Show(GetAttr(cell.get(), "cell_contents")), "ValueError: Cell is empty");
  EXPECT_TRUE(DelAttr(cell.get(), Contents()));  // deleting from an empty cell is fine
  EXPECT_FALSE(CellContents(cell.get()));
}

TEST_F(CellTest, StartsEmptyWithoutAnArgument) {
  Ref<Object> cell = CallWith(CellType(), {});
  EXPECT_EQ(Show(GetAttr(cell.get(), "cell_contents")), "ValueError: Cell is empty");
  EXPECT_EQ(Show(CallWith(CellType(), {1, 2})),
            "TypeError: cell expected at most 1 argument, got 2");
  EXPECT_EQ(Show(CallWith(CellType(), {}, {{"x", 1}})),
            "TypeError: cell() takes no keyword arguments");
}

TEST_F(CellTest, ReprNamesTheContentsType) {
  Ref<Object> empty = NewCell();
  EXPECT_THAT(Show(empty), MatchesRegex("<cell at 0x[0-9a-f]+: empty>"));
  Ref<Object> full = NewCell(NewList());
  EXPECT_THAT(Show(full), MatchesRegex("<cell at 0x[0-9a-f]+: list object at 0x[0-9a-f]+>"));
}

}  // namespace
}  // namespace islet
