// concurrent.interpreters as a program sees it, with the real language: the
// module's attributes, create/list_all/get_current/get_main, prepare_main and
// exec (values in, results out through a queue), ExecutionFailed, close()
// waiting for the interpreter's threads, and interpreters run from several
// threads at once (tag `concurrency`).

#include <string>
#include <thread>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "interp/interpreter.h"
#include "modules/native_module.h"
#include "modules/threading/threading.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/protocol.h"
#include "objects/queue.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/well_known.h"
#include "runtime/runtime.h"
#include "tests/testing/object_test_support.h"

namespace islet {
namespace {

Ref<Object> Import(std::string_view name) {
  const NativeModule* native = NativeModule::Find(name);
  if (native == nullptr) return nullptr;
  Ref<Object> module = NewModule(name);
  if (!module || !native->fill()(module.get())) return nullptr;
  return module;
}

class InterpretersModuleTest : public testing::ObjectTest {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(ObjectTest::SetUp());
    module_ = Import("concurrent.interpreters");
    ASSERT_TRUE(module_) << Error();
  }
  void TearDown() override {
    WaitForAllThreads();
    module_.reset();
    ObjectTest::TearDown();
  }
  Ref<Object> Attr(std::string_view name) { return GetAttr(module_.get(), name); }
  Ref<Object> Fn(std::string_view name, std::initializer_list<Arg> args = {}, Kwargs kwargs = {}) {
    return CallWith(Attr(name).get(), args, kwargs);
  }

