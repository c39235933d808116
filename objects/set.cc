#include "objects/set.h"

#include <atomic>
#include <span>
#include <string>
#include <utility>

#include "interp/interpreter.h"
#include "interp/ownership.h"
#include "objects/args.h"
#include "objects/errors.h"
#include "objects/exception.h"
#include "objects/protocol.h"
#include "objects/repr_guard.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/well_known.h"
#include "runtime/runtime.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

// CPython's table parameters; changing any of them changes iteration order.
constexpr size_t kMinSize = 8;
constexpr size_t kLinearProbes = 9;
constexpr int kPerturbShift = 5;

SetObject* AsSet(Object* object) { return static_cast<SetObject*>(object); }

bool IsSet(const Object* object) { return IsInstance(object, WellKnown::kSet); }

// PyAnySet_CheckExact.
bool IsExactAnySet(const Object* object) {
  return IsExactly(object, WellKnown::kSet) || IsExactly(object, WellKnown::kFrozenSet);
}

// CPython 3.14 says why a set refused an element: a TypeError from hashing it
// becomes "cannot use 'list' as a set element (unhashable type: 'list')"; any
// other error passes through unchanged.
void ExplainUnhashableElement(Object* key) {
  Object* pending = Interpreter::Current()->pending_exception();
  if (pending == nullptr || pending->type() != WellKnownType(WellKnown::kTypeError)) return;
  Ref<Object> error = TakeException();
  Raise(WellKnown::kTypeError, StrCat("cannot use '", FullyQualifiedName(key->type()),
                                      "' as a set element (", ExceptionMessage(error.get()), ")"));
}

// The hash of a would-be element, -1 (with the explained error) if it has none.
int64_t ElementHash(Object* key) {
  int64_t hash = Hash(key);
  if (hash == -1) ExplainUnhashableElement(key);
  return hash;
}

uint64_t ShuffleBits(uint64_t hash) { return ((hash ^ 89869747u) ^ (hash << 16)) * 3644798167u; }

// The type a derived set gets: set for set and its subclasses, else frozenset.
TypeObject* BaseSetType(const Object* like) {
  return IsSet(like) ? WellKnownType(WellKnown::kSet) : WellKnownType(WellKnown::kFrozenSet);
}

Ref<SetObject> NewEmpty(TypeObject* type) {
  return Interpreter::Current()->NewObject<SetObject>(type);
}

Ref<SetObject> NewEmptyLike(const Object* like) { return NewEmpty(BaseSetType(like)); }

// The type that defines a shared method, for its messages.
std::string Qualified(Object* self, std::string_view method) {
  return StrCat(IsSet(self) ? "set." : "frozenset.", method);
}

void RaiseKeyError(Object* key) {
  RaiseObject(NewException(WellKnownType(WellKnown::kKeyError), NewTuple({key})));
}

// --- Element operations with CPython's hashing rules ---

// set_contains_key: the element must be hashable.
int ContainsKey(SetObject* set, Object* key) {
  int64_t hash = ElementHash(key);
  if (hash == -1) return -1;
  return set->Contains(key, hash);
}

int DiscardKey(SetObject* set, Object* key) {
  int64_t hash = ElementHash(key);
  if (hash == -1) return -1;
  return set->Discard(key, hash);
}

bool AddKey(SetObject* set, Object* key) {
  int64_t hash = ElementHash(key);
  if (hash == -1) return false;
  return set->Add(Ref<Object>::Borrow(key), hash) == 0;
}

// remove() and discard() look a set key up as the equal frozenset.
int DiscardAllowingSetKey(SetObject* set, Object* key) {
  int found = DiscardKey(set, key);
  if (found >= 0 || !IsSet(key) || !ExceptionMatches(WellKnown::kTypeError)) return found;
  ClearException();
  return set->Discard(key, AsSet(key)->ComputeFrozenSetHash());
}

// --- Algorithms (Objects/setobject.c's, step for step: the resulting table
// layouts, and so iteration orders, are CPython's) ---

