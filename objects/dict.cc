#include "objects/dict.h"

#include "interp/interpreter.h"
#include "interp/ownership.h"
#include "objects/errors.h"
#include "objects/exception.h"
#include "objects/list.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/well_known.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

DictObject* AsDict(Object* dict) { return static_cast<DictObject*>(dict); }

// CPython's probe sequence: i = 5i + 1 + perturb, with the hash's high bits
// shifted in, visits every slot of a power-of-two table.
constexpr int kPerturbShift = 5;

// The usable part of a table of `size` slots: two thirds, as in CPython.
int64_t UsableFraction(int64_t size) { return size * 2 / 3; }

}  // namespace

// ---------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------

int64_t DictObject::Find(Object* key, int64_t hash) {
restart:
  if (indices_.empty()) return kAbsent;
  const size_t mask = indices_.size() - 1;
  uint64_t perturb = static_cast<uint64_t>(hash);
  size_t slot = perturb & mask;
  for (;;) {
    const int64_t position = indices_[slot];
    if (position == kEmptySlot) return kAbsent;
    if (position >= 0) {
      const Entry& entry = entries_[static_cast<size_t>(position)];
      if (entry.key.get() == key) return position;
      if (entry.hash == hash) {
        // == may run code that changes this dict (or frees the key): hold the key,
        // and look again from the start if anything moved.
        Ref<Object> candidate = entry.key;
        const uint64_t version = version_;
        const int equal = RichCompareBool(candidate.get(), key, CompareOp::kEq);
        if (equal < 0) return kError;
        if (version != version_) goto restart;
        if (equal > 0) return position;
      }
    }
    perturb >>= kPerturbShift;
    slot = (slot * 5 + perturb + 1) & mask;
  }
}

size_t DictObject::SlotOf(int64_t hash, int64_t position) const {
  const size_t mask = indices_.size() - 1;
  uint64_t perturb = static_cast<uint64_t>(hash);
  size_t slot = perturb & mask;
  while (indices_[slot] != position) {
    perturb >>= kPerturbShift;
    slot = (slot * 5 + perturb + 1) & mask;
  }
  return slot;
}

size_t DictObject::FreeSlotFor(int64_t hash) const {
  const size_t mask = indices_.size() - 1;
  uint64_t perturb = static_cast<uint64_t>(hash);
  size_t slot = perturb & mask;
  while (indices_[slot] >= 0) {
    perturb >>= kPerturbShift;
    slot = (slot * 5 + perturb + 1) & mask;
  }
  return slot;
}

void DictObject::Rebuild(int64_t min_size) {
  int64_t size = 8;
  while (size < min_size) size <<= 1;
  std::vector<Entry> live;
  live.reserve(static_cast<size_t>(UsableFraction(size)));
  // Tombstones hold no references, so nothing is released here.
  for (Entry& entry : entries_) {
    if (entry.key) live.push_back(std::move(entry));
  }
  entries_ = std::move(live);
  indices_.assign(static_cast<size_t>(size), kEmptySlot);
  for (size_t position = 0; position < entries_.size(); ++position) {
    indices_[FreeSlotFor(entries_[position].hash)] = static_cast<int64_t>(position);
  }
  usable_ = UsableFraction(size) - used_;
  ++version_;
}

void DictObject::Append(Ref<Object> key, int64_t hash, Ref<Object> value) {
  // Room for as many again as are live (CPython's growth rate, used * 3 slots).
  if (usable_ <= 0) Rebuild(used_ * 3);
  indices_[FreeSlotFor(hash)] = static_cast<int64_t>(entries_.size());
  entries_.push_back(Entry{hash, std::move(key), std::move(value)});
  ++used_;
  --usable_;
  ++version_;
}

int DictObject::Get(Object* key, int64_t hash, Object** value) {
  const int64_t position = Find(key, hash);
  if (position == kError) return -1;
  if (position == kAbsent) {
    *value = nullptr;
    return 0;
  }
  *value = entries_[static_cast<size_t>(position)].value.get();
  return 1;
}

