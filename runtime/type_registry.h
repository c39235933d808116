// TypeRegistry: the set of static builtin types, and the one place their order is
// decided.
//
// Register links a StaticType into an intrusive list (constant-initialized, no
// allocation). Freeze validates the whole graph and fixes the order; until Unfreeze
// the order, the indices and Find() are read-only and need no lock.
//
// Ordering invariants (everything else relies on these):
//   - init order is a topological order of "X depends on Y" (its base and its deps):
//     every type comes after all of its dependencies;
//   - ties are broken by name, so the order never depends on link order;
//   - a type's static index is its position in init order (dense, 0..N-1);
//   - fini order is the exact reverse of init order.

#ifndef ISLET_RUNTIME_TYPE_REGISTRY_H_
#define ISLET_RUNTIME_TYPE_REGISTRY_H_

#include <cstddef>
#include <memory>
#include <mutex>
#include <span>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "runtime/static_type.h"

namespace islet {

// The most static builtin types a registry accepts by default. Static version tags
// are 1..capacity; heap types' per-interpreter tags start above it.
inline constexpr size_t kStaticTypeCapacity = 200;

class TypeRegistry {
 public:
  constexpr explicit TypeRegistry(size_t capacity = kStaticTypeCapacity) : capacity_(capacity) {}
  TypeRegistry(const TypeRegistry&) = delete;
  TypeRegistry& operator=(const TypeRegistry&) = delete;
  // Trivial, so the global registry is never torn down at exit while a thread may
  // still read it. A frozen registry must be Unfreeze()d before it goes away.
  ~TypeRegistry() = default;

  // The registry ISLET_BUILTIN_TYPE registers into, and Runtime freezes.
  static TypeRegistry& Global();

  // Adds `type`. Fails if the registry is frozen or `type` is already registered.
  absl::Status Register(StaticType& type);

  // Validates the registered types and fixes their order. Fails, naming the types
  // involved, on: more types than the capacity; two types with one name; a base or
  // dependency that is not registered; a dependency cycle (with its path). On
  // failure the registry stays unfrozen and unchanged.
  absl::Status Freeze();
  // Forgets the order (Runtime::Finalize); registering is allowed again.
  void Unfreeze();

  bool frozen() const { return frozen_ != nullptr; }
  size_t capacity() const { return capacity_; }

  // Frozen only: types in init order; a type's position is its static index.
  std::span<StaticType* const> init_order() const;
  // Frozen only: the types whose spec has an `init` or `fini` hook, in init
  // order. Creating an interpreter visits only these (all other types need no
  // per-interpreter work), so its cost does not grow with the number of types.
  std::span<StaticType* const> types_with_hooks() const;
  // Frozen only: the type named `name`, or nullptr.
  StaticType* Find(std::string_view name) const;

 private:
  struct Frozen {
    std::vector<StaticType*> init_order;
    std::vector<StaticType*> with_hooks;  // in init order
    std::vector<StaticType*> by_name;     // sorted by name, for Find
  };

  const size_t capacity_;
  std::mutex mutex_;  // serializes Register, Freeze and Unfreeze
  StaticType* first_registered_ = nullptr;
  Frozen* frozen_ = nullptr;
};

}  // namespace islet

#endif  // ISLET_RUNTIME_TYPE_REGISTRY_H_
