// `bytes_iterator`: the iterator over a bytes object (iter(b"ab")), which yields
// each byte as an int.

#ifndef ISLET_TYPES_BYTES_BYTES_ITERATOR_H_
#define ISLET_TYPES_BYTES_BYTES_ITERATOR_H_

#include "runtime/object.h"

namespace islet {

// A new iterator over `bytes`, a bytes object (or subclass instance).
Ref<Object> NewBytesIterator(Ref<Object> bytes);

}  // namespace islet

#endif  // ISLET_TYPES_BYTES_BYTES_ITERATOR_H_
