// Interpreters and their per-static-type state: isolation between interpreters,
// object accounting, teardown (cycles, weak references, heap subclasses), hook
// ordering, attaching, and the rules for destroying an interpreter.

#include "interp/interpreter.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "interp/heap_type.h"
#include "runtime/runtime.h"
#include "tests/testing/test_types.h"
#include "types/object/object.h"
#include "types/type/type.h"

namespace islet {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::HookLog;
using ::testing::IsEmpty;
using testing::kAlphaType;
using testing::kNodeType;
using testing::NodeObject;

class InterpreterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    HookLog::Clear();
    ASSERT_TRUE(Runtime::Initialize().ok());
  }
  void TearDown() override { ASSERT_TRUE(Runtime::Finalize().ok()); }

  Interpreter* NewInterpreter() {
    absl::StatusOr<Interpreter*> interp = Runtime::CreateInterpreter();
    EXPECT_TRUE(interp.ok()) << interp.status();
    return *interp;
  }

  Ref<NodeObject> NewNode(Interpreter& interp, Ref<Object> next = nullptr) {
    Ref<NodeObject> node = interp.NewObject<NodeObject>(&kNodeType);
    node->next = std::move(next);
    return node;
  }
};

TEST_F(InterpreterTest, StaticTypesAreReadiedOnceWithDenseIndicesInInitOrder) {
  std::span<StaticType* const> order = Runtime::registry().init_order();
  ASSERT_FALSE(order.empty());
  for (size_t i = 0; i < order.size(); ++i) {
    StaticType* type = order[i];
    SCOPED_TRACE(std::string(type->name()));
    EXPECT_EQ(type->static_index(), static_cast<int32_t>(i));
    EXPECT_EQ(type->version_tag(), i + 1);
    EXPECT_TRUE(type->IsImmortal());
    EXPECT_TRUE(type->HasFlag(kTypeStaticBuiltin));
    EXPECT_TRUE(type->HasFlag(kTypeImmutable));
    EXPECT_TRUE(type->HasFlag(kTypeReady));
    EXPECT_EQ(type->type(), &kTypeType);
    EXPECT_EQ(type->mro().front(), type);
    EXPECT_EQ(type->mro().back(), &kObjectType);
    for (TypeObject* ancestor : type->mro()) {
      EXPECT_LE(ancestor->static_index(), type->static_index()) << "base initialized later";
    }
  }
  EXPECT_EQ(kObjectType.base(), nullptr);
  EXPECT_THAT(testing::kBetaType.bases(), ElementsAre(&kAlphaType));
}

TEST_F(InterpreterTest, StaticTypeDictValuesArePerInterpreter) {
  Interpreter* main = Runtime::MainInterpreter();
  Interpreter* sub = NewInterpreter();
  {
    AttachGuard attached(*main);
    main->SetTypeDictEntry(kNodeType, main->Intern("x"), NewNode(*main));
  }
  {
    AttachGuard attached(*sub);
    EXPECT_EQ(sub->StateOf(kNodeType).dict(), nullptr);
    sub->SetTypeDictEntry(kNodeType, sub->Intern("x"), NewNode(*sub));
  }
  AttachGuard attached(*main);
  Object* in_main = main->StateOf(kNodeType).dict()->Get(main->Intern("x"));
  Object* in_sub = sub->StateOf(kNodeType).dict()->Get(sub->Intern("x"));
  ASSERT_NE(in_main, nullptr);
  ASSERT_NE(in_sub, nullptr);
  EXPECT_NE(in_main, in_sub);
  EXPECT_EQ(in_main->owner(), main);
  EXPECT_EQ(in_sub->owner(), sub);
  EXPECT_TRUE(Runtime::DestroyInterpreter(sub).ok());
  // The main interpreter's value is untouched by the other's teardown.
  EXPECT_EQ(main->StateOf(kNodeType).dict()->Get(main->Intern("x")), in_main);
}

TEST_F(InterpreterTest, NamesOfBuiltinTypesAreSharedOthersArePerInterpreter) {
  Interpreter* main = Runtime::MainInterpreter();
  Interpreter* sub = NewInterpreter();
  EXPECT_EQ(main->Intern("test_node"), sub->Intern("test_node"));
  EXPECT_EQ(main->Intern("made_up"), main->Intern("made_up"));
  EXPECT_NE(main->Intern("made_up"), sub->Intern("made_up"));
  EXPECT_EQ(sub->Intern("made_up")->text(), "made_up");
  EXPECT_TRUE(Runtime::DestroyInterpreter(sub).ok());
}

