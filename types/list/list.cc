// `list`: the mutable sequence. Any operation that runs other code (comparing,
// repr'ing or iterating items) may change the list meanwhile, so loops re-read
// its size each step and hold the item they work on; items removed from the list
// are released only once the list is consistent again.

#include "objects/list.h"

#include <algorithm>
#include <string>
#include <vector>

#include "interp/interpreter.h"
#include "interp/ownership.h"
#include "objects/args.h"
#include "objects/errors.h"
#include "objects/protocol.h"
#include "objects/repr_guard.h"
#include "objects/sequence.h"
#include "objects/singletons.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/static_type.h"
#include "runtime/str_cat.h"
#include "types/list/list_iterator.h"

namespace islet {
namespace {

std::vector<Ref<Object>>& Items(Object* self) { return ListItems(self); }
int64_t Size(Object* self) { return static_cast<int64_t>(Items(self).size()); }
std::span<const Ref<Object>> ItemSpan(const Object* self) {
  return static_cast<const ListObject*>(self)->items;
}

// The item at `index`, held; null if the list no longer reaches it.
Ref<Object> ItemAt(Object* self, int64_t index) {
  std::vector<Ref<Object>>& items = Items(self);
  if (index < 0 || index >= static_cast<int64_t>(items.size())) return nullptr;
  return items[static_cast<size_t>(index)];
}

Ref<Object> ListRepr(Object* self) {
  if (Items(self).empty()) return NewStr("[]");
  ReprGuard guard(self);
  if (guard.recursive()) return NewStr("[...]");
  std::string text = "[";
  for (int64_t i = 0; i < Size(self); ++i) {
    Ref<Object> item = ItemAt(self, i);
    if (i > 0) text += ", ";
    std::optional<std::string> item_text = ReprText(item.get());
    if (!item_text) return nullptr;
    text += *item_text;
  }
  text += "]";
  return NewStr(text);
}

// Lexicographic: the first items that differ decide, else the lengths.
Ref<Object> ListRichCompare(Object* self, Object* other, CompareOp op) {
  if (!IsInstance(self, WellKnown::kList) || !IsInstance(other, WellKnown::kList)) {
    return NotImplementedRef();
  }
  // Lists of different lengths differ, without comparing items.
  if (Size(self) != Size(other) && (op == CompareOp::kEq || op == CompareOp::kNe)) {
    return BoolRef(op == CompareOp::kNe);
  }
  return CompareSequences(self, other, op, &ItemSpan);
}

int64_t ListLength(Object* self) { return Size(self); }

Ref<Object> ListGetItem(Object* self, Object* key) {
  if (IsIndexable(key)) {
    std::optional<int64_t> index = IndexValue(key, WellKnown::kIndexError);
    if (!index) return nullptr;
    Ref<Object> item = ItemAt(self, *index < 0 ? *index + Size(self) : *index);
    if (!item) return Raise(WellKnown::kIndexError, "list index out of range");
    return item;
  }
  if (IsInstance(key, WellKnown::kSlice)) {
    // Unpacking runs __index__ code, which may change the list: adjust after.
    std::optional<UnpackedSlice> slice = UnpackSlice(key);
    if (!slice) return nullptr;
    const SliceBounds bounds = AdjustSlice(*slice, Size(self));
    std::vector<Ref<Object>>& items = Items(self);
    std::vector<Ref<Object>> result;
    result.reserve(static_cast<size_t>(bounds.count));
    for (int64_t k = 0; k < bounds.count; ++k) {
      result.push_back(items[static_cast<size_t>(bounds.start + k * bounds.step)]);
    }
    return NewList(std::move(result));
  }
  return Raise(WellKnown::kTypeError, StrCat("list indices must be integers or slices, not ",
                                             TypeDisplayName(key->type())));
}

// The items `value` provides for a slice assignment (a copy if it is the list
// itself); a non-iterable raises CPython's "must assign iterable to extended slice".
bool AssignedItems(Object* self, Object* value, std::vector<Ref<Object>>& out) {
  if (value == self) {
    out = Items(self);
    return true;
  }
  if (IsInstance(value, WellKnown::kList) || IsInstance(value, WellKnown::kTuple)) {
    return AppendIterable(out, value);
  }
  Ref<Object> iterator = GetIter(value);
  if (!iterator) {
    if (ExceptionMatches(WellKnown::kTypeError)) {
      ClearException();
      Raise(WellKnown::kTypeError, "must assign iterable to extended slice");
    }
    return false;
  }
  while (Ref<Object> item = IterNext(iterator.get())) out.push_back(std::move(item));
  return !ExceptionPending();
}

bool SetSlice(Object* self, Object* slice, Object* value) {
  // As in CPython: the slice's parts first, then the value's items; both may run
  // code that changes the list, so the bounds are adjusted to it only after.
  std::optional<UnpackedSlice> unpacked = UnpackSlice(slice);
  if (!unpacked) return false;
  std::vector<Ref<Object>> replacement;
  if (value != nullptr && !AssignedItems(self, value, replacement)) return false;
  const SliceBounds bounds = AdjustSlice(*unpacked, Size(self));
  std::vector<Ref<Object>>& items = Items(self);
  std::vector<Ref<Object>> garbage;  // released once the list is consistent
  if (bounds.step == 1) {
    auto first = items.begin() + bounds.start;
    auto last = first + bounds.count;
    garbage.assign(std::make_move_iterator(first), std::make_move_iterator(last));
    auto position = items.erase(first, last);
    items.insert(position, std::make_move_iterator(replacement.begin()),
                 std::make_move_iterator(replacement.end()));
    return true;
  }
  if (value == nullptr) {
    // Keep every item not on the slice's stride.
    int64_t low = bounds.start;
    int64_t high = bounds.start + (bounds.count - 1) * bounds.step;
    if (low > high) std::swap(low, high);
    const int64_t stride = bounds.step < 0 ? -bounds.step : bounds.step;
    std::vector<Ref<Object>> kept;
    kept.reserve(items.size() - static_cast<size_t>(bounds.count));
    for (int64_t i = 0; i < static_cast<int64_t>(items.size()); ++i) {
      const bool removed = bounds.count > 0 && i >= low && i <= high && (i - low) % stride == 0;
      (removed ? garbage : kept).push_back(std::move(items[static_cast<size_t>(i)]));
    }
    items.swap(kept);
    return true;
  }
  if (static_cast<int64_t>(replacement.size()) != bounds.count) {
    Raise(WellKnown::kValueError, StrCat("attempt to assign sequence of size ", replacement.size(),
                                         " to extended slice of size ", bounds.count));
    return false;
  }
  for (int64_t k = 0; k < bounds.count; ++k) {
    std::swap(items[static_cast<size_t>(bounds.start + k * bounds.step)],
              replacement[static_cast<size_t>(k)]);
  }
  return true;  // `replacement` now holds the old items
}

bool ListSetItem(Object* self, Object* key, Object* value) {
  if (!CheckOwnedIfChecked(self) || (value != nullptr && !CheckOwnedIfChecked(value))) {
    return false;
  }
  if (IsIndexable(key)) {
    std::optional<int64_t> index = IndexValue(key, WellKnown::kIndexError);
    if (!index) return false;
    std::vector<Ref<Object>>& items = Items(self);
    const int64_t position = *index < 0 ? *index + Size(self) : *index;
    if (position < 0 || position >= Size(self)) {
      Raise(WellKnown::kIndexError, "list assignment index out of range");
      return false;
    }
    Ref<Object> old = std::move(items[static_cast<size_t>(position)]);
    if (value != nullptr) {
      items[static_cast<size_t>(position)] = Ref<Object>::Borrow(value);
    } else {
      items.erase(items.begin() + position);
    }
    return true;
  }
  if (IsInstance(key, WellKnown::kSlice)) return SetSlice(self, key, value);
  Raise(WellKnown::kTypeError,
        StrCat("list indices must be integers or slices, not ", TypeDisplayName(key->type())));
  return false;
}

int ListContains(Object* self, Object* value) { return SequenceContains(self, value, &ItemSpan); }

// list + list. With a list on the left, any other right operand is an error
// (CPython would first try the right operand's reflected +; islet's classes
// cannot define one).
Ref<Object> ListAdd(Object* left, Object* right) {
  if (!IsInstance(left, WellKnown::kList)) return NotImplementedRef();
  if (!IsInstance(right, WellKnown::kList)) {
    return Raise(WellKnown::kTypeError, StrCat("can only concatenate list (not \"",
                                               TypeDisplayName(right->type()), "\") to list"));
  }
  std::vector<Ref<Object>> items = Items(left);
  const std::vector<Ref<Object>>& second = Items(right);
  items.insert(items.end(), second.begin(), second.end());
  return NewList(std::move(items));
}

// list * n and n * list.
Ref<Object> ListMultiply(Object* left, Object* right) {
  Object* list;
  int64_t count;
  if (!RepeatOperands(left, right, WellKnown::kList, &list, &count)) return nullptr;
  if (Items(list).empty() || count <= 0) return NewList();
  std::optional<std::vector<Ref<Object>>> items = RepeatItems(ItemSpan(list), count);
  if (!items) return nullptr;
  return NewList(std::move(*items));
}

Ref<Object> ListIter(Object* self) { return NewListIterator(self); }

// The list is filled by init, so a subclass's construction sees an empty list.
Ref<Object> ListNew(TypeObject* type, const CallArgs&) {
  return Interpreter::Current()->NewObject<ListObject>(type, std::vector<Ref<Object>>());
}

// list(), list(iterable): replaces the contents, as list.__init__ does.
bool ListInit(Object* self, const CallArgs& args) {
  if (!CheckPositional(args, "list", 0, 1)) return false;
  std::vector<Ref<Object>> old;
  old.swap(Items(self));
  if (args.args.empty()) return true;
  return AppendIterable(Items(self), args.args[0]);
}

// --- methods ---

Ref<Object> ListAppend(Object* self, const CallArgs& args) {
  if (!CheckOneArg(args, "list.append")) return nullptr;
  if (!CheckOwnedIfChecked(self) || !CheckOwnedIfChecked(args.args[0])) return nullptr;
  Items(self).push_back(Ref<Object>::Borrow(args.args[0]));
  return NoneRef();
}

Ref<Object> ListExtend(Object* self, const CallArgs& args) {
  if (!CheckOneArg(args, "list.extend")) return nullptr;
  if (!AppendIterable(Items(self), args.args[0])) return nullptr;
  return NoneRef();
}

Ref<Object> ListInsert(Object* self, const CallArgs& args) {
  if (!CheckPositional(args, "insert", 2, 2)) return nullptr;
  if (!CheckOwnedIfChecked(self) || !CheckOwnedIfChecked(args.args[1])) return nullptr;
  std::optional<int64_t> index = IndexAsInt64(args.args[0]);
  if (!index) return nullptr;
  const int64_t size = Size(self);
  int64_t position = *index < 0 ? std::max<int64_t>(*index + size, 0) : std::min(*index, size);
  std::vector<Ref<Object>>& items = Items(self);
  items.insert(items.begin() + position, Ref<Object>::Borrow(args.args[1]));
  return NoneRef();
}

Ref<Object> ListPop(Object* self, const CallArgs& args) {
  if (!CheckPositional(args, "pop", 0, 1)) return nullptr;
  int64_t index = -1;
  if (!args.args.empty()) {
    std::optional<int64_t> value = IndexAsInt64(args.args[0]);
    if (!value) return nullptr;
    index = *value;
  }
  std::vector<Ref<Object>>& items = Items(self);
  if (items.empty()) return Raise(WellKnown::kIndexError, "pop from empty list");
  const int64_t position = index < 0 ? index + Size(self) : index;
  if (position < 0 || position >= Size(self)) {
    return Raise(WellKnown::kIndexError, "pop index out of range");
  }
  Ref<Object> item = std::move(items[static_cast<size_t>(position)]);
  items.erase(items.begin() + position);
  return item;
}

Ref<Object> ListRemove(Object* self, const CallArgs& args) {
  if (!CheckOneArg(args, "list.remove")) return nullptr;
  for (int64_t i = 0; i < Size(self); ++i) {
    Ref<Object> item = ItemAt(self, i);
    const int equal = RichCompareBool(item.get(), args.args[0], CompareOp::kEq);
    if (equal < 0) return nullptr;
    if (equal == 0) continue;
    std::vector<Ref<Object>>& items = Items(self);
    if (i < Size(self)) {
      Ref<Object> removed = std::move(items[static_cast<size_t>(i)]);
      items.erase(items.begin() + i);
    }
    return NoneRef();
  }
  return Raise(WellKnown::kValueError, "list.remove(x): x not in list");
}

Ref<Object> ListIndex(Object* self, const CallArgs& args) {
  return SequenceIndex(self, args, &ItemSpan, "list.index(x): x not in list");
}

Ref<Object> ListCount(Object* self, const CallArgs& args) {
  return SequenceCount(self, args, &ItemSpan, "list.count");
}

Ref<Object> ListClear(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "list.clear")) return nullptr;
  std::vector<Ref<Object>> old;
  old.swap(Items(self));
  return NoneRef();
}

