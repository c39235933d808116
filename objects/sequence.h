// What list and tuple share: comparison, membership, index() and count(), and
// repetition, over a sequence's items as `items` gives them. The items are read
// again at each step (a list may change while its items' == runs), and each
// item is held while code runs on it.
//
//   std::span<const Ref<Object>> Items(const Object* tuple) { return TupleItems(tuple); }
//   Ref<Object> TupleRichCompare(Object* self, Object* other, CompareOp op) {
//     ...
//     return CompareSequences(self, other, op, &Items);
//   }

#ifndef ISLET_OBJECTS_SEQUENCE_H_
#define ISLET_OBJECTS_SEQUENCE_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "objects/well_known.h"
#include "runtime/object.h"
#include "runtime/type_object.h"

namespace islet {

// The current items of a sequence.
using SequenceItemsFn = std::span<const Ref<Object>> (*)(const Object* sequence);

// Lexicographic comparison: the first items that differ decide (with `op`), else
// the lengths.
Ref<Object> CompareSequences(Object* left, Object* right, CompareOp op, SequenceItemsFn items);
// `value in sequence`: 1, 0, or -1 on error.
int SequenceContains(Object* sequence, Object* value, SequenceItemsFn items);
// sequence.index(value[, start[, stop]]); ValueError `missing` ("list.index(x):
// x not in list") if it is not there.
Ref<Object> SequenceIndex(Object* sequence, const CallArgs& args, SequenceItemsFn items,
                          std::string_view missing);
// sequence.count(value), `qualified_name` ("list.count") in messages.
Ref<Object> SequenceCount(Object* sequence, const CallArgs& args, SequenceItemsFn items,
                          std::string_view qualified_name);

// For sequence * n and n * sequence, the multiply slot of `type` (list, tuple):
// sets the sequence operand and the count. Raises TypeError "can't multiply
// sequence by non-int of type 'float'" or OverflowError for a huge count.
bool RepeatOperands(Object* left, Object* right, WellKnown type, Object** sequence, int64_t* count);
// `items` repeated `count` (> 0) times; MemoryError if that is too many.
std::optional<std::vector<Ref<Object>>> RepeatItems(std::span<const Ref<Object>> items,
                                                    int64_t count);

}  // namespace islet

#endif  // ISLET_OBJECTS_SEQUENCE_H_
