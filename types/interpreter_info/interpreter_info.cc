// `islet.InterpreterInfo`: what NewInterpreterInfo reports about an interpreter,
// as a struct sequence: a tuple (indexing, len, iteration and comparison are
// tuple's) whose items are also fields. Like CPython's struct sequences it can
// be built from Python only from a sequence of exactly its length.

#include "types/interpreter_info/interpreter_info.h"

#include <iterator>
#include <vector>

#include "objects/int.h"
#include "objects/singletons.h"
#include "objects/struct_sequence.h"
#include "objects/tuple.h"

namespace islet {
namespace {

constexpr const char* kFields[] = {"id", "is_main", "attached_threads", "live_objects"};

Ref<Object> InterpreterInfoRepr(Object* self) { return StructSequenceRepr(self, kFields); }

Ref<Object> InterpreterInfoNew(TypeObject* type, const CallArgs& args) {
  return StructSequenceNew(type, args, std::size(kFields));
}

constexpr TypeMember kInterpreterInfoMembers[] = {
    Getter("id", &StructSequenceField<0>),
    Getter("is_main", &StructSequenceField<1>),
    Getter("attached_threads", &StructSequenceField<2>),
    Getter("live_objects", &StructSequenceField<3>),
};

constexpr TypeSlots InterpreterInfoSlots() {
  TypeSlots slots = SlotsFor<TupleObject>(&TupleObject::Clear, &TupleObject::Traverse);
  slots.repr = &InterpreterInfoRepr;
  slots.new_instance = &InterpreterInfoNew;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kInterpreterInfoType, "islet.InterpreterInfo",
                   {.base = "tuple",
                    .slots = InterpreterInfoSlots(),
                    .members = kInterpreterInfoMembers});

Ref<Object> NewInterpreterInfo(Interpreter& interp) {
  const auto live_objects = static_cast<int64_t>(interp.memory_stats().live_objects);
  std::vector<Ref<Object>> values;
  values.push_back(NewInt(interp.id()));
  values.push_back(BoolRef(interp.is_main()));
  values.push_back(NewInt(interp.attached_threads()));
  values.push_back(NewInt(live_objects));
  return NewStructSequence(&kInterpreterInfoType, std::move(values));
}

}  // namespace islet
