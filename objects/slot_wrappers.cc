#include "objects/slot_wrappers.h"

#include "objects/descriptors.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/well_known.h"
#include "runtime/dunder.h"
#include "runtime/str_cat.h"

namespace islet {

// One special method: its name, whether a type defines the slot behind it, and
// how a call reaches the slot of the type that owns the wrapper.
struct SlotWrapperDef {
  Dunder dunder;
  bool (*defined_by)(const TypeObject& type);
  Ref<Object> (*call)(const TypeObject& owner, Object* self, const CallArgs& args);
};

namespace {

// The type defines the slot itself (what its base has it inherited).
template <typename Fn, Fn TypeSlots::*kSlot>
bool Defines(const TypeObject& type) {
  Fn own = type.slots().*kSlot;
  return own != nullptr && (type.base() == nullptr || type.base()->slots().*kSlot != own);
}

// CPython's check_num_args: "expected 1 argument, got 0"; for __setattr__ only
// it names the method (`prefix`).
bool CheckCount(const CallArgs& args, size_t count, std::string_view prefix = "") {
  if (args.args.size() == count) return true;
  Raise(WellKnown::kTypeError, StrCat(prefix, "expected ", count, " argument",
                                      count == 1 ? "" : "s", ", got ", args.args.size()));
  return false;
}

Ref<Object> BoolResult(int result) { return result < 0 ? nullptr : BoolRef(result == 1); }
Ref<Object> IntResult(int64_t result) { return result == -1 ? nullptr : NewInt(result); }

template <UnaryFn TypeSlots::*kSlot>
Ref<Object> WrapUnary(const TypeObject& owner, Object* self, const CallArgs& args) {
  if (!CheckCount(args, 0)) return nullptr;
  return (owner.slots().*kSlot)(self);
}

Ref<Object> WrapNext(const TypeObject& owner, Object* self, const CallArgs& args) {
  if (!CheckCount(args, 0)) return nullptr;
  Ref<Object> item = owner.slots().next(self);
  if (!item && !ExceptionPending()) return Raise(WellKnown::kStopIteration, "");
  return item;
}

Ref<Object> WrapHash(const TypeObject& owner, Object* self, const CallArgs& args) {
  if (!CheckCount(args, 0)) return nullptr;
  return IntResult(owner.slots().hash(self));
}

Ref<Object> WrapBool(const TypeObject& owner, Object* self, const CallArgs& args) {
  if (!CheckCount(args, 0)) return nullptr;
  return BoolResult(owner.slots().to_bool(self));
}

Ref<Object> WrapLength(const TypeObject& owner, Object* self, const CallArgs& args) {
  if (!CheckCount(args, 0)) return nullptr;
  return IntResult(owner.slots().length(self));
}

template <CompareOp kOp>
Ref<Object> WrapCompare(const TypeObject& owner, Object* self, const CallArgs& args) {
  if (!CheckCount(args, 1)) return nullptr;
  return owner.slots().richcompare(self, args.args[0], kOp);
}

template <BinaryFn TypeSlots::*kSlot, bool kReflected>
Ref<Object> WrapBinary(const TypeObject& owner, Object* self, const CallArgs& args) {
  if (!CheckCount(args, 1)) return nullptr;
  if (kReflected) return (owner.slots().*kSlot)(args.args[0], self);
  return (owner.slots().*kSlot)(self, args.args[0]);
}

Ref<Object> WrapGetItem(const TypeObject& owner, Object* self, const CallArgs& args) {
  if (!CheckCount(args, 1)) return nullptr;
  return owner.slots().getitem(self, args.args[0]);
}

Ref<Object> WrapSetItem(const TypeObject& owner, Object* self, const CallArgs& args) {
  if (!CheckCount(args, 2)) return nullptr;
  return owner.slots().setitem(self, args.args[0], args.args[1]) ? NoneRef() : nullptr;
}

Ref<Object> WrapDelItem(const TypeObject& owner, Object* self, const CallArgs& args) {
  if (!CheckCount(args, 1)) return nullptr;
  return owner.slots().setitem(self, args.args[0], nullptr) ? NoneRef() : nullptr;
}

Ref<Object> WrapContains(const TypeObject& owner, Object* self, const CallArgs& args) {
  if (!CheckCount(args, 1)) return nullptr;
  return BoolResult(owner.slots().contains(self, args.args[0]));
}

// An attribute name argument must be a str.
const Name* AttributeName(Object* name) {
  if (!IsInstance(name, WellKnown::kStr)) {
    Raise(WellKnown::kTypeError,
          StrCat("attribute name must be string, not '", TypeDisplayName(name->type()), "'"));
    return nullptr;
  }
  return Interpreter::Current()->Intern(StrView(name));
}

Ref<Object> WrapGetAttribute(const TypeObject& owner, Object* self, const CallArgs& args) {
  if (!CheckCount(args, 1)) return nullptr;
  const Name* name = AttributeName(args.args[0]);
  return name != nullptr ? owner.slots().getattr(self, name) : nullptr;
}

// owner.__setattr__ (or __delattr__, `what`) applied to a type object must be
// the setattr its metatype uses: object.__setattr__(int, ...) would go around
// type.__setattr__ and its immutability check (CPython's hackcheck). Classes
// made at run time add no setattr of their own below their nearest static base.
bool SetAttrApplies(const TypeObject& owner, Object* self, std::string_view what) {
  if (!IsInstance(self, WellKnown::kType)) return true;
  const TypeObject* static_base = self->type();
  while (!static_base->IsStaticBuiltin()) static_base = static_base->base();
  if (static_base->slots().setattr == owner.slots().setattr) return true;
  Raise(WellKnown::kTypeError,
        StrCat("can't apply this ", what, " to ", self->type()->name(), " object"));
  return false;
}

Ref<Object> WrapSetAttr(const TypeObject& owner, Object* self, const CallArgs& args) {
  if (!CheckCount(args, 2, "__setattr__ ")) return nullptr;
  if (!SetAttrApplies(owner, self, "__setattr__")) return nullptr;
  const Name* name = AttributeName(args.args[0]);
  if (name == nullptr) return nullptr;
  return owner.slots().setattr(self, name, args.args[1]) ? NoneRef() : nullptr;
}

Ref<Object> WrapDelAttr(const TypeObject& owner, Object* self, const CallArgs& args) {
  if (!CheckCount(args, 1)) return nullptr;
  if (!SetAttrApplies(owner, self, "__delattr__")) return nullptr;
  const Name* name = AttributeName(args.args[0]);
  if (name == nullptr) return nullptr;
  return owner.slots().setattr(self, name, nullptr) ? NoneRef() : nullptr;
}

Ref<Object> WrapCall(const TypeObject& owner, Object* self, const CallArgs& args) {
  return owner.slots().call(self, args);
}

// __get__(instance, owner=None): None for either means "not given".
Ref<Object> WrapGet(const TypeObject& owner, Object* self, const CallArgs& args) {
  if (args.args.empty() || args.args.size() > 2) {
    return Raise(WellKnown::kTypeError, "__get__(None, None) is invalid");
  }
  Object* instance = args.args[0] == None() ? nullptr : args.args[0];
  Object* cls = args.args.size() == 2 && args.args[1] != None() ? args.args[1] : nullptr;
  if (instance == nullptr && cls == nullptr) {
    return Raise(WellKnown::kTypeError, "__get__(None, None) is invalid");
  }
  if (cls != nullptr && !IsInstance(cls, WellKnown::kType)) {
    return Raise(WellKnown::kTypeError, "__get__(None, None) is invalid");
  }
  return owner.slots().descr_get(self, instance, static_cast<TypeObject*>(cls));
}

Ref<Object> WrapSet(const TypeObject& owner, Object* self, const CallArgs& args) {
  if (!CheckCount(args, 2)) return nullptr;
  return owner.slots().descr_set(self, args.args[0], args.args[1]) ? NoneRef() : nullptr;
}

Ref<Object> WrapDelete(const TypeObject& owner, Object* self, const CallArgs& args) {
  if (!CheckCount(args, 1)) return nullptr;
  return owner.slots().descr_set(self, args.args[0], nullptr) ? NoneRef() : nullptr;
}

Ref<Object> WrapInit(const TypeObject& owner, Object* self, const CallArgs& args) {
  return owner.slots().init(self, args) ? NoneRef() : nullptr;
}

#define ISLET_SLOT(Fn, slot) &Defines<Fn, &TypeSlots::slot>
#define ISLET_UNARY(dunder, slot) \
  { Dunder::dunder, ISLET_SLOT(UnaryFn, slot), &WrapUnary<&TypeSlots::slot> }
#define ISLET_COMPARE(dunder, op) \
  { Dunder::dunder, ISLET_SLOT(RichCompareFn, richcompare), &WrapCompare<op> }
#define ISLET_BINARY(dunder, reflected, slot)                                           \
  {Dunder::dunder, ISLET_SLOT(BinaryFn, slot), &WrapBinary<&TypeSlots::slot, false>}, { \
    Dunder::reflected, ISLET_SLOT(BinaryFn, slot), &WrapBinary<&TypeSlots::slot, true>  \
  }

// In CPython's slotdefs order, which is the order the wrappers enter a dict.
constexpr SlotWrapperDef kSlotWrappers[] = {
    ISLET_UNARY(kRepr, repr),
    {Dunder::kHash, ISLET_SLOT(HashFn, hash), &WrapHash},
    {Dunder::kCall, ISLET_SLOT(CallFn, call), &WrapCall},
    ISLET_UNARY(kStr, str),
    {Dunder::kGetAttribute, ISLET_SLOT(GetAttrFn, getattr), &WrapGetAttribute},
    {Dunder::kSetAttr, ISLET_SLOT(SetAttrFn, setattr), &WrapSetAttr},
    {Dunder::kDelAttr, ISLET_SLOT(SetAttrFn, setattr), &WrapDelAttr},
    ISLET_COMPARE(kLt, CompareOp::kLt),
    ISLET_COMPARE(kLe, CompareOp::kLe),
    ISLET_COMPARE(kEq, CompareOp::kEq),
    ISLET_COMPARE(kNe, CompareOp::kNe),
    ISLET_COMPARE(kGt, CompareOp::kGt),
    ISLET_COMPARE(kGe, CompareOp::kGe),
    ISLET_UNARY(kIter, iter),
    {Dunder::kNext, ISLET_SLOT(UnaryFn, next), &WrapNext},
    {Dunder::kGet, ISLET_SLOT(DescrGetFn, descr_get), &WrapGet},
    {Dunder::kSet, ISLET_SLOT(DescrSetFn, descr_set), &WrapSet},
    {Dunder::kDelete, ISLET_SLOT(DescrSetFn, descr_set), &WrapDelete},
    {Dunder::kInit, ISLET_SLOT(InitFn, init), &WrapInit},
    ISLET_BINARY(kAdd, kRAdd, add),
    ISLET_BINARY(kSub, kRSub, subtract),
    ISLET_BINARY(kMul, kRMul, multiply),
    ISLET_BINARY(kMod, kRMod, remainder),
    ISLET_BINARY(kPow, kRPow, power),
    ISLET_UNARY(kNeg, negative),
    ISLET_UNARY(kPos, positive),
    ISLET_UNARY(kAbs, absolute),
    {Dunder::kBool, ISLET_SLOT(InquiryFn, to_bool), &WrapBool},
    ISLET_UNARY(kInvert, invert),
    ISLET_BINARY(kLShift, kRLShift, lshift),
    ISLET_BINARY(kRShift, kRRShift, rshift),
    ISLET_BINARY(kAnd, kRAnd, bit_and),
    ISLET_BINARY(kXor, kRXor, bit_xor),
    ISLET_BINARY(kOr, kROr, bit_or),
    ISLET_UNARY(kInt, to_int),
    ISLET_UNARY(kFloat, to_float),
    ISLET_BINARY(kFloorDiv, kRFloorDiv, floor_divide),
    ISLET_BINARY(kTrueDiv, kRTrueDiv, true_divide),
    ISLET_UNARY(kIndex, index),
    {Dunder::kLen, ISLET_SLOT(LengthFn, length), &WrapLength},
    {Dunder::kGetItem, ISLET_SLOT(BinaryFn, getitem), &WrapGetItem},
    {Dunder::kSetItem, ISLET_SLOT(SetItemFn, setitem), &WrapSetItem},
    {Dunder::kDelItem, ISLET_SLOT(SetItemFn, setitem), &WrapDelItem},
    {Dunder::kContains, ISLET_SLOT(ContainsFn, contains), &WrapContains},
};

#undef ISLET_BINARY
#undef ISLET_COMPARE
#undef ISLET_UNARY
#undef ISLET_SLOT

// T.__new__(S, *args): S must be a subclass of T whose nearest static base
// constructs as T does (CPython's tp_new_wrapper).
Ref<Object> NewWrapper(Object* self, const CallArgs& args) {
  auto* owner = static_cast<TypeObject*>(self);
  std::string_view owner_name = TypeDisplayName(owner);
  if (args.positional_count() == 0) {
    return Raise(WellKnown::kTypeError, StrCat(owner_name, ".__new__(): not enough arguments"));
  }
  Object* first = args.args[0];
  if (!IsInstance(first, WellKnown::kType)) {
    return Raise(WellKnown::kTypeError, StrCat(owner_name, ".__new__(X): X is not a type object (",
                                               TypeDisplayName(first->type()), ")"));
  }
  auto* subtype = static_cast<TypeObject*>(first);
  std::string_view subtype_name = TypeDisplayName(subtype);
  if (!subtype->IsSubtypeOf(owner)) {
    return Raise(WellKnown::kTypeError, StrCat(owner_name, ".__new__(", subtype_name, "): ",
                                               subtype_name, " is not a subtype of ", owner_name));
  }
  const TypeObject* static_base = subtype;
  while (static_base != nullptr && !static_base->IsStaticBuiltin())
    static_base = static_base->base();
  if (static_base != nullptr && static_base->slots().new_instance != owner->slots().new_instance) {
    return Raise(WellKnown::kTypeError,
                 StrCat(owner_name, ".__new__(", subtype_name, ") is not safe, use ",
                        TypeDisplayName(static_base), ".__new__()"));
  }
  return owner->slots().new_instance(
      subtype, CallArgs{.args = args.args.subspan(1), .kwnames = args.kwnames});
}

constexpr TypeMember kNewWrapperMember = Method("__new__", &NewWrapper);

}  // namespace

std::string_view SlotWrapperName(const SlotWrapperObject& wrapper) {
  return DunderText(wrapper.def->dunder);
}

// The slot is called directly, not through the protocol's guarded entry points:
// `f = f.__call__` many times over makes a chain that recurses here.
Ref<Object> CallSlotWrapper(const SlotWrapperObject& wrapper, Object* self, const CallArgs& args) {
  if (!CheckStack(" while calling a Python object")) return nullptr;
  if (!args.kwnames.empty() && wrapper.def->call != &WrapCall && wrapper.def->call != &WrapInit) {
    return Raise(WellKnown::kTypeError,
                 StrCat("wrapper ", SlotWrapperName(wrapper), "() takes no keyword arguments"));
  }
  return wrapper.def->call(*wrapper.owner, self, args);
}

void AddSlotWrappers(Interpreter& interp, StaticType& type, AttrTable& dict) {
  StaticType* wrapper_type = WellKnownType(WellKnown::kWrapperDescriptor);
  if (type.slots().new_instance != nullptr &&
      (type.base() == nullptr || type.base()->slots().new_instance != type.slots().new_instance)) {
    dict.Set(DunderName(Dunder::kNew),
             NewBuiltinFunction(&kNewWrapperMember, Ref<Object>::Borrow(&type)));
  }
  for (const SlotWrapperDef& def : kSlotWrappers) {
    if (!def.defined_by(type)) continue;
    if (def.dunder == Dunder::kHash && type.slots().hash == &HashNotImplemented) {
      dict.Set(DunderName(def.dunder), NoneRef());
      continue;
    }
    dict.Set(DunderName(def.dunder),
             interp.NewObject<SlotWrapperObject>(wrapper_type, &type, &def));
  }
}

}  // namespace islet
