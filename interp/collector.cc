#include "interp/collector.h"

#include <atomic>
#include <cassert>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

#include "interp/interpreter.h"
#include "interp/weakref.h"

namespace islet {
namespace {

constinit std::atomic<CollectionCallbackRunner> callback_runner{nullptr};

// While a collection examines an object, its previous-link holds its gc_refs
// above the flags (ObjectList's kFlags).
constexpr int kRefsShift = 3;

}  // namespace

void SetCollectionCallbackRunner(CollectionCallbackRunner runner) {
  callback_runner.store(runner, std::memory_order_release);
}

// The collector's view of the links of an object it examines: gc_refs and the
// two flags it sets only while it runs.
struct Collector::Links {
  static bool IsCollecting(const Object* object) {
    return (object->prev_ & ObjectList::kCollecting) != 0;
  }
  static bool IsUnreachable(const Object* object) {
    return (object->prev_ & ObjectList::kUnreachable) != 0;
  }
  // Starts examining `object`: gc_refs = its refcount. The list it is in is
  // singly linked from now until MoveUnreachable relinks it.
  static void StartExamining(Object* object) {
    object->prev_ = (object->refcount_ << kRefsShift) | ObjectList::kCollecting |
                    (object->prev_ & ObjectList::kFinalized);
  }
  static uint64_t Refs(const Object* object) { return object->prev_ >> kRefsShift; }
  static void SetRefs(Object* object, uint64_t refs) {
    object->prev_ = (refs << kRefsShift) | (object->prev_ & ObjectList::kFlags);
  }
  // Back to a list link: `prev` and the flags in `keep` that `object` has.
  static void Relink(Object* object, Object* prev, uintptr_t keep) {
    object->prev_ = reinterpret_cast<uintptr_t>(prev) | (object->prev_ & keep);
  }
  static void ClearFlag(Object* object, uintptr_t flag) { object->prev_ &= ~flag; }
  static void SetFlags(Object* object, uintptr_t flags) { object->prev_ |= flags; }
  static Object*& NextOf(Object* object) { return object->next_; }
  static uint64_t Refcount(const Object* object) { return object->refcount_; }

