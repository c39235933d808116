#include "types/str/str_ascii_iterator.h"

#include "interp/interpreter.h"
#include "objects/args.h"
#include "objects/int.h"
#include "objects/str.h"

namespace islet {
namespace {

class StrAsciiIteratorObject : public Object {
 public:
  explicit StrAsciiIteratorObject(Ref<Object> str) : str(std::move(str)) {}
  Ref<Object> str;  // null once exhausted
  int64_t index = 0;

  static void Clear(Object* self) { static_cast<StrAsciiIteratorObject*>(self)->str.reset(); }
};

StrAsciiIteratorObject* AsIterator(Object* self) {
  return static_cast<StrAsciiIteratorObject*>(self);
}

Ref<Object> IteratorIter(Object* self) { return Ref<Object>::Borrow(self); }

Ref<Object> IteratorNext(Object* self) {
  StrAsciiIteratorObject* iterator = AsIterator(self);
  if (!iterator->str) return nullptr;
  std::string_view text = StrView(iterator->str.get());
  if (iterator->index < static_cast<int64_t>(text.size())) {
    return NewStr(text.substr(static_cast<size_t>(iterator->index++), 1));
  }
  iterator->str.reset();
  return nullptr;
}

Ref<Object> IteratorLengthHint(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "str_ascii_iterator.__length_hint__")) return nullptr;
  StrAsciiIteratorObject* iterator = AsIterator(self);
  if (!iterator->str) return NewInt(0);
  return NewInt(StrLength(iterator->str.get()) - iterator->index);
}

constexpr TypeMember kStrAsciiIteratorMembers[] = {
    Method("__length_hint__", &IteratorLengthHint),
};

constexpr TypeSlots StrAsciiIteratorSlots() {
  TypeSlots slots = SlotsFor<StrAsciiIteratorObject>(&StrAsciiIteratorObject::Clear);
  slots.iter = &IteratorIter;
  slots.next = &IteratorNext;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kStrAsciiIteratorType, "str_ascii_iterator",
                   {.slots = StrAsciiIteratorSlots(), .members = kStrAsciiIteratorMembers});

Ref<Object> NewStrAsciiIterator(Ref<Object> str) {
  return Interpreter::Current()->NewObject<StrAsciiIteratorObject>(&kStrAsciiIteratorType,
                                                                   std::move(str));
}

}  // namespace islet
