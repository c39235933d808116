// Interpreter: one isolated interpreter and everything it owns.
//
// An interpreter owns its objects (allocated, tracked and freed here), one
// StaticTypeState per static builtin type it has used (indexed by the type's
// static index, set up on first use), its own interned names and its own lock.
// Nothing in it is shared with other interpreters, so interpreters on different
// threads never contend; an idle interpreter is one allocation, however many
// types are registered.
//
// A thread works in an interpreter only while attached to it (AttachGuard, below),
// which holds the interpreter's lock; Interpreter::Current() is the thread's
// interpreter. Interpreters are created and destroyed through Runtime (runtime.h).
//
//   absl::StatusOr<Interpreter*> interp = Runtime::CreateInterpreter();
//   {
//     AttachGuard attached(**interp);
//     StaticTypeState& state = (*interp)->StateOf(kIntType);
//     ...
//   }
//   Runtime::DestroyInterpreter(*interp).IgnoreError();

#ifndef ISLET_INTERP_INTERPRETER_H_
#define ISLET_INTERP_INTERPRETER_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>  // unused here since the lock is lock_state_; others include it through this
#include <new>
#include <span>
#include <string_view>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "interp/attribute_cache.h"
#include "interp/object_list.h"
#include "interp/static_type_state.h"
#include "runtime/attr_table.h"
#include "runtime/name.h"
#include "runtime/object.h"
#include "runtime/static_type.h"
#include "runtime/type_object.h"

namespace islet {

// Objects and bytes an interpreter currently has allocated.
struct InterpreterMemoryStats {
  uint64_t live_objects = 0;
  uint64_t live_bytes = 0;
  friend bool operator==(const InterpreterMemoryStats&, const InterpreterMemoryStats&) = default;
};

// What an interpreter needs from the runtime; fixed while the runtime lives.
struct InterpreterSetup {
  int64_t id;
  bool is_main;
  std::span<StaticType* const> init_order;        // the frozen registry's order
  std::span<StaticType* const> types_with_hooks;  // those with an init or fini hook
  const NameTable* runtime_names;                 // read-only, shared
  StaticType* type_type;                          // the metatype `type`
};

class Collector;
class WeakRefList;
class WeakRefObject;

// The bits of Interpreter::eval_breaker(): what asks running code to stop at
// its next safe point. The interpreter handles its own (HandleEvalBreaker);
// kStepLimit is the language's (lang::SetStepLimitForTesting).
enum EvalBreakerBit : uint32_t {
  kCollectionDue = 1u << 0,  // the cycle collector's count passed its threshold
  kLockWanted = 1u << 1,     // a thread waits for the lock: the switch interval runs
  kStepLimit = 1u << 2,      // a step limit counts every step
};

// Safe points (loop iterations and calls) between two offers of the lock to a
// waiting thread.
inline constexpr uint32_t kSwitchInterval = 2000;

// Interpreters made one after another by one thread sit side by side in memory;
// their threads must not write a cache line the other reads. 128 bytes, not 64:
// x86's adjacent-line prefetcher moves lines in 128-byte pairs.
inline constexpr size_t kInterpreterAlignment = 128;

class alignas(kInterpreterAlignment) Interpreter {
 public:
  Interpreter(const Interpreter&) = delete;
  Interpreter& operator=(const Interpreter&) = delete;

  int64_t id() const { return setup_.id; }
  bool is_main() const { return setup_.is_main; }

  // The interpreter the calling thread is attached to, or nullptr.
  static Interpreter* Current() { return current_; }

  // This interpreter's state for the static builtin type `type`, set up on first
  // use: one thread-local read (to find the interpreter) and two loads, no lock,
  // no search.
  StaticTypeState& StateOf(const TypeObject& type) {
    const size_t index = static_cast<size_t>(type.static_index());
    if (type_states_ != nullptr) [[likely]] {
      if (StaticTypeState* state = type_states_[index].get()) [[likely]]
        return *state;
    }
    return SetUpStateOf(index);
  }

  // Allocates a T (an Object subclass) of type `type`, owned by this interpreter.
  // `type`'s instance_size must fit a T. The caller must be attached.
  template <typename T, typename... Args>
  Ref<T> NewObject(TypeObject* type, Args&&... args) {
    void* memory = AllocateObjectMemory(type->slots().instance_size, sizeof(T));
    T* object = new (memory) T(std::forward<Args>(args)...);
    Track(object, type);
    return Ref<T>::Steal(object);
  }

