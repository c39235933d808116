// `concurrent.interpreters.ExecutionFailed` (base InterpreterError): raised by
// Interpreter.exec() when the code raised in its interpreter. The exception
// itself stays there; `excinfo` describes it (type, with __name__,
// __qualname__ and __module__; msg; formatted). As CPython's, the message is
// excinfo.formatted ("ValueError: boom"), or "TypeName: msg" without one:
//
//   ExecutionFailed(excinfo)   # str(e) == excinfo.formatted

#include <string>

#include "interp/interpreter.h"
#include "objects/args.h"
#include "objects/errors.h"
#include "objects/exception.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/well_known.h"
#include "runtime/static_type.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

class ExecutionFailedObject : public ExceptionObject {
 public:
  ExecutionFailedObject(Ref<Object> args, Ref<Object> excinfo)
      : ExceptionObject(std::move(args)), excinfo(std::move(excinfo)) {}
  Ref<Object> excinfo;

  static void Clear(Object* self) {
    ExceptionObject::Clear(self);
    static_cast<ExecutionFailedObject*>(self)->excinfo.reset();
  }
  static void Traverse(Object* self, const Visitor& visit) {
    ExceptionObject::Traverse(self, visit);
    visit(static_cast<ExecutionFailedObject*>(self)->excinfo);
  }
};

ExecutionFailedObject* AsFailed(Object* self) { return static_cast<ExecutionFailedObject*>(self); }

// The message CPython's ExecutionFailed.__init__ computes: excinfo.formatted;
// failing that "TypeName: msg" when both are there, else the one that is.
Ref<Object> MessageOf(Object* excinfo) {
  Ref<Object> formatted = GetAttr(excinfo, "formatted");
  if (!formatted) return nullptr;
  int truth = IsTrue(formatted.get());
  if (truth < 0) return nullptr;
  if (truth) return formatted;
  Ref<Object> type = GetAttr(excinfo, "type");
  if (!type) return nullptr;
  Ref<Object> msg = GetAttr(excinfo, "msg");
  if (!msg) return nullptr;
  int has_type = IsTrue(type.get());
  int has_msg = IsTrue(msg.get());
  if (has_type < 0 || has_msg < 0) return nullptr;
  if (has_type && has_msg) {
    Ref<Object> name = GetAttr(type.get(), "__name__");
    if (!name) return nullptr;
    std::optional<std::string> name_text = StrText(name.get());
    std::optional<std::string> msg_text = StrText(msg.get());
    if (!name_text || !msg_text) return nullptr;
    return NewStr(StrCat(*name_text, ": ", *msg_text));
  }
  Ref<Object> name = GetAttr(type.get(), "__name__");
  if (!name) return nullptr;
  truth = IsTrue(name.get());
  if (truth < 0) return nullptr;
  return truth ? name : msg;
}

bool BindExcinfo(const CallArgs& args, Object** excinfo) {
  return BindArgs(args, {.function = "ExecutionFailed", .names = {"excinfo"}, .required = 1},
                  std::span<Object*>(excinfo, 1));
}

Ref<Object> ExecutionFailedNew(TypeObject* type, const CallArgs& args) {
  Object* excinfo;
  if (!BindExcinfo(args, &excinfo)) return nullptr;
  Ref<Object> message = MessageOf(excinfo);
  if (!message) return nullptr;
  return Interpreter::Current()->NewObject<ExecutionFailedObject>(type, NewTuple({message.get()}),
                                                                  Ref<Object>::Borrow(excinfo));
}

bool ExecutionFailedInit(Object* self, const CallArgs& args) {
  Object* excinfo;
  if (!BindExcinfo(args, &excinfo)) return false;
  Ref<Object> message = MessageOf(excinfo);
  if (!message) return false;
  AsFailed(self)->args = NewTuple({message.get()});
  AsFailed(self)->excinfo = Ref<Object>::Borrow(excinfo);
  return true;
}

Ref<Object> ExcinfoGet(Object* self) {
  if (!AsFailed(self)->excinfo) {
    return Raise(WellKnown::kAttributeError, "'ExecutionFailed' object has no attribute 'excinfo'");
  }
  return AsFailed(self)->excinfo;
}

bool ExcinfoSet(Object* self, Object* value) {
  AsFailed(self)->excinfo = Ref<Object>::Borrow(value);  // null deletes it
  return true;
}

constexpr TypeMember kExecutionFailedMembers[] = {
    Getter("excinfo", &ExcinfoGet, &ExcinfoSet),
};

constexpr TypeSlots ExecutionFailedSlots() {
  TypeSlots slots = SlotsFor<ExecutionFailedObject>(&ExecutionFailedObject::Clear,
                                                    &ExecutionFailedObject::Traverse);
  slots.new_instance = &ExecutionFailedNew;
  slots.init = &ExecutionFailedInit;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kExecutionFailedType, "concurrent.interpreters.ExecutionFailed",
                   {.base = "concurrent.interpreters.InterpreterError",
                    .flags = kTypeBaseType,
                    .slots = ExecutionFailedSlots(),
                    .members = kExecutionFailedMembers});

}  // namespace islet
