#include "objects/list.h"

#include <algorithm>
#include <cstddef>
#include <numeric>
#include <span>

#include "interp/interpreter.h"
#include "interp/ownership.h"
#include "objects/errors.h"
#include "objects/protocol.h"
#include "objects/tuple.h"
#include "objects/well_known.h"

namespace islet {
namespace {

// A stable sort of positions by their keys with `<`: binary insertion sort for
// short ranges, merged pairwise above that. Like CPython's, it always asks
// "later < earlier", so the first comparison of two items is the one CPython
// makes (and fails with the same message). It only permutes `order`, so a
// comparison that fails or answers inconsistently (user code) cannot lose an
// item or read out of bounds.
class MergeSorter {
 public:
  explicit MergeSorter(std::span<Object* const> keys) : keys_(keys) {}

  // Sorts `order` (positions into keys); false with an exception pending on error.
  bool Sort(std::vector<size_t>& order) {
    buffer_.resize(order.size());
    return SortRange(order.data(), order.size());
  }

 private:
  static constexpr size_t kInsertionSortMax = 32;

  // 1 if the item at `a` sorts strictly before the one at `b`, 0 if not, -1 on error.
  int Less(size_t a, size_t b) { return RichCompareBool(keys_[a], keys_[b], CompareOp::kLt); }

  bool InsertionSort(size_t* order, size_t n) {
    for (size_t i = 1; i < n; ++i) {
      const size_t pivot = order[i];
      // After every item it is not less than: stability.
      size_t low = 0, high = i;
      while (low < high) {
        const size_t mid = low + (high - low) / 2;
        const int less = Less(pivot, order[mid]);
        if (less < 0) return false;
        if (less) {
          high = mid;
        } else {
          low = mid + 1;
        }
      }
      std::copy_backward(order + low, order + i, order + i + 1);
      order[low] = pivot;
    }
    return true;
  }

  bool SortRange(size_t* order, size_t n) {
    if (n <= kInsertionSortMax) return InsertionSort(order, n);
    const size_t mid = n / 2;
    if (!SortRange(order, mid) || !SortRange(order + mid, n - mid)) return false;
    // Already in order (sorted input costs one comparison per merge).
    int less = Less(order[mid], order[mid - 1]);
    if (less <= 0) return less == 0;
    size_t i = 0, j = mid, k = 0;
    while (i < mid && j < n) {
      // The right run's item goes first only if strictly less: stability.
      less = Less(order[j], order[i]);
      if (less < 0) return false;
      buffer_[k++] = less ? order[j++] : order[i++];
    }
    while (i < mid) buffer_[k++] = order[i++];
    while (j < n) buffer_[k++] = order[j++];
    std::copy(buffer_.begin(), buffer_.begin() + static_cast<ptrdiff_t>(n), order);
    return true;
  }

  std::span<Object* const> keys_;
  std::vector<size_t> buffer_;
};

}  // namespace

Ref<Object> NewList(std::vector<Ref<Object>> items) {
  if (!CheckOwnedIfChecked(items)) return nullptr;
  return Interpreter::Current()->NewObject<ListObject>(WellKnownType(WellKnown::kList),
                                                       std::move(items));
}

std::vector<Ref<Object>>& ListItems(Object* list) { return static_cast<ListObject*>(list)->items; }

bool AppendIterable(std::vector<Ref<Object>>& items, Object* iterable) {
  if (!CheckOwnedIfChecked(iterable)) return false;
  if (IsInstance(iterable, WellKnown::kList)) {
    std::vector<Ref<Object>> copy = ListItems(iterable);  // it may be `items` itself
    items.insert(items.end(), std::make_move_iterator(copy.begin()),
                 std::make_move_iterator(copy.end()));
    return true;
  }
  if (IsInstance(iterable, WellKnown::kTuple)) {
    std::span<const Ref<Object>> source = TupleItems(iterable);
    items.insert(items.end(), source.begin(), source.end());
    return true;
  }
  Ref<Object> iterator = GetIter(iterable);
  if (!iterator) return false;
  while (Ref<Object> item = IterNext(iterator.get())) items.push_back(std::move(item));
  return !ExceptionPending();
}

Ref<Object> ListFromIterable(Object* iterable) {
  std::vector<Ref<Object>> items;
  if (!AppendIterable(items, iterable)) return nullptr;
  return NewList(std::move(items));
}

std::optional<std::vector<Ref<Object>>> SequenceFast(Object* iterable, std::string_view message) {
  if (IsExactly(iterable, WellKnown::kList)) return ListItems(iterable);
  if (IsExactly(iterable, WellKnown::kTuple)) {
    std::span<const Ref<Object>> items = TupleItems(iterable);
    return std::vector<Ref<Object>>(items.begin(), items.end());
  }
  Ref<Object> iterator = GetIter(iterable);
  if (!iterator) {
    if (ExceptionMatches(WellKnown::kTypeError)) {
      ClearException();
      Raise(WellKnown::kTypeError, message);
    }
    return std::nullopt;
  }
  std::vector<Ref<Object>> items;
  while (Ref<Object> item = IterNext(iterator.get())) items.push_back(std::move(item));
  if (ExceptionPending()) return std::nullopt;
  return items;
}

bool ListSort(Object* list, Object* key_function, bool reverse) {
  std::vector<Ref<Object>>& items = ListItems(list);
  // The list is empty while it sorts, as in CPython: comparisons see no
  // half-sorted state, and any change they make shows as a non-zero capacity.
  std::vector<Ref<Object>> saved;
  saved.swap(items);
  const size_t n = saved.size();

  bool ok = true;
  std::vector<Ref<Object>> computed_keys;
  if (key_function != nullptr) {
    computed_keys.reserve(n);
    for (const Ref<Object>& item : saved) {
      Ref<Object> key = Call(key_function, {item.get()});
      if (!key) {
        ok = false;
        break;
      }
      computed_keys.push_back(std::move(key));
    }
  }
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), size_t{0});
  if (ok) {
    const std::vector<Ref<Object>>& key_refs = key_function != nullptr ? computed_keys : saved;
    std::vector<Object*> keys(n);
    for (size_t i = 0; i < n; ++i) keys[i] = key_refs[i].get();
    // As CPython does: reversing before and after a stable sort keeps equal
    // items in their original order.
    if (reverse) std::reverse(order.begin(), order.end());
    ok = MergeSorter(keys).Sort(order);
    if (reverse) std::reverse(order.begin(), order.end());
  }

  // Whatever was put into the list during the sort is dropped (after the list
  // has its items back).
  const bool modified = items.capacity() != 0;
  std::vector<Ref<Object>> meanwhile;
  meanwhile.swap(items);
  if (ok) {
    items.reserve(n);
    for (size_t position : order) items.push_back(std::move(saved[position]));
  } else {
    items = std::move(saved);
  }
  if (ok && modified) {
    Raise(WellKnown::kValueError, "list modified during sort");
    return false;
  }
  return ok;
}

}  // namespace islet
