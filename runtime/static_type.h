// StaticType and ISLET_BUILTIN_TYPE: how a builtin type module registers its
// immortal, process-wide type with the runtime (islet's InitBuiltin hook).
//
// A type module defines its type once, at namespace scope:
//
//   ISLET_BUILTIN_TYPE(kBoolType, "bool",
//                      {.base = "int", .deps = {"str"}, .slots = SlotsFor<BoolObject>()});
//
// This constant-initializes the StaticType and links it into the global registry's
// intrusive list before main(): no heap allocation, no dependence on static
// initialization order (the registry is ordered when it freezes, by name and
// dependencies, never by link order). The module's Bazel target must be alwayslink
// (the builtin_type() macro sets it) or the linker drops the registration.
//
// Phases, named the same everywhere:
//   register  static init: link the node (TypeRegistry::Register)
//   freeze    Runtime::Initialize: validate the graph, fix the order and indices
//   init      per interpreter, in dependency order: the spec's `init` hook
//   fini      per interpreter, in reverse dependency order: the spec's `fini` hook
// and, process-wide, the runtime readies the shared parts after freeze and clears
// them in its final fini.

#ifndef ISLET_RUNTIME_STATIC_TYPE_H_
#define ISLET_RUNTIME_STATIC_TYPE_H_

#include <array>
#include <cstddef>
#include <span>
#include <string_view>

#include "absl/status/status.h"
#include "runtime/type_member.h"
#include "runtime/type_object.h"

namespace islet {

class Interpreter;

// Most types a static type may depend on, besides its base.
inline constexpr size_t kMaxStaticTypeDeps = 8;

// StaticTypeSpec: what a type module declares about its type.
struct StaticTypeSpec {
  // Name of the base type; nullptr only for the root type `object`.
  const char* base = "object";
  // Names of other static types that must be initialized before this one (and
  // finalized after it). The base is always an implicit dependency.
  std::array<const char*, kMaxStaticTypeDeps> deps = {};
  // TypeFlag bits the module chooses (kTypeBaseType); the runtime adds the rest.
  uint32_t flags = 0;
  TypeSlots slots = {};
  // The type's dict entries (methods, getters), materialized per interpreter.
  std::span<const TypeMember> members = {};
  // Per-interpreter hooks: `init` runs when an interpreter is created, after the
  // init of every dependency; `fini` runs when it is destroyed, before the fini of
  // every dependency. Either may be nullptr.
  absl::Status (*init)(Interpreter& interp) = nullptr;
  void (*fini)(Interpreter& interp) = nullptr;
};

// StaticType is a static builtin type: a TypeObject plus its registration node.
class StaticType final : public TypeObject {
 public:
  constexpr StaticType(std::string_view name, const StaticTypeSpec& spec, const char* file,
                       int line)
      : TypeObject(ImmortalTag{}, name, spec.flags, spec.slots),
        spec_(spec),
        file_(file),
        line_(line) {}

  const StaticTypeSpec& spec() const { return spec_; }
  // Where ISLET_BUILTIN_TYPE defined it, for error messages ("bool.cc:12").
  const char* file() const { return file_; }
  int line() const { return line_; }

 private:
  friend class TypeRegistry;
  friend class StaticTypeReadier;

  StaticTypeSpec spec_;
  const char* file_;
  int line_;
  // Intrusive link in the registry's list of registered types.
  StaticType* next_registered_ = nullptr;
  bool registered_ = false;
};

// Registers a StaticType with the global registry during static initialization.
// A registration the registry refuses (it is frozen) is reported on stderr: there
// is no caller to return a status to.
class StaticTypeRegistrar {
 public:
  explicit StaticTypeRegistrar(StaticType& type);
};

// Defines the immortal static type `var` named `name` with the StaticTypeSpec
// given in braces, and registers it. Use at namespace scope in the type's .cc.
#define ISLET_BUILTIN_TYPE(var, name, ...)                                               \
  constinit ::islet::StaticType var(name, ::islet::StaticTypeSpec __VA_ARGS__, __FILE__, \
                                    __LINE__);                                           \
  static const ::islet::StaticTypeRegistrar var##_registrar_(var)

}  // namespace islet

#endif  // ISLET_RUNTIME_STATIC_TYPE_H_
