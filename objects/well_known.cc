#include "objects/well_known.h"

#include "interp/interpreter.h"
#include "objects/descriptors.h"
#include "objects/errors.h"
#include "objects/heap_slots.h"
#include "objects/immortals.h"
#include "objects/weakref.h"
#include "runtime/runtime.h"
#include "runtime/runtime_hook.h"

namespace islet {
namespace well_known_internal {
constinit StaticType* types[static_cast<size_t>(WellKnown::kCount)] = {};
}  // namespace well_known_internal

namespace {

constexpr std::string_view kNames[] = {
#define ISLET_WELL_KNOWN_NAME(enumerator, name) name,
    ISLET_WELL_KNOWN_TYPES(ISLET_WELL_KNOWN_NAME)
#undef ISLET_WELL_KNOWN_NAME
};

void RaiseRuntimeError(std::string_view message) { Raise(WellKnown::kRuntimeError, message); }

// Filled by Resolve before any interpreter exists.
constinit ObjectsLayerHooks hooks;

void Forget() {
  SetObjectsLayerHooks(nullptr);
  hooks = {};
  for (StaticType*& type : well_known_internal::types) type = nullptr;
}

// Runs before any interpreter exists: resolves the table, readies the immortal
// objects this layer defines, and installs its hooks into interpreters. Never fails:
// a runtime may link only some types (see well_known.h).
absl::Status Resolve() {
  for (size_t i = 0; i < static_cast<size_t>(WellKnown::kCount); ++i) {
    well_known_internal::types[i] = Runtime::FindStaticType(kNames[i]);
  }
  ReadyImmortals();
  hooks.raise_runtime_error = &RaiseRuntimeError;
  if (WellKnownType(WellKnown::kMethodDescriptor) &&
      WellKnownType(WellKnown::kClassMethodDescriptor) &&
      WellKnownType(WellKnown::kGetSetDescriptor) && WellKnownType(WellKnown::kBuiltinFunction) &&
      WellKnownType(WellKnown::kWrapperDescriptor)) {
    hooks.materialize_static_dict = &MaterializeStaticDict;
  }
  if (WellKnownType(WellKnown::kStr)) hooks.update_heap_slots = &UpdateHeapSlots;
  if (WellKnownType(WellKnown::kWeakRef) && WellKnownType(WellKnown::kSet) &&
      WellKnownType(WellKnown::kFrozenSet)) {
    hooks.weakrefs_of = &WeakRefListOf;
    hooks.as_weakref = &AsWeakRef;
  }
  SetObjectsLayerHooks(&hooks);
  return absl::OkStatus();
}

}  // namespace

ISLET_RUNTIME_HOOK(kWellKnownTypesHook, "objects", &Resolve, &Forget);

}  // namespace islet
