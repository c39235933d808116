// `map`: map(function, *iterables, strict=False) yields function(*items) for
// the iterables' next items and stops with the shortest; with strict=True
// (new in 3.14), iterables of different lengths raise ValueError
// (objects/lockstep_iterators.h).

#include <vector>

#include "interp/interpreter.h"
#include "objects/errors.h"
#include "objects/lockstep_iterators.h"
#include "objects/protocol.h"
#include "objects/well_known.h"
#include "runtime/static_type.h"

namespace islet {
namespace {

class MapObject : public Object {
 public:
  MapObject(Ref<Object> function, LockstepIterators lockstep)
      : function(std::move(function)), lockstep(std::move(lockstep)) {}

  Ref<Object> function;
  LockstepIterators lockstep;

  static void Clear(Object* self) {
    auto* map = static_cast<MapObject*>(self);
    map->lockstep.Clear();
    map->function.reset();
  }
  static void Traverse(Object* self, const Visitor& visit) {
    auto* map = static_cast<MapObject*>(self);
    map->lockstep.Traverse(visit);
    visit(map->function);
  }
};

Ref<Object> MapNew(TypeObject* type, const CallArgs& args) {
  LockstepIterators lockstep("map");
  if (!BindStrict(args, lockstep)) return nullptr;
  std::span<Object* const> positional = args.positional();
  if (positional.size() < 2) {
    return Raise(WellKnown::kTypeError, "map() must have at least two arguments.");
  }
  if (!AddIterators(positional.subspan(1), lockstep)) return nullptr;
  return Interpreter::Current()->NewObject<MapObject>(type, Ref<Object>::Borrow(positional[0]),
                                                      std::move(lockstep));
}

Ref<Object> MapNext(Object* self) {
  auto* map = static_cast<MapObject*>(self);
  std::vector<Ref<Object>> items;
  if (!map->lockstep.Next(items)) return nullptr;
  Ref<Object> function = map->function;  // the iterators' code may clear the map
  if (!function) return nullptr;
  std::vector<Object*> arguments;
  arguments.reserve(items.size());
  for (const Ref<Object>& item : items) arguments.push_back(item.get());
  return Call(function.get(), CallArgs{.args = arguments});
}

constexpr TypeSlots MapSlots() {
  TypeSlots slots = SlotsFor<MapObject>(&MapObject::Clear, &MapObject::Traverse);
  slots.iter = &SelfIter;
  slots.next = &MapNext;
  slots.new_instance = &MapNew;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kMapType, "map", {.flags = kTypeBaseType, .slots = MapSlots()});

}  // namespace islet