// set_update_internal.
bool UpdateInternal(SetObject* set, Object* other) {
  if (IsAnySet(other)) return set->Merge(AsSet(other)) == 0;
  if (IsExactly(other, WellKnown::kDict)) {
    int64_t incoming = Length(other);
    if (incoming < 0) return false;
    set->Reserve(incoming);
  }
  Ref<Object> iterator = GetIter(other);
  if (!iterator) return false;
  while (Ref<Object> key = IterNext(iterator.get())) {
    if (!AddKey(set, key.get())) return false;
  }
  return !ExceptionPending();
}

Ref<Object> Copy(Object* self) {
  Ref<SetObject> result = NewEmptyLike(self);
  if (result->Merge(AsSet(self)) != 0) return nullptr;
  return result;
}

Ref<Object> Intersection(Object* self, Object* other) {
  if (self == other) return Copy(self);
  Ref<SetObject> result = NewEmptyLike(self);
  SetObject* set = AsSet(self);
  if (IsAnySet(other)) {
    // Walk the smaller set, probing the larger.
    SetObject* walked = AsSet(other);
    if (walked->size() > set->size()) std::swap(set, walked);
    size_t position = 0;
    const SetObject::Entry* entry;
    while (walked->Next(&position, &entry)) {
      Ref<Object> key = entry->key;
      int64_t hash = entry->hash;
      int found = set->Contains(key.get(), hash);
      if (found < 0) return nullptr;
      if (found && result->Add(std::move(key), hash) != 0) return nullptr;
    }
    return result;
  }
  Ref<Object> iterator = GetIter(other);
  if (!iterator) return nullptr;
  while (Ref<Object> key = IterNext(iterator.get())) {
    int64_t hash = Hash(key.get());
    if (hash == -1) return nullptr;
    int found = set->Contains(key.get(), hash);
    if (found < 0) return nullptr;
    if (found) {
      if (result->Add(std::move(key), hash) != 0) return nullptr;
      if (result->size() >= set->size()) break;
    }
  }
  if (ExceptionPending()) return nullptr;
  return result;
}

Ref<Object> IntersectionOfAll(Object* self, std::span<Object* const> others) {
  if (others.empty()) return Copy(self);
  Ref<Object> result = Ref<Object>::Borrow(self);
  for (Object* other : others) {
    result = Intersection(result.get(), other);
    if (!result) return nullptr;
  }
  return result;
}

// set_difference_update_internal.
bool DifferenceUpdate(SetObject* set, Object* other) {
  if (set == other) {
    set->ClearItems();
    return true;
  }
  if (IsAnySet(other)) {
    // Against a much larger set, only the common elements matter.
    Ref<Object> removed = Ref<Object>::Borrow(other);
    if ((SetSize(other) >> 3) > set->size()) {
      removed = Intersection(set, other);
      if (!removed) return false;
    }
    size_t position = 0;
    const SetObject::Entry* entry;
    while (AsSet(removed.get())->Next(&position, &entry)) {
      Ref<Object> key = entry->key;
      if (set->Discard(key.get(), entry->hash) < 0) return false;
    }
  } else {
    Ref<Object> iterator = GetIter(other);
    if (!iterator) return false;
    while (Ref<Object> key = IterNext(iterator.get())) {
      if (DiscardKey(set, key.get()) < 0) return false;
    }
    if (ExceptionPending()) return false;
  }
  set->CompactIfSparse();
  return true;
}

Ref<Object> CopyAndDifference(Object* self, Object* other) {
  Ref<Object> result = Copy(self);
  if (!result || !DifferenceUpdate(AsSet(result.get()), other)) return nullptr;
  return result;
}

