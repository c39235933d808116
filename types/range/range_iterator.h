// `range_iterator`: what iter(range) returns.

#ifndef ISLET_TYPES_RANGE_RANGE_ITERATOR_H_
#define ISLET_TYPES_RANGE_RANGE_ITERATOR_H_

#include "objects/range.h"
#include "runtime/object.h"

namespace islet {

// A new iterator over the items of `range`.
Ref<Object> NewRangeIterator(const RangeObject& range);

}  // namespace islet

#endif  // ISLET_TYPES_RANGE_RANGE_ITERATOR_H_
