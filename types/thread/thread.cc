// `threading.Thread` (see thread.h for the lifetimes): __init__ with CPython's
// parameters and default name, start/run/join/is_alive, name, daemon and ident,
// and the repr "<Thread(Thread-1 (worker), started 3)>".

#include "types/thread/thread.h"

#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "interp/interpreter.h"
#include "objects/args.h"
#include "objects/deadline.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/well_known.h"
#include "runtime/runtime.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

// ---------------------------------------------------------------------------
// Idents
// ---------------------------------------------------------------------------

constinit std::atomic<int64_t> next_ident{1};
constinit thread_local int64_t current_ident = 0;

int64_t NewIdent() { return next_ident.fetch_add(1, std::memory_order_relaxed); }

// ---------------------------------------------------------------------------
// Running threads, by interpreter. The registry's mutex is innermost: nothing
// is called while it is held.
// ---------------------------------------------------------------------------

// What a started thread and those waiting for it share; no interpreter's.
struct ThreadCore {
  ThreadCore(int64_t interpreter_id, int64_t ident, bool daemon)
      : interpreter_id(interpreter_id), ident(ident), daemon(daemon) {}
  const int64_t interpreter_id;
  const int64_t ident;
  const bool daemon;
  std::mutex mutex;
  std::condition_variable finished_changed;
  bool finished = false;  // guarded by mutex

  bool IsFinished() {
    std::lock_guard<std::mutex> lock(mutex);
    return finished;
  }
  // Waits until finished or `deadline` (nullopt: as long as it takes).
  void WaitFinished(Deadline deadline) {
    std::unique_lock<std::mutex> lock(mutex);
    if (deadline) {
      finished_changed.wait_until(lock, *deadline, [this] { return finished; });
    } else {
      finished_changed.wait(lock, [this] { return finished; });
    }
  }
};

struct InterpreterThreads {
  std::vector<std::shared_ptr<ThreadCore>> running;
  int64_t names_given = 0;  // "Thread-N"'s N, per interpreter as CPython's per module
};

struct ThreadRegistry {
  std::mutex mutex;
  std::unordered_map<int64_t, InterpreterThreads> by_interpreter;  // guarded by mutex
};

// Leaky: threads may still be finishing when static destructors run.
ThreadRegistry& Registry() {
  static ThreadRegistry* registry = new ThreadRegistry();
  return *registry;
}

void Register(const std::shared_ptr<ThreadCore>& core) {
  ThreadRegistry& registry = Registry();
  std::lock_guard<std::mutex> lock(registry.mutex);
  registry.by_interpreter[core->interpreter_id].running.push_back(core);
}

void Unregister(const ThreadCore& core) {
  ThreadRegistry& registry = Registry();
  std::lock_guard<std::mutex> lock(registry.mutex);
  auto it = registry.by_interpreter.find(core.interpreter_id);
  if (it == registry.by_interpreter.end()) return;
  std::vector<std::shared_ptr<ThreadCore>>& running = it->second.running;
  for (auto entry = running.begin(); entry != running.end(); ++entry) {
    if (entry->get() == &core) {
      running.erase(entry);
      return;
    }
  }
}

// A running non-daemon thread of `interpreter_id` (any interpreter if negative)
// other than the calling one (which would wait for itself).
std::shared_ptr<ThreadCore> FindNonDaemon(int64_t interpreter_id) {
  const int64_t self = current_ident;
  ThreadRegistry& registry = Registry();
  std::lock_guard<std::mutex> lock(registry.mutex);
  for (auto& [id, threads] : registry.by_interpreter) {
    if (interpreter_id >= 0 && id != interpreter_id) continue;
    for (const std::shared_ptr<ThreadCore>& core : threads.running) {
      if (!core->daemon && core->ident != self) return core;
    }
  }
  return nullptr;
}

void JoinNonDaemon(int64_t interpreter_id) {
  ReleaseLockGuard released;  // the threads may need the caller's interpreter
  while (std::shared_ptr<ThreadCore> core = FindNonDaemon(interpreter_id)) {
    core->WaitFinished(std::nullopt);
    // A finished thread unregisters itself before it is marked finished.
  }
}

