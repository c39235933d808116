// `dict`: the mapping type, over the insertion-ordered hash table of
// objects/dict.h. Views (keys(), values(), items()) and iterators are their own
// types in this package (dict_parts.h).

#include "objects/dict.h"

#include <string>
#include <vector>

#include "interp/interpreter.h"
#include "objects/args.h"
#include "objects/errors.h"
#include "objects/list.h"
#include "objects/protocol.h"
#include "objects/repr_guard.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/static_type.h"
#include "runtime/str_cat.h"
#include "types/dict/dict_parts.h"

namespace islet {
namespace {

DictObject* AsDict(Object* self) { return static_cast<DictObject*>(self); }

Ref<Object> DictRepr(Object* self) {
  if (DictSize(self) == 0) return NewStr("{}");
  ReprGuard guard(self);
  if (guard.recursive()) return NewStr("{...}");
  std::string text = "{";
  int64_t position = 0;
  Object* key;
  Object* value;
  bool first = true;
  while (DictNext(self, &position, &key, &value)) {
    // Repr'ing may change the dict: hold the entry.
    Ref<Object> held_key = Ref<Object>::Borrow(key);
    Ref<Object> held_value = Ref<Object>::Borrow(value);
    std::optional<std::string> key_text = ReprText(held_key.get());
    if (!key_text) return nullptr;
    std::optional<std::string> value_text = ReprText(held_value.get());
    if (!value_text) return nullptr;
    if (!first) text += ", ";
    first = false;
    text += *key_text;
    text += ": ";
    text += *value_text;
  }
  text += "}";
  return NewStr(text);
}

// 1 if the dicts have equal keys mapped to equal values, 0 if not, -1 on error.
int DictEqual(DictObject* left, DictObject* right) {
  if (left->size() != right->size()) return 0;
  int64_t position = 0;
  Object* key;
  Object* value;
  int64_t hash;
  while (left->Next(&position, &key, &value, &hash)) {
    Ref<Object> held_key = Ref<Object>::Borrow(key);
    Ref<Object> held_value = Ref<Object>::Borrow(value);
    Object* other;
    const int found = right->Get(held_key.get(), hash, &other);
    if (found <= 0) return found;
    Ref<Object> held_other = Ref<Object>::Borrow(other);
    const int equal = RichCompareBool(held_value.get(), held_other.get(), CompareOp::kEq);
    if (equal <= 0) return equal;
  }
  return 1;
}

Ref<Object> DictRichCompare(Object* self, Object* other, CompareOp op) {
  if (!IsInstance(self, WellKnown::kDict) || !IsInstance(other, WellKnown::kDict) ||
      (op != CompareOp::kEq && op != CompareOp::kNe)) {
    return NotImplementedRef();
  }
  const int equal = DictEqual(AsDict(self), AsDict(other));
  if (equal < 0) return nullptr;
  return BoolRef((equal == 1) == (op == CompareOp::kEq));
}

int64_t DictLength(Object* self) { return DictSize(self); }

// d[key]; a missing key calls a subclass's __missing__(key) if it has one.
Ref<Object> DictGetItem(Object* self, Object* key) {
  Object* value;
  const int found = DictGet(self, key, &value);
  if (found < 0) return nullptr;
  if (found > 0) return Ref<Object>::Borrow(value);
  if (!IsExactly(self, WellKnown::kDict)) {
    Interpreter& interp = *Interpreter::Current();
    Ref<Object> missing = Ref<Object>::Borrow(
        interp.LookupTypeAttribute(*self->type(), interp.Intern("__missing__")));
    if (missing) {
      if (DescrGetFn get = missing->type()->slots().descr_get) {
        missing = get(missing.get(), self, self->type());
        if (!missing) return nullptr;
      }
      return Call(missing.get(), {key});
    }
  }
  return RaiseKeyError(key);
}

bool DictSetItem(Object* self, Object* key, Object* value) {
  if (value != nullptr) return DictSet(self, key, value);
  const int removed = DictDelete(self, key);
  if (removed == 0) RaiseKeyError(key);
  return removed > 0;
}

int DictContains(Object* self, Object* key) {
  Object* value;
  return DictGet(self, key, &value);
}

Ref<Object> DictIter(Object* self) { return NewDictIterator<DictPart::kKeys>(self); }

// d | other: a new dict with other's entries over d's.
Ref<Object> DictOr(Object* left, Object* right) {
  if (!IsInstance(left, WellKnown::kDict) || !IsInstance(right, WellKnown::kDict)) {
    return NotImplementedRef();
  }
  Ref<Object> result = DictCopy(left);
  if (!DictUpdate(result.get(), right)) return nullptr;
  return result;
}

// What dict() and update() share: at most one positional argument (a mapping or
// pairs), then keyword arguments, stored in order.
bool UpdateFromArgs(Object* self, const CallArgs& args, std::string_view function) {
  if (args.positional_count() > 1) {
    Raise(WellKnown::kTypeError,
          StrCat(function, " expected at most 1 argument, got ", args.positional_count()));
    return false;
  }
  if (args.positional_count() == 1 && !DictUpdate(self, args.args[0])) return false;
  for (size_t i = 0; i < args.kwnames.size(); ++i) {
    Ref<Object> key = NewStr(args.kwnames[i]->text());
    if (!DictSet(self, key.get(), args.keyword_values()[i])) return false;
  }
  return true;
}

// The dict is filled by init, so a subclass's construction sees an empty dict.
Ref<Object> DictNew(TypeObject* type, const CallArgs&) {
  return Interpreter::Current()->NewObject<DictObject>(type);
}

// dict(), dict(mapping), dict(iterable of pairs), dict(**kwargs): adds to the
// contents, as dict.__init__ does.
bool DictInit(Object* self, const CallArgs& args) { return UpdateFromArgs(self, args, "dict"); }

// --- methods ---

Ref<Object> DictGetMethod(Object* self, const CallArgs& args) {
  if (!CheckPositional(args, "get", 1, 2)) return nullptr;
  Object* value;
  const int found = DictGet(self, args.args[0], &value);
  if (found < 0) return nullptr;
  if (found > 0) return Ref<Object>::Borrow(value);
  return args.args.size() > 1 ? Ref<Object>::Borrow(args.args[1]) : NoneRef();
}

Ref<Object> DictSetDefault(Object* self, const CallArgs& args) {
  if (!CheckPositional(args, "setdefault", 1, 2)) return nullptr;
  Object* value;
  const int found = DictGet(self, args.args[0], &value);
  if (found < 0) return nullptr;
  if (found > 0) return Ref<Object>::Borrow(value);
  Object* fallback = args.args.size() > 1 ? args.args[1] : None();
  if (!DictSet(self, args.args[0], fallback)) return nullptr;
  return Ref<Object>::Borrow(fallback);
}

Ref<Object> DictPopMethod(Object* self, const CallArgs& args) {
  if (!CheckPositional(args, "pop", 1, 2)) return nullptr;
  Ref<Object> value;
  const int found = DictPop(self, args.args[0], &value);
  if (found < 0) return nullptr;
  if (found > 0) return value;
  if (args.args.size() > 1) return Ref<Object>::Borrow(args.args[1]);
  return RaiseKeyError(args.args[0]);
}

// Removes and returns the most recently inserted (key, value).
Ref<Object> DictPopItem(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "dict.popitem")) return nullptr;
  Ref<Object> key;
  Ref<Object> value;
  if (!AsDict(self)->PopLast(&key, &value)) {
    return Raise(WellKnown::kKeyError, "popitem(): dictionary is empty");
  }
  return NewTuple({key.get(), value.get()});
}

