// `weakref.ReferenceType` (Python's weakref.ref): a reference that does not keep
// its referent alive. Calling it returns the referent, or None once the referent
// is gone. Where the references are listed, and which objects can be referents,
// is objects/weakref.h; the object itself is interp/weakref.h's WeakRefObject.

#include "interp/weakref.h"

#include <cstdio>
#include <optional>
#include <string>

#include "interp/interpreter.h"
#include "objects/args.h"
#include "objects/errors.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/weakref.h"
#include "objects/well_known.h"
#include "runtime/static_type.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

WeakRefObject* AsRef(Object* self) { return static_cast<WeakRefObject*>(self); }

std::string Address(const Object* object) {
  char text[32];
  std::snprintf(text, sizeof(text), "%p", static_cast<const void*>(object));
  return text;
}

// weakref.ref(object, callback=None, /). CPython unpacks the arguments in
// __new__ and rejects keywords only in __init__; so does this.
Ref<Object> WeakRefNew(TypeObject* type, const CallArgs& args) {
  CallArgs positional{.args = args.positional()};
  if (!CheckPositional(positional, "__new__", 1, 2)) return nullptr;
  Object* callback = positional.args.size() > 1 ? positional.args[1] : nullptr;
  return NewWeakRef(type, positional.args[0], callback);
}

bool WeakRefInit(Object*, const CallArgs& args) {
  if (!CheckNoKeywords(args, "ref")) return false;
  return CheckPositional(args, "__init__", 1, 2);
}

Ref<Object> WeakRefCall(Object* self, const CallArgs& args) {
  if (!CheckPositional(args, "weakref", 0, 0)) return nullptr;
  Object* referent = AsRef(self)->referent();
  return referent != nullptr ? Ref<Object>::Borrow(referent) : NoneRef();
}

// The referent's __name__ looked up on its type, as CPython's
// _PyObject_LookupSpecial does; nullopt if it has none that is a str.
std::optional<std::string> SpecialName(Object* referent) {
  Ref<Object> attribute = LookupSpecial(referent, "__name__");
  if (!attribute || !IsInstance(attribute.get(), WellKnown::kStr)) {
    ClearException();  // a failing __name__ only loses the name in the repr
    return std::nullopt;
  }
  return std::string(StrView(attribute.get()));
}

// "<weakref at 0x...; to 'type' at 0x... (int)>", "<weakref at 0x...; to 'set'
// at 0x...>" for a referent without a __name__, "<weakref at 0x...; dead>".
Ref<Object> WeakRefRepr(Object* self) {
  Ref<Object> referent = Ref<Object>::Borrow(AsRef(self)->referent());
  if (!referent) return NewStr(StrCat("<weakref at ", Address(self), "; dead>"));
  std::string text = StrCat("<weakref at ", Address(self), "; to '",
                            TypeDisplayName(referent->type()), "' at ", Address(referent.get()));
  if (std::optional<std::string> name = SpecialName(referent.get())) {
    text += StrCat(" (", *name, ")");
  }
  return NewStr(StrCat(text, ">"));
}

// The referent's hash, kept once computed so the reference stays usable as a
// dict key after the referent dies.
int64_t WeakRefHash(Object* self) {
  WeakRefObject* ref = AsRef(self);
  if (ref->cached_hash != -1) return ref->cached_hash;
  Ref<Object> referent = Ref<Object>::Borrow(ref->referent());
  if (!referent) {
    Raise(WellKnown::kTypeError, "weak object has gone away");
    return -1;
  }
  if (!CheckStack(" while getting the hash of an object")) return -1;
  int64_t hash = Hash(referent.get());
  if (hash != -1) ref->cached_hash = hash;
  return hash;
}

// Only == and !=: live references compare their referents; a dead one is equal
// only to itself.
Ref<Object> WeakRefRichCompare(Object* self, Object* other, CompareOp op) {
  if ((op != CompareOp::kEq && op != CompareOp::kNe) || !IsInstance(other, WellKnown::kWeakRef)) {
    return NotImplementedRef();
  }
  Ref<Object> left = Ref<Object>::Borrow(AsRef(self)->referent());
  Ref<Object> right = Ref<Object>::Borrow(AsRef(other)->referent());
  if (!left || !right) return BoolRef((self == other) == (op == CompareOp::kEq));
  return RichCompare(left.get(), right.get(), op);
}

Ref<Object> WeakRefCallbackGetter(Object* self) {
  Object* callback = AsRef(self)->callback();
  return callback != nullptr ? Ref<Object>::Borrow(callback) : NoneRef();
}

constexpr TypeMember kWeakRefMembers[] = {
    Getter("__callback__", &WeakRefCallbackGetter),
};

constexpr TypeSlots WeakRefSlots() {
  TypeSlots slots = SlotsFor<WeakRefObject>(&WeakRefObject::Clear, &WeakRefObject::Traverse);
  slots.repr = &WeakRefRepr;
  slots.hash = &WeakRefHash;
  slots.richcompare = &WeakRefRichCompare;
  slots.call = &WeakRefCall;
  slots.new_instance = &WeakRefNew;
  slots.init = &WeakRefInit;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kWeakRefType, "weakref.ReferenceType",
                   {.flags = kTypeBaseType, .slots = WeakRefSlots(), .members = kWeakRefMembers});

}  // namespace islet
