#include "modules/native_module.h"

#include <cstdio>
#include <cstdlib>
#include <string>

namespace islet {
namespace {
// Written only during static initialization (single-threaded), read afterwards.
constinit NativeModule* registered_modules = nullptr;
}  // namespace

NativeModuleRegistrar::NativeModuleRegistrar(NativeModule& module) {
  if (NativeModule::Find(module.name()) != nullptr) {
    std::fprintf(stderr, "islet: native module '%s' is registered twice\n",
                 std::string(module.name()).c_str());
    std::abort();
  }
  module.next_ = registered_modules;
  registered_modules = &module;
}

const NativeModule* NativeModule::Find(std::string_view name) {
  for (const NativeModule* module = registered_modules; module != nullptr; module = module->next_) {
    if (module->name() == name) return module;
  }
  return nullptr;
}

}  // namespace islet