Ref<Object> DictKeys(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "dict.keys")) return nullptr;
  return NewDictView<DictPart::kKeys>(self);
}

Ref<Object> DictValues(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "dict.values")) return nullptr;
  return NewDictView<DictPart::kValues>(self);
}

Ref<Object> DictItems(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "dict.items")) return nullptr;
  return NewDictView<DictPart::kItems>(self);
}

Ref<Object> DictUpdateMethod(Object* self, const CallArgs& args) {
  if (!UpdateFromArgs(self, args, "update")) return nullptr;
  return NoneRef();
}

Ref<Object> DictClearMethod(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "dict.clear")) return nullptr;
  DictClear(self);
  return NoneRef();
}

Ref<Object> DictCopyMethod(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "dict.copy")) return nullptr;
  return DictCopy(self);
}

// dict.fromkeys(iterable, value=None), a class method: cls() filled through [].
Ref<Object> DictFromKeys(Object* cls, const CallArgs& args) {
  if (!CheckPositional(args, "fromkeys", 1, 2)) return nullptr;
  Object* value = args.args.size() > 1 ? args.args[1] : None();
  Ref<Object> result = Call(cls, {});
  if (!result) return nullptr;
  Ref<Object> iterator = GetIter(args.args[0]);
  if (!iterator) return nullptr;
  while (Ref<Object> key = IterNext(iterator.get())) {
    if (!SetItem(result.get(), key.get(), value)) return nullptr;
  }
  if (ExceptionPending()) return nullptr;
  return result;
}

constexpr TypeMember kDictMembers[] = {
    Method("get", &DictGetMethod),
    Method("setdefault", &DictSetDefault),
    Method("pop", &DictPopMethod),
    Method("popitem", &DictPopItem),
    Method("keys", &DictKeys),
    Method("values", &DictValues),
    Method("items", &DictItems),
    Method("update", &DictUpdateMethod),
    Method("clear", &DictClearMethod),
    Method("copy", &DictCopyMethod),
    ClassMethod("fromkeys", &DictFromKeys),
};

constexpr TypeSlots DictSlots() {
  TypeSlots slots = SlotsFor<DictObject>(&DictObject::ClearSlot, &DictObject::Traverse);
  slots.repr = &DictRepr;
  slots.hash = &HashNotImplemented;
  slots.richcompare = &DictRichCompare;
  slots.length = &DictLength;
  slots.getitem = &DictGetItem;
  slots.setitem = &DictSetItem;
  slots.contains = &DictContains;
  slots.iter = &DictIter;
  slots.bit_or = &DictOr;
  slots.new_instance = &DictNew;
  slots.init = &DictInit;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kDictType, "dict",
                   {.flags = kTypeBaseType, .slots = DictSlots(), .members = kDictMembers});

}  // namespace islet