  // Whether a reference to `referent` matters to the collection: an object of
  // this interpreter it examines. The owner is compared first: it never
  // changes, so reading it is safe whoever owns the object (another
  // interpreter's, or an immortal one with no owner, is never examined here).
  static bool Examined(const Object* referent, const Interpreter* interp) {
    return referent->owner() == interp && IsCollecting(referent);
  }
};

// What one pass over the garbage found (ScanGarbage).
struct Collector::GarbageScan {
  int64_t count = 0;
  bool finalizable = false;  // a finalizer is due
  // Weak references that outlive the garbage, with the callbacks to call.
  std::vector<std::pair<Ref<WeakRefObject>, Ref<Object>>> callbacks;
  bool callbacks_ran = false;
};

Collector::Collector(Interpreter& interp) : interp_(interp) { UpdateTrigger(); }

// ---------------------------------------------------------------------------
// Scheduling
// ---------------------------------------------------------------------------

void Collector::RequestCollection() {
  collect_at_ = std::numeric_limits<int64_t>::max();
  interp_.SetEvalBreakerBits(kCollectionDue);
}

void Collector::UpdateTrigger() {
  collect_at_ =
      enabled_ && thresholds_[0] != 0 ? thresholds_[0] : std::numeric_limits<int64_t>::max();
  if (counts_[0] > collect_at_) RequestCollection();
}

void Collector::set_enabled(bool enabled) {
  enabled_ = enabled;
  UpdateTrigger();
}

void Collector::set_thresholds(int threshold0, int threshold1, int threshold2) {
  thresholds_[0] = threshold0;
  thresholds_[1] = threshold1;
  thresholds_[2] = threshold2;
  UpdateTrigger();
}

// CPython's choice: the oldest generation whose count passed its threshold,
// except that a full collection also waits until the objects that reached
// generation 2 since the last one are a quarter of those it kept (so that
// collecting a large, stable heap stays linear overall).
void Collector::CollectDue() {
  // A collection running now (a finalizer reached this safe point) requests
  // the next one when it ends, if the count calls for it.
  if (collecting_) return;
  if (enabled_) {
    for (int g = kGenerations - 1; g >= 0; --g) {
      if (counts_[g] <= thresholds_[g]) continue;
      if (g == kGenerations - 1 && long_lived_pending_ < long_lived_total_ / 4) continue;
      Collect(g);
      return;
    }
  }
  UpdateTrigger();
}

void Collector::Freeze() {
  for (ObjectList& generation : generations_) permanent_.Splice(generation);
  counts_[0] = 0;
}

void Collector::Unfreeze() { generations_[kGenerations - 1].Splice(permanent_); }

void Collector::RunCallbacks(std::string_view phase, const CollectionStats& stats) {
  CollectionCallbackRunner runner = callback_runner.load(std::memory_order_acquire);
  if (runner == nullptr || !callbacks_) return;
  Ref<Object> callbacks = callbacks_;  // a callback may replace the collector's
  runner(callbacks.get(), phase, stats);
}

// ---------------------------------------------------------------------------
// One collection
// ---------------------------------------------------------------------------

int64_t Collector::Collect(int generation) {
  assert(generation >= 0 && generation < kGenerations);
  if (collecting_ || interp_.tearing_down_) return 0;
  collecting_ = true;
  // Finalizers and callbacks run Python code, which must not see (or clear)
  // an exception the code that reached this safe point is raising.
  Ref<Object> propagating = interp_.take_pending_exception();
  CollectionStats stats{.generation = generation};
  RunCallbacks("start", stats);

  if (generation + 1 < kGenerations) ++counts_[generation + 1];
  for (int g = 0; g <= generation; ++g) counts_[g] = 0;
  ObjectList& examined = generations_[generation];
  for (int g = 0; g < generation; ++g) examined.Splice(generations_[g]);
  ObjectList& survivors =
      generation + 1 < kGenerations ? generations_[generation + 1] : generations_[generation];

  ObjectList unreachable;
  const int64_t reachable = DeduceUnreachable(examined, unreachable);
  if (&survivors != &examined) {
    if (generation + 2 == kGenerations) long_lived_pending_ += reachable;
    survivors.Splice(examined);
  } else {
    long_lived_pending_ = 0;
    long_lived_total_ = reachable;
  }
  GarbageScan scan;
  ScanGarbage(unreachable, scan);
  stats.collected += RunWeakRefCallbacks(scan);
  // Without finalizers no Python code can reach the garbage (weak reference
  // callbacks are reachable, so nothing they reference is garbage): nothing
  // can be resurrected, and the second reachability pass is skipped. A
  // callback may have given a garbage object's class a __del__: look again.
  if (!scan.finalizable && scan.callbacks_ran) scan.finalizable = AnyFinalizable(unreachable);
  if (scan.finalizable) {
    FinalizeGarbage(unreachable);
    ObjectList still_unreachable;
    stats.collected += HandleResurrected(unreachable, still_unreachable, survivors);
    DeleteGarbage(still_unreachable, survivors);
  } else {
    stats.collected += scan.count;
    DeleteGarbage(unreachable, survivors);
  }

  RunCallbacks("stop", stats);
  if (propagating) interp_.set_pending_exception(std::move(propagating));
  collecting_ = false;
  UpdateTrigger();
  return stats.collected + stats.uncollectable;
}

// Leaves in `examined` what is reachable from outside it (relinked as a normal
// list, no longer marked), and moves the rest to `unreachable` (still marked
// collecting and unreachable). Returns how many objects were reachable.
int64_t Collector::DeduceUnreachable(ObjectList& examined, ObjectList& unreachable) {
  for (Object* o = examined.first(); o != examined.end(); o = ObjectList::Next(o)) {
    Links::StartExamining(o);
  }
  SubtractInternalReferences(examined);
  return MoveUnreachable(examined, unreachable);
}

// Makes `unreachable` a plain list of objects marked collecting; returns its
// length.
int64_t Collector::EndUnreachableMarks(ObjectList& unreachable) {
  int64_t count = 0;
  for (Object* o = unreachable.first(); o != unreachable.end(); o = ObjectList::Next(o)) {
    Links::ClearFlag(o, ObjectList::kUnreachable);
    ++count;
  }
  return count;
}

bool Collector::AnyFinalizable(const ObjectList& garbage) {
  for (const Object* o = garbage.first(); o != garbage.end(); o = ObjectList::Next(o)) {
    if (o->type()->slots().finalize != nullptr && !ObjectList::IsFinalized(o)) return true;
  }
  return false;
}

// gc_refs -= 1 for each reference from an examined object to another: what is
// left counts the references from outside (the stack, roots, other
// generations, other interpreters' C++). The guard keeps a traverse slot that
// reports a reference twice from wrapping gc_refs around.
void Collector::SubtractInternalReferences(ObjectList& examined) {
  const Visitor visit(
      [](Object* referent, void* interp) {
        if (Links::Examined(referent, static_cast<Interpreter*>(interp)) &&
            Links::Refs(referent) > 0) {
          Links::SetRefs(referent, Links::Refs(referent) - 1);
        }
      },
      &interp_);
  for (Object* o = examined.first(); o != examined.end(); o = ObjectList::Next(o)) {
    o->type()->slots().traverse(o, visit);
  }
}

namespace {

struct ReachableContext {
  const Interpreter* interp;
  ObjectList* examined;
};

}  // namespace

// CPython's move_unreachable. Scans `examined` in order. An object with gc_refs
// > 0 is reachable: what it references is marked reachable (gc_refs 1), and if
// it was already set aside as tentatively unreachable it goes back to the end
// of `examined`, to be scanned in turn. An object with gc_refs 0 may still be
// reached from one not scanned yet: it is set aside in `unreachable`,
// tentatively. When the scan ends, what is set aside is unreachable. Reachable
// objects end up in an order that keeps them from moving in later scans.
//
// During the scan `examined` is singly linked (previous-links hold gc_refs);
// the scanned part is relinked as the scan passes. Its head's previous-link
// stays the true tail: objects are appended behind the scan position only.
int64_t Collector::MoveUnreachable(ObjectList& examined, ObjectList& unreachable) {
  ReachableContext context{&interp_, &examined};
  const Visitor visit(
      [](Object* referent, void* raw_context) {
        auto* context = static_cast<ReachableContext*>(raw_context);
        if (!Links::Examined(referent, context->interp)) return;
        if (Links::IsUnreachable(referent)) {
          // Unlink it from `unreachable` (doubly linked) and append it to
          // `examined` with gc_refs 1.
          Object* prev = ObjectList::Prev(referent);
          Object* next = ObjectList::Next(referent);
          Links::NextOf(prev) = next;
          ObjectList::SetPrev(next, prev);
          Object* head = context->examined->head();
          Links::NextOf(ObjectList::Prev(head)) = referent;
          Links::NextOf(referent) = head;
          ObjectList::SetPrev(head, referent);
          Links::ClearFlag(referent, ObjectList::kUnreachable);
          Links::SetRefs(referent, 1);
        } else if (Links::Refs(referent) == 0) {
          Links::SetRefs(referent, 1);
        }
      },
      &context);
  Object* head = examined.head();
  Object* prev = head;
  Object* o = ObjectList::Next(head);
  int64_t reachable = 0;
  while (o != head) {
    if (Links::Refs(o) > 0) {
      // Traversing may append to `examined`, behind `o`: its next is read after.
      o->type()->slots().traverse(o, visit);
      Links::Relink(o, prev, ObjectList::kFinalized);
      prev = o;
      ++reachable;
    } else {
      Links::NextOf(prev) = ObjectList::Next(o);
      Object* unreachable_head = unreachable.head();
      Object* last = ObjectList::Prev(unreachable_head);
      Links::NextOf(last) = o;
      Links::NextOf(o) = unreachable_head;
      ObjectList::SetPrev(unreachable_head, o);
      Links::Relink(o, last, ObjectList::kFinalized);
      Links::SetFlags(o, ObjectList::kCollecting | ObjectList::kUnreachable);
    }
    o = ObjectList::Next(prev);
  }
  ObjectList::SetPrev(head, prev);
  return reachable;
}

// One pass over the unreachable objects (they are many, and scattered in
// memory): ends their unreachable marks, counts them, notes whether any
// finalizer is due, and kills the weak references to them. That happens
// before any finalizer could see them. The callbacks of the references that
// are not themselves unreachable are kept to run (a reference that dies with
// its referent has nobody to tell, and its callback might reach the garbage).
// A reference that is itself unreachable is killed too, so that its referent
// dying later cannot call its callback.
void Collector::ScanGarbage(ObjectList& unreachable, GarbageScan& scan) {
  const ObjectsLayerHooks& hooks = ObjectsLayer();
  const bool weakrefs = hooks.weakrefs_of != nullptr && hooks.as_weakref != nullptr;
  for (Object* o = unreachable.first(); o != unreachable.end(); o = ObjectList::Next(o)) {
    Links::ClearFlag(o, ObjectList::kUnreachable);
    ++scan.count;
    if (o->type()->slots().finalize != nullptr && !ObjectList::IsFinalized(o)) {
      scan.finalizable = true;
    }
    if (!weakrefs) continue;
    if (WeakRefObject* ref = hooks.as_weakref(o)) ref->Detach();
    WeakRefList* list = hooks.weakrefs_of(o);
    if (list == nullptr) continue;
    while (WeakRefObject* ref = list->first()) {
      ref->Detach();
      if (ref->callback() != nullptr && !Links::IsCollecting(ref)) {
        scan.callbacks.emplace_back(Ref<WeakRefObject>::Borrow(ref), ref->TakeCallback());
      }
    }
  }
}

// Runs the callbacks ScanGarbage kept; returns how many of their references
// were freed after.
int64_t Collector::RunWeakRefCallbacks(GarbageScan& scan) {
  int64_t freed = 0;
  scan.callbacks_ran = !scan.callbacks.empty();
  for (auto& [ref, callback] : scan.callbacks) {
    RunWeakRefCallback(ref.get(), callback.get());
    if (Links::Refcount(ref.get()) == 1) ++freed;
    ref.reset();
    callback.reset();
  }
  scan.callbacks.clear();
  return freed;
}

// Each object is moved to `seen` before its finalizer runs, so whatever the
// finalizers free (reference counting unlinks it) or resurrect, the walk goes
// on from the first object not yet seen.
void Collector::FinalizeGarbage(ObjectList& unreachable) {
  ObjectList seen;
  while (!unreachable.empty()) {
    Object* o = unreachable.first();
    seen.MoveIn(o);
    const auto finalize = o->type()->slots().finalize;
    if (finalize == nullptr || ObjectList::IsFinalized(o)) continue;
    ObjectList::SetFinalized(o);
    IncRef(o);
    finalize(o);
    DecRef(o);
  }
  unreachable.Splice(seen);
}

// After the finalizers: reachability among what was unreachable, again (only
// these objects are still marked collecting; examining them marks them anew).
// What a finalizer made reachable (resurrected) joins the survivors. Returns
// how many are still unreachable.
int64_t Collector::HandleResurrected(ObjectList& unreachable, ObjectList& still_unreachable,
                                     ObjectList& survivors) {
  DeduceUnreachable(unreachable, still_unreachable);
  const int64_t count = EndUnreachableMarks(still_unreachable);
  survivors.Splice(unreachable);
  return count;
}

// Clearing an object drops its references, which breaks the cycles it is in;
// reference counting then frees the garbage, unlinking it from `garbage`. An
// object still there after its clear is held by something the collector could
// not see (a reference no traverse slot reports): it survives.
void Collector::DeleteGarbage(ObjectList& garbage, ObjectList& survivors) {
  while (!garbage.empty()) {
    Object* o = garbage.first();
    if (const auto clear = o->type()->slots().clear) {
      IncRef(o);
      clear(o);
      DecRef(o);
    }
    if (garbage.first() == o) {
      Links::ClearFlag(o, ObjectList::kCollecting);
      survivors.MoveIn(o);
    }
  }
}

}  // namespace islet
