// The threading module: Thread runs its target on a new OS thread attached to
// the interpreter that started it, join/is_alive/name/daemon/ident and their
// errors, Lock semantics, current_thread(), uncaught exceptions, and the
// lifetimes thread.h promises (a dropped Thread object, waiting before an
// interpreter is destroyed). Tagged `concurrency`: CI runs it under TSan.

#include "modules/threading/threading.h"

#include <atomic>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "modules/native_module.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "runtime/runtime.h"
#include "tests/testing/object_test_support.h"
#include "types/thread/thread.h"

namespace islet {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

// The threading module made in the current interpreter.
Ref<Object> ImportThreading() {
  const NativeModule* native = NativeModule::Find("threading");
  if (native == nullptr) return nullptr;
  Ref<Object> module = NewModule("threading");
  if (!module || !native->fill()(module.get())) return nullptr;
  return module;
}

class ThreadingTest : public testing::ObjectTest {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(ObjectTest::SetUp());
    module_ = ImportThreading();
    ASSERT_TRUE(module_) << Error();
  }
  void TearDown() override {
    WaitForAllThreads();
    module_.reset();
    ObjectTest::TearDown();
  }
  Ref<Object> Attr(std::string_view name) { return GetAttr(module_.get(), name); }
  // threading.Thread(*args, **kwargs)
  Ref<Object> NewThread(std::initializer_list<Arg> args, Kwargs kwargs = {}) {
    return CallWith(Attr("Thread").get(), args, kwargs);
  }

  Ref<Object> module_;
};

TEST_F(ThreadingTest, ModuleAttributes) {
  for (const char* name :
       {"Thread", "Lock", "current_thread", "main_thread", "get_ident", "active_count"}) {
    EXPECT_TRUE(Attr(name)) << name << ": " << Error();
  }
  EXPECT_EQ(Show(Attr("Thread")), "<class 'threading.Thread'>");
  EXPECT_EQ(Show(Attr("Lock")), "<class 'threading.Lock'>");
  EXPECT_EQ(Show(CallWith(Attr("active_count").get(), {})), "1");
}

TEST_F(ThreadingTest, RunsTargetWithArgumentsAndJoins) {
  Ref<Object> seen = NewList();
  Ref<Object> worker = NewFunction("worker", [seen](const CallArgs& args) -> Ref<Object> {
    std::vector<Ref<Object>>& items = ListItems(seen.get());
    for (Object* arg : args.args) items.push_back(Ref<Object>::Borrow(arg));
    for (const Name* name : args.kwnames) items.push_back(NewStr(name->text()));
    items.push_back(NewInt(CurrentThreadIdent()));
    return NoneRef();
  });
  Ref<Object> thread =
      NewThread({}, {{"target", worker},
                     {"args", IntTuple({1, 2})},
                     {"kwargs", CallWith(WellKnownType(WellKnown::kDict), {}, {{"k", 3}})}});
  ASSERT_TRUE(thread) << Error();
  EXPECT_EQ(Show(GetAttr(thread.get(), "name")), "'Thread-1 (worker)'");
  EXPECT_EQ(Show(GetAttr(thread.get(), "ident")), "None");
  EXPECT_EQ(Show(CallAttr(thread.get(), "is_alive")), "False");
  EXPECT_EQ(Show(thread), "<Thread(Thread-1 (worker), initial)>");
  EXPECT_EQ(Show(CallAttr(thread.get(), "start")), "None");
  EXPECT_EQ(Show(CallAttr(thread.get(), "join")), "None");
  EXPECT_EQ(Show(CallAttr(thread.get(), "is_alive")), "False");
  Ref<Object> ident = GetAttr(thread.get(), "ident");
  ASSERT_TRUE(ident) << Error();
  // target(1, 2, k=3) ran on the thread whose ident the Thread reports.
  ASSERT_EQ(ListItems(seen.get()).size(), 5u);
  EXPECT_EQ(Show(GetItem(seen.get(), NewInt(0).get())), "1");
  EXPECT_EQ(Show(GetItem(seen.get(), NewInt(1).get())), "2");
  EXPECT_EQ(Show(GetItem(seen.get(), NewInt(2).get())), "3");
  EXPECT_EQ(Show(GetItem(seen.get(), NewInt(3).get())), "'k'");
  EXPECT_EQ(
      RichCompareBool(GetItem(seen.get(), NewInt(4).get()).get(), ident.get(), CompareOp::kEq), 1);
  EXPECT_NE(*IntAsInt64(ident.get()), CurrentThreadIdent());
  EXPECT_THAT(Show(thread), StartsWith("<Thread(Thread-1 (worker), stopped "));
  // Names count per interpreter; a thread without a target has no suffix.
  EXPECT_EQ(Show(GetAttr(NewThread({}).get(), "name")), "'Thread-2'");
  EXPECT_EQ(Show(GetAttr(NewThread({}, {{"name", 7}}).get(), "name")), "'7'");
}

