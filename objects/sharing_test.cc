// The sharing rules: what is copied, what passes as it is, what is refused and
// how, and that a shared value needs nothing of the interpreter that made it.

#include "objects/sharing.h"

#include <cmath>
#include <limits>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "interp/interpreter.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/protocol.h"
#include "objects/queue.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/well_known.h"
#include "runtime/runtime.h"
#include "runtime/str_cat.h"
#include "tests/testing/object_test_support.h"

namespace islet {
namespace {

using ::testing::MatchesRegex;

class SharingTest : public testing::ObjectTest {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(ObjectTest::SetUp());
    other_ = *Runtime::CreateInterpreter();
  }

  // Shares `object` from the main interpreter and rebuilds it in other_: its repr
  // there, prefixed by its type's name, or the error.
  std::string RoundTrip(Object* object) {
    std::optional<SharedValue> shared = ShareObject(object);
    if (!shared) return Error();
    AttachGuard attached(*other_);
    Ref<Object> copy = UnshareValue(*shared);
    if (!copy) return Error();
    EXPECT_TRUE(copy->IsImmortal() || copy->owner() == other_);
    if (!copy->IsImmortal() && object->IsImmortal()) ADD_FAILURE() << "an immortal was copied";
    return StrCat(TypeDisplayName(copy->type()), " ", Show(copy));
  }

  // Shares `object` and rebuilds it in other_; whether it is `object` itself.
  bool ArrivesAsItself(Object* object) {
    std::optional<SharedValue> shared = ShareObject(object);
    if (!shared) {
      ADD_FAILURE() << Error();
      return false;
    }
    AttachGuard attached(*other_);
    return UnshareValue(*shared).get() == object;
  }

  static Ref<Object> Dict(std::initializer_list<std::pair<Arg, Arg>> entries) {
    Ref<Object> dict = NewDict();
    for (const auto& [key, value] : entries) {
      EXPECT_TRUE(DictSet(dict.get(), key.value.get(), value.value.get()));
    }
    return dict;
  }

  // A list of `items`, borrowed.
  static Ref<Object> List(std::initializer_list<Object*> items) {
    std::vector<Ref<Object>> refs;
    for (Object* item : items) refs.push_back(Ref<Object>::Borrow(item));
    return NewList(std::move(refs));
  }

  // A list nested `depth` levels deep: [[[...]]].
  static Ref<Object> Nested(int depth) {
    Ref<Object> value = NewList();
    for (int i = 1; i < depth; ++i) value = List({value.get()});
    return value;
  }

