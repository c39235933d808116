// Checking the arguments of builtin functions, with CPython's messages.
//
//   Ref<Object> ListInsert(Object* self, const CallArgs& args) {
//     if (!CheckPositional(args, "insert", 2, 2)) return nullptr;
//     ...

#ifndef ISLET_OBJECTS_ARGS_H_
#define ISLET_OBJECTS_ARGS_H_

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string_view>

#include "runtime/object.h"
#include "runtime/type_object.h"

namespace islet {

// Requires no keyword arguments and min..max positional ones. Raises TypeError:
//   "insert expected 2 arguments, got 1"        (min == max)
//   "pop expected at most 1 argument, got 2"
//   "expected at least 1 argument, got 0"
bool CheckPositional(const CallArgs& args, std::string_view function, size_t min, size_t max);
// For functions that take no arguments: "list.copy() takes no arguments (1 given)".
bool CheckNoArgs(const CallArgs& args, std::string_view qualified_name);
// For functions of one argument: "list.append() takes exactly one argument (0 given)".
bool CheckOneArg(const CallArgs& args, std::string_view qualified_name);
// "dict.get() takes no keyword arguments".
bool CheckNoKeywords(const CallArgs& args, std::string_view qualified_name);

// How BindArgs reports a keyword that names no parameter. CPython's builtins
// word it both ways, and islet's types keep the words they were written with.
enum class UnknownKeyword : uint8_t {
  kUnexpected,  // "split() got an unexpected keyword argument 'x'"
  kInvalid,     // "'x' is an invalid keyword argument for split()"
};

// ArgSpec: the parameters of a builtin taking keyword arguments, as Argument
// Clinic declares them: f(names..., /, names..., *, names...).
struct ArgSpec {
  static constexpr size_t kAll = SIZE_MAX;

  std::string_view function;  // as messages show it: "split"
  std::initializer_list<std::string_view> names;
  size_t positional_only = 0;    // names[0, positional_only) only by position
  size_t required = 0;           // names[0, required) must be given
  size_t max_positional = kAll;  // names[max_positional, ...) only by keyword
  UnknownKeyword unknown_keyword = UnknownKeyword::kUnexpected;
};

// Binds positional and keyword arguments to `spec`'s parameters as Argument
// Clinic does, with its messages ("split() takes at most 2 arguments (3 given)",
// "argument for split() given by name ('sep') and position (1)", "from_bytes()
// missing required argument 'bytes' (pos 1)", ...). `out` has one entry per
// name: the argument, or null when it was not given.
//
//   Object* bound[2];
//   if (!BindArgs(args, {.function = "split", .names = {"sep", "maxsplit"}}, bound)) ...
bool BindArgs(const CallArgs& args, const ArgSpec& spec, std::span<Object*> out);

// BindIdArg: the one argument of a handle type's constructor, `function(id, /)`
// (concurrent.interpreters' Interpreter and Queue), which must be an int:
// TypeError "id must be an int, got 'x'" otherwise, as their __new__ says. Null
// with an exception pending on failure. An int out of int64 range is the
// caller's "not found".
//
//   Object* id = BindIdArg(args, "Queue");
//   if (id == nullptr) return nullptr;
Object* BindIdArg(const CallArgs& args, std::string_view function);

}  // namespace islet

#endif  // ISLET_OBJECTS_ARGS_H_