bool DictObject::Set(Ref<Object> key, int64_t hash, Ref<Object> value) {
  if (!CheckOwnedIfChecked(this) || !CheckOwnedIfChecked(key.get()) ||
      !CheckOwnedIfChecked(value.get())) {
    return false;
  }
  const int64_t position = Find(key.get(), hash);
  if (position == kError) return false;
  if (position == kAbsent) {
    Append(std::move(key), hash, std::move(value));
    return true;
  }
  // The old value goes after the entry holds the new one.
  Ref<Object> old = std::move(entries_[static_cast<size_t>(position)].value);
  entries_[static_cast<size_t>(position)].value = std::move(value);
  return true;
}

int DictObject::Pop(Object* key, int64_t hash, Ref<Object>* value) {
  const int64_t position = Find(key, hash);
  if (position == kError) return -1;
  if (position == kAbsent) return 0;
  indices_[SlotOf(hash, position)] = kDummySlot;
  Entry& entry = entries_[static_cast<size_t>(position)];
  Ref<Object> old_key = std::move(entry.key);  // released on return, the dict consistent
  *value = std::move(entry.value);
  --used_;
  ++version_;
  return 1;
}

bool DictObject::PopLast(Ref<Object>* key, Ref<Object>* value) {
  int64_t position = static_cast<int64_t>(entries_.size()) - 1;
  while (position >= 0 && !entries_[static_cast<size_t>(position)].key) --position;
  if (position < 0) return false;
  Entry& entry = entries_[static_cast<size_t>(position)];
  indices_[SlotOf(entry.hash, position)] = kDummySlot;
  *key = std::move(entry.key);
  *value = std::move(entry.value);
  // Its position (and the tombstones after it) can be reused; its index slot
  // stays a dummy, so usable_ does not grow back.
  entries_.resize(static_cast<size_t>(position));
  --used_;
  ++version_;
  return true;
}

bool DictObject::Next(int64_t* position, Object** key, Object** value, int64_t* hash) const {
  for (int64_t i = *position; i < static_cast<int64_t>(entries_.size()); ++i) {
    const Entry& entry = entries_[static_cast<size_t>(i)];
    if (!entry.key) continue;
    *position = i + 1;
    *key = entry.key.get();
    *value = entry.value.get();
    if (hash != nullptr) *hash = entry.hash;
    return true;
  }
  *position = static_cast<int64_t>(entries_.size());
  return false;
}

void DictObject::Clear() {
  std::vector<Entry> entries;
  entries.swap(entries_);
  std::vector<int64_t> indices;
  indices.swap(indices_);
  used_ = 0;
  usable_ = 0;
  ++version_;
  // `entries` releases its references here, with this dict already empty.
}

void DictObject::Traverse(Object* self, const Visitor& visit) {
  for (const Entry& entry : static_cast<DictObject*>(self)->entries_) {
    visit(entry.key);
    visit(entry.value);
  }
}

void DictObject::CopyFrom(const DictObject& other) {
  if (other.used_ == 0) return;
  Rebuild((other.used_ * 3 + 1) / 2);
  for (const Entry& entry : other.entries_) {
    if (entry.key) Append(entry.key, entry.hash, entry.value);
  }
}

// ---------------------------------------------------------------------------
// Through the protocol
// ---------------------------------------------------------------------------

Ref<Object> NewDict() {
  return Interpreter::Current()->NewObject<DictObject>(WellKnownType(WellKnown::kDict));
}

int DictGet(Object* dict, Object* key, Object** value) {
  const int64_t hash = Hash(key);
  if (hash == -1) return -1;
  return AsDict(dict)->Get(key, hash, value);
}

bool DictSet(Object* dict, Object* key, Object* value) {
  // An embedding API entry point: checked in every build (Hash checks the key),
  // before hashing can run code.
  if (!CheckOwned(dict) || !CheckOwned(value)) return false;
  const int64_t hash = Hash(key);
  if (hash == -1) return false;
  return AsDict(dict)->Set(Ref<Object>::Borrow(key), hash, Ref<Object>::Borrow(value));
}

int DictDelete(Object* dict, Object* key) {
  Ref<Object> value;
  return DictPop(dict, key, &value);
}

int DictPop(Object* dict, Object* key, Ref<Object>* value) {
  const int64_t hash = Hash(key);
  if (hash == -1) return -1;
  return AsDict(dict)->Pop(key, hash, value);
}

int64_t DictSize(const Object* dict) { return static_cast<const DictObject*>(dict)->size(); }

bool DictNext(Object* dict, int64_t* position, Object** key, Object** value) {
  return AsDict(dict)->Next(position, key, value);
}

