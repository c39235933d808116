// Dunder: the special method names the runtime itself looks up ("__repr__",
// "__add__", ...), interned once in the runtime's shared name table so that
// finding one is an array index, not a hash lookup. Interpreter::Intern returns
// the same Name for the same text.
//
//   Object* repr = interp.LookupTypeAttribute(*self->type(), DunderName(Dunder::kRepr));

#ifndef ISLET_RUNTIME_DUNDER_H_
#define ISLET_RUNTIME_DUNDER_H_

#include <cstddef>
#include <string_view>

#include "runtime/name.h"

namespace islet {

// ISLET_DUNDERS(V) is the one list: V(Enumerator, "text").
#define ISLET_DUNDERS(V)                \
  V(kRepr, "__repr__")                  \
  V(kStr, "__str__")                    \
  V(kHash, "__hash__")                  \
  V(kLt, "__lt__")                      \
  V(kLe, "__le__")                      \
  V(kEq, "__eq__")                      \
  V(kNe, "__ne__")                      \
  V(kGt, "__gt__")                      \
  V(kGe, "__ge__")                      \
  V(kGetAttribute, "__getattribute__")  \
  V(kGetAttr, "__getattr__")            \
  V(kSetAttr, "__setattr__")            \
  V(kDelAttr, "__delattr__")            \
  V(kCall, "__call__")                  \
  V(kGet, "__get__")                    \
  V(kSet, "__set__")                    \
  V(kDelete, "__delete__")              \
  V(kIter, "__iter__")                  \
  V(kNext, "__next__")                  \
  V(kBool, "__bool__")                  \
  V(kLen, "__len__")                    \
  V(kGetItem, "__getitem__")            \
  V(kSetItem, "__setitem__")            \
  V(kDelItem, "__delitem__")            \
  V(kContains, "__contains__")          \
  V(kAdd, "__add__")                    \
  V(kRAdd, "__radd__")                  \
  V(kSub, "__sub__")                    \
  V(kRSub, "__rsub__")                  \
  V(kMul, "__mul__")                    \
  V(kRMul, "__rmul__")                  \
  V(kTrueDiv, "__truediv__")            \
  V(kRTrueDiv, "__rtruediv__")          \
  V(kFloorDiv, "__floordiv__")          \
  V(kRFloorDiv, "__rfloordiv__")        \
  V(kMod, "__mod__")                    \
  V(kRMod, "__rmod__")                  \
  V(kPow, "__pow__")                    \
  V(kRPow, "__rpow__")                  \
  V(kLShift, "__lshift__")              \
  V(kRLShift, "__rlshift__")            \
  V(kRShift, "__rshift__")              \
  V(kRRShift, "__rrshift__")            \
  V(kAnd, "__and__")                    \
  V(kRAnd, "__rand__")                  \
  V(kOr, "__or__")                      \
  V(kROr, "__ror__")                    \
  V(kXor, "__xor__")                    \
  V(kRXor, "__rxor__")                  \
  V(kNeg, "__neg__")                    \
  V(kPos, "__pos__")                    \
  V(kAbs, "__abs__")                    \
  V(kInvert, "__invert__")              \
  V(kInt, "__int__")                    \
  V(kFloat, "__float__")                \
  V(kIndex, "__index__")                \
  V(kNew, "__new__")                    \
  V(kInit, "__init__")                  \
  V(kDel, "__del__")                    \
  V(kInitSubclass, "__init_subclass__") \
  V(kSetName, "__set_name__")           \
  V(kClassGetItem, "__class_getitem__") \
  V(kName, "__name__")                  \
  V(kQualname, "__qualname__")          \
  V(kModule, "__module__")              \
  V(kDoc, "__doc__")                    \
  V(kDict, "__dict__")

enum class Dunder : size_t {
#define ISLET_DUNDER_ENUMERATOR(enumerator, text) enumerator,
  ISLET_DUNDERS(ISLET_DUNDER_ENUMERATOR)
#undef ISLET_DUNDER_ENUMERATOR
      kCount
};

// The runtime's Name for `dunder`; valid between Runtime::Initialize and Finalize.
const Name* DunderName(Dunder dunder);
std::string_view DunderText(Dunder dunder);

// Whether `text` looks like a special method name: "__x__".
constexpr bool IsDunderText(std::string_view text) {
  return text.size() > 4 && text.starts_with("__") && text.ends_with("__");
}

// Runtime::Initialize interns every dunder in the shared table before any
// interpreter exists; Finalize forgets them after the last one is gone.
void InternDunders(NameTable& names);
void ForgetDunders();

}  // namespace islet

#endif  // ISLET_RUNTIME_DUNDER_H_
