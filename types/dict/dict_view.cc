// `dict_keys`, `dict_values`, `dict_items`: live views of a dict, what
// dict.keys(), dict.values() and dict.items() return. Each target in this package
// compiles this file with ISLET_DICT_PART and ISLET_DICT_TYPE_NAME defined (see
// BUILD); the type lives in an anonymous namespace, so the three link side by
// side.
//
// Keys and items views are set-like: they compare with == (and <, <=, ...) to
// sets and to each other by membership, and so are unhashable. Values views are
// neither. Set operators (&, |, -, ^) and isdisjoint are not implemented.

#include <string>

#include "interp/interpreter.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/list.h"
#include "objects/mapping_proxy.h"
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

constexpr DictPart kPart = DictPart::ISLET_DICT_PART;
constexpr bool kSetLike = kPart != DictPart::kValues;

class DictViewObject : public Object {
 public:
  explicit DictViewObject(Ref<Object> dict) : dict(std::move(dict)) {}
  Ref<Object> dict;  // null only once cleared at interpreter teardown

  static void Clear(Object* self) { static_cast<DictViewObject*>(self)->dict.reset(); }
  static void Traverse(Object* self, const Visitor& visit) {
    visit(static_cast<DictViewObject*>(self)->dict);
  }
};

Object* DictOf(Object* self) { return static_cast<DictViewObject*>(self)->dict.get(); }

// "dict_keys(['a', 'b'])": the view's items as a list.
Ref<Object> DictViewRepr(Object* self) {
  ReprGuard guard(self);
  if (guard.recursive()) return NewStr("...");
  Ref<Object> items = ListFromIterable(self);
  if (!items) return nullptr;
  std::optional<std::string> text = ReprText(items.get());
  if (!text) return nullptr;
  return NewStr(StrCat(TypeName(self->type()), "(", *text, ")"));
}

int64_t DictViewLength(Object* self) { return DictSize(DictOf(self)); }

Ref<Object> DictViewIter(Object* self) { return NewDictIterator<kPart>(DictOf(self)); }

// A key is in the keys; a (key, value) pair is in the items if the dict maps the
// key to an equal value. (Values views search by iterating: no contains slot.)
int DictViewContains(Object* self, Object* item) {
  Object* value;
  if constexpr (kPart == DictPart::kKeys) {
    return DictGet(DictOf(self), item, &value);
  } else {
    if (!IsInstance(item, WellKnown::kTuple) || TupleItems(item).size() != 2) return 0;
    std::span<const Ref<Object>> pair = TupleItems(item);
    const int found = DictGet(DictOf(self), pair[0].get(), &value);
    if (found <= 0) return found;
    Ref<Object> held = Ref<Object>::Borrow(value);
    return RichCompareBool(held.get(), pair[1].get(), CompareOp::kEq);
  }
}

// Sets, frozensets and keys or items views (not subclassable, so named).
bool IsSetLike(const Object* other) {
  if (IsInstance(other, WellKnown::kSet) || IsInstance(other, WellKnown::kFrozenSet)) return true;
  const TypeObject* type = other->type();
  return type->IsStaticBuiltin() && (type->name() == "dict_keys" || type->name() == "dict_items");
}

// 1 if every item of `inner` is in `outer`, 0 if not, -1 on error.
int AllContainedIn(Object* inner, Object* outer) {
  Ref<Object> iterator = GetIter(inner);
  if (!iterator) return -1;
  while (Ref<Object> item = IterNext(iterator.get())) {
    const int contained = Contains(outer, item.get());
    if (contained <= 0) return contained;
  }
  return ExceptionPending() ? -1 : 1;
}

Ref<Object> DictViewRichCompare(Object* self, Object* other, CompareOp op) {
  if (!IsSetLike(other)) return NotImplementedRef();
  const int64_t self_size = Length(self);
  if (self_size < 0) return nullptr;
  const int64_t other_size = Length(other);
  if (other_size < 0) return nullptr;
  int result = 0;
  switch (op) {
    case CompareOp::kEq:
    case CompareOp::kNe:
      if (self_size == other_size) result = AllContainedIn(self, other);
      if (op == CompareOp::kNe && result >= 0) result = !result;
      break;
    case CompareOp::kLt:
      if (self_size < other_size) result = AllContainedIn(self, other);
      break;
    case CompareOp::kLe:
      if (self_size <= other_size) result = AllContainedIn(self, other);
      break;
    case CompareOp::kGt:
      if (self_size > other_size) result = AllContainedIn(other, self);
      break;
    case CompareOp::kGe:
      if (self_size >= other_size) result = AllContainedIn(other, self);
      break;
  }
  if (result < 0) return nullptr;
  return BoolRef(result != 0);
}

// view.mapping: a read-only proxy of the dict.
Ref<Object> DictViewMapping(Object* self) {
  return NewMappingProxy(Ref<Object>::Borrow(DictOf(self)));
}

constexpr TypeMember kDictViewMembers[] = {
    Getter("mapping", &DictViewMapping),
};

constexpr TypeSlots DictViewSlots() {
  TypeSlots slots = SlotsFor<DictViewObject>(&DictViewObject::Clear, &DictViewObject::Traverse);
  slots.repr = &DictViewRepr;
  slots.length = &DictViewLength;
  slots.iter = &DictViewIter;
  if (kPart != DictPart::kValues) slots.contains = &DictViewContains;
  if (kSetLike) {
    slots.richcompare = &DictViewRichCompare;
    slots.hash = &HashNotImplemented;
  }
  return slots;
}

ISLET_BUILTIN_TYPE(kDictViewType, ISLET_DICT_TYPE_NAME,
                   {.slots = DictViewSlots(), .members = kDictViewMembers});

}  // namespace

template <>
Ref<Object> NewDictView<kPart>(Object* dict) {
  return Interpreter::Current()->NewObject<DictViewObject>(&kDictViewType,
                                                           Ref<Object>::Borrow(dict));
}

}  // namespace islet
