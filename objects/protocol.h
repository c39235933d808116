// The object protocol: what every object supports, dispatched through its type's
// slots with CPython's semantics (reflected operands, subclass priority, identity
// fallbacks for == and !=, descriptor precedence for attributes).
//
// Errors follow objects/errors.h: null Ref, false or -1 with an exception pending.
// The calling thread must be attached to the interpreter that owns the objects.

#ifndef ISLET_OBJECTS_PROTOCOL_H_
#define ISLET_OBJECTS_PROTOCOL_H_

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "runtime/name.h"
#include "runtime/object.h"
#include "runtime/type_object.h"

namespace islet {

// --- Text ---
Ref<Object> Repr(Object* object);  // a str
Ref<Object> Str(Object* object);   // a str
// Repr/Str as UTF-8; nullopt with an exception pending on failure.
std::optional<std::string> ReprText(Object* object);
std::optional<std::string> StrText(Object* object);

// --- Hashing, truth, comparison ---
int64_t Hash(Object* object);  // -1 on error; never -1 otherwise
int IsTrue(Object* object);    // 1, 0, or -1 on error
Ref<Object> RichCompare(Object* left, Object* right, CompareOp op);
// RichCompare as a truth value; == and != say "equal" for identical objects
// without calling anything (as CPython's containers do).
int RichCompareBool(Object* left, Object* right, CompareOp op);
// The operator's symbol ("<", "==", ...).
std::string_view CompareOpSymbol(CompareOp op);

// --- Attributes ---
Ref<Object> GetAttr(Object* object, const Name* name);
Ref<Object> GetAttr(Object* object, std::string_view name);  // interned in the current interpreter
bool SetAttr(Object* object, const Name* name, Object* value);
bool DelAttr(Object* object, const Name* name);
// Attribute lookup as `object` does it: data descriptors on the type, then
// non-data descriptors and class attributes. The default getattr/setattr slots.
Ref<Object> GenericGetAttr(Object* object, const Name* name);
bool GenericSetAttr(Object* object, const Name* name, Object* value);

// --- Calls ---
Ref<Object> Call(Object* callable, const CallArgs& args);
Ref<Object> Call(Object* callable, std::initializer_list<Object*> positional);
// Looks up and calls object.name(*positional).
Ref<Object> CallMethod(Object* object, std::string_view name,
                       std::initializer_list<Object*> positional);

// --- Iteration ---
Ref<Object> GetIter(Object* object);
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
  kAdd, kSubtract, kMultiply, kTrueDivide, kFloorDivide, kRemainder, kPower,
  kLShift, kRShift, kAnd, kOr, kXor,
};
Ref<Object> BinaryOperation(Object* left, Object* right, BinaryOp op);
std::string_view BinaryOpSymbol(BinaryOp op);  // "+", "//", "**", ...
Ref<Object> Negative(Object* object);
Ref<Object> Positive(Object* object);
Ref<Object> Absolute(Object* object);
Ref<Object> Invert(Object* object);
// object.__index__() as int64_t; raises TypeError if `object` is not an integer,
// OverflowError if it does not fit.
std::optional<int64_t> IndexAsInt64(Object* object);

// --- Types ---
// The type's name as Python shows it: `__name__` (the part after the last dot of
// a static type's registered name, "weakref.ReferenceType" -> "ReferenceType").
std::string_view TypeName(const TypeObject* type);
// `__module__`: the part before the last dot, else "builtins" (static types).
std::string_view TypeModule(const TypeObject* type);
// The type's name as it appears in messages (CPython's tp_name: the registered
// name of a static type, the __name__ of a heap type).
std::string_view TypeDisplayName(const TypeObject* type);

}  // namespace islet

#endif  // ISLET_OBJECTS_PROTOCOL_H_
