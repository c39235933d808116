// The evaluator's run-time structures (internal to //lang:eval): a parsed unit
// of code with its names made into objects, cells, frames, and the functions
// that run statements and expressions over them.
//
// Ownership: a Code is shared by the frames running it and by every function
// defined in it (their bodies hold a shared_ptr), so a function keeps its
// syntax tree alive. Closure variables are `cell` objects (objects/cell.h),
// held by the frames and functions that share them; a function's captures
// (FunctionData in function.cc) report its cells, defaults and globals to the
// cycle collector. A Code's identifier keys are strs, which no cycle runs
// through.

#ifndef ISLET_LANG_FRAME_H_
#define ISLET_LANG_FRAME_H_

#include <memory>
#include <string>
#include <vector>

#include "interp/interpreter.h"
#include "lang/ast.h"
#include "lang/scope.h"
#include "objects/cell.h"
#include "runtime/name.h"
#include "runtime/object.h"

namespace islet::lang {

// One parsed and resolved module (or exec'd string) and, made lazily in the
// interpreter running it, an interned name and a str object for each of its
// identifiers.
class Code {
 public:
  Code(std::unique_ptr<Module> module, std::string filename, bool interactive)
      : module_(std::move(module)), filename_(std::move(filename)), interactive_(interactive) {}

  const Module& module() const { return *module_; }
  const std::string& filename() const { return filename_; }
  // Typed at a prompt: top-level expression statements print their value.
  bool interactive() const { return interactive_; }
  const std::string& Identifier(int index) const { return module_->scope->identifiers[index]; }
  // The interned name of identifier `index` in the current interpreter.
  const islet::Name* NameOf(int index);
  // A str object of identifier `index` (a dict key); null on allocation failure.
  Object* KeyOf(int index);

 private:
  std::unique_ptr<Module> module_;
  std::string filename_;
  bool interactive_;
  std::vector<const islet::Name*> names_;
  std::vector<Ref<Object>> keys_;
};

// The cells (objects/cell.h) a function captured, by its free variable index.
using Closure = std::vector<Ref<Object>>;

// What running one scope's code needs.
struct Frame {
  std::shared_ptr<Code> code;
  const ScopeInfo* scope = nullptr;
  Object* globals = nullptr;          // a dict
  Object* builtins = nullptr;         // a dict
  Object* class_namespace = nullptr;  // a class body's dict, else null
  std::vector<Ref<Object>> locals;    // by ScopeInfo slot
  std::vector<Ref<Object>> cells;     // cell objects, by ScopeInfo cell index
  const Closure* free = nullptr;      // the function's closure
  Ref<Object> return_value;
  int line = 0;  // of the statement running, for tracebacks
  // The exceptions being handled by `except` blocks of this frame (innermost
  // last), for a bare `raise`.
  std::vector<Object*> handling;
  Frame* back = nullptr;  // the calling frame on this thread

  // The variable behind a kLocal, kCell or kFree slot.
  Ref<Object>& Variable(NameSlot slot) {
    switch (slot.kind) {
      case NameKind::kCell:
        return CellContents(cells[slot.slot].get());
      case NameKind::kFree:
        return CellContents((*free)[slot.slot].get());
      default:
        return locals[slot.slot];
    }
  }
  // The dict behind a kGlobal or kClassBody slot.
  Object* Namespace(NameKind kind) const {
    return kind == NameKind::kClassBody ? class_namespace : globals;
  }

  // A frame for `scope` with its locals and cells made.
  void SetUp(const ScopeInfo& info) {
    scope = &info;
    locals.resize(info.local_count);
    cells.reserve(info.cell_names.size());
    for (size_t i = 0; i < info.cell_names.size(); ++i) cells.push_back(NewCell());
  }
};

// How a statement ended.
enum class Flow : uint8_t { kNormal, kBreak, kContinue, kReturn, kError };

// Runs statements / evaluates an expression in `frame` (lang/eval.cc).
Flow ExecBody(Frame& frame, const Body& body);
Ref<Object> Eval(Frame& frame, const Expr& expr);

// The name of the module `frame` runs in: `__name__` in its globals, or null if
// there is none. False, with the exception pending, if looking it up failed.
bool LookupModuleName(const Frame& frame, Ref<Object>* name);

// The closure a function defined in `frame` for `scope` captures.
Closure CaptureClosure(Frame& frame, const ScopeInfo& scope);

// A Python function (lang/function.cc): `def` when `body` is set, `lambda`
// when `expression` is. Defaults are evaluated by the caller.
struct FunctionSpec {
  std::string name;
  const ScopeInfo* scope = nullptr;
  const Parameters* params = nullptr;
  const Body* body = nullptr;
  const Expr* expression = nullptr;
  std::vector<Ref<Object>> defaults = {};          // one per positional parameter (null: required)
  std::vector<Ref<Object>> keyword_defaults = {};  // one per keyword-only parameter
};
Ref<Object> MakeFunction(Frame& frame, FunctionSpec spec);

// Runs `frame` (set up by the caller, arguments bound) to completion as a call:
// counts recursion depth (kRecursionLimit) and checks the thread's C++ stack
// (runtime/stack_limit.h), records the traceback entry on error, gives other
// threads of the interpreter their turn now and then.
Ref<Object> RunFrame(Frame& frame, const Body* body, const Expr* expression);

// A safe point, on each loop iteration and call: while the interpreter's eval
// breaker is clear, one load and one compare; otherwise HandleEvalBreaker runs
// what it asks for (a collection, the switch interval, the step limit).
// False, with RuntimeError pending, once a step limit set for testing is used up.
bool HandleEvalBreaker(Interpreter& interp);
inline bool Tick() {
  Interpreter* interp = Interpreter::Current();
  if (interp->eval_breaker() == 0) [[likely]]
    return true;
  return HandleEvalBreaker(*interp);
}

// Records `frame`'s line in the traceback of the pending exception.
void AddTracebackEntry(const Frame& frame);

// The frame running on this thread, or null.
Frame* CurrentFrame();

}  // namespace islet::lang

#endif  // ISLET_LANG_FRAME_H_
