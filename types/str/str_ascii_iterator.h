// `str_ascii_iterator`: the iterator over an all-ASCII str (iter("abc")), as in
// CPython 3.14. ASCII text is indexed by byte, so each step is O(1).

#ifndef ISLET_TYPES_STR_STR_ASCII_ITERATOR_H_
#define ISLET_TYPES_STR_STR_ASCII_ITERATOR_H_

#include "runtime/object.h"

namespace islet {

// A new iterator over `str`, which must be an all-ASCII str.
Ref<Object> NewStrAsciiIterator(Ref<Object> str);

}  // namespace islet

#endif  // ISLET_TYPES_STR_STR_ASCII_ITERATOR_H_
