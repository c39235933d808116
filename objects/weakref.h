// Weak references, the objects layer's side: which objects can be weakly
// referenced and where their references are listed (a static type's in the
// current interpreter's state for it, never in the shared type), creating them
// (weakref.ref), counting them, and running callbacks when a referent dies.
//
//   Ref<Object> ref = NewWeakRef(WellKnownType(WellKnown::kWeakRef), type, None());
//   Object* alive = WeakRefReferent(ref.get());   // nullptr once it is gone
//
// The callback runner (interp/weakref.h) is installed at Runtime::Initialize.

#ifndef ISLET_OBJECTS_WEAKREF_H_
#define ISLET_OBJECTS_WEAKREF_H_

#include <cstdint>

#include "interp/weakref.h"
#include "runtime/object.h"
#include "runtime/type_object.h"

namespace islet {

// The list of weak references to `object` made in the current interpreter, or
// nullptr if `object` cannot be weakly referenced. Types (static and heap), sets
// and frozensets can.
WeakRefList* WeakRefListOf(Object* object);

// weakref.getweakrefcount(object): the weak references to `object` in the
// current interpreter; 0 if it cannot be weakly referenced.
int64_t WeakRefCount(Object* object);

// weakref.ref(referent, callback) for `type` (weakref.ReferenceType or a
// subclass); `callback` may be null or None for none. As in CPython, an existing
// callback-less weakref.ReferenceType reference is returned again instead of a
// new one. Raises TypeError "cannot create weak reference to 'int' object".
Ref<Object> NewWeakRef(TypeObject* type, Object* referent, Object* callback);

// The referent of a weak reference, or nullptr once it is gone.
Object* WeakRefReferent(const Object* weakref);

// `object` as a weak reference (an instance of weakref.ReferenceType or a
// subclass), or nullptr.
WeakRefObject* AsWeakRef(Object* object);

}  // namespace islet

#endif  // ISLET_OBJECTS_WEAKREF_H_
