#include "objects/lockstep_iterators.h"

#include <string>

#include "objects/args.h"
#include "objects/errors.h"
#include "objects/protocol.h"
#include "objects/well_known.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

// "argument 1" or "arguments 1-3": the arguments before number `count + 1`
// (numbered among the iterables, as CPython counts them).
std::string ArgumentsBefore(size_t count) {
  return count == 1 ? std::string("argument 1") : StrCat("arguments 1-", count);
}

// Iterator `exhausted` (0-based) ran out under strict=True: a ValueError if the
// others are not all exhausted too. Always false, for Next to return.
bool CheckAllExhausted(LockstepIterators& lockstep, size_t exhausted) {
  if (exhausted > 0) {
    Raise(WellKnown::kValueError, StrCat(lockstep.function, "() argument ", exhausted + 1,
                                         " is shorter than ", ArgumentsBefore(exhausted)));
    return false;
  }
  for (size_t i = 1; i < lockstep.iterators.size(); ++i) {
    Ref<Object> iterator = lockstep.iterators[i];
    Ref<Object> item = IterNext(iterator.get());
    if (item) {
      Raise(WellKnown::kValueError, StrCat(lockstep.function, "() argument ", i + 1,
                                           " is longer than ", ArgumentsBefore(i)));
      return false;
    }
    if (ExceptionPending()) return false;
  }
  return false;
}

}  // namespace

bool LockstepIterators::Next(std::vector<Ref<Object>>& items) {
  items.clear();
  if (iterators.empty()) return false;
  items.reserve(iterators.size());
  // The size is read again at each step: an iterator's code may clear the owner.
  for (size_t i = 0; i < iterators.size(); ++i) {
    Ref<Object> iterator = iterators[i];
    Ref<Object> item = IterNext(iterator.get());
    if (!item) {
      if (ExceptionPending() || !strict) return false;
      return CheckAllExhausted(*this, i);
    }
    items.push_back(std::move(item));
  }
  return items.size() == iterators.size();  // a step cut short by a clear ends it
}

void LockstepIterators::Clear() {
  std::vector<Ref<Object>> old;
  old.swap(iterators);
}

bool BindStrict(const CallArgs& args, LockstepIterators& lockstep) {
  lockstep.strict = false;
  if (args.kwnames.empty()) return true;
  Object* strict[1] = {};
  CallArgs keywords{.args = args.keyword_values(), .kwnames = args.kwnames};
  if (!BindArgs(keywords, {.function = lockstep.function, .names = {"strict"}, .max_positional = 0},
                strict)) {
    return false;
  }
  if (strict[0] == nullptr) return true;
  int truth = IsTrue(strict[0]);
  if (truth < 0) return false;
  lockstep.strict = truth > 0;
  return true;
}

bool AddIterators(std::span<Object* const> iterables, LockstepIterators& lockstep) {
  for (Object* iterable : iterables) {
    Ref<Object> iterator = GetIter(iterable);
    if (!iterator) return false;
    lockstep.iterators.push_back(std::move(iterator));
  }
  return true;
}

}  // namespace islet
