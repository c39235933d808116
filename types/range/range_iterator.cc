// `range_iterator`: yields start, start + step, ... computing each int as it goes
// (it copies the range's bounds and holds no reference to it).

#include "types/range/range_iterator.h"

#include "interp/interpreter.h"
#include "objects/args.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "runtime/static_type.h"

namespace islet {
namespace {

class RangeIteratorObject : public Object {
 public:
  explicit RangeIteratorObject(const RangeObject& range)
      : start(range.start), step(range.step), length(range.length) {}
  const int64_t start;
  const int64_t step;
  const int64_t length;
  int64_t index = 0;
};

Ref<Object> RangeIteratorNext(Object* self) {
  auto* iterator = static_cast<RangeIteratorObject*>(self);
  if (iterator->index >= iterator->length) return nullptr;
  return NewInt(RangeItemAt(iterator->start, iterator->step, iterator->index++));
}

// How many items are left, for operator.length_hint() and preallocation.
Ref<Object> RangeIteratorLengthHint(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "range_iterator.__length_hint__")) return nullptr;
  auto* iterator = static_cast<RangeIteratorObject*>(self);
  return NewInt(iterator->length - iterator->index);
}

constexpr TypeMember kRangeIteratorMembers[] = {
    Method("__length_hint__", &RangeIteratorLengthHint),
};

constexpr TypeSlots RangeIteratorSlots() {
  TypeSlots slots = SlotsFor<RangeIteratorObject>();
  slots.iter = &SelfIter;
  slots.next = &RangeIteratorNext;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kRangeIteratorType, "range_iterator",
                   {.slots = RangeIteratorSlots(), .members = kRangeIteratorMembers});

Ref<Object> NewRangeIterator(const RangeObject& range) {
  return Interpreter::Current()->NewObject<RangeIteratorObject>(&kRangeIteratorType, range);
}

}  // namespace islet
