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
// interpreters is safe from any thread, concurrently.
//
//   if (absl::Status s = Runtime::Initialize(); !s.ok()) return s;
//   absl::StatusOr<Interpreter*> sub = Runtime::CreateInterpreter();
//   ...
//   Runtime::Finalize().IgnoreError();

#ifndef ISLET_RUNTIME_RUNTIME_H_
#define ISLET_RUNTIME_RUNTIME_H_

#include <cstddef>
#include <string_view>

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
  // Live interpreters, the main one included.
  static size_t InterpreterCount();

  // The frozen registry of static builtin types (valid while initialized).
  static const TypeRegistry& registry() { return TypeRegistry::Global(); }
  // The static builtin type named `name`, or nullptr.
  static StaticType* FindStaticType(std::string_view name) { return registry().Find(name); }
};

}  // namespace islet

#endif  // ISLET_RUNTIME_RUNTIME_H_
