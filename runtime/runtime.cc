#include "runtime/runtime.h"

#include <algorithm>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "runtime/dunder.h"
#include "runtime/name.h"
#include "runtime/runtime_hook.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

// ---------------------------------------------------------------------------
// Runtime state: constant-initialized, trivially destructible.
//
// Lock order: lifecycle_mutex, then interpreter locks, then mutex. `mutex` guards
// the fields below it and is held only briefly, never while taking an
// interpreter's lock (a thread attached to an interpreter may take it to create
// or destroy another). Between Initialize and Finalize the registry, the readied
// static types and `names` are read-only and read without any lock.
// ---------------------------------------------------------------------------

struct RuntimeState {
  std::mutex lifecycle_mutex;  // serializes Initialize and Finalize
  std::mutex mutex;
  bool initialized = false;
  Interpreter* main = nullptr;
  std::vector<Interpreter*>* subinterpreters = nullptr;  // in creation order
  int64_t next_interpreter_id = 0;
  NameTable* names = nullptr;
  StaticType* type_type = nullptr;
};

constinit RuntimeState state;

// Runtime hooks, linked at static initialization; read by Initialize/Finalize.
constinit RuntimeHook* first_hook = nullptr;

std::vector<RuntimeHook*> HooksByName() {
  std::vector<RuntimeHook*> hooks;
  for (RuntimeHook* hook = first_hook; hook != nullptr; hook = hook->next_registered) {
    hooks.push_back(hook);
  }
  std::sort(hooks.begin(), hooks.end(), [](const RuntimeHook* a, const RuntimeHook* b) {
    return std::string_view(a->name) < std::string_view(b->name);
  });
  return hooks;
}

// Runs every hook's on_initialize in name order; on failure finalizes the ones
// that ran, in reverse.
absl::Status InitializeHooks() {
  std::vector<RuntimeHook*> hooks = HooksByName();
  for (size_t i = 0; i < hooks.size(); ++i) {
    absl::Status status = hooks[i]->on_initialize ? hooks[i]->on_initialize() : absl::OkStatus();
    if (!status.ok()) {
      std::string message =
          StrCat("runtime hook '", hooks[i]->name, "' failed: ", status.message());
      while (i-- > 0) {
        if (hooks[i]->on_finalize) hooks[i]->on_finalize();
      }
      return absl::Status(status.code(), message);
    }
  }
  return absl::OkStatus();
}

void FinalizeHooks() {
  std::vector<RuntimeHook*> hooks = HooksByName();
  for (auto it = hooks.rbegin(); it != hooks.rend(); ++it) {
    if ((*it)->on_finalize) (*it)->on_finalize();
  }
}

InterpreterSetup NextSetup(bool is_main) {
  return InterpreterSetup{
      .id = state.next_interpreter_id++,
      .is_main = is_main,
      .init_order = TypeRegistry::Global().init_order(),
      .types_with_hooks = TypeRegistry::Global().types_with_hooks(),
      .runtime_names = state.names,
      .type_type = state.type_type,
  };
}

}  // namespace

// ---------------------------------------------------------------------------
// Shared parts of static types: written here, before any interpreter exists, and
// cleared here, after the last one is gone. Nothing else writes to them.
// ---------------------------------------------------------------------------

