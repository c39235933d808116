// `map`: map(function, *iterables, strict=False) yields function(*items) for
// the iterables' next items and stops with the shortest; with strict=True
// (new in 3.14), iterables of different lengths raise ValueError.

#include <string>
#include <vector>

#include "interp/interpreter.h"
#include "objects/args.h"
#include "objects/errors.h"
#include "objects/protocol.h"
#include "objects/well_known.h"
#include "runtime/static_type.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

class MapObject : public Object {
 public:
  MapObject(Ref<Object> function, std::vector<Ref<Object>> iterators, bool strict)
      : function(std::move(function)), iterators(std::move(iterators)), strict(strict) {}

  Ref<Object> function;
  std::vector<Ref<Object>> iterators;
  const bool strict;

  static void Clear(Object* self) {
    auto* map = static_cast<MapObject*>(self);
    std::vector<Ref<Object>> old;
    old.swap(map->iterators);
    map->function.reset();
  }
};

Ref<Object> MapNew(TypeObject* type, const CallArgs& args) {
  Object* strict_arg = nullptr;
  if (!args.kwnames.empty()) {
    Object* bound[1] = {};
    CallArgs keywords{.args = args.keyword_values(), .kwnames = args.kwnames};
    if (!BindArgs(keywords, {.function = "map", .names = {"strict"}, .max_positional = 0}, bound)) {
      return nullptr;
    }
    strict_arg = bound[0];
  }
  std::span<Object* const> positional = args.positional();
  if (positional.size() < 2) {
    return Raise(WellKnown::kTypeError, "map() must have at least two arguments.");
  }
  bool strict = false;
  if (strict_arg != nullptr) {
    int truth = IsTrue(strict_arg);
    if (truth < 0) return nullptr;
    strict = truth > 0;
  }
  std::vector<Ref<Object>> iterators;
  for (Object* iterable : positional.subspan(1)) {
    Ref<Object> iterator = GetIter(iterable);
    if (!iterator) return nullptr;
    iterators.push_back(std::move(iterator));
  }
  return Interpreter::Current()->NewObject<MapObject>(type, Ref<Object>::Borrow(positional[0]),
                                                      std::move(iterators), strict);
}

// "argument 1" or "arguments 1-3": the arguments before number `count + 1`
// (numbered among the iterables, as CPython counts them).
std::string ArgumentsBefore(size_t count) {
  return count == 1 ? std::string("argument 1") : StrCat("arguments 1-", count);
}

// Iterator `exhausted` (0-based) ran out under strict=True: a ValueError if the
// others are not all exhausted too.
std::nullptr_t CheckAllExhausted(MapObject& map, size_t exhausted) {
  if (exhausted > 0) {
    return Raise(WellKnown::kValueError, StrCat("map() argument ", exhausted + 1,
                                                " is shorter than ", ArgumentsBefore(exhausted)));
  }
  for (size_t i = 1; i < map.iterators.size(); ++i) {
    Ref<Object> iterator = map.iterators[i];
    Ref<Object> item = IterNext(iterator.get());
    if (item) {
      return Raise(WellKnown::kValueError,
                   StrCat("map() argument ", i + 1, " is longer than ", ArgumentsBefore(i)));
    }
    if (ExceptionPending()) return nullptr;
  }
  return nullptr;
}

Ref<Object> MapNext(Object* self) {
  auto* map = static_cast<MapObject*>(self);
  if (map->iterators.empty()) return nullptr;
  std::vector<Ref<Object>> items;
  items.reserve(map->iterators.size());
  for (size_t i = 0; i < map->iterators.size(); ++i) {
    Ref<Object> iterator = map->iterators[i];  // the call may clear the map
    Ref<Object> item = IterNext(iterator.get());
    if (!item) {
      if (ExceptionPending() || !map->strict) return nullptr;
      return CheckAllExhausted(*map, i);
    }
    items.push_back(std::move(item));
  }
  Ref<Object> function = map->function;
  if (!function) return nullptr;
  std::vector<Object*> arguments;
  arguments.reserve(items.size());
  for (const Ref<Object>& item : items) arguments.push_back(item.get());
  return Call(function.get(), CallArgs{.args = arguments});
}

constexpr TypeSlots MapSlots() {
  TypeSlots slots = SlotsFor<MapObject>(&MapObject::Clear);
  slots.iter = &SelfIter;
  slots.next = &MapNext;
  slots.new_instance = &MapNew;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kMapType, "map", {.flags = kTypeBaseType, .slots = MapSlots()});

}  // namespace islet
