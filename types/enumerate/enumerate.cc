// `enumerate`: enumerate(iterable, start=0) yields (count, item) pairs, counting
// from `start` (any integer: the count moves to a Python int past int64_t).

#include <cstdint>
#include <limits>

#include "interp/interpreter.h"
#include "objects/args.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/tuple.h"
#include "objects/well_known.h"
#include "runtime/static_type.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

class EnumerateObject : public Object {
 public:
  EnumerateObject(Ref<Object> iterator, int64_t count, Ref<Object> big_count)
      : iterator(std::move(iterator)), count(count), big_count(std::move(big_count)) {}

  Ref<Object> iterator;
  int64_t count;          // the next count, while big_count is null
  Ref<Object> big_count;  // the next count once it left int64_t's range

  static void Clear(Object* self) {
    auto* enumerate = static_cast<EnumerateObject*>(self);
    enumerate->iterator.reset();
    enumerate->big_count.reset();
  }
  static void Traverse(Object* self, const Visitor& visit) {
    auto* enumerate = static_cast<EnumerateObject*>(self);
    visit(enumerate->iterator);
    visit(enumerate->big_count);
  }
};

// `start` as an int (CPython's PyNumber_Index).
Ref<Object> StartAsInt(Object* start) {
  if (IsInstance(start, WellKnown::kInt)) return Ref<Object>::Borrow(start);
  if (UnaryFn index = start->type()->slots().index) return index(start);
  return Raise(WellKnown::kTypeError, StrCat("'", TypeDisplayName(start->type()),
                                             "' object cannot be interpreted as an integer"));
}

// CPython's quirks without a positional argument: a missing iterable is
// reported without its position, and before it any keyword is called invalid.
bool CheckIterableGiven(const CallArgs& args) {
  if (args.positional_count() > 0 || args.args.size() > 2) return true;
  for (const Name* keyword : args.kwnames) {
    if (keyword->text() == "iterable") return true;
  }
  if (args.kwnames.empty()) {
    Raise(WellKnown::kTypeError, "enumerate() missing required argument 'iterable'");
  } else {
    Raise(WellKnown::kTypeError,
          StrCat("'", args.kwnames[0]->text(), "' is an invalid keyword argument for enumerate()"));
  }
  return false;
}

Ref<Object> EnumerateNew(TypeObject* type, const CallArgs& args) {
  if (!CheckIterableGiven(args)) return nullptr;
  Object* bound[2] = {};
  if (!BindArgs(args,
                {.function = "enumerate",
                 .names = {"iterable", "start"},
                 .required = 1,
                 .unknown_keyword = UnknownKeyword::kInvalid},
                bound)) {
    return nullptr;
  }
  int64_t count = 0;
  Ref<Object> big_count;
  if (bound[1] != nullptr) {
    Ref<Object> start = StartAsInt(bound[1]);
    if (!start) return nullptr;
    std::optional<int64_t> small = IntAsInt64(start.get());
    if (small) {
      count = *small;
    } else {
      big_count = std::move(start);
    }
  }
  Ref<Object> iterator = GetIter(bound[0]);
  if (!iterator) return nullptr;
  return Interpreter::Current()->NewObject<EnumerateObject>(type, std::move(iterator), count,
                                                            std::move(big_count));
}

Ref<Object> EnumerateNext(Object* self) {
  auto* enumerate = static_cast<EnumerateObject*>(self);
  if (!enumerate->iterator) return nullptr;
  Ref<Object> item = IterNext(enumerate->iterator.get());
  if (!item) return nullptr;
  Ref<Object> count;
  if (enumerate->big_count) {
    count = enumerate->big_count;
    Ref<Object> one = NewInt(1);
    Ref<Object> next = BinaryOperation(count.get(), one.get(), BinaryOp::kAdd);
    if (!next) return nullptr;
    enumerate->big_count = std::move(next);
  } else {
    count = NewInt(enumerate->count);
    if (enumerate->count == std::numeric_limits<int64_t>::max()) {
      Ref<Object> one = NewInt(1);  // the next count no longer fits: continue with ints
      enumerate->big_count = BinaryOperation(count.get(), one.get(), BinaryOp::kAdd);
      if (!enumerate->big_count) return nullptr;
    } else {
      ++enumerate->count;
    }
  }
  return NewTuple({count.get(), item.get()});
}

constexpr TypeSlots EnumerateSlots() {
  TypeSlots slots = SlotsFor<EnumerateObject>(&EnumerateObject::Clear, &EnumerateObject::Traverse);
  slots.iter = &SelfIter;
  slots.next = &EnumerateNext;
  slots.new_instance = &EnumerateNew;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kEnumerateType, "enumerate",
                   {.flags = kTypeBaseType, .slots = EnumerateSlots()});

}  // namespace islet