class StaticTypeReadier {
 public:
  // Readies every type in init order; a type's base comes before it, so its MRO is
  // already known.
  static void ReadyAll(const TypeRegistry& registry, StaticType* type_type) {
    std::span<StaticType* const> order = registry.init_order();
    for (size_t index = 0; index < order.size(); ++index) {
      StaticType* type = order[index];
      type->set_type(type_type);
      type->base_ = type->spec().base ? registry.Find(type->spec().base) : nullptr;
      size_t inherited = type->base_ ? type->base_->mro().size() : 0;
      TypeObject** mro = new TypeObject*[inherited + 1];
      mro[0] = type;
      if (type->base_) std::copy_n(type->base_->mro().begin(), inherited, mro + 1);
      type->mro_ = std::span<TypeObject* const>(mro, inherited + 1);
      type->bases_ = type->base_ ? std::span<TypeObject* const>(&type->base_, 1)
                                 : std::span<TypeObject* const>();
      type->static_index_ = static_cast<int32_t>(index);
      type->version_tag_ = static_cast<uint32_t>(index) + 1;
      type->flags_ = type->spec().flags | kTypeStaticBuiltin | kTypeImmutable | kTypeReady;
      if (type->base_ != nullptr) {
        // A type that declares no layout of its own (instance_size left at the
        // default) has its base's; behaviour slots it leaves null come from its base.
        if (type->slots_.instance_size == sizeof(Object)) {
          type->slots_.instance_size = type->base_->slots().instance_size;
          type->slots_.destroy = type->base_->slots().destroy;
          type->slots_.clear = type->base_->slots().clear;
          type->slots_.traverse = type->base_->slots().traverse;
        }
        type->slots_.InheritFrom(type->base_->slots());
        // A static type directly below the root that defines no constructor cannot
        // be instantiated (CPython's DISALLOW_INSTANTIATION): it does not inherit
        // object's.
        if (type->base_->base() == nullptr && type->spec().slots.new_instance == nullptr) {
          type->slots_.new_instance = nullptr;
        }
      }
    }
  }

  // The final fini of the shared parts, in fini order.
  static void FiniAll(const TypeRegistry& registry) {
    std::span<StaticType* const> order = registry.init_order();
    for (size_t i = order.size(); i-- > 0;) {
      StaticType* type = order[i];
      delete[] type->mro_.data();
      type->mro_ = {};
      type->bases_ = {};
      type->base_ = nullptr;
      type->static_index_ = -1;
      type->version_tag_ = 0;
      type->flags_ = type->spec().flags;
      type->slots_ = type->spec().slots;
      type->set_type(nullptr);
    }
  }
};

// ---------------------------------------------------------------------------
// Lifecycle
// ---------------------------------------------------------------------------

absl::Status Runtime::Initialize() {
  std::lock_guard<std::mutex> lifecycle(state.lifecycle_mutex);
  {
    std::lock_guard<std::mutex> lock(state.mutex);
    if (state.initialized)
      return absl::FailedPreconditionError("the runtime is already initialized");
  }
  // Not initialized: nothing else reads the registry, the types or the names.
  TypeRegistry& registry = TypeRegistry::Global();
  if (absl::Status frozen = registry.Freeze(); !frozen.ok()) return frozen;
  for (const char* root : {"object", "type"}) {
    if (registry.Find(root) == nullptr) {
      registry.Unfreeze();
      return absl::NotFoundError(
          StrCat("builtin type '", root, "' is not registered: link //types/", root));
    }
  }
  StaticType* type_type = registry.Find("type");
  StaticTypeReadier::ReadyAll(registry, type_type);
  // The names builtin types use are interned once, for every interpreter to share.
  auto* names = new NameTable();
  for (StaticType* type : registry.init_order()) {
    names->Intern(type->name());
    for (const TypeMember& member : type->spec().members) names->Intern(member.name);
  }
  InternDunders(*names);

  InterpreterSetup main_setup;
  {
    std::lock_guard<std::mutex> lock(state.mutex);
    state.names = names;
    state.type_type = type_type;
    state.next_interpreter_id = 0;
    main_setup = NextSetup(/*is_main=*/true);
  }
  auto undo = [&] {
    {
      std::lock_guard<std::mutex> lock(state.mutex);
      state.names = nullptr;
      state.type_type = nullptr;
    }
    ForgetDunders();
    delete names;
    StaticTypeReadier::FiniAll(registry);
    registry.Unfreeze();
  };
  if (absl::Status hooks = InitializeHooks(); !hooks.ok()) {
    undo();
    return hooks;
  }
  auto main = Interpreter::Create(main_setup);
  if (!main.ok()) {
    FinalizeHooks();
    undo();
    return main.status();
  }
  std::lock_guard<std::mutex> lock(state.mutex);
  state.main = main->release();
  state.subinterpreters = new std::vector<Interpreter*>();
  state.initialized = true;
  return absl::OkStatus();
}

