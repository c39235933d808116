// `BaseException`: the root of the exception hierarchy. An exception holds the
// arguments it was created with; every other exception type inherits this
// behaviour (exception_type.cc).

#include <string>
#include <vector>

#include "interp/interpreter.h"
#include "objects/errors.h"
#include "objects/exception.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

ExceptionObject* AsException(Object* self) { return static_cast<ExceptionObject*>(self); }

Ref<Object> ArgsTuple(const CallArgs& args) {
  std::vector<Ref<Object>> items;
  for (Object* arg : args.positional()) items.push_back(Ref<Object>::Borrow(arg));
  return NewTuple(std::move(items));
}

bool RejectKeywords(TypeObject* type, const CallArgs& args) {
  if (args.kwnames.empty()) return true;
  Raise(WellKnown::kTypeError, StrCat(TypeDisplayName(type), "() takes no keyword arguments"));
  return false;
}

// Keyword arguments are left to __init__, so a subclass whose __init__ takes
// some can be called with them (CPython's BaseException_new ignores them too).
Ref<Object> ExceptionNew(TypeObject* type, const CallArgs& args) {
  return Interpreter::Current()->NewObject<ExceptionObject>(type, ArgsTuple(args));
}

bool ExceptionInit(Object* self, const CallArgs& args) {
  if (!RejectKeywords(self->type(), args)) return false;
  AsException(self)->args = ArgsTuple(args);
  return true;
}

// "ValueError('bad')", "ValueError(1, 2)", "ValueError()".
Ref<Object> ExceptionRepr(Object* self) {
  std::span<const Ref<Object>> args = TupleItems(AsException(self)->args.get());
  std::optional<std::string> inner =
      args.size() == 1 ? ReprText(args[0].get()) : ReprText(AsException(self)->args.get());
  if (!inner) return nullptr;
  if (args.size() != 1) return NewStr(StrCat(TypeName(self->type()), *inner));
  return NewStr(StrCat(TypeName(self->type()), "(", *inner, ")"));
}

// "" with no args, str(arg) with one, str(args) otherwise.
Ref<Object> ExceptionStr(Object* self) {
  std::span<const Ref<Object>> args = TupleItems(AsException(self)->args.get());
  if (args.empty()) return NewStr("");
  if (args.size() == 1) return Str(args[0].get());
  return Str(AsException(self)->args.get());
}

Ref<Object> ExceptionArgsGet(Object* self) { return AsException(self)->args; }

bool ExceptionArgsSet(Object* self, Object* value) {
  if (value == nullptr) {
    Raise(WellKnown::kTypeError, "args may not be deleted");
    return false;
  }
  if (!IsInstance(value, WellKnown::kTuple)) {
    Raise(WellKnown::kTypeError, "args must be a tuple");  // CPython converts; we require one
    return false;
  }
  AsException(self)->args = Ref<Object>::Borrow(value);
  return true;
}

constexpr TypeMember kBaseExceptionMembers[] = {
    Getter("args", &ExceptionArgsGet, &ExceptionArgsSet),
};

constexpr TypeSlots BaseExceptionSlots() {
  TypeSlots slots = SlotsFor<ExceptionObject>(&ExceptionObject::Clear, &ExceptionObject::Traverse);
  slots.new_instance = &ExceptionNew;
  slots.init = &ExceptionInit;
  slots.repr = &ExceptionRepr;
  slots.str = &ExceptionStr;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kBaseExceptionType, "BaseException",
                   {.flags = kTypeBaseType,
                    .slots = BaseExceptionSlots(),
                    .members = kBaseExceptionMembers});

}  // namespace islet
