#include "objects/heap_slots.h"

#include <initializer_list>
#include <optional>

#include "interp/interpreter.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/slot_wrappers.h"
#include "objects/str.h"
#include "objects/unraisable.h"
#include "objects/well_known.h"
#include "runtime/dunder.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

// ---------------------------------------------------------------------------
// Calling special methods
// ---------------------------------------------------------------------------

// The first static type along `type`'s MRO: the builtin behaviour under it.
const TypeObject* StaticBase(const TypeObject* type) {
  for (const TypeObject* entry : type->mro()) {
    if (entry->IsStaticBuiltin()) return entry;
  }
  return nullptr;
}

template <typename Fn>
Fn StaticSlot(const Object* self, Fn TypeSlots::*slot) {
  const TypeObject* base = StaticBase(self->type());
  return base != nullptr ? base->slots().*slot : nullptr;
}

// The special method `dunder` of self's type (borrowed), or nullptr.
Object* FindDunder(const Object* self, Dunder dunder) {
  return Interpreter::Current()->LookupTypeAttribute(*self->type(), DunderName(dunder));
}

// method(self, *args), `method` being found on self's type: a function or a
// builtin type's slot wrapper is called with self first (no bound method is
// made), another descriptor is bound first, anything else is called as it is.
Ref<Object> CallFound(Object* method, Object* self, const CallArgs& args) {
  Ref<Object> keep = Ref<Object>::Borrow(method);  // the call may change the type's dict
  if (method->type() == WellKnownType(WellKnown::kWrapperDescriptor)) {
    auto* wrapper = static_cast<SlotWrapperObject*>(method);
    if (self->type()->IsSubtypeOf(wrapper->owner)) return CallSlotWrapper(*wrapper, self, args);
  }
  if (method->type() == WellKnownType(WellKnown::kFunction)) return CallPrepend(method, self, args);
  Ref<Object> bound = keep;
  if (DescrGetFn get = method->type()->slots().descr_get) {
    bound = get(method, self, self->type());
    if (!bound) return nullptr;
  }
  return Call(bound.get(), args);
}

Ref<Object> CallFound(Object* method, Object* self, std::initializer_list<Object*> positional) {
  return CallFound(
      method, self,
      CallArgs{.args = std::span<Object* const>(positional.begin(), positional.size())});
}

// self.<dunder>(*args), looked up on self's type; AttributeError if it has none.
Ref<Object> CallDunder(Object* self, Dunder dunder, std::initializer_list<Object*> positional) {
  Object* method = FindDunder(self, dunder);
  if (method == nullptr) return Raise(WellKnown::kAttributeError, DunderText(dunder));
  return CallFound(method, self, positional);
}

std::string_view NameOf(const Object* object) { return TypeDisplayName(object->type()); }

// The result of a conversion method must be of `expected`: "__index__ returned
// non-int (type str)".
Ref<Object> CheckResultType(Ref<Object> result, WellKnown expected, Dunder dunder,
                            std::string_view expected_name) {
  if (result && !IsInstance(result.get(), expected)) {
    return Raise(WellKnown::kTypeError, StrCat(DunderText(dunder), " returned non-", expected_name,
                                               " (type ", NameOf(result.get()), ")"));
  }
  return result;
}

// ---------------------------------------------------------------------------
// Dispatchers: the slot functions of classes that define special methods
// ---------------------------------------------------------------------------

Ref<Object> SlotRepr(Object* self) { return CallDunder(self, Dunder::kRepr, {}); }
Ref<Object> SlotStr(Object* self) { return CallDunder(self, Dunder::kStr, {}); }

// `__hash__ = None` makes instances unhashable; a hash too big for int64 is
// reduced as int's hash reduces it.
int64_t SlotHash(Object* self) {
  Object* method = FindDunder(self, Dunder::kHash);
  if (method == nullptr || method == None()) return HashNotImplemented(self);
  Ref<Object> result = CallFound(method, self, {});
  if (!result) return -1;
  if (!IsInstance(result.get(), WellKnown::kInt)) {
    Raise(WellKnown::kTypeError, "__hash__ method should return an integer");
    return -1;
  }
  std::optional<int64_t> value = IntAsInt64(result.get());
  int64_t hash = value ? *value : Hash(result.get());
  return hash == -1 ? -2 : hash;
}

