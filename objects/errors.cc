#include "objects/errors.h"

#include "interp/interpreter.h"
#include "objects/exception.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/str_cat.h"

namespace islet {

std::nullptr_t Raise(WellKnown type, std::string_view message) {
  if (WellKnownType(type) == nullptr || WellKnownType(WellKnown::kStr) == nullptr ||
      WellKnownType(WellKnown::kTuple) == nullptr) {
    // A runtime linked without the exception types (//:islet_core): still fail
    // safely, with a bare object as the exception.
    return RaiseObject(
        Interpreter::Current()->NewObject<Object>(WellKnownType(WellKnown::kObject)));
  }
  return Raise(WellKnownType(type), message);
}

std::nullptr_t Raise(TypeObject* type, std::string_view message) {
  Ref<Object> text = NewStr(message);
  return RaiseObject(NewException(type, NewTuple({text.get()})));
}

std::nullptr_t RaiseObject(Ref<Object> exception) {
  Interpreter::Current()->set_pending_exception(std::move(exception));
  return nullptr;
}

void RaiseStackOverflow(std::string_view where) {
  Raise(WellKnown::kRecursionError,
        StrCat("Stack overflow (used ", StackBytesUsed() / 1024, " kB)", where));
}

bool ExceptionPending() { return Interpreter::Current()->pending_exception() != nullptr; }

bool ExceptionMatches(WellKnown type) { return ExceptionMatches(WellKnownType(type)); }

bool ExceptionMatches(TypeObject* type) {
  Object* pending = Interpreter::Current()->pending_exception();
  return pending != nullptr && pending->type()->IsSubtypeOf(type);
}

Ref<Object> TakeException() { return Interpreter::Current()->take_pending_exception(); }

void ClearException() { Interpreter::Current()->take_pending_exception().reset(); }

absl::Status TakeExceptionAsStatus() {
  Ref<Object> exception = TakeException();
  if (!exception) return absl::InternalError("an operation failed without raising an exception");
  if (WellKnownType(WellKnown::kBaseException) == nullptr ||
      !exception->type()->IsSubtypeOf(WellKnownType(WellKnown::kBaseException))) {
    return absl::InternalError("an operation failed (exception types are not linked)");
  }
  std::string message = ExceptionMessage(exception.get());
  std::string text =
      StrCat(TypeDisplayName(exception->type()), message.empty() ? "" : ": ", message);
  auto is = [&](WellKnown type) { return exception->type()->IsSubtypeOf(WellKnownType(type)); };
  if (is(WellKnown::kTypeError) || is(WellKnown::kValueError)) {
    return absl::InvalidArgumentError(text);
  }
  if (is(WellKnown::kLookupError) || is(WellKnown::kAttributeError) || is(WellKnown::kNameError)) {
    return absl::NotFoundError(text);
  }
  if (is(WellKnown::kArithmeticError)) return absl::OutOfRangeError(text);
  if (is(WellKnown::kMemoryError)) return absl::ResourceExhaustedError(text);
  return absl::UnknownError(text);
}

}  // namespace islet
