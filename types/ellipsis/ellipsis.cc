// `ellipsis`: the type of the immortal singleton Ellipsis (`...`).

#include "objects/errors.h"
#include "objects/singletons.h"
#include "objects/str.h"

namespace islet {
namespace {

Ref<Object> EllipsisRepr(Object*) { return NewStr("Ellipsis"); }

Ref<Object> EllipsisNew(TypeObject*, const CallArgs& args) {
  if (!args.args.empty()) return Raise(WellKnown::kTypeError, "ellipsis takes no arguments");
  return Ref<Object>::Borrow(Ellipsis());
}

constexpr TypeSlots EllipsisSlots() {
  TypeSlots slots;
  slots.repr = &EllipsisRepr;
  slots.new_instance = &EllipsisNew;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kEllipsisType, "ellipsis", {.slots = EllipsisSlots()});

}  // namespace islet
