// ExceptionObject: BaseException and every exception type. An exception carries
// its constructor arguments (`args`); its message is str(args[0]) when there is
// exactly one.

#ifndef ISLET_OBJECTS_EXCEPTION_H_
#define ISLET_OBJECTS_EXCEPTION_H_

#include <string>
#include <vector>

#include "runtime/object.h"
#include "runtime/type_object.h"

namespace islet {

// One frame an exception passed through on its way out, as a traceback prints it.
struct TracebackEntry {
  std::string filename;
  int line = 0;
  std::string function;
};

class ExceptionObject : public Object {
 public:
  explicit ExceptionObject(Ref<Object> args) : args(std::move(args)) {}

  Ref<Object> args;  // a tuple
  // The frames it was raised through, innermost first (CPython's __traceback__,
  // as plain data; the language records them, lang/traceback.h).
  std::vector<TracebackEntry> traceback;

  static void Clear(Object* self) { static_cast<ExceptionObject*>(self)->args.reset(); }
  static void Traverse(Object* self, const Visitor& visit) {
    visit(static_cast<ExceptionObject*>(self)->args);
  }
};

// A new exception of `type` (an exception type) with the given args tuple.
Ref<Object> NewException(TypeObject* type, Ref<Object> args);
// str(exception) as CPython prints it after "TypeName: ": "" for no args, str of
// the single arg, else the args tuple's repr. Empty on failure (and clears it).
std::string ExceptionMessage(Object* exception);
// The name CPython prints an exception's type by: qualified by its module unless
// that is builtins or __main__ ("ValueError", "concurrent.interpreters.QueueEmpty").
std::string ExceptionTypeName(const TypeObject* type);
// What CPython prints for an exception: its traceback, if it passed through any
// frame ("Traceback (most recent call last):" and a "  File ..., line N, in f"
// line per frame, outermost first), then "TypeName: message" (or "TypeName"),
// each line ending in "\n".
std::string FormatException(Object* exception);

}  // namespace islet

#endif  // ISLET_OBJECTS_EXCEPTION_H_