// A comparison the classes do not define is the builtin base's.
Ref<Object> SlotRichCompare(Object* self, Object* other, CompareOp op) {
  static constexpr Dunder kDunders[] = {Dunder::kLt, Dunder::kLe, Dunder::kEq,
                                        Dunder::kNe, Dunder::kGt, Dunder::kGe};
  if (Object* method = FindDunder(self, kDunders[static_cast<int>(op)])) {
    return CallFound(method, self, {other});
  }
  RichCompareFn builtin = StaticSlot(self, &TypeSlots::richcompare);
  return builtin != nullptr ? builtin(self, other, op) : NotImplementedRef();
}

// __getattribute__ (or the builtin lookup), then __getattr__ if that raised
// AttributeError.
Ref<Object> SlotGetAttr(Object* self, const Name* name) {
  Ref<Object> fallback = Ref<Object>::Borrow(FindDunder(self, Dunder::kGetAttr));
  Ref<Object> result;
  if (Object* method = FindDunder(self, Dunder::kGetAttribute)) {
    result = CallFound(method, self, {NewStr(name->text()).get()});
  } else {
    GetAttrFn builtin = StaticSlot(self, &TypeSlots::getattr);
    result = builtin != nullptr ? builtin(self, name) : GenericGetAttr(self, name);
  }
  if (result || !fallback || !ExceptionMatches(WellKnown::kAttributeError)) return result;
  ClearException();
  return CallFound(fallback.get(), self, {NewStr(name->text()).get()});
}

bool SlotSetAttr(Object* self, const Name* name, Object* value) {
  Object* method = FindDunder(self, value != nullptr ? Dunder::kSetAttr : Dunder::kDelAttr);
  if (method == nullptr) {
    SetAttrFn builtin = StaticSlot(self, &TypeSlots::setattr);
    return builtin != nullptr ? builtin(self, name, value) : GenericSetAttr(self, name, value);
  }
  Ref<Object> text = NewStr(name->text());
  Ref<Object> result = value != nullptr ? CallFound(method, self, {text.get(), value})
                                        : CallFound(method, self, {text.get()});
  return static_cast<bool>(result);
}

Ref<Object> SlotCall(Object* self, const CallArgs& args) {
  Object* method = FindDunder(self, Dunder::kCall);
  if (method == nullptr) {
    return Raise(WellKnown::kTypeError, StrCat("'", NameOf(self), "' object is not callable"));
  }
  return CallFound(method, self, args);
}

Ref<Object> SlotDescrGet(Object* self, Object* instance, TypeObject* owner) {
  return CallDunder(self, Dunder::kGet,
                    {instance != nullptr ? instance : None(), owner != nullptr ? owner : None()});
}

bool SlotDescrSet(Object* self, Object* instance, Object* value) {
  Ref<Object> result = value != nullptr ? CallDunder(self, Dunder::kSet, {instance, value})
                                        : CallDunder(self, Dunder::kDelete, {instance});
  return static_cast<bool>(result);
}

// `__iter__ = None` (and `__contains__ = None`) opt out, as in CPython.
Ref<Object> SlotIter(Object* self) {
  if (FindDunder(self, Dunder::kIter) == None()) {
    return Raise(WellKnown::kTypeError, StrCat("'", NameOf(self), "' object is not iterable"));
  }
  return CallDunder(self, Dunder::kIter, {});
}

// StopIteration from __next__ is exhaustion (null with nothing pending).
Ref<Object> SlotNext(Object* self) {
  Ref<Object> result = CallDunder(self, Dunder::kNext, {});
  if (!result && ExceptionMatches(WellKnown::kStopIteration)) ClearException();
  return result;
}

