// Runtime: the process-wide lifecycle of islet.
//
//   Initialize  freeze the type registry; ready each static type's shared parts
//               once (metatype, base, bases, MRO, index, version tag, flags);
//               intern the names builtin types use; create the main interpreter.
//   Finalize    destroy every remaining subinterpreter, then the main interpreter,
//               then clear the shared parts and unfreeze the registry, so a later
//               Initialize starts clean.
//
// Initialize and Finalize are serialized with each other, but must not overlap
// with creating or destroying interpreters; between them, creating and destroying
// interpreters is safe from any thread, concurrently. Code that reaches an
// interpreter by id (concurrent.interpreters) pins it (InterpreterPin, below)
// so that it cannot be destroyed under it.
//
//   if (absl::Status s = Runtime::Initialize(); !s.ok()) return s;
//   absl::StatusOr<Interpreter*> sub = Runtime::CreateInterpreter();
//   ...
//   Runtime::Finalize().IgnoreError();

#ifndef ISLET_RUNTIME_RUNTIME_H_
#define ISLET_RUNTIME_RUNTIME_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "interp/interpreter.h"
#include "runtime/static_type.h"
#include "runtime/type_registry.h"

namespace islet {

class Runtime {
 public:
  // Fails, leaving the runtime uninitialized and the registry unfrozen, if it is
  // already initialized, the registry is invalid (see TypeRegistry::Freeze), the
  // root types `object` and `type` are not linked, or the main interpreter cannot
  // be created.
  static absl::Status Initialize();
  // Fails, changing nothing, if the runtime is not initialized, the calling thread
  // is attached to an interpreter, or any thread is attached to one.
  static absl::Status Finalize();
  static bool IsInitialized();

  static Interpreter* MainInterpreter();
  // Creates a subinterpreter. Thread-safe.
  static absl::StatusOr<Interpreter*> CreateInterpreter();
  // Destroys a subinterpreter. Thread-safe. Refused for the main interpreter, for
  // an interpreter this runtime does not know (already destroyed), and while any
  // thread, the calling one included, is attached to it.
  static absl::Status DestroyInterpreter(Interpreter* interp);
  // Destroys the live subinterpreter `id`, as DestroyInterpreter does; finding
  // it by id (under the runtime's state mutex) makes this safe when the caller
  // may not know whether another thread destroyed it already (NotFound then).
  static absl::Status DestroyInterpreterById(int64_t id);
  // Live interpreters, the main one included.
  static size_t InterpreterCount();
  // The ids of the live interpreters: the main one first, then the
  // subinterpreters in creation order. Empty when not initialized.
  static std::vector<int64_t> InterpreterIds();

  // The frozen registry of static builtin types (valid while initialized).
  static const TypeRegistry& registry() { return TypeRegistry::Global(); }
  // The static builtin type named `name`, or nullptr.
  static StaticType* FindStaticType(std::string_view name) { return registry().Find(name); }

 private:
  friend class InterpreterPin;
  // Under the state mutex: the live interpreter `id`, counted as attached; or
  // nullptr.
  static Interpreter* PinById(int64_t id);
  static void Pin(Interpreter& interp);
  static void Unpin(Interpreter& interp);
};

// InterpreterPin keeps a live interpreter from being destroyed while the pin
// exists, without holding its lock: a pin counts as a thread attached to it
// (Interpreter::attached_threads), so Runtime::DestroyInterpreter and
// Runtime::Finalize refuse meanwhile. ForId finds the interpreter and counts
// the pin together, under the runtime's state mutex, so it never interleaves
// with the interpreter's destruction: either the interpreter is found and
// pinned, or it is already gone (or being torn down) and the pin is empty.
//
//   InterpreterPin pin = InterpreterPin::ForId(id);
//   if (!pin) return Raise(..., "unrecognized interpreter ID 3");
//   AttachGuard attached(*pin);  // the interpreter cannot go away meanwhile
//
// A pin can be moved, to another thread too (threading.Thread.start pins the
// interpreter for the OS thread it starts, so it is counted before start()
// returns). Releasing it is the last touch of the interpreter. A pin is not a
// waiter: YieldToWaitingThreads never hands the lock to it.
class InterpreterPin {
 public:
  InterpreterPin() = default;
  // Pins the live interpreter `id`; an empty pin if there is none.
  static InterpreterPin ForId(int64_t id);
  // Pins `interp`, which the caller keeps alive meanwhile (it is attached to it,
  // or holds another pin).
  static InterpreterPin For(Interpreter& interp);

  InterpreterPin(InterpreterPin&& other) noexcept
      : interp_(std::exchange(other.interp_, nullptr)) {}
  InterpreterPin& operator=(InterpreterPin&& other) noexcept {
    if (this != &other) {
      Reset();
      interp_ = std::exchange(other.interp_, nullptr);
    }
    return *this;
  }
  InterpreterPin(const InterpreterPin&) = delete;
  InterpreterPin& operator=(const InterpreterPin&) = delete;
  ~InterpreterPin() { Reset(); }

  explicit operator bool() const { return interp_ != nullptr; }
  Interpreter* get() const { return interp_; }
  Interpreter& operator*() const { return *interp_; }
  Interpreter* operator->() const { return interp_; }
  // Unpins now (the pin becomes empty).
  void Reset();

 private:
  explicit InterpreterPin(Interpreter* interp) : interp_(interp) {}
  Interpreter* interp_ = nullptr;
};

}  // namespace islet

#endif  // ISLET_RUNTIME_RUNTIME_H_
