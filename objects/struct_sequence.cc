#include "objects/struct_sequence.h"

#include <optional>
#include <string>

#include "interp/interpreter.h"
#include "objects/args.h"
#include "objects/errors.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/well_known.h"
#include "runtime/str_cat.h"

namespace islet {
Ref<Object> NewStructSequence(TypeObject* type, std::vector<Ref<Object>> values) {
  return Interpreter::Current()->NewObject<TupleObject>(type, std::move(values));
}

Ref<Object> StructSequenceRepr(Object* self, std::span<const char* const> fields) {
  std::span<const Ref<Object>> values = TupleItems(self);
  std::string text = StrCat(TypeDisplayName(self->type()), "(");
  for (size_t i = 0; i < fields.size() && i < values.size(); ++i) {
    std::optional<std::string> value = ReprText(values[i].get());
    if (!value) return nullptr;
    text += StrCat(i == 0 ? "" : ", ", fields[i], "=", *value);
  }
  return NewStr(StrCat(text, ")"));
}

Ref<Object> StructSequenceNew(TypeObject* type, const CallArgs& args, size_t field_count) {
  Object* bound[2];
  if (!BindArgs(args, {.function = "structseq", .names = {"sequence", "dict"}, .required = 1},
                bound)) {
    return nullptr;
  }
  auto [sequence, dict] = bound;
  if (dict != nullptr && !IsInstance(dict, WellKnown::kDict)) {
    return Raise(WellKnown::kTypeError,
                 StrCat(TypeDisplayName(type), "() takes a dict as second arg, if any"));
  }
  Ref<Object> iterator = GetIter(sequence);
  if (!iterator) {
    if (!ExceptionMatches(WellKnown::kTypeError)) return nullptr;
    ClearException();
    return Raise(WellKnown::kTypeError, "constructor requires a sequence");
  }
  std::vector<Ref<Object>> values;
  while (Ref<Object> item = IterNext(iterator.get())) values.push_back(std::move(item));
  if (ExceptionPending()) return nullptr;
  if (values.size() != field_count) {
    return Raise(WellKnown::kTypeError, StrCat(TypeDisplayName(type), "() takes a ", field_count,
                                               "-sequence (", values.size(), "-sequence given)"));
  }
  return NewStructSequence(type, std::move(values));
}

}  // namespace islet
