// Queues under threads (run under ThreadSanitizer by CI, tag `concurrency`):
// producers and consumers each in an interpreter of their own, and blocking puts
// and gets that let other threads attached to the same interpreter run.

#include <atomic>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "gtest/gtest.h"
#include "interp/interpreter.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/protocol.h"
#include "objects/queue.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/runtime.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

// Long enough never to expire in a passing run; a bug shows as a failure, not a hang.
constexpr double kPatience = 30.0;

class ConcurrentQueueTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(Runtime::Initialize().ok()); }
  void TearDown() override { ASSERT_TRUE(Runtime::Finalize().ok()); }

  static std::string Error() { return std::string(TakeExceptionAsStatus().message()); }

  // Spins (without holding any interpreter lock) until `flag` is set.
  static void AwaitFlag(const std::atomic<bool>& flag) {
    while (!flag.load(std::memory_order_acquire)) std::this_thread::yield();
  }
};

TEST_F(ConcurrentQueueTest, ProducersAndConsumersEachInTheirOwnInterpreter) {
  constexpr int kProducers = 3;
  constexpr int kConsumers = 3;
  constexpr int kItemsEach = 300;
  // Small, so producers wait for room (with their interpreter's lock released).
  QueueHandle queue = NewSharedQueue(8);
  std::mutex mutex;
  std::set<std::pair<int64_t, int64_t>> received;  // (producer, k)
  std::vector<std::string> errors;
  auto fail = [&](std::string error) {
    std::lock_guard<std::mutex> lock(mutex);
    errors.push_back(std::move(error));
  };

  std::vector<std::thread> consumers;
  for (int c = 0; c < kConsumers; ++c) {
    consumers.emplace_back([&] {
      Interpreter* interp = *Runtime::CreateInterpreter();
      {
        AttachGuard attached(*interp);
        Ref<Object> wrapper = QueueObjectForId(queue->id());
        for (;;) {
          Ref<Object> item = QueueGet(wrapper.get(), kPatience);
          if (!item) return fail(StrCat("get: ", Error()));
          if (item.get() == None()) break;  // the end
          std::span<const Ref<Object>> parts = TupleItems(item.get());
          const int64_t p = *IntAsInt64(parts[0].get());
          const int64_t k = *IntAsInt64(parts[1].get());
          std::optional<std::string> text = ReprText(parts[2].get());
          if (text != StrCat("['item ", p, "/", k, "', ", k, "]")) fail("wrong payload: " + *text);
          if (parts[2]->owner() != interp) fail("not a copy in the consumer's interpreter");
          std::lock_guard<std::mutex> lock(mutex);
          if (!received.emplace(p, k).second) errors.push_back("received twice");
        }
      }
      if (!Runtime::DestroyInterpreter(interp).ok()) fail("destroy");
    });
  }
  std::vector<std::thread> producers;
  for (int p = 0; p < kProducers; ++p) {
    producers.emplace_back([&, p] {
      Interpreter* interp = *Runtime::CreateInterpreter();
      {
        AttachGuard attached(*interp);
        Ref<Object> wrapper = QueueObjectFor(queue);
        for (int k = 0; k < kItemsEach; ++k) {
          Ref<Object> payload = NewList({NewStr(StrCat("item ", p, "/", k)), NewInt(k)});
          Ref<Object> item = NewTuple({NewInt(p).get(), NewInt(k).get(), payload.get()});
          if (!QueuePut(wrapper.get(), item.get(), kPatience))
            return fail(StrCat("put: ", Error()));
        }
      }
      // Destroyed while consumers may still be taking its items.
      if (!Runtime::DestroyInterpreter(interp).ok()) fail("destroy");
    });
  }
  for (std::thread& producer : producers) producer.join();
  {
    AttachGuard attached(*Runtime::MainInterpreter());
    Ref<Object> wrapper = QueueObjectFor(queue);
    for (int c = 0; c < kConsumers; ++c) ASSERT_TRUE(QueuePut(wrapper.get(), None(), kPatience));
  }
  for (std::thread& consumer : consumers) consumer.join();
  EXPECT_TRUE(errors.empty()) << errors.front();
  EXPECT_EQ(received.size(), static_cast<size_t>(kProducers * kItemsEach));
  EXPECT_EQ(queue->size(), 0);
}

