// `concurrent.interpreters.Interpreter` (see interpreter.h): id, whence,
// is_running(), close(), prepare_main(), exec(); repr "Interpreter(1)"; equal
// and hashed by id.

#include "types/interpreter/interpreter.h"

#include <atomic>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exception.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/protocol.h"
#include "objects/sharing.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/well_known.h"
#include "runtime/runtime.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

constinit std::atomic<const InterpreterTypeHooks*> installed_hooks{nullptr};

const InterpreterTypeHooks* Hooks() { return installed_hooks.load(std::memory_order_acquire); }

// ---------------------------------------------------------------------------
// What the type remembers about interpreters, by id: which ones
// concurrent.interpreters created, and which ones run code through a handle
// (exec or prepare_main) right now. Its mutex is innermost.
// ---------------------------------------------------------------------------

struct InterpreterBook {
  std::mutex mutex;
  std::unordered_set<int64_t> created_by_module;  // guarded by mutex
  std::unordered_set<int64_t> running;            // guarded by mutex
};

InterpreterBook& Book() {
  static InterpreterBook* book = new InterpreterBook();  // leaky, like every registry
  return *book;
}

bool CreatedByModule(int64_t id) {
  std::lock_guard<std::mutex> lock(Book().mutex);
  return Book().created_by_module.contains(id);
}

bool IsRunning(int64_t id) {
  std::lock_guard<std::mutex> lock(Book().mutex);
  return Book().running.contains(id);
}

// Marks `id` running; false if it already is.
bool StartRunning(int64_t id) {
  std::lock_guard<std::mutex> lock(Book().mutex);
  return Book().running.insert(id).second;
}

void StopRunning(int64_t id) {
  std::lock_guard<std::mutex> lock(Book().mutex);
  Book().running.erase(id);
}

// ---------------------------------------------------------------------------
// The handle object
// ---------------------------------------------------------------------------

enum class Whence : uint8_t { kRuntime, kModule, kEmbedder };

class InterpreterObject : public Object {
 public:
  InterpreterObject(int64_t id, Whence whence) : id(id), whence(whence) {}
  const int64_t id;
  const Whence whence;  // as it was when the handle was made (CPython caches it too)
};

int64_t IdOf(Object* self) { return static_cast<InterpreterObject*>(self)->id; }

std::nullptr_t RaiseNotFound(int64_t id) {
  return Raise(WellKnown::kInterpreterNotFoundError, StrCat("unrecognized interpreter ID ", id));
}

// The interpreter `id`, pinned, for an operation only handles of interpreters
// concurrent.interpreters created may do (CPython's resolve_interp with
// restrict=True): InterpreterNotFoundError if it is gone, InterpreterError
// "cannot <op> unrecognized interpreter 0" if the module did not create it.
InterpreterPin ResolveRestricted(int64_t id, std::string_view op) {
  InterpreterPin pin = InterpreterPin::ForId(id);
  if (!pin) {
    RaiseNotFound(id);
    return {};
  }
  if (!CreatedByModule(id)) {
    Raise(WellKnown::kInterpreterError, StrCat("cannot ", op, " unrecognized interpreter ", id));
    return {};
  }
  return pin;
}

std::nullptr_t RaiseNoHooks(std::string_view what) {
  return Raise(WellKnown::kRuntimeError,
               StrCat(what, " needs the language: import concurrent.interpreters first"));
}

// Interpreter(id, /)
Ref<Object> InterpreterNew(TypeObject*, const CallArgs& args) {
  Object* id = BindIdArg(args, "Interpreter");
  if (id == nullptr) return nullptr;
  std::optional<int64_t> value = IntAsInt64(id);
  if (!value) {
    return Raise(WellKnown::kInterpreterNotFoundError,
                 StrCat("unrecognized interpreter ID ", IntToDecimal(id)));
  }
  return NewInterpreterObject(*value);
}

Ref<Object> InterpreterId(Object* self) { return NewInt(IdOf(self)); }

