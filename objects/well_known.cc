#include "objects/well_known.h"

#include "interp/interpreter.h"
#include "interp/ownership.h"
#include "objects/descriptors.h"
#include "objects/errors.h"
#include "objects/immortals.h"
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

void Forget() {
  SetRuntimeErrorRaiser(nullptr);
  SetMemberMaterializer(nullptr);
  for (StaticType*& type : well_known_internal::types) type = nullptr;
}

// Runs before any interpreter exists: resolves the table, readies the immortal
// objects this layer defines, and installs the interp layer's hooks (how it
// raises RuntimeError, how it materializes members). Never fails:
// a runtime may link only some types (see well_known.h).
absl::Status Resolve() {
  for (size_t i = 0; i < static_cast<size_t>(WellKnown::kCount); ++i) {
    well_known_internal::types[i] = Runtime::FindStaticType(kNames[i]);
  }
  ReadyImmortals();
  SetRuntimeErrorRaiser(&RaiseRuntimeError);
  if (WellKnownType(WellKnown::kMethodDescriptor) &&
      WellKnownType(WellKnown::kClassMethodDescriptor) &&
      WellKnownType(WellKnown::kGetSetDescriptor) && WellKnownType(WellKnown::kBuiltinFunction)) {
    SetMemberMaterializer(&MaterializeMember);
  }
  return absl::OkStatus();
}

}  // namespace

ISLET_RUNTIME_HOOK(kWellKnownTypesHook, "objects", &Resolve, &Forget);

}  // namespace islet
