// Native modules: modules written in C++ that a program imports by name
// (`import weakref`, `from concurrent import interpreters`), and `builtins`.
//
// Each module is its own Bazel target under modules/ (alwayslink, like a type)
// and registers itself here at static initialization, which only links a
// constant-initialized node into a list:
//
//   bool FillWeakref(Object* module) { ... SetModuleAttr(module, "ref", ...) ... }
//   ISLET_NATIVE_MODULE(kWeakrefModule, "weakref", &FillWeakref);
//
// Importing one (lang/import.h) makes a module object in the current
// interpreter, calls its fill function, and keeps it in that interpreter's
// module table, so each interpreter has its own copy of every module it
// imported and nothing of a module is shared.

#ifndef ISLET_MODULES_NATIVE_MODULE_H_
#define ISLET_MODULES_NATIVE_MODULE_H_

#include <string_view>

#include "runtime/object.h"

namespace islet {

// Fills a fresh module object with the module's attributes. Returns false with
// an exception pending on failure.
using NativeModuleFill = bool (*)(Object* module);

class NativeModule {
 public:
  constexpr NativeModule(std::string_view name, NativeModuleFill fill) : name_(name), fill_(fill) {}
  NativeModule(const NativeModule&) = delete;
  NativeModule& operator=(const NativeModule&) = delete;

  std::string_view name() const { return name_; }
  NativeModuleFill fill() const { return fill_; }

  // The registered module named `name` (dotted: "concurrent.interpreters"), or
  // nullptr. Registration happens at static initialization, so lookups need no lock.
  static const NativeModule* Find(std::string_view name);

 private:
  friend struct NativeModuleRegistrar;
  std::string_view name_;
  NativeModuleFill fill_;
  NativeModule* next_ = nullptr;
};

// Links a module into the list; a duplicate name aborts with both names shown.
struct NativeModuleRegistrar {
  explicit NativeModuleRegistrar(NativeModule& module);
};

#define ISLET_NATIVE_MODULE(var, name, fill)       \
  constinit ::islet::NativeModule var(name, fill); \
  static const ::islet::NativeModuleRegistrar var##_registrar_(var)

}  // namespace islet

#endif  // ISLET_MODULES_NATIVE_MODULE_H_
