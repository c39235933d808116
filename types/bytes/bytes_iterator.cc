#include "types/bytes/bytes_iterator.h"

#include "interp/interpreter.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/int.h"

namespace islet {
namespace {

class BytesIteratorObject : public Object {
 public:
  explicit BytesIteratorObject(Ref<Object> bytes) : bytes(std::move(bytes)) {}
  Ref<Object> bytes;  // null once exhausted
  size_t index = 0;

  static void Clear(Object* self) { static_cast<BytesIteratorObject*>(self)->bytes.reset(); }
};

BytesIteratorObject* AsIterator(Object* self) { return static_cast<BytesIteratorObject*>(self); }

Ref<Object> IteratorIter(Object* self) { return Ref<Object>::Borrow(self); }

Ref<Object> IteratorNext(Object* self) {
  BytesIteratorObject* iterator = AsIterator(self);
  if (!iterator->bytes) return nullptr;
  std::string_view data = BytesView(iterator->bytes.get());
  if (iterator->index < data.size()) {
    return NewInt(static_cast<unsigned char>(data[iterator->index++]));
  }
  iterator->bytes.reset();
  return nullptr;
}

Ref<Object> IteratorLengthHint(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "bytes_iterator.__length_hint__")) return nullptr;
  BytesIteratorObject* iterator = AsIterator(self);
  if (!iterator->bytes) return NewInt(0);
  return NewInt(static_cast<int64_t>(BytesView(iterator->bytes.get()).size() - iterator->index));
}

constexpr TypeMember kBytesIteratorMembers[] = {
    Method("__length_hint__", &IteratorLengthHint),
};

constexpr TypeSlots BytesIteratorSlots() {
  TypeSlots slots = SlotsFor<BytesIteratorObject>(&BytesIteratorObject::Clear);
  slots.iter = &IteratorIter;
  slots.next = &IteratorNext;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kBytesIteratorType, "bytes_iterator",
                   {.slots = BytesIteratorSlots(), .members = kBytesIteratorMembers});

Ref<Object> NewBytesIterator(Ref<Object> bytes) {
  return Interpreter::Current()->NewObject<BytesIteratorObject>(&kBytesIteratorType,
                                                                std::move(bytes));
}

}  // namespace islet