TEST_F(InterpreterTest, AllocationCountersReturnToBaseline) {
  Interpreter* sub = NewInterpreter();
  AttachGuard attached(*sub);
  const InterpreterMemoryStats baseline = sub->memory_stats();
  {
    Ref<Object> chain;
    for (int i = 0; i < 100; ++i) chain = NewNode(*sub, std::move(chain));
    EXPECT_EQ(sub->memory_stats().live_objects, baseline.live_objects + 100);
    EXPECT_EQ(sub->memory_stats().live_bytes, baseline.live_bytes + 100 * sizeof(NodeObject));
    absl::StatusOr<Ref<HeapType>> cls = HeapType::Create(*sub, "Node", {{&kNodeType}});
    ASSERT_TRUE(cls.ok());
    Ref<NodeObject> instance = sub->NewObject<NodeObject>(cls->get());
    EXPECT_EQ(sub->memory_stats().live_objects, baseline.live_objects + 102);
  }
  EXPECT_EQ(sub->memory_stats(), baseline);
}

TEST_F(InterpreterTest, TeardownFreesReferenceCyclesHeapTypesAndInstances) {
  Interpreter* sub = NewInterpreter();
  {
    AttachGuard attached(*sub);
    const InterpreterMemoryStats baseline = sub->memory_stats();
    absl::StatusOr<Ref<HeapType>> cls = HeapType::Create(*sub, "Cyclic", {{&kNodeType}});
    ASSERT_TRUE(cls.ok());
    // instance -> node -> instance, and the class's dict refers to the instance,
    // which keeps the class alive: nothing here is freed by refcounting alone.
    Ref<NodeObject> instance = sub->NewObject<NodeObject>(cls->get());
    instance->next = NewNode(*sub, instance);
    sub->SetTypeDictEntry(**cls, sub->Intern("keep"), instance);
    sub->SetTypeDictEntry(kNodeType, sub->Intern("root"), *cls);
    Ref<NodeObject> self_cycle = NewNode(*sub);
    self_cycle->next = self_cycle;
    EXPECT_EQ(sub->memory_stats().live_objects, baseline.live_objects + 4);
  }
  // LeakSanitizer (--config=asan) checks that all of it was freed.
  EXPECT_TRUE(Runtime::DestroyInterpreter(sub).ok());
}

TEST_F(InterpreterTest, HeapSubclassOfStaticTypeIsListedOnlyInItsInterpreter) {
  Interpreter* main = Runtime::MainInterpreter();
  Interpreter* sub = NewInterpreter();
  AttachGuard attached(*sub);
  Ref<HeapType> first = *HeapType::Create(*sub, "First", {{&kNodeType}});
  Ref<HeapType> second = *HeapType::Create(*sub, "Second", {{&kNodeType}});
  EXPECT_THAT(sub->StateOf(kNodeType).subclasses(), ElementsAre(first.get(), second.get()));
  EXPECT_THAT(main->StateOf(kNodeType).subclasses(), IsEmpty());
  first.reset();  // a dead subclass drops out
  EXPECT_THAT(sub->StateOf(kNodeType).subclasses(), ElementsAre(second.get()));
}

TEST_F(InterpreterTest, WeakRefsToStaticTypesAreCountedPerInterpreter) {
  Interpreter* main = Runtime::MainInterpreter();
  Interpreter* sub = NewInterpreter();
  Ref<WeakRefObject> in_main;
  {
    AttachGuard attached(*main);
    in_main = testing::NewWeakRefToStaticType(*main, kNodeType);
  }
  {
    AttachGuard attached(*sub);
    // Held only by the interpreter: cleared (without callbacks) at its teardown.
    Ref<WeakRefObject> a = testing::NewWeakRefToStaticType(*sub, kNodeType, NewNode(*sub));
    Ref<WeakRefObject> b = testing::NewWeakRefToStaticType(*sub, kNodeType);
    sub->SetTypeDictEntry(kNodeType, sub->Intern("a"), a);
    sub->SetTypeDictEntry(kNodeType, sub->Intern("b"), b);
    EXPECT_EQ(sub->StateOf(kNodeType).weakrefs().size(), 2u);
    EXPECT_EQ(a->referent(), &kNodeType);
  }
  AttachGuard attached(*main);
  EXPECT_EQ(main->StateOf(kNodeType).weakrefs().size(), 1u);
  EXPECT_TRUE(Runtime::DestroyInterpreter(sub).ok());
  EXPECT_EQ(main->StateOf(kNodeType).weakrefs().size(), 1u);
  EXPECT_EQ(in_main->referent(), &kNodeType);
  in_main.reset();
  EXPECT_EQ(main->StateOf(kNodeType).weakrefs().size(), 0u);
}

