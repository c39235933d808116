// Many threads create, use and destroy interpreters at once, and take turns on a
// shared one. Run under ThreadSanitizer by CI (tag `concurrency`).

#include <atomic>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "interp/heap_type.h"
#include "interp/interpreter.h"
#include "runtime/runtime.h"
#include "tests/testing/test_types.h"

namespace islet {
namespace {

using testing::kNodeType;
using testing::NodeObject;

constexpr int kThreads = 4;
constexpr int kInterpretersPerThread = 250;  // 1000 in total

TEST(ConcurrentInterpretersTest, ThousandInterpretersCreatedAndDestroyedByFourThreads) {
  ASSERT_TRUE(Runtime::Initialize().ok());
  Interpreter* shared = *Runtime::CreateInterpreter();
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < kInterpretersPerThread; ++i) {
        absl::StatusOr<Interpreter*> interp = Runtime::CreateInterpreter();
        if (!interp.ok()) {
          failures.fetch_add(1);
          continue;
        }
        {
          AttachGuard attached(**interp);
          Interpreter& in = **interp;
          Ref<HeapType> cls = *HeapType::Create(in, "Local", {{&kNodeType}});
          Ref<NodeObject> node = in.NewObject<NodeObject>(cls.get());
          node->next = node;  // a cycle for teardown to break
          in.SetTypeDictEntry(kNodeType, in.Intern("node"), node);
          in.SetTypeDictEntry(kNodeType, in.Intern("weak"),
                              testing::NewWeakRefToStaticType(in, kNodeType));
          if (in.StateOf(kNodeType).subclasses().size() != 1) failures.fetch_add(1);
        }
        {
          // Threads take turns on one shared interpreter's lock.
          AttachGuard attached(*shared);
          Ref<NodeObject> node = shared->NewObject<NodeObject>(&kNodeType);
          shared->SetTypeDictEntry(kNodeType, shared->Intern("last"), node);
        }
        if (!Runtime::DestroyInterpreter(*interp).ok()) failures.fetch_add(1);
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(Runtime::InterpreterCount(), 2u);
  ASSERT_TRUE(Runtime::Finalize().ok());
}

}  // namespace
}  // namespace islet
