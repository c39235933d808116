// Queues between interpreters: PEP 734's concurrent.interpreters.Queue.
//
// A queue's core, SharedQueue, belongs to no interpreter: a process-wide,
// reference-counted C++ structure with its own mutex, holding items as
// SharedValues (objects/sharing.h), so an item outlives the interpreter that put
// it. Each interpreter sees a queue through its own wrapper object, a
// `concurrent.interpreters.Queue` (QueueObject), holding a QueueHandle; C++ code
// may hold handles too. The core is freed when the last handle goes, whichever
// interpreter or thread drops it.
//
//   Ref<Object> queue = CreateQueue(/*maxsize=*/0);        // attached to A
//   int64_t id = QueueHandleOf(queue.get())->id();
//   if (!QueuePut(queue.get(), item)) return nullptr;      // NotShareableError
//   ...
//   Ref<Object> same = QueueObjectForId(id);               // attached to B
//   Ref<Object> copy = QueueGet(same.get(), /*timeout=*/1.5);  // or QueueEmpty
//
// Locking: a queue's mutex is innermost. Nothing is called while it is held:
// items are converted from and to objects outside it, and a blocking put or get
// waits with its interpreter's lock released (ReleaseLockGuard), so other
// threads attached to the same interpreter run meanwhile.
//
// Lifetime: Runtime::Finalize empties every queue still alive (which frees
// queues that hold each other in a cycle); a C++ handle kept past it sees an
// empty queue.

#ifndef ISLET_OBJECTS_QUEUE_H_
#define ISLET_OBJECTS_QUEUE_H_

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <utility>

#include "objects/deadline.h"
#include "objects/sharing.h"
#include "runtime/object.h"

namespace islet {

// SharedQueue: the interpreter-independent core of a queue. Its methods take no
// interpreter and may be called attached or not.
class SharedQueue {
 public:
  SharedQueue(int64_t id, int64_t maxsize) : id_(id), maxsize_(maxsize) {}
  SharedQueue(const SharedQueue&) = delete;
  SharedQueue& operator=(const SharedQueue&) = delete;

  // Unique in the process, never reused.
  int64_t id() const { return id_; }
  // The most items it holds at once; 0 or less: no limit.
  int64_t maxsize() const { return maxsize_; }

  // Appends `value` (moved from) and returns true; while the queue is full, waits
  // for room until `deadline`, then returns false with `value` untouched.
  bool Put(SharedValue& value, Deadline deadline);
  // Removes and returns the oldest item, waiting for one until `deadline`;
  // nullopt if there is none by then.
  std::optional<SharedValue> Get(Deadline deadline);

  int64_t size() const;
  bool full() const;
  // Drops every item (they are destroyed after the mutex is released).
  void Clear();

 private:
  bool FullLocked() const {
    return maxsize_ > 0 && static_cast<int64_t>(items_.size()) >= maxsize_;
  }

  const int64_t id_;
  const int64_t maxsize_;
  mutable std::mutex mutex_;
  std::condition_variable not_empty_;
  std::condition_variable not_full_;
  std::deque<SharedValue> items_;  // guarded by mutex_
};

// A C++ reference to a queue's core; the core lives while any exists.
using QueueHandle = std::shared_ptr<SharedQueue>;

// NewSharedQueue(maxsize): a new queue with a fresh id, known by that id while
// any handle to it lives.
QueueHandle NewSharedQueue(int64_t maxsize);
// FindSharedQueue(id): the live queue with that id, or null.
QueueHandle FindSharedQueue(int64_t id);
// Queues alive in the process.
size_t LiveSharedQueueCount();

// QueueObject: an interpreter's wrapper of a queue (`concurrent.interpreters.Queue`).
class QueueObject : public Object {
 public:
  explicit QueueObject(QueueHandle core) : core(std::move(core)) {}
  const QueueHandle core;  // never null
};

// --- Wrappers; the caller must be attached, errors follow objects/errors.h ---

// CreateQueue(maxsize): a new queue (CPython's interpreters.create_queue) and
// this interpreter's wrapper of it.
Ref<Object> CreateQueue(int64_t maxsize);
// QueueObjectFor(core): a new wrapper of `core` in the current interpreter.
Ref<Object> QueueObjectFor(QueueHandle core);
// QueueObjectForId(id): a wrapper of the live queue `id` (interpreters.Queue(id));
// QueueNotFoundError "queue 7 not found" if none.
Ref<Object> QueueObjectForId(int64_t id);
// Whether `object` is a queue wrapper, and its core (for one that is).
bool IsQueue(const Object* object);
const QueueHandle& QueueHandleOf(const Object* queue);

// QueuePut(queue, item, timeout): shares `item` (objects/sharing.h) and appends
// it. While the queue is full it waits up to `timeout` seconds (nullopt: as long
// as it takes; 0: not at all), then raises QueueFull "queue 7 is full". Raises
// NotShareableError for an item that cannot be shared, leaving the queue as it was;
// RuntimeError if `queue` or `item` belongs to another interpreter
// (interp/ownership.h; QueueGet checks `queue` too).
bool QueuePut(Object* queue, Object* item, std::optional<double> timeout = std::nullopt);
// QueueGet(queue, timeout): the oldest item, made in the current interpreter.
// While the queue is empty it waits up to `timeout` seconds, then raises
// QueueEmpty "queue 7 is empty".
Ref<Object> QueueGet(Object* queue, std::optional<double> timeout = std::nullopt);

}  // namespace islet

#endif  // ISLET_OBJECTS_QUEUE_H_
