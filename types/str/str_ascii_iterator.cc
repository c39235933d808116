// `str_ascii_iterator`: iterates an all-ASCII str by byte, each step O(1).
// Exhausted, it lets the str go.

#include "types/str/str_ascii_iterator.h"

#include "interp/interpreter.h"
#include "objects/sequence_iterator.h"
#include "objects/str.h"
#include "runtime/static_type.h"

namespace islet {
namespace {

Ref<Object> Item(SequenceIteratorObject* iterator) {
  std::string_view text = StrView(iterator->sequence.get());
  return NewStr(text.substr(static_cast<size_t>(iterator->index), 1));
}

constexpr SequenceIteratorKind kAsciiIteration = {&StrLength, &Item};

}  // namespace

ISLET_BUILTIN_TYPE(kStrAsciiIteratorType, "str_ascii_iterator",
                   {.slots = SequenceIteratorSlots(), .members = kSequenceIteratorMembers});

Ref<Object> NewStrAsciiIterator(Ref<Object> str) {
  return Interpreter::Current()->NewObject<SequenceIteratorObject>(&kStrAsciiIteratorType,
                                                                   kAsciiIteration, std::move(str));
}

}  // namespace islet
