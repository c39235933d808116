// Checking the arguments of builtin functions, with CPython's messages.
//
//   Ref<Object> ListInsert(Object* self, const CallArgs& args) {
//     if (!CheckPositional(args, "insert", 2, 2)) return nullptr;
//     ...

#ifndef ISLET_OBJECTS_ARGS_H_
#define ISLET_OBJECTS_ARGS_H_

#include <cstddef>
#include <string_view>

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

}  // namespace islet

#endif  // ISLET_OBJECTS_ARGS_H_
