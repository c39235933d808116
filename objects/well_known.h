// The builtin types the objects layer creates instances of or checks for, found by
// name when the runtime initializes (no link-time dependency on their modules, so
// type modules can depend on this layer without cycles).
//
// ISLET_WELL_KNOWN_TYPES(V) is the one list: V(Enumerator, "registered name").
// It generates the WellKnown enum, the names, and the lookups:
//
//   if (object->type() == WellKnownType(WellKnown::kStr)) ...
//   if (IsInstance(object, WellKnown::kInt)) ...
//
// A type that is not linked resolves to nullptr: //:islet_core links only `object`
// and `type`, and uses none of this layer. //types:all links every one of them
// (types/registered_types_test.cc checks it).

#ifndef ISLET_OBJECTS_WELL_KNOWN_H_
#define ISLET_OBJECTS_WELL_KNOWN_H_

#include <cstddef>
#include <string_view>

#include "runtime/object.h"
#include "runtime/static_type.h"

namespace islet {

#define ISLET_WELL_KNOWN_TYPES(V)                                                  \
  V(kObject, "object")                                                             \
  V(kType, "type")                                                                 \
  V(kNoneType, "NoneType")                                                         \
  V(kNotImplementedType, "NotImplementedType")                                     \
  V(kEllipsisType, "ellipsis")                                                     \
  V(kBool, "bool")                                                                 \
  V(kInt, "int")                                                                   \
  V(kFloat, "float")                                                               \
  V(kStr, "str")                                                                   \
  V(kBytes, "bytes")                                                               \
  V(kTuple, "tuple")                                                               \
  V(kList, "list")                                                                 \
  V(kDict, "dict")                                                                 \
  V(kSet, "set")                                                                   \
  V(kFrozenSet, "frozenset")                                                       \
  V(kRange, "range")                                                               \
  V(kSlice, "slice")                                                               \
  V(kMappingProxy, "mappingproxy")                                                 \
  V(kWeakRef, "weakref.ReferenceType")                                             \
  V(kProperty, "property")                                                         \
  V(kStaticMethod, "staticmethod")                                                 \
  V(kClassMethod, "classmethod")                                                   \
  V(kFunction, "function")                                                         \
  V(kMethod, "method")                                                             \
  V(kSuper, "super")                                                               \
  V(kBuiltinFunction, "builtin_function_or_method")                                \
  V(kMethodDescriptor, "method_descriptor")                                        \
  V(kClassMethodDescriptor, "classmethod_descriptor")                              \
  V(kGetSetDescriptor, "getset_descriptor")                                        \
  V(kWrapperDescriptor, "wrapper_descriptor")                                      \
  V(kMethodWrapper, "method-wrapper")                                              \
  V(kModule, "module")                                                             \
  V(kEnumerate, "enumerate")                                                       \
  V(kZip, "zip")                                                                   \
  V(kReversed, "reversed")                                                         \
  V(kMap, "map")                                                                   \
  V(kFilter, "filter")                                                             \
  V(kSimpleNamespace, "types.SimpleNamespace")                                     \
  V(kCell, "cell")                                                                 \
  V(kBaseException, "BaseException")                                               \
  V(kException, "Exception")                                                       \
  V(kTypeError, "TypeError")                                                       \
  V(kValueError, "ValueError")                                                     \
  V(kAttributeError, "AttributeError")                                             \
  V(kLookupError, "LookupError")                                                   \
  V(kKeyError, "KeyError")                                                         \
  V(kIndexError, "IndexError")                                                     \
  V(kArithmeticError, "ArithmeticError")                                           \
  V(kOverflowError, "OverflowError")                                               \
  V(kZeroDivisionError, "ZeroDivisionError")                                       \
  V(kRuntimeError, "RuntimeError")                                                 \
  V(kNameError, "NameError")                                                       \
  V(kStopIteration, "StopIteration")                                               \
  V(kNotImplementedError, "NotImplementedError")                                   \
  V(kAssertionError, "AssertionError")                                             \
  V(kMemoryError, "MemoryError")                                                   \
  V(kRecursionError, "RecursionError")                                             \
  V(kSyntaxError, "SyntaxError")                                                   \
  V(kIndentationError, "IndentationError")                                         \
  V(kTabError, "TabError")                                                         \
  V(kImportError, "ImportError")                                                   \
  V(kModuleNotFoundError, "ModuleNotFoundError")                                   \
  V(kUnboundLocalError, "UnboundLocalError")                                       \
  V(kKeyboardInterrupt, "KeyboardInterrupt")                                       \
  V(kSystemExit, "SystemExit")                                                     \
  V(kInterpreterError, "concurrent.interpreters.InterpreterError")                 \
  V(kInterpreterNotFoundError, "concurrent.interpreters.InterpreterNotFoundError") \
  V(kNotShareableError, "concurrent.interpreters.NotShareableError")               \
  V(kQueueError, "concurrent.interpreters.QueueError")                             \
  V(kQueueEmpty, "concurrent.interpreters.QueueEmpty")                             \
  V(kQueueFull, "concurrent.interpreters.QueueFull")                               \
  V(kQueueNotFoundError, "concurrent.interpreters.QueueNotFoundError")             \
  V(kQueue, "concurrent.interpreters.Queue")

enum class WellKnown : size_t {
#define ISLET_WELL_KNOWN_ENUMERATOR(enumerator, name) enumerator,
  ISLET_WELL_KNOWN_TYPES(ISLET_WELL_KNOWN_ENUMERATOR)
#undef ISLET_WELL_KNOWN_ENUMERATOR
      kCount
};

namespace well_known_internal {
// Filled by the objects layer's runtime hook before any interpreter exists;
// read-only until Runtime::Finalize.
extern constinit StaticType* types[static_cast<size_t>(WellKnown::kCount)];
}  // namespace well_known_internal

// WellKnownType returns the static type registered under the enumerator's name,
// or nullptr if it is not linked.
inline StaticType* WellKnownType(WellKnown which) {
  return well_known_internal::types[static_cast<size_t>(which)];
}

// Whether `object`'s type is `which` or a subclass of it.
inline bool IsInstance(const Object* object, WellKnown which) {
  return object->type()->IsSubtypeOf(WellKnownType(which));
}
// Whether `object`'s type is exactly `which`.
inline bool IsExactly(const Object* object, WellKnown which) {
  return object->type() == WellKnownType(which);
}

}  // namespace islet

#endif  // ISLET_OBJECTS_WELL_KNOWN_H_
