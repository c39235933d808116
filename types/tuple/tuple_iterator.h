// `tuple_iterator`: what iter(tuple) returns.

#ifndef ISLET_TYPES_TUPLE_TUPLE_ITERATOR_H_
#define ISLET_TYPES_TUPLE_TUPLE_ITERATOR_H_

#include "runtime/object.h"

namespace islet {

// A new iterator over `tuple` (a tuple or subclass instance), from its first item.
Ref<Object> NewTupleIterator(Object* tuple);

}  // namespace islet

#endif  // ISLET_TYPES_TUPLE_TUPLE_ITERATOR_H_
