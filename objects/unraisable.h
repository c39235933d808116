// ReportUnraisable: what happens to an exception raised where nobody can catch
// it (a finalizer, a weak reference callback, a gc callback): it is printed to
// stderr and dropped, as CPython's default sys.unraisablehook prints it.
//
//   if (!Call(callback, {ref})) ReportUnraisable("while calling weakref callback", callback);
//
// prints
//
//   Exception ignored while calling weakref callback <function f at 0x...>:
//   Traceback (most recent call last):
//     File "script.py", line 3, in f
//   ZeroDivisionError: division by zero

#ifndef ISLET_OBJECTS_UNRAISABLE_H_
#define ISLET_OBJECTS_UNRAISABLE_H_

#include <string_view>

#include "runtime/object.h"

namespace islet {

// Takes the pending exception and prints "Exception ignored <context>
// <repr(object)>:" and the exception (FormatException) to stderr.
void ReportUnraisable(std::string_view context, Object* object);

}  // namespace islet

#endif  // ISLET_OBJECTS_UNRAISABLE_H_
