#include "lang/traceback.h"

#include <string>
#include <vector>

#include "interp/interpreter.h"
#include "objects/errors.h"
#include "objects/exception.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/well_known.h"
#include "runtime/str_cat.h"

namespace islet::lang {
namespace {

// A SyntaxError as CPython shows it: where, the source line, a caret. Its
// details are read through its attributes (types/exceptions/syntax_error.cc
// knows their layout in args); empty if it has none.
std::string FormatSyntaxError(Object* exception, const std::string& type_name) {
  Ref<Object> message = GetAttr(exception, "msg");
  Ref<Object> filename = message ? GetAttr(exception, "filename") : nullptr;
  Ref<Object> lineno = filename ? GetAttr(exception, "lineno") : nullptr;
  Ref<Object> offset = lineno ? GetAttr(exception, "offset") : nullptr;
  Ref<Object> text = offset ? GetAttr(exception, "text") : nullptr;
  if (!text) {
    ClearException();
    return {};
  }
  if (lineno.get() == None()) return {};
  std::optional<std::string> where_file = StrText(filename.get());
  std::optional<std::string> where_line = StrText(lineno.get());
  std::optional<std::string> what = StrText(message.get());
  if (!where_file || !where_line || !what) {
    ClearException();
    return {};
  }
  std::string out = StrCat("  File \"", *where_file, "\", line ", *where_line, "\n");
  if (IsInstance(text.get(), WellKnown::kStr) && offset.get() == None()) {
    // No column: the line alone, even when blank, as CPython prints it.
    std::string_view line = StrView(text.get());
    out += StrCat("    ", line.substr(std::min(line.size(), line.find_first_not_of(" \f"))), "\n");
  } else if (IsInstance(text.get(), WellKnown::kStr)) {
    std::string_view line = StrView(text.get());
    size_t start = line.find_first_not_of(" \t\f");
    if (start != std::string_view::npos) {
      int64_t column = 1;
      if (IsInstance(offset.get(), WellKnown::kInt)) {
        if (std::optional<int64_t> value = IntAsInt64(offset.get())) column = *value;
      }
      out += StrCat("    ", line.substr(start), "\n");
      int64_t caret = column - 1 - static_cast<int64_t>(start);
      out += StrCat("    ", std::string(caret > 0 ? caret : 0, ' '), "^\n");
    }
  }
  return out + StrCat(type_name, ": ", *what, "\n");
}

}  // namespace

void RecordTraceback(std::string_view filename, int line, std::string_view function) {
  Object* exception = Interpreter::Current()->pending_exception();
  if (exception == nullptr || !IsInstance(exception, WellKnown::kBaseException)) return;
  static_cast<ExceptionObject*>(exception)->traceback.push_back(
      {std::string(filename), line, std::string(function)});
}

std::string FormatUncaught(Object* exception) {
  if (IsInstance(exception, WellKnown::kSyntaxError)) {
    std::string formatted = FormatSyntaxError(exception, ExceptionTypeName(exception->type()));
    if (!formatted.empty()) return formatted;
  }
  return FormatException(exception);
}

}  // namespace islet::lang
