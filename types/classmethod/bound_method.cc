// `bound_method`: see bound_method.h.

#include "types/classmethod/bound_method.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "interp/interpreter.h"
#include "objects/errors.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/well_known.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

class BoundMethodObject : public Object {
 public:
  BoundMethodObject(Ref<Object> function, Ref<Object> self)
      : function(std::move(function)), self(std::move(self)) {}
  Ref<Object> function;
  Ref<Object> self;

  static void Clear(Object* object) {
    auto* method = static_cast<BoundMethodObject*>(object);
    method->function.reset();
    method->self.reset();
  }
};

BoundMethodObject* AsMethod(Object* object) { return static_cast<BoundMethodObject*>(object); }

// function(self, *args, **kwargs).
Ref<Object> BoundMethodCall(Object* object, const CallArgs& args) {
  Ref<Object> keep = Ref<Object>::Borrow(object);  // the call may drop other references to it
  BoundMethodObject* method = AsMethod(object);
  std::vector<Object*> arguments;
  arguments.reserve(args.args.size() + 1);
  arguments.push_back(method->self.get());
  arguments.insert(arguments.end(), args.args.begin(), args.args.end());
  return Call(method->function.get(), CallArgs{.args = arguments, .kwnames = args.kwnames});
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
Ref<Object> BoundMethodRepr(Object* object) {
  BoundMethodObject* method = AsMethod(object);
  std::optional<std::string> name = FunctionName(method->function.get());
  if (!name) return nullptr;
  std::optional<std::string> self = ReprText(method->self.get());
  if (!self) return nullptr;
  return NewStr(StrCat("<bound method ", *name, " of ", *self, ">"));
}

// Equal when bound to the same object and their functions are equal.
Ref<Object> BoundMethodRichCompare(Object* object, Object* other, CompareOp op) {
  if ((op != CompareOp::kEq && op != CompareOp::kNe) || other->type() != object->type()) {
    return NotImplementedRef();
  }
  BoundMethodObject* left = AsMethod(object);
  BoundMethodObject* right = AsMethod(other);
  int equal = left->self.get() == right->self.get()
                  ? RichCompareBool(left->function.get(), right->function.get(), CompareOp::kEq)
                  : 0;
  if (equal < 0) return nullptr;
  return BoolRef((equal == 1) == (op == CompareOp::kEq));
}

// CPython's: the bound object's identity, mixed with the function's hash.
int64_t BoundMethodHash(Object* object) {
  BoundMethodObject* method = AsMethod(object);
  int64_t function_hash = Hash(method->function.get());
  if (function_hash == -1) return -1;
  uint64_t bits = reinterpret_cast<uintptr_t>(method->self.get());
  int64_t hash = static_cast<int64_t>((bits >> 4) | (bits << 60)) ^ function_hash;
  return hash == -1 ? -2 : hash;
}

Ref<Object> BoundMethodFunc(Object* object) { return AsMethod(object)->function; }
Ref<Object> BoundMethodSelf(Object* object) { return AsMethod(object)->self; }

constexpr TypeMember kBoundMethodMembers[] = {
    Getter("__func__", &BoundMethodFunc),
    Getter("__self__", &BoundMethodSelf),
};

constexpr TypeSlots BoundMethodSlots() {
  TypeSlots slots = SlotsFor<BoundMethodObject>(&BoundMethodObject::Clear);
  slots.repr = &BoundMethodRepr;
  slots.call = &BoundMethodCall;
  slots.richcompare = &BoundMethodRichCompare;
  slots.hash = &BoundMethodHash;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kBoundMethodType, "bound_method",
                   {.slots = BoundMethodSlots(), .members = kBoundMethodMembers});

Ref<Object> NewBoundMethod(Ref<Object> function, Ref<Object> self) {
  return Interpreter::Current()->NewObject<BoundMethodObject>(&kBoundMethodType,
                                                              std::move(function), std::move(self));
}

}  // namespace islet
