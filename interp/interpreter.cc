#include "interp/interpreter.h"

#include <cassert>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "interp/collector.h"
#include "interp/heap_type.h"
#include "interp/instance_extras.h"
#include "interp/ownership.h"
#include "runtime/dunder.h"
#include "runtime/str_cat.h"
#include "runtime/type_registry.h"

namespace islet {
namespace {

constinit std::atomic<int> inject_init_failure_at{-1};
constinit const ObjectsLayerHooks no_hooks;
constinit std::atomic<const ObjectsLayerHooks*> objects_layer_hooks{&no_hooks};
constinit std::atomic<void (*)(Interpreter&, const StaticType&)> fini_observer{nullptr};

}  // namespace

constinit thread_local Interpreter* Interpreter::current_ = nullptr;

void SetObjectsLayerHooks(const ObjectsLayerHooks* hooks) {
  objects_layer_hooks.store(hooks != nullptr ? hooks : &no_hooks, std::memory_order_release);
}

const ObjectsLayerHooks& ObjectsLayer() {
  return *objects_layer_hooks.load(std::memory_order_acquire);
}

void SetStaticTypeFiniObserverForTesting(void (*observer)(Interpreter&, const StaticType&)) {
  fini_observer.store(observer, std::memory_order_release);
}

void InjectStaticTypeInitFailureForTesting(int k) {
  inject_init_failure_at.store(k, std::memory_order_relaxed);
}

// ---------------------------------------------------------------------------
// Lifecycle
// ---------------------------------------------------------------------------

Interpreter::Interpreter(const InterpreterSetup& setup)
    : setup_(setup), next_heap_version_tag_(static_cast<uint32_t>(kStaticTypeCapacity) + 1) {}

Interpreter::~Interpreter() = default;

void Interpreter::Delete(Interpreter* interp) {
  interp->Teardown();
  delete interp;
}

absl::StatusOr<std::unique_ptr<Interpreter, void (*)(Interpreter*)>> Interpreter::Create(
    const InterpreterSetup& setup) {
  std::unique_ptr<Interpreter, void (*)(Interpreter*)> interp(new Interpreter(setup),
                                                              &Interpreter::Delete);
  AttachGuard attached(*interp);
  int fail_at = inject_init_failure_at.load(std::memory_order_relaxed);
  // A type without an init hook needs nothing here, so only the hooked ones are
  // visited (every type when a test injects a failure at some position).
  std::span<StaticType* const> to_init = fail_at >= 0 ? setup.init_order : setup.types_with_hooks;
  for (StaticType* type : to_init) {
    const size_t k = static_cast<size_t>(type->static_index());
    absl::Status status;
    if (static_cast<int>(k) == fail_at &&
        inject_init_failure_at.compare_exchange_strong(fail_at, -1)) {
      status = absl::InternalError("injected failure");
    } else if (type->spec().init != nullptr) {
      status = type->spec().init(*interp);
    }
    if (!status.ok()) {
      // The types before it are ready. The unique_ptr's deleter finalizes them,
      // after this thread detaches.
      interp->ready_types_ = k;
      return absl::Status(status.code(),
                          StrCat("creating interpreter ", setup.id, ": init of builtin type '",
                                 type->name(), "' failed: ", status.message()));
    }
  }
  interp->ready_types_ = setup.init_order.size();
  return interp;
}

void Interpreter::Teardown() {
  assert(current_ != this && "the tearing-down thread must not be attached");
  AttachGuard attached(*this);
  // From here on no finalizer (__del__) and no collection runs: teardown frees
  // everything whatever the program's objects would do about it.
  tearing_down_ = true;
  attribute_cache_.Clear();  // its borrowed values are about to go
  // Weak references to static types first: their referents outlive this
  // interpreter, so they are detached without callbacks (as CPython does).
  ForEachTypeState([](StaticTypeState& state) { state.weakrefs().ClearWithoutCallbacks(); });
  // Roots: the module table, the pending exception, gc.callbacks and the
  // per-type dicts.
  modules_.reset();
  pending_exception_.reset();
  if (collector_ != nullptr) collector_->set_callbacks(nullptr);
  ForEachTypeState([](StaticTypeState& state) {
    if (state.dict_) state.dict_->Clear();
  });
  ClearAllObjects();
  collector_.reset();  // its lists are empty now
  FiniStaticTypes();
}

template <typename F>
void Interpreter::ForEachObjectList(F f) {
  f(untracked_);
  if (collector_ != nullptr) collector_->ForEachList(f);
}

// Breaks every reference between this interpreter's objects, so reference cycles
// free themselves. Assumes the roots were already dropped.
void Interpreter::ClearAllObjects() {
  if (untracked_.empty() && collector_ == nullptr) return;  // an idle interpreter
  std::vector<Ref<Object>> live;
  ForEachObjectList([&live](const ObjectList& list) {
    for (Object* o = list.first(); o != list.end(); o = ObjectList::Next(o)) {
      live.push_back(Ref<Object>::Borrow(o));
    }
  });
  for (const Ref<Object>& object : live) {
    if (auto clear = object->type()->slots().clear) clear(object.get());
  }
  live.clear();  // the last references: everything no one else holds is freed here

  // Whatever is still alive is referenced from outside the interpreter's objects:
  // a C++ Ref that outlived its interpreter. Its memory goes with the interpreter.
  size_t leftover = 0;
  ForEachObjectList([&leftover](const ObjectList& list) { leftover += list.Count(); });
  if (leftover == 0) return;
  std::fprintf(stderr,
               "islet: interpreter %lld destroyed while C++ still held references to %zu of "
               "its objects; those references are now invalid\n",
               static_cast<long long>(id()), leftover);
  // Cleared objects hold no references but to their type (clear guarantees it), so
  // they can go in any order as long as type objects go last.
  for (bool free_type_objects : {false, true}) {
    ForEachObjectList([&](const ObjectList& list) {
      Object* object = list.first();
      while (object != list.end()) {
        Object* next = ObjectList::Next(object);
        if ((object->type() == setup_.type_type) == free_type_objects) FreeCleared(object);
        object = next;
      }
    });
  }
}

void Interpreter::FreeCleared(Object* object) {
  const TypeSlots& slots = object->type()->slots();
  Untrack(object, slots.instance_size);
  if (slots.destroy != nullptr) slots.destroy(object);
  ::operator delete(object);
}

// Runs fini for every ready static type in reverse init order, so a type is
// finalized before everything it depends on; only types with hooks need it,
// unless a test observes every one. Assumes every object is gone; then drops the
// per-type states, subclass lists included even if heap subclasses somehow
// survive.
void Interpreter::FiniStaticTypes() {
  auto observer = fini_observer.load(std::memory_order_acquire);
  std::span<StaticType* const> to_fini =
      observer != nullptr ? setup_.init_order : setup_.types_with_hooks;
  for (auto it = to_fini.rbegin(); it != to_fini.rend(); ++it) {
    StaticType* type = *it;
    if (static_cast<size_t>(type->static_index()) >= ready_types_) continue;
    if (observer != nullptr) observer(*this, *type);
    if (type->spec().fini != nullptr) type->spec().fini(*this);
  }
  ready_types_ = 0;
  type_states_.reset();
}

StaticTypeState& Interpreter::SetUpStateOf(size_t index) {
  if (type_states_ == nullptr) {
    type_states_ = std::make_unique<std::unique_ptr<StaticTypeState>[]>(setup_.init_order.size());
  }
  type_states_[index] = std::make_unique<StaticTypeState>();
  return *type_states_[index];
}

// ---------------------------------------------------------------------------
// Objects
// ---------------------------------------------------------------------------

void* Interpreter::AllocateObjectMemory(size_t instance_size, size_t cxx_size) {
  assert(instance_size >= cxx_size && "type's instance_size is smaller than its C++ class");
  (void)cxx_size;
  return ::operator new(instance_size);
}

void Interpreter::Track(Object* object, TypeObject* type) {
  if constexpr (kCheckedBuild) CheckAllocation(type);
  if (uint32_t offset = type->extras_offset()) {
    new (reinterpret_cast<char*>(object) + offset) InstanceExtras();
  }
  object->type_ = type;
  object->owner_ = this;
  object->refcount_ = 1;
  if (type->HasFlag(kTypeHeap)) IncRef(type);  // instances keep their heap type alive
  if (type->slots().traverse != nullptr) {
    collector().Track(object);
  } else {
    untracked_.Append(object);
  }
  stats_.live_objects += 1;
  stats_.live_bytes += type->slots().instance_size;
}

// NewObject cannot fail, so a checked build stops here: allocating in an
// interpreter the thread is not attached to, or an instance of another
// interpreter's class, is a bug in the caller.
void Interpreter::CheckAllocation(const TypeObject* type) const {
  const Interpreter* type_owner = type->owner();
  if (current_ == this && (type_owner == nullptr || type_owner == this)) return;
  std::string message;
  if (current_ != this) {
    message =
        StrCat("allocating an object of type '", type->name(), "' in interpreter ", id(),
               current_ == nullptr ? " with no interpreter attached"
                                   : StrCat(" while attached to interpreter ", current_->id()));
  } else {
    message = StrCat("allocating an instance of class '", type->name(), "' of interpreter ",
                     type_owner->id(), " in interpreter ", id());
  }
  std::fprintf(stderr, "islet: %s\n", message.c_str());
  std::abort();
}

void Interpreter::ChangeClass(Object& object, TypeObject& cls) {
  assert(object.owner_ == this && object.type_->HasFlag(kTypeHeap) && cls.HasFlag(kTypeHeap));
  TypeObject* old = object.type_;
  IncRef(&cls);
  object.type_ = &cls;
  DecRef(old);  // last: the old class's death can run code that finds `object`
}

void Interpreter::MakeCollector() { collector_ = std::make_unique<Collector>(*this); }

void Interpreter::Untrack(Object* object, size_t instance_size) {
  ObjectList::Remove(object);
  if (object->type()->slots().traverse != nullptr) collector_->Forget();
  stats_.live_objects -= 1;
  stats_.live_bytes -= instance_size;
}

// PEP 442: an object's finalizer runs once, here or in the collector, whichever
// sees it dead first. It runs with the object's refcount held at one, so it may
// store a reference to the object (resurrect it), and then the object lives on.
bool Interpreter::FinalizeDying(Object* object) {
  if (tearing_down_ || ObjectList::IsFinalized(object)) return true;
  ObjectList::SetFinalized(object);
  object->refcount_ = 1;
  object->type()->slots().finalize(object);
  return --object->refcount_ == 0;
}

// Inlined into Dealloc, whose fast path it is. The finalizer (__del__) comes
// first, a step of its own: it may resurrect the object.
[[gnu::always_inline]] inline void Interpreter::Free(Object* object) {
  if (object->type()->slots().finalize != nullptr && !FinalizeDying(object)) [[unlikely]] {
    return;
  }
  TypeObject* type = object->type();
  const TypeSlots& slots = type->slots();
  Untrack(object, slots.instance_size);
  if (slots.destroy != nullptr) slots.destroy(object);
  ::operator delete(object);
  if (type->HasFlag(kTypeHeap)) DecRef(type);
}

// Freeing an object releases what it holds, which may free more objects, so
// Dealloc recurses as deep as the structure is (a list nested a million times).
// Past kMaxDeallocDepth nested calls on this interpreter it defers instead: the
// object is queued, and the outermost Dealloc frees the queue before it
// returns, each object again from depth 1 (CPython's trashcan). The stack a
// free uses is bounded by that depth, whatever is freed; nothing is allocated.
void Dealloc(Object* object) {
  Interpreter* owner = object->owner();
  if (owner->dealloc_depth_ >= Interpreter::kMaxDeallocDepth) [[unlikely]] {
    owner->DeferDealloc(object);
    return;
  }
  ++owner->dealloc_depth_;
  owner->Free(object);
  if (--owner->dealloc_depth_ == 0 && owner->deferred_deallocs_ != nullptr) [[unlikely]] {
    owner->FreeDeferred();
  }
}

// A deferred object is still counted as live, but leaves the list of live
// objects meanwhile: its links chain the queue (last in, first out). Nothing
// can reach it (its refcount is 0), and the queue is empty again before the
// outermost Dealloc returns, so teardown never sees it.
void Interpreter::DeferDealloc(Object* object) {
  ObjectList::Remove(object);  // keeps its flags (finalized)
  object->next_ = deferred_deallocs_;
  deferred_deallocs_ = object;
}

// Frees the queue at depth 1; what those frees defer joins it. Each object goes
// back into the list of live objects first, so Free finds it as it left it.
void Interpreter::FreeDeferred() {
  ++dealloc_depth_;
  while (Object* object = deferred_deallocs_) {
    deferred_deallocs_ = object->next_;
    object->next_ = nullptr;
    if (object->type()->slots().traverse != nullptr) {
      collector_->Relink(object);
    } else {
      untracked_.Append(object);
    }
    Free(object);
  }
  --dealloc_depth_;
}

// ---------------------------------------------------------------------------
// Type attributes
// ---------------------------------------------------------------------------

const AttrTable* Interpreter::TypeDict(const TypeObject& type) {
  if (!CheckOwned(&type)) return nullptr;
  return TypeDictOf(type);
}

const AttrTable* Interpreter::TypeDictOf(const TypeObject& type) {
  if (!type.IsStaticBuiltin()) return &static_cast<const HeapType&>(type).dict();
  StaticTypeState& state = StateOf(type);
  if (!state.members_materialized_) {
    MaterializeMembers(const_cast<StaticType&>(static_cast<const StaticType&>(type)), state);
  }
  return state.dict();
}

// Every read of a static type's dict goes through TypeDictOf, which calls this
// first, so no lookup (cached or not) ever sees the dict without its members.
void Interpreter::MaterializeMembers(StaticType& type, StaticTypeState& state) {
  state.members_materialized_ = true;
  if (auto materialize = ObjectsLayer().materialize_static_dict) {
    materialize(*this, type, state.mutable_dict());
  }
}

// The replaced value is released only after the cache has forgotten it: its death
// can run code (weak reference callbacks) that looks the name up again.
Ref<Object> Interpreter::KeepTypeDictEntry(const TypeObject& type, const Name* name) {
  // TypeDictOf materializes a static type's members first, so they never
  // overwrite the changed entry later.
  const AttrTable* dict = TypeDictOf(type);
  return Ref<Object>::Borrow(dict != nullptr ? dict->Get(name) : nullptr);
}

bool Interpreter::SetTypeDictEntry(TypeObject& type, const Name* name, Ref<Object> value) {
  if (!CheckOwned(&type) || !CheckOwned(value.get())) return false;
  Ref<Object> old = KeepTypeDictEntry(type, name);
  if (type.IsStaticBuiltin()) {
    StateOf(type).mutable_dict().Set(name, std::move(value));
  } else {
    static_cast<HeapType&>(type).dict_.Set(name, std::move(value));
  }
  TypeDictChanged(type, name);
  return true;
}

bool Interpreter::RemoveTypeDictEntry(TypeObject& type, const Name* name) {
  if (!CheckOwned(&type)) return false;
  Ref<Object> old = KeepTypeDictEntry(type, name);
  bool removed = type.IsStaticBuiltin() ? StateOf(type).mutable_dict().Remove(name)
                                        : static_cast<HeapType&>(type).dict_.Remove(name);
  if (removed) TypeDictChanged(type, name);
  return removed;
}

// A static type's slots never change (they are shared); a heap type's follow the
// special methods in its dict.
void Interpreter::TypeDictChanged(TypeObject& type, const Name* name) {
  if (type.IsStaticBuiltin()) {
    // Static tags are fixed for the runtime's life (other interpreters rely on
    // them), so this interpreter forgets everything it cached instead.
    attribute_cache_.Clear();
    return;
  }
  auto& heap_type = static_cast<HeapType&>(type);
  heap_type.AssignNewVersionTags(*this);
  if (auto update = ObjectsLayer().update_heap_slots; update && IsDunderText(name->text())) {
    update(heap_type, name);
  }
}

Object* Interpreter::LookupTypeAttributeUncached(const TypeObject& type, const Name* name) {
  // Checked again (the inlined probe only skipped the cache): another
  // interpreter's class is read without its lock otherwise.
  if (const Interpreter* owner = type.owner(); owner != this && owner != nullptr) {
    ownership_internal::RaiseNotOwned(&type);
    return nullptr;
  }
  const uint32_t version = type.version_tag();
  Object* value = nullptr;
  // Every class along the MRO of a usable type is usable: static, or made here
  // (HeapType::Create checks the bases).
  for (const TypeObject* entry : type.mro()) {
    const AttrTable* dict = TypeDictOf(*entry);
    if (dict != nullptr && (value = dict->Get(name)) != nullptr) break;
  }
  if (version != 0) attribute_cache_.Store(version, name, value);
  return value;
}

// ---------------------------------------------------------------------------
// Names and version tags
// ---------------------------------------------------------------------------

const Name* Interpreter::Intern(std::string_view text) {
  if (const Name* shared = setup_.runtime_names->Find(text)) return shared;
  return names_.Intern(text);
}

uint32_t Interpreter::NextHeapVersionTag() {
  if (next_heap_version_tag_ == 0) return 0;  // exhausted: heap types go uncached
  return next_heap_version_tag_++;            // wraps to 0 after the last tag
}

void Interpreter::SetNextHeapVersionTagForTesting(uint32_t tag) {
  assert((tag == 0 || tag > kStaticTypeCapacity) && "heap tags start above the static range");
  next_heap_version_tag_ = tag;
}

// ---------------------------------------------------------------------------
// Attaching threads
// ---------------------------------------------------------------------------

// Blocks until the lock is free, then takes it marked as having sleepers (it
// cannot know there are none left), counted in waiting_threads_ meanwhile: a
// thread holding the lock that sees the count (YieldToWaitingThreads) knows some
// thread will take the lock after it releases it.
void Interpreter::AcquireContendedLock(uint32_t state) {
  // Counted, then announced to the holder's next safe point (HandleEvalBreaker
  // clears the bit only after seeing no waiter, and checks again after).
  waiting_threads_.fetch_add(1, std::memory_order_seq_cst);
  eval_breaker_.fetch_or(kLockWanted, std::memory_order_seq_cst);
  if (state != kLockedWithSleepers)
    state = lock_state_.exchange(kLockedWithSleepers, std::memory_order_acquire);
  while (state != kUnlocked) {
    lock_state_.wait(kLockedWithSleepers, std::memory_order_relaxed);
    state = lock_state_.exchange(kLockedWithSleepers, std::memory_order_acquire);
  }
  waiting_threads_.fetch_sub(1, std::memory_order_relaxed);
}

// Called by the thread that just took the lock while a yielding thread waits
// for that: it read the generation under the lock, and changing it after its
// release is what it waits for. atomic::wait compares before sleeping, so the
// wake-up cannot be lost.
void Interpreter::CompleteHandOff() {
  handoff_pending_ = false;
  handoff_generation_.fetch_add(1, std::memory_order_release);
  handoff_generation_.notify_all();
}

AttachGuard::AttachGuard(Interpreter& interp) : interp_(&interp), previous_(Interpreter::current_) {
  if (previous_ == interp_) return;  // already attached: nothing to do
  if (previous_ != nullptr) previous_->ReleaseLock();
  interp_->attached_threads_.fetch_add(1, std::memory_order_acq_rel);
  interp_->AcquireLock();
  Interpreter::current_ = interp_;
}

AttachGuard::~AttachGuard() {
  if (previous_ == interp_) return;
  Interpreter::current_ = previous_;
  interp_->ReleaseLock();
  interp_->attached_threads_.fetch_sub(1, std::memory_order_acq_rel);
  if (previous_ != nullptr) previous_->AcquireLock();
}

namespace {
std::atomic<const LanguageHooks*> language_hooks{nullptr};
}  // namespace

void SetLanguageHooks(const LanguageHooks* hooks) {
  language_hooks.store(hooks, std::memory_order_release);
}

absl::Status Interpreter::Exec(std::string_view source) {
  const LanguageHooks* hooks = language_hooks.load(std::memory_order_acquire);
  if (hooks == nullptr || hooks->exec == nullptr) {
    return absl::FailedPreconditionError("Interpreter::Exec: no language is linked (//lang:eval)");
  }
  AttachGuard attached(*this);
  return hooks->exec(source);
}

void Interpreter::HandleEvalBreaker() {
  assert(current_ == this && "the eval breaker is handled by the thread holding the lock");
  const uint32_t bits = eval_breaker();
  if ((bits & kCollectionDue) != 0) {
    ClearEvalBreakerBits(kCollectionDue);
    if (collector_ != nullptr && !tearing_down_) collector_->CollectDue();
  }
  if ((bits & kLockWanted) != 0) {
    if (waiting_threads_.load(std::memory_order_seq_cst) == 0) {
      // Nobody waits (any more). A thread that starts waiting after the check
      // sets the bit again after this clears it.
      switch_ticks_ = 0;
      eval_breaker_.fetch_and(~kLockWanted, std::memory_order_seq_cst);
      if (waiting_threads_.load(std::memory_order_seq_cst) != 0) SetEvalBreakerBits(kLockWanted);
    } else if (++switch_ticks_ >= kSwitchInterval) {
      switch_ticks_ = 0;
      YieldToWaitingThreads();
    }
  }
}

// A hand-off, not a hint: releasing a lock and taking it again lets the
// releasing thread win again and again (it is already running), so a waiting
// thread could starve. Here the yielding thread does not queue for the lock
// again until another thread has taken it.
//
// Why a counted waiter always comes: waiting_threads_ is decremented right after
// the lock is taken, before that thread can release it, and this thread holds
// it; so every thread the count includes has yet to take the lock, and will
// (AcquireContendedLock does not give up). Whoever takes the lock next, that
// thread or another, sees handoff_pending_ (set under the lock) and moves the
// generation on.
void Interpreter::YieldToWaitingThreads() {
  assert(current_ == this && "only the thread holding the lock can yield it");
  if (waiting_threads_.load(std::memory_order_relaxed) == 0) [[likely]]
    return;
  handoff_pending_ = true;
  const uint32_t generation = handoff_generation_.load(std::memory_order_relaxed);
  current_ = nullptr;
  ReleaseLock();
  // Returns once the value differs from `generation`. A 32-bit counter: futex-
  // backed; matching again would take 2^32 acquisitions between the unlock and
  // this call's first comparison.
  handoff_generation_.wait(generation, std::memory_order_acquire);
  AcquireLock();  // counted as waiting if it blocks, so the other thread hands back
  current_ = this;
}

// The released thread does not want the lock while it waits, so it is not
// counted as waiting (YieldToWaitingThreads does not hand over to it); taking the
// lock back goes through AcquireLock like any other acquisition.
ReleaseLockGuard::ReleaseLockGuard() : interp_(Interpreter::current_) {
  if (interp_ == nullptr) return;
  Interpreter::current_ = nullptr;
  interp_->ReleaseLock();
}

ReleaseLockGuard::~ReleaseLockGuard() {
  if (interp_ == nullptr) return;
  interp_->AcquireLock();
  Interpreter::current_ = interp_;
}

}  // namespace islet