Ref<Object> InterpreterWhence(Object* self) {
  switch (static_cast<InterpreterObject*>(self)->whence) {
    case Whence::kRuntime:
      return NewStr("runtime init");
    case Whence::kModule:
      return NewStr("_interpreters module");
    case Whence::kEmbedder:
      return NewStr("C-API");
  }
  return NewStr("unknown");
}

// is_running(): whether code runs in it through a handle now; always for the
// main interpreter (CPython's is_running_main).
Ref<Object> InterpreterIsRunning(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "Interpreter.is_running")) return nullptr;
  const int64_t id = IdOf(self);
  InterpreterPin pin = InterpreterPin::ForId(id);
  if (!pin) return RaiseNotFound(id);
  return BoolRef(pin->is_main() || IsRunning(id));
}

// close(): waits for the interpreter's threads, then destroys it.
Ref<Object> InterpreterClose(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "Interpreter.close")) return nullptr;
  const int64_t id = IdOf(self);
  {
    InterpreterPin pin = ResolveRestricted(id, "destroy");
    if (!pin) return nullptr;
    if (pin.get() == Interpreter::Current()) {
      return Raise(WellKnown::kInterpreterError, "cannot destroy the current interpreter");
    }
    if (IsRunning(id)) return Raise(WellKnown::kInterpreterError, "interpreter running");
    if (const InterpreterTypeHooks* hooks = Hooks(); hooks != nullptr && hooks->wait_for_threads) {
      hooks->wait_for_threads(*pin);  // with the caller's lock released
    }
  }
  absl::Status destroyed = Runtime::DestroyInterpreterById(id);
  if (destroyed.ok()) return NoneRef();
  if (absl::IsNotFound(destroyed)) return RaiseNotFound(id);
  return Raise(WellKnown::kInterpreterError, std::string(destroyed.message()));
}

// What an exception escaping code run in another interpreter leaves behind:
// plain text, no objects.
struct CapturedError {
  std::string name;
  std::string qualname;
  std::string module;
  std::string msg;
};

// Takes the current interpreter's pending exception as text.
CapturedError CaptureError() {
  Ref<Object> exception = TakeException();
  CapturedError error;
  if (!exception) {
    error = {"RuntimeError", "RuntimeError", "builtins", "code failed without an exception"};
    return error;
  }
  TypeObject* type = exception->type();
  error.name = std::string(TypeName(type));
  error.qualname = std::string(TypeQualName(type));
  error.module = std::string(TypeModule(type));
  error.msg = ExceptionMessage(exception.get());
  exception.reset();
  ClearException();
  return error;
}

// A types.SimpleNamespace(**fields) in the current interpreter.
Ref<Object> NewNamespace(std::initializer_list<std::pair<std::string_view, Ref<Object>>> fields) {
  StaticType* type = WellKnownType(WellKnown::kSimpleNamespace);
  if (type == nullptr) {
    return Raise(WellKnown::kRuntimeError, "types.SimpleNamespace is not linked");
  }
  std::vector<Object*> values;
  std::vector<const Name*> names;
  for (const auto& [name, value] : fields) {
    if (!value) return nullptr;
    names.push_back(Interpreter::Current()->Intern(name));
    values.push_back(value.get());
  }
  return Call(type, CallArgs{.args = values, .kwnames = names});
}

// Raises ExecutionFailed(excinfo) in the current interpreter, excinfo as
// CPython's: type (__name__, __qualname__, __module__), msg, formatted
// ("ValueError: boom"; the module is shown unless builtins or __main__).
std::nullptr_t RaiseExecutionFailed(const CapturedError& error) {
  std::string formatted = error.qualname;
  if (error.module != "builtins" && error.module != "__main__") {
    formatted = StrCat(error.module, ".", error.qualname);
  }
  formatted += StrCat(": ", error.msg);
  Ref<Object> type = NewNamespace({{"__name__", NewStr(error.name)},
                                   {"__qualname__", NewStr(error.qualname)},
                                   {"__module__", NewStr(error.module)}});
  if (!type) return nullptr;
  Ref<Object> excinfo =
      NewNamespace({{"type", type}, {"msg", NewStr(error.msg)}, {"formatted", NewStr(formatted)}});
  if (!excinfo) return nullptr;
  StaticType* failed = Runtime::FindStaticType("concurrent.interpreters.ExecutionFailed");
  if (failed == nullptr) return Raise(WellKnown::kRuntimeError, formatted);
  Ref<Object> exception = Call(failed, {excinfo.get()});
  if (!exception) return nullptr;
  return RaiseObject(std::move(exception));
}

