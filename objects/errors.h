// Raising and handling exceptions from C++.
//
// Convention (CPython's): a function that fails raises an exception, which becomes
// the current interpreter's pending exception, and returns a null Ref, false, or
// -1. Its caller either handles the exception or returns failure in turn.
//
//   if (index >= size) return Raise(WellKnown::kIndexError, "list index out of range");
//   Ref<Object> item = GetItem(container, key);
//   if (!item) return nullptr;                   // propagate
//   if (ExceptionMatches(WellKnown::kKeyError)) ClearException();  // handle

#ifndef ISLET_OBJECTS_ERRORS_H_
#define ISLET_OBJECTS_ERRORS_H_

#include <cstddef>
#include <string_view>

#include "absl/status/status.h"
#include "objects/well_known.h"
#include "runtime/object.h"
#include "runtime/stack_limit.h"
#include "runtime/type_object.h"

namespace islet {

// Raises an exception of type `type` whose args are (message,). Returns nullptr so
// that `return Raise(...)` works in functions returning Ref or pointers.
std::nullptr_t Raise(WellKnown type, std::string_view message);
std::nullptr_t Raise(TypeObject* type, std::string_view message);
// Raises `exception`, an exception instance.
std::nullptr_t RaiseObject(Ref<Object> exception);

// CheckStack: whether the calling thread's C++ stack has room for one more level
// of recursion (runtime/stack_limit.h). If not, raises RecursionError "Stack
// overflow (used 8152 kB)" followed by `where`, which names what was being done
// in CPython's words (" while getting the repr of an object", " in comparison"),
// and returns false. Every path that can recurse through the object protocol
// checks it on the way in; the evaluator checks it for every call and
// expression.
//
//   if (!CheckStack(" in comparison")) return nullptr;
void RaiseStackOverflow(std::string_view where);
inline bool CheckStack(std::string_view where) {
  if (!StackExhausted()) [[likely]]
    return true;
  RaiseStackOverflow(where);
  return false;
}

// Whether an exception is pending in the current interpreter.
bool ExceptionPending();
// Whether the pending exception is an instance of `type`.
bool ExceptionMatches(WellKnown type);
bool ExceptionMatches(TypeObject* type);
// Takes the pending exception (nullptr if none) and clears it.
Ref<Object> TakeException();
void ClearException();

// Takes the pending exception and turns it into a status for the embedding API:
// "TypeName: message", with a code chosen from the exception type.
absl::Status TakeExceptionAsStatus();

}  // namespace islet

#endif  // ISLET_OBJECTS_ERRORS_H_
