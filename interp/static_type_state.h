// StaticTypeState: everything mutable about one static builtin type, in one
// interpreter. The interpreter sets one up the first time it uses the type
// (Interpreter::StateOf), indexed by the type's static index; the shared
// StaticType itself is never written.
//
// Kept small (a busy interpreter has one per builtin type): the dict and the
// subclass list are allocated on first use.

#ifndef ISLET_INTERP_STATIC_TYPE_STATE_H_
#define ISLET_INTERP_STATIC_TYPE_STATE_H_

#include <algorithm>
#include <memory>
#include <span>
#include <vector>

#include "interp/weakref.h"
#include "runtime/attr_table.h"
#include "runtime/type_object.h"

namespace islet {

class StaticTypeState {
 public:
  // The type's dict in this interpreter (its values are this interpreter's
  // objects), or nullptr while empty. Read it through Interpreter::TypeDict, which
  // first materializes the type's declared members; change it only through
  // Interpreter::SetTypeDictEntry, which keeps the attribute cache right.
  const AttrTable* dict() const { return dict_.get(); }

  // Heap subclasses created in this interpreter, in creation order. Weak: a
  // subclass removes itself when it dies.
  std::span<TypeObject* const> subclasses() const {
    if (!subclasses_) return {};
    return *subclasses_;
  }
  void AddSubclass(TypeObject* subclass) {
    if (!subclasses_) subclasses_ = std::make_unique<std::vector<TypeObject*>>();
    subclasses_->push_back(subclass);
  }
  // Tolerates an absent entry: fini drops the whole list even while heap
  // subclasses are still alive.
  void RemoveSubclass(TypeObject* subclass) {
    if (!subclasses_) return;
    auto it = std::find(subclasses_->begin(), subclasses_->end(), subclass);
    if (it != subclasses_->end()) subclasses_->erase(it);
  }

  // Weak references to the type made in this interpreter.
  WeakRefList& weakrefs() { return weakrefs_; }

 private:
  friend class Interpreter;

  AttrTable& mutable_dict() {
    if (!dict_) dict_ = std::make_unique<AttrTable>();
    return *dict_;
  }

  std::unique_ptr<AttrTable> dict_;
  std::unique_ptr<std::vector<TypeObject*>> subclasses_;
  WeakRefList weakrefs_;
  bool members_materialized_ = false;
};

}  // namespace islet

#endif  // ISLET_INTERP_STATIC_TYPE_STATE_H_
