// ObjectList: an intrusive, circular, doubly linked list of one interpreter's
// objects, through the links in every object's header (runtime/object.h). Every
// mortal object is in exactly one list of its owner: the untracked objects
// (instances of types without a traverse slot, which no cycle can run through),
// or a generation of the cycle collector (interp/collector.h). Teardown walks
// them all; nothing else is allocated per object.
//
//   ObjectList list;
//   list.Append(object);
//   for (Object* o = list.first(); o != list.end(); o = ObjectList::Next(o)) ...
//
// The low three bits of an object's previous-link are flags, as in CPython's
// _gc_prev (objects and list heads are 8-byte aligned): kFinalized lasts for
// the object's life; the collector's two flags are set only while a collection
// runs, which also keeps the object's gc_refs in place of the address meanwhile
// (the list it examines is singly linked then; see collector.cc). Every list
// operation keeps an object's flags. Only the owning interpreter's thread (under
// its lock) touches the links.

#ifndef ISLET_INTERP_OBJECT_LIST_H_
#define ISLET_INTERP_OBJECT_LIST_H_

#include <cstddef>
#include <cstdint>

#include "runtime/object.h"

namespace islet {

class ObjectList {
 public:
  // The object's finalizer (__del__) ran: it never runs again (PEP 442).
  static constexpr uintptr_t kFinalized = 1;
  // The collector is examining the object (it is in the set being collected).
  static constexpr uintptr_t kCollecting = 2;
  // The collector put the object in its tentatively unreachable list.
  static constexpr uintptr_t kUnreachable = 4;
  static constexpr uintptr_t kFlags = kFinalized | kCollecting | kUnreachable;

  ObjectList() {
    head_.prev_ = reinterpret_cast<uintptr_t>(&head_);
    head_.next_ = &head_;
  }
  ObjectList(const ObjectList&) = delete;
  ObjectList& operator=(const ObjectList&) = delete;

  bool empty() const { return head_.next_ == &head_; }
  // The first object, or end() when empty.
  Object* first() const { return head_.next_; }
  const Object* end() const { return &head_; }
  static Object* Next(const Object* object) { return object->next_; }
  // Walks the list: O(n).
  size_t Count() const;

  // Appends `object`, which is in no list.
  void Append(Object* object) {
    Object* last = Prev(&head_);
    SetPrev(object, last);
    object->next_ = &head_;
    last->next_ = object;
    SetPrev(&head_, object);
  }
  // Unlinks `object` from the list it is in.
  static void Remove(Object* object) {
    Object* prev = Prev(object);
    Object* next = object->next_;
    prev->next_ = next;
    SetPrev(next, prev);
    object->prev_ &= kFlags;
    object->next_ = nullptr;
  }
  // Moves `object` from the list it is in to the end of this one.
  void MoveIn(Object* object) {
    Remove(object);
    Append(object);
  }
  // Moves every object of `from` to the end of this list, in order.
  void Splice(ObjectList& from);

  static bool IsFinalized(const Object* object) { return (object->prev_ & kFinalized) != 0; }
  static void SetFinalized(Object* object) { object->prev_ |= kFinalized; }

  // The previous object (or list head) of `object`, and setting it; both keep
  // `object`'s flags.
  static Object* Prev(const Object* object) {
    return reinterpret_cast<Object*>(object->prev_ & ~kFlags);
  }
  static void SetPrev(Object* object, Object* prev) {
    object->prev_ = (object->prev_ & kFlags) | reinterpret_cast<uintptr_t>(prev);
  }

  // The head: an object header that is no object, never handed out.
  Object* head() { return &head_; }

 private:
  Object head_;
};

}  // namespace islet

#endif  // ISLET_INTERP_OBJECT_LIST_H_
