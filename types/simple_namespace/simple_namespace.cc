// `types.SimpleNamespace`: an object whose attributes are the entries of its
// own dict: SimpleNamespace(mapping_or_iterable=(), /, **kwargs). Its repr
// lists them (`namespace(a=1, b='x')`) and two namespaces are equal when their
// dicts are.

#include <string>
#include <vector>

#include "interp/interpreter.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/dict_attributes.h"
#include "objects/errors.h"
#include "objects/protocol.h"
#include "objects/repr_guard.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/well_known.h"
#include "runtime/static_type.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

class NamespaceObject : public Object {
 public:
  explicit NamespaceObject(Ref<Object> dict) : dict(std::move(dict)) {}
  Ref<Object> dict;  // str keys: the attributes

  static void Clear(Object* self) { static_cast<NamespaceObject*>(self)->dict.reset(); }
  static void Traverse(Object* self, const Visitor& visit) {
    visit(static_cast<NamespaceObject*>(self)->dict);
  }
};

NamespaceObject* AsNamespace(Object* self) { return static_cast<NamespaceObject*>(self); }

// The namespace's dict, made again if teardown cleared it.
Ref<Object> DictOf(Object* self) {
  if (!AsNamespace(self)->dict) AsNamespace(self)->dict = NewDict();
  return AsNamespace(self)->dict;
}

std::nullptr_t RaiseNoAttribute(Object* self, const Name* name) {
  return Raise(
      WellKnown::kAttributeError,
      StrCat("'", TypeDisplayName(self->type()), "' object has no attribute '", name->text(), "'"));
}

Ref<Object> NamespaceNew(TypeObject* type, const CallArgs&) {
  return Interpreter::Current()->NewObject<NamespaceObject>(type, NewDict());
}

bool NamespaceInit(Object* self, const CallArgs& args) {
  std::span<Object* const> positional = args.positional();
  if (positional.size() > 1) {
    Raise(WellKnown::kTypeError,
          StrCat(TypeName(self->type()), " expected at most 1 argument, got ", positional.size()));
    return false;
  }
  Ref<Object> dict = DictOf(self);
  if (!positional.empty()) {
    Ref<Object> given = NewDict();
    if (!DictUpdate(given.get(), positional[0])) return false;
    int64_t position = 0;
    Object *key, *value;
    while (DictNext(given.get(), &position, &key, &value)) {
      if (!IsInstance(key, WellKnown::kStr)) {
        Raise(WellKnown::kTypeError, "keywords must be strings");
        return false;
      }
    }
    if (!DictUpdate(dict.get(), given.get())) return false;
  }
  for (size_t i = 0; i < args.kwnames.size(); ++i) {
    Ref<Object> key = NewStr(args.kwnames[i]->text());
    if (!DictSet(dict.get(), key.get(), args.keyword_values()[i])) return false;
  }
  return true;
}

Ref<Object> NamespaceGetAttr(Object* self, const Name* name) {
  Ref<Object> value = GetDictAttribute(self, DictOf(self).get(), name);
  if (value || ExceptionPending()) return value;
  return RaiseNoAttribute(self, name);
}

bool NamespaceSetAttr(Object* self, const Name* name, Object* value) {
  return SetDictAttribute(self, DictOf(self).get(), name, value);
}

// namespace(a=1, b='x'); a subclass shows its own name; one inside itself "...".
Ref<Object> NamespaceRepr(Object* self) {
  std::string_view name =
      IsExactly(self, WellKnown::kSimpleNamespace) ? "namespace" : TypeName(self->type());
  ReprGuard guard(self);
  if (guard.recursive()) return NewStr(StrCat(name, "(...)"));
  Ref<Object> dict = DictOf(self);
  // The entries first: reprs may change the dict.
  std::vector<Ref<Object>> keys, values;
  int64_t position = 0;
  Object *key, *value;
  while (DictNext(dict.get(), &position, &key, &value)) {
    if (!IsInstance(key, WellKnown::kStr)) continue;
    keys.push_back(Ref<Object>::Borrow(key));
    values.push_back(Ref<Object>::Borrow(value));
  }
  std::string text = StrCat(name, "(");
  for (size_t i = 0; i < keys.size(); ++i) {
    std::optional<std::string> shown = ReprText(values[i].get());
    if (!shown) return nullptr;
    text += StrCat(i == 0 ? "" : ", ", StrView(keys[i].get()), "=", *shown);
  }
  text += ")";
  return NewStr(text);
}

Ref<Object> NamespaceRichCompare(Object* self, Object* other, CompareOp op) {
  if (!IsInstance(self, WellKnown::kSimpleNamespace) ||
      !IsInstance(other, WellKnown::kSimpleNamespace) ||
      (op != CompareOp::kEq && op != CompareOp::kNe)) {
    return NotImplementedRef();
  }
  Ref<Object> left = DictOf(self), right = DictOf(other);
  return RichCompare(left.get(), right.get(), op);
}

Ref<Object> NamespaceDictGet(Object* self) { return DictOf(self); }

constexpr TypeMember kNamespaceMembers[] = {
    Getter("__dict__", &NamespaceDictGet),
};

constexpr TypeSlots NamespaceSlots() {
  TypeSlots slots = SlotsFor<NamespaceObject>(&NamespaceObject::Clear, &NamespaceObject::Traverse);
  slots.new_instance = &NamespaceNew;
  slots.init = &NamespaceInit;
  slots.getattr = &NamespaceGetAttr;
  slots.setattr = &NamespaceSetAttr;
  slots.repr = &NamespaceRepr;
  slots.richcompare = &NamespaceRichCompare;
  slots.hash = &HashNotImplemented;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kSimpleNamespaceType, "types.SimpleNamespace",
                   {.flags = kTypeBaseType,
                    .slots = NamespaceSlots(),
                    .members = kNamespaceMembers});

}  // namespace islet