TEST_F(InterpreterTest, HooksInitInDependencyOrderAndFiniInReverse) {
  Interpreter* sub = NewInterpreter();
  const int64_t id = sub->id();
  ASSERT_TRUE(Runtime::DestroyInterpreter(sub).ok());
  // test_alpha depends on test_zeta (despite its name); test_beta's base is test_alpha.
  EXPECT_THAT(HookLog::Take(id),
              ElementsAre("init test_zeta", "init test_alpha", "init test_beta", "fini test_beta",
                          "fini test_alpha", "fini test_zeta"));
}

TEST_F(InterpreterTest, FiniRunsAndDropsRegistrationsWhileHeapSubclassesAreAlive) {
  Interpreter* sub = NewInterpreter();
  {
    AttachGuard attached(*sub);
    Ref<HeapType> cls = *HeapType::Create(*sub, "Sub", {{&kAlphaType}});
    Ref<NodeObject> instance = NewNode(*sub);
    // Stored in the interpreter, so both are still alive when teardown begins.
    sub->SetTypeDictEntry(kAlphaType, sub->Intern("cls"), cls);
    sub->SetTypeDictEntry(kAlphaType, sub->Intern("obj"), instance);
  }
  const int64_t id = sub->id();
  EXPECT_TRUE(Runtime::DestroyInterpreter(sub).ok());
  EXPECT_THAT(HookLog::Take(id), ::testing::Contains("fini test_alpha"));
}

TEST_F(InterpreterTest, DestroyingTheMainInterpreterIsRefused) {
  absl::Status status = Runtime::DestroyInterpreter(Runtime::MainInterpreter());
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(status.message()),
              HasSubstr("the main interpreter (0) is destroyed only by Runtime::Finalize"));
}

TEST_F(InterpreterTest, DestroyingTwiceIsNotFound) {
  Interpreter* sub = NewInterpreter();
  ASSERT_TRUE(Runtime::DestroyInterpreter(sub).ok());
  EXPECT_EQ(Runtime::DestroyInterpreter(sub).code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(Runtime::DestroyInterpreter(nullptr).code(), absl::StatusCode::kNotFound);
}

TEST_F(InterpreterTest, DestroyingWhileThisThreadIsAttachedIsRefused) {
  Interpreter* sub = NewInterpreter();
  {
    AttachGuard attached(*sub);
    absl::Status status = Runtime::DestroyInterpreter(sub);
    EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
    EXPECT_THAT(std::string(status.message()), HasSubstr("the calling thread is attached to it"));
  }
  EXPECT_TRUE(Runtime::DestroyInterpreter(sub).ok());
}

TEST_F(InterpreterTest, DestroyingWhileAnotherThreadIsAttachedIsRefused) {
  Interpreter* sub = NewInterpreter();
  std::mutex mutex;
  std::condition_variable changed;
  bool attached = false, release = false;
  std::thread worker([&] {
    AttachGuard guard(*sub);
    std::unique_lock<std::mutex> lock(mutex);
    attached = true;
    changed.notify_all();
    changed.wait(lock, [&] { return release; });
  });
  {
    std::unique_lock<std::mutex> lock(mutex);
    changed.wait(lock, [&] { return attached; });
  }
  absl::Status status = Runtime::DestroyInterpreter(sub);
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(status.message()), HasSubstr("1 thread(s) attached to it"));
  EXPECT_EQ(Runtime::Finalize().code(), absl::StatusCode::kFailedPrecondition);
  {
    std::lock_guard<std::mutex> lock(mutex);
    release = true;
  }
  changed.notify_all();
  worker.join();
  EXPECT_TRUE(Runtime::DestroyInterpreter(sub).ok());
}

TEST_F(InterpreterTest, AttachingSwitchesInterpretersAndReleasesTheOuterLock) {
  Interpreter* main = Runtime::MainInterpreter();
  Interpreter* sub = NewInterpreter();
  EXPECT_EQ(Interpreter::Current(), nullptr);
  {
    AttachGuard outer(*main);
    EXPECT_EQ(Interpreter::Current(), main);
    {
      AttachGuard inner(*sub);
      EXPECT_EQ(Interpreter::Current(), sub);
      // While this thread works in `sub`, another thread can take `main`.
      std::thread other([&] {
        AttachGuard guard(*main);
        EXPECT_EQ(Interpreter::Current(), main);
      });
      other.join();
      AttachGuard again(*sub);  // re-attaching to the current interpreter is a no-op
      EXPECT_EQ(Interpreter::Current(), sub);
    }
    EXPECT_EQ(Interpreter::Current(), main);
  }
  EXPECT_EQ(Interpreter::Current(), nullptr);
  EXPECT_TRUE(Runtime::DestroyInterpreter(sub).ok());
}

