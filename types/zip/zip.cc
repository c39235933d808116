// `zip`: zip(*iterables, strict=False) yields tuples of the iterables' next
// items and stops with the shortest; with strict=True, iterables of different
// lengths raise ValueError once the difference shows.

#include <string>
#include <vector>

#include "interp/interpreter.h"
#include "objects/args.h"
#include "objects/errors.h"
#include "objects/protocol.h"
#include "objects/tuple.h"
#include "objects/well_known.h"
#include "runtime/static_type.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

class ZipObject : public Object {
 public:
  ZipObject(std::vector<Ref<Object>> iterators, bool strict)
      : iterators(std::move(iterators)), strict(strict) {}

  std::vector<Ref<Object>> iterators;
  const bool strict;

  static void Clear(Object* self) {
    std::vector<Ref<Object>> old;
    old.swap(static_cast<ZipObject*>(self)->iterators);
  }
};

Ref<Object> ZipNew(TypeObject* type, const CallArgs& args) {
  Object* strict_arg = nullptr;
  if (!args.kwnames.empty()) {
    Object* bound[1] = {};
    CallArgs keywords{.args = args.keyword_values(), .kwnames = args.kwnames};
    if (!BindArgs(keywords, {.function = "zip", .names = {"strict"}, .max_positional = 0}, bound)) {
      return nullptr;
    }
    strict_arg = bound[0];
  }
  bool strict = false;
  if (strict_arg != nullptr) {
    int truth = IsTrue(strict_arg);
    if (truth < 0) return nullptr;
    strict = truth > 0;
  }
  std::vector<Ref<Object>> iterators;
  for (Object* iterable : args.positional()) {
    Ref<Object> iterator = GetIter(iterable);
    if (!iterator) return nullptr;
    iterators.push_back(std::move(iterator));
  }
  return Interpreter::Current()->NewObject<ZipObject>(type, std::move(iterators), strict);
}

// "argument 1" or "arguments 1-3": the arguments before number `count + 1`.
std::string ArgumentsBefore(size_t count) {
  return count == 1 ? std::string("argument 1") : StrCat("arguments 1-", count);
}

// Iterator `exhausted` (0-based) ran out under strict=True: a ValueError if the
// others are not all exhausted too.
std::nullptr_t CheckAllExhausted(ZipObject& zip, size_t exhausted) {
  if (exhausted > 0) {
    return Raise(WellKnown::kValueError, StrCat("zip() argument ", exhausted + 1,
                                                " is shorter than ", ArgumentsBefore(exhausted)));
  }
  for (size_t i = 1; i < zip.iterators.size(); ++i) {
    Ref<Object> iterator = zip.iterators[i];
    Ref<Object> item = IterNext(iterator.get());
    if (item) {
      return Raise(WellKnown::kValueError,
                   StrCat("zip() argument ", i + 1, " is longer than ", ArgumentsBefore(i)));
    }
    if (ExceptionPending()) return nullptr;
  }
  return nullptr;
}

Ref<Object> ZipNext(Object* self) {
  auto* zip = static_cast<ZipObject*>(self);
  if (zip->iterators.empty()) return nullptr;
  std::vector<Ref<Object>> items;
  items.reserve(zip->iterators.size());
  for (size_t i = 0; i < zip->iterators.size(); ++i) {
    Ref<Object> iterator = zip->iterators[i];  // the call may clear the zip
    Ref<Object> item = IterNext(iterator.get());
    if (!item) {
      if (ExceptionPending() || !zip->strict) return nullptr;
      return CheckAllExhausted(*zip, i);
    }
    items.push_back(std::move(item));
  }
  return NewTuple(std::move(items));
}

constexpr TypeSlots ZipSlots() {
  TypeSlots slots = SlotsFor<ZipObject>(&ZipObject::Clear);
  slots.iter = &SelfIter;
  slots.next = &ZipNext;
  slots.new_instance = &ZipNew;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kZipType, "zip", {.flags = kTypeBaseType, .slots = ZipSlots()});

}  // namespace islet
