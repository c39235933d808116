// frozenset through the object protocol: CPython's hash algorithm (exact values),
// construction and identity shortcuts, the methods it has and the ones it must
// not have, subclasses, and mixing with set.

#include <cstdint>
#include <initializer_list>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "interp/heap_type.h"
#include "interp/interpreter.h"
#include "objects/errors.h"
#include "objects/protocol.h"
#include "objects/set.h"
#include "objects/singletons.h"
#include "objects/well_known.h"
#include "tests/testing/object_test_support.h"
#include "types/set/test_key.h"

namespace islet {
namespace {

using testing::NewTestKey;

class FrozenSetTest : public testing::ObjectTest {
 protected:
  static Object* FrozenSetType() { return WellKnownType(WellKnown::kFrozenSet); }
  // A frozenset of `elements`, added in order to a set first.
  static Ref<Object> Frozen(std::initializer_list<Arg> elements) {
    return Call(FrozenSetType(), {SetOf(elements).get()});
  }
  static Ref<Object> FrozenOfKeys(std::initializer_list<int64_t> values) {
    Ref<Object> set = NewSet();
    for (int64_t value : values) EXPECT_TRUE(SetAdd(set.get(), NewTestKey(value).get()));
    return Call(FrozenSetType(), {set.get()});
  }
};

// The values are CPython 3.14's: hash(None) is 0xFCA86420 there and here, and a
// test key hashes like its int.
TEST_F(FrozenSetTest, HashIsCPythons) {
  Ref<Object> empty = Call(FrozenSetType(), {});
  EXPECT_EQ(Hash(empty.get()), 133146708735736);
  EXPECT_EQ(Hash(Frozen({None()}).get()), 6611776082492875612);
  EXPECT_EQ(Hash(Frozen({None(), empty.get()}).get()), 8549441348577122326);
  EXPECT_EQ(Hash(FrozenOfKeys({1, 2, 3}).get()), -272375401224217160);
  EXPECT_EQ(Hash(FrozenOfKeys({-1}).get()), 6776983852052281967);
  Ref<Object> hundred = NewSet();
  for (int64_t i = 0; i < 100; ++i) ASSERT_TRUE(SetAdd(hundred.get(), NewTestKey(i).get()));
  EXPECT_EQ(Hash(Call(FrozenSetType(), {hundred.get()}).get()), 4411996150312757951);
}

TEST_F(FrozenSetTest, EqualFrozenSetsHashEqualWhateverTheirLayout) {
  Ref<Object> forward = FrozenOfKeys({1, 9, 17, 25});
  Ref<Object> backward = FrozenOfKeys({25, 17, 9, 1});
  // Built through deletions, so the source table has dummies.
  Ref<Object> source = NewSet();
  for (int64_t value : {40, 1, 9, 2, 17, 25})
    ASSERT_TRUE(SetAdd(source.get(), NewTestKey(value).get()));
  ASSERT_TRUE(CallMethod(source.get(), "discard", {NewTestKey(40).get()}));
  ASSERT_TRUE(CallMethod(source.get(), "discard", {NewTestKey(2).get()}));
  Ref<Object> rebuilt = Call(FrozenSetType(), {source.get()});
  EXPECT_NE(Show(forward.get()), Show(backward.get()));
  EXPECT_EQ(Hash(forward.get()), Hash(backward.get()));
  EXPECT_EQ(Hash(forward.get()), Hash(rebuilt.get()));
  EXPECT_EQ(RichCompareBool(forward.get(), rebuilt.get(), CompareOp::kEq), 1);
  EXPECT_NE(Hash(forward.get()), Hash(FrozenOfKeys({1, 9, 17}).get()));
}

TEST_F(FrozenSetTest, FrozenSetsAreElementsOfSetsAndFrozenSets) {
  Ref<Object> inner = FrozenOfKeys({1, 2});
  Ref<Object> outer = Frozen({inner.get(), None()});
  EXPECT_EQ(Length(outer.get()), 2);
  EXPECT_EQ(Contains(outer.get(), FrozenOfKeys({2, 1}).get()), 1);
  Ref<Object> as_set = NewSet();
  ASSERT_TRUE(SetAdd(as_set.get(), NewTestKey(2).get()));
  ASSERT_TRUE(SetAdd(as_set.get(), NewTestKey(1).get()));
  EXPECT_EQ(Contains(outer.get(), as_set.get()), 1);  // looked up as a frozenset
  EXPECT_NE(Hash(outer.get()), -1);
}

TEST_F(FrozenSetTest, ReprAndConstruction) {
  EXPECT_EQ(Show(FrozenOfKeys({2, 1}).get()), "frozenset({1, 2})");
  EXPECT_EQ(Show(Frozen({None()}).get()), "frozenset({None})");
  EXPECT_EQ(Show(Call(FrozenSetType(), {}).get()), "frozenset()");
  Ref<Object> frozen = FrozenOfKeys({1});
  EXPECT_EQ(Call(FrozenSetType(), {frozen.get()}).get(), frozen.get());  // idempotent
  EXPECT_EQ(CallMethod(frozen.get(), "copy", {}).get(), frozen.get());
  EXPECT_FALSE(Call(FrozenSetType(), {None(), None()}));
  EXPECT_EQ(Error(), "TypeError: frozenset expected at most 1 argument, got 2");
  EXPECT_FALSE(Call(FrozenSetType(), {None()}));
  EXPECT_EQ(Error(), "TypeError: 'NoneType' object is not iterable");
}

TEST_F(FrozenSetTest, HasNoMutatingMethods) {
  Ref<Object> frozen = FrozenOfKeys({1});
  for (const char* name :
       {"add", "discard", "remove", "pop", "clear", "update", "intersection_update",
        "difference_update", "symmetric_difference_update"}) {
    EXPECT_FALSE(GetAttr(frozen.get(), name));
    EXPECT_EQ(Error(),
              std::string("AttributeError: 'frozenset' object has no attribute '") + name + "'");
  }
  for (const char* name : {"copy", "difference", "intersection", "isdisjoint", "issubset",
                           "issuperset", "symmetric_difference", "union"}) {
    EXPECT_TRUE(GetAttr(frozen.get(), name)) << name;
  }
}

TEST_F(FrozenSetTest, MethodsReturnFrozenSets) {
  Ref<Object> frozen = FrozenOfKeys({1, 2, 3});
  Ref<Object> other = NewSet();
  ASSERT_TRUE(SetAdd(other.get(), NewTestKey(3).get()));
  ASSERT_TRUE(SetAdd(other.get(), NewTestKey(4).get()));
  EXPECT_EQ(Show(CallMethod(frozen.get(), "union", {other.get()}).get()),
            "frozenset({1, 2, 3, 4})");
  EXPECT_EQ(Show(CallMethod(frozen.get(), "intersection", {other.get()}).get()), "frozenset({3})");
  EXPECT_EQ(Show(CallMethod(frozen.get(), "difference", {other.get()}).get()), "frozenset({1, 2})");
  EXPECT_EQ(Show(CallMethod(frozen.get(), "symmetric_difference", {other.get()}).get()),
            "frozenset({1, 2, 4})");
  EXPECT_EQ(CallMethod(frozen.get(), "issuperset", {FrozenOfKeys({1}).get()}).get(), True());
  EXPECT_EQ(Show(BinaryOperation(frozen.get(), other.get(), BinaryOp::kSubtract).get()),
            "frozenset({1, 2})");
  EXPECT_EQ(Show(BinaryOperation(other.get(), frozen.get(), BinaryOp::kSubtract).get()), "{4}");
  EXPECT_FALSE(CallMethod(frozen.get(), "union", {None()}));
  EXPECT_EQ(Error(), "TypeError: 'NoneType' object is not iterable");
}

TEST_F(FrozenSetTest, Subclasses) {
  Interpreter& interp = *Interpreter::Current();
  TypeObject* bases[] = {WellKnownType(WellKnown::kFrozenSet)};
  Ref<HeapType> my_frozen = *HeapType::Create(interp, "MyFrozen", bases);
  Ref<Object> empty = Call(my_frozen.get(), {});
  ASSERT_TRUE(empty) << TakeExceptionAsStatus();
  EXPECT_EQ(Show(empty.get()), "MyFrozen()");
  Ref<Object> frozen = FrozenOfKeys({1});
  Ref<Object> sub = Call(my_frozen.get(), {frozen.get()});
  ASSERT_TRUE(sub);
  EXPECT_NE(sub.get(), frozen.get());  // only an exact frozenset is returned as is
  EXPECT_EQ(sub->type(), my_frozen.get());
  EXPECT_EQ(Show(sub.get()), "MyFrozen({1})");
  EXPECT_EQ(Hash(sub.get()), Hash(frozen.get()));
  Ref<Object> copy = CallMethod(sub.get(), "copy", {});
  EXPECT_EQ(copy->type(), FrozenSetType());
  EXPECT_EQ(RichCompareBool(copy.get(), sub.get(), CompareOp::kEq), 1);
  EXPECT_FALSE(Call(my_frozen.get(), {None(), None()}));
  EXPECT_EQ(Error(), "TypeError: MyFrozen expected at most 1 argument, got 2");
}

}  // namespace
}  // namespace islet