// ---------------------------------------------------------------------------
// The Thread object
// ---------------------------------------------------------------------------

class ThreadObject : public Object {
 public:
  enum class Kind : uint8_t {
    kStartable,  // made by Thread(): started by start()
    kForeign,    // describes a thread threading did not start: always alive
  };

  bool initialized = false;  // Thread.__init__ ran
  Kind kind = Kind::kStartable;
  bool started = false;
  bool daemon = false;
  int64_t ident = 0;   // 0: None
  Ref<Object> target;  // null: None (also once run() ran)
  Ref<Object> args;
  Ref<Object> kwargs;
  Ref<Object> name;                  // a str once initialized
  std::shared_ptr<ThreadCore> core;  // set by start()

  static void Clear(Object* self) {
    auto* thread = static_cast<ThreadObject*>(self);
    thread->target.reset();
    thread->args.reset();
    thread->kwargs.reset();
    thread->name.reset();
  }
  static void Traverse(Object* self, const Visitor& visit) {
    auto* thread = static_cast<ThreadObject*>(self);
    visit(thread->target);
    visit(thread->args);
    visit(thread->kwargs);
    visit(thread->name);
  }
};

ThreadObject* AsThread(Object* self) { return static_cast<ThreadObject*>(self); }

// What the calling OS thread runs as, while it runs a started thread's run().
struct RunningAs {
  Interpreter* interp = nullptr;
  Object* thread = nullptr;
};
constinit thread_local RunningAs running_as;

bool IsAlive(ThreadObject* thread) {
  if (thread->kind == ThreadObject::Kind::kForeign) return true;
  return thread->started && !thread->core->IsFinished();
}

bool RequireInitialized(ThreadObject* thread, std::string_view message) {
  if (thread->initialized) return true;
  Raise(WellKnown::kRuntimeError, message);
  return false;
}

// The exception's last traceback line, as CPython prints it: the type's name,
// then ": " and str(exception) unless that is empty.
std::string LastTracebackLine(Object* exception) {
  std::string text = ExceptionTypeName(exception->type());
  std::string message = ExceptionMessage(exception);
  if (!message.empty()) text += StrCat(": ", message);
  return text;
}

// threading.excepthook's default: "Exception in thread NAME:" and the exception
// on stderr; SystemExit is ignored silently.
void ReportUncaught(ThreadObject* thread) {
  Ref<Object> exception = TakeException();
  if (!exception) return;
  StaticType* system_exit = WellKnownType(WellKnown::kSystemExit);
  if (system_exit != nullptr && exception->type()->IsSubtypeOf(system_exit)) return;
  std::string name = thread->name ? std::string(StrView(thread->name.get())) : "?";
  std::string text = LastTracebackLine(exception.get());
  ClearException();
  std::fprintf(stderr, "Exception in thread %s:\n%s\n", name.c_str(), text.c_str());
  std::fflush(stderr);
}

// The body of a started thread's OS thread. `owned` is a reference to the
// Thread object taken by start(), dropped here while attached.
void RunStartedThread(InterpreterPin pin, std::shared_ptr<ThreadCore> core, Object* owned) {
  current_ident = core->ident;
  {
    AttachGuard attached(*pin);
    Ref<Object> self = Ref<Object>::Steal(owned);
    running_as = {pin.get(), self.get()};
    Ref<Object> result = CallMethod(self.get(), "run", {});
    if (!result) ReportUncaught(AsThread(self.get()));
    result.reset();
    running_as = {};
    self.reset();
  }
  pin.Reset();  // the last touch of the interpreter
  Unregister(*core);
  {
    std::lock_guard<std::mutex> lock(core->mutex);
    core->finished = true;
  }
  core->finished_changed.notify_all();
}

// The default name: "Thread-N", with " (target.__name__)" when there is one.
std::optional<std::string> DefaultName(Object* target) {
  int64_t n;
  {
    ThreadRegistry& registry = Registry();
    std::lock_guard<std::mutex> lock(registry.mutex);
    n = ++registry.by_interpreter[Interpreter::Current()->id()].names_given;
  }
  std::string name = StrCat("Thread-", n);
  if (target == nullptr || target == None()) return name;
  Ref<Object> target_name = GetAttr(target, "__name__");
  if (!target_name) {
    if (!ExceptionMatches(WellKnown::kAttributeError)) return std::nullopt;
    ClearException();
    return name;
  }
  std::optional<std::string> shown = StrText(target_name.get());
  if (!shown) return std::nullopt;
  return StrCat(name, " (", *shown, ")");
}