absl::Status Runtime::Finalize() {
  if (Interpreter* current = Interpreter::Current()) {
    return absl::FailedPreconditionError(
        StrCat("cannot finalize the runtime: the calling thread "
               "is attached to interpreter ",
               current->id(), "; detach first"));
  }
  std::lock_guard<std::mutex> lifecycle(state.lifecycle_mutex);
  Interpreter* main;
  std::vector<Interpreter*>* subinterpreters;
  {
    std::lock_guard<std::mutex> lock(state.mutex);
    if (!state.initialized) return absl::FailedPreconditionError("the runtime is not initialized");
    std::vector<Interpreter*> all = *state.subinterpreters;
    all.push_back(state.main);
    for (Interpreter* interp : all) {
      if (int attached = interp->attached_threads(); attached > 0) {
        return absl::FailedPreconditionError(StrCat("cannot finalize the runtime: interpreter ",
                                                    interp->id(), " has ", attached,
                                                    " attached thread(s)"));
      }
    }
    main = std::exchange(state.main, nullptr);
    subinterpreters = std::exchange(state.subinterpreters, nullptr);
    state.initialized = false;  // from here on, creating and destroying are refused
  }
  // Subinterpreters first, newest first; the main interpreter last.
  for (auto it = subinterpreters->rbegin(); it != subinterpreters->rend(); ++it) {
    Interpreter::Delete(*it);
  }
  delete subinterpreters;
  Interpreter::Delete(main);
  FinalizeHooks();
  // Final fini of the shared parts: no interpreter is left to read them.
  NameTable* names;
  {
    std::lock_guard<std::mutex> lock(state.mutex);
    names = std::exchange(state.names, nullptr);
    state.type_type = nullptr;
  }
  ForgetDunders();
  delete names;
  StaticTypeReadier::FiniAll(TypeRegistry::Global());
  TypeRegistry::Global().Unfreeze();
  return absl::OkStatus();
}

bool Runtime::IsInitialized() {
  std::lock_guard<std::mutex> lock(state.mutex);
  return state.initialized;
}

Interpreter* Runtime::MainInterpreter() {
  std::lock_guard<std::mutex> lock(state.mutex);
  return state.main;
}

absl::StatusOr<Interpreter*> Runtime::CreateInterpreter() {
  InterpreterSetup setup;
  {
    std::lock_guard<std::mutex> lock(state.mutex);
    if (!state.initialized) return absl::FailedPreconditionError("the runtime is not initialized");
    setup = NextSetup(/*is_main=*/false);
  }
  // Per-type init runs outside the runtime lock: creations proceed in parallel.
  auto created = Interpreter::Create(setup);
  if (!created.ok()) return created.status();
  std::lock_guard<std::mutex> lock(state.mutex);
  Interpreter* interp = created->release();
  state.subinterpreters->push_back(interp);
  return interp;
}

namespace {

// Under the state mutex: removes the subinterpreter `interp` from the list if it
// may be destroyed now; the caller then tears it down outside the mutex.
absl::Status UnlistForDestructionLocked(Interpreter* interp) {
  if (!state.initialized) return absl::FailedPreconditionError("the runtime is not initialized");
  if (interp != nullptr && interp == state.main) {
    return absl::FailedPreconditionError(
        StrCat("the main interpreter (", interp->id(), ") is destroyed only by Runtime::Finalize"));
  }
  std::vector<Interpreter*>& subs = *state.subinterpreters;
  auto it = std::find(subs.begin(), subs.end(), interp);
  if (it == subs.end()) {
    return absl::NotFoundError("no such interpreter: it was already destroyed or never created");
  }
  if (Interpreter::Current() == interp) {
    return absl::FailedPreconditionError(
        StrCat("cannot destroy interpreter ", interp->id(),
               ": the calling thread is attached to it; detach first"));
  }
  if (int attached = interp->attached_threads(); attached > 0) {
    return absl::FailedPreconditionError(StrCat("cannot destroy interpreter ", interp->id(), ": ",
                                                attached, " thread(s) attached to it"));
  }
  subs.erase(it);
  return absl::OkStatus();
}

}  // namespace

