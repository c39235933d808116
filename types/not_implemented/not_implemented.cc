// `NotImplementedType`: the type of the immortal singleton NotImplemented, which
// binary operations return to let the other operand try.

#include "objects/errors.h"
#include "objects/singletons.h"
#include "objects/str.h"

namespace islet {
namespace {

Ref<Object> NotImplementedRepr(Object*) { return NewStr("NotImplemented"); }

// An error since CPython 3.14.
int NotImplementedToBool(Object*) {
  Raise(WellKnown::kTypeError, "NotImplemented should not be used in a boolean context");
  return -1;
}

Ref<Object> NotImplementedNew(TypeObject*, const CallArgs& args) {
  if (!args.args.empty()) {
    return Raise(WellKnown::kTypeError, "NotImplementedType takes no arguments");
  }
  return NotImplementedRef();
}

constexpr TypeSlots NotImplementedSlots() {
  TypeSlots slots;
  slots.repr = &NotImplementedRepr;
  slots.to_bool = &NotImplementedToBool;
  slots.new_instance = &NotImplementedNew;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kNotImplementedType, "NotImplementedType", {.slots = NotImplementedSlots()});

}  // namespace islet
