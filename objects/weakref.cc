#include "objects/weakref.h"

#include <cstdio>
#include <optional>
#include <string>

#include "interp/heap_type.h"
#include "interp/instance_extras.h"
#include "interp/interpreter.h"
#include "objects/errors.h"
#include "objects/exception.h"
#include "objects/protocol.h"
#include "objects/set.h"
#include "objects/singletons.h"
#include "objects/unraisable.h"
#include "objects/well_known.h"
#include "runtime/runtime_hook.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

// The WeakRefCallbackRunner: calls `callback(ref)`. A failed callback cannot
// raise to anyone: its exception is reported (objects/unraisable.h) and
// dropped. A referent can die while an exception propagates; that exception
// survives the callback.
void RunCallback(WeakRefObject* ref, Object* callback) {
  Ref<Object> propagating = TakeException();
  if (!Call(callback, {ref})) ReportUnraisable("while calling weakref callback", callback);
  if (propagating) RaiseObject(std::move(propagating));
}

absl::Status InstallCallbackRunner() {
  SetWeakRefCallbackRunner(&RunCallback);
  return absl::OkStatus();
}

void RemoveCallbackRunner() { SetWeakRefCallbackRunner(nullptr); }

}  // namespace

WeakRefList* WeakRefListOf(Object* object) {
  if (IsInstance(object, WellKnown::kType)) {
    TypeObject* type = static_cast<TypeObject*>(object);
    if (type->IsStaticBuiltin()) return &Interpreter::Current()->StateOf(*type).weakrefs();
    return &static_cast<HeapType*>(type)->weakrefs();
  }
  if (IsAnySet(object)) return &static_cast<SetObject*>(object)->weakrefs();
  if (InstanceExtras* extras = ExtrasOf(object)) return &extras->weakrefs;  // heap type instances
  return nullptr;
}

int64_t WeakRefCount(Object* object) {
  WeakRefList* list = WeakRefListOf(object);
  return list == nullptr ? 0 : static_cast<int64_t>(list->size());
}

Ref<Object> NewWeakRef(TypeObject* type, Object* referent, Object* callback) {
  WeakRefList* list = WeakRefListOf(referent);
  if (list == nullptr) {
    return Raise(WellKnown::kTypeError, StrCat("cannot create weak reference to '",
                                               TypeDisplayName(referent->type()), "' object"));
  }
  if (callback == None()) callback = nullptr;
  if (callback == nullptr && type == WellKnownType(WellKnown::kWeakRef)) {
    for (WeakRefObject* ref = list->first(); ref != nullptr; ref = ref->next_in_list()) {
      if (ref->callback() == nullptr && ref->type() == type) return Ref<Object>::Borrow(ref);
    }
  }
  Ref<WeakRefObject> ref = Interpreter::Current()->NewObject<WeakRefObject>(
      type, referent, Ref<Object>::Borrow(callback));
  list->Add(ref.get());
  return ref;
}

Object* WeakRefReferent(const Object* weakref) {
  return static_cast<const WeakRefObject*>(weakref)->referent();
}

WeakRefObject* AsWeakRef(Object* object) {
  return IsInstance(object, WellKnown::kWeakRef) ? static_cast<WeakRefObject*>(object) : nullptr;
}

ISLET_RUNTIME_HOOK(kWeakRefCallbacksHook, "objects.weakref", &InstallCallbackRunner,
                   &RemoveCallbackRunner);

}  // namespace islet
