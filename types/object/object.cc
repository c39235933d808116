// `object`: the root type. Its slots are the defaults every type inherits:
// identity equality and hash, "<X object at 0x...>" repr, generic attribute
// access, and construction that takes no arguments.

#include "types/object/object.h"

#include <cstdio>

#include "interp/heap_type.h"
#include "interp/interpreter.h"
#include "interp/ownership.h"
#include "objects/args.h"
#include "objects/errors.h"
#include "objects/format_spec.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

Ref<Object> ObjectRepr(Object* self) {
  char address[32];
  std::snprintf(address, sizeof(address), "%p", static_cast<void*>(self));
  return NewStr(StrCat("<", FullyQualifiedName(self->type()), " object at ", address, ">"));
}

Ref<Object> ObjectStr(Object* self) { return Repr(self); }

Ref<Object> ObjectRichCompare(Object* self, Object* other, CompareOp op) {
  switch (op) {
    case CompareOp::kEq:
      return self == other ? BoolRef(true) : NotImplementedRef();
    case CompareOp::kNe: {
      // != is the inverse of the type's ==, unless that is NotImplemented.
      RichCompareFn eq = self->type()->slots().richcompare;
      Ref<Object> equal = eq(self, other, CompareOp::kEq);
      if (!equal || equal.get() == NotImplemented()) return equal;
      int truth = IsTrue(equal.get());
      if (truth < 0) return nullptr;
      return BoolRef(!truth);
    }
    default:
      return NotImplementedRef();
  }
}

Ref<Object> ObjectNew(TypeObject* type, const CallArgs& args);
bool ObjectInit(Object* self, const CallArgs& args);

// CPython's rule (object_new and object_init): surplus arguments, positional or
// keyword, are an error unless the type overrides the other one of __new__ and
// __init__ and not this one (that one consumes them). Asked through an
// override that passes them on (super().__init__(x)), object's own refuses.
Ref<Object> ObjectNew(TypeObject* type, const CallArgs& args) {
  if (!args.args.empty()) {
    if (type->slots().new_instance != &ObjectNew) {
      return Raise(WellKnown::kTypeError,
                   "object.__new__() takes exactly one argument (the type to instantiate)");
    }
    if (type->slots().init == &ObjectInit) {
      return Raise(WellKnown::kTypeError, StrCat(type->name(), "() takes no arguments"));
    }
  }
  return Interpreter::Current()->NewObject<Object>(type);
}

bool ObjectInit(Object* self, const CallArgs& args) {
  if (args.args.empty()) return true;
  TypeObject* type = self->type();
  if (type->slots().init != &ObjectInit) {
    Raise(WellKnown::kTypeError,
          "object.__init__() takes exactly one argument (the instance to initialize)");
    return false;
  }
  if (type->slots().new_instance == &ObjectNew) {
    Raise(WellKnown::kTypeError,
          StrCat(type->name(),
                 ".__init__() takes exactly one argument (the instance to initialize)"));
    return false;
  }
  return true;
}

Ref<Object> ObjectClass(Object* self) { return Ref<Object>::Borrow(self->type()); }

// __class__ assignment, with CPython's rules: only between heap classes (a
// static type's instances and the static types themselves are shared or laid
// out by C++) whose instances are laid out alike. CPython also lets a module
// become an instance of a module subclass; islet's differ in layout.
bool ObjectSetClass(Object* self, Object* value) {
  if (value == nullptr) {
    Raise(WellKnown::kTypeError, "can't delete __class__ attribute");
    return false;
  }
  if (!IsInstance(value, WellKnown::kType)) {
    Raise(WellKnown::kTypeError, StrCat("__class__ must be set to a class, not '",
                                        TypeDisplayName(value->type()), "' object"));
    return false;
  }
  if (!CheckOwned(value)) return false;
  TypeObject* from = self->type();
  auto* to = static_cast<TypeObject*>(value);
  const bool modules = from->IsSubtypeOf(WellKnownType(WellKnown::kModule)) &&
                       to->IsSubtypeOf(WellKnownType(WellKnown::kModule));
  if (!modules && (from->HasFlag(kTypeImmutable) || to->HasFlag(kTypeImmutable))) {
    Raise(WellKnown::kTypeError,
          "__class__ assignment only supported for mutable types or ModuleType subclasses");
    return false;
  }
  if (!from->HasFlag(kTypeHeap) || !to->HasFlag(kTypeHeap) ||
      !HeapType::SameInstanceLayout(*static_cast<HeapType*>(from), *static_cast<HeapType*>(to))) {
    Raise(WellKnown::kTypeError, StrCat("__class__ assignment: '", to->name(),
                                        "' object layout differs from '", from->name(), "'"));
    return false;
  }
  Interpreter::Current()->ChangeClass(*self, *to);
  return true;
}

// Named after the class it is bound to, as CPython names bound builtin methods:
// "Point.__init_subclass__() takes no keyword arguments".
Ref<Object> ObjectInitSubclass(Object* cls, const CallArgs& args) {
  std::string name = StrCat(TypeQualName(static_cast<TypeObject*>(cls)), ".__init_subclass__");
  if (!CheckNoArgs(args, name)) return nullptr;
  return NoneRef();
}

// object.__format__(spec): str(self) for an empty spec, else TypeError.
Ref<Object> ObjectDunderFormat(Object* self, const CallArgs& args) {
  std::optional<std::string_view> spec = FormatSpecArgument(args, "object.__format__");
  if (!spec) return nullptr;
  if (!spec->empty()) {
    return Raise(WellKnown::kTypeError, StrCat("unsupported format string passed to ",
                                               TypeDisplayName(self->type()), ".__format__"));
  }
  return Str(self);
}

constexpr TypeMember kObjectMembers[] = {
    Getter("__class__", &ObjectClass, &ObjectSetClass),
    ClassMethod("__init_subclass__", &ObjectInitSubclass),
    Method("__format__", &ObjectDunderFormat),
};

constexpr TypeSlots ObjectSlots() {
  TypeSlots slots = SlotsFor<Object>();
  slots.repr = &ObjectRepr;
  slots.str = &ObjectStr;
  slots.hash = &PointerHash;
  slots.richcompare = &ObjectRichCompare;
  slots.getattr = &GenericGetAttr;
  slots.setattr = &GenericSetAttr;
  slots.new_instance = &ObjectNew;
  slots.init = &ObjectInit;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(
    kObjectType, "object",
    {.base = nullptr, .flags = kTypeBaseType, .slots = ObjectSlots(), .members = kObjectMembers});

}  // namespace islet