Ref<Object> ListCopy(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "list.copy")) return nullptr;
  return NewList(Items(self));
}

Ref<Object> ListReverse(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "list.reverse")) return nullptr;
  std::reverse(Items(self).begin(), Items(self).end());
  return NoneRef();
}

// sort(*, key=None, reverse=False).
Ref<Object> ListSortMethod(Object* self, const CallArgs& args) {
  Object* bound[2];  // key, reverse
  if (!BindArgs(args, {.function = "sort", .names = {"key", "reverse"}, .max_positional = 0},
                bound)) {
    return nullptr;
  }
  auto [key, reverse] = bound;
  bool descending = false;
  if (reverse != nullptr) {
    std::optional<int64_t> flag = IndexAsInt64(reverse);
    if (!flag) return nullptr;
    descending = *flag != 0;
  }
  if (!ListSort(self, key == None() ? nullptr : key, descending)) return nullptr;
  return NoneRef();
}

constexpr TypeMember kListMembers[] = {
    Method("append", &ListAppend),   Method("extend", &ListExtend),   Method("insert", &ListInsert),
    Method("pop", &ListPop),         Method("remove", &ListRemove),   Method("index", &ListIndex),
    Method("count", &ListCount),     Method("clear", &ListClear),     Method("copy", &ListCopy),
    Method("reverse", &ListReverse), Method("sort", &ListSortMethod),
};

constexpr TypeSlots ListSlots() {
  TypeSlots slots = SlotsFor<ListObject>(&ListObject::Clear, &ListObject::Traverse);
  slots.repr = &ListRepr;
  slots.hash = &HashNotImplemented;
  slots.richcompare = &ListRichCompare;
  slots.length = &ListLength;
  slots.getitem = &ListGetItem;
  slots.setitem = &ListSetItem;
  slots.contains = &ListContains;
  slots.add = &ListAdd;
  slots.multiply = &ListMultiply;
  slots.iter = &ListIter;
  slots.new_instance = &ListNew;
  slots.init = &ListInit;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kListType, "list",
                   {.flags = kTypeBaseType, .slots = ListSlots(), .members = kListMembers});

}  // namespace islet