  // Makes `object`, an instance of a class of this interpreter, an instance of
  // `cls` (__class__ assignment). The caller has checked that both classes are
  // heap classes with the same instance layout (HeapType::SameInstanceLayout).
  void ChangeClass(Object& object, TypeObject& cls);

  // --- Type attributes (the caller must be attached) ---

  // Each of these checks that `type` is usable here (a static type, or a class
  // of this interpreter; interp/ownership.h): another interpreter's class would
  // be read without its lock and, for a change, given this interpreter's version
  // tags, which its own interpreter's cache may already hold for other classes.
  // A foreign class raises RuntimeError.

  // `type`'s own dict as this interpreter sees it: a static type's
  // per-interpreter dict (its declared members are materialized on first use;
  // nullptr while empty), or a heap type's dict. nullptr with RuntimeError
  // pending for another interpreter's class.
  const AttrTable* TypeDict(const TypeObject& type);
  // Stores `value` under `name` in `type`'s dict. For a static type the entry
  // exists in this interpreter only (the embedder's way to extend a builtin type
  // per interpreter). Keeps the attribute cache correct. Returns false, with
  // RuntimeError pending, if `type` or `value` belongs to another interpreter.
  bool SetTypeDictEntry(TypeObject& type, const Name* name, Ref<Object> value);
  // Removes `name` from `type`'s own dict; returns false if it was not there,
  // or with RuntimeError pending if `type` belongs to another interpreter.
  bool RemoveTypeDictEntry(TypeObject& type, const Name* name);
  // Finds `name` along `type`'s MRO, through the attribute cache. Returns the
  // value (borrowed) or nullptr; nullptr with RuntimeError pending if `type`
  // belongs to another interpreter. A cache hit is inlined here: the ownership
  // check is one load and two compares before the probe (static types have no
  // owner); another interpreter's class never reaches the probe, where its tag
  // could match one of this interpreter's classes.
  Object* LookupTypeAttribute(const TypeObject& type, const Name* name) {
    const Interpreter* owner = type.owner();
    Object* value;
    // Tag 0 (uncached) never matches: the cache stores no entry under it.
    if ((owner == this || owner == nullptr) &&
        attribute_cache_.Find(type.version_tag(), name, &value)) [[likely]] {
      return value;
    }
    return LookupTypeAttributeUncached(type, name);
  }

  // The exception raised and not yet handled in this interpreter, or nullptr (see
  // objects/errors.h, which is the way to raise and handle exceptions).
  Object* pending_exception() const { return pending_exception_.get(); }
  void set_pending_exception(Ref<Object> exception) { pending_exception_ = std::move(exception); }
  Ref<Object> take_pending_exception() { return std::move(pending_exception_); }

  // The language's module table (`sys.modules`: a dict, name -> module), or
  // nullptr before the first import. A root: teardown drops it first.
  Object* modules() const { return modules_.get(); }
  void set_modules(Ref<Object> modules) { modules_ = std::move(modules); }

  // Runs `source`, code in islet's Python subset, in this interpreter's
  // `__main__` namespace, attaching the calling thread meanwhile (lang/eval.h).
  // An uncaught exception becomes the status ("NameError: name 'x' is not
  // defined"); FailedPrecondition if the language (//lang:eval) is not linked.
  absl::Status Exec(std::string_view source);

  // The eval breaker: one word that code running here reads at each safe point
  // (each loop iteration and call: lang's Tick), so that whatever needs running
  // code to stop there (a collection due, a thread waiting for the lock; later
  // cancellation and limits) costs it one load and one compare while nothing is
  // pending (EvalBreakerBit). Any thread may set bits; the attached thread
  // clears them as it handles them.
  uint32_t eval_breaker() const { return eval_breaker_.load(std::memory_order_relaxed); }
  void SetEvalBreakerBits(uint32_t bits) {
    eval_breaker_.fetch_or(bits, std::memory_order_relaxed);
  }
  void ClearEvalBreakerBits(uint32_t bits) {
    eval_breaker_.fetch_and(~bits, std::memory_order_relaxed);
  }
  // Handles this layer's bits, at a safe point: the calling thread is attached
  // and no C++ code is half-way through building an object. Runs a collection
  // that is due (Collector::CollectDue), and while another thread waits for the
  // lock, hands it over every kSwitchInterval calls (YieldToWaitingThreads).
  void HandleEvalBreaker();

