// `NoneType`: the type of the immortal singleton None.

#include "objects/args.h"
#include "objects/errors.h"
#include "objects/singletons.h"
#include "objects/str.h"

namespace islet {
namespace {

Ref<Object> NoneRepr(Object*) { return NewStr("None"); }
int NoneToBool(Object*) { return 0; }
// Constant since CPython 3.12, so it is the same in every process.
int64_t NoneHash(Object*) { return 0xFCA86420; }

Ref<Object> NoneNew(TypeObject*, const CallArgs& args) {
  if (!args.args.empty()) return Raise(WellKnown::kTypeError, "NoneType takes no arguments");
  return NoneRef();
}

constexpr TypeSlots NoneSlots() {
  TypeSlots slots;
  slots.repr = &NoneRepr;
  slots.to_bool = &NoneToBool;
  slots.hash = &NoneHash;
  slots.new_instance = &NoneNew;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kNoneType, "NoneType", {.slots = NoneSlots()});

}  // namespace islet
