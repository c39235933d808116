// SetObject: the representation of set and frozenset (and their subclasses), and
// the behaviour the two types share.
//
// The table is CPython's: open addressing with linear probing then perturbed
// probing, the same growth and shrink rules, deleted entries left as dummies.
// Keys are hashed with Hash and compared with RichCompareBool, so iteration order
// (and every repr) is CPython's for the same hashes: {1, 10, 5} prints as
// {1, 10, 5}, as it does there.
//
//   Ref<Object> set = NewSet();
//   if (!SetAdd(set.get(), key)) return nullptr;   // TypeError if unhashable
//   int found = SetContains(set.get(), key);       // 1, 0, or -1
//
// types/set and types/frozenset register the slot and method functions declared
// at the end; a frozenset is a SetObject no code mutates after construction.

#ifndef ISLET_OBJECTS_SET_H_
#define ISLET_OBJECTS_SET_H_

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "interp/weakref.h"
#include "runtime/object.h"
#include "runtime/type_object.h"

namespace islet {

class SetObject : public Object {
 public:
  // One slot of the table: unused (no key, hash 0), a dummy left by a deletion
  // (no key, hash -1) or active (a key and its hash, never -1).
  struct Entry {
    Ref<Object> key;
    int64_t hash = 0;
  };

  SetObject();
  // Clears the weak references to the set, calling their callbacks.
  ~SetObject();

  int64_t size() const { return used_; }
  // Steps `*pos` (start at 0) to the next active entry; false at the end. Safe
  // while the set changes (it re-reads the table), as long as `*pos` is kept.
  bool Next(size_t* pos, const Entry** entry) const;

  // Table operations on a hash the caller computed. Each returns -1 with an
  // exception pending if a comparison of elements failed.
  // Add takes `key`; 0 whether or not an equal element was there.
  int Add(Ref<Object> key, int64_t hash);
  int Contains(Object* key, int64_t hash);
  // 1 if `key` was there and is removed, 0 if it was not there.
  int Discard(Object* key, int64_t hash);
  // Adds every element of `other` (a set or frozenset) as CPython's set_merge
  // does: into an empty table of the same size the entries are copied as they lie.
  int Merge(SetObject* other);
  // Removes every element. The keys are released after the set is empty, so
  // no code their release runs can see a half-cleared set.
  void ClearItems();
  // Removes and returns an element, starting after the last one popped; null
  // if empty (no exception is raised here).
  Ref<Object> PopEntry();
  // Exchanges the contents of two sets (and their frozenset hashes).
  void SwapBodies(SetObject* other);
  // Grows the table once for `incoming` new elements, rather than step by step.
  void Reserve(int64_t incoming);
  // Shrinks the table after many deletions left dummies behind (CPython's rule:
  // more than a quarter of the slots).
  void CompactIfSparse();

  // CPython's frozenset hash of the current elements (also what a set key is
  // looked up by, as a frozenset).
  int64_t ComputeFrozenSetHash() const;
  // A frozenset's hash once computed; -1 until then. Never set for a set.
  int64_t cached_hash = -1;

  WeakRefList& weakrefs() { return weakrefs_; }

  // TypeSlots::clear for set and frozenset: drops every element and detaches the
  // weak references without calling their callbacks.
  static void Clear(Object* self);
  // TypeSlots::traverse for set and frozenset: the elements (weak references
  // to the set are not its references).
  static void Traverse(Object* self, const Visitor& visit);

 private:
  // The index of `key`'s active entry or of the unused entry that ends its probe
  // sequence; -1 if a comparison failed.
  int64_t Lookup(Object* key, int64_t hash);
  void Resize(int64_t min_used);
  void InsertClean(std::vector<Entry>& table, Ref<Object> key, int64_t hash);
  size_t mask() const { return table_.size() - 1; }

  std::vector<Entry> table_;
  int64_t fill_ = 0;   // active and dummy entries
  int64_t used_ = 0;   // active entries
  size_t finger_ = 0;  // where PopEntry searches next
  // Changes whenever table_ is replaced, so a probe interrupted by a comparison
  // (which may run any code) can tell that the table moved under it.
  uint64_t table_version_ = 0;
  WeakRefList weakrefs_;
};

// SetIteratorObject: an iterator over a set or frozenset (`set_iterator`).
class SetIteratorObject : public Object {
 public:
  SetIteratorObject(Ref<Object> set, int64_t size)
      : set(std::move(set)), used(size), remaining(size) {}
  Ref<Object> set;  // null once exhausted
  int64_t used;     // the set's size when iteration started; -1 after a change
  size_t position = 0;
  int64_t remaining;  // items not yet returned (__length_hint__)

