// `zip`: zip(*iterables, strict=False) yields tuples of the iterables' next
// items and stops with the shortest; with strict=True, iterables of different
// lengths raise ValueError once the difference shows
// (objects/lockstep_iterators.h).

#include <vector>

#include "interp/interpreter.h"
#include "objects/lockstep_iterators.h"
#include "objects/protocol.h"
#include "objects/tuple.h"
#include "runtime/static_type.h"

namespace islet {
namespace {

class ZipObject : public Object {
 public:
  explicit ZipObject(LockstepIterators lockstep) : lockstep(std::move(lockstep)) {}

  LockstepIterators lockstep;

  static void Clear(Object* self) { static_cast<ZipObject*>(self)->lockstep.Clear(); }
  static void Traverse(Object* self, const Visitor& visit) {
    static_cast<ZipObject*>(self)->lockstep.Traverse(visit);
  }
};

Ref<Object> ZipNew(TypeObject* type, const CallArgs& args) {
  LockstepIterators lockstep("zip");
  if (!BindStrict(args, lockstep) || !AddIterators(args.positional(), lockstep)) return nullptr;
  return Interpreter::Current()->NewObject<ZipObject>(type, std::move(lockstep));
}

Ref<Object> ZipNext(Object* self) {
  std::vector<Ref<Object>> items;
  if (!static_cast<ZipObject*>(self)->lockstep.Next(items)) return nullptr;
  return NewTuple(std::move(items));
}

constexpr TypeSlots ZipSlots() {
  TypeSlots slots = SlotsFor<ZipObject>(&ZipObject::Clear, &ZipObject::Traverse);
  slots.iter = &SelfIter;
  slots.next = &ZipNext;
  slots.new_instance = &ZipNew;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kZipType, "zip", {.flags = kTypeBaseType, .slots = ZipSlots()});

}  // namespace islet