  Ref<Object> module_;
};

TEST_F(InterpretersModuleTest, Attributes) {
  for (const char* name :
       {"create", "list_all", "get_current", "get_main", "create_queue", "is_shareable",
        "Interpreter", "Queue", "QueueEmpty", "QueueFull", "NotShareableError", "InterpreterError",
        "InterpreterNotFoundError", "ExecutionFailed"}) {
    EXPECT_TRUE(Attr(name)) << name << ": " << Error();
  }
  EXPECT_EQ(Show(Attr("ExecutionFailed")), "<class 'concurrent.interpreters.ExecutionFailed'>");
  EXPECT_EQ(Show(Attr("Interpreter")), "<class 'concurrent.interpreters.Interpreter'>");
  Ref<Object> concurrent = Import("concurrent");
  ASSERT_TRUE(concurrent) << Error();
  EXPECT_EQ(Show(GetAttr(concurrent.get(), "__name__")), "'concurrent'");
}

TEST_F(InterpretersModuleTest, CreateListAndClose) {
  EXPECT_EQ(Show(Fn("get_main")), "Interpreter(0)");
  EXPECT_EQ(Show(Fn("get_current")), "Interpreter(0)");
  EXPECT_EQ(Show(Fn("list_all")), "[Interpreter(0)]");
  Ref<Object> a = Fn("create");
  Ref<Object> b = Fn("create");
  ASSERT_TRUE(a && b) << Error();
  EXPECT_EQ(Show(a), "Interpreter(1)");
  EXPECT_EQ(Show(Fn("list_all")), "[Interpreter(0), Interpreter(1), Interpreter(2)]");
  EXPECT_EQ(Show(CallAttr(a.get(), "close")), "None");
  EXPECT_EQ(Show(Fn("list_all")), "[Interpreter(0), Interpreter(2)]");
  EXPECT_EQ(Show(CallAttr(a.get(), "exec", {"x = 1"})),
            "concurrent.interpreters.InterpreterNotFoundError: unrecognized interpreter ID 1");
  EXPECT_EQ(Show(CallAttr(b.get(), "close")), "None");
  EXPECT_EQ(Show(Fn("create", {1})), "TypeError: create() takes no arguments (1 given)");
}

TEST_F(InterpretersModuleTest, QueuesAndShareability) {
  Ref<Object> queue = Fn("create_queue", {}, {{"maxsize", 2}});
  ASSERT_TRUE(queue) << Error();
  EXPECT_EQ(queue->type(), WellKnownType(WellKnown::kQueue));
  EXPECT_EQ(Show(GetAttr(queue.get(), "maxsize")), "2");
  EXPECT_EQ(Show(Fn("is_shareable", {IntList({1, 2})})), "True");
  EXPECT_EQ(Show(Fn("is_shareable", {CallWith(WellKnownType(WellKnown::kObject), {})})), "False");
}

TEST_F(InterpretersModuleTest, PrepareMainAndExec) {
  Ref<Object> interp = Fn("create");
  Ref<Object> queue = Fn("create_queue");
  ASSERT_TRUE(interp && queue) << Error();
  ASSERT_TRUE(CallAttr(interp.get(), "prepare_main", {}, {{"n", 21}, {"q", queue}})) << Error();
  EXPECT_EQ(Show(CallAttr(interp.get(), "exec", {"q.put(n * 2)"})), "None");
  EXPECT_EQ(Show(CallAttr(queue.get(), "get_nowait")), "42");
  // __main__ keeps what earlier calls defined.
  EXPECT_EQ(Show(CallAttr(interp.get(), "exec", {"m = n + 1"})), "None");
  EXPECT_EQ(Show(CallAttr(interp.get(), "exec", {"q.put(m)"})), "None");
  EXPECT_EQ(Show(CallAttr(queue.get(), "get_nowait")), "22");
  // The code sees its own interpreter as the current one.
  EXPECT_EQ(Show(CallAttr(interp.get(), "exec",
                          {"from concurrent import interpreters\n"
                           "q.put(interpreters.get_current().id)\n"})),
            "None");
  EXPECT_EQ(Show(CallAttr(queue.get(), "get_nowait")), "1");
  EXPECT_EQ(Show(CallAttr(interp.get(), "close")), "None");
}

TEST_F(InterpretersModuleTest, ExecutionFailed) {
  Ref<Object> interp = Fn("create");
  ASSERT_TRUE(interp) << Error();
  ASSERT_FALSE(CallAttr(interp.get(), "exec", {"raise ValueError('boom')"}));
  Ref<Object> error = TakeException();
  ASSERT_TRUE(error);
  EXPECT_EQ(error->type(), Attr("ExecutionFailed").get());
  EXPECT_EQ(Show(Str(error.get())), "'ValueError: boom'");
  Ref<Object> excinfo = GetAttr(error.get(), "excinfo");
  ASSERT_TRUE(excinfo) << Error();
  EXPECT_EQ(Show(GetAttr(excinfo.get(), "formatted")), "'ValueError: boom'");
  EXPECT_EQ(Show(GetAttr(excinfo.get(), "msg")), "'boom'");
  EXPECT_EQ(Show(GetAttr(GetAttr(excinfo.get(), "type").get(), "__name__")), "'ValueError'");
  // A name error, and a class defined there.
  ASSERT_FALSE(CallAttr(interp.get(), "exec", {"undefined_name"}));
  EXPECT_EQ(Show(Str(TakeException().get())),
            "\"NameError: name 'undefined_name' is not defined\"");
  ASSERT_FALSE(
      CallAttr(interp.get(), "exec", {"class Oops(Exception):\n    pass\nraise Oops('no')\n"}));
  EXPECT_EQ(Show(Str(TakeException().get())), "'Oops: no'");
  // The interpreter is fine afterwards.
  EXPECT_EQ(Show(CallAttr(interp.get(), "exec", {"x = 1"})), "None");
  EXPECT_EQ(Show(CallAttr(interp.get(), "close")), "None");
}

// close() waits for the threads the interpreter started.
TEST_F(InterpretersModuleTest, CloseWaitsForThreads) {
  Ref<Object> interp = Fn("create");
  Ref<Object> queue = Fn("create_queue");
  ASSERT_TRUE(CallAttr(interp.get(), "prepare_main", {}, {{"q", queue}})) << Error();
  EXPECT_EQ(Show(CallAttr(interp.get(), "exec",
                          {"import threading\n"
                           "def work(i):\n"
                           "    q.put(i)\n"
                           "for i in range(3):\n"
                           "    threading.Thread(target=work, args=(i,)).start()\n"})),
            "None");
  EXPECT_EQ(Show(CallAttr(interp.get(), "close")), "None");
  EXPECT_EQ(Show(CallAttr(queue.get(), "qsize")), "3");
}

// Interpreters run in parallel, each from its own thread, while the main
// interpreter's lock is free.
TEST_F(InterpretersModuleTest, ParallelExec) {
  constexpr int kThreads = 3;
  Ref<Object> queue = Fn("create_queue");
  ASSERT_TRUE(queue) << Error();
  const int64_t queue_id = QueueHandleOf(queue.get())->id();
  {
    ReleaseLockGuard released;
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([queue_id] {
        AttachGuard attached(*Runtime::MainInterpreter());
        Ref<Object> module = Import("concurrent.interpreters");
        ASSERT_TRUE(module);
        Ref<Object> interp = CallMethod(module.get(), "create", {});
        ASSERT_TRUE(interp);
        Ref<Object> q = QueueObjectForId(queue_id);
        ASSERT_TRUE(CallAttr(interp.get(), "prepare_main", {}, {{"q", q}}));
        for (int i = 0; i < 10; ++i) {
          ASSERT_TRUE(CallMethod(interp.get(), "exec",
                                 {NewStr("total = 0\nfor k in range(100):\n    total += k\n"
                                         "q.put(total)\n")
                                      .get()}));
        }
        ASSERT_TRUE(CallMethod(interp.get(), "close", {}));
      });
    }
    for (std::thread& thread : threads) thread.join();
  }
  EXPECT_EQ(Show(CallAttr(queue.get(), "qsize")), "30");
  EXPECT_EQ(Show(CallAttr(queue.get(), "get_nowait")), "4950");
}

}  // namespace
}  // namespace islet
