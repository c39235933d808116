#include "interp/weakref.h"

#include <atomic>
#include <vector>

namespace islet {
namespace {

constinit std::atomic<WeakRefCallbackRunner> callback_runner{nullptr};

}  // namespace

void SetWeakRefCallbackRunner(WeakRefCallbackRunner runner) {
  callback_runner.store(runner, std::memory_order_release);
}

WeakRefObject::~WeakRefObject() {
  if (list_ != nullptr) list_->Remove(this);
}

void WeakRefObject::Detach() {
  referent_ = nullptr;
  if (list_ != nullptr) list_->Remove(this);
}

void RunWeakRefCallback(WeakRefObject* ref, Object* callback) {
  if (WeakRefCallbackRunner runner = callback_runner.load(std::memory_order_acquire)) {
    runner(ref, callback);
  }
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
  while (head_ != nullptr) head_->Detach();
}

void WeakRefList::ClearAndCallCallbacks() {
  if (head_ == nullptr) return;
  // Every reference is dead before any callback runs, so no callback can reach
  // the dying referent; each reference is held while its callback runs (the
  // callback may drop the last other reference to it).
  std::vector<std::pair<Ref<WeakRefObject>, Ref<Object>>> pending;
  while (head_ != nullptr) {
    WeakRefObject* ref = head_;
    ref->Detach();
    if (ref->callback_) pending.emplace_back(Ref<WeakRefObject>::Borrow(ref), ref->TakeCallback());
  }
  for (auto& [ref, callback] : pending) RunWeakRefCallback(ref.get(), callback.get());
}

}  // namespace islet
