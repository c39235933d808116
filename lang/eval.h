// Running code: the entry points of islet's Python subset.
//
//   AttachGuard attached(*interp);
//   if (!lang::ExecMain("print(1 + 1)", "<string>")) {
//     absl::Status error = TakeExceptionAsStatus();   // "SyntaxError: ..." or any raise
//   }
//
// Code runs in the current interpreter, in its `__main__` module's namespace
// (made on first use and kept in the interpreter's module table, so later calls
// see what earlier ones defined). Bad syntax raises SyntaxError; deep recursion
// raises RecursionError; other threads attached to the same interpreter get
// turns while it runs (Interpreter::YieldToWaitingThreads).

#ifndef ISLET_LANG_EVAL_H_
#define ISLET_LANG_EVAL_H_

#include <cstdint>
#include <string_view>

#include "runtime/object.h"

namespace islet::lang {

enum class ExecMode : uint8_t {
  kFile,         // a script or a string given to exec
  kInteractive,  // typed at a prompt: expression statements print their repr
};

// Parses and runs `source` in the current interpreter's __main__ namespace.
// Returns false with the exception pending. `filename` names the code in
// SyntaxErrors and tracebacks ("<string>", "script.py").
bool ExecMain(std::string_view source, std::string_view filename, ExecMode mode = ExecMode::kFile);

// The current interpreter's __main__ module (made on first use); null with an
// exception pending if it cannot be made.
Ref<Object> MainModule();

// Test hook (fuzzers): after `steps` loop iterations and calls on the calling
// thread, running code raises RuntimeError "step limit exceeded", and keeps
// raising it until the next call. 0 removes the limit. The thread must be
// attached to the interpreter the code runs in.
void SetStepLimitForTesting(uint64_t steps);

// The deepest nesting of Python calls before RecursionError.
inline constexpr int kRecursionLimit = 1000;

}  // namespace islet::lang

#endif  // ISLET_LANG_EVAL_H_
