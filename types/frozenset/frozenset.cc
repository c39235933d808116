// `frozenset`: an immutable, hashable set. It shares set's table and behaviour
// (objects/set.h) but is filled once, by its constructor, and never changed:
// so it has a hash (CPython's algorithm, computed once) and no mutating methods.

#include "objects/args.h"
#include "objects/protocol.h"
#include "objects/set.h"
#include "objects/well_known.h"
#include "runtime/static_type.h"

namespace islet {
namespace {

// frozenset(iterable=(), /). frozenset(f) of an exact frozenset is f itself.
Ref<Object> FrozenSetNew(TypeObject* type, const CallArgs& args) {
  StaticType* frozenset = WellKnownType(WellKnown::kFrozenSet);
  // A subclass with its own __init__ may take keyword arguments.
  if ((type == frozenset || type->slots().init == frozenset->slots().init) &&
      !CheckNoKeywords(args, "frozenset")) {
    return nullptr;
  }
  CallArgs positional{.args = args.positional()};
  if (!CheckPositional(positional, TypeDisplayName(type), 0, 1)) return nullptr;
  Object* iterable = positional.args.empty() ? nullptr : positional.args[0];
  if (type == frozenset && iterable != nullptr && IsExactly(iterable, WellKnown::kFrozenSet)) {
    return Ref<Object>::Borrow(iterable);
  }
  return NewSetOfType(type, iterable);
}

constexpr TypeMember kFrozenSetMembers[] = {
    Method("copy", &SetCopyMethod),
    Method("difference", &SetDifferenceMethod),
    Method("intersection", &SetIntersectionMethod),
    Method("isdisjoint", &SetIsDisjointMethod),
    Method("issubset", &SetIsSubsetMethod),
    Method("issuperset", &SetIsSupersetMethod),
    Method("symmetric_difference", &SetSymmetricDifferenceMethod),
    Method("union", &SetUnionMethod),
};

constexpr TypeSlots FrozenSetSlots() {
  TypeSlots slots = AnySetSlots();
  slots.hash = &FrozenSetHash;
  slots.new_instance = &FrozenSetNew;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kFrozenSetType, "frozenset",
                   {.deps = {"set_iterator"},
                    .flags = kTypeBaseType,
                    .slots = FrozenSetSlots(),
                    .members = kFrozenSetMembers});

}  // namespace islet