  // The switch interval: called by the calling thread, attached here, between
  // steps of running code (HandleEvalBreaker, every kSwitchInterval steps while
  // a thread waits). If another thread is waiting to take this interpreter's
  // lock (attaching, or coming back from a ReleaseLockGuard), hands the lock
  // over: releases it, waits until some other thread has taken it, then queues
  // for it again, so the waiting thread is sure to get a turn (a GIL's switch).
  // Otherwise returns at once: one load. Threads blocked inside a
  // ReleaseLockGuard do not want the lock and are not waited for.
  void YieldToWaitingThreads();

  // The cycle collector (interp/collector.h), made on first use.
  Collector& collector() {
    if (collector_ == nullptr) [[unlikely]]
      MakeCollector();
    return *collector_;
  }

  // Returns the interned Name for `text`: the runtime's if builtin types use it,
  // otherwise this interpreter's.
  const Name* Intern(std::string_view text);

  // The metatype `type`, the type of every type object.
  StaticType* type_type() const { return setup_.type_type; }

  // Next per-interpreter version tag for a heap type. Static types use the tags
  // 1..kStaticTypeCapacity, so the two ranges never collide.
  uint32_t NextHeapVersionTag();
  // Test hook: the next heap version tag NextHeapVersionTag hands out, to bring
  // the counter near its limit (after 0xffffffff it is out of tags for good and
  // hands out 0: heap types are then looked up uncached).
  // `tag` must be above the static range, or 0 (out of tags).
  void SetNextHeapVersionTagForTesting(uint32_t tag);

  InterpreterMemoryStats memory_stats() const { return stats_; }
  // Threads holding an AttachGuard on this interpreter (including waiting ones).
  int attached_threads() const { return attached_threads_.load(std::memory_order_acquire); }
  // Threads blocked taking this interpreter's lock (a snapshot, for tests).
  int waiting_threads() const { return waiting_threads_.load(std::memory_order_acquire); }

 private:
  friend class AttachGuard;
  friend class ReleaseLockGuard;
  friend class Runtime;
  friend class Collector;
  friend void Dealloc(Object* object);

  explicit Interpreter(const InterpreterSetup& setup);
  ~Interpreter();

  // Creates an interpreter and runs every static type's init in init order. If one
  // fails, everything already initialized is finalized in reverse and the error is
  // returned, naming the type.
  static absl::StatusOr<std::unique_ptr<Interpreter, void (*)(Interpreter*)>> Create(
      const InterpreterSetup& setup);
  // Tears the interpreter down: weak references to static types, roots, every
  // object (cycles included), then each ready type's fini in reverse init order.
  // The calling thread must not be attached to it.
  void Teardown();
  static void Delete(Interpreter* interp);

  // The interpreter's lock (lock_state_). AcquireLock takes it for the calling
  // thread (every acquisition goes through here): uncontended, one
  // compare-and-swap; otherwise counted in waiting_threads_ while it blocks. Then
  // it wakes a thread that handed the lock over in YieldToWaitingThreads.
  void AcquireLock() {
    uint32_t expected = kUnlocked;
    if (!lock_state_.compare_exchange_strong(expected, kLocked, std::memory_order_acquire,
                                             std::memory_order_relaxed)) [[unlikely]] {
      AcquireContendedLock(expected);
    }
    if (handoff_pending_) [[unlikely]] {
      CompleteHandOff();
    }
  }
  void AcquireContendedLock(uint32_t state);
  void CompleteHandOff();
  void ReleaseLock() {
    if (lock_state_.exchange(kUnlocked, std::memory_order_release) == kLockedWithSleepers)
        [[unlikely]] {
      lock_state_.notify_one();
    }
  }

  // TypeDict without the ownership check, for types already known usable here.
  const AttrTable* TypeDictOf(const TypeObject& type);
  // LookupTypeAttribute past the cache probe: the ownership check's error, the
  // walk along the MRO, and storing the result.
  Object* LookupTypeAttributeUncached(const TypeObject& type, const Name* name);

