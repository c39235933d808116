// `concurrent.interpreters.Queue`: an interpreter's wrapper of a queue shared
// between interpreters (objects/queue.h), with PEP 734's methods. Queue(id) wraps
// the live queue with that id; wrappers of one queue are equal and hash as its id.

#include "objects/queue.h"

#include <optional>

#include "objects/args.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/well_known.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

const QueueHandle& Core(Object* self) { return QueueHandleOf(self); }

// Queue(id), as CPython's Queue.__new__: "id must be an int, got 'x'".
Ref<Object> QueueNew(TypeObject*, const CallArgs& args) {
  Object* id = BindIdArg(args, "Queue");
  if (id == nullptr) return nullptr;
  std::optional<int64_t> value = IntAsInt64(id);
  if (!value) {
    return Raise(WellKnown::kQueueNotFoundError, StrCat("queue ", IntToDecimal(id), " not found"));
  }
  return QueueObjectForId(*value);
}

// The wait a put or get asks for: nullopt (as long as it takes), or seconds.
// False with ValueError for a negative timeout (CPython's message).
bool ParseWait(Object* block, Object* timeout, std::optional<double>* wait) {
  int blocking = block != nullptr ? IsTrue(block) : 1;
  if (blocking < 0) return false;
  *wait = std::nullopt;
  if (timeout != nullptr && timeout != None()) {
    std::optional<double> seconds = AsDouble(timeout);
    if (!seconds) return false;
    if (!(*seconds >= 0)) {
      Raise(WellKnown::kValueError, "timeout value must be non-negative");
      return false;
    }
    *wait = *seconds;
  }
  if (!blocking) *wait = 0.0;
  return true;
}

// put(obj, block=True, timeout=None)
Ref<Object> QueuePutMethod(Object* self, const CallArgs& args) {
  Object* bound[3];
  if (!BindArgs(args, {.function = "put", .names = {"obj", "block", "timeout"}, .required = 1},
                bound)) {
    return nullptr;
  }
  std::optional<double> wait;
  if (!ParseWait(bound[1], bound[2], &wait)) return nullptr;
  if (!QueuePut(self, bound[0], wait)) return nullptr;
  return NoneRef();
}

Ref<Object> QueuePutNowait(Object* self, const CallArgs& args) {
  Object* obj[1];
  if (!BindArgs(args, {.function = "put_nowait", .names = {"obj"}, .required = 1}, obj)) {
    return nullptr;
  }
  if (!QueuePut(self, obj[0], 0.0)) return nullptr;
  return NoneRef();
}

// get(block=True, timeout=None)
Ref<Object> QueueGetMethod(Object* self, const CallArgs& args) {
  Object* bound[2];
  if (!BindArgs(args, {.function = "get", .names = {"block", "timeout"}}, bound)) return nullptr;
  std::optional<double> wait;
  if (!ParseWait(bound[0], bound[1], &wait)) return nullptr;
  return QueueGet(self, wait);
}

Ref<Object> QueueGetNowait(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "Queue.get_nowait")) return nullptr;
  return QueueGet(self, 0.0);
}

Ref<Object> QueueEmptyMethod(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "Queue.empty")) return nullptr;
  return BoolRef(Core(self)->size() == 0);
}

Ref<Object> QueueFullMethod(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "Queue.full")) return nullptr;
  return BoolRef(Core(self)->full());
}

Ref<Object> QueueQsize(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "Queue.qsize")) return nullptr;
  return NewInt(Core(self)->size());
}

Ref<Object> QueueId(Object* self) { return NewInt(Core(self)->id()); }
Ref<Object> QueueMaxsize(Object* self) { return NewInt(Core(self)->maxsize()); }

// "Queue(1)", as CPython's f'{type(self).__name__}({self.id})'.
Ref<Object> QueueRepr(Object* self) {
  return NewStr(StrCat(TypeName(self->type()), "(", Core(self)->id(), ")"));
}

// hash(id), which for a positive int64 below the hash modulus is the id itself.
int64_t QueueHash(Object* self) { return Core(self)->id(); }

Ref<Object> QueueRichCompare(Object* self, Object* other, CompareOp op) {
  if (!IsQueue(other) || (op != CompareOp::kEq && op != CompareOp::kNe)) {
    return NotImplementedRef();
  }
  const bool same = Core(self) == Core(other);
  return BoolRef(op == CompareOp::kEq ? same : !same);
}

constexpr TypeMember kQueueMembers[] = {
    Method("put", &QueuePutMethod),     Method("put_nowait", &QueuePutNowait),
    Method("get", &QueueGetMethod),     Method("get_nowait", &QueueGetNowait),
    Method("empty", &QueueEmptyMethod), Method("full", &QueueFullMethod),
    Method("qsize", &QueueQsize),       Getter("id", &QueueId),
    Getter("maxsize", &QueueMaxsize),
};

constexpr TypeSlots QueueSlots() {
  TypeSlots slots = SlotsFor<QueueObject>();  // holds no objects: nothing to clear
  slots.new_instance = &QueueNew;
  slots.repr = &QueueRepr;
  slots.hash = &QueueHash;
  slots.richcompare = &QueueRichCompare;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kQueueType, "concurrent.interpreters.Queue",
                   {.slots = QueueSlots(), .members = kQueueMembers});

}  // namespace islet
