// `super`: super(type, obj).name finds `name` along the MRO of obj's class after
// `type` (objects/protocol.h: SuperGetAttr), bound to obj. The two-argument form
// only: the argument-less one needs the language's frames.

#include "interp/interpreter.h"
#include "objects/args.h"
#include "objects/errors.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/well_known.h"
#include "runtime/static_type.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

class SuperObject : public Object {
 public:
  Ref<Object> type;    // a class; null until __init__ ran
  Ref<Object> object;  // null for an unbound super(type)

  static void Clear(Object* self) {
    auto* super = static_cast<SuperObject*>(self);
    super->type.reset();
    super->object.reset();
  }
  static void Traverse(Object* self, const Visitor& visit) {
    auto* super = static_cast<SuperObject*>(self);
    visit(super->type);
    visit(super->object);
  }
};

SuperObject* AsSuper(Object* self) { return static_cast<SuperObject*>(self); }
TypeObject* AsType(const Ref<Object>& object) { return static_cast<TypeObject*>(object.get()); }

Ref<Object> SuperNew(TypeObject* type, const CallArgs&) {
  return Interpreter::Current()->NewObject<SuperObject>(type);
}

bool SuperInit(Object* self, const CallArgs& args) {
  if (!CheckNoKeywords(args, "super")) return false;
  if (args.args.empty()) {
    Raise(WellKnown::kRuntimeError, "super(): no arguments");
    return false;
  }
  if (!CheckPositional(args, "super", 1, 2)) return false;
  Object* type = args.args[0];
  if (!IsInstance(type, WellKnown::kType)) {
    Raise(WellKnown::kTypeError,
          StrCat("super() argument 1 must be a type, not ", TypeDisplayName(type->type())));
    return false;
  }
  Object* object = args.args.size() == 2 && args.args[1] != None() ? args.args[1] : nullptr;
  if (object != nullptr) {
    auto* cls = static_cast<TypeObject*>(type);
    bool is_type = IsInstance(object, WellKnown::kType);
    if (!object->type()->IsSubtypeOf(cls) &&
        !(is_type && static_cast<TypeObject*>(object)->IsSubtypeOf(cls))) {
      Raise(WellKnown::kTypeError,
            StrCat("super(type, obj): obj (", is_type ? "type " : "instance of ",
                   TypeDisplayName(is_type ? static_cast<TypeObject*>(object) : object->type()),
                   ") is not an instance or subtype of type (", TypeDisplayName(cls), ")."));
      return false;
    }
  }
  AsSuper(self)->type = Ref<Object>::Borrow(type);
  AsSuper(self)->object = object != nullptr ? Ref<Object>::Borrow(object) : nullptr;
  return true;
}

// An unbound super, and __class__, are plain attribute lookups on the super
// object, which also has what the MRO past `type` lacks.
Ref<Object> SuperGetAttrSlot(Object* self, const Name* name) {
  SuperObject* super = AsSuper(self);
  if (!super->type || !super->object || name->text() == "__class__") {
    return GenericGetAttr(self, name);
  }
  Ref<Object> keep = Ref<Object>::Borrow(self);
  Ref<Object> found = SuperGetAttr(AsType(super->type), super->object.get(), name);
  if (found || !ExceptionMatches(WellKnown::kAttributeError)) return found;
  ClearException();  // then the super object's own attributes (__self__, ...)
  return GenericGetAttr(self, name);
}

// "<super: <class 'B'>, <C object>>", or "<super: <class 'B'>, NULL>" unbound.
Ref<Object> SuperRepr(Object* self) {
  SuperObject* super = AsSuper(self);
  std::string_view type = super->type ? TypeName(AsType(super->type)) : "NULL";
  if (!super->object) return NewStr(StrCat("<super: <class '", type, "'>, NULL>"));
  return NewStr(
      StrCat("<super: <class '", type, "'>, <", TypeName(super->object->type()), " object>>"));
}

Ref<Object> SuperThisClass(Object* self) {
  return AsSuper(self)->type ? AsSuper(self)->type : NoneRef();
}
Ref<Object> SuperSelf(Object* self) {
  return AsSuper(self)->object ? AsSuper(self)->object : NoneRef();
}
Ref<Object> SuperSelfClass(Object* self) {
  Object* object = AsSuper(self)->object.get();
  if (object == nullptr) return NoneRef();
  if (IsInstance(object, WellKnown::kType) &&
      static_cast<TypeObject*>(object)->IsSubtypeOf(AsType(AsSuper(self)->type))) {
    return Ref<Object>::Borrow(object);
  }
  return Ref<Object>::Borrow(object->type());
}

constexpr TypeMember kSuperMembers[] = {
    Getter("__thisclass__", &SuperThisClass),
    Getter("__self__", &SuperSelf),
    Getter("__self_class__", &SuperSelfClass),
};

constexpr TypeSlots SuperSlots() {
  TypeSlots slots = SlotsFor<SuperObject>(&SuperObject::Clear, &SuperObject::Traverse);
  slots.repr = &SuperRepr;
  slots.getattr = &SuperGetAttrSlot;
  slots.new_instance = &SuperNew;
  slots.init = &SuperInit;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kSuperType, "super",
                   {.flags = kTypeBaseType, .slots = SuperSlots(), .members = kSuperMembers});

}  // namespace islet
