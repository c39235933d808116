// `reversed` through the object protocol: __reversed__ when the type has one,
// else len() and [] read lazily from the end, and CPython's messages.

#include <string>

#include "gtest/gtest.h"
#include "objects/errors.h"
#include "objects/function.h"
#include "objects/list.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/well_known.h"
#include "tests/testing/object_test_support.h"

namespace islet {
namespace {

class ReversedTest : public testing::ObjectTest {
 protected:
  static Object* Reversed() { return WellKnownType(WellKnown::kReversed); }
};

TEST_F(ReversedTest, SequencesFromTheEnd) {
  EXPECT_EQ(ListOf(CallWith(Reversed(), {IntList({1, 2, 3})})), "[3, 2, 1]");
  EXPECT_EQ(ListOf(CallWith(Reversed(), {"abc"})), "['c', 'b', 'a']");
  EXPECT_EQ(ListOf(CallWith(Reversed(), {IntTuple({})})), "[]");
}

TEST_F(ReversedTest, ReadsItemsLazily) {
  Ref<Object> list = IntList({1, 2, 3});
  Ref<Object> reversed = CallWith(Reversed(), {list});
  ASSERT_TRUE(reversed) << Error();
  EXPECT_EQ(GetIter(reversed.get()).get(), reversed.get());
  EXPECT_EQ(Method(reversed.get(), "__length_hint__"), "3");
  EXPECT_EQ(Show(IterNext(reversed.get())), "3");
  // A list that shrank ends the iteration instead of failing.
  ListItems(list.get()).clear();
  EXPECT_FALSE(IterNext(reversed.get()));
  EXPECT_FALSE(ExceptionPending());
  EXPECT_EQ(Method(reversed.get(), "__length_hint__"), "0");
  EXPECT_EQ(ReprText(reversed.get())->rfind("<reversed object at 0x", 0), 0u);
}

TEST_F(ReversedTest, UsesReversedWhenTheTypeHasIt) {
  Ref<HeapType> cls = NewClass("R", WellKnownType(WellKnown::kObject));
  Ref<Object> method = NewFunction("__reversed__", [](const CallArgs& args) -> Ref<Object> {
    return NewStr(args.args.size() == 1 ? "reversed self" : "wrong");
  });
  interp_->SetTypeDictEntry(*cls, interp_->Intern("__reversed__"), method);
  Ref<Object> instance = CallWith(cls.get(), {});
  ASSERT_TRUE(instance) << Error();
  EXPECT_EQ(Show(CallWith(Reversed(), {instance})), "'reversed self'");
  // __reversed__ = None says "not reversible" even for a sequence.
  interp_->SetTypeDictEntry(*cls, interp_->Intern("__reversed__"), NoneRef());
  EXPECT_EQ(Show(CallWith(Reversed(), {instance})), "TypeError: 'R' object is not reversible");
}

TEST_F(ReversedTest, Errors) {
  EXPECT_EQ(Show(CallWith(Reversed(), {})), "TypeError: reversed expected 1 argument, got 0");
  EXPECT_EQ(Show(CallWith(Reversed(), {1, 2})), "TypeError: reversed expected 1 argument, got 2");
  EXPECT_EQ(Show(CallWith(Reversed(), {1})), "TypeError: 'int' object is not reversible");
  EXPECT_EQ(Show(CallWith(Reversed(), {SetOf({1})})), "TypeError: 'set' object is not reversible");
  EXPECT_EQ(Show(CallWith(Reversed(), {}, {{"x", 1}})),
            "TypeError: reversed() takes no keyword arguments");
}

}  // namespace
}  // namespace islet
