// RuntimeHook: lets a library that builds on the runtime take part in its
// lifecycle without the runtime depending on it (the objects layer resolves its
// well-known types this way).
//
//   ISLET_RUNTIME_HOOK(kWellKnownHook, "objects.well_known", &Resolve, &Forget);
//
// Registration links a constant-initialized node, like ISLET_BUILTIN_TYPE. During
// Runtime::Initialize, after the static types are readied and before the main
// interpreter exists, every hook's `on_initialize` runs in name order; if one
// fails, Initialize fails with its status (naming the hook) and the hooks that ran
// are finalized. `on_finalize` runs in reverse order during Runtime::Finalize,
// after the last interpreter is gone and before the shared parts are cleared.

#ifndef ISLET_RUNTIME_RUNTIME_HOOK_H_
#define ISLET_RUNTIME_RUNTIME_HOOK_H_

#include "absl/status/status.h"

namespace islet {

struct RuntimeHook {
  const char* name;
  absl::Status (*on_initialize)();
  void (*on_finalize)();
  RuntimeHook* next_registered = nullptr;
};

class RuntimeHookRegistrar {
 public:
  explicit RuntimeHookRegistrar(RuntimeHook& hook);
};

#define ISLET_RUNTIME_HOOK(var, name, on_initialize, on_finalize)       \
  constinit ::islet::RuntimeHook var{name, on_initialize, on_finalize}; \
  static const ::islet::RuntimeHookRegistrar var##_registrar_(var)

}  // namespace islet

#endif  // ISLET_RUNTIME_RUNTIME_HOOK_H_
