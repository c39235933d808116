// `list_iterator`: what iter(list) returns.

#ifndef ISLET_TYPES_LIST_LIST_ITERATOR_H_
#define ISLET_TYPES_LIST_LIST_ITERATOR_H_

#include "runtime/object.h"

namespace islet {

// A new iterator over `list` (a list or subclass instance), from its first item.
Ref<Object> NewListIterator(Object* list);

}  // namespace islet

#endif  // ISLET_TYPES_LIST_LIST_ITERATOR_H_
