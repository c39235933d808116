// Collector: one interpreter's cycle collector. Reference counting frees an
// object when its last reference goes, but objects that reference each other in
// a cycle keep each other alive; the collector finds groups of objects that
// nothing outside the group references and frees them. It is CPython 3.14's
// generational collector (Python/gc.c), one per interpreter.
//
// What is tracked: every instance of a type with a traverse slot
// (runtime/type_object.h), from its allocation to its deallocation. Instances of
// other types hold no references, so no cycle runs through them.
//
// Generations: a new object starts in generation 0; what survives a collection
// of generation g moves to g + 1 (generation 2 keeps its survivors). Collecting
// generation g examines it and every younger one. freeze() moves every tracked
// object to a permanent generation that is never examined.
//
// When: generation 0's count is its allocations minus deallocations; when it
// passes threshold 0, a collection is requested through the interpreter's eval
// breaker (Interpreter::eval_breaker()) and runs at the next safe point, where
// running code checks the breaker (each loop iteration and call), never inside
// C++ code in the middle of building something. The collection then picks the
// oldest generation whose count passed its threshold: generation g's count is
// the collections of g - 1 since g was last collected (CPython's defaults:
// 2000, 10, 10; a full collection also waits until a quarter more objects than
// the last one kept have reached generation 2). gc.collect() collects at once.
//
// One collection (Collect), in CPython's order:
//   1. gc_refs of each examined object = its refcount minus the references
//      from other examined objects (traverse); > 0 means referenced from outside.
//   2. Everything reachable from those is kept and moves to the next generation;
//      the rest is unreachable.
//   3. Weak references to unreachable objects are cleared; the callbacks of the
//      ones that are not themselves unreachable are called.
//   4. Finalizers (__del__, the finalize slot) run, once per object (PEP 442).
//   5. Reachability is computed again among the unreachable: a finalizer may
//      have resurrected some (stored a reference to them); those survive.
//   6. The rest are cleared (TypeSlots::clear), which breaks the cycles, and
//      reference counting frees them.
//
// Isolation: the lists hold only this interpreter's objects, and a reference to
// an object of another interpreter or an immortal one is ignored (its owner is
// compared first, a field that never changes). A collection runs on a thread
// attached to the interpreter, under its lock; other interpreters never notice.

#ifndef ISLET_INTERP_COLLECTOR_H_
#define ISLET_INTERP_COLLECTOR_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>

#include "interp/object_list.h"
#include "runtime/object.h"

namespace islet {

class Interpreter;

// What one collection found, as gc.callbacks are told.
struct CollectionStats {
  int generation = 0;
  int64_t collected = 0;      // unreachable objects freed
  int64_t uncollectable = 0;  // always 0: islet has no legacy (tp_del) finalizers
};

// Calls each of `callbacks` (a list) with `phase` ("start", "stop") and the
// stats, and reports their failures. The gc module installs it
// (modules/gc); without one, callbacks are not called.
using CollectionCallbackRunner = void (*)(Object* callbacks, std::string_view phase,
                                          const CollectionStats& stats);
void SetCollectionCallbackRunner(CollectionCallbackRunner runner);

class Collector {
 public:
  static constexpr int kGenerations = 3;

  explicit Collector(Interpreter& interp);
  Collector(const Collector&) = delete;
  Collector& operator=(const Collector&) = delete;

  // --- Tracking (Interpreter::NewObject and Dealloc) ---

  // Tracks `object`, newly allocated, in generation 0.
  void Track(Object* object) {
    generations_[0].Append(object);
    if (++counts_[0] > collect_at_) [[unlikely]]
      RequestCollection();
  }
  // Puts back into generation 0, uncounted, a tracked object whose free was
  // deferred (Dealloc): it is counted until Forget.
  void Relink(Object* object) { generations_[0].Append(object); }
  // A tracked object was freed (and already unlinked).
  void Forget() {
    if (counts_[0] > 0) --counts_[0];
  }

  // --- Collecting (the caller is attached, at a safe point) ---

