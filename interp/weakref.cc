#include "interp/weakref.h"

namespace islet {

WeakRefObject::~WeakRefObject() {
  if (list_ != nullptr) list_->Remove(this);
}

void WeakRefObject::Clear(Object* object) {
  static_cast<WeakRefObject*>(object)->callback_.reset();
}

void WeakRefList::Add(WeakRefObject* ref) {
  ref->list_ = this;
  ref->prev_ = nullptr;
  ref->next_ = head_;
  if (head_ != nullptr) head_->prev_ = ref;
  head_ = ref;
  ++size_;
}

void WeakRefList::Remove(WeakRefObject* ref) {
  if (ref->prev_ != nullptr) {
    ref->prev_->next_ = ref->next_;
  } else {
    head_ = ref->next_;
  }
  if (ref->next_ != nullptr) ref->next_->prev_ = ref->prev_;
  ref->list_ = nullptr;
  ref->prev_ = ref->next_ = nullptr;
  --size_;
}

void WeakRefList::ClearWithoutCallbacks() {
  while (head_ != nullptr) {
    WeakRefObject* ref = head_;
    ref->referent_ = nullptr;
    Remove(ref);
  }
}

}  // namespace islet
