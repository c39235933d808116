// ReprGuard: the recursion guard of container reprs (CPython's Py_ReprEnter and
// Py_ReprLeave), so that a container holding itself prints as "[...]" instead
// of recursing forever.
//
//   Ref<Object> ListRepr(Object* self) {
//     ReprGuard guard(self);
//     if (guard.recursive()) return NewStr("[...]");
//     ...
//
// The reprs in progress are the calling thread's, as CPython keeps them in the
// thread state; they cannot be the interpreter's. A thread inside a repr may
// attach to another interpreter, which releases this one to other threads; a
// shared list would show them "[...]" for a container they are not repr'ing,
// and their guards would interleave with this thread's. Objects in progress are
// alive (the repr holds them), so their addresses identify them across every
// interpreter the thread visits.

#ifndef ISLET_OBJECTS_REPR_GUARD_H_
#define ISLET_OBJECTS_REPR_GUARD_H_

#include "runtime/object.h"

namespace islet {

class ReprGuard {
 public:
  explicit ReprGuard(const Object* object);
  ~ReprGuard();
  ReprGuard(const ReprGuard&) = delete;
  ReprGuard& operator=(const ReprGuard&) = delete;

  // Whether `object` was already being repr'd on this thread (an enclosing repr
  // of it is running).
  bool recursive() const { return recursive_; }

 private:
  const Object* const object_;
  // The guards of this thread's reprs in progress form a list through the
  // stack, innermost first: guards are locals, so they end in reverse order.
  const ReprGuard* const outer_;
  bool recursive_ = false;

  static constinit thread_local const ReprGuard* innermost_;
};

}  // namespace islet

#endif  // ISLET_OBJECTS_REPR_GUARD_H_
