// concurrent.interpreters.Interpreter and ExecutionFailed, with the language
// replaced by a fake (InterpreterTypeHooks) so the type is tested on its own:
// handles by id, CPython's errors for closed, unrecognized, current and running
// interpreters, prepare_main sharing, exec's ExecutionFailed, and handles used
// from several threads while interpreters are closed (tag `concurrency`).

#include "types/interpreter/interpreter.h"

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "interp/heap_type.h"
#include "interp/interpreter.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/well_known.h"
#include "runtime/runtime.h"
#include "tests/testing/object_test_support.h"

namespace islet {
namespace {

using ::testing::MatchesRegex;

// The fake language: __main__ is a module kept in the interpreter's module
// table; "raise <Name> <message>" raises, anything else is appended to
// __main__'s list `ran`. "check" calls the callable `probe` stored in __main__.
Ref<Object> FakeMainModule() {
  Interpreter& interp = *Interpreter::Current();
  if (interp.modules() == nullptr) interp.set_modules(NewDict());
  Ref<Object> key = NewStr("__main__");
  Object* found = nullptr;
  if (DictGet(interp.modules(), key.get(), &found) > 0) return Ref<Object>::Borrow(found);
  Ref<Object> module = NewModule("__main__");
  if (!module || !DictSet(interp.modules(), key.get(), module.get())) return nullptr;
  return module;
}

Object* MainGet(std::string_view name) {
  Ref<Object> main = FakeMainModule();
  Object* value = nullptr;
  if (DictGet(ModuleDict(main.get()), NewStr(name).get(), &value) <= 0) return nullptr;
  return value;
}

bool FakeExecMain(std::string_view source, std::string_view filename) {
  EXPECT_EQ(filename, "<string>");
  Ref<Object> main = FakeMainModule();
  if (!main) return false;
  if (source == "raise ValueError") {
    Raise(WellKnown::kValueError, "boom");
    return false;
  }
  if (source == "probe") {
    Object* probe = MainGet("probe");
    if (probe == nullptr) {
      Raise(WellKnown::kNameError, "name 'probe' is not defined");
      return false;
    }
    return static_cast<bool>(Call(probe, {}));
  }
  if (source == "raise MyError") {
    TypeObject* bases[] = {WellKnownType(WellKnown::kException)};
    Ref<HeapType> cls = HeapType::Create(*Interpreter::Current(), "MyError", bases).value();
    Ref<Object> error = Call(cls.get(), {NewStr("bad thing").get()});
    RaiseObject(std::move(error));
    return false;
  }
  Object* ran = MainGet("ran");
  if (ran == nullptr) {
    Ref<Object> count = NewInt(1);
    return DictSet(ModuleDict(main.get()), NewStr("ran").get(), count.get());
  }
  Ref<Object> count = NewInt(*IntAsInt64(ran) + 1);
  return DictSet(ModuleDict(main.get()), NewStr("ran").get(), count.get());
}

std::atomic<int> threads_waited{0};

void FakeWaitForThreads(Interpreter&) { threads_waited.fetch_add(1); }

constexpr InterpreterTypeHooks kFakeHooks = {
    .exec_main = &FakeExecMain,
    .main_module = &FakeMainModule,
    .wait_for_threads = &FakeWaitForThreads,
};

class InterpreterTypeTest : public testing::ObjectTest {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(ObjectTest::SetUp());
    SetInterpreterTypeHooks(&kFakeHooks);
  }
  void TearDown() override {
    SetInterpreterTypeHooks(nullptr);
    ObjectTest::TearDown();
  }
  // A new interpreter as concurrent.interpreters.create() makes it, and a handle.
  Ref<Object> Create() {
    absl::StatusOr<Interpreter*> created = Runtime::CreateInterpreter();
    EXPECT_TRUE(created.ok()) << created.status();
    if (!created.ok()) return nullptr;
    MarkCreatedByModule((*created)->id());
    return NewInterpreterObject((*created)->id());
  }
  static Interpreter* Find(int64_t id) {
    InterpreterPin pin = InterpreterPin::ForId(id);
    return pin.get();
  }
  static int64_t Id(Object* handle) { return *IntAsInt64(GetAttr(handle, "id").get()); }
};

// The runtime's side: ids of live interpreters, pins, destruction by id.
TEST_F(InterpreterTypeTest, RuntimePinsAndIds) {
  absl::StatusOr<Interpreter*> a = Runtime::CreateInterpreter();
  absl::StatusOr<Interpreter*> b = Runtime::CreateInterpreter();
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_THAT(Runtime::InterpreterIds(), ::testing::ElementsAre(0, 1, 2));
  {
    InterpreterPin pin = InterpreterPin::ForId(1);
    ASSERT_TRUE(pin);
    EXPECT_EQ(pin.get(), *a);
    EXPECT_EQ((*a)->attached_threads(), 1);
    absl::Status refused = Runtime::DestroyInterpreterById(1);
    EXPECT_EQ(refused.code(), absl::StatusCode::kFailedPrecondition) << refused;
    InterpreterPin moved = std::move(pin);
    EXPECT_FALSE(pin);
    EXPECT_EQ((*a)->attached_threads(), 1);
  }
  EXPECT_EQ((*a)->attached_threads(), 0);
  EXPECT_TRUE(Runtime::DestroyInterpreterById(1).ok());
  EXPECT_FALSE(InterpreterPin::ForId(1));
  EXPECT_EQ(Runtime::DestroyInterpreterById(1).code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(Runtime::DestroyInterpreterById(0).code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Runtime::InterpreterIds(), ::testing::ElementsAre(0, 2));
  EXPECT_TRUE(Runtime::DestroyInterpreter(*b).ok());
}

TEST_F(InterpreterTypeTest, HandlesById) {
  Ref<Object> main = NewInterpreterObject(0);
  ASSERT_TRUE(main) << Error();
  EXPECT_EQ(Show(main), "Interpreter(0)");
  EXPECT_EQ(Show(GetAttr(main.get(), "whence")), "'runtime init'");
  EXPECT_EQ(Show(CallAttr(main.get(), "is_running")), "True");
  Ref<Object> sub = Create();
  ASSERT_TRUE(sub) << Error();
  EXPECT_EQ(Show(sub), "Interpreter(1)");
  EXPECT_EQ(Show(GetAttr(sub.get(), "id")), "1");
  EXPECT_EQ(Show(GetAttr(sub.get(), "whence")), "'_interpreters module'");
  EXPECT_EQ(Show(CallAttr(sub.get(), "is_running")), "False");
  Ref<Object> again = CallWith(&kInterpreterType, {1});
  ASSERT_TRUE(again) << Error();
  EXPECT_EQ(RichCompareBool(again.get(), sub.get(), CompareOp::kEq), 1);
  EXPECT_EQ(RichCompareBool(main.get(), sub.get(), CompareOp::kEq), 0);
  EXPECT_EQ(Hash(again.get()), 1);
  EXPECT_EQ(Show(CallWith(&kInterpreterType, {"x"})), "TypeError: id must be an int, got 'x'");
  EXPECT_EQ(Show(CallWith(&kInterpreterType, {99})),
            "concurrent.interpreters.InterpreterNotFoundError: unrecognized interpreter ID 99");
  absl::StatusOr<Interpreter*> embedded = Runtime::CreateInterpreter();
  ASSERT_TRUE(embedded.ok());
  Ref<Object> foreign = NewInterpreterObject((*embedded)->id());
  EXPECT_EQ(Show(GetAttr(foreign.get(), "whence")), "'C-API'");
  EXPECT_EQ(Show(CallAttr(foreign.get(), "exec", {"x = 1"})),
            "concurrent.interpreters.InterpreterError: cannot exec code for unrecognized "
            "interpreter 2");
  EXPECT_EQ(Show(CallAttr(foreign.get(), "prepare_main", {}, {{"x", 1}})),
            "concurrent.interpreters.InterpreterError: cannot update __main__ for unrecognized "
            "interpreter 2");
  EXPECT_EQ(Show(CallAttr(foreign.get(), "close")),
            "concurrent.interpreters.InterpreterError: cannot destroy unrecognized interpreter 2");
}

TEST_F(InterpreterTypeTest, CloseAndClosedErrors) {
  Ref<Object> main = NewInterpreterObject(0);
  EXPECT_EQ(Show(CallAttr(main.get(), "close")),
            "concurrent.interpreters.InterpreterError: cannot destroy unrecognized interpreter 0");
  Ref<Object> sub = Create();
  const size_t before = Runtime::InterpreterCount();
  threads_waited = 0;
  EXPECT_EQ(Show(CallAttr(sub.get(), "close")), "None");
  EXPECT_EQ(threads_waited.load(), 1);
  EXPECT_EQ(Runtime::InterpreterCount(), before - 1);
  const std::string gone =
      "concurrent.interpreters.InterpreterNotFoundError: unrecognized interpreter ID 1";
  EXPECT_EQ(Show(CallAttr(sub.get(), "close")), gone);
  EXPECT_EQ(Show(CallAttr(sub.get(), "is_running")), gone);
  EXPECT_EQ(Show(CallAttr(sub.get(), "exec", {"x = 1"})), gone);
  EXPECT_EQ(Show(CallAttr(sub.get(), "prepare_main", {}, {{"x", 1}})), gone);
  EXPECT_EQ(Show(CallWith(&kInterpreterType, {1})), gone);
  EXPECT_EQ(Show(sub), "Interpreter(1)");  // the handle itself still works
  EXPECT_TRUE(ExceptionMatches(WellKnown::kInterpreterError) || !ExceptionPending());
}

TEST_F(InterpreterTypeTest, CannotCloseTheCurrentOrARunningInterpreter) {
  Ref<Object> sub = Create();
  Interpreter* interp = Find(Id(sub.get()));
  ASSERT_NE(interp, nullptr);
  {
    AttachGuard attached(*interp);
    Ref<Object> self = NewInterpreterObject(interp->id());
    EXPECT_EQ(Show(CallAttr(self.get(), "close")),
              "concurrent.interpreters.InterpreterError: cannot destroy the current interpreter");
  }
  // While its code runs (exec), it is running: closing it or exec'ing in it
  // again is refused.
  {
    AttachGuard attached(*interp);
    Ref<Object> self = NewInterpreterObject(interp->id());
    Ref<Object> probe = NewFunction("probe", [self](const CallArgs&) -> Ref<Object> {
      Ref<Object> running = CallMethod(self.get(), "is_running", {});
      if (!running) return nullptr;
      EXPECT_EQ(running.get(), True());
      return CallMethod(self.get(), "exec", {NewStr("x = 1").get()});
    });
    ASSERT_TRUE(DictSet(ModuleDict(FakeMainModule().get()), NewStr("probe").get(), probe.get()));
  }
  Ref<Object> failed = CallAttr(sub.get(), "exec", {"probe"});
  ASSERT_FALSE(failed);
  Ref<Object> error = TakeException();
  EXPECT_EQ(Show(Str(error.get())),
            "'concurrent.interpreters.InterpreterError: interpreter "
            "already running'");
  EXPECT_EQ(Show(CallAttr(sub.get(), "is_running")), "False");
  EXPECT_EQ(Show(CallAttr(sub.get(), "close")), "None");
}

TEST_F(InterpreterTypeTest, PrepareMainSharesValues) {
  Ref<Object> sub = Create();
  Ref<Object> ns = CallWith(WellKnownType(WellKnown::kDict), {}, {{"a", 1}, {"b", "two"}});
  EXPECT_EQ(Show(CallAttr(sub.get(), "prepare_main", {ns}, {{"c", IntList({3, 4})}})), "None");
  Interpreter* interp = Find(Id(sub.get()));
  {
    AttachGuard attached(*interp);
    EXPECT_EQ(Show(MainGet("a")), "1");
    EXPECT_EQ(Show(MainGet("b")), "'two'");
    Object* list = MainGet("c");
    ASSERT_NE(list, nullptr);
    EXPECT_EQ(Show(list), "[3, 4]");
    EXPECT_EQ(list->owner(), interp);  // a copy, made there
  }
  EXPECT_EQ(Show(CallAttr(sub.get(), "prepare_main")),
            "ValueError: arg 2 must be a non-empty mapping");
  Ref<Object> unshareable = CallWith(WellKnownType(WellKnown::kObject), {});
  EXPECT_THAT(Show(CallAttr(sub.get(), "prepare_main", {}, {{"x", unshareable}})),
              MatchesRegex("concurrent.interpreters.NotShareableError: <object object at "
                           "0x[0-9a-f]+> does not support cross-interpreter data"));
  {
    AttachGuard attached(*interp);
    EXPECT_EQ(MainGet("x"), nullptr);  // nothing was bound
  }
  EXPECT_EQ(Show(CallAttr(sub.get(), "close")), "None");
}

TEST_F(InterpreterTypeTest, ExecRunsThereAndFailuresStayThere) {
  Ref<Object> sub = Create();
  EXPECT_EQ(Show(CallAttr(sub.get(), "exec", {"x = 1"})), "None");
  EXPECT_EQ(Show(CallAttr(sub.get(), "exec", {"x = 2"})), "None");
  {
    AttachGuard attached(*Find(Id(sub.get())));
    EXPECT_EQ(Show(MainGet("ran")), "2");
  }
  // As in CPython 3.14: an empty script runs (and does nothing), bytes are
  // source text, anything else is an unsupported script.
  EXPECT_EQ(Show(CallAttr(sub.get(), "exec", {""})), "None");
  EXPECT_EQ(Show(CallMethod(sub.get(), "exec", {NewBytes("x = 3").get()})), "None");
  {
    AttachGuard attached(*Find(Id(sub.get())));
    EXPECT_EQ(Show(MainGet("ran")), "4");
  }
  EXPECT_EQ(Show(CallAttr(sub.get(), "exec", {5})), "TypeError: unsupported script 5");
  EXPECT_EQ(Show(CallMethod(sub.get(), "exec", {NewList({}).get()})),
            "TypeError: unsupported script []");
  EXPECT_EQ(Show(CallMethod(sub.get(), "exec", {NewStr(std::string_view("x\0", 2)).get()})),
            "SyntaxError: source code string cannot contain null bytes");

  Ref<Object> result = CallAttr(sub.get(), "exec", {"raise ValueError"});
  ASSERT_FALSE(result);
  Ref<Object> error = TakeException();
  ASSERT_TRUE(error);
  EXPECT_EQ(error->owner(), interp_);  // made here, in the caller
  StaticType* failed = Runtime::FindStaticType("concurrent.interpreters.ExecutionFailed");
  ASSERT_NE(failed, nullptr);
  EXPECT_EQ(error->type(), failed);
  EXPECT_TRUE(error->type()->IsSubtypeOf(WellKnownType(WellKnown::kInterpreterError)));
  EXPECT_EQ(Show(Str(error.get())), "'ValueError: boom'");
  Ref<Object> excinfo = GetAttr(error.get(), "excinfo");
  ASSERT_TRUE(excinfo) << Error();
  EXPECT_EQ(Show(GetAttr(excinfo.get(), "msg")), "'boom'");
  EXPECT_EQ(Show(GetAttr(excinfo.get(), "formatted")), "'ValueError: boom'");
  Ref<Object> type = GetAttr(excinfo.get(), "type");
  EXPECT_EQ(Show(GetAttr(type.get(), "__name__")), "'ValueError'");
  EXPECT_EQ(Show(GetAttr(type.get(), "__qualname__")), "'ValueError'");
  EXPECT_EQ(Show(GetAttr(type.get(), "__module__")), "'builtins'");
  EXPECT_EQ(excinfo->owner(), interp_);

  // A class of the other interpreter's __main__: shown without its module.
  ASSERT_FALSE(CallAttr(sub.get(), "exec", {"raise MyError"}));
  error = TakeException();
  EXPECT_EQ(Show(Str(error.get())), "'MyError: bad thing'");
  excinfo = GetAttr(error.get(), "excinfo");
  EXPECT_EQ(Show(GetAttr(GetAttr(excinfo.get(), "type").get(), "__module__")), "'__main__'");
  EXPECT_EQ(Show(CallAttr(sub.get(), "close")), "None");
}

TEST_F(InterpreterTypeTest, ExecutionFailedFromPython) {
  StaticType* failed = Runtime::FindStaticType("concurrent.interpreters.ExecutionFailed");
  ASSERT_NE(failed, nullptr);
  Ref<Object> ns_type = Ref<Object>::Borrow(WellKnownType(WellKnown::kSimpleNamespace));
  Ref<Object> type = CallWith(ns_type.get(), {}, {{"__name__", "KeyError"}});
  Ref<Object> excinfo =
      CallWith(ns_type.get(), {}, {{"type", type}, {"msg", "'k'"}, {"formatted", ""}});
  Ref<Object> error = CallWith(failed, {excinfo});
  ASSERT_TRUE(error) << Error();
  EXPECT_EQ(Show(Str(error.get())), "\"KeyError: 'k'\"");
  EXPECT_EQ(GetAttr(error.get(), "excinfo").get(), excinfo.get());
  EXPECT_EQ(Show(CallWith(failed, {})),
            "TypeError: ExecutionFailed() missing required argument 'excinfo' (pos 1)");
}

// Threads exec in their own interpreters and close them while other threads
// keep trying handles of the same ids: every call either works or reports the
// interpreter gone, and nothing is touched after its destruction.
TEST_F(InterpreterTypeTest, HandlesRaceWithClose) {
  constexpr int kThreads = 3;
  constexpr int kRounds = 20;
  std::atomic<int64_t> latest_id{0};
  std::atomic<bool> stop{false};
  std::atomic<int> errors{0};
  {
    ReleaseLockGuard released;  // the main interpreter is free for the threads
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&] {
        AttachGuard attached(*Runtime::MainInterpreter());
        for (int round = 0; round < kRounds; ++round) {
          Ref<Object> sub = Create();
          if (!sub) {
            errors++;
            continue;
          }
          latest_id = Id(sub.get());
          for (int i = 0; i < 5; ++i) {
            if (!CallMethod(sub.get(), "exec", {NewStr("x").get()})) {
              ClearException();  // another thread's exec may make it "running"
            }
          }
          if (!CallMethod(sub.get(), "close", {})) ClearException();  // a racer may hold it
          if (Find(Id(sub.get())) != nullptr) {
            // Closed only once no one else is in it.
            while (!CallMethod(sub.get(), "close", {})) {
              ClearException();
              Interpreter::Current()->YieldToWaitingThreads();
            }
          }
        }
      });
    }
    std::thread racer([&] {
      AttachGuard attached(*Runtime::MainInterpreter());
      while (!stop) {
        Ref<Object> handle = CallWith(&kInterpreterType, {static_cast<int>(latest_id.load())});
        if (!handle) {
          if (!ExceptionMatches(WellKnown::kInterpreterNotFoundError)) errors++;
          ClearException();
        } else if (!CallMethod(handle.get(), "exec", {NewStr("x").get()})) {
          if (!ExceptionMatches(WellKnown::kInterpreterError)) errors++;
          ClearException();
        }
        Interpreter::Current()->YieldToWaitingThreads();
      }
    });
    for (std::thread& thread : threads) thread.join();
    stop = true;
    racer.join();
  }
  EXPECT_EQ(errors.load(), 0);
  EXPECT_EQ(Runtime::InterpreterCount(), 1u);
}

}  // namespace
}  // namespace islet
