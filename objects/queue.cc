#include "objects/queue.h"

#include <cmath>
#include <unordered_map>
#include <utility>
#include <vector>

#include "interp/interpreter.h"
#include "interp/ownership.h"
#include "objects/errors.h"
#include "objects/well_known.h"
#include "runtime/runtime_hook.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

// ---------------------------------------------------------------------------
// The registry: id -> queue, for interpreters.Queue(id).
//
// Lock order: an interpreter's lock, then the registry's mutex, then a queue's
// mutex. The registry's mutex is held only to read or change the map: never
// while a handle could drop to zero (the deleter takes it) or a queue's
// mutex is taken.
// ---------------------------------------------------------------------------

struct QueueRegistry {
  std::mutex mutex;
  int64_t next_id = 1;
  // Weak: the map never keeps a queue alive; the last handle's deleter erases it.
  std::unordered_map<int64_t, std::weak_ptr<SharedQueue>> queues;
};

QueueRegistry& Registry() {
  static auto* registry = new QueueRegistry();  // leaky: used until exit
  return *registry;
}

void DeleteQueue(SharedQueue* queue) {
  {
    QueueRegistry& registry = Registry();
    std::lock_guard<std::mutex> lock(registry.mutex);
    registry.queues.erase(queue->id());  // ids are never reused: the entry is this queue's
  }
  delete queue;  // its items may hold the last handles of other queues
}

// Runtime::Finalize, after the last interpreter: empty every queue, so queues
// holding each other in a cycle are freed.
void ClearAllQueues() {
  std::vector<QueueHandle> live;
  {
    QueueRegistry& registry = Registry();
    std::lock_guard<std::mutex> lock(registry.mutex);
    for (auto& [id, queue] : registry.queues) {
      if (QueueHandle handle = queue.lock()) live.push_back(std::move(handle));
    }
  }
  for (const QueueHandle& queue : live) queue->Clear();
}

ISLET_RUNTIME_HOOK(kQueuesHook, "objects.queues", nullptr, &ClearAllQueues);

QueueObject* AsQueue(Object* object) { return static_cast<QueueObject*>(object); }

}  // namespace

// ---------------------------------------------------------------------------
// SharedQueue
// ---------------------------------------------------------------------------

bool SharedQueue::Put(SharedValue& value, Deadline deadline) {
  {
    std::unique_lock<std::mutex> lock(mutex_);
    auto has_room = [&] { return !FullLocked(); };
    if (!deadline) {
      not_full_.wait(lock, has_room);
    } else if (!not_full_.wait_until(lock, *deadline, has_room)) {
      return false;
    }
    items_.push_back(std::move(value));
  }
  not_empty_.notify_one();
  return true;
}

std::optional<SharedValue> SharedQueue::Get(Deadline deadline) {
  std::optional<SharedValue> item;
  {
    std::unique_lock<std::mutex> lock(mutex_);
    auto has_item = [&] { return !items_.empty(); };
    if (!deadline) {
      not_empty_.wait(lock, has_item);
    } else if (!not_empty_.wait_until(lock, *deadline, has_item)) {
      return std::nullopt;
    }
    item.emplace(std::move(items_.front()));
    items_.pop_front();
  }
  not_full_.notify_one();
  return item;
}

int64_t SharedQueue::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return static_cast<int64_t>(items_.size());
}

bool SharedQueue::full() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return FullLocked();
}

void SharedQueue::Clear() {
  std::deque<SharedValue> dropped;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    dropped.swap(items_);
  }
  not_full_.notify_all();
  // `dropped` goes here, unlocked: it may free other queues.
}

QueueHandle NewSharedQueue(int64_t maxsize) {
  QueueRegistry& registry = Registry();
  std::lock_guard<std::mutex> lock(registry.mutex);
  const int64_t id = registry.next_id++;
  QueueHandle queue(new SharedQueue(id, maxsize), &DeleteQueue);
  registry.queues.emplace(id, queue);
  return queue;  // not the last handle: its deleter cannot run under the lock
}

QueueHandle FindSharedQueue(int64_t id) {
  QueueHandle found;  // declared first: released after the lock is
  QueueRegistry& registry = Registry();
  std::lock_guard<std::mutex> lock(registry.mutex);
  if (auto it = registry.queues.find(id); it != registry.queues.end()) found = it->second.lock();
  return found;
}

size_t LiveSharedQueueCount() {
  QueueRegistry& registry = Registry();
  std::lock_guard<std::mutex> lock(registry.mutex);
  return registry.queues.size();
}

// ---------------------------------------------------------------------------
// Wrappers
// ---------------------------------------------------------------------------

Ref<Object> CreateQueue(int64_t maxsize) { return QueueObjectFor(NewSharedQueue(maxsize)); }

Ref<Object> QueueObjectFor(QueueHandle core) {
  TypeObject* type = WellKnownType(WellKnown::kQueue);
  if (type == nullptr) {
    return Raise(WellKnown::kRuntimeError, "concurrent.interpreters.Queue is not linked");
  }
  return Interpreter::Current()->NewObject<QueueObject>(type, std::move(core));
}

Ref<Object> QueueObjectForId(int64_t id) {
  QueueHandle core = FindSharedQueue(id);
  if (!core) return Raise(WellKnown::kQueueNotFoundError, StrCat("queue ", id, " not found"));
  return QueueObjectFor(std::move(core));
}

bool IsQueue(const Object* object) {
  return WellKnownType(WellKnown::kQueue) != nullptr && IsInstance(object, WellKnown::kQueue);
}

const QueueHandle& QueueHandleOf(const Object* queue) {
  return static_cast<const QueueObject*>(queue)->core;
}

bool QueuePut(Object* queue, Object* item, std::optional<double> timeout) {
  // Sharing reads `item` (all of it, for a container) and the wrapper holds the
  // handle: both must be this interpreter's.
  if (!CheckOwned(queue) || !CheckOwned(item)) return false;
  // Converted while attached, before the queue's mutex is taken.
  std::optional<SharedValue> value = ShareObject(item);
  if (!value) return false;
  const Deadline deadline = DeadlineAfter(timeout);
  // A copy: another thread of this interpreter may drop the wrapper while this
  // one waits without the interpreter's lock.
  QueueHandle core = AsQueue(queue)->core;
  bool put = core->Put(*value, WaitClock::now());  // room already: no need to let go
  if (!put && (!deadline || *deadline > WaitClock::now())) {
    ReleaseLockGuard released;
    put = core->Put(*value, deadline);
  }
  if (!put) Raise(WellKnown::kQueueFull, StrCat("queue ", core->id(), " is full"));
  return put;
}

Ref<Object> QueueGet(Object* queue, std::optional<double> timeout) {
  if (!CheckOwned(queue)) return nullptr;
  const Deadline deadline = DeadlineAfter(timeout);
  QueueHandle core = AsQueue(queue)->core;  // see QueuePut
  std::optional<SharedValue> item = core->Get(WaitClock::now());
  if (!item && (!deadline || *deadline > WaitClock::now())) {
    ReleaseLockGuard released;
    item = core->Get(deadline);
  }
  if (!item) return Raise(WellKnown::kQueueEmpty, StrCat("queue ", core->id(), " is empty"));
  // Converted attached again, after the queue's mutex was released.
  return UnshareValue(*item);
}

}  // namespace islet