TEST_F(ConcurrentQueueTest, ABlockedGetLetsOtherThreadsOfItsInterpreterRun) {
  Interpreter* interp = *Runtime::CreateInterpreter();
  QueueHandle queue = NewSharedQueue(0);
  std::atomic<bool> waiting{false};
  std::string got;
  std::thread getter([&] {
    AttachGuard attached(*interp);
    Ref<Object> wrapper = QueueObjectFor(queue);
    waiting.store(true, std::memory_order_release);
    Ref<Object> item = QueueGet(wrapper.get());  // no timeout: waits as long as it takes
    got = item ? *ReprText(item.get()) : Error();
  });
  AwaitFlag(waiting);
  {
    // Attaching to the same interpreter would deadlock if the getter kept its lock.
    AttachGuard attached(*interp);
    Ref<Object> wrapper = QueueObjectFor(queue);
    ASSERT_TRUE(QueuePut(wrapper.get(), NewStr("wake up").get()));
  }
  getter.join();
  EXPECT_EQ(got, "'wake up'");
  EXPECT_TRUE(Runtime::DestroyInterpreter(interp).ok());
}

TEST_F(ConcurrentQueueTest, ABlockedPutLetsOtherThreadsOfItsInterpreterRun) {
  Interpreter* interp = *Runtime::CreateInterpreter();
  QueueHandle queue = NewSharedQueue(1);
  std::atomic<bool> waiting{false};
  bool put = false;
  {
    AttachGuard attached(*interp);
    ASSERT_TRUE(QueuePut(QueueObjectFor(queue).get(), NewStr("first").get()));  // now full
  }
  std::thread putter([&] {
    AttachGuard attached(*interp);
    Ref<Object> wrapper = QueueObjectFor(queue);
    waiting.store(true, std::memory_order_release);
    put = QueuePut(wrapper.get(), NewStr("second").get());  // waits for room
  });
  AwaitFlag(waiting);
  std::vector<std::string> got;
  {
    AttachGuard attached(*interp);
    Ref<Object> wrapper = QueueObjectFor(queue);
    for (int i = 0; i < 2; ++i) {
      Ref<Object> item = QueueGet(wrapper.get(), kPatience);
      got.push_back(item ? *ReprText(item.get()) : Error());
    }
  }
  putter.join();
  EXPECT_TRUE(put);
  EXPECT_EQ(got, (std::vector<std::string>{"'first'", "'second'"}));
  EXPECT_TRUE(Runtime::DestroyInterpreter(interp).ok());
}

TEST_F(ConcurrentQueueTest, CxxCodePutsThroughAHandleWhileAnInterpreterWaits) {
  Interpreter* interp = *Runtime::CreateInterpreter();
  std::atomic<int64_t> id{0};
  std::atomic<bool> waiting{false};
  std::string got;
  std::thread getter([&] {
    AttachGuard attached(*interp);
    Ref<Object> wrapper = CreateQueue(0);
    id.store(QueueHandleOf(wrapper.get())->id());
    waiting.store(true, std::memory_order_release);
    Ref<Object> item = QueueGet(wrapper.get(), kPatience);
    got = item ? *ReprText(item.get()) : Error();
  });
  AwaitFlag(waiting);
  // Found by id while the getter waits; its only wrapper is the getter's.
  QueueHandle handle = FindSharedQueue(id.load());
  ASSERT_NE(handle, nullptr);
  std::optional<SharedValue> text;
  {
    AttachGuard attached(*Runtime::MainInterpreter());
    text = ShareObject(NewStr("still here").get());
  }
  ASSERT_TRUE(handle->Put(*text, std::nullopt));
  handle.reset();
  getter.join();
  EXPECT_EQ(got, "'still here'");
  EXPECT_EQ(FindSharedQueue(id.load()), nullptr);  // its last wrapper went with the getter
  EXPECT_TRUE(Runtime::DestroyInterpreter(interp).ok());
}

}  // namespace
}  // namespace islet