void DictClear(Object* dict) { AsDict(dict)->Clear(); }

Ref<Object> DictCopy(Object* dict) {
  Ref<DictObject> copy =
      Interpreter::Current()->NewObject<DictObject>(WellKnownType(WellKnown::kDict));
  copy->CopyFrom(*AsDict(dict));
  return copy;
}

namespace {

// Whether `object` is a dict iterated as a dict (a subclass may override
// iteration, and then is merged as any mapping).
bool IteratesAsDict(Object* object) {
  return IsInstance(object, WellKnown::kDict) &&
         object->type()->slots().iter == WellKnownType(WellKnown::kDict)->slots().iter;
}

bool MergeDict(DictObject* dict, DictObject* other) {
  if (dict == other) return true;
  const int64_t expected = other->size();
  int64_t position = 0;
  Object* key;
  Object* value;
  int64_t hash;
  while (other->Next(&position, &key, &value, &hash)) {
    // Storing may run code (a key's ==): hold what we store.
    Ref<Object> held_key = Ref<Object>::Borrow(key);
    Ref<Object> held_value = Ref<Object>::Borrow(value);
    if (!dict->Set(std::move(held_key), hash, std::move(held_value))) return false;
    if (other->size() != expected) {
      Raise(WellKnown::kRuntimeError, "dict mutated during update");
      return false;
    }
  }
  return true;
}

// Merges `mapping` through its keys() result and [].
bool MergeThroughKeys(Object* dict, Object* mapping, Object* keys_method) {
  Ref<Object> keys = Call(keys_method, {});
  if (!keys) return false;
  Ref<Object> iterator = GetIter(keys.get());
  if (!iterator) return false;
  while (Ref<Object> key = IterNext(iterator.get())) {
    Ref<Object> value = GetItem(mapping, key.get());
    if (!value || !DictSet(dict, key.get(), value.get())) return false;
  }
  return !ExceptionPending();
}

}  // namespace

bool DictMerge(Object* dict, Object* mapping) {
  if (IteratesAsDict(mapping)) return MergeDict(AsDict(dict), AsDict(mapping));
  Ref<Object> keys_method = GetAttr(mapping, "keys");
  if (!keys_method) return false;
  return MergeThroughKeys(dict, mapping, keys_method.get());
}

bool DictUpdate(Object* dict, Object* other) {
  if (IteratesAsDict(other)) return MergeDict(AsDict(dict), AsDict(other));
  Ref<Object> keys_method = GetAttr(other, "keys");
  if (keys_method) return MergeThroughKeys(dict, other, keys_method.get());
  if (!ExceptionMatches(WellKnown::kAttributeError)) return false;
  ClearException();
  return DictMergeFromPairs(dict, other);
}

bool DictMergeFromPairs(Object* dict, Object* iterable) {
  Ref<Object> iterator = GetIter(iterable);
  if (!iterator) return false;
  for (int64_t index = 0;; ++index) {
    Ref<Object> item = IterNext(iterator.get());
    if (!item) return !ExceptionPending();
    std::vector<Ref<Object>> pair;
    if (!AppendIterable(pair, item.get())) {
      if (ExceptionMatches(WellKnown::kTypeError)) {
        ClearException();
        Raise(WellKnown::kTypeError, StrCat("cannot convert dictionary update sequence element #",
                                            index, " to a sequence"));
      }
      return false;
    }
    if (pair.size() != 2) {
      Raise(WellKnown::kValueError, StrCat("dictionary update sequence element #", index,
                                           " has length ", pair.size(), "; 2 is required"));
      return false;
    }
    if (!DictSet(dict, pair[0].get(), pair[1].get())) return false;
  }
}

Ref<Object> NewDictFromAttrTable(const AttrTable* table) {
  Ref<Object> dict = NewDict();
  if (table == nullptr) return dict;
  for (const AttrTable::Entry& entry : table->entries()) {
    Ref<Object> key = NewStr(entry.name->text());
    if (!DictSet(dict.get(), key.get(), entry.value.get())) return nullptr;
  }
  return dict;
}

std::nullptr_t RaiseKeyError(Object* key) {
  return RaiseObject(NewException(WellKnownType(WellKnown::kKeyError), NewTuple({key})));
}

}  // namespace islet