Ref<Object> Difference(Object* self, Object* other) {
  int64_t other_size;
  if (IsAnySet(other)) {
    other_size = SetSize(other);
  } else if (IsExactly(other, WellKnown::kDict)) {
    other_size = Length(other);
    if (other_size < 0) return nullptr;
  } else {
    return CopyAndDifference(self, other);
  }
  SetObject* set = AsSet(self);
  if ((set->size() >> 2) > other_size) return CopyAndDifference(self, other);
  Ref<SetObject> result = NewEmptyLike(self);
  size_t position = 0;
  const SetObject::Entry* entry;
  while (set->Next(&position, &entry)) {
    Ref<Object> key = entry->key;
    int64_t hash = entry->hash;
    int found =
        IsAnySet(other) ? AsSet(other)->Contains(key.get(), hash) : Contains(other, key.get());
    if (found < 0) return nullptr;
    if (!found && result->Add(std::move(key), hash) != 0) return nullptr;
  }
  return result;
}

Ref<Object> DifferenceOfAll(Object* self, std::span<Object* const> others) {
  if (others.empty()) return Copy(self);
  Ref<Object> result = Difference(self, others[0]);
  if (!result) return nullptr;
  for (Object* other : others.subspan(1)) {
    if (!DifferenceUpdate(AsSet(result.get()), other)) return nullptr;
  }
  return result;
}

bool SymmetricDifferenceUpdateWithSet(SetObject* set, SetObject* other) {
  size_t position = 0;
  const SetObject::Entry* entry;
  while (other->Next(&position, &entry)) {
    Ref<Object> key = entry->key;
    int64_t hash = entry->hash;
    int removed = set->Discard(key.get(), hash);
    if (removed < 0) return false;
    if (removed == 0 && set->Add(std::move(key), hash) != 0) return false;
  }
  return true;
}

bool SymmetricDifferenceUpdate(SetObject* set, Object* other) {
  if (set == other) {
    set->ClearItems();
    return true;
  }
  if (IsAnySet(other)) return SymmetricDifferenceUpdateWithSet(set, AsSet(other));
  if (IsExactly(other, WellKnown::kDict)) {
    Ref<Object> iterator = GetIter(other);
    if (!iterator) return false;
    while (Ref<Object> key = IterNext(iterator.get())) {
      int64_t hash = Hash(key.get());
      if (hash == -1) return false;
      int removed = set->Discard(key.get(), hash);
      if (removed < 0) return false;
      if (removed == 0 && set->Add(std::move(key), hash) != 0) return false;
    }
    return !ExceptionPending();
  }
  Ref<Object> other_set = NewSetOfType(BaseSetType(set), other);
  if (!other_set) return false;
  return SymmetricDifferenceUpdateWithSet(set, AsSet(other_set.get()));
}

Ref<Object> SymmetricDifference(Object* self, Object* other) {
  Ref<SetObject> result = NewEmptyLike(self);
  if (!UpdateInternal(result.get(), other)) return nullptr;
  if (!SymmetricDifferenceUpdateWithSet(result.get(), AsSet(self))) return nullptr;
  return result;
}

// Whether some element of `walked` is in `probed` (`in` true) or is not in it
// (`in` false): 1, 0, or -1 on error.
int SomeElement(SetObject* walked, SetObject* probed, bool in) {
  size_t position = 0;
  const SetObject::Entry* entry;
  while (walked->Next(&position, &entry)) {
    Ref<Object> key = entry->key;
    int found = probed->Contains(key.get(), entry->hash);
    if (found < 0) return -1;
    if ((found != 0) == in) return 1;
  }
  return 0;
}

// SomeElement for the elements `iterable` gives, which must be hashable.
int SomeIteratedElement(Object* iterable, SetObject* probed, bool in) {
  Ref<Object> iterator = GetIter(iterable);
  if (!iterator) return -1;
  while (Ref<Object> key = IterNext(iterator.get())) {
    int found = ContainsKey(probed, key.get());
    if (found < 0) return -1;
    if ((found != 0) == in) return 1;
  }
  return ExceptionPending() ? -1 : 0;
}

// True when SomeElement found none, False when it found one.
Ref<Object> NoneFound(int some) {
  if (some < 0) return nullptr;
  return BoolRef(some == 0);
}

