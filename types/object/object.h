// `object`: the root of every type hierarchy.

#ifndef ISLET_TYPES_OBJECT_OBJECT_H_
#define ISLET_TYPES_OBJECT_OBJECT_H_

#include "runtime/static_type.h"

namespace islet {

extern StaticType kObjectType;

}  // namespace islet

#endif  // ISLET_TYPES_OBJECT_OBJECT_H_
