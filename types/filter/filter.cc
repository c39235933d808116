// `filter`: filter(function, iterable) yields the items for which
// function(item) is true; with None (or bool) as the function, the items that
// are true themselves.

#include "interp/interpreter.h"
#include "objects/args.h"
#include "objects/errors.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/well_known.h"
#include "runtime/static_type.h"

namespace islet {
namespace {

class FilterObject : public Object {
 public:
  FilterObject(Ref<Object> function, Ref<Object> iterator)
      : function(std::move(function)), iterator(std::move(iterator)) {}

  Ref<Object> function;  // null: test the items themselves
  Ref<Object> iterator;

  static void Clear(Object* self) {
    auto* filter = static_cast<FilterObject*>(self);
    filter->function.reset();
    filter->iterator.reset();
  }
  static void Traverse(Object* self, const Visitor& visit) {
    auto* filter = static_cast<FilterObject*>(self);
    visit(filter->function);
    visit(filter->iterator);
  }
};

Ref<Object> FilterNew(TypeObject* type, const CallArgs& args) {
  if (type == WellKnownType(WellKnown::kFilter) && !CheckNoKeywords(args, "filter")) {
    return nullptr;
  }
  std::span<Object* const> positional = args.positional();
  if (!CheckPositional(CallArgs{.args = positional}, "filter", 2, 2)) return nullptr;
  Object* function = positional[0];
  Ref<Object> iterator = GetIter(positional[1]);
  if (!iterator) return nullptr;
  // filter(bool, ...) tests the items as filter(None, ...) does, without calls.
  const bool identity = function == None() || function == WellKnownType(WellKnown::kBool);
  return Interpreter::Current()->NewObject<FilterObject>(
      type, identity ? nullptr : Ref<Object>::Borrow(function), std::move(iterator));
}

Ref<Object> FilterNext(Object* self) {
  auto* filter = static_cast<FilterObject*>(self);
  Ref<Object> iterator = filter->iterator;  // calls below may clear the filter
  Ref<Object> function = filter->function;
  if (!iterator) return nullptr;
  while (Ref<Object> item = IterNext(iterator.get())) {
    int keep;
    if (function) {
      Ref<Object> verdict = Call(function.get(), {item.get()});
      if (!verdict) return nullptr;
      keep = IsTrue(verdict.get());
    } else {
      keep = IsTrue(item.get());
    }
    if (keep < 0) return nullptr;
    if (keep > 0) return item;
  }
  return nullptr;
}

constexpr TypeSlots FilterSlots() {
  TypeSlots slots = SlotsFor<FilterObject>(&FilterObject::Clear, &FilterObject::Traverse);
  slots.iter = &SelfIter;
  slots.next = &FilterNext;
  slots.new_instance = &FilterNew;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kFilterType, "filter", {.flags = kTypeBaseType, .slots = FilterSlots()});

}  // namespace islet
