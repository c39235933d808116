// concurrent.interpreters.Queue as Python code sees it: its methods, their
// arguments and messages (CPython 3.14's), Queue(id), repr, equality and hash.

#include "objects/queue.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "interp/interpreter.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/well_known.h"
#include "runtime/runtime.h"
#include "runtime/str_cat.h"
#include "tests/testing/object_test_support.h"

namespace islet {
namespace {

class QueueTypeTest : public testing::ObjectTest {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(ObjectTest::SetUp());
    queue_ = CreateQueue(2);
    ASSERT_TRUE(queue_) << Error();
    id_ = QueueHandleOf(queue_.get())->id();
  }
  void TearDown() override {
    queue_.reset();
    ObjectTest::TearDown();
  }

  // Show(queue_.name(*args, **kwargs)).
  std::string Call(std::string_view name, std::initializer_list<Arg> args = {},
                   Kwargs kwargs = {}) {
    return Show(CallAttr(queue_.get(), name, args, kwargs));
  }
  // "queue 7 is empty" for this test's queue.
  std::string Says(std::string_view what) const { return StrCat("queue ", id_, " ", what); }

  Ref<Object> queue_;
  int64_t id_ = 0;
};

TEST_F(QueueTypeTest, PutAndGetInOrder) {
  EXPECT_EQ(Call("put", {"first"}), "None");
  EXPECT_EQ(Call("put", {IntList({1, 2})}, {{"block", True()}, {"timeout", NewFloat(0.5)}}),
            "None");
  EXPECT_EQ(Call("qsize"), "2");
  EXPECT_EQ(Call("get"), "'first'");
  EXPECT_EQ(Call("get", {True(), None()}), "[1, 2]");
  EXPECT_EQ(Call("empty"), "True");
}

TEST_F(QueueTypeTest, SizeBoundsAndTheirErrors) {
  EXPECT_EQ(Show(GetAttr(queue_.get(), "maxsize")), "2");
  EXPECT_EQ(Call("full"), "False");
  EXPECT_EQ(Call("put_nowait", {1}), "None");
  EXPECT_EQ(Call("put", {2}, {{"block", False()}}), "None");
  EXPECT_EQ(Call("full"), "True");
  EXPECT_EQ(Call("empty"), "False");
  EXPECT_EQ(Call("put_nowait", {3}), "concurrent.interpreters.QueueFull: " + Says("is full"));
  EXPECT_EQ(Call("put", {3}, {{"timeout", NewFloat(0.01)}}),
            "concurrent.interpreters.QueueFull: " + Says("is full"));
  EXPECT_EQ(Call("get_nowait"), "1");
  EXPECT_EQ(Call("get", {False()}), "2");
  EXPECT_EQ(Call("get_nowait"), "concurrent.interpreters.QueueEmpty: " + Says("is empty"));
  EXPECT_EQ(Call("get", {}, {{"timeout", 0}}),
            "concurrent.interpreters.QueueEmpty: " + Says("is empty"));
  EXPECT_EQ(Call("get", {}, {{"timeout", -1}}), "ValueError: timeout value must be non-negative");
  EXPECT_EQ(Call("put", {1}, {{"timeout", NewFloat(-0.5)}}),
            "ValueError: timeout value must be non-negative");
}

TEST_F(QueueTypeTest, QueueErrorsFormCPythonsHierarchy) {
  EXPECT_FALSE(QueueGet(queue_.get(), 0.0));
  EXPECT_TRUE(ExceptionMatches(WellKnown::kQueueEmpty));
  EXPECT_TRUE(ExceptionMatches(WellKnown::kQueueError));
  EXPECT_TRUE(ExceptionMatches(WellKnown::kRuntimeError));
  ClearException();
  EXPECT_EQ(TypeName(WellKnownType(WellKnown::kQueueFull)), "QueueFull");
  EXPECT_EQ(TypeModule(WellKnownType(WellKnown::kQueueFull)), "concurrent.interpreters");
  EXPECT_EQ(WellKnownType(WellKnown::kQueueNotFoundError)->base(),
            WellKnownType(WellKnown::kQueueError));
  EXPECT_EQ(WellKnownType(WellKnown::kNotShareableError)->base(),
            WellKnownType(WellKnown::kTypeError));
}

TEST_F(QueueTypeTest, ArgumentsAreChecked) {
  EXPECT_EQ(Call("put"), "TypeError: put() missing required argument 'obj' (pos 1)");
  EXPECT_EQ(Call("put", {1}, {{"timeout", "soon"}}), "TypeError: must be real number, not str");
  EXPECT_EQ(Call("get_nowait", {1}), "TypeError: Queue.get_nowait() takes no arguments (1 given)");
  EXPECT_EQ(Call("qsize", {1}), "TypeError: Queue.qsize() takes no arguments (1 given)");
  Ref<Object> plain = CallWith(WellKnownType(WellKnown::kObject), {});
  EXPECT_THAT(Call("put", {plain}),
              ::testing::MatchesRegex("concurrent\\.interpreters\\.NotShareableError: <object "
                                      "object at 0x[0-9a-f]+> does not support "
                                      "cross-interpreter data"));
  EXPECT_EQ(Call("qsize"), "0");
}

TEST_F(QueueTypeTest, QueueOfAnIdWrapsThatQueue) {
  TypeObject* type = WellKnownType(WellKnown::kQueue);
  Ref<Object> same = CallWith(type, {NewInt(id_)});
  ASSERT_TRUE(same) << Error();
  EXPECT_NE(same.get(), queue_.get());
  EXPECT_EQ(RichCompareBool(same.get(), queue_.get(), CompareOp::kEq), 1);
  EXPECT_EQ(RichCompareBool(same.get(), queue_.get(), CompareOp::kNe), 0);
  EXPECT_EQ(Hash(same.get()), id_);
  EXPECT_EQ(Show(GetAttr(same.get(), "id")), std::to_string(id_));
  EXPECT_EQ(Show(same), StrCat("Queue(", id_, ")"));
  ASSERT_TRUE(QueuePut(same.get(), NewStr("through the other wrapper").get()));
  EXPECT_EQ(Call("get_nowait"), "'through the other wrapper'");

  Ref<Object> other = CreateQueue(0);
  EXPECT_EQ(RichCompareBool(other.get(), queue_.get(), CompareOp::kEq), 0);
  EXPECT_EQ(Show(CallWith(type, {"1"})), "TypeError: id must be an int, got '1'");
  EXPECT_EQ(Show(CallWith(type, {})),
            "TypeError: Queue() takes exactly 1 positional argument (0 given)");
  EXPECT_EQ(Show(CallWith(type, {BigInt("100000000000000000000")})),
            "concurrent.interpreters.QueueNotFoundError: queue 100000000000000000000 not found");
  EXPECT_EQ(Show(CallWith(type, {-1})),
            "concurrent.interpreters.QueueNotFoundError: queue -1 not found");
}

}  // namespace
}  // namespace islet
