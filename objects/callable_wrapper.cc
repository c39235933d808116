#include "objects/callable_wrapper.h"

#include <optional>
#include <string>
#include <string_view>

#include "interp/interpreter.h"
#include "interp/ownership.h"
#include "objects/args.h"
#include "objects/errors.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

CallableWrapperObject* AsWrapper(Object* self) { return static_cast<CallableWrapperObject*>(self); }

// "classmethod" or "staticmethod": the builtin type nearest the object's class.
std::string_view Kind(const Object* self) {
  for (const TypeObject* type : self->type()->mro()) {
    if (type->IsStaticBuiltin()) return type->name();
  }
  return self->type()->name();
}

}  // namespace

Ref<Object> WrappedCallable(Object* self) {
  Ref<Object> callable = AsWrapper(self)->callable;
  if (!callable) {
    return Raise(WellKnown::kRuntimeError, StrCat("uninitialized ", Kind(self), " object"));
  }
  return callable;
}

Ref<Object> CallableWrapperNew(TypeObject* type, const CallArgs&) {
  return Interpreter::Current()->NewObject<CallableWrapperObject>(type);
}

bool CallableWrapperInit(Object* self, const CallArgs& args) {
  if (!CheckPositional(args, Kind(self), 1, 1)) return false;
  if (!CheckOwnedIfChecked(self) || !CheckOwnedIfChecked(args.args[0])) return false;
  AsWrapper(self)->callable = Ref<Object>::Borrow(args.args[0]);
  return true;
}

Ref<Object> CallableWrapperRepr(Object* self) {
  Ref<Object> callable = WrappedCallable(self);
  if (!callable) return nullptr;
  std::optional<std::string> text = ReprText(callable.get());
  if (!text) return nullptr;
  return NewStr(StrCat("<", Kind(self), "(", *text, ")>"));
}

}  // namespace islet
