// The immortal objects the objects layer defines (singletons, small ints, the
// empty str and tuple), and readying them once their types are known.

#ifndef ISLET_OBJECTS_IMMORTALS_H_
#define ISLET_OBJECTS_IMMORTALS_H_

#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace islet {

// Sets each immortal's type and precomputes what would otherwise be written
// lazily (a str's hash). Called while the runtime initializes.
void ReadyImmortals();

IntObject* SmallInt(int64_t value);  // kSmallIntMin <= value <= kSmallIntMax
StrObject* EmptyStr();
TupleObject* EmptyTuple();

}  // namespace islet

#endif  // ISLET_OBJECTS_IMMORTALS_H_