bool DaemonAllowedOrRaise(bool daemon, std::string_view message) {
  if (!daemon || Interpreter::Current()->is_main()) return true;
  Raise(WellKnown::kRuntimeError, message);
  return false;
}

// Thread(group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None)
bool ThreadInit(Object* self, const CallArgs& args) {
  Object* bound[6];
  if (!BindArgs(args,
                {.function = "Thread",
                 .names = {"group", "target", "name", "args", "kwargs", "daemon"},
                 .max_positional = 5},
                bound)) {
    return false;
  }
  auto given = [&](int i) { return bound[i] != nullptr && bound[i] != None(); };
  if (given(0)) {
    Raise(WellKnown::kAssertionError, "group argument must be None for now");
    return false;
  }
  ThreadObject* thread = AsThread(self);
  if (thread->started) {
    Raise(WellKnown::kRuntimeError, "cannot re-initialize a started thread");
    return false;
  }
  Ref<Object> name;
  int name_given = given(2) ? IsTrue(bound[2]) : 0;
  if (name_given < 0) return false;
  if (name_given) {
    name = Str(bound[2]);
    if (!name) return false;
  } else {
    std::optional<std::string> made = DefaultName(given(1) ? bound[1] : nullptr);
    if (!made) return false;
    name = NewStr(*made);
  }
  bool daemon = false;
  if (given(5)) {
    int truth = IsTrue(bound[5]);
    if (truth < 0) return false;
    if (!DaemonAllowedOrRaise(truth, "daemon threads are disabled in this (sub)interpreter")) {
      return false;
    }
    daemon = truth;
  } else if (Object* current = CurrentThreadObject()) {
    daemon = AsThread(current)->daemon;
  }
  Ref<Object> call_args =
      bound[3] != nullptr ? Ref<Object>::Borrow(bound[3]) : NewTuple(std::vector<Ref<Object>>{});
  Ref<Object> call_kwargs = given(4) ? Ref<Object>::Borrow(bound[4]) : NewDict();
  if (!call_args || !call_kwargs) return false;
  thread->target = given(1) ? Ref<Object>::Borrow(bound[1]) : nullptr;
  thread->args = std::move(call_args);
  thread->kwargs = std::move(call_kwargs);
  thread->name = std::move(name);
  thread->daemon = daemon;
  thread->initialized = true;
  return true;
}

Ref<Object> ThreadNew(TypeObject* type, const CallArgs&) {
  return Interpreter::Current()->NewObject<ThreadObject>(type);
}

Ref<Object> ThreadStart(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "Thread.start")) return nullptr;
  ThreadObject* thread = AsThread(self);
  if (!RequireInitialized(thread, "thread.__init__() not called")) return nullptr;
  if (thread->started || thread->kind == ThreadObject::Kind::kForeign) {
    return Raise(WellKnown::kRuntimeError, "threads can only be started once");
  }
  Interpreter* interp = Interpreter::Current();
  auto core = std::make_shared<ThreadCore>(interp->id(), NewIdent(), thread->daemon);
  Register(core);
  // Counted as attached from now on, so the interpreter outlives the thread.
  InterpreterPin pin = InterpreterPin::For(*interp);
  Object* owned = Ref<Object>::Borrow(self).release();
  try {
    std::thread(&RunStartedThread, std::move(pin), core, owned).detach();
  } catch (const std::system_error&) {
    Ref<Object>::Steal(owned).reset();
    Unregister(*core);
    return Raise(WellKnown::kRuntimeError, "can't start new thread");
  }
  thread->core = std::move(core);
  thread->ident = thread->core->ident;
  thread->started = true;
  return NoneRef();
}

