// The modules `concurrent` (an empty package) and `concurrent.interpreters`
// (PEP 734, CPython 3.14's names):
//
//   from concurrent import interpreters
//   interp = interpreters.create()          # Interpreter(1)
//   interp.prepare_main(n=3)
//   interp.exec("print(n * 2)")
//   interpreters.list_all()                 # [Interpreter(0), Interpreter(1)]
//   interpreters.get_current(), interpreters.get_main()
//   q = interpreters.create_queue()         # Queue, QueueEmpty, QueueFull
//   interpreters.is_shareable([1, "a"])     # True
//
// The Interpreter and ExecutionFailed types are types/interpreter's; importing
// this module lends them the language and the threading module's wait
// (InterpreterTypeHooks).

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "lang/eval.h"
#include "modules/native_module.h"
#include "modules/threading/threading.h"
#include "objects/args.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/protocol.h"
#include "objects/queue.h"
#include "objects/sharing.h"
#include "objects/singletons.h"
#include "objects/well_known.h"
#include "runtime/runtime.h"
#include "runtime/str_cat.h"
#include "types/interpreter/interpreter.h"

namespace islet {
namespace {

bool ExecMainAsFile(std::string_view source, std::string_view filename) {
  return lang::ExecMain(source, filename);
}

constexpr InterpreterTypeHooks kHooks = {
    .exec_main = &ExecMainAsFile,
    .main_module = &lang::MainModule,
    .wait_for_threads = &WaitForThreads,
};

// create(): a new interpreter, which this module may exec in, prepare and close.
Ref<Object> Create(Object*, const CallArgs& args) {
  if (!CheckNoArgs(args, "create")) return nullptr;
  absl::StatusOr<Interpreter*> created = Runtime::CreateInterpreter();
  if (!created.ok()) {
    return Raise(WellKnown::kInterpreterError, "interpreter creation failed");
  }
  const int64_t id = (*created)->id();
  MarkCreatedByModule(id);
  return NewInterpreterObject(id);
}

// list_all(): every live interpreter, the main one first.
Ref<Object> ListAll(Object*, const CallArgs& args) {
  if (!CheckNoArgs(args, "list_all")) return nullptr;
  std::vector<Ref<Object>> handles;
  for (int64_t id : Runtime::InterpreterIds()) {
    Ref<Object> handle = NewInterpreterObject(id);
    if (!handle) {
      // Destroyed since the ids were read: not live any more.
      if (!ExceptionMatches(WellKnown::kInterpreterNotFoundError)) return nullptr;
      ClearException();
      continue;
    }
    handles.push_back(std::move(handle));
  }
  return NewList(std::move(handles));
}

Ref<Object> GetCurrent(Object*, const CallArgs& args) {
  if (!CheckNoArgs(args, "get_current")) return nullptr;
  return NewInterpreterObject(Interpreter::Current()->id());
}

Ref<Object> GetMain(Object*, const CallArgs& args) {
  if (!CheckNoArgs(args, "get_main")) return nullptr;
  return NewInterpreterObject(Runtime::MainInterpreter()->id());
}

// create_queue(maxsize=0)
Ref<Object> CreateQueueFunction(Object*, const CallArgs& args) {
  Object* maxsize[1];
  if (!BindArgs(args, {.function = "create_queue", .names = {"maxsize"}}, maxsize)) {
    return nullptr;
  }
  int64_t size = 0;
  if (maxsize[0] != nullptr) {
    std::optional<int64_t> value = IndexAsInt64(maxsize[0]);
    if (!value) return nullptr;
    size = *value;
  }
  return CreateQueue(size);
}

Ref<Object> IsShareableFunction(Object*, const CallArgs& args) {
  if (!CheckOneArg(args, "is_shareable")) return nullptr;
  return BoolRef(IsShareable(args.args[0]));
}

constexpr TypeMember kFunctions[] = {
    StaticMethod("create", &Create),
    StaticMethod("list_all", &ListAll),
    StaticMethod("get_current", &GetCurrent),
    StaticMethod("get_main", &GetMain),
    StaticMethod("create_queue", &CreateQueueFunction),
    StaticMethod("is_shareable", &IsShareableFunction),
};

// The module's types, by registered name.
constexpr std::pair<const char*, const char*> kTypes[] = {
    {"Interpreter", "concurrent.interpreters.Interpreter"},
    {"Queue", "concurrent.interpreters.Queue"},
    {"QueueEmpty", "concurrent.interpreters.QueueEmpty"},
    {"QueueFull", "concurrent.interpreters.QueueFull"},
    {"NotShareableError", "concurrent.interpreters.NotShareableError"},
    {"InterpreterError", "concurrent.interpreters.InterpreterError"},
    {"InterpreterNotFoundError", "concurrent.interpreters.InterpreterNotFoundError"},
    {"ExecutionFailed", "concurrent.interpreters.ExecutionFailed"},
};

bool FillInterpreters(Object* module) {
  SetInterpreterTypeHooks(&kHooks);
  for (const auto& [attribute, registered] : kTypes) {
    StaticType* type = Runtime::FindStaticType(registered);
    if (type == nullptr) {
      Raise(WellKnown::kImportError, StrCat("concurrent.interpreters needs the builtin type '",
                                            registered, "', which is not linked"));
      return false;
    }
    if (!SetModuleAttr(module, attribute, Ref<Object>::Borrow(type))) return false;
  }
  return AddModuleFunctions(module, kFunctions);
}

// `concurrent` is a package with nothing of its own; importing
// concurrent.interpreters sets its `interpreters` attribute.
bool FillConcurrent(Object* module) { return SetModuleAttr(module, "__path__", NewList()); }

}  // namespace

ISLET_NATIVE_MODULE(kConcurrentModule, "concurrent", &FillConcurrent);
ISLET_NATIVE_MODULE(kInterpretersModule, "concurrent.interpreters", &FillInterpreters);

}  // namespace islet