absl::Status Runtime::DestroyInterpreter(Interpreter* interp) {
  {
    std::lock_guard<std::mutex> lock(state.mutex);
    if (absl::Status unlisted = UnlistForDestructionLocked(interp); !unlisted.ok()) {
      return unlisted;
    }
  }
  // Teardown outside the runtime lock: destructions proceed in parallel.
  Interpreter::Delete(interp);
  return absl::OkStatus();
}

absl::Status Runtime::DestroyInterpreterById(int64_t id) {
  Interpreter* interp = nullptr;
  {
    // Found and unlisted under one lock: no other thread can destroy it between
    // the two (a pointer found earlier could by then name a new interpreter
    // allocated at the same address).
    std::lock_guard<std::mutex> lock(state.mutex);
    if (!state.initialized) return absl::FailedPreconditionError("the runtime is not initialized");
    if (state.main->id() == id) interp = state.main;
    for (Interpreter* sub : *state.subinterpreters) {
      if (sub->id() == id) interp = sub;
    }
    if (interp == nullptr) return absl::NotFoundError(StrCat("no interpreter has id ", id));
    if (absl::Status unlisted = UnlistForDestructionLocked(interp); !unlisted.ok()) {
      return unlisted;
    }
  }
  Interpreter::Delete(interp);
  return absl::OkStatus();
}

std::vector<int64_t> Runtime::InterpreterIds() {
  std::lock_guard<std::mutex> lock(state.mutex);
  std::vector<int64_t> ids;
  if (!state.initialized) return ids;
  ids.reserve(state.subinterpreters->size() + 1);
  ids.push_back(state.main->id());
  for (const Interpreter* sub : *state.subinterpreters) ids.push_back(sub->id());
  return ids;
}

// A pin is counted in attached_threads_, which DestroyInterpreter and Finalize
// read under the state mutex: counting it under the same mutex, right after
// finding the interpreter in the list, leaves no moment at which a destroyer
// could see the interpreter listed and unpinned while a pin is being taken.
Interpreter* Runtime::PinById(int64_t id) {
  std::lock_guard<std::mutex> lock(state.mutex);
  if (!state.initialized) return nullptr;
  Interpreter* found = nullptr;
  if (state.main->id() == id) {
    found = state.main;
  } else {
    for (Interpreter* sub : *state.subinterpreters) {
      if (sub->id() == id) {
        found = sub;
        break;
      }
    }
  }
  if (found != nullptr) found->attached_threads_.fetch_add(1, std::memory_order_acq_rel);
  return found;
}

void Runtime::Pin(Interpreter& interp) {
  interp.attached_threads_.fetch_add(1, std::memory_order_acq_rel);
}

void Runtime::Unpin(Interpreter& interp) {
  interp.attached_threads_.fetch_sub(1, std::memory_order_acq_rel);
}

InterpreterPin InterpreterPin::ForId(int64_t id) { return InterpreterPin(Runtime::PinById(id)); }

InterpreterPin InterpreterPin::For(Interpreter& interp) {
  Runtime::Pin(interp);
  return InterpreterPin(&interp);
}

void InterpreterPin::Reset() {
  if (Interpreter* interp = std::exchange(interp_, nullptr)) Runtime::Unpin(*interp);
}

size_t Runtime::InterpreterCount() {
  std::lock_guard<std::mutex> lock(state.mutex);
  if (!state.initialized) return 0;
  return state.subinterpreters->size() + 1;
}

RuntimeHookRegistrar::RuntimeHookRegistrar(RuntimeHook& hook) {
  hook.next_registered = first_hook;
  first_hook = &hook;
}

}  // namespace islet
