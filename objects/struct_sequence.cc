#include "objects/struct_sequence.h"

#include <optional>
#include <string>

#include "interp/interpreter.h"
#include "objects/errors.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/well_known.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

// Binds the constructor's arguments, (sequence, dict), positionally or by name;
// null in `*dict` when it was not given.
bool BindArguments(const CallArgs& args, Object** sequence, Object** dict) {
  constexpr std::string_view kNames[] = {"sequence", "dict"};
  Object* bound[2] = {nullptr, nullptr};
  size_t positional = args.positional_count();
  if (args.args.size() > 2) {
    Raise(WellKnown::kTypeError,
          StrCat("structseq() takes at most 2 arguments (", args.args.size(), " given)"));
    return false;
  }
  for (size_t i = 0; i < positional; ++i) bound[i] = args.args[i];
  for (size_t k = 0; k < args.kwnames.size(); ++k) {
    std::string_view name = args.kwnames[k]->text();
    size_t slot = name == kNames[0] ? 0 : name == kNames[1] ? 1 : 2;
    if (slot == 2) {
      Raise(WellKnown::kTypeError,
            StrCat("structseq() got an unexpected keyword argument '", name, "'"));
      return false;
    }
    if (bound[slot] != nullptr) {
      Raise(WellKnown::kTypeError, StrCat("argument for structseq() given by name ('", name,
                                          "') and position (", slot + 1, ")"));
      return false;
    }
    bound[slot] = args.keyword_values()[k];
  }
  if (bound[0] == nullptr) {
    Raise(WellKnown::kTypeError, "structseq() missing required argument 'sequence' (pos 1)");
    return false;
  }
  *sequence = bound[0];
  *dict = bound[1];
  return true;
}

}  // namespace

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
  Object* sequence;
  Object* dict;
  if (!BindArguments(args, &sequence, &dict)) return nullptr;
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
