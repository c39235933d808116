// ModuleObject: a module (`weakref`, `__main__`): a name and a namespace dict.
// Attribute access on a module reads and writes that dict.
//
//   Ref<Object> module = NewModule("weakref");
//   if (!SetModuleAttr(module.get(), "ref", std::move(ref_type))) return false;
//   DictGet(ModuleDict(module.get()), key, &value);

#ifndef ISLET_OBJECTS_MODULE_H_
#define ISLET_OBJECTS_MODULE_H_

#include <span>
#include <string_view>

#include "runtime/object.h"
#include "runtime/type_member.h"
#include "runtime/type_object.h"

namespace islet {

class ModuleObject : public Object {
 public:
  explicit ModuleObject(Ref<Object> dict) : dict(std::move(dict)) {}
  Ref<Object> dict;  // the namespace; holds __name__

  static void Clear(Object* self) { static_cast<ModuleObject*>(self)->dict.reset(); }
  static void Traverse(Object* self, const Visitor& visit) {
    visit(static_cast<ModuleObject*>(self)->dict);
  }
};

// A new module named `name` in the current interpreter, its dict holding
// `__name__`; null with an exception pending on failure.
Ref<Object> NewModule(std::string_view name);
// The namespace dict of a module.
Object* ModuleDict(Object* module);
// module.name = value; false with an exception pending on failure.
bool SetModuleAttr(Object* module, std::string_view name, Ref<Object> value);
// A builtin function for each of `functions` (StaticMethod entries of a native
// module's table), set as the module's attribute of that name.
bool AddModuleFunctions(Object* module, std::span<const TypeMember> functions);

}  // namespace islet

#endif  // ISLET_OBJECTS_MODULE_H_
