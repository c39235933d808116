// `bytes_iterator`: iterates a bytes object by position, yielding each byte as
// an int. Exhausted, it lets the bytes go.

#include "types/bytes/bytes_iterator.h"

#include "interp/interpreter.h"
#include "objects/bytes.h"
#include "objects/int.h"
#include "objects/sequence_iterator.h"
#include "runtime/static_type.h"

namespace islet {
namespace {

int64_t Length(const Object* bytes) { return static_cast<int64_t>(BytesView(bytes).size()); }

Ref<Object> Item(SequenceIteratorObject* iterator) {
  std::string_view data = BytesView(iterator->sequence.get());
  return NewInt(static_cast<unsigned char>(data[static_cast<size_t>(iterator->index)]));
}

constexpr SequenceIteratorKind kBytesIteration = {&Length, &Item};

}  // namespace

ISLET_BUILTIN_TYPE(kBytesIteratorType, "bytes_iterator",
                   {.slots = SequenceIteratorSlots(), .members = kSequenceIteratorMembers});

Ref<Object> NewBytesIterator(Ref<Object> bytes) {
  return Interpreter::Current()->NewObject<SequenceIteratorObject>(
      &kBytesIteratorType, kBytesIteration, std::move(bytes));
}

}  // namespace islet
