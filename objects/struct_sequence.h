// Struct sequences: tuples whose items also have names, CPython's structseq
// (os.stat_result, sys.flags, islet.InterpreterInfo). A struct-sequence type is a
// static type whose base is `tuple` and whose instances are TupleObjects, so
// indexing, len, iteration, comparison and hashing are tuple's; this file has
// the parts it adds: named fields, its repr and its constructor.
//
//   constexpr const char* kFields[] = {"id", "is_main"};
//   constexpr TypeMember kMembers[] = {Getter("id", &StructSequenceField<0>), ...};
//   Ref<Object> Repr(Object* self) { return StructSequenceRepr(self, kFields); }
//   ISLET_BUILTIN_TYPE(kInfoType, "islet.Info",
//                      {.base = "tuple", .slots = ..., .members = kMembers});

#ifndef ISLET_OBJECTS_STRUCT_SEQUENCE_H_
#define ISLET_OBJECTS_STRUCT_SEQUENCE_H_

#include <cstddef>
#include <span>
#include <vector>

#include "objects/tuple.h"
#include "runtime/object.h"
#include "runtime/type_object.h"

namespace islet {

// A new instance of the struct-sequence type `type`, one value per field.
Ref<Object> NewStructSequence(TypeObject* type, std::vector<Ref<Object>> values);

// A getter for the field at kIndex.
template <size_t kIndex>
Ref<Object> StructSequenceField(Object* self) {
  return TupleItems(self)[kIndex];
}

// "islet.InterpreterInfo(id=0, is_main=True, ...)": the registered name, then
// each field as name=repr(value).
Ref<Object> StructSequenceRepr(Object* self, std::span<const char* const> fields);

// CPython's structseq constructor, type(sequence[, dict]): `sequence` must have
// exactly as many items as there are fields; `dict`, if given, must be a dict
// (in CPython it supplies hidden fields; these types have none). Messages
// are CPython's, including its name "structseq" for argument errors.
Ref<Object> StructSequenceNew(TypeObject* type, const CallArgs& args, size_t field_count);

}  // namespace islet

#endif  // ISLET_OBJECTS_STRUCT_SEQUENCE_H_
