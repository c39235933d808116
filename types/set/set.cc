// `set`: a mutable, unhashable set. The table and every behaviour it shares with
// frozenset live in objects/set.h; this module adds construction (set() creates
// an empty set, __init__ fills it, so subclasses can take other arguments), the
// mutating methods and unhashability.

#include "objects/set.h"

#include "objects/args.h"
#include "objects/protocol.h"
#include "runtime/static_type.h"

namespace islet {
namespace {

SetObject* AsSet(Object* self) { return static_cast<SetObject*>(self); }

Ref<Object> SetNew(TypeObject* type, const CallArgs&) { return NewSetOfType(type, nullptr); }

// set(iterable=(), /): refills the set, so calling __init__ again starts over.
bool SetInit(Object* self, const CallArgs& args) {
  if (!CheckNoKeywords(args, "set")) return false;
  if (!CheckPositional(args, TypeDisplayName(self->type()), 0, 1)) return false;
  SetObject* set = AsSet(self);
  if (set->size() > 0) set->ClearItems();
  return args.args.empty() || SetUpdate(self, args.args[0]);
}

constexpr TypeMember kSetMembers[] = {
    Method("add", &SetAddMethod),
    Method("clear", &SetClearMethod),
    Method("copy", &SetCopyMethod),
    Method("discard", &SetDiscardMethod),
    Method("difference", &SetDifferenceMethod),
    Method("difference_update", &SetDifferenceUpdateMethod),
    Method("intersection", &SetIntersectionMethod),
    Method("intersection_update", &SetIntersectionUpdateMethod),
    Method("isdisjoint", &SetIsDisjointMethod),
    Method("issubset", &SetIsSubsetMethod),
    Method("issuperset", &SetIsSupersetMethod),
    Method("pop", &SetPopMethod),
    Method("remove", &SetRemoveMethod),
    Method("symmetric_difference", &SetSymmetricDifferenceMethod),
    Method("symmetric_difference_update", &SetSymmetricDifferenceUpdateMethod),
    Method("union", &SetUnionMethod),
    Method("update", &SetUpdateMethod),
};

constexpr TypeSlots SetSlots() {
  TypeSlots slots = AnySetSlots();
  slots.hash = &HashNotImplemented;  // a set's value changes
  slots.new_instance = &SetNew;
  slots.init = &SetInit;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kSetType, "set",
                   {.deps = {"set_iterator"},
                    .flags = kTypeBaseType,
                    .slots = SetSlots(),
                    .members = kSetMembers});

}  // namespace islet
