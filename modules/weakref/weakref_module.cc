// The `weakref` module, the part of CPython's that islet's objects support:
//
//   import weakref
//   r = weakref.ref(cls)            # weakref.ReferenceType, also weakref.ReferenceType
//   weakref.getweakrefcount(cls)    # 1
//   weakref.getweakrefs(cls)        # [r]
//
// The references and where they are listed are objects/weakref.h's.

#include <vector>

#include "interp/weakref.h"
#include "modules/native_module.h"
#include "objects/args.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/weakref.h"
#include "objects/well_known.h"

namespace islet {
namespace {

// getweakrefcount(object, /): the weak references to `object` made in this
// interpreter; 0 for an object that cannot be weakly referenced.
Ref<Object> GetWeakRefCount(Object*, const CallArgs& args) {
  if (!CheckOneArg(args, "getweakrefcount")) return nullptr;
  return NewInt(WeakRefCount(args.args[0]));
}

// getweakrefs(object, /): a list of those references, in the order the
// referent's list keeps them.
Ref<Object> GetWeakRefs(Object*, const CallArgs& args) {
  if (!CheckOneArg(args, "getweakrefs")) return nullptr;
  std::vector<Ref<Object>> refs;
  if (WeakRefList* list = WeakRefListOf(args.args[0])) {
    for (WeakRefObject* ref = list->first(); ref != nullptr; ref = ref->next_in_list()) {
      refs.push_back(Ref<Object>::Borrow(ref));
    }
  }
  return NewList(std::move(refs));
}

constexpr TypeMember kFunctions[] = {
    StaticMethod("getweakrefcount", &GetWeakRefCount),
    StaticMethod("getweakrefs", &GetWeakRefs),
};

bool FillWeakref(Object* module) {
  Ref<Object> ref_type = Ref<Object>::Borrow(WellKnownType(WellKnown::kWeakRef));
  if (!SetModuleAttr(module, "ref", ref_type)) return false;
  if (!SetModuleAttr(module, "ReferenceType", ref_type)) return false;
  return AddModuleFunctions(module, kFunctions);
}

}  // namespace

ISLET_NATIVE_MODULE(kWeakrefModule, "weakref", &FillWeakref);

}  // namespace islet