int SlotBool(Object* self) {
  Ref<Object> result = CallDunder(self, Dunder::kBool, {});
  if (!result) return -1;
  if (!IsExactly(result.get(), WellKnown::kBool)) {
    Raise(WellKnown::kTypeError,
          StrCat("__bool__ should return bool, returned ", NameOf(result.get())));
    return -1;
  }
  return result.get() == True() ? 1 : 0;
}

int64_t SlotLength(Object* self) {
  Ref<Object> result = CallDunder(self, Dunder::kLen, {});
  if (!result) return -1;
  std::optional<int64_t> length = IndexAsInt64(result.get(), WellKnown::kOverflowError,
                                               "cannot fit 'int' into an index-sized integer");
  if (!length) return -1;
  if (*length < 0) {
    Raise(WellKnown::kValueError, "__len__() should return >= 0");
    return -1;
  }
  return *length;
}

Ref<Object> SlotGetItem(Object* self, Object* key) {
  return CallDunder(self, Dunder::kGetItem, {key});
}

bool SlotSetItem(Object* self, Object* key, Object* value) {
  Ref<Object> result = value != nullptr ? CallDunder(self, Dunder::kSetItem, {key, value})
                                        : CallDunder(self, Dunder::kDelItem, {key});
  return static_cast<bool>(result);
}

int SlotContains(Object* self, Object* item) {
  if (FindDunder(self, Dunder::kContains) == None()) {
    Raise(WellKnown::kTypeError, StrCat("'", NameOf(self), "' object is not a container"));
    return -1;
  }
  Ref<Object> result = CallDunder(self, Dunder::kContains, {item});
  return result ? IsTrue(result.get()) : -1;
}

// A binary operator, CPython's SLOT1BINFULL: `left op right` tries
// left.__op__(right), then right.__rop__(left), the reflected one first when the
// right operand's class is a subclass of the left's. A method the classes do not
// define is the builtin base's slot.
Ref<Object> CallBinaryDunder(Object* self, Dunder dunder, Object* left, Object* right,
                             BinaryFn TypeSlots::*slot) {
  if (Object* method = FindDunder(self, dunder)) {
    return CallFound(method, self, {self == left ? right : left});
  }
  BinaryFn builtin = StaticSlot(self, slot);
  return builtin != nullptr ? builtin(left, right) : NotImplementedRef();
}

Ref<Object> BinarySlot(Object* left, Object* right, BinaryFn TypeSlots::*slot, BinaryFn dispatcher,
                       Dunder forward, Dunder reflected) {
  const bool same_type = left->type() == right->type();
  bool try_right = !same_type && right->type()->slots().*slot == dispatcher;
  if (left->type()->slots().*slot == dispatcher) {
    if (try_right && right->type()->IsSubtypeOf(left->type())) {
      Ref<Object> result = CallBinaryDunder(right, reflected, left, right, slot);
      if (!result || result.get() != NotImplemented()) return result;
      try_right = false;
    }
    Ref<Object> result = CallBinaryDunder(left, forward, left, right, slot);
    if (!result || result.get() != NotImplemented() || same_type) return result;
  }
  if (try_right) return CallBinaryDunder(right, reflected, left, right, slot);
  return NotImplementedRef();
}

#define ISLET_BINARY_DISPATCHERS(V)      \
  V(add, kAdd, kRAdd)                    \
  V(subtract, kSub, kRSub)               \
  V(multiply, kMul, kRMul)               \
  V(true_divide, kTrueDiv, kRTrueDiv)    \
  V(floor_divide, kFloorDiv, kRFloorDiv) \
  V(remainder, kMod, kRMod)              \
  V(power, kPow, kRPow)                  \
  V(lshift, kLShift, kRLShift)           \
  V(rshift, kRShift, kRRShift)           \
  V(bit_and, kAnd, kRAnd)                \
  V(bit_or, kOr, kROr)                   \
  V(bit_xor, kXor, kRXor)

#define ISLET_DEFINE_BINARY_DISPATCHER(slot, forward, reflected)                    \
  Ref<Object> Slot_##slot(Object* left, Object* right) {                            \
    return BinarySlot(left, right, &TypeSlots::slot, &Slot_##slot, Dunder::forward, \
                      Dunder::reflected);                                           \
  }