  void* AllocateObjectMemory(size_t instance_size, size_t cxx_size);
  void Track(Object* object, TypeObject* type);
  void MakeCollector();
  // Dealloc's first step: runs `object`'s finalizer (PEP 442) unless it ran
  // already or the interpreter is being torn down. Returns false if the
  // finalizer resurrected the object, which then must not be freed.
  bool FinalizeDying(Object* object);
  // Calls f(list) for each list of this interpreter's objects.
  template <typename F>
  void ForEachObjectList(F f);
  // Checked builds: aborts unless the thread is attached here and `type` is usable here.
  void CheckAllocation(const TypeObject* type) const;
  void Untrack(Object* object, size_t instance_size);
  // Dealloc's parts (runtime/object.h): freeing one object, and deferring a free
  // past kMaxDeallocDepth nested ones until the outermost is done.
  void Free(Object* object);
  void DeferDealloc(Object* object);
  void FreeDeferred();
  void ClearAllObjects();
  void MaterializeMembers(StaticType& type, StaticTypeState& state);
  // A reference to `type`'s own entry `name` (null if none), held across a change.
  Ref<Object> KeepTypeDictEntry(const TypeObject& type, const Name* name);
  // Called after `type`'s dict entry `name` changed.
  void TypeDictChanged(TypeObject& type, const Name* name);
  // Frees an object that was cleared and outlived ClearAllObjects, without
  // touching its (possibly already freed) heap type's refcount.
  void FreeCleared(Object* object);
  void FiniStaticTypes();
  StaticTypeState& SetUpStateOf(size_t index);
  // Calls `f` with each type state this interpreter has set up.
  template <typename F>
  void ForEachTypeState(F f) {
    if (type_states_ == nullptr) return;  // idle: nothing to visit
    for (size_t i = 0; i < setup_.init_order.size(); ++i) {
      if (type_states_[i] != nullptr) f(*type_states_[i]);
    }
  }

  static constinit thread_local Interpreter* current_;

  const InterpreterSetup setup_;
  // Indexed by static index; the array and each state are allocated on first use.
  std::unique_ptr<std::unique_ptr<StaticTypeState>[]> type_states_;
  // The types this interpreter has run init for and not yet fini: always a
  // prefix of init order (init runs in that order, fini in reverse).
  size_t ready_types_ = 0;
  NameTable names_;
  AttributeCache attribute_cache_;
  Ref<Object> pending_exception_;
  Ref<Object> modules_;
  InterpreterMemoryStats stats_;
  ObjectList untracked_;  // live objects the collector does not track
  // Nested Dealloc calls on this interpreter's objects, and the frees deferred
  // past kMaxDeallocDepth of them (chained through their tracking links). A
  // small depth: each level is a few hundred bytes of stack, and unwinding from
  // the stack guard's limit may free a deep structure within its margin.
  static constexpr int kMaxDeallocDepth = 32;
  int dealloc_depth_ = 0;
  Object* deferred_deallocs_ = nullptr;
  uint32_t next_heap_version_tag_;
  // The lock: a futex-style mutex (Drepper, "Futexes Are Tricky", mutex 2) on
  // C++20 atomic wait/notify, so that taking it uncontended is one inlined
  // compare-and-swap and contention is seen where it happens.
  static constexpr uint32_t kUnlocked = 0;
  static constexpr uint32_t kLocked = 1;
  static constexpr uint32_t kLockedWithSleepers = 2;  // unlocking must wake one
  std::atomic<uint32_t> lock_state_{kUnlocked};
  std::atomic<int> attached_threads_{0};
  // Threads between failing to take the lock at once and taking it.
  std::atomic<int> waiting_threads_{0};
  // Guarded by the lock: a thread released the lock in YieldToWaitingThreads and
  // waits for handoff_generation_ to change, which the next thread to take the
  // lock does (and clears this).
  bool handoff_pending_ = false;
  // Set while Teardown runs: no finalizer and no collection runs meanwhile.
  bool tearing_down_ = false;
  std::atomic<uint32_t> handoff_generation_{0};
  std::atomic<uint32_t> eval_breaker_{0};
  // Safe points the thread holding the lock passed while another waited for it.
  uint32_t switch_ticks_ = 0;
  // The collector's state, made with the first tracked object (an idle
  // interpreter needs none).
  std::unique_ptr<Collector> collector_;
};

// AttachGuard attaches the calling thread to an interpreter for its lifetime: it
// takes the interpreter's lock and makes it Current(). Attaching while attached to
// another interpreter releases that one's lock until this guard ends (so two
// threads crossing between A and B cannot deadlock); attaching again to the
// current interpreter is a no-op.
class AttachGuard {
 public:
  explicit AttachGuard(Interpreter& interp);
  ~AttachGuard();
  AttachGuard(const AttachGuard&) = delete;
  AttachGuard& operator=(const AttachGuard&) = delete;

