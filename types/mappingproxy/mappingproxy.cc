// `mappingproxy`: a read-only view of a mapping. Assigning or deleting an item
// fails through the protocol's defaults ("'mappingproxy' object does not support
// item assignment"), since this type has no setitem slot.
//
// It views either any mapping (mappingproxy(d)), delegating every operation to
// it, or a type's dict in the current interpreter (type.__dict__), which is an
// AttrTable of interned names: lookups scan it for a str key, and whatever needs
// a real mapping (iteration, keys(), repr, copy()) works on a dict snapshot of it
// (keys become str objects), so the view is always current.

#include <string>

#include "interp/interpreter.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/mapping_proxy.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "runtime/static_type.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

MappingProxyObject* AsProxy(Object* self) { return static_cast<MappingProxyObject*>(self); }

// The viewed type's own dict in this interpreter (null while it is empty), if
// this proxy views a type.
const AttrTable* TypeDictOf(Object* self) {
  return Interpreter::Current()->TypeDict(*AsProxy(self)->type);
}

// The mapping to delegate to: the viewed mapping, or a snapshot of the type's dict.
Ref<Object> Mapping(Object* self) {
  MappingProxyObject* proxy = AsProxy(self);
  if (proxy->type) return NewDictFromAttrTable(TypeDictOf(self));
  return proxy->mapping;
}

// The value a type's dict holds under `key` (a str), or null.
Object* FindInTypeDict(Object* self, Object* key) {
  const AttrTable* table = TypeDictOf(self);
  if (table == nullptr || !IsInstance(key, WellKnown::kStr)) return nullptr;
  std::string_view text = StrView(key);
  for (const AttrTable::Entry& entry : table->entries()) {
    if (entry.name->text() == text) return entry.value.get();
  }
  return nullptr;
}

Ref<Object> MappingProxyRepr(Object* self) {
  Ref<Object> mapping = Mapping(self);
  if (!mapping) return nullptr;
  std::optional<std::string> text = ReprText(mapping.get());
  if (!text) return nullptr;
  return NewStr(StrCat("mappingproxy(", *text, ")"));
}

Ref<Object> MappingProxyStr(Object* self) {
  Ref<Object> mapping = Mapping(self);
  if (!mapping) return nullptr;
  return Str(mapping.get());
}

// Hashable if the mapping is (since Python 3.12); a type's dict is not.
int64_t MappingProxyHash(Object* self) {
  if (!CheckStack(" while getting the hash of an object")) return -1;  // a proxy of a proxy ...
  Ref<Object> mapping = Mapping(self);
  if (!mapping) return -1;
  return Hash(mapping.get());
}

Ref<Object> MappingProxyRichCompare(Object* self, Object* other, CompareOp op) {
  Ref<Object> mapping = Mapping(self);
  if (!mapping) return nullptr;
  return RichCompare(mapping.get(), other, op);
}

int64_t MappingProxyLength(Object* self) {
  if (AsProxy(self)->type) {
    const AttrTable* table = TypeDictOf(self);
    return table == nullptr ? 0 : static_cast<int64_t>(table->size());
  }
  return Length(AsProxy(self)->mapping.get());
}

Ref<Object> MappingProxyGetItem(Object* self, Object* key) {
  if (AsProxy(self)->type) {
    if (Object* value = FindInTypeDict(self, key)) return Ref<Object>::Borrow(value);
    return RaiseKeyError(key);
  }
  return GetItem(AsProxy(self)->mapping.get(), key);
}

int MappingProxyContains(Object* self, Object* key) {
  if (AsProxy(self)->type) return FindInTypeDict(self, key) != nullptr;
  return Contains(AsProxy(self)->mapping.get(), key);
}

Ref<Object> MappingProxyIter(Object* self) {
  Ref<Object> mapping = Mapping(self);
  if (!mapping) return nullptr;
  return GetIter(mapping.get());
}

// Whether `mapping` can be viewed: it supports [] and is not a list or tuple.
bool IsMapping(const Object* mapping) {
  return mapping->type()->slots().getitem != nullptr && !IsInstance(mapping, WellKnown::kList) &&
         !IsInstance(mapping, WellKnown::kTuple);
}

// mappingproxy(mapping), the argument positional or by keyword.
Ref<Object> MappingProxyNew(TypeObject*, const CallArgs& args) {
  Object* mapping;
  if (!BindArgs(args, {.function = "mappingproxy", .names = {"mapping"}, .required = 1},
                std::span(&mapping, 1))) {
    return nullptr;
  }
  if (!IsMapping(mapping)) {
    return Raise(WellKnown::kTypeError, StrCat("mappingproxy() argument must be a mapping, not ",
                                               TypeDisplayName(mapping->type())));
  }
  return NewMappingProxy(Ref<Object>::Borrow(mapping));
}

// --- methods ---

Ref<Object> MappingProxyGet(Object* self, const CallArgs& args) {
  if (!CheckPositional(args, "get", 1, 2)) return nullptr;
  Object* fallback = args.args.size() > 1 ? args.args[1] : None();
  if (AsProxy(self)->type) {
    Object* value = FindInTypeDict(self, args.args[0]);
    return Ref<Object>::Borrow(value != nullptr ? value : fallback);
  }
  return CallMethod(AsProxy(self)->mapping.get(), "get", {args.args[0], fallback});
}

// keys(), values(), items(): the mapping's own (a type's dict: a dict's).
Ref<Object> CallOnMapping(Object* self, const CallArgs& args, std::string_view method) {
  if (!CheckNoArgs(args, StrCat("mappingproxy.", method))) return nullptr;
  Ref<Object> mapping = Mapping(self);
  if (!mapping) return nullptr;
  return CallMethod(mapping.get(), method, {});
}

Ref<Object> MappingProxyKeys(Object* self, const CallArgs& args) {
  return CallOnMapping(self, args, "keys");
}
Ref<Object> MappingProxyValues(Object* self, const CallArgs& args) {
  return CallOnMapping(self, args, "values");
}
Ref<Object> MappingProxyItems(Object* self, const CallArgs& args) {
  return CallOnMapping(self, args, "items");
}

// A type's dict is copied into a new dict; any other mapping copies itself.
Ref<Object> MappingProxyCopy(Object* self, const CallArgs& args) {
  if (AsProxy(self)->type) {
    if (!CheckNoArgs(args, "mappingproxy.copy")) return nullptr;
    return Mapping(self);
  }
  return CallOnMapping(self, args, "copy");
}

constexpr TypeMember kMappingProxyMembers[] = {
    Method("get", &MappingProxyGet),       Method("keys", &MappingProxyKeys),
    Method("values", &MappingProxyValues), Method("items", &MappingProxyItems),
    Method("copy", &MappingProxyCopy),
};

constexpr TypeSlots MappingProxySlots() {
  TypeSlots slots =
      SlotsFor<MappingProxyObject>(&MappingProxyObject::Clear, &MappingProxyObject::Traverse);
  slots.repr = &MappingProxyRepr;
  slots.str = &MappingProxyStr;
  slots.hash = &MappingProxyHash;
  slots.richcompare = &MappingProxyRichCompare;
  slots.length = &MappingProxyLength;
  slots.getitem = &MappingProxyGetItem;
  slots.contains = &MappingProxyContains;
  slots.iter = &MappingProxyIter;
  slots.new_instance = &MappingProxyNew;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kMappingProxyType, "mappingproxy",
                   {.slots = MappingProxySlots(), .members = kMappingProxyMembers});

}  // namespace islet