// target(*args, **kwargs), then the references are dropped (CPython deletes
// them, so a thread does not keep its arguments alive after running).
Ref<Object> ThreadRun(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "Thread.run")) return nullptr;
  ThreadObject* thread = AsThread(self);
  Ref<Object> target = std::move(thread->target);
  Ref<Object> call_args = std::move(thread->args);
  Ref<Object> call_kwargs = std::move(thread->kwargs);
  if (!target || target.get() == None()) return NoneRef();
  std::vector<Ref<Object>> items;
  if (call_args) {
    std::optional<std::vector<Ref<Object>>> positional =
        SequenceFast(call_args.get(), "argument after * must be an iterable");
    if (!positional) return nullptr;
    items = std::move(*positional);
  }
  std::vector<const Name*> kwnames;
  if (call_kwargs && call_kwargs.get() != None()) {
    if (!IsInstance(call_kwargs.get(), WellKnown::kDict)) {
      return Raise(WellKnown::kTypeError, StrCat("argument after ** must be a mapping, not ",
                                                 TypeDisplayName(call_kwargs->type())));
    }
    int64_t position = 0;
    Object* key;
    Object* value;
    while (DictNext(call_kwargs.get(), &position, &key, &value)) {
      if (!IsInstance(key, WellKnown::kStr)) {
        return Raise(WellKnown::kTypeError, "keywords must be strings");
      }
      kwnames.push_back(Interpreter::Current()->Intern(StrView(key)));
      items.push_back(Ref<Object>::Borrow(value));
    }
  }
  std::vector<Object*> pointers;
  pointers.reserve(items.size());
  for (const Ref<Object>& item : items) pointers.push_back(item.get());
  Ref<Object> result = Call(target.get(), CallArgs{.args = pointers, .kwnames = kwnames});
  if (!result) return nullptr;
  return NoneRef();
}

// join(timeout=None)
Ref<Object> ThreadJoin(Object* self, const CallArgs& args) {
  Object* timeout[1];
  if (!BindArgs(args, {.function = "join", .names = {"timeout"}}, timeout)) return nullptr;
  ThreadObject* thread = AsThread(self);
  if (!RequireInitialized(thread, "Thread.__init__() not called")) return nullptr;
  if (thread->kind == ThreadObject::Kind::kForeign) {
    if (thread->ident == CurrentThreadIdent()) {
      return Raise(WellKnown::kRuntimeError, "cannot join current thread");
    }
    return Raise(WellKnown::kRuntimeError, "cannot join a thread threading did not start");
  }
  if (!thread->started) {
    return Raise(WellKnown::kRuntimeError, "cannot join thread before it is started");
  }
  if (thread->ident == CurrentThreadIdent()) {
    return Raise(WellKnown::kRuntimeError, "cannot join current thread");
  }
  std::optional<double> seconds;  // None: no timeout; negative acts as 0, as in CPython
  if (timeout[0] != nullptr && timeout[0] != None()) {
    seconds = AsDouble(timeout[0]);
    if (!seconds) return nullptr;
  }
  const Deadline deadline = DeadlineAfter(seconds);
  std::shared_ptr<ThreadCore> core = thread->core;  // kept by this wait
  {
    ReleaseLockGuard released;
    core->WaitFinished(deadline);
  }
  return NoneRef();
}

Ref<Object> ThreadIsAlive(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "Thread.is_alive")) return nullptr;
  return BoolRef(IsAlive(AsThread(self)));
}

Ref<Object> ThreadNameGet(Object* self) {
  ThreadObject* thread = AsThread(self);
  if (!RequireInitialized(thread, "Thread.__init__() not called")) return nullptr;
  return thread->name;
}

bool ThreadNameSet(Object* self, Object* value) {
  ThreadObject* thread = AsThread(self);
  if (!RequireInitialized(thread, "Thread.__init__() not called")) return false;
  if (value == nullptr) {
    Raise(WellKnown::kAttributeError, "can't delete attribute 'name'");
    return false;
  }
  Ref<Object> name = Str(value);
  if (!name) return false;
  thread->name = std::move(name);
  return true;
}

Ref<Object> ThreadDaemonGet(Object* self) {
  ThreadObject* thread = AsThread(self);
  if (!RequireInitialized(thread, "Thread.__init__() not called")) return nullptr;
  return BoolRef(thread->daemon);
}

