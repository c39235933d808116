// `type`: the metatype, the type of every type object. Its instances created at run
// time are heap types (interp/heap_type.h).

#ifndef ISLET_TYPES_TYPE_TYPE_H_
#define ISLET_TYPES_TYPE_TYPE_H_

#include "runtime/static_type.h"

namespace islet {

extern StaticType kTypeType;

}  // namespace islet

#endif  // ISLET_TYPES_TYPE_TYPE_H_
