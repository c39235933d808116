// Importing: finding a module by name in the current interpreter's module table
// (`sys.modules`), or making it from its native definition (modules/native_module.h)
// the first time. Each interpreter has its own module objects.
//
//   Ref<Object> weakref = ImportModule("weakref");   // ModuleNotFoundError if unknown

#ifndef ISLET_LANG_IMPORT_H_
#define ISLET_LANG_IMPORT_H_

#include <string_view>

#include "runtime/object.h"

namespace islet::lang {

// The module named `name` (dotted: its parents are imported first, and it
// becomes an attribute of its parent). Null with ModuleNotFoundError (or the
// module's own error) pending.
Ref<Object> ImportModule(std::string_view name);

// `from module import name`: the attribute, else the submodule `module.name`,
// else ImportError "cannot import name 'x' from 'm' (unknown location)".
Ref<Object> ImportFromModule(Object* module, std::string_view module_name, std::string_view name);

}  // namespace islet::lang

#endif  // ISLET_LANG_IMPORT_H_