TEST_F(ThreadingTest, StartAndJoinErrors) {
  Ref<Object> thread = NewThread({});
  ASSERT_TRUE(thread) << Error();
  EXPECT_EQ(Show(CallAttr(thread.get(), "join")),
            "RuntimeError: cannot join thread before it is started");
  EXPECT_EQ(Show(CallAttr(thread.get(), "start")), "None");
  EXPECT_EQ(Show(CallAttr(thread.get(), "start")),
            "RuntimeError: threads can only be started once");
  EXPECT_EQ(Show(CallAttr(thread.get(), "join", {NewFloat(5.0)})), "None");
  EXPECT_EQ(Show(SetAttr(thread.get(), interp_->Intern("daemon"), True()) ? NoneRef() : nullptr),
            "RuntimeError: cannot set daemon status of active thread");
  EXPECT_EQ(Show(NewThread({}, {{"group", 1}})),
            "AssertionError: group argument must be None for now");
  EXPECT_EQ(Show(CallWith(Attr("main_thread").get(), {})),
            Show(CallWith(Attr("current_thread").get(), {})));
  EXPECT_EQ(Show(CallAttr(CallWith(Attr("current_thread").get(), {}).get(), "join")),
            "RuntimeError: cannot join current thread");
}

TEST_F(ThreadingTest, CurrentThreadInsideAThread) {
  Ref<Object> current = Attr("current_thread");
  Ref<Object> seen = NewList();
  Ref<Object> worker = NewFunction("worker", [current, seen](const CallArgs&) -> Ref<Object> {
    Ref<Object> me = Call(current.get(), {});
    if (!me) return nullptr;
    ListItems(seen.get()).push_back(me);
    return NoneRef();
  });
  Ref<Object> thread = NewThread({}, {{"target", worker}, {"daemon", True()}});
  ASSERT_TRUE(thread) << Error();
  EXPECT_EQ(Show(GetAttr(thread.get(), "daemon")), "True");
  ASSERT_TRUE(CallAttr(thread.get(), "start")) << Error();
  ASSERT_TRUE(CallAttr(thread.get(), "join")) << Error();
  ASSERT_EQ(ListItems(seen.get()).size(), 1u);
  EXPECT_EQ(ListItems(seen.get())[0].get(), thread.get());
  EXPECT_EQ(Show(GetAttr(CallWith(current.get(), {}).get(), "name")), "'MainThread'");
}

TEST_F(ThreadingTest, UncaughtExceptionIsPrinted) {
  Ref<Object> fail = NewFunction(
      "fail", [](const CallArgs&) -> Ref<Object> { return Raise(WellKnown::kValueError, "boom"); });
  Ref<Object> thread = NewThread({}, {{"target", fail}});
  ASSERT_TRUE(thread) << Error();
  ::testing::internal::CaptureStderr();
  ASSERT_TRUE(CallAttr(thread.get(), "start")) << Error();
  ASSERT_TRUE(CallAttr(thread.get(), "join")) << Error();
  EXPECT_EQ(::testing::internal::GetCapturedStderr(),
            "Exception in thread Thread-1 (fail):\nValueError: boom\n");
  EXPECT_FALSE(ExceptionPending());
}

TEST_F(ThreadingTest, LockSemantics) {
  Ref<Object> lock = CallWith(Attr("Lock").get(), {});
  ASSERT_TRUE(lock) << Error();
  EXPECT_THAT(Show(lock), StartsWith("<unlocked threading.Lock object at 0x"));
  EXPECT_EQ(Show(CallAttr(lock.get(), "release")), "RuntimeError: release unlocked lock");
  EXPECT_EQ(Show(CallAttr(lock.get(), "acquire")), "True");
  EXPECT_EQ(Show(CallAttr(lock.get(), "locked")), "True");
  EXPECT_THAT(Show(lock), StartsWith("<locked threading.Lock object at 0x"));
  EXPECT_EQ(Show(CallAttr(lock.get(), "acquire", {False()})), "False");
  EXPECT_EQ(Show(CallAttr(lock.get(), "acquire", {}, {{"timeout", NewFloat(0.01)}})), "False");
  EXPECT_EQ(Show(CallAttr(lock.get(), "acquire", {False(), 1})),
            "ValueError: can't specify a timeout for a non-blocking call");
  EXPECT_EQ(Show(CallAttr(lock.get(), "acquire", {True(), NewFloat(-2)})),
            "ValueError: timeout value must be a non-negative number");
  EXPECT_EQ(Show(CallAttr(lock.get(), "release")), "None");
  EXPECT_EQ(Show(CallAttr(lock.get(), "locked")), "False");
  EXPECT_EQ(Show(CallAttr(lock.get(), "__enter__")), "True");
  EXPECT_EQ(Show(CallAttr(lock.get(), "__exit__", {None(), None(), None()})), "None");
  EXPECT_EQ(Show(CallAttr(lock.get(), "locked")), "False");
  EXPECT_EQ(Show(CallWith(Attr("Lock").get(), {1})),
            "TypeError: Lock() takes no arguments (1 given)");
}

