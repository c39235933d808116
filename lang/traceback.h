// Tracebacks: where an exception passed on its way out, for the message an
// uncaught exception prints ("Traceback (most recent call last): ...").
//
// A frame that ends with an exception adds its file, line and function to the
// exception object's own list (ExceptionObject::traceback), so the traceback
// travels with the exception, across re-raises too.
//
//   if (!ExecMain(source, "script.py")) {
//     Ref<Object> error = TakeException();
//     std::fputs(FormatUncaught(error.get()).c_str(), stderr);
//   }

#ifndef ISLET_LANG_TRACEBACK_H_
#define ISLET_LANG_TRACEBACK_H_

#include <string>
#include <string_view>

#include "runtime/object.h"

namespace islet::lang {

// Adds a "File ..., line N, in name" entry to the pending exception's traceback.
void RecordTraceback(std::string_view filename, int line, std::string_view function);

// What CPython prints for an uncaught exception: its traceback (if any), then
// "TypeName: message" (with the type's module unless that is builtins or
// __main__), each line ending in "\n". A SyntaxError shows the file, line,
// source text and a caret instead.
std::string FormatUncaught(Object* exception);

}  // namespace islet::lang

#endif  // ISLET_LANG_TRACEBACK_H_