  Interpreter* other_ = nullptr;
};

TEST_F(SharingTest, ScalarsAreCopied) {
  EXPECT_EQ(RoundTrip(NewInt(1000).get()), "int 1000");
  EXPECT_EQ(RoundTrip(NewInt(-9223372036854775807 - 1).get()), "int -9223372036854775808");
  EXPECT_EQ(RoundTrip(BigInt("123456789012345678901234567890123456789").get()),
            "int 123456789012345678901234567890123456789");
  EXPECT_EQ(RoundTrip(BigInt("-340282366920938463463374607431768211456").get()),
            "int -340282366920938463463374607431768211456");
  EXPECT_EQ(RoundTrip(NewFloat(0.1).get()), "float 0.1");
  EXPECT_EQ(RoundTrip(NewFloat(-0.0).get()), "float -0.0");
  EXPECT_EQ(RoundTrip(NewFloat(std::numeric_limits<double>::infinity()).get()), "float inf");
  EXPECT_EQ(RoundTrip(NewFloat(std::nan("")).get()), "float nan");
  EXPECT_EQ(RoundTrip(NewStr("h\xc3\xa9llo \xe2\x82\xac").get()),
            "str 'h\xc3\xa9llo \xe2\x82\xac'");
  EXPECT_EQ(RoundTrip(NewBytes(std::string_view("\x00\xff"
                                                "ab",
                                                4))
                          .get()),
            "bytes b'\\x00\\xffab'");
}

TEST_F(SharingTest, ContainersOfShareablesAreCopied) {
  EXPECT_EQ(RoundTrip(IntTuple({1, 2, 300}).get()), "tuple (1, 2, 300)");
  EXPECT_EQ(RoundTrip(List({NewStr("a").get(), NewFloat(2.5).get(), None()}).get()),
            "list ['a', 2.5, None]");
  EXPECT_EQ(RoundTrip(Dict({{"b", 1}, {"a", IntList({2})}, {IntTuple({3, 4}), "x"}}).get()),
            "dict {'b': 1, 'a': [2], (3, 4): 'x'}");  // insertion order kept
  EXPECT_EQ(RoundTrip(SetOf({1, 10, 5}).get()), "set {1, 10, 5}");
  Ref<Object> frozen = CallWith(WellKnownType(WellKnown::kFrozenSet), {SetOf({"x", 7})});
  EXPECT_EQ(RoundTrip(frozen.get()), "frozenset frozenset({'x', 7})");
  EXPECT_EQ(RoundTrip(List({SetOf({frozen}).get(), Dict({{"k", IntTuple({})}}).get()}).get()),
            "list [{frozenset({'x', 7})}, {'k': ()}]");
  EXPECT_EQ(RoundTrip(NewList().get()), "list []");
  EXPECT_EQ(RoundTrip(NewDict().get()), "dict {}");
}

TEST_F(SharingTest, ImmortalsPassAsTheyAre) {
  for (Object* immortal :
       {None(), True(), False(), Ellipsis(), NotImplemented(), NewInt(5).get(), NewInt(-5).get(),
        NewStr("").get(), IntTuple({}).get(), static_cast<Object*>(WellKnownType(WellKnown::kInt)),
        static_cast<Object*>(WellKnownType(WellKnown::kValueError))}) {
    ASSERT_TRUE(immortal->IsImmortal());
    EXPECT_TRUE(ArrivesAsItself(immortal)) << Show(immortal);
  }
  // Inside containers too.
  std::optional<SharedValue> shared =
      ShareObject(List({None(), WellKnownType(WellKnown::kStr)}).get());
  ASSERT_TRUE(shared);
  AttachGuard attached(*other_);
  Ref<Object> copy = UnshareValue(*shared);
  EXPECT_EQ(ListItems(copy.get())[0].get(), None());
  EXPECT_EQ(ListItems(copy.get())[1].get(), WellKnownType(WellKnown::kStr));
}

TEST_F(SharingTest, AnObjectReachedTwiceArrivesOnce) {
  Ref<Object> inner = IntList({1});
  Ref<Object> text = NewStr("shared text");
  Ref<Object> outer = List({inner.get(), inner.get(), text.get(), text.get()});
  std::optional<SharedValue> shared = ShareObject(outer.get());
  ASSERT_TRUE(shared);
  EXPECT_EQ(shared->node_count(), 4u);  // 1, [1], the text, the outer list
  AttachGuard attached(*other_);
  Ref<Object> copy = UnshareValue(*shared);
  std::vector<Ref<Object>>& items = ListItems(copy.get());
  EXPECT_EQ(items[0].get(), items[1].get());
  EXPECT_EQ(items[2].get(), items[3].get());
  EXPECT_EQ(Show(copy), "[[1], [1], 'shared text', 'shared text']");
}

TEST_F(SharingTest, AReferenceCycleIsRefused) {
  Ref<Object> list = IntList({1});
  ListItems(list.get()).push_back(list);
  EXPECT_THAT(RoundTrip(list.get()),
              MatchesRegex("concurrent\\.interpreters\\.NotShareableError: <list object at "
                           "0x[0-9a-f]+> contains itself: reference cycles do not support "
                           "cross-interpreter data"));
  Ref<Object> dict = NewDict();
  ASSERT_TRUE(DictSet(dict.get(), NewStr("self").get(), NewTuple({dict.get()}).get()));
  EXPECT_THAT(RoundTrip(dict.get()), MatchesRegex(".*<dict object at 0x[0-9a-f]+> contains "
                                                  "itself.*"));
  EXPECT_FALSE(IsShareable(dict.get()));
  EXPECT_FALSE(ExceptionPending());
  ListItems(list.get()).clear();  // let the runtime free them
  DictClear(dict.get());
}

TEST_F(SharingTest, AnythingElseIsRefusedNamingTheType) {
  Ref<Object> plain = CallWith(WellKnownType(WellKnown::kObject), {});
  EXPECT_THAT(RoundTrip(plain.get()),
              MatchesRegex("concurrent\\.interpreters\\.NotShareableError: <object object at "
                           "0x[0-9a-f]+> does not support cross-interpreter data"));
  // Deep inside a container, the offending object is the one named.
  Ref<HeapType> cls = NewClass("Point", WellKnownType(WellKnown::kObject));
  Ref<Object> point = CallWith(cls.get(), {});
  Ref<Object> nested = List({NewInt(1).get(), NewTuple({NewStr("x").get(), point.get()}).get()});
  EXPECT_THAT(RoundTrip(nested.get()),
              MatchesRegex(".*NotShareableError: <__main__\\.Point object at 0x[0-9a-f]+> does "
                           "not support cross-interpreter data"));
  // Subclasses of shareable types are not shareable (CPython matches exact types).
  Ref<HeapType> my_int = NewClass("MyInt", WellKnownType(WellKnown::kInt));
  Ref<Object> seven = CallWith(my_int.get(), {7});
  EXPECT_THAT(RoundTrip(seven.get()), MatchesRegex(".*<__main__\\.MyInt object at 0x.*"));
  Ref<Object> function = NewFunction("f", [](const CallArgs&) { return NoneRef(); });
  EXPECT_THAT(RoundTrip(function.get()), MatchesRegex(".*<function object at 0x.*"));
  // It is a TypeError, as in CPython 3.14; and nothing is half-shared.
  EXPECT_FALSE(ShareObject(plain.get()));
  EXPECT_TRUE(ExceptionMatches(WellKnown::kTypeError));
  ClearException();
  EXPECT_FALSE(IsShareable(nested.get()));
  EXPECT_FALSE(ExceptionPending());
  EXPECT_TRUE(IsShareable(IntList({1, 2}).get()));
}

TEST_F(SharingTest, NestingDeeperThanTheLimitIsARecursionError) {
  std::optional<SharedValue> deepest = ShareObject(Nested(kMaxShareDepth).get());
  ASSERT_TRUE(deepest) << Error();
  EXPECT_EQ(deepest->node_count(), static_cast<size_t>(kMaxShareDepth));
  {
    AttachGuard attached(*other_);
    Ref<Object> copy = UnshareValue(*deepest);  // no recursion: built children first
    int depth = 1;
    for (Object* list = copy.get(); !ListItems(list).empty(); list = ListItems(list)[0].get()) {
      ++depth;
    }
    EXPECT_EQ(depth, kMaxShareDepth);
  }
  EXPECT_EQ(RoundTrip(Nested(kMaxShareDepth + 1).get()),
            "RecursionError: maximum recursion depth exceeded while sharing an object");
}

TEST_F(SharingTest, ASharedValueOutlivesTheInterpreterThatMadeIt) {
  Interpreter* source = *Runtime::CreateInterpreter();
  std::optional<SharedValue> shared;
  {
    AttachGuard attached(*source);
    Ref<Object> value = List({BigInt("99999999999999999999999").get(),
                              NewStr("made in source").get(), Dict({{"n", 1}}).get(), None()});
    shared = ShareObject(value.get());
    ASSERT_TRUE(shared);
  }
  ASSERT_TRUE(Runtime::DestroyInterpreter(source).ok());
  Ref<Object> copy = UnshareValue(*shared);
  EXPECT_EQ(Show(copy), "[99999999999999999999999, 'made in source', {'n': 1}, None]");
  EXPECT_EQ(copy->owner(), interp_);
  shared.reset();  // copies: dropping the value leaves the objects alone
  EXPECT_EQ(Show(copy), "[99999999999999999999999, 'made in source', {'n': 1}, None]");
}

TEST_F(SharingTest, AQueueArrivesAsAWrapperOfTheSameQueue) {
  Ref<Object> queue = CreateQueue(0);
  ASSERT_TRUE(queue) << Error();
  std::optional<SharedValue> shared = ShareObject(NewTuple({queue.get(), queue.get()}).get());
  ASSERT_TRUE(shared);
  AttachGuard attached(*other_);
  Ref<Object> copy = UnshareValue(*shared);
  Object* wrapper = TupleItems(copy.get())[0].get();
  EXPECT_EQ(wrapper, TupleItems(copy.get())[1].get());
  EXPECT_EQ(wrapper->owner(), other_);
  EXPECT_EQ(QueueHandleOf(wrapper), QueueHandleOf(queue.get()));
}

}  // namespace
}  // namespace islet
