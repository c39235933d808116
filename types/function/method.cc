// `method`: a function bound to its first argument (objects/function.h), what
// looking a function up through an instance gives, and what a classmethod gives
// bound to the class. Other attributes are the function's: m.__name__.

#include <cstdint>
#include <optional>
#include <string>

#include "interp/interpreter.h"
#include "objects/args.h"
#include "objects/errors.h"
#include "objects/function.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/well_known.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

MethodObject* AsMethod(Object* object) { return static_cast<MethodObject*>(object); }

// function(self, *args, **kwargs).
Ref<Object> MethodCall(Object* object, const CallArgs& args) {
  Ref<Object> keep = Ref<Object>::Borrow(object);  // the call may drop other references to it
  MethodObject* method = AsMethod(object);
  return CallPrepend(method->function.get(), method->self.get(), args);
}

// The function's __qualname__, else its __name__, if it is a str; "?" if it has
// neither. Errors other than a missing attribute propagate.
std::optional<std::string> FunctionName(Object* function) {
  for (std::string_view attribute : {"__qualname__", "__name__"}) {
    Ref<Object> name = GetAttr(function, attribute);
    if (!name) {
      if (!ExceptionMatches(WellKnown::kAttributeError)) return std::nullopt;
      ClearException();
      continue;
    }
    if (IsInstance(name.get(), WellKnown::kStr)) return std::string(StrView(name.get()));
    return "?";
  }
  return "?";
}

// "<bound method C.make of <class '__main__.C'>>".
Ref<Object> MethodRepr(Object* object) {
  MethodObject* method = AsMethod(object);
  std::optional<std::string> name = FunctionName(method->function.get());
  if (!name) return nullptr;
  std::optional<std::string> self = ReprText(method->self.get());
  if (!self) return nullptr;
  return NewStr(StrCat("<bound method ", *name, " of ", *self, ">"));
}

// Equal when bound to the same object and their functions are equal.
Ref<Object> MethodRichCompare(Object* object, Object* other, CompareOp op) {
  if ((op != CompareOp::kEq && op != CompareOp::kNe) || other->type() != object->type()) {
    return NotImplementedRef();
  }
  MethodObject* left = AsMethod(object);
  MethodObject* right = AsMethod(other);
  int equal = left->self.get() == right->self.get()
                  ? RichCompareBool(left->function.get(), right->function.get(), CompareOp::kEq)
                  : 0;
  if (equal < 0) return nullptr;
  return BoolRef((equal == 1) == (op == CompareOp::kEq));
}

// CPython's: the bound object's identity, mixed with the function's hash.
int64_t MethodHash(Object* object) {
  if (!CheckStack(" while getting the hash of an object")) return -1;  // a method of a method ...
  MethodObject* method = AsMethod(object);
  int64_t function_hash = Hash(method->function.get());
  if (function_hash == -1) return -1;
  uint64_t bits = reinterpret_cast<uintptr_t>(method->self.get());
  int64_t hash = static_cast<int64_t>((bits >> 4) | (bits << 60)) ^ function_hash;
  return hash == -1 ? -2 : hash;
}

Ref<Object> MethodFunc(Object* object) { return AsMethod(object)->function; }
Ref<Object> MethodSelf(Object* object) { return AsMethod(object)->self; }

constexpr TypeMember kMethodMembers[] = {
    Getter("__func__", &MethodFunc),
    Getter("__self__", &MethodSelf),
};

// method(function, instance), as types.MethodType is called.
Ref<Object> MethodNew(TypeObject*, const CallArgs& args) {
  if (!CheckNoKeywords(args, "method") || !CheckPositional(args, "method", 2, 2)) return nullptr;
  Object* function = args.args[0];
  Object* instance = args.args[1];
  if (function->type()->slots().call == nullptr) {
    return Raise(WellKnown::kTypeError, "first argument must be callable");
  }
  if (instance == None()) return Raise(WellKnown::kTypeError, "instance must not be None");
  return NewMethod(Ref<Object>::Borrow(function), Ref<Object>::Borrow(instance));
}

// The method type's own attributes first, then the function's.
Ref<Object> MethodGetAttr(Object* object, const Name* name) {
  Interpreter& interp = *Interpreter::Current();
  if (Object* descriptor = interp.LookupTypeAttribute(*object->type(), name)) {
    Ref<Object> keep = Ref<Object>::Borrow(descriptor);
    if (DescrGetFn get = descriptor->type()->slots().descr_get) {
      return get(descriptor, object, object->type());
    }
    return keep;
  }
  return GetAttr(AsMethod(object)->function.get(), name);
}

constexpr TypeSlots MethodSlots() {
  TypeSlots slots = SlotsFor<MethodObject>(&MethodObject::Clear, &MethodObject::Traverse);
  slots.repr = &MethodRepr;
  slots.call = &MethodCall;
  slots.richcompare = &MethodRichCompare;
  slots.hash = &MethodHash;
  slots.getattr = &MethodGetAttr;
  slots.new_instance = &MethodNew;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kMethodType, "method", {.slots = MethodSlots(), .members = kMethodMembers});

}  // namespace islet