// exec(code, /): runs `code` (source text: a str, or bytes) in the
// interpreter's __main__ on this thread, attached to it; an uncaught exception
// becomes ExecutionFailed here. CPython also runs a function's or a code
// object's body; islet's code cannot move between interpreters, so for it
// those are unsupported scripts like any other object (docs/language.md).
Ref<Object> InterpreterExec(Object* self, const CallArgs& args) {
  Object* code[1];
  if (!BindArgs(args, {.function = "exec", .names = {"code"}, .positional_only = 1, .required = 1},
                code)) {
    return nullptr;
  }
  std::string source;  // read only here, in the caller's interpreter
  if (IsInstance(code[0], WellKnown::kStr)) {
    source = StrView(code[0]);
  } else if (IsInstance(code[0], WellKnown::kBytes)) {
    source = BytesView(code[0]);
  } else {
    std::optional<std::string> repr = ReprText(code[0]);
    return repr ? Raise(WellKnown::kTypeError, StrCat("unsupported script ", *repr)) : nullptr;
  }
  // CPython compiles the script in the caller, so this SyntaxError is raised here.
  if (source.find('\0') != std::string::npos) {
    return Raise(WellKnown::kSyntaxError, "source code string cannot contain null bytes");
  }
  const InterpreterTypeHooks* hooks = Hooks();
  if (hooks == nullptr || hooks->exec_main == nullptr) return RaiseNoHooks("Interpreter.exec()");
  const int64_t id = IdOf(self);
  InterpreterPin pin = ResolveRestricted(id, "exec code for");
  if (!pin) return nullptr;
  if (!StartRunning(id)) return Raise(WellKnown::kInterpreterError, "interpreter already running");
  std::optional<CapturedError> error;
  {
    AttachGuard attached(*pin);  // releases the caller's lock meanwhile
    if (!hooks->exec_main(source, "<string>")) error = CaptureError();
  }
  StopRunning(id);
  pin.Reset();
  if (error) return RaiseExecutionFailed(*error);
  return NoneRef();
}

// prepare_main(ns=None, /, **kwargs): binds each value, shared (objects/
// sharing.h), in the interpreter's __main__.
Ref<Object> InterpreterPrepareMain(Object* self, const CallArgs& args) {
  if (args.positional_count() > 1) {
    return Raise(WellKnown::kTypeError,
                 StrCat("Interpreter.prepare_main() takes from 1 to 2 positional arguments but ",
                        args.positional_count() + 1, " were given"));
  }
  const int64_t id = IdOf(self);
  // dict(ns, **kwargs), or kwargs.
  Ref<Object> updates = NewDict();
  if (args.positional_count() == 1 && args.args[0] != None()) {
    updates = Call(WellKnownType(WellKnown::kDict), {args.args[0]});
    if (!updates) return nullptr;
  }
  for (size_t i = 0; i < args.kwnames.size(); ++i) {
    if (!DictSet(updates.get(), NewStr(args.kwnames[i]->text()).get(), args.keyword_values()[i])) {
      return nullptr;
    }
  }
  const InterpreterTypeHooks* hooks = Hooks();
  if (hooks == nullptr || hooks->main_module == nullptr) {
    return RaiseNoHooks("Interpreter.prepare_main()");
  }
  InterpreterPin pin = ResolveRestricted(id, "update __main__ for");
  if (!pin) return nullptr;
  if (DictSize(updates.get()) == 0) {
    return Raise(WellKnown::kValueError, "arg 2 must be a non-empty mapping");
  }
  // Shared here, in the caller, so a value that cannot be shared raises here
  // before anything is bound.
  std::vector<std::pair<std::string, SharedValue>> shared;
  int64_t position = 0;
  Object* key;
  Object* value;
  while (DictNext(updates.get(), &position, &key, &value)) {
    if (!IsInstance(key, WellKnown::kStr)) {
      return Raise(WellKnown::kTypeError, "bad argument type for built-in operation");
    }
    std::optional<SharedValue> item = ShareObject(value);
    if (!item) return nullptr;
    shared.emplace_back(std::string(StrView(key)), std::move(*item));
  }
  updates.reset();
  if (!StartRunning(id)) return Raise(WellKnown::kInterpreterError, "interpreter already running");
  const char* failure = nullptr;
  {
    AttachGuard attached(*pin);
    Ref<Object> main = hooks->main_module();
    if (!main) {
      failure = "failed to get __main__ namespace";
    } else {
      for (const auto& [name, item] : shared) {
        Ref<Object> object = UnshareValue(item);
        if (!object || !DictSet(ModuleDict(main.get()), NewStr(name).get(), object.get())) {
          failure = "failed to apply namespace to __main__";
          break;
        }
      }
    }
    if (failure != nullptr) ClearException();  // it stays in its interpreter
  }
  StopRunning(id);
  if (failure != nullptr) return Raise(WellKnown::kRuntimeError, failure);
  return NoneRef();
}

