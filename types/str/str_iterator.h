// `str_iterator`: the iterator over a str holding non-ASCII text (iter("é")).
// It walks the UTF-8 text by byte offset, so each step is O(1).

#ifndef ISLET_TYPES_STR_STR_ITERATOR_H_
#define ISLET_TYPES_STR_STR_ITERATOR_H_

#include "runtime/object.h"

namespace islet {

// A new iterator over `str` (any str; str's iter slot uses it for non-ASCII text).
Ref<Object> NewStrIterator(Ref<Object> str);

}  // namespace islet

#endif  // ISLET_TYPES_STR_STR_ITERATOR_H_
