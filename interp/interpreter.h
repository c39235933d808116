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
#include <mutex>
#include <new>
#include <span>
#include <string_view>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "interp/attribute_cache.h"
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

  // --- Type attributes (the caller must be attached) ---

  // `type`'s own dict as this interpreter sees it: a static type's
  // per-interpreter dict (its declared members are materialized on first use;
  // nullptr while empty), or a heap type's dict.
  const AttrTable* TypeDict(const TypeObject& type);
  // Stores `value` under `name` in `type`'s dict. For a static type the entry
  // exists in this interpreter only (the embedder's way to extend a builtin type
  // per interpreter). Keeps the attribute cache correct. Returns false, with
  // RuntimeError pending, if `type` or `value` belongs to another interpreter
  // (interp/ownership.h).
  bool SetTypeDictEntry(TypeObject& type, const Name* name, Ref<Object> value);
  // Removes `name` from `type`'s own dict; returns false if it was not there.
  bool RemoveTypeDictEntry(TypeObject& type, const Name* name);
  // Finds `name` along `type`'s MRO, through the attribute cache. Returns the
  // value (borrowed) or nullptr.
  Object* LookupTypeAttribute(const TypeObject& type, const Name* name);

  // The exception raised and not yet handled in this interpreter, or nullptr (see
  // objects/errors.h, which is the way to raise and handle exceptions).
  Object* pending_exception() const { return pending_exception_.get(); }
  void set_pending_exception(Ref<Object> exception) { pending_exception_ = std::move(exception); }
  Ref<Object> take_pending_exception() { return std::move(pending_exception_); }

  // The language's module table (`sys.modules`: a dict, name -> module), or
  // nullptr before the first import. A root: teardown drops it first.
  Object* modules() const { return modules_.get(); }
  void set_modules(Ref<Object> modules) { modules_ = std::move(modules); }

  // The switch interval: called by the calling thread, attached here, between
  // steps of running code. If other threads are attached (waiting for the lock),
  // gives the lock up for a moment so they get a turn, like a GIL's switch.
  void YieldToWaitingThreads();

  // Returns the interned Name for `text`: the runtime's if builtin types use it,
  // otherwise this interpreter's.
  const Name* Intern(std::string_view text);

  // The metatype `type`, the type of every type object.
  StaticType* type_type() const { return setup_.type_type; }

  // Next per-interpreter version tag for a heap type. Static types use the tags
  // 1..kStaticTypeCapacity, so the two ranges never collide.
  uint32_t NextHeapVersionTag();

  InterpreterMemoryStats memory_stats() const { return stats_; }
  // Threads holding an AttachGuard on this interpreter (including waiting ones).
  int attached_threads() const { return attached_threads_.load(std::memory_order_acquire); }

 private:
  friend class AttachGuard;
  friend class ReleaseLockGuard;
  friend class Runtime;
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

  void* AllocateObjectMemory(size_t instance_size, size_t cxx_size);
  void Track(Object* object, TypeObject* type);
  // Checked builds: aborts unless the thread is attached here and `type` is usable here.
  void CheckAllocation(const TypeObject* type) const;
  void Untrack(Object* object, size_t instance_size);
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
  Object objects_;  // sentinel of the circular list of live objects
  uint32_t next_heap_version_tag_;
  std::mutex lock_;
  std::atomic<int> attached_threads_{0};
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
};
// `hooks` must outlive the runtime; nullptr removes them.
void SetObjectsLayerHooks(const ObjectsLayerHooks* hooks);
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
