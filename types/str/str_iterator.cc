#include "types/str/str_iterator.h"

#include "interp/interpreter.h"
#include "objects/args.h"
#include "objects/int.h"
#include "objects/str.h"

namespace islet {
namespace {

class StrIteratorObject : public Object {
 public:
  explicit StrIteratorObject(Ref<Object> str) : str(std::move(str)) {}
  Ref<Object> str;    // null once exhausted
  size_t offset = 0;  // byte offset of the next code point
  int64_t index = 0;  // its code point index

  static void Clear(Object* self) { static_cast<StrIteratorObject*>(self)->str.reset(); }
};

StrIteratorObject* AsIterator(Object* self) { return static_cast<StrIteratorObject*>(self); }

Ref<Object> IteratorIter(Object* self) { return Ref<Object>::Borrow(self); }

Ref<Object> IteratorNext(Object* self) {
  StrIteratorObject* iterator = AsIterator(self);
  if (!iterator->str) return nullptr;
  std::string_view text = StrView(iterator->str.get());
  if (iterator->offset < text.size()) {
    size_t start = iterator->offset;
    DecodeCodePoint(text, &iterator->offset);
    ++iterator->index;
    return NewStr(text.substr(start, iterator->offset - start));
  }
  iterator->str.reset();
  return nullptr;
}

Ref<Object> IteratorLengthHint(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "str_iterator.__length_hint__")) return nullptr;
  StrIteratorObject* iterator = AsIterator(self);
  if (!iterator->str) return NewInt(0);
  return NewInt(StrLength(iterator->str.get()) - iterator->index);
}

constexpr TypeMember kStrIteratorMembers[] = {
    Method("__length_hint__", &IteratorLengthHint),
};

constexpr TypeSlots StrIteratorSlots() {
  TypeSlots slots = SlotsFor<StrIteratorObject>(&StrIteratorObject::Clear);
  slots.iter = &IteratorIter;
  slots.next = &IteratorNext;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kStrIteratorType, "str_iterator",
                   {.slots = StrIteratorSlots(), .members = kStrIteratorMembers});

Ref<Object> NewStrIterator(Ref<Object> str) {
  return Interpreter::Current()->NewObject<StrIteratorObject>(&kStrIteratorType, std::move(str));
}

}  // namespace islet
