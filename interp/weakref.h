// Weak references: WeakRefObject (the object a weak reference is) and WeakRefList
// (the referent's list of them).
//
// The list of weak references to a static builtin type lives in the interpreter's
// StaticTypeState, never in the shared type, so interpreter B's weak references
// are invisible to A and are cleared when B is destroyed (without callbacks, as
// CPython does at interpreter teardown). A mortal referent (a heap type, a set)
// holds its own list and, when it dies, clears it and calls the callbacks.

#ifndef ISLET_INTERP_WEAKREF_H_
#define ISLET_INTERP_WEAKREF_H_

#include <cstddef>
#include <cstdint>
#include <utility>

#include "runtime/object.h"
#include "runtime/type_object.h"

namespace islet {

class WeakRefList;

// WeakRefObject does not keep its referent alive; referent() is nullptr once the
// referent is gone or the reference was cleared.
class WeakRefObject : public Object {
 public:
  WeakRefObject(Object* referent, Ref<Object> callback)
      : referent_(referent), callback_(std::move(callback)) {}
  ~WeakRefObject();

  Object* referent() const { return referent_; }
  Object* callback() const { return callback_.get(); }
  // The next reference in the referent's list (nullptr at the end).
  WeakRefObject* next_in_list() const { return next_; }
  // Kills the reference without calling its callback: referent() becomes
  // nullptr and it leaves the referent's list (the collector does this for
  // referents that are garbage).
  void Detach();
  // Takes the callback out, so it is called at most once.
  Ref<Object> TakeCallback() { return std::move(callback_); }

  // The referent's hash, once computed (it must survive the referent, as in
  // CPython); -1 until then.
  int64_t cached_hash = -1;

  // TypeSlots::clear for weakref types: drops the callback.
  static void Clear(Object* object);
  // TypeSlots::traverse for weakref types: the callback (the referent is not
  // a reference).
  static void Traverse(Object* object, const Visitor& visit) {
    visit(static_cast<WeakRefObject*>(object)->callback_);
  }

 private:
  friend class WeakRefList;
  Object* referent_;
  Ref<Object> callback_;
  WeakRefList* list_ = nullptr;
  WeakRefObject* prev_ = nullptr;
  WeakRefObject* next_ = nullptr;
};

// WeakRefList: the weak references to one referent, intrusive and unowned,
// newest first.
class WeakRefList {
 public:
  WeakRefList() = default;
  WeakRefList(const WeakRefList&) = delete;
  WeakRefList& operator=(const WeakRefList&) = delete;

  void Add(WeakRefObject* ref);
  void Remove(WeakRefObject* ref);
  size_t size() const { return size_; }
  WeakRefObject* first() const { return head_; }
  // Detaches every reference from the referent without calling callbacks.
  void ClearWithoutCallbacks();
  // For a referent that is dying: detaches every reference, then calls each
  // callback with its (now dead) reference, newest first, through the installed
  // WeakRefCallbackRunner. A callback is called once: it is taken from its
  // reference first.
  void ClearAndCallCallbacks();

 private:
  WeakRefObject* head_ = nullptr;
  size_t size_ = 0;
};

// Calls `callback` with `ref` and handles its failure. The objects layer installs
// one at Runtime::Initialize (it knows how to call objects and report errors);
// without one, callbacks are dropped uncalled.
using WeakRefCallbackRunner = void (*)(WeakRefObject* ref, Object* callback);
void SetWeakRefCallbackRunner(WeakRefCallbackRunner runner);
// Calls `callback` with `ref` through the installed runner (nothing without one).
void RunWeakRefCallback(WeakRefObject* ref, Object* callback);

}  // namespace islet

#endif  // ISLET_INTERP_WEAKREF_H_
