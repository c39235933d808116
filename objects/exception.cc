#include "objects/exception.h"

#include "interp/interpreter.h"
#include "objects/errors.h"
#include "objects/protocol.h"
#include "objects/tuple.h"

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

}  // namespace islet
