// Python functions: making them from `def` and `lambda`, binding a call's
// arguments to parameters with CPython's rules and messages, and running a
// frame with the recursion limit, tracebacks and the switch interval.

#include "objects/function.h"

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "interp/interpreter.h"
#include "lang/eval.h"
#include "lang/frame.h"
#include "lang/traceback.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/str_cat.h"

namespace islet::lang {
namespace {

struct ThreadState {
  Frame* frame = nullptr;  // innermost running frame
  int depth = 0;
  // Steps left before the step limit (SetStepLimitForTesting); 0: none.
  uint64_t steps_left = 0;
  bool limit_reached = false;
};
constinit thread_local ThreadState thread_state;

// Everything a function needs when called, shared by its body's copies (a call
// runs a copy, so rebinding the function meanwhile does not free it). The
// function object owns it and reports its references to the collector; the
// Code's identifier keys are strs, which cannot be part of a cycle.
struct FunctionData final : FunctionCaptures {
  std::shared_ptr<Code> code;
  FunctionSpec spec;
  Closure closure;
  Ref<Object> globals;
  Ref<Object> builtins;

  void Traverse(const Visitor& visit) const override {
    for (const Ref<Object>& value : spec.defaults) visit(value);
    for (const Ref<Object>& value : spec.keyword_defaults) visit(value);
    for (const Ref<Object>& cell : closure) visit(cell);
    visit(globals);
    visit(builtins);
  }
};

std::string QuotedList(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
    out += StrCat("'", names[i], "'");
  }
  return out;
}

bool MissingArguments(const std::string& function, const std::vector<std::string>& missing,
                      std::string_view kind) {
  islet::Raise(WellKnown::kTypeError,
               StrCat(function, "() missing ", missing.size(), " required ", kind,
                      missing.size() == 1 ? " argument: " : " arguments: ", QuotedList(missing)));
  return false;
}

bool IsPositionalOnly(const Parameters& params, std::string_view key) {
  for (size_t i = 0; i < params.positional_only; ++i) {
    if (params.positional[i].name == key) return true;
  }
  return false;
}

// Binds `args` to the parameters of `data`'s function in `frame`.
bool BindArguments(const FunctionData& data, const CallArgs& args, Frame& frame) {
  const Parameters& params = *data.spec.params;
  const std::vector<NameSlot>& slots = data.spec.scope->parameter_slots;
  const std::string& name = data.spec.scope->qualname;  // as CPython's messages show it
  const size_t positional_params = params.positional.size();
  std::vector<Ref<Object>> values(slots.size());
  const size_t vararg_index = positional_params;
  const size_t keyword_base = positional_params + (params.vararg.empty() ? 0 : 1);
  const size_t kwarg_index = keyword_base + params.keyword_only.size();

  std::span<Object* const> positional = args.positional();
  if (positional.size() > positional_params && params.vararg.empty()) {
    size_t required = 0;
    for (const Ref<Object>& d : data.spec.defaults) required += d ? 0 : 1;
    std::string takes = required == positional_params
                            ? StrCat(positional_params)
                            : StrCat("from ", required, " to ", positional_params);
    islet::Raise(
        WellKnown::kTypeError,
        StrCat(name, "() takes ", takes, " positional argument", positional_params == 1 ? "" : "s",
               " but ", positional.size(), positional.size() == 1 ? " was" : " were", " given"));
    return false;
  }
  for (size_t i = 0; i < positional.size() && i < positional_params; ++i) {
    values[i] = Ref<Object>::Borrow(positional[i]);
  }
  if (!params.vararg.empty()) {
    std::vector<Ref<Object>> extra;
    for (size_t i = positional_params; i < positional.size(); ++i) {
      extra.push_back(Ref<Object>::Borrow(positional[i]));
    }
    values[vararg_index] = NewTuple(std::move(extra));
  }
  Ref<Object> kwargs;
  if (!params.kwarg.empty()) kwargs = NewDict();
  std::string positional_only_by_keyword;  // their names, when there is no **kwargs
  for (size_t k = 0; k < args.kwnames.size(); ++k) {
    std::string_view key = args.kwnames[k]->text();
    Object* value = args.keyword_values()[k];
    size_t index = SIZE_MAX;
    for (size_t i = params.positional_only; i < positional_params; ++i) {
      if (params.positional[i].name == key) index = i;
    }
    if (index == SIZE_MAX && !kwargs && IsPositionalOnly(params, key)) {
      positional_only_by_keyword += StrCat(positional_only_by_keyword.empty() ? "" : ", ", key);
      continue;
    }
    for (size_t i = 0; i < params.keyword_only.size(); ++i) {
      if (params.keyword_only[i].name == key) index = keyword_base + i;
    }
    if (index == SIZE_MAX) {
      if (!kwargs) {
        islet::Raise(WellKnown::kTypeError,
                     StrCat(name, "() got an unexpected keyword argument '", key, "'"));
        return false;
      }
      Ref<Object> key_object = NewStr(key);
      if (!key_object || !DictSet(kwargs.get(), key_object.get(), value)) return false;
      continue;
    }
    if (values[index]) {
      islet::Raise(WellKnown::kTypeError,
                   StrCat(name, "() got multiple values for argument '", key, "'"));
      return false;
    }
    values[index] = Ref<Object>::Borrow(value);
  }
  if (!positional_only_by_keyword.empty()) {
    islet::Raise(
        WellKnown::kTypeError,
        StrCat(name, "() got some positional-only arguments passed as keyword arguments: '",
               positional_only_by_keyword, "'"));
    return false;
  }
  std::vector<std::string> missing;
  for (size_t i = 0; i < positional_params; ++i) {
    if (values[i]) continue;
    if (data.spec.defaults[i]) {
      values[i] = data.spec.defaults[i];
    } else {
      missing.push_back(params.positional[i].name);
    }
  }
  if (!missing.empty()) return MissingArguments(name, missing, "positional");
  for (size_t i = 0; i < params.keyword_only.size(); ++i) {
    if (values[keyword_base + i]) continue;
    if (data.spec.keyword_defaults[i]) {
      values[keyword_base + i] = data.spec.keyword_defaults[i];
    } else {
      missing.push_back(params.keyword_only[i].name);
    }
  }
  if (!missing.empty()) return MissingArguments(name, missing, "keyword-only");
  if (kwargs) values[kwarg_index] = std::move(kwargs);
  for (size_t i = 0; i < slots.size(); ++i) frame.Variable(slots[i]) = std::move(values[i]);
  return true;
}

Ref<Object> CallFunction(const std::shared_ptr<const FunctionData>& data, const CallArgs& args) {
  Frame frame;
  frame.code = data->code;
  frame.globals = data->globals.get();
  frame.builtins = data->builtins.get();
  frame.free = &data->closure;
  frame.SetUp(*data->spec.scope);
  if (!BindArguments(*data, args, frame)) return nullptr;
  return RunFrame(frame, data->spec.body, data->spec.expression);
}

}  // namespace