 private:
  Interpreter* interp_;
  Interpreter* previous_;
};

// ReleaseLockGuard releases the calling thread's interpreter lock for its
// lifetime, so other threads attached to the same interpreter can run while this
// one blocks (CPython's Py_BEGIN_ALLOW_THREADS); the destructor takes the lock back.
// The thread stays counted as attached, so its interpreter cannot be destroyed
// meanwhile, but Current() is null: the guarded code must not touch objects.
// Without a current interpreter it does nothing.
//
//   std::shared_ptr<Core> core = self->core;  // what the wait needs, kept alive
//   {
//     ReleaseLockGuard released;
//     item = core->WaitForItem();
//   }
class ReleaseLockGuard {
 public:
  ReleaseLockGuard();
  ~ReleaseLockGuard();
  ReleaseLockGuard(const ReleaseLockGuard&) = delete;
  ReleaseLockGuard& operator=(const ReleaseLockGuard&) = delete;

 private:
  Interpreter* interp_;
};

class HeapType;

// What the objects layer lends the interpreter layer, which cannot depend on it.
// Installed at Runtime::Initialize (until then, and in a runtime without that
// layer, each null hook does nothing). Hooks must not fail.
struct ObjectsLayerHooks {
  // Fills `dict`, `type`'s empty dict in `interp`, with objects for its declared
  // members and its slots' special methods; called on the first read of it.
  void (*materialize_static_dict)(Interpreter& interp, StaticType& type, AttrTable& dict) = nullptr;
  // Recomputes the behaviour slots of `type` and its subclasses that depend on
  // the dict entry `changed` (a special method name), or all of them when
  // `changed` is null (a new class).
  void (*update_heap_slots)(HeapType& type, const Name* changed) = nullptr;
  // Raises RuntimeError(message) in the current interpreter (the interp layer
  // cannot make exception objects; interp/ownership.h uses it).
  void (*raise_runtime_error)(std::string_view message) = nullptr;
  // The list of weak references to `object`, a mortal object of the current
  // interpreter, or nullptr if it cannot be weakly referenced; and `object` as
  // a weak reference, or nullptr if it is none. The collector (interp/
  // collector.h) clears the weak references to garbage and in it.
  WeakRefList* (*weakrefs_of)(Object* object) = nullptr;
  WeakRefObject* (*as_weakref)(Object* object) = nullptr;
};
// `hooks` must outlive the runtime; nullptr removes them.
void SetObjectsLayerHooks(const ObjectsLayerHooks* hooks);

// What the language layer (lang/) lends the interpreter layer: running source
// for Interpreter::Exec. Installed at Runtime::Initialize when //lang:eval is
// linked; `hooks` must outlive the runtime; nullptr removes them.
struct LanguageHooks {
  // Runs `source` in the current interpreter's __main__; the uncaught
  // exception as a status.
  absl::Status (*exec)(std::string_view source) = nullptr;
};
void SetLanguageHooks(const LanguageHooks* hooks);
// The installed hooks (all null if none are).
const ObjectsLayerHooks& ObjectsLayer();

// Test hook: called for every ready static type as an interpreter finalizes it
// (whether or not the type has a fini hook). nullptr removes it.
void SetStaticTypeFiniObserverForTesting(void (*observer)(Interpreter&, const StaticType&));

// Failure injection for tests: the next interpreter creation fails the init of the
// static type at position `k` of init order (once). A negative `k` disarms it.
void InjectStaticTypeInitFailureForTesting(int k);

}  // namespace islet

#endif  // ISLET_INTERP_INTERPRETER_H_