// Threads increment a shared counter under a Lock, each acquire waiting with
// the interpreter's lock released while another thread holds the Lock.
TEST_F(ThreadingTest, LockSerializesThreads) {
  Ref<Object> lock = CallWith(Attr("Lock").get(), {});
  ASSERT_TRUE(lock) << Error();
  Ref<Object> counter = NewList({NewInt(0)});
  Ref<Object> worker = NewFunction("worker", [lock, counter](const CallArgs&) -> Ref<Object> {
    for (int i = 0; i < 50; ++i) {
      if (!CallMethod(lock.get(), "acquire", {})) return nullptr;
      Ref<Object> value = ListItems(counter.get())[0];
      Interpreter::Current()->YieldToWaitingThreads();
      ListItems(counter.get())[0] = NewInt(*IntAsInt64(value.get()) + 1);
      if (!CallMethod(lock.get(), "release", {})) return nullptr;
    }
    return NoneRef();
  });
  std::vector<Ref<Object>> threads;
  for (int i = 0; i < 4; ++i) {
    threads.push_back(NewThread({}, {{"target", worker}}));
    ASSERT_TRUE(threads.back()) << Error();
    ASSERT_TRUE(CallAttr(threads.back().get(), "start")) << Error();
  }
  EXPECT_GE(*IntAsInt64(CallWith(Attr("active_count").get(), {}).get()), 1);
  for (const Ref<Object>& thread : threads) {
    ASSERT_TRUE(CallAttr(thread.get(), "join")) << Error();
  }
  EXPECT_EQ(Show(ListItems(counter.get())[0]), "200");
  EXPECT_EQ(Show(CallWith(Attr("active_count").get(), {})), "1");
}

// The program drops its Thread object while the thread still runs: the thread
// keeps what it needs, and WaitForThreads waits for it.
TEST_F(ThreadingTest, ThreadObjectDroppedWhileRunning) {
  Ref<Object> lock = CallWith(Attr("Lock").get(), {});
  ASSERT_TRUE(CallAttr(lock.get(), "acquire")) << Error();
  Ref<Object> done = NewList();
  {
    Ref<Object> worker = NewFunction("worker", [lock, done](const CallArgs&) -> Ref<Object> {
      if (!CallMethod(lock.get(), "acquire", {})) return nullptr;
      ListItems(done.get()).push_back(NoneRef());
      return NoneRef();
    });
    Ref<Object> thread = NewThread({}, {{"target", worker}, {"args", IntList({1, 2})}});
    ASSERT_TRUE(CallAttr(thread.get(), "start")) << Error();
  }  // the test's references to the thread and its target are gone
  EXPECT_EQ(RunningThreads(*interp_), 1);
  ASSERT_TRUE(CallAttr(lock.get(), "release")) << Error();
  WaitForThreads(*interp_);
  EXPECT_EQ(RunningThreads(*interp_), 0);
  EXPECT_EQ(ListItems(done.get()).size(), 1u);
}

// A subinterpreter's threads keep it alive; once they are waited for it can be
// destroyed. Daemon threads are refused there, as in CPython's subinterpreters.
TEST_F(ThreadingTest, SubinterpreterThreads) {
  absl::StatusOr<Interpreter*> sub = Runtime::CreateInterpreter();
  ASSERT_TRUE(sub.ok()) << sub.status();
  std::atomic<int> ran{0};
  {
    AttachGuard attached(**sub);
    Ref<Object> module = ImportThreading();
    ASSERT_TRUE(module) << Error();
    Ref<Object> thread_type = GetAttr(module.get(), "Thread");
    EXPECT_EQ(Show(CallWith(thread_type.get(), {}, {{"daemon", True()}})),
              "RuntimeError: daemon threads are disabled in this (sub)interpreter");
    Ref<Object> worker = NewFunction("worker", [&ran](const CallArgs&) -> Ref<Object> {
      Interpreter::Current()->YieldToWaitingThreads();
      ran.fetch_add(1);
      return NoneRef();
    });
    for (int i = 0; i < 3; ++i) {
      Ref<Object> thread = CallWith(thread_type.get(), {}, {{"target", worker}});
      ASSERT_TRUE(thread) << Error();
      ASSERT_TRUE(CallAttr(thread.get(), "start")) << Error();
    }
  }
  WaitForThreads(**sub);  // attached to the main interpreter: its lock is released meanwhile
  EXPECT_EQ(ran.load(), 3);
  absl::Status destroyed = Runtime::DestroyInterpreter(*sub);
  EXPECT_TRUE(destroyed.ok()) << destroyed;
}

}  // namespace
}  // namespace islet
