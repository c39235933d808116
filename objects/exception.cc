#include "objects/exception.h"

#include "interp/interpreter.h"
#include "objects/errors.h"
#include "objects/protocol.h"
#include "objects/tuple.h"
#include "runtime/str_cat.h"

namespace islet {

Ref<Object> NewException(TypeObject* type, Ref<Object> args) {
  return Interpreter::Current()->NewObject<ExceptionObject>(type, std::move(args));
}

std::string ExceptionMessage(Object* exception) {
  Ref<Object> pending = TakeException();  // str() below must not see it
  std::optional<std::string> text = StrText(exception);
  if (!text) ClearException();
  if (pending) RaiseObject(std::move(pending));
  return text.value_or("");
}

std::string ExceptionTypeName(const TypeObject* type) {
  const std::string_view module = TypeModule(type);
  return module == "builtins" || module == "__main__" ? std::string(TypeQualName(type))
                                                      : FullyQualifiedName(type);
}

std::string FormatException(Object* exception) {
  std::string out;
  const std::vector<TracebackEntry>& traceback =
      static_cast<ExceptionObject*>(exception)->traceback;
  if (!traceback.empty()) {
    out = "Traceback (most recent call last):\n";
    for (auto it = traceback.rbegin(); it != traceback.rend(); ++it) {
      out += StrCat("  File \"", it->filename, "\", line ", it->line, ", in ", it->function, "\n");
    }
  }
  const std::string type_name = ExceptionTypeName(exception->type());
  const std::string message = ExceptionMessage(exception);
  return out + (message.empty() ? StrCat(type_name, "\n") : StrCat(type_name, ": ", message, "\n"));
}

}  // namespace islet
