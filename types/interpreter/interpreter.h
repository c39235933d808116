// `concurrent.interpreters.Interpreter`: a handle on an interpreter, by id
// (PEP 734, CPython 3.14's methods and messages).
//
//   interp = interpreters.create()      # Interpreter(1)
//   interp.prepare_main(x=1)            # x is shared into interp's __main__
//   interp.exec("y = x + 1")            # runs on this thread, attached to interp
//   interp.close()                      # waits for its threads, then destroys it
//
// A handle holds only the id: every operation finds the interpreter again and
// pins it (InterpreterPin, runtime/runtime.h) for its duration, so a closed
// interpreter is reported ("unrecognized interpreter ID 3", as
// InterpreterNotFoundError) and never touched after its destruction. An
// exception escaping exec() does not leave its interpreter: the caller gets an
// ExecutionFailed whose `excinfo` describes it with strs.
//
// As in CPython, an interpreter that concurrent.interpreters did not create
// (the main one, or one an embedder made) can be looked at but not changed:
// exec, prepare_main and close raise InterpreterError ("cannot destroy
// unrecognized interpreter 0").
//
// Running code and waiting for threads belong to layers above the types (the
// language, the threading module); the module concurrent.interpreters lends
// them here (InterpreterTypeHooks) when it is imported, which is the only way a
// program gets an Interpreter.

#ifndef ISLET_TYPES_INTERPRETER_INTERPRETER_H_
#define ISLET_TYPES_INTERPRETER_INTERPRETER_H_

#include <cstdint>
#include <string_view>

#include "interp/interpreter.h"
#include "runtime/object.h"
#include "runtime/static_type.h"

namespace islet {

extern StaticType kInterpreterType;

// What the Interpreter type needs from the layers above it. Each must be set.
struct InterpreterTypeHooks {
  // lang::ExecMain: runs `source` in the current interpreter's __main__; false
  // with the exception pending.
  bool (*exec_main)(std::string_view source, std::string_view filename) = nullptr;
  // lang::MainModule: the current interpreter's __main__ module.
  Ref<Object> (*main_module)() = nullptr;
  // WaitForThreads (modules/threading/threading.h).
  void (*wait_for_threads)(Interpreter& interp) = nullptr;
};
// Installs `hooks` (which must live as long as the process); idempotent.
void SetInterpreterTypeHooks(const InterpreterTypeHooks* hooks);

// NewInterpreterObject(id): a handle on interpreter `id`, made in the current
// interpreter; InterpreterNotFoundError "unrecognized interpreter ID 7" if there
// is no such interpreter. (It may be closed later: its methods check.)
Ref<Object> NewInterpreterObject(int64_t id);
// MarkCreatedByModule(id): records that concurrent.interpreters.create() made
// interpreter `id`, so its handles may exec in it, prepare it and close it
// (CPython's whence "_interpreters module"). Forgotten when it is destroyed.
void MarkCreatedByModule(int64_t id);

}  // namespace islet

#endif  // ISLET_TYPES_INTERPRETER_INTERPRETER_H_
