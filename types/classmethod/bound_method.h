// `bound_method`: a callable bound to its first argument, what a classmethod
// gives when looked up. It behaves like CPython's `method` objects (calling it
// calls the function with `self` first; __func__, __self__; its repr) and stands
// in for them until islet has a `method` type, which classmethod should then use.

#ifndef ISLET_TYPES_CLASSMETHOD_BOUND_METHOD_H_
#define ISLET_TYPES_CLASSMETHOD_BOUND_METHOD_H_

#include "runtime/object.h"
#include "runtime/static_type.h"

namespace islet {

extern StaticType kBoundMethodType;

// `function` bound to `self`, in the current interpreter.
Ref<Object> NewBoundMethod(Ref<Object> function, Ref<Object> self);

}  // namespace islet

#endif  // ISLET_TYPES_CLASSMETHOD_BOUND_METHOD_H_
