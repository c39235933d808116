#include "types/set/test_key.h"

#include <string>

#include "interp/interpreter.h"
#include "objects/errors.h"
#include "objects/set.h"
#include "objects/singletons.h"
#include "objects/str.h"

namespace islet::testing {
namespace {

KeyObject* AsKey(Object* self) { return static_cast<KeyObject*>(self); }

int64_t KeyHash(Object* self) {
  int64_t value = AsKey(self)->value;
  if (value == kUnhashable) {
    Raise(WellKnown::kValueError, "no hash");
    return -1;
  }
  return value == -1 ? -2 : value;  // as int's hash
}

Ref<Object> KeyRichCompare(Object* self, Object* other, CompareOp op) {
  if (other->type() != &kTestKeyType || (op != CompareOp::kEq && op != CompareOp::kNe)) {
    return NotImplementedRef();
  }
  for (KeyObject* key : {AsKey(self), AsKey(other)}) {
    if (key->value == kBadCompare) return Raise(WellKnown::kValueError, "cannot compare");
    if (key->clear_on_compare) static_cast<SetObject*>(key->clear_on_compare.get())->ClearItems();
  }
  return BoolRef((AsKey(self)->value == AsKey(other)->value) == (op == CompareOp::kEq));
}

Ref<Object> KeyRepr(Object* self) { return NewStr(std::to_string(AsKey(self)->value)); }

constexpr TypeSlots KeySlots() {
  TypeSlots slots = SlotsFor<KeyObject>(&KeyObject::Clear, &KeyObject::Traverse);
  slots.hash = &KeyHash;
  slots.richcompare = &KeyRichCompare;
  slots.repr = &KeyRepr;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kTestKeyType, "test_key", {.slots = KeySlots()});

Ref<Object> NewTestKey(int64_t value) {
  return Interpreter::Current()->NewObject<KeyObject>(&kTestKeyType, value);
}

}  // namespace islet::testing
