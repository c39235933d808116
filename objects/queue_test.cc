// Queues from C++: FIFO order, bounds and timeouts, handing a queue to other
// interpreters, and its lifetime (it outlives its creator while anyone holds it,
// delivers the items of destroyed interpreters, and goes with its last handle).

#include "objects/queue.h"

#include <chrono>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "interp/interpreter.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/runtime.h"
#include "runtime/str_cat.h"
#include "tests/testing/object_test_support.h"

namespace islet {
namespace {

using ::testing::MatchesRegex;

class QueueTest : public testing::ObjectTest {
 protected:
  static int64_t IdOf(const Ref<Object>& queue) { return QueueHandleOf(queue.get())->id(); }
  static std::string Get(const Ref<Object>& queue, std::optional<double> timeout = 0.0) {
    return Show(QueueGet(queue.get(), timeout));
  }
};

TEST_F(QueueTest, ItemsComeOutInTheOrderTheyWentIn) {
  Ref<Object> queue = CreateQueue(0);
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(QueuePut(queue.get(), IntTuple({i, i * i}).get()));
  EXPECT_EQ(QueueHandleOf(queue.get())->size(), 5);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(Get(queue), StrCat("(", i, ", ", i * i, ")"));
  EXPECT_EQ(Get(queue),
            StrCat("concurrent.interpreters.QueueEmpty: queue ", IdOf(queue), " is empty"));
}

TEST_F(QueueTest, AFullQueueRefusesPutsUntilAGet) {
  Ref<Object> queue = CreateQueue(2);
  const QueueHandle& core = QueueHandleOf(queue.get());
  EXPECT_EQ(core->maxsize(), 2);
  ASSERT_TRUE(QueuePut(queue.get(), NewStr("a").get(), 0.0));
  EXPECT_FALSE(core->full());
  ASSERT_TRUE(QueuePut(queue.get(), NewStr("b").get(), 0.0));
  EXPECT_TRUE(core->full());
  EXPECT_FALSE(QueuePut(queue.get(), NewStr("c").get(), 0.0));
  EXPECT_EQ(Error(), StrCat("concurrent.interpreters.QueueFull: queue ", IdOf(queue), " is full"));
  EXPECT_EQ(Get(queue), "'a'");
  ASSERT_TRUE(QueuePut(queue.get(), NewStr("c").get(), 0.0));
  EXPECT_EQ(Get(queue), "'b'");
  EXPECT_EQ(Get(queue), "'c'");
}

TEST_F(QueueTest, WaitsGiveUpAfterTheirTimeout) {
  Ref<Object> queue = CreateQueue(1);
  auto start = WaitClock::now();
  EXPECT_THAT(Get(queue, 0.05), ::testing::EndsWith(" is empty"));
  EXPECT_GE(WaitClock::now() - start, std::chrono::milliseconds(50));
  ASSERT_TRUE(QueuePut(queue.get(), None()));
  start = WaitClock::now();
  EXPECT_FALSE(QueuePut(queue.get(), None(), 0.05));
  EXPECT_GE(WaitClock::now() - start, std::chrono::milliseconds(50));
  EXPECT_THAT(Error(), ::testing::EndsWith(" is full"));
}

TEST_F(QueueTest, AnUnshareableItemLeavesTheQueueAsItWas) {
  Ref<Object> queue = CreateQueue(0);
  Ref<Object> plain = CallWith(WellKnownType(WellKnown::kObject), {});
  EXPECT_FALSE(QueuePut(queue.get(), NewTuple({NewInt(1).get(), plain.get()}).get()));
  EXPECT_THAT(Error(), MatchesRegex("concurrent\\.interpreters\\.NotShareableError: <object "
                                    "object at 0x[0-9a-f]+> does not support cross-interpreter "
                                    "data"));
  EXPECT_EQ(QueueHandleOf(queue.get())->size(), 0);
}

TEST_F(QueueTest, AnotherInterpreterFindsTheQueueByIdAndGetsCopies) {
  Interpreter* a = *Runtime::CreateInterpreter();
  Interpreter* b = *Runtime::CreateInterpreter();
  int64_t id;
  {
    AttachGuard attached(*a);
    Ref<Object> queue = CreateQueue(0);
    id = IdOf(queue);
    ASSERT_TRUE(QueuePut(queue.get(), NewList({NewStr("from a")}).get()));
    AttachGuard in_b(*b);
    Ref<Object> same = QueueObjectForId(id);
    ASSERT_TRUE(same) << Error();
    Ref<Object> item = QueueGet(same.get(), 0.0);
    EXPECT_EQ(Show(item), "['from a']");
    EXPECT_EQ(item->owner(), b);
    ASSERT_TRUE(QueuePut(same.get(), NewStr("from b").get()));
    AttachGuard back_in_a(*a);
    EXPECT_EQ(Get(queue), "'from b'");
  }
  {
    AttachGuard attached(*a);
    // Both wrappers went with the scope above: the queue went with them.
    EXPECT_FALSE(QueueObjectForId(id));
    EXPECT_EQ(Error(),
              StrCat("concurrent.interpreters.QueueNotFoundError: queue ", id, " not found"));
  }
  ASSERT_TRUE(Runtime::DestroyInterpreter(a).ok());
  ASSERT_TRUE(Runtime::DestroyInterpreter(b).ok());
}

TEST_F(QueueTest, OutlivesItsCreatorAndDeliversTheItemsOfDestroyedInterpreters) {
  const size_t live_before = LiveSharedQueueCount();
  Interpreter* creator = *Runtime::CreateInterpreter();
  Interpreter* producer = *Runtime::CreateInterpreter();
  Ref<Object> queue;  // the main interpreter's wrapper
  {
    AttachGuard attached(*creator);
    Ref<Object> created = CreateQueue(0);
    ASSERT_TRUE(QueuePut(created.get(), NewStr("put by the creator").get()));
    const int64_t id = IdOf(created);
    AttachGuard in_main(*interp_);
    queue = QueueObjectForId(id);
    ASSERT_TRUE(queue);
  }
  {
    AttachGuard attached(*producer);
    Ref<Object> wrapper = QueueObjectFor(QueueHandleOf(queue.get()));
    Ref<Object> big = BigInt("123456789012345678901234567890");
    ASSERT_TRUE(
        QueuePut(wrapper.get(), NewTuple({big.get(), NewStr("put by the producer").get()}).get()));
  }
  ASSERT_TRUE(Runtime::DestroyInterpreter(creator).ok());
  ASSERT_TRUE(Runtime::DestroyInterpreter(producer).ok());
  EXPECT_EQ(LiveSharedQueueCount(), live_before + 1);
  EXPECT_EQ(Get(queue), "'put by the creator'");
  EXPECT_EQ(Get(queue), "(123456789012345678901234567890, 'put by the producer')");
  const int64_t id = IdOf(queue);
  queue.reset();  // the last handle
  EXPECT_EQ(FindSharedQueue(id), nullptr);
  EXPECT_EQ(LiveSharedQueueCount(), live_before);
}

TEST_F(QueueTest, ACxxHandleKeepsTheQueueAlive) {
  QueueHandle handle;
  {
    Ref<Object> queue = CreateQueue(0);
    handle = QueueHandleOf(queue.get());
    ASSERT_TRUE(QueuePut(queue.get(), NewInt(1234).get()));
  }
  ASSERT_EQ(FindSharedQueue(handle->id()), handle);
  Ref<Object> again = QueueObjectForId(handle->id());
  EXPECT_EQ(Get(again), "1234");
}

TEST_F(QueueTest, AQueueHandedThroughAQueueIsTheSameQueue) {
  Ref<Object> mailbox = CreateQueue(0);
  Interpreter* sub = *Runtime::CreateInterpreter();
  {
    AttachGuard attached(*sub);
    Ref<Object> reply = CreateQueue(0);
    ASSERT_TRUE(QueuePut(reply.get(), NewStr("inside").get()));
    Ref<Object> wrapper = QueueObjectFor(QueueHandleOf(mailbox.get()));
    ASSERT_TRUE(QueuePut(wrapper.get(), NewTuple({NewStr("reply to").get(), reply.get()}).get()));
  }
  ASSERT_TRUE(Runtime::DestroyInterpreter(sub).ok());  // the item keeps `reply` alive
  Ref<Object> item = QueueGet(mailbox.get(), 0.0);
  ASSERT_TRUE(item) << Error();
  Object* reply = TupleItems(item.get())[1].get();
  ASSERT_TRUE(IsQueue(reply));
  EXPECT_EQ(Show(QueueGet(reply, 0.0)), "'inside'");
}

TEST(QueueFinalizeTest, FinalizeEmptiesQueuesAndFreesThoseHoldingEachOther) {
  ASSERT_TRUE(Runtime::Initialize().ok());
  const size_t live_before = LiveSharedQueueCount();
  QueueHandle kept;
  {
    AttachGuard attached(*Runtime::MainInterpreter());
    Ref<Object> first = CreateQueue(0);
    Ref<Object> second = CreateQueue(0);
    ASSERT_TRUE(QueuePut(first.get(), second.get()));
    ASSERT_TRUE(QueuePut(second.get(), first.get()));  // a cycle of queues
    kept = NewSharedQueue(0);
    Ref<Object> wrapper = QueueObjectFor(kept);
    ASSERT_TRUE(QueuePut(wrapper.get(), NewStr("dropped at Finalize").get()));
  }
  EXPECT_EQ(LiveSharedQueueCount(), live_before + 3);
  ASSERT_TRUE(Runtime::Finalize().ok());
  EXPECT_EQ(LiveSharedQueueCount(), live_before + 1);  // only the handle's queue
  EXPECT_EQ(kept->size(), 0);
}

}  // namespace
}  // namespace islet