ISLET_BINARY_DISPATCHERS(ISLET_DEFINE_BINARY_DISPATCHER)
#undef ISLET_DEFINE_BINARY_DISPATCHER

Ref<Object> SlotNegative(Object* self) { return CallDunder(self, Dunder::kNeg, {}); }
Ref<Object> SlotPositive(Object* self) { return CallDunder(self, Dunder::kPos, {}); }
Ref<Object> SlotAbsolute(Object* self) { return CallDunder(self, Dunder::kAbs, {}); }
Ref<Object> SlotInvert(Object* self) { return CallDunder(self, Dunder::kInvert, {}); }
Ref<Object> SlotToInt(Object* self) {
  return CheckResultType(CallDunder(self, Dunder::kInt, {}), WellKnown::kInt, Dunder::kInt, "int");
}
Ref<Object> SlotToFloat(Object* self) {
  return CheckResultType(CallDunder(self, Dunder::kFloat, {}), WellKnown::kFloat, Dunder::kFloat,
                         "float");
}
Ref<Object> SlotIndex(Object* self) {
  return CheckResultType(CallDunder(self, Dunder::kIndex, {}), WellKnown::kInt, Dunder::kIndex,
                         "int");
}

// cls.__new__(cls, *args): __new__ is a static method, so it is not bound.
Ref<Object> SlotNew(TypeObject* type, const CallArgs& args) {
  Ref<Object> method = Ref<Object>::Borrow(
      Interpreter::Current()->LookupTypeAttribute(*type, DunderName(Dunder::kNew)));
  if (!method) return Raise(WellKnown::kAttributeError, "__new__");
  if (DescrGetFn get = method->type()->slots().descr_get) {
    method = get(method.get(), nullptr, type);
    if (!method) return nullptr;
  }
  return CallPrepend(method.get(), type, args);
}

bool SlotInit(Object* self, const CallArgs& args) {
  Object* method = FindDunder(self, Dunder::kInit);
  if (method == nullptr) {
    Raise(WellKnown::kAttributeError, "__init__");
    return false;
  }
  Ref<Object> result = CallFound(method, self, args);
  if (!result) return false;
  if (result.get() != None()) {
    Raise(WellKnown::kTypeError,
          StrCat("__init__() should return None, not '", NameOf(result.get()), "'"));
    return false;
  }
  return true;
}

// __del__, the finalizer (PEP 442): the object is kept alive meanwhile and may be
// resurrected. An exception it raises cannot propagate: it is reported as
// CPython reports it ("Exception ignored while calling deallocator <function
// A.__del__ at 0x...>:") and dropped; an exception already propagating when the
// object died survives it.
void SlotFinalize(Object* self) {
  Ref<Object> propagating = TakeException();
  if (Ref<Object> method = Ref<Object>::Borrow(FindDunder(self, Dunder::kDel))) {
    if (!CallFound(method.get(), self, {})) {
      ReportUnraisable("while calling deallocator", method.get());
    }
  }
  if (propagating) RaiseObject(std::move(propagating));
}

// ---------------------------------------------------------------------------
// Choosing each slot
// ---------------------------------------------------------------------------