Ref<Object> IsSubset(Object* self, Object* other) {
  SetObject* set = AsSet(self);
  if (!IsAnySet(other)) {
    Ref<Object> common = Intersection(self, other);
    if (!common) return nullptr;
    return BoolRef(SetSize(common.get()) == set->size());
  }
  if (set->size() > SetSize(other)) return BoolRef(false);
  return NoneFound(SomeElement(set, AsSet(other), /*in=*/false));
}

Ref<Object> IsSuperset(Object* self, Object* other) {
  if (IsAnySet(other)) return IsSubset(other, self);
  return NoneFound(SomeIteratedElement(other, AsSet(self), /*in=*/false));
}

Ref<Object> IsDisjoint(Object* self, Object* other) {
  SetObject* set = AsSet(self);
  if (self == other) return BoolRef(set->size() == 0);
  if (!IsExactAnySet(other)) return NoneFound(SomeIteratedElement(other, set, /*in=*/true));
  // Walk the smaller set, probing the larger.
  SetObject* walked = AsSet(other);
  if (walked->size() > set->size()) std::swap(set, walked);
  return NoneFound(SomeElement(walked, set, /*in=*/true));
}

// A shared method of one argument: `operation(self, argument)`.
Ref<Object> WithOneArg(Object* self, const CallArgs& args, std::string_view method,
                       Ref<Object> (*operation)(Object* self, Object* other)) {
  if (!CheckOneArg(args, Qualified(self, method))) return nullptr;
  return operation(self, args.args[0]);
}

// set.update(*others) and set.difference_update(*others): `update` with each
// argument in turn.
Ref<Object> UpdateWithEach(Object* self, const CallArgs& args, std::string_view qualified_name,
                           bool (*update)(SetObject* set, Object* other)) {
  if (!CheckNoKeywords(args, qualified_name)) return nullptr;
  for (Object* other : args.args) {
    if (!update(AsSet(self), other)) return nullptr;
  }
  return NoneRef();
}

// set_iterator, found by name once (it is registered by types/set, which this
// layer cannot depend on); its address never changes.
TypeObject* SetIteratorType() {
  static constinit std::atomic<TypeObject*> type{nullptr};
  TypeObject* found = type.load(std::memory_order_acquire);
  if (found == nullptr) {
    found = Runtime::FindStaticType("set_iterator");
    type.store(found, std::memory_order_release);
  }
  return found;
}

}  // namespace

// ---------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------

SetObject::SetObject() : table_(kMinSize) {}

SetObject::~SetObject() { weakrefs_.ClearAndCallCallbacks(); }

void SetObject::Clear(Object* self) {
  SetObject* set = AsSet(self);
  set->weakrefs_.ClearWithoutCallbacks();
  set->ClearItems();
}

void SetObject::Traverse(Object* self, const Visitor& visit) {
  for (const Entry& entry : AsSet(self)->table_) visit(entry.key);
}

bool SetObject::Next(size_t* pos, const Entry** entry) const {
  size_t i = *pos;
  while (i < table_.size() && !table_[i].key) ++i;
  *pos = i + 1;
  if (i >= table_.size()) return false;
  *entry = &table_[i];
  return true;
}

