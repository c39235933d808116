// The object protocol: what every object supports, dispatched through its type's
// slots with CPython's semantics (reflected operands, subclass priority, identity
// fallbacks for == and !=, descriptor precedence for attributes).
//
// Errors follow objects/errors.h: null Ref, false or -1 with an exception pending.
// The calling thread must be attached to the interpreter that owns the objects:
// every function below checks the objects it receives (interp/ownership.h) and
// raises RuntimeError for one that belongs to another interpreter.

#ifndef ISLET_OBJECTS_PROTOCOL_H_
#define ISLET_OBJECTS_PROTOCOL_H_

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "objects/well_known.h"
#include "runtime/name.h"
#include "runtime/object.h"
#include "runtime/type_object.h"

namespace islet {

// --- Text ---
Ref<Object> Repr(Object* object);  // a str
Ref<Object> Str(Object* object);   // a str
// ascii(object): its repr with every non-ASCII code point escaped (\xe9, \u20ac).
Ref<Object> Ascii(Object* object);
// Repr/Str as UTF-8; nullopt with an exception pending on failure.
std::optional<std::string> ReprText(Object* object);
std::optional<std::string> StrText(Object* object);

// --- Hashing, truth, comparison ---
int64_t Hash(Object* object);  // -1 on error; never -1 otherwise
// The hash slot of a type whose instances change, so have none (CPython's
// PyObject_HashNotImplemented): TypeError "unhashable type: 'list'", -1.
int64_t HashNotImplemented(Object* self);
// CPython's pointer hash: the object's address rotated by 4 bits (objects are
// aligned), never -1. The hash slot of `object`, and a NaN float's hash.
int64_t PointerHash(Object* object);
int IsTrue(Object* object);  // 1, 0, or -1 on error
Ref<Object> RichCompare(Object* left, Object* right, CompareOp op);
// RichCompare as a truth value; == and != say "equal" for identical objects
// without calling anything (as CPython's containers do).
int RichCompareBool(Object* left, Object* right, CompareOp op);
// The operator's symbol ("<", "==", ...).
std::string_view CompareOpSymbol(CompareOp op);
// `left op right` for values with a built-in order: lengths, digits, code units
// (a string_view compares bytes as unsigned), doubles (NaN is unordered).
//
//   return BoolRef(CompareValues(Size(self), Size(other), op));
template <typename T>
bool CompareValues(const T& left, const T& right, CompareOp op) {
  switch (op) {
    case CompareOp::kLt:
      return left < right;
    case CompareOp::kLe:
      return left <= right;
    case CompareOp::kEq:
      return left == right;
    case CompareOp::kNe:
      return left != right;
    case CompareOp::kGt:
      return left > right;
    case CompareOp::kGe:
      return left >= right;
  }
  return false;
}

// --- Attributes ---
Ref<Object> GetAttr(Object* object, const Name* name);
Ref<Object> GetAttr(Object* object, std::string_view name);  // interned in the current interpreter
bool SetAttr(Object* object, const Name* name, Object* value);
bool DelAttr(Object* object, const Name* name);
// Attribute lookup as `object` does it: data descriptors on the type, then
// non-data descriptors and class attributes. The default getattr/setattr slots.
Ref<Object> GenericGetAttr(Object* object, const Name* name);
bool GenericSetAttr(Object* object, const Name* name, Object* value);
// The special method `name` ("__round__") looked up on `object`'s type only and
// bound to `object`, as CPython's _PyObject_LookupSpecial; null with no
// exception pending when the type has none.
Ref<Object> LookupSpecial(Object* object, std::string_view name);

// --- Formatting ---
// format(value, spec), CPython's PyObject_Format: `__format__` looked up on the
// value's type and called with `spec` (null is ''); the result must be a str,
// else TypeError "__format__ must return a str, not int". A spec that is not a
// str raises TypeError "Format specifier must be a string, not int". What
// builtins.format() and f-string fields call.
//
//   Ref<Object> text = Format(value, spec);  // f"{value:{spec}}"
Ref<Object> Format(Object* value, Object* spec);

// --- Calls ---
Ref<Object> Call(Object* callable, const CallArgs& args);
Ref<Object> Call(Object* callable, std::initializer_list<Object*> positional);
// callable(first, *args, **kwargs): how a bound method or a special method
// found on a type passes its instance (CPython's _PyObject_Call_Prepend).
Ref<Object> CallPrepend(Object* callable, Object* first, const CallArgs& args);
// Looks up and calls object.name(*positional).
Ref<Object> CallMethod(Object* object, std::string_view name,
                       std::initializer_list<Object*> positional);

// --- Iteration ---
Ref<Object> GetIter(Object* object);
// The iter slot of iterators: the iterator itself (CPython's PyObject_SelfIter).
Ref<Object> SelfIter(Object* self);
// The next item; null with no exception pending when the iterator is exhausted.
Ref<Object> IterNext(Object* iterator);

// --- Containers ---
int64_t Length(Object* object);  // -1 on error
Ref<Object> GetItem(Object* container, Object* key);
bool SetItem(Object* container, Object* key, Object* value);
bool DelItem(Object* container, Object* key);
int Contains(Object* container, Object* item);  // 1, 0, or -1 on error

// --- Numbers ---
enum class BinaryOp : uint8_t {
  kAdd,
  kSubtract,
  kMultiply,
  kTrueDivide,
  kFloorDivide,
  kRemainder,
  kPower,
  kLShift,
  kRShift,
  kAnd,
  kOr,
  kXor,
};
Ref<Object> BinaryOperation(Object* left, Object* right, BinaryOp op);
std::string_view BinaryOpSymbol(BinaryOp op);  // "+", "//", "**", ...
Ref<Object> Negative(Object* object);
Ref<Object> Positive(Object* object);
Ref<Object> Absolute(Object* object);
Ref<Object> Invert(Object* object);
// object.__index__() as int64_t; raises TypeError if `object` is not an integer,
// OverflowError "Python int too large to convert to C ssize_t" if it does not
// fit, or `overflow` with `overflow_message` when those are given.
std::optional<int64_t> IndexAsInt64(Object* object);
std::optional<int64_t> IndexAsInt64(Object* object, WellKnown overflow,
                                    std::string_view overflow_message);
// Whether `other`'s class (a Python class) overrides the binary slot, so that a
// builtin operation refusing `other` should first give it its reflected turn
// (NotImplemented) instead of raising.
bool OverridesBinarySlot(const Object* other, BinaryFn TypeSlots::*slot);

// super(type, object).name: `name` looked up along the MRO of `object`'s type
// (or of `object` itself, a class) after `type`, bound to `object` as an
// attribute lookup would bind it (not bound when `object` is that class).
// AttributeError if no class past `type` has it.
Ref<Object> SuperGetAttr(TypeObject* type, Object* object, const Name* name);

// isinstance(object, classinfo) and issubclass(cls, classinfo): `classinfo` is a
// class or a tuple of classinfos. 1, 0, or -1 with TypeError for a bad argument.
// (No __instancecheck__/__subclasscheck__ hooks yet: there are no metaclasses.)
int IsInstanceOf(Object* object, Object* classinfo);
int IsSubclassOf(Object* cls, Object* classinfo);

// --- Types ---
// The type's name as Python shows it: `__name__` (the part after the last dot of
// a static type's registered name, "weakref.ReferenceType" -> "ReferenceType").
std::string_view TypeName(const TypeObject* type);
// `__qualname__`: a heap type's own, else the name.
std::string_view TypeQualName(const TypeObject* type);
// `__module__`: a static type's part before the last dot, else "builtins"; a
// heap type's `__module__` entry if it is a str, else "__main__" (a class made
// from C++ without one). The view lives as long as that entry.
std::string_view TypeModule(const TypeObject* type);
// PEP 737's fully qualified name: "list", "__main__.Point", "weakref.ReferenceType".
std::string FullyQualifiedName(const TypeObject* type);
// The type's name as it appears in messages (CPython's tp_name: the registered
// name of a static type, the __name__ of a heap type).
std::string_view TypeDisplayName(const TypeObject* type);

}  // namespace islet

#endif  // ISLET_OBJECTS_PROTOCOL_H_