// "Interpreter(1)", as CPython's f'{type(self).__name__}({self.id})'.
Ref<Object> InterpreterRepr(Object* self) {
  return NewStr(StrCat(TypeName(self->type()), "(", IdOf(self), ")"));
}

// hash(id): an id is a small non-negative int, its own hash.
int64_t InterpreterHash(Object* self) { return IdOf(self); }

Ref<Object> InterpreterRichCompare(Object* self, Object* other, CompareOp op) {
  if (!other->type()->IsSubtypeOf(&kInterpreterType) ||
      (op != CompareOp::kEq && op != CompareOp::kNe)) {
    return NotImplementedRef();
  }
  const bool same = IdOf(self) == IdOf(other);
  return BoolRef(op == CompareOp::kEq ? same : !same);
}

// The interpreter is gone: forget what the book knew about its id.
void InterpreterFini(Interpreter& interp) {
  std::lock_guard<std::mutex> lock(Book().mutex);
  Book().created_by_module.erase(interp.id());
  Book().running.erase(interp.id());
}

constexpr TypeMember kInterpreterMembers[] = {
    Getter("id", &InterpreterId),
    Getter("whence", &InterpreterWhence),
    Method("is_running", &InterpreterIsRunning),
    Method("close", &InterpreterClose),
    Method("prepare_main", &InterpreterPrepareMain),
    Method("exec", &InterpreterExec),
};

constexpr TypeSlots InterpreterSlots() {
  TypeSlots slots = SlotsFor<InterpreterObject>();  // holds no objects
  slots.new_instance = &InterpreterNew;
  slots.repr = &InterpreterRepr;
  slots.hash = &InterpreterHash;
  slots.richcompare = &InterpreterRichCompare;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kInterpreterType, "concurrent.interpreters.Interpreter",
                   {.slots = InterpreterSlots(),
                    .members = kInterpreterMembers,
                    .fini = &InterpreterFini});

void SetInterpreterTypeHooks(const InterpreterTypeHooks* hooks) {
  installed_hooks.store(hooks, std::memory_order_release);
}

Ref<Object> NewInterpreterObject(int64_t id) {
  Whence whence = Whence::kEmbedder;
  if (Interpreter* main = Runtime::MainInterpreter(); main != nullptr && main->id() == id) {
    whence = Whence::kRuntime;
  } else if (CreatedByModule(id)) {
    whence = Whence::kModule;
  } else if (!InterpreterPin::ForId(id)) {
    return RaiseNotFound(id);
  }
  return Interpreter::Current()->NewObject<InterpreterObject>(&kInterpreterType, id, whence);
}

void MarkCreatedByModule(int64_t id) {
  std::lock_guard<std::mutex> lock(Book().mutex);
  Book().created_by_module.insert(id);
}

}  // namespace islet
