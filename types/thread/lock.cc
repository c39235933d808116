// `threading.Lock` (CPython's _thread.lock): a lock any thread may release. A
// blocking acquire first tries without waiting, then waits with the
// interpreter's lock released (ReleaseLockGuard), so the thread holding the
// Lock can run to release it. The lock's state lives in a LockCore the waiter
// keeps alive while it waits.

#include <condition_variable>
#include <cstdio>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "interp/interpreter.h"
#include "objects/args.h"
#include "objects/deadline.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/well_known.h"
#include "runtime/static_type.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

// Innermost: its mutex is never held while taking an interpreter's lock.
struct LockCore {
  std::mutex mutex;
  std::condition_variable released;
  bool locked = false;  // guarded by mutex

  bool TryAcquire() {
    std::lock_guard<std::mutex> lock(mutex);
    if (locked) return false;
    locked = true;
    return true;
  }
  // Waits for the lock until `deadline` (nullopt: as long as it takes).
  bool Acquire(Deadline deadline) {
    std::unique_lock<std::mutex> lock(mutex);
    auto unlocked = [this] { return !locked; };
    if (deadline) {
      if (!released.wait_until(lock, *deadline, unlocked)) return false;
    } else {
      released.wait(lock, unlocked);
    }
    locked = true;
    return true;
  }
};

class LockObject : public Object {
 public:
  LockObject() : core(std::make_shared<LockCore>()) {}
  const std::shared_ptr<LockCore> core;
};

const std::shared_ptr<LockCore>& Core(Object* self) { return static_cast<LockObject*>(self)->core; }

Ref<Object> LockNew(TypeObject* type, const CallArgs& args) {
  if (!CheckNoArgs(args, "Lock")) return nullptr;
  return Interpreter::Current()->NewObject<LockObject>(type);
}

// Blocks (with the interpreter's lock released) until the lock is taken or the
// deadline passes.
bool AcquireWaiting(Object* self, Deadline deadline) {
  std::shared_ptr<LockCore> core = Core(self);  // kept by this wait
  if (core->TryAcquire()) return true;
  if (deadline && *deadline <= WaitClock::now()) return false;
  ReleaseLockGuard released;
  return core->Acquire(deadline);
}

// acquire(blocking=True, timeout=-1), with CPython's checks and messages.
Ref<Object> LockAcquire(Object* self, const CallArgs& args) {
  Object* bound[2];
  if (!BindArgs(args, {.function = "acquire", .names = {"blocking", "timeout"}}, bound)) {
    return nullptr;
  }
  int blocking = bound[0] != nullptr ? IsTrue(bound[0]) : 1;
  if (blocking < 0) return nullptr;
  double timeout = -1;
  if (bound[1] != nullptr) {
    std::optional<double> seconds = AsDouble(bound[1]);
    if (!seconds) return nullptr;
    timeout = *seconds;
  }
  if (!blocking && timeout != -1) {
    return Raise(WellKnown::kValueError, "can't specify a timeout for a non-blocking call");
  }
  if (timeout < 0 && timeout != -1) {
    return Raise(WellKnown::kValueError, "timeout value must be a non-negative number");
  }
  if (!blocking) return BoolRef(Core(self)->TryAcquire());
  if (timeout > 365.0 * 24 * 3600 * 100) {
    return Raise(WellKnown::kOverflowError, "timeout value is too large");
  }
  return BoolRef(
      AcquireWaiting(self, DeadlineAfter(timeout >= 0 ? std::optional(timeout) : std::nullopt)));
}

Ref<Object> LockEnter(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "Lock.__enter__")) return nullptr;
  return BoolRef(AcquireWaiting(self, std::nullopt));
}

bool Release(Object* self) {
  LockCore& core = *Core(self);
  {
    std::lock_guard<std::mutex> lock(core.mutex);
    if (!core.locked) {
      Raise(WellKnown::kRuntimeError, "release unlocked lock");
      return false;
    }
    core.locked = false;
  }
  core.released.notify_one();
  return true;
}

Ref<Object> LockRelease(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "Lock.release")) return nullptr;
  if (!Release(self)) return nullptr;
  return NoneRef();
}

// __exit__(*args): releases; never suppresses an exception.
Ref<Object> LockExit(Object* self, const CallArgs& args) {
  if (!CheckNoKeywords(args, "Lock.__exit__")) return nullptr;
  if (!Release(self)) return nullptr;
  return NoneRef();
}

Ref<Object> LockLocked(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "Lock.locked")) return nullptr;
  LockCore& core = *Core(self);
  std::lock_guard<std::mutex> lock(core.mutex);
  return BoolRef(core.locked);
}

// "<unlocked threading.Lock object at 0x...>", as CPython's lock_repr.
Ref<Object> LockRepr(Object* self) {
  bool locked;
  {
    LockCore& core = *Core(self);
    std::lock_guard<std::mutex> lock(core.mutex);
    locked = core.locked;
  }
  char address[32];
  std::snprintf(address, sizeof(address), "%p", static_cast<const void*>(self));
  return NewStr(StrCat("<", locked ? "locked" : "unlocked", " ", TypeDisplayName(self->type()),
                       " object at ", address, ">"));
}

constexpr TypeMember kLockMembers[] = {
    Method("acquire", &LockAcquire), Method("release", &LockRelease), Method("locked", &LockLocked),
    Method("__enter__", &LockEnter), Method("__exit__", &LockExit),
};

constexpr TypeSlots LockSlots() {
  TypeSlots slots = SlotsFor<LockObject>();  // holds no objects: nothing to clear
  slots.new_instance = &LockNew;
  slots.repr = &LockRepr;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kLockType, "threading.Lock", {.slots = LockSlots(), .members = kLockMembers});

}  // namespace islet