Closure CaptureClosure(Frame& frame, const ScopeInfo& scope) {
  Closure closure;
  closure.reserve(scope.free_sources.size());
  for (const NameSlot& source : scope.free_sources) {
    closure.push_back(source.kind == NameKind::kCell ? frame.cells[source.slot]
                                                     : (*frame.free)[source.slot]);
  }
  return closure;
}

Ref<Object> MakeFunction(Frame& frame, FunctionSpec spec) {
  auto data = std::make_shared<FunctionData>();
  data->code = frame.code;
  data->closure = CaptureClosure(frame, *spec.scope);
  data->globals = Ref<Object>::Borrow(frame.globals);
  data->builtins = Ref<Object>::Borrow(frame.builtins);
  std::string qualname = spec.scope->qualname;
  data->spec = std::move(spec);
  std::shared_ptr<const FunctionData> shared = std::move(data);
  Ref<Object> function = NewFunction(
      shared->spec.name, [shared](const CallArgs& args) { return CallFunction(shared, args); },
      shared);
  if (!function) return nullptr;
  auto* object = static_cast<FunctionObject*>(function.get());
  object->qualname = std::move(qualname);
  // __module__ is the defining module's __name__, as in CPython.
  Ref<Object> module_name;
  if (!LookupModuleName(frame, &module_name)) {
    ClearException();
  } else if (module_name && IsInstance(module_name.get(), WellKnown::kStr)) {
    object->module = StrView(module_name.get());
  }
  return function;
}

Ref<Object> RunFrame(Frame& frame, const Body* body, const Expr* expression) {
  ThreadState& state = thread_state;
  if (state.depth >= kRecursionLimit) {
    return islet::Raise(WellKnown::kRecursionError, "maximum recursion depth exceeded");
  }
  // The thread's real stack, whatever the Python depth: Python code called
  // from deep native recursion, or a host thread's small stack.
  if (!CheckStack(" while calling a Python object")) return nullptr;
  if (!Tick()) return nullptr;
  ++state.depth;
  frame.back = state.frame;
  state.frame = &frame;
  Ref<Object> result;
  if (expression != nullptr) {
    frame.line = expression->location.line;
    result = Eval(frame, *expression);
    if (!result) AddTracebackEntry(frame);
  } else {
    switch (ExecBody(frame, *body)) {
      case Flow::kError:
        AddTracebackEntry(frame);
        break;
      case Flow::kReturn:
        result = std::move(frame.return_value);
        break;
      default:
        result = Ref<Object>::Borrow(None());
        break;
    }
  }
  state.frame = frame.back;
  --state.depth;
  return result;
}

bool HandleEvalBreaker(Interpreter& interp) {
  if ((interp.eval_breaker() & kStepLimit) != 0) {
    ThreadState& state = thread_state;
    if (state.limit_reached || (state.steps_left != 0 && --state.steps_left == 0)) {
      state.limit_reached = true;
      islet::Raise(WellKnown::kRuntimeError, "step limit exceeded");
      return false;
    }
  }
  interp.HandleEvalBreaker();
  return true;
}

// The limit counts on the slow path, so its bit is set on the interpreter the
// thread is attached to while it is armed (other threads there just take the
// slow path meanwhile).
void SetStepLimitForTesting(uint64_t steps) {
  ThreadState& state = thread_state;
  state.limit_reached = false;
  state.steps_left = steps;
  if (Interpreter* interp = Interpreter::Current()) {
    if (steps != 0) {
      interp->SetEvalBreakerBits(kStepLimit);
    } else {
      interp->ClearEvalBreakerBits(kStepLimit);
    }
  }
}

Frame* CurrentFrame() { return thread_state.frame; }

void AddTracebackEntry(const Frame& frame) {
  RecordTraceback(frame.code->filename(), frame.line, frame.scope->name);
}

}  // namespace islet::lang