  static void Clear(Object* self) { static_cast<SetIteratorObject*>(self)->set.reset(); }
  static void Traverse(Object* self, const Visitor& visit) {
    visit(static_cast<SetIteratorObject*>(self)->set);
  }
};

// --- Creating and using sets from C++ ---

// A new empty set.
Ref<Object> NewSet();
// A new set or frozenset of `type` (set, frozenset or a subclass of either, for
// its new_instance), filled from `iterable` (may be null: empty).
Ref<Object> NewSetOfType(TypeObject* type, Object* iterable);
// Whether `object` is a set or frozenset (or subclass instance): CPython's
// PyAnySet_Check.
bool IsAnySet(const Object* object);
// Adds `key` to a set; false with TypeError "cannot use 'list' as a set element
// (unhashable type: 'list')" if it cannot be hashed.
bool SetAdd(Object* set, Object* key);
// `key in set`: 1, 0 or -1. A set key is looked up as the equal frozenset.
int SetContains(Object* set, Object* key);
// Adds every element of `iterable` (set.update with one argument).
bool SetUpdate(Object* set, Object* iterable);
int64_t SetSize(const Object* set);

// --- Behaviour shared by set and frozenset (their slots and methods) ---

Ref<Object> SetRepr(Object* self);
int64_t SetLength(Object* self);
int SetContainsSlot(Object* self, Object* key);
Ref<Object> SetIter(Object* self);
Ref<Object> SetRichCompare(Object* self, Object* other, CompareOp op);
// |, &, -, ^: NotImplemented unless both operands are sets or frozensets; the
// result has the left operand's base type.
Ref<Object> SetOr(Object* left, Object* right);
Ref<Object> SetAnd(Object* left, Object* right);
Ref<Object> SetSubtract(Object* left, Object* right);
Ref<Object> SetXor(Object* left, Object* right);
int64_t FrozenSetHash(Object* self);

// Methods both types have; messages name the type that defines them ("set.union"
// or "frozenset.union").
Ref<Object> SetCopyMethod(Object* self, const CallArgs& args);
Ref<Object> SetUnionMethod(Object* self, const CallArgs& args);
Ref<Object> SetIntersectionMethod(Object* self, const CallArgs& args);
Ref<Object> SetDifferenceMethod(Object* self, const CallArgs& args);
Ref<Object> SetSymmetricDifferenceMethod(Object* self, const CallArgs& args);
Ref<Object> SetIsSubsetMethod(Object* self, const CallArgs& args);
Ref<Object> SetIsSupersetMethod(Object* self, const CallArgs& args);
Ref<Object> SetIsDisjointMethod(Object* self, const CallArgs& args);

// Methods only set has (they mutate).
Ref<Object> SetAddMethod(Object* self, const CallArgs& args);
Ref<Object> SetDiscardMethod(Object* self, const CallArgs& args);
Ref<Object> SetRemoveMethod(Object* self, const CallArgs& args);
Ref<Object> SetPopMethod(Object* self, const CallArgs& args);
Ref<Object> SetClearMethod(Object* self, const CallArgs& args);
Ref<Object> SetUpdateMethod(Object* self, const CallArgs& args);
Ref<Object> SetIntersectionUpdateMethod(Object* self, const CallArgs& args);
Ref<Object> SetDifferenceUpdateMethod(Object* self, const CallArgs& args);
Ref<Object> SetSymmetricDifferenceUpdateMethod(Object* self, const CallArgs& args);

// The slots set and frozenset share; each adds its hash and construction.
constexpr TypeSlots AnySetSlots() {
  TypeSlots slots = SlotsFor<SetObject>(&SetObject::Clear, &SetObject::Traverse);
  slots.repr = &SetRepr;
  slots.richcompare = &SetRichCompare;
  slots.iter = &SetIter;
  slots.length = &SetLength;
  slots.contains = &SetContainsSlot;
  slots.subtract = &SetSubtract;
  slots.bit_and = &SetAnd;
  slots.bit_or = &SetOr;
  slots.bit_xor = &SetXor;
  return slots;
}

}  // namespace islet

#endif  // ISLET_OBJECTS_SET_H_