bool ThreadDaemonSet(Object* self, Object* value) {
  ThreadObject* thread = AsThread(self);
  if (!RequireInitialized(thread, "Thread.__init__() not called")) return false;
  if (value == nullptr) {
    Raise(WellKnown::kAttributeError, "can't delete attribute 'daemon'");
    return false;
  }
  int daemon = IsTrue(value);
  if (daemon < 0) return false;
  if (!DaemonAllowedOrRaise(daemon, "daemon threads are disabled in this interpreter")) {
    return false;
  }
  if (thread->started || thread->kind == ThreadObject::Kind::kForeign) {
    Raise(WellKnown::kRuntimeError, "cannot set daemon status of active thread");
    return false;
  }
  thread->daemon = daemon;
  return true;
}

Ref<Object> ThreadIdent(Object* self) {
  ThreadObject* thread = AsThread(self);
  if (thread->ident == 0) return NoneRef();
  return NewInt(thread->ident);
}

// "<Thread(Thread-1 (worker), started daemon 7)>", as CPython's __repr__.
Ref<Object> ThreadRepr(Object* self) {
  ThreadObject* thread = AsThread(self);
  if (!thread->initialized) {
    return NewStr(StrCat("<", TypeName(self->type()), "(<uninitialized>, initial)>"));
  }
  std::string status = "initial";
  if (thread->started || thread->kind == ThreadObject::Kind::kForeign) status = "started";
  if (thread->started && thread->core->IsFinished()) status = "stopped";
  if (thread->daemon) status += " daemon";
  if (thread->ident != 0) status += StrCat(" ", thread->ident);
  return NewStr(
      StrCat("<", TypeName(self->type()), "(", StrView(thread->name.get()), ", ", status, ")>"));
}

// Forgets the interpreter's bookkeeping; its threads are all gone by then
// (each was counted as attached until it finished).
void ThreadFini(Interpreter& interp) {
  ThreadRegistry& registry = Registry();
  std::lock_guard<std::mutex> lock(registry.mutex);
  registry.by_interpreter.erase(interp.id());
}

constexpr TypeMember kThreadMembers[] = {
    Method("start", &ThreadStart),
    Method("run", &ThreadRun),
    Method("join", &ThreadJoin),
    Method("is_alive", &ThreadIsAlive),
    Getter("name", &ThreadNameGet, &ThreadNameSet),
    Getter("daemon", &ThreadDaemonGet, &ThreadDaemonSet),
    Getter("ident", &ThreadIdent),
};

constexpr TypeSlots ThreadSlots() {
  TypeSlots slots = SlotsFor<ThreadObject>(&ThreadObject::Clear, &ThreadObject::Traverse);
  slots.new_instance = &ThreadNew;
  slots.init = &ThreadInit;
  slots.repr = &ThreadRepr;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kThreadType, "threading.Thread",
                   {.flags = kTypeBaseType,
                    .slots = ThreadSlots(),
                    .members = kThreadMembers,
                    .fini = &ThreadFini});

int64_t CurrentThreadIdent() {
  if (current_ident == 0) current_ident = NewIdent();
  return current_ident;
}

void JoinThreadsOf(int64_t interpreter_id) { JoinNonDaemon(interpreter_id); }

void JoinAllThreads() { JoinNonDaemon(-1); }

int64_t RunningThreadCount(int64_t interpreter_id) {
  ThreadRegistry& registry = Registry();
  std::lock_guard<std::mutex> lock(registry.mutex);
  auto it = registry.by_interpreter.find(interpreter_id);
  if (it == registry.by_interpreter.end()) return 0;
  return static_cast<int64_t>(it->second.running.size());
}

Object* CurrentThreadObject() {
  if (running_as.interp == nullptr || running_as.interp != Interpreter::Current()) return nullptr;
  return running_as.thread;
}

Ref<Object> NewForeignThread(std::string_view name, bool daemon) {
  Ref<ThreadObject> thread = Interpreter::Current()->NewObject<ThreadObject>(&kThreadType);
  thread->initialized = true;
  thread->kind = ThreadObject::Kind::kForeign;
  thread->daemon = daemon;
  thread->ident = CurrentThreadIdent();
  thread->name = NewStr(name);
  return thread;
}

}  // namespace islet
