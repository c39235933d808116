// SliceObject: Python's slice(start, stop, step), and resolving one against a
// sequence length the way CPython's PySlice_GetIndicesEx does.

#ifndef ISLET_OBJECTS_SLICE_H_
#define ISLET_OBJECTS_SLICE_H_

#include <cstdint>
#include <optional>

#include "runtime/object.h"

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

}  // namespace islet

#endif  // ISLET_OBJECTS_SLICE_H_