// ISLET_HEAP_SLOTS(V): V(slot, dispatcher, special methods feeding it...).
#define ISLET_HEAP_SLOTS(V)                                     \
  V(repr, SlotRepr, kRepr)                                      \
  V(str, SlotStr, kStr)                                         \
  V(hash, SlotHash, kHash)                                      \
  V(richcompare, SlotRichCompare, kLt, kLe, kEq, kNe, kGt, kGe) \
  V(getattr, SlotGetAttr, kGetAttribute, kGetAttr)              \
  V(setattr, SlotSetAttr, kSetAttr, kDelAttr)                   \
  V(call, SlotCall, kCall)                                      \
  V(descr_get, SlotDescrGet, kGet)                              \
  V(descr_set, SlotDescrSet, kSet, kDelete)                     \
  V(iter, SlotIter, kIter)                                      \
  V(next, SlotNext, kNext)                                      \
  V(to_bool, SlotBool, kBool)                                   \
  V(length, SlotLength, kLen)                                   \
  V(getitem, SlotGetItem, kGetItem)                             \
  V(setitem, SlotSetItem, kSetItem, kDelItem)                   \
  V(contains, SlotContains, kContains)                          \
  V(add, Slot_add, kAdd, kRAdd)                                 \
  V(subtract, Slot_subtract, kSub, kRSub)                       \
  V(multiply, Slot_multiply, kMul, kRMul)                       \
  V(true_divide, Slot_true_divide, kTrueDiv, kRTrueDiv)         \
  V(floor_divide, Slot_floor_divide, kFloorDiv, kRFloorDiv)     \
  V(remainder, Slot_remainder, kMod, kRMod)                     \
  V(power, Slot_power, kPow, kRPow)                             \
  V(lshift, Slot_lshift, kLShift, kRLShift)                     \
  V(rshift, Slot_rshift, kRShift, kRRShift)                     \
  V(bit_and, Slot_bit_and, kAnd, kRAnd)                         \
  V(bit_or, Slot_bit_or, kOr, kROr)                             \
  V(bit_xor, Slot_bit_xor, kXor, kRXor)                         \
  V(negative, SlotNegative, kNeg)                               \
  V(positive, SlotPositive, kPos)                               \
  V(absolute, SlotAbsolute, kAbs)                               \
  V(invert, SlotInvert, kInvert)                                \
  V(to_int, SlotToInt, kInt)                                    \
  V(to_float, SlotToFloat, kFloat)                              \
  V(index, SlotIndex, kIndex)                                   \
  V(new_instance, SlotNew, kNew)                                \
  V(init, SlotInit, kInit)                                      \
  V(finalize, SlotFinalize, kDel)

bool Mentions(const Name* changed, std::initializer_list<Dunder> dunders) {
  if (changed == nullptr) return true;
  for (Dunder dunder : dunders) {
    if (DunderName(dunder) == changed) return true;
  }
  return false;
}

// The slot as the first class along the MRO that defines it says. A static type
// defines a slot it does not inherit; past the first static type, later heap
// classes may still define what it leaves empty (a mixin's __len__ under int).
template <typename Fn>
Fn ChooseSlot(const HeapType& type, Fn TypeSlots::*slot, Fn dispatcher,
              std::initializer_list<Dunder> dunders) {
  const TypeObject* first_static = nullptr;
  for (const TypeObject* entry : type.mro()) {
    if (entry->IsStaticBuiltin()) {
      if (first_static != nullptr) continue;
      first_static = entry;
      Fn own = entry->slots().*slot;
      if (own != nullptr && (entry->base() == nullptr || entry->base()->slots().*slot != own)) {
        return own;
      }
      continue;
    }
    const AttrTable& dict = static_cast<const HeapType*>(entry)->dict();
    for (Dunder dunder : dunders) {
      if (dict.Get(DunderName(dunder)) != nullptr) return dispatcher;
    }
  }
  return first_static != nullptr ? first_static->slots().*slot : nullptr;
}

}  // namespace

void UpdateHeapSlots(HeapType& type, const Name* changed) {
  using enum Dunder;
  TypeSlots slots = type.slots();
  bool updated = false;
#define ISLET_CHOOSE_SLOT(slot, dispatcher, ...)                                 \
  if (Mentions(changed, {__VA_ARGS__})) {                                        \
    slots.slot = ChooseSlot(type, &TypeSlots::slot, &dispatcher, {__VA_ARGS__}); \
    updated = true;                                                              \
  }
  ISLET_HEAP_SLOTS(ISLET_CHOOSE_SLOT)
#undef ISLET_CHOOSE_SLOT
  if (!updated) return;
  type.SetBehaviorSlots(slots);
  for (HeapType* subclass : type.subclasses()) UpdateHeapSlots(*subclass, changed);
}

}  // namespace islet
