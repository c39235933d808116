// `reversed`: reversed(sequence) calls the type's __reversed__ if it has one;
// otherwise, for a sequence (len() and [] with ints), it yields sequence[n-1],
// ..., sequence[0], reading each item when it is asked for.

#include <cstdint>

#include "interp/interpreter.h"
#include "objects/args.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/well_known.h"
#include "runtime/static_type.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

class ReversedObject : public Object {
 public:
  ReversedObject(Ref<Object> sequence, int64_t index)
      : sequence(std::move(sequence)), index(index) {}

  Ref<Object> sequence;  // null once exhausted
  int64_t index;         // of the next item; -1 once exhausted

  static void Clear(Object* self) { static_cast<ReversedObject*>(self)->sequence.reset(); }
  static void Traverse(Object* self, const Visitor& visit) {
    visit(static_cast<ReversedObject*>(self)->sequence);
  }
};

std::nullptr_t RaiseNotReversible(Object* object) {
  return Raise(WellKnown::kTypeError,
               StrCat("'", TypeDisplayName(object->type()), "' object is not reversible"));
}

Ref<Object> ReversedNew(TypeObject* type, const CallArgs& args) {
  if (type == WellKnownType(WellKnown::kReversed) && !CheckNoKeywords(args, "reversed")) {
    return nullptr;
  }
  std::span<Object* const> positional = args.positional();
  if (!CheckPositional(CallArgs{.args = positional}, "reversed", 1, 1)) return nullptr;
  Object* sequence = positional[0];
  Interpreter& interp = *Interpreter::Current();
  Ref<Object> method = Ref<Object>::Borrow(
      interp.LookupTypeAttribute(*sequence->type(), interp.Intern("__reversed__")));
  if (method) {
    if (method.get() == None()) return RaiseNotReversible(sequence);
    return CallPrepend(method.get(), sequence, CallArgs{});
  }
  // A sequence, as CPython's PySequence_Check sees one: [] and not a dict.
  if (sequence->type()->slots().getitem == nullptr || IsInstance(sequence, WellKnown::kDict)) {
    return RaiseNotReversible(sequence);
  }
  const int64_t length = Length(sequence);
  if (length < 0) return nullptr;
  return interp.NewObject<ReversedObject>(type, Ref<Object>::Borrow(sequence), length - 1);
}

Ref<Object> ReversedNext(Object* self) {
  auto* reversed = static_cast<ReversedObject*>(self);
  Ref<Object> sequence = reversed->sequence;
  if (reversed->index >= 0 && sequence) {
    Ref<Object> index = NewInt(reversed->index--);
    Ref<Object> item = GetItem(sequence.get(), index.get());
    if (item) return item;
    if (!ExceptionMatches(WellKnown::kIndexError) && !ExceptionMatches(WellKnown::kStopIteration)) {
      return nullptr;
    }
    ClearException();  // the sequence shrank: the iteration ends
  }
  reversed->index = -1;
  reversed->sequence.reset();
  return nullptr;
}

// How many items are left, for operator.length_hint() and preallocation.
Ref<Object> ReversedLengthHint(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "reversed.__length_hint__")) return nullptr;
  auto* reversed = static_cast<ReversedObject*>(self);
  if (!reversed->sequence) return NewInt(0);
  const int64_t length = Length(reversed->sequence.get());
  if (length < 0) return nullptr;
  return NewInt(length < reversed->index + 1 ? 0 : reversed->index + 1);
}

constexpr TypeMember kReversedMembers[] = {
    Method("__length_hint__", &ReversedLengthHint),
};

constexpr TypeSlots ReversedSlots() {
  TypeSlots slots = SlotsFor<ReversedObject>(&ReversedObject::Clear, &ReversedObject::Traverse);
  slots.iter = &SelfIter;
  slots.next = &ReversedNext;
  slots.new_instance = &ReversedNew;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kReversedType, "reversed",
                   {.flags = kTypeBaseType, .slots = ReversedSlots(), .members = kReversedMembers});

}  // namespace islet