TEST_F(InterpreterTest, ReleaseLockGuardLetsOtherThreadsAttachToTheSameInterpreter) {
  Interpreter* sub = NewInterpreter();
  {
    ReleaseLockGuard detached;  // not attached: does nothing
    EXPECT_EQ(Interpreter::Current(), nullptr);
  }
  AttachGuard attached(*sub);
  {
    ReleaseLockGuard released;
    EXPECT_EQ(Interpreter::Current(), nullptr);
    EXPECT_EQ(sub->attached_threads(), 1);  // still counted: it cannot be destroyed
    std::thread other([&] {
      AttachGuard guard(*sub);  // would deadlock if the lock were still held
      EXPECT_EQ(Interpreter::Current(), sub);
      EXPECT_EQ(sub->attached_threads(), 2);
    });
    other.join();
  }
  EXPECT_EQ(Interpreter::Current(), sub);
  EXPECT_EQ(sub->attached_threads(), 1);
}

// The switch interval: two threads attached to one interpreter, each doing work
// and calling YieldToWaitingThreads. Whenever the other thread is waiting for the
// lock, a yield must let it run before this thread goes on: its counter has moved
// when the yield returns (unlock + yield + lock lets the yielding thread take the
// lock straight back). The counters are plain: the interpreter's lock guards them,
// which TSan checks.
TEST_F(InterpreterTest, YieldToWaitingThreadsHandsTheLockToAWaitingThread) {
  Interpreter* sub = NewInterpreter();
  constexpr int kHandOffs = 100;  // each thread must see this many turns of the other
  // A bound, not a timing: without hand-offs the loops would never end.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  int64_t steps[2] = {0, 0};
  int hand_offs[2] = {0, 0};
  int missed[2] = {0, 0};  // yields with the other waiting after which it had not run
  bool done[2] = {false, false};
  auto run = [&](int self) {
    const int other = 1 - self;
    AttachGuard attached(*sub);
    for (int64_t i = 0; !(done[0] && done[1]); ++i) {
      ++steps[self];  // the work
      if (i % 16 != 0) continue;
      if (i % 4096 == 0 && std::chrono::steady_clock::now() > deadline) break;
      const int64_t before = steps[other];
      const bool other_waiting = sub->waiting_threads() > 0;
      sub->YieldToWaitingThreads();
      EXPECT_EQ(Interpreter::Current(), sub);
      if (!other_waiting || (done[0] && done[1])) continue;
      if (steps[other] != before) {
        done[self] = ++hand_offs[self] >= kHandOffs;
      } else {
        ++missed[self];
      }
    }
    // Both stop together, so neither waits for turns of a thread that has left.
    done[0] = done[1] = true;
  };
  std::thread first(run, 0);
  std::thread second(run, 1);
  first.join();
  second.join();
  for (int self : {0, 1}) {
    SCOPED_TRACE(self);
    EXPECT_GE(hand_offs[self], kHandOffs);
    EXPECT_EQ(missed[self], 0);
    EXPECT_GT(steps[self], 0);
  }
  EXPECT_EQ(sub->attached_threads(), 0);
  EXPECT_EQ(sub->waiting_threads(), 0);
  EXPECT_TRUE(Runtime::DestroyInterpreter(sub).ok());
}

// A thread released inside a ReleaseLockGuard (blocked on a queue, say) does not
// want the lock: it is not counted as waiting, and yielding does not wait for it.
TEST_F(InterpreterTest, YieldToWaitingThreadsIgnoresThreadsInsideAReleaseLockGuard) {
  Interpreter* sub = NewInterpreter();
  std::mutex mutex;
  std::condition_variable changed;
  bool released = false, finish = false;
  std::thread blocked([&] {
    AttachGuard attached(*sub);
    ReleaseLockGuard release;
    std::unique_lock<std::mutex> lock(mutex);
    released = true;
    changed.notify_all();
    changed.wait(lock, [&] { return finish; });
  });
  {
    std::unique_lock<std::mutex> lock(mutex);
    changed.wait(lock, [&] { return released; });
  }
  {
    AttachGuard attached(*sub);
    EXPECT_EQ(sub->attached_threads(), 2);
    EXPECT_EQ(sub->waiting_threads(), 0);
    sub->YieldToWaitingThreads();  // returns at once (would wait forever otherwise)
    EXPECT_EQ(Interpreter::Current(), sub);
    {
      std::lock_guard<std::mutex> lock(mutex);
      finish = true;
    }
    changed.notify_all();
    // Now it wants the lock back: it waits, and a yield hands the lock to it.
    while (sub->waiting_threads() == 0) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    sub->YieldToWaitingThreads();
    EXPECT_EQ(Interpreter::Current(), sub);
  }
  blocked.join();
  EXPECT_TRUE(Runtime::DestroyInterpreter(sub).ok());
}

}  // namespace
}  // namespace islet
