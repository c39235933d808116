// Lockstep iteration, shared by map() and zip(): several iterators step
// together, one item from each per step, and the iteration stops with the
// shortest. With strict=True (zip's since 3.10, map's since 3.14), iterators of
// different lengths raise ValueError once the difference shows, with CPython's
// messages ("zip() argument 2 is shorter than argument 1").
//
//   Ref<Object> ZipNew(TypeObject* type, const CallArgs& args) {
//     LockstepIterators lockstep("zip");
//     if (!BindStrict(args, lockstep) || !AddIterators(args.positional(), lockstep)) ...
//   Ref<Object> ZipNext(Object* self) {
//     std::vector<Ref<Object>> items;
//     if (!zip->lockstep.Next(items)) return nullptr;
//     return NewTuple(std::move(items));

#ifndef ISLET_OBJECTS_LOCKSTEP_ITERATORS_H_
#define ISLET_OBJECTS_LOCKSTEP_ITERATORS_H_

#include <span>
#include <string_view>
#include <vector>

#include "runtime/object.h"
#include "runtime/type_object.h"

namespace islet {

struct LockstepIterators {
  explicit LockstepIterators(std::string_view function) : function(function) {}

  // The builtin's name, as messages show it: "map", "zip".
  std::string_view function;
  // In argument order; emptied when the owner is cleared, which ends the
  // iteration.
  std::vector<Ref<Object>> iterators;
  // Whether the iterators must all run out together.
  bool strict = false;

  // The next item of each iterator, in order, into `items` (emptied first).
  // False at the end (the shortest ran out, or the owner was cleared), with an
  // exception pending if an iterator raised or, under strict, the others did
  // not run out with it.
  bool Next(std::vector<Ref<Object>>& items);

  // Lets the iterators go. The vector is emptied before they are released:
  // releasing one may run code that reaches the owner again.
  void Clear();
  // Visits the iterators (the owner's traverse slot).
  void Traverse(const Visitor& visit) const {
    for (const Ref<Object>& iterator : iterators) visit(iterator);
  }
};

// Binds the call's keyword arguments, of which `strict` is the only one, into
// lockstep.strict (false when not given), as CPython's "|$p" does: its truth
// is taken here, before any other argument is checked.
bool BindStrict(const CallArgs& args, LockstepIterators& lockstep);

// Appends an iterator over each of `iterables` to lockstep.iterators; false
// with an exception pending if one is not iterable.
bool AddIterators(std::span<Object* const> iterables, LockstepIterators& lockstep);

}  // namespace islet

#endif  // ISLET_OBJECTS_LOCKSTEP_ITERATORS_H_
