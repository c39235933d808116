// SliceObject: Python's slice(start, stop, step), resolving one against a
// sequence length the way CPython's PySlice_GetIndicesEx does, and the index
// conversions sequences share (subscripts, repeat counts, index() bounds).

#ifndef ISLET_OBJECTS_SLICE_H_
#define ISLET_OBJECTS_SLICE_H_

#include <cstdint>
#include <optional>

#include "objects/well_known.h"
#include "runtime/object.h"
#include "runtime/type_object.h"

namespace islet {

class SliceObject : public Object {
 public:
  SliceObject(Ref<Object> start, Ref<Object> stop, Ref<Object> step)
      : start(std::move(start)), stop(std::move(stop)), step(std::move(step)) {}
  Ref<Object> start;  // each is None when omitted
  Ref<Object> stop;
  Ref<Object> step;

  static void Clear(Object* self) {
    auto* slice = static_cast<SliceObject*>(self);
    slice->start.reset();
    slice->stop.reset();
    slice->step.reset();
  }
  static void Traverse(Object* self, const Visitor& visit) {
    auto* slice = static_cast<SliceObject*>(self);
    visit(slice->start);
    visit(slice->stop);
    visit(slice->step);
  }
};

Ref<Object> NewSlice(Ref<Object> start, Ref<Object> stop, Ref<Object> step);

// A slice resolved against a sequence: items start, start+step, ... (count of them).
struct SliceBounds {
  int64_t start;
  int64_t stop;
  int64_t step;
  int64_t count;
};

// Resolves `slice` for a sequence of `length` items: negative indices count from
// the end, out-of-range ones are clipped. Raises ValueError "slice step cannot be
// zero" or TypeError for non-integer bounds ("slice indices must be integers or
// None or have an __index__ method").
std::optional<SliceBounds> ResolveSlice(Object* slice, int64_t length);

// ResolveSlice in its two steps (CPython's PySlice_Unpack and
// PySlice_AdjustIndices), for a sequence whose length may change while the
// slice's __index__ methods run: unpack first, then adjust to the length as it
// is afterwards.
struct UnpackedSlice {
  int64_t start;  // omitted bounds are int64_t's extremes, clipped by AdjustSlice
  int64_t stop;
  int64_t step;  // never 0
};
std::optional<UnpackedSlice> UnpackSlice(Object* slice);
SliceBounds AdjustSlice(const UnpackedSlice& slice, int64_t length);

// Whether `key` is an integer for subscripting: an int or an object with __index__.
bool IsIndexable(const Object* key);
// key.__index__() as int64_t, as CPython's PyNumber_AsSsize_t(key, error): a value
// that does not fit raises `overflow_error` ("cannot fit 'int' into an
// index-sized integer"): IndexError for subscripts, OverflowError for counts.
std::optional<int64_t> IndexValue(Object* key, WellKnown overflow_error);
// A start/stop argument of index() (CPython's slice_index converter): an integer,
// clamped to int64_t's range; anything else raises TypeError "slice indices must
// be integers or have an __index__ method".
std::optional<int64_t> ClampedSliceIndex(Object* value);
// An optional start/end argument of find, count, startswith... (CPython's
// _PyEval_SliceIndex): absent (null) or None gives `if_none`; an integer is
// clamped to int64_t's range; anything else raises TypeError "slice indices must
// be integers or None or have an __index__ method".
std::optional<int64_t> OptionalSliceIndex(Object* value, int64_t if_none);
// Fits such start/end arguments to a sequence of `length` items (CPython's
// ADJUST_INDICES): negative ones count from the end; `end` is clipped to the
// length, `start` only below, at 0.
void AdjustIndices(int64_t* start, int64_t* end, int64_t length);

}  // namespace islet

#endif  // ISLET_OBJECTS_SLICE_H_