int64_t SetObject::Lookup(Object* key, int64_t hash) {
restart:
  size_t mask = this->mask();
  size_t perturb = static_cast<size_t>(hash);
  size_t i = perturb & mask;
  while (true) {
    // A run of neighbouring slots, then a jump elsewhere.
    size_t last = i + kLinearProbes <= mask ? i + kLinearProbes : i;
    for (size_t j = i; j <= last; ++j) {
      Entry& entry = table_[j];
      if (entry.hash == 0 && !entry.key) return static_cast<int64_t>(j);
      if (entry.hash != hash) continue;
      Object* start = entry.key.get();
      if (start == key) return static_cast<int64_t>(j);
      Ref<Object> hold = Ref<Object>::Borrow(start);
      const uint64_t version = table_version_;
      int equal = RichCompareBool(start, key, CompareOp::kEq);
      if (equal < 0) return -1;
      // The comparison ran arbitrary code: if it changed the table, start over.
      if (version != table_version_ || table_[j].key.get() != start) goto restart;
      if (equal > 0) return static_cast<int64_t>(j);
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

int SetObject::Add(Ref<Object> key, int64_t hash) {
  if (!CheckOwnedIfChecked(this) || !CheckOwnedIfChecked(key.get())) return -1;
restart:
  size_t mask = this->mask();
  size_t perturb = static_cast<size_t>(hash);
  size_t i = perturb & mask;
  Entry* free_slot = nullptr;
  while (true) {
    size_t last = i + kLinearProbes <= mask ? i + kLinearProbes : i;
    for (size_t j = i; j <= last; ++j) {
      Entry& entry = table_[j];
      if (entry.hash == 0 && !entry.key) {
        if (free_slot != nullptr) {  // reuse the dummy the probe passed
          free_slot->key = std::move(key);
          free_slot->hash = hash;
          ++used_;
          return 0;
        }
        entry.key = std::move(key);
        entry.hash = hash;
        ++fill_;
        ++used_;
        if (static_cast<size_t>(fill_) * 5 >= mask * 3)
          Resize(used_ > 50000 ? used_ * 2 : used_ * 4);
        return 0;
      }
      if (entry.hash == hash) {
        Object* start = entry.key.get();
        if (start == key.get()) return 0;
        Ref<Object> hold = Ref<Object>::Borrow(start);
        const uint64_t version = table_version_;
        int equal = RichCompareBool(start, key.get(), CompareOp::kEq);
        if (equal > 0) return 0;
        if (equal < 0) return -1;
        if (version != table_version_ || table_[j].key.get() != start) goto restart;
      } else if (entry.hash == -1) {
        free_slot = &entry;
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

// Places a key known to be absent into a table without dummies.
void SetObject::InsertClean(std::vector<Entry>& table, Ref<Object> key, int64_t hash) {
  const size_t mask = table.size() - 1;
  size_t perturb = static_cast<size_t>(hash);
  size_t i = perturb & mask;
  while (true) {
    size_t last = i + kLinearProbes <= mask ? i + kLinearProbes : i;
    for (size_t j = i; j <= last; ++j) {
      if (!table[j].key) {
        table[j].key = std::move(key);
        table[j].hash = hash;
        return;
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

// Rebuilds the table at the smallest size above `min_used`, dropping dummies.
void SetObject::Resize(int64_t min_used) {
  size_t new_size = kMinSize;
  while (new_size <= static_cast<size_t>(min_used)) new_size <<= 1;
  if (new_size == kMinSize && table_.size() == kMinSize && fill_ == used_) return;
  std::vector<Entry> old(new_size);
  old.swap(table_);
  for (Entry& entry : old) {
    if (entry.key) InsertClean(table_, std::move(entry.key), entry.hash);
  }
  fill_ = used_;
  ++table_version_;
}

void SetObject::Reserve(int64_t incoming) {
  if ((fill_ + incoming) * 5 >= static_cast<int64_t>(mask()) * 3) {
    Resize((used_ + incoming) * 2);
  }
}

void SetObject::CompactIfSparse() {
  if (static_cast<size_t>(fill_ - used_) <= mask() / 4) return;
  Resize(used_ > 50000 ? used_ * 2 : used_ * 4);
}

int SetObject::Contains(Object* key, int64_t hash) {
  int64_t index = Lookup(key, hash);
  if (index < 0) return -1;
  return table_[static_cast<size_t>(index)].key ? 1 : 0;
}

int SetObject::Discard(Object* key, int64_t hash) {
  int64_t index = Lookup(key, hash);
  if (index < 0) return -1;
  Entry& entry = table_[static_cast<size_t>(index)];
  if (!entry.key) return 0;
  Ref<Object> removed = std::move(entry.key);  // released once the table is consistent
  entry.hash = -1;
  --used_;
  return 1;
}

int SetObject::Merge(SetObject* other) {
  if (other == this || other->used_ == 0) return 0;
  Reserve(other->used_);
  // Into an empty table of the same size, without dummies to drop: the same layout.
  if (fill_ == 0 && mask() == other->mask() && other->fill_ == other->used_) {
    for (size_t i = 0; i < other->table_.size(); ++i) {
      if (other->table_[i].key) table_[i] = other->table_[i];
    }
    fill_ = other->fill_;
    used_ = other->used_;
    return 0;
  }
  if (fill_ == 0) {
    fill_ = used_ = other->used_;
    for (const Entry& entry : other->table_) {
      if (entry.key) InsertClean(table_, entry.key, entry.hash);
    }
    return 0;
  }
  // Duplicates are possible: compare. Re-read `other` at each step, as the
  // comparisons may change it.
  for (size_t i = 0; i < other->table_.size(); ++i) {
    const Entry& entry = other->table_[i];
    if (!entry.key) continue;
    if (Add(entry.key, entry.hash) != 0) return -1;
  }
  return 0;
}

void SetObject::ClearItems() {
  std::vector<Entry> old(kMinSize);
  old.swap(table_);
  fill_ = used_ = 0;
  cached_hash = -1;
  ++table_version_;
}

Ref<Object> SetObject::PopEntry() {
  if (used_ == 0) return nullptr;
  size_t i = finger_ & mask();
  while (!table_[i].key) i = i == mask() ? 0 : i + 1;
  Ref<Object> key = std::move(table_[i].key);
  table_[i].hash = -1;
  --used_;
  finger_ = i + 1;
  return key;
}

void SetObject::SwapBodies(SetObject* other) {
  table_.swap(other->table_);
  std::swap(fill_, other->fill_);
  std::swap(used_, other->used_);
  ++table_version_;
  ++other->table_version_;
  if (IsInstance(this, WellKnown::kFrozenSet) && IsInstance(other, WellKnown::kFrozenSet)) {
    std::swap(cached_hash, other->cached_hash);
  } else {
    cached_hash = other->cached_hash = -1;
  }
}

int64_t SetObject::ComputeFrozenSetHash() const {
  // Xor is commutative: the hash does not depend on the order of the elements.
  uint64_t hash = 0;
  for (const Entry& entry : table_) {
    if (entry.key) hash ^= ShuffleBits(static_cast<uint64_t>(entry.hash));
  }
  hash ^= (static_cast<uint64_t>(used_) + 1) * 1927868237u;
  // Disperse the patterns nested frozensets produce.
  hash ^= (hash >> 11) ^ (hash >> 25);
  hash = hash * 69069u + 907133923u;
  if (hash == static_cast<uint64_t>(-1)) hash = 590923713u;
  return static_cast<int64_t>(hash);
}

// ---------------------------------------------------------------------------
// Creating and using sets from C++
// ---------------------------------------------------------------------------

Ref<Object> NewSet() { return NewEmpty(WellKnownType(WellKnown::kSet)); }

Ref<Object> NewSetOfType(TypeObject* type, Object* iterable) {
  Ref<SetObject> set = NewEmpty(type);
  if (iterable != nullptr && !UpdateInternal(set.get(), iterable)) return nullptr;
  return set;
}

bool IsAnySet(const Object* object) {
  return IsInstance(object, WellKnown::kSet) || IsInstance(object, WellKnown::kFrozenSet);
}

bool SetAdd(Object* set, Object* key) { return AddKey(AsSet(set), key); }

int SetContains(Object* set, Object* key) {
  int found = ContainsKey(AsSet(set), key);
  if (found >= 0 || !IsSet(key) || !ExceptionMatches(WellKnown::kTypeError)) return found;
  ClearException();
  return AsSet(set)->Contains(key, AsSet(key)->ComputeFrozenSetHash());
}

bool SetUpdate(Object* set, Object* iterable) { return UpdateInternal(AsSet(set), iterable); }

int64_t SetSize(const Object* set) { return static_cast<const SetObject*>(set)->size(); }

// ---------------------------------------------------------------------------
// Slots
// ---------------------------------------------------------------------------

// "{1, 2}" for a set; "frozenset({1, 2})", "MySet({1, 2})" otherwise; "set()",
// "frozenset()" when empty.
Ref<Object> SetRepr(Object* self) {
  std::string_view name = TypeDisplayName(self->type());
  ReprGuard guard(self);
  if (guard.recursive()) return NewStr(StrCat(name, "(...)"));
  SetObject* set = AsSet(self);
  if (set->size() == 0) return NewStr(StrCat(name, "()"));
  // Take the elements first: their reprs may change the set.
  std::vector<Ref<Object>> keys;
  size_t position = 0;
  const SetObject::Entry* entry;
  while (set->Next(&position, &entry)) keys.push_back(entry->key);
  std::string items;
  for (const Ref<Object>& key : keys) {
    std::optional<std::string> text = ReprText(key.get());
    if (!text) return nullptr;
    if (!items.empty()) items += ", ";
    items += *text;
  }
  if (IsExactly(self, WellKnown::kSet)) return NewStr(StrCat("{", items, "}"));
  return NewStr(StrCat(name, "({", items, "})"));
}

int64_t SetLength(Object* self) { return AsSet(self)->size(); }

int SetContainsSlot(Object* self, Object* key) { return SetContains(self, key); }

Ref<Object> SetIter(Object* self) {
  TypeObject* type = SetIteratorType();
  if (type == nullptr) return Raise(WellKnown::kTypeError, "set_iterator is not linked");
  return Interpreter::Current()->NewObject<SetIteratorObject>(type, Ref<Object>::Borrow(self),
                                                              AsSet(self)->size());
}

Ref<Object> SetRichCompare(Object* self, Object* other, CompareOp op) {
  if (!IsAnySet(other)) return NotImplementedRef();
  SetObject* left = AsSet(self);
  SetObject* right = AsSet(other);
  switch (op) {
    case CompareOp::kEq:
      if (left->size() != right->size()) return BoolRef(false);
      // Two frozensets with known, different hashes differ.
      if (left->cached_hash != -1 && right->cached_hash != -1 &&
          left->cached_hash != right->cached_hash) {
        return BoolRef(false);
      }
      return IsSubset(self, other);
    case CompareOp::kNe: {
      Ref<Object> equal = SetRichCompare(self, other, CompareOp::kEq);
      if (!equal) return nullptr;
      return BoolRef(equal.get() != True());
    }
    case CompareOp::kLe:
      return IsSubset(self, other);
    case CompareOp::kGe:
      return IsSuperset(self, other);
    case CompareOp::kLt:
      if (left->size() >= right->size()) return BoolRef(false);
      return IsSubset(self, other);
    case CompareOp::kGt:
      if (left->size() <= right->size()) return BoolRef(false);
      return IsSuperset(self, other);
  }
  return NotImplementedRef();
}

Ref<Object> SetOr(Object* left, Object* right) {
  if (!IsAnySet(left) || !IsAnySet(right)) return NotImplementedRef();
  Ref<Object> result = Copy(left);
  if (!result || left == right) return result;
  if (AsSet(result.get())->Merge(AsSet(right)) != 0) return nullptr;
  return result;
}

Ref<Object> SetAnd(Object* left, Object* right) {
  if (!IsAnySet(left) || !IsAnySet(right)) return NotImplementedRef();
  return Intersection(left, right);
}

Ref<Object> SetSubtract(Object* left, Object* right) {
  if (!IsAnySet(left) || !IsAnySet(right)) return NotImplementedRef();
  return Difference(left, right);
}

Ref<Object> SetXor(Object* left, Object* right) {
  if (!IsAnySet(left) || !IsAnySet(right)) return NotImplementedRef();
  return SymmetricDifference(left, right);
}

// Computed once: a frozenset never changes.
int64_t FrozenSetHash(Object* self) {
  SetObject* set = AsSet(self);
  if (set->cached_hash == -1) set->cached_hash = set->ComputeFrozenSetHash();
  return set->cached_hash;
}

// ---------------------------------------------------------------------------
// Methods
// ---------------------------------------------------------------------------

Ref<Object> SetCopyMethod(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, Qualified(self, "copy"))) return nullptr;
  // An exact frozenset is its own copy.
  if (IsExactly(self, WellKnown::kFrozenSet)) return Ref<Object>::Borrow(self);
  return Copy(self);
}

Ref<Object> SetUnionMethod(Object* self, const CallArgs& args) {
  if (!CheckNoKeywords(args, Qualified(self, "union"))) return nullptr;
  Ref<Object> result = Copy(self);
  if (!result) return nullptr;
  for (Object* other : args.args) {
    if (other != self && !UpdateInternal(AsSet(result.get()), other)) return nullptr;
  }
  return result;
}

Ref<Object> SetIntersectionMethod(Object* self, const CallArgs& args) {
  if (!CheckNoKeywords(args, Qualified(self, "intersection"))) return nullptr;
  return IntersectionOfAll(self, args.args);
}

Ref<Object> SetDifferenceMethod(Object* self, const CallArgs& args) {
  if (!CheckNoKeywords(args, Qualified(self, "difference"))) return nullptr;
  return DifferenceOfAll(self, args.args);
}

Ref<Object> SetSymmetricDifferenceMethod(Object* self, const CallArgs& args) {
  return WithOneArg(self, args, "symmetric_difference", &SymmetricDifference);
}

Ref<Object> SetIsSubsetMethod(Object* self, const CallArgs& args) {
  return WithOneArg(self, args, "issubset", &IsSubset);
}

Ref<Object> SetIsSupersetMethod(Object* self, const CallArgs& args) {
  return WithOneArg(self, args, "issuperset", &IsSuperset);
}

Ref<Object> SetIsDisjointMethod(Object* self, const CallArgs& args) {
  return WithOneArg(self, args, "isdisjoint", &IsDisjoint);
}

Ref<Object> SetAddMethod(Object* self, const CallArgs& args) {
  if (!CheckOneArg(args, "set.add")) return nullptr;
  if (!AddKey(AsSet(self), args.args[0])) return nullptr;
  return NoneRef();
}

Ref<Object> SetDiscardMethod(Object* self, const CallArgs& args) {
  if (!CheckOneArg(args, "set.discard")) return nullptr;
  if (DiscardAllowingSetKey(AsSet(self), args.args[0]) < 0) return nullptr;
  return NoneRef();
}

Ref<Object> SetRemoveMethod(Object* self, const CallArgs& args) {
  if (!CheckOneArg(args, "set.remove")) return nullptr;
  int removed = DiscardAllowingSetKey(AsSet(self), args.args[0]);
  if (removed < 0) return nullptr;
  if (removed == 0) {
    RaiseKeyError(args.args[0]);
    return nullptr;
  }
  return NoneRef();
}

Ref<Object> SetPopMethod(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "set.pop")) return nullptr;
  Ref<Object> key = AsSet(self)->PopEntry();
  if (!key) return Raise(WellKnown::kKeyError, "pop from an empty set");
  return key;
}

Ref<Object> SetClearMethod(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "set.clear")) return nullptr;
  AsSet(self)->ClearItems();
  return NoneRef();
}

Ref<Object> SetUpdateMethod(Object* self, const CallArgs& args) {
  return UpdateWithEach(self, args, "set.update", &UpdateInternal);
}

Ref<Object> SetIntersectionUpdateMethod(Object* self, const CallArgs& args) {
  if (!CheckNoKeywords(args, "set.intersection_update")) return nullptr;
  Ref<Object> common = IntersectionOfAll(self, args.args);
  if (!common) return nullptr;
  AsSet(self)->SwapBodies(AsSet(common.get()));
  return NoneRef();
}

Ref<Object> SetDifferenceUpdateMethod(Object* self, const CallArgs& args) {
  return UpdateWithEach(self, args, "set.difference_update", &DifferenceUpdate);
}

Ref<Object> SetSymmetricDifferenceUpdateMethod(Object* self, const CallArgs& args) {
  if (!CheckOneArg(args, "set.symmetric_difference_update")) return nullptr;
  if (!SymmetricDifferenceUpdate(AsSet(self), args.args[0])) return nullptr;
  return NoneRef();
}

}  // namespace islet
