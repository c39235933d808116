// Ownership checks: an object of one interpreter is never used in another.
//
// Every mortal object belongs to the interpreter that made it (Object::owner());
// immortal objects (static builtin types, None, True, the small ints, ...) have no
// owner and are shared. An object of interpreter A used while B is attached would
// be touched without A's lock (its refcount, its contents) and, stored in B,
// would outlive A. So the places that receive objects check them first and raise
// RuntimeError instead:
//
//   if (!CheckOwned(container) || !CheckOwned(key)) return nullptr;
//   // RuntimeError: object of type 'list' belongs to interpreter 2 and cannot be
//   //               used in interpreter 1
//
// Two levels:
//   - CheckOwned is always on. The embedding API calls it on every object it
//     receives: the entry points of objects/protocol.h (the object and the
//     arguments and values passed with it), Interpreter::SetTypeDictEntry and
//     HeapType::Create. In the common case it is one load and one compare.
//   - CheckOwnedIfChecked is for the runtime's own store points (container
//     stores, attribute stores, object construction). It compiles to nothing
//     unless the build is checked: `--config=checked` defines ISLET_CHECKED=1
//     for every target. Like a sanitizer, it is a whole-program setting.
//
// The RuntimeError is raised through ObjectsLayerHooks::raise_runtime_error;
// without the objects layer, failing a check is fatal.

#ifndef ISLET_INTERP_OWNERSHIP_H_
#define ISLET_INTERP_OWNERSHIP_H_

#include <span>
#include <string_view>

#include "interp/interpreter.h"
#include "runtime/object.h"
#include "runtime/type_object.h"

namespace islet {

#if defined(ISLET_CHECKED) && ISLET_CHECKED
inline constexpr bool kCheckedBuild = true;
#else
inline constexpr bool kCheckedBuild = false;
#endif

namespace ownership_internal {
// The slow path of CheckOwned: raises RuntimeError naming `object`'s type and
// both interpreters and returns false. With no interpreter attached there is
// nowhere to raise, so it is a fatal error.
[[gnu::cold]] bool RaiseNotOwned(const Object* object);
// Checked builds: using any object with no interpreter attached is fatal.
[[gnu::cold, noreturn]] void FatalNotAttached(const Object* object);
}  // namespace ownership_internal

// CheckOwned: true if `object` is immortal or belongs to the current interpreter;
// otherwise raises RuntimeError and returns false.
//
//   if (!CheckOwned(object)) return nullptr;
inline bool CheckOwned(const Object* object) {
  const Interpreter* owner = object->owner();
  if constexpr (kCheckedBuild) {
    if (Interpreter::Current() == nullptr) ownership_internal::FatalNotAttached(object);
  }
  if (owner == Interpreter::Current() || owner == nullptr) [[likely]] {
    return true;
  }
  return ownership_internal::RaiseNotOwned(object);
}

// CheckOwned over a call's arguments (or any span of objects): the first one
// that does not belong here raises.
inline bool CheckOwned(std::span<Object* const> objects) {
  for (const Object* object : objects) {
    if (!CheckOwned(object)) [[unlikely]] {
      return false;
    }
  }
  return true;
}
inline bool CheckOwned(const CallArgs& args) { return CheckOwned(args.args); }

// CheckOwnedIfChecked: CheckOwned in a checked build, true (and no code) in others.
//
//   if (!CheckOwnedIfChecked(value)) return false;   // before storing `value`
inline bool CheckOwnedIfChecked(const Object* object) {
  if constexpr (kCheckedBuild) return CheckOwned(object);
  return true;
}
inline bool CheckOwnedIfChecked(std::span<Object* const> objects) {
  if constexpr (kCheckedBuild) return CheckOwned(objects);
  return true;
}
// Over owned references, as containers hold their items.
inline bool CheckOwnedIfChecked(std::span<const Ref<Object>> objects) {
  if constexpr (kCheckedBuild) {
    for (const Ref<Object>& object : objects) {
      if (!CheckOwned(object.get())) return false;
    }
  }
  return true;
}

}  // namespace islet

#endif  // ISLET_INTERP_OWNERSHIP_H_