  // Collects `generation` (0..2) and the younger ones: gc.collect(generation).
  // Returns the number of unreachable objects found. A collection already
  // running (a finalizer calling gc.collect()) makes it return 0 at once. The
  // pending exception, if any, is kept.
  int64_t Collect(int generation);
  // The automatic collection: the oldest generation whose count passed its
  // threshold, if any and if enabled. Called where the eval breaker is handled.
  void CollectDue();

  // --- The gc module's controls ---

  bool enabled() const { return enabled_; }
  void set_enabled(bool enabled);
  bool collecting() const { return collecting_; }
  int64_t count(int generation) const { return counts_[generation]; }
  int threshold(int generation) const { return thresholds_[generation]; }
  // Sets the thresholds; threshold 0 of 0 turns automatic collection off.
  void set_thresholds(int threshold0, int threshold1, int threshold2);
  // Moves every tracked object to the permanent generation (gc.freeze()); back
  // to the oldest generation with Unfreeze.
  void Freeze();
  void Unfreeze();
  size_t FreezeCount() const { return permanent_.Count(); }
  // gc.callbacks: a list, or null until the gc module sets one. A root:
  // teardown drops it with the others.
  Object* callbacks() const { return callbacks_.get(); }
  void set_callbacks(Ref<Object> callbacks) { callbacks_ = std::move(callbacks); }

  // Calls f(object) for each object of `generation` (0..2), or of all three
  // if it is -1 (gc.get_objects()). `f` must not change the lists.
  template <typename F>
  void ForEachObject(int generation, F f) const {
    for (int g = 0; g < kGenerations; ++g) {
      if (generation != -1 && generation != g) continue;
      const ObjectList& list = generations_[g];
      for (Object* o = list.first(); o != list.end(); o = ObjectList::Next(o)) f(o);
    }
  }
  // Calls f(list) for each list of tracked objects, the permanent one too
  // (interpreter teardown).
  template <typename F>
  void ForEachList(F f) {
    for (ObjectList& list : generations_) f(list);
    f(permanent_);
  }

 private:
  // Sets the eval breaker's kCollectionDue bit, once until the next collection.
  void RequestCollection();
  // Recomputes collect_at_ from the settings, requesting a collection if the
  // count is already past it.
  void UpdateTrigger();
  void RunCallbacks(std::string_view phase, const CollectionStats& stats);

  // The collector's view of an examined object's links (collector.cc).
  struct Links;

  // The steps of a collection (collector.cc).
  // Each returns a count where the caller needs one, so no step walks a list
  // only to count it.
  int64_t DeduceUnreachable(ObjectList& examined, ObjectList& unreachable);
  void SubtractInternalReferences(ObjectList& examined);
  int64_t MoveUnreachable(ObjectList& examined, ObjectList& unreachable);
  struct GarbageScan;
  void ScanGarbage(ObjectList& unreachable, GarbageScan& scan);
  int64_t RunWeakRefCallbacks(GarbageScan& scan);
  static int64_t EndUnreachableMarks(ObjectList& unreachable);
  static bool AnyFinalizable(const ObjectList& garbage);
  void FinalizeGarbage(ObjectList& unreachable);
  int64_t HandleResurrected(ObjectList& unreachable, ObjectList& still_unreachable,
                            ObjectList& survivors);
  void DeleteGarbage(ObjectList& garbage, ObjectList& survivors);

  Interpreter& interp_;
  ObjectList generations_[kGenerations];
  ObjectList permanent_;
  int64_t counts_[kGenerations] = {0, 0, 0};
  int thresholds_[kGenerations] = {2000, 10, 10};
  // Track requests a collection once counts_[0] passes this: thresholds_[0], or
  // INT64_MAX while disabled or once requested.
  int64_t collect_at_;
  // Objects that reached generation 2 since the last full collection, and how
  // many the last full collection kept.
  int64_t long_lived_pending_ = 0;
  int64_t long_lived_total_ = 0;
  bool enabled_ = true;
  bool collecting_ = false;
  Ref<Object> callbacks_;
};

}  // namespace islet

#endif  // ISLET_INTERP_COLLECTOR_H_
