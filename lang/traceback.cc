#include "lang/traceback.h"

#include <string>
#include <vector>

#include "interp/interpreter.h"
#include "objects/errors.h"
#include "objects/exception.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/well_known.h"
#include "runtime/str_cat.h"

namespace islet::lang {
namespace {

// SyntaxError's args: (msg, (filename, lineno, offset, text, ...)).
std::string FormatSyntaxError(Object* exception, const std::string& type_name) {
  auto* error = static_cast<ExceptionObject*>(exception);
  std::span<const Ref<Object>> args = TupleItems(error->args.get());
  if (args.size() != 2 || !IsInstance(args[1].get(), WellKnown::kTuple)) return {};
  std::span<const Ref<Object>> details = TupleItems(args[1].get());
  if (details.size() < 4) return {};
  std::optional<std::string> filename = StrText(details[0].get());
  std::optional<std::string> line = StrText(details[1].get());
  std::optional<std::string> message = StrText(args[0].get());
  if (!filename || !line || !message) {
    ClearException();
    return {};
  }
  std::string out = StrCat("  File \"", *filename, "\", line ", *line, "\n");
  if (IsInstance(details[3].get(), WellKnown::kStr)) {
    std::string_view text = StrView(details[3].get());
    size_t start = text.find_first_not_of(" \t\f");
    if (start != std::string_view::npos) {
      int64_t offset = 1;
      if (IsInstance(details[2].get(), WellKnown::kInt)) {
        if (std::optional<int64_t> value = IntAsInt64(details[2].get())) offset = *value;
      }
      out += StrCat("    ", text.substr(start), "\n");
      int64_t caret = offset - 1 - static_cast<int64_t>(start);
      out += StrCat("    ", std::string(caret > 0 ? caret : 0, ' '), "^\n");
    }
  }
  return out + StrCat(type_name, ": ", *message, "\n");
}

}  // namespace

void RecordTraceback(std::string_view filename, int line, std::string_view function) {
  Object* exception = Interpreter::Current()->pending_exception();
  if (exception == nullptr || !IsInstance(exception, WellKnown::kBaseException)) return;
  static_cast<ExceptionObject*>(exception)->traceback.push_back(
      {std::string(filename), line, std::string(function)});
}

std::string FormatUncaught(Object* exception) {
  TypeObject* type = exception->type();
  const std::string_view module = TypeModule(type);
  std::string type_name = module == "builtins" || module == "__main__"
                              ? std::string(TypeQualName(type))
                              : FullyQualifiedName(type);
  if (IsInstance(exception, WellKnown::kSyntaxError)) {
    std::string formatted = FormatSyntaxError(exception, type_name);
    if (!formatted.empty()) return formatted;
  }
  std::string out;
  const std::vector<TracebackEntry>& traceback =
      static_cast<ExceptionObject*>(exception)->traceback;
  if (!traceback.empty()) {
    out = "Traceback (most recent call last):\n";
    for (auto it = traceback.rbegin(); it != traceback.rend(); ++it) {
      out += StrCat("  File \"", it->filename, "\", line ", it->line, ", in ", it->function, "\n");
    }
  }
  std::string message = ExceptionMessage(exception);
  out += message.empty() ? StrCat(type_name, "\n") : StrCat(type_name, ": ", message, "\n");
  return out;
}

}  // namespace islet::lang
