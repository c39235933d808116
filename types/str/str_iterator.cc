// `str_iterator`: iterates a str by code point, keeping the byte offset of the
// next one, so each step is O(1) in UTF-8 text. Exhausted, it lets the str go.

#include "types/str/str_iterator.h"

#include "interp/interpreter.h"
#include "objects/sequence_iterator.h"
#include "objects/str.h"
#include "runtime/static_type.h"

namespace islet {
namespace {

class StrIteratorObject : public SequenceIteratorObject {
 public:
  using SequenceIteratorObject::SequenceIteratorObject;
  size_t offset = 0;  // byte offset of the code point at `index`
};

Ref<Object> Item(SequenceIteratorObject* iterator) {
  auto* str_iterator = static_cast<StrIteratorObject*>(iterator);
  std::string_view text = StrView(iterator->sequence.get());
  const size_t start = str_iterator->offset;
  DecodeCodePoint(text, &str_iterator->offset);
  return NewStr(text.substr(start, str_iterator->offset - start));
}

constexpr SequenceIteratorKind kCodePointIteration = {&StrLength, &Item};

}  // namespace

ISLET_BUILTIN_TYPE(kStrIteratorType, "str_iterator",
                   {.slots = SequenceIteratorSlots<StrIteratorObject>(),
                    .members = kSequenceIteratorMembers});

Ref<Object> NewStrIterator(Ref<Object> str) {
  return Interpreter::Current()->NewObject<StrIteratorObject>(&kStrIteratorType,
                                                              kCodePointIteration, std::move(str));
}

}  // namespace islet
