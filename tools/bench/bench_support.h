// What the benchmarks share: the runtime, initialized once per process, and the
// type-heavy workload that scaling_2x runs in one or two interpreters.

#ifndef ISLET_TOOLS_BENCH_BENCH_SUPPORT_H_
#define ISLET_TOOLS_BENCH_BENCH_SUPPORT_H_

#include <cstdint>
#include <string>

#include "interp/interpreter.h"
#include "runtime/name.h"
#include "runtime/object.h"
#include "runtime/static_type.h"

namespace islet::bench {

// Initializes the runtime (every builtin type linked) the first time it is
// called; aborts if that fails.
void EnsureRuntime();

// TypeWorkload: one round of type-heavy work in the current interpreter, the
// unit of the scaling benchmark. A round makes a heap subclass of int and an
// instance of it, asks isinstance/issubclass four times, looks up attributes on
// builtin types and on the instance, and makes and drops a weak reference to a
// builtin type. Everything a round makes dies before it returns.
//
//   AttachGuard attached(*interp);
//   TypeWorkload workload;
//   for (int i = 0; i < n; ++i) workload.Round();
//   if (std::string error = workload.Check(); !error.empty()) ...
class TypeWorkload {
 public:
  TypeWorkload();  // the caller must be attached

  // One round; returns false (with an exception pending) if something failed.
  bool Round();
  // Runs one round and checks its results; returns "" or what went wrong.
  std::string Check();

 private:
  Interpreter* interp_;
  StaticType* int_type_;
  StaticType* str_type_;
  StaticType* bool_type_;
  StaticType* weakref_type_;
  Ref<Object> seven_;
  const Name* bit_length_;
  const Name* join_;
  const Name* upper_;
};

}  // namespace islet::bench

#endif  // ISLET_TOOLS_BENCH_BENCH_SUPPORT_H_
