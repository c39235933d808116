// `bool`: the subclass of int whose only instances are the immortal True and
// False. It cannot be subclassed. &, | and ^ of two bools give a bool; every
// other operation, and these with any other int, behave as for ints.

#include "objects/args.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/well_known.h"
#include "runtime/static_type.h"

namespace islet {
namespace {

bool IsBool(const Object* object) { return IsInstance(object, WellKnown::kBool); }

Ref<Object> BoolRepr(Object* self) { return NewStr(self == True() ? "True" : "False"); }

// bool(x=False, /): the truth of x.
Ref<Object> BoolNew(TypeObject*, const CallArgs& args) {
  if (!CheckPositional(args, "bool", 0, 1)) return nullptr;
  if (args.args.empty()) return BoolRef(false);
  int truth = IsTrue(args.args[0]);
  if (truth < 0) return nullptr;
  return BoolRef(truth != 0);
}

// The int slot `slot` of bool's base, for operands that are not both bools.
Ref<Object> AsInts(BinaryFn TypeSlots::*slot, Object* a, Object* b) {
  return (WellKnownType(WellKnown::kInt)->slots().*slot)(a, b);
}

Ref<Object> BoolAnd(Object* a, Object* b) {
  if (!IsBool(a) || !IsBool(b)) return AsInts(&TypeSlots::bit_and, a, b);
  return BoolRef(a == True() && b == True());
}

Ref<Object> BoolOr(Object* a, Object* b) {
  if (!IsBool(a) || !IsBool(b)) return AsInts(&TypeSlots::bit_or, a, b);
  return BoolRef(a == True() || b == True());
}

Ref<Object> BoolXor(Object* a, Object* b) {
  if (!IsBool(a) || !IsBool(b)) return AsInts(&TypeSlots::bit_xor, a, b);
  return BoolRef((a == True()) != (b == True()));
}

constexpr TypeSlots BoolSlots() {
  TypeSlots slots = SlotsFor<IntObject>();
  slots.repr = &BoolRepr;
  slots.bit_and = &BoolAnd;
  slots.bit_or = &BoolOr;
  slots.bit_xor = &BoolXor;
  slots.new_instance = &BoolNew;
  return slots;
}

}  // namespace

// No kTypeBaseType: "type 'bool' is not an acceptable base type".
ISLET_BUILTIN_TYPE(kBoolType, "bool", {.base = "int", .slots = BoolSlots()});

}  // namespace islet
