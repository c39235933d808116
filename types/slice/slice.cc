// `slice`: what a[start:stop:step] passes to __getitem__. It only holds its three
// parts (any objects); sequences resolve it against their length (ResolveSlice
// in objects/slice.h, also slice.indices()). Hashable since Python 3.12, with the
// tuple hash's mixing over (start, stop, step).

#include "objects/slice.h"

#include <string>

#include "objects/args.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/static_type.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

SliceObject* AsSlice(Object* self) { return static_cast<SliceObject*>(self); }

// slice(stop), slice(start, stop[, step]).
Ref<Object> SliceNew(TypeObject*, const CallArgs& args) {
  if (!CheckPositional(args, "slice", 1, 3)) return nullptr;
  auto arg = [&](size_t i) {
    return i < args.args.size() ? Ref<Object>::Borrow(args.args[i]) : NoneRef();
  };
  if (args.args.size() == 1) return NewSlice(NoneRef(), arg(0), NoneRef());
  return NewSlice(arg(0), arg(1), arg(2));
}

Ref<Object> SliceRepr(Object* self) {
  SliceObject* slice = AsSlice(self);
  std::string text = "slice(";
  const char* separator = "";
  for (Object* part : {slice->start.get(), slice->stop.get(), slice->step.get()}) {
    std::optional<std::string> part_text = ReprText(part);
    if (!part_text) return nullptr;
    text += separator;
    text += *part_text;
    separator = ", ";
  }
  text += ")";
  return NewStr(text);
}

int64_t SliceHash(Object* self) {
  SliceObject* slice = AsSlice(self);
  XxHashAccumulator acc;
  for (Object* part : {slice->start.get(), slice->stop.get(), slice->step.get()}) {
    if (!acc.Add(part)) return -1;
  }
  return acc.FinishWithoutLength();
}

Ref<Object> PartsTuple(Object* self) {
  SliceObject* slice = AsSlice(self);
  return NewTuple({slice->start.get(), slice->stop.get(), slice->step.get()});
}

// Slices compare as the tuples (start, stop, step).
Ref<Object> SliceRichCompare(Object* self, Object* other, CompareOp op) {
  if (!IsInstance(self, WellKnown::kSlice) || !IsInstance(other, WellKnown::kSlice)) {
    return NotImplementedRef();
  }
  if (self == other) {
    return BoolRef(op == CompareOp::kEq || op == CompareOp::kLe || op == CompareOp::kGe);
  }
  Ref<Object> left = PartsTuple(self);
  Ref<Object> right = PartsTuple(other);
  return RichCompare(left.get(), right.get(), op);
}

// --- members ---

Ref<Object> SliceStart(Object* self) { return AsSlice(self)->start; }
Ref<Object> SliceStop(Object* self) { return AsSlice(self)->stop; }
Ref<Object> SliceStep(Object* self) { return AsSlice(self)->step; }

// indices(length): (start, stop, step) resolved for a sequence of that length.
Ref<Object> SliceIndices(Object* self, const CallArgs& args) {
  if (!CheckOneArg(args, "slice.indices")) return nullptr;
  std::optional<int64_t> length = IndexAsInt64(args.args[0]);
  if (!length) return nullptr;
  if (*length < 0) return Raise(WellKnown::kValueError, "length should not be negative");
  std::optional<SliceBounds> bounds = ResolveSlice(self, *length);
  if (!bounds) return nullptr;
  Ref<Object> start = NewInt(bounds->start);
  Ref<Object> stop = NewInt(bounds->stop);
  Ref<Object> step = NewInt(bounds->step);
  return NewTuple({start.get(), stop.get(), step.get()});
}

constexpr TypeMember kSliceMembers[] = {
    Getter("start", &SliceStart),
    Getter("stop", &SliceStop),
    Getter("step", &SliceStep),
    Method("indices", &SliceIndices),
};

constexpr TypeSlots SliceSlots() {
  TypeSlots slots = SlotsFor<SliceObject>(&SliceObject::Clear, &SliceObject::Traverse);
  slots.repr = &SliceRepr;
  slots.hash = &SliceHash;
  slots.richcompare = &SliceRichCompare;
  slots.new_instance = &SliceNew;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kSliceType, "slice", {.slots = SliceSlots(), .members = kSliceMembers});

}  // namespace islet
