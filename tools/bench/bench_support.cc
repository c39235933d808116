#include "tools/bench/bench_support.h"

#include <cstdio>
#include <cstdlib>

#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/weakref.h"
#include "objects/well_known.h"
#include "runtime/runtime.h"
#include "runtime/str_cat.h"

namespace islet::bench {

void EnsureRuntime() {
  static const bool initialized = [] {
    if (absl::Status status = Runtime::Initialize(); !status.ok()) {
      std::fprintf(stderr, "Runtime::Initialize failed: %s\n", status.ToString().c_str());
      std::abort();
    }
    return true;
  }();
  (void)initialized;
}

TypeWorkload::TypeWorkload()
    : interp_(Interpreter::Current()),
      int_type_(WellKnownType(WellKnown::kInt)),
      str_type_(WellKnownType(WellKnown::kStr)),
      bool_type_(WellKnownType(WellKnown::kBool)),
      weakref_type_(WellKnownType(WellKnown::kWeakRef)),
      seven_(NewInt(7)),
      bit_length_(interp_->Intern("bit_length")),
      join_(interp_->Intern("join")),
      upper_(interp_->Intern("upper")) {}

bool TypeWorkload::Round() {
  // class MyInt(int): pass
  Ref<Object> cls = Call(interp_->type_type(),
                         {NewStr("MyInt").get(), NewTuple({int_type_}).get(), NewDict().get()});
  if (!cls) return false;
  Ref<Object> instance = Call(cls.get(), {seven_.get()});
  if (!instance) return false;
  // isinstance / issubclass along heap and static MROs.
  int checks = IsInstanceOf(instance.get(), int_type_) + IsSubclassOf(cls.get(), int_type_) +
               IsSubclassOf(bool_type_, int_type_) + IsInstanceOf(instance.get(), str_type_);
  if (checks != 3) return false;
  // Attribute lookups on builtin types, and a method bound through the heap type.
  Ref<Object> method = GetAttr(int_type_, bit_length_);
  Ref<Object> join = GetAttr(str_type_, join_);
  Ref<Object> upper = GetAttr(str_type_, upper_);
  Ref<Object> bound = GetAttr(instance.get(), bit_length_);
  if (!method || !join || !upper || !bound) return false;
  // A weak reference to a builtin type (listed in this interpreter's state).
  Ref<Object> weak = NewWeakRef(weakref_type_, int_type_, nullptr);
  return weak && WeakRefReferent(weak.get()) == int_type_;
}

std::string TypeWorkload::Check() {
  if (!Round()) return StrCat("workload round failed: ", TakeExceptionAsStatus().message());
  if (interp_->StateOf(*int_type_).subclasses().size() != 0) return "a heap subclass survived";
  if (interp_->StateOf(*int_type_).weakrefs().size() != 0) return "a weak reference survived";
  return "";
}

}  // namespace islet::bench
