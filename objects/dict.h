// DictObject: Python's dict, an insertion-ordered hash table keyed by any hashable
// object. Keys are hashed and compared through the object protocol (Hash, ==),
// which may run arbitrary code and fail, so every operation that looks a key up
// can fail (-1 / false with an exception pending), and a lookup whose comparison
// changed the dict starts over instead of trusting stale slots.
//
// The layout is CPython's compact dict: `entries` holds (hash, key, value) in
// insertion order; `indices` is an open-addressed table of positions in
// `entries`, probed with CPython's perturbation scheme. Deleting leaves a
// tombstone in both (a null key, a dummy index) so probe chains stay intact;
// tombstones go when the table is rebuilt, which happens only when an insertion
// finds no room.
//
//   Ref<Object> dict = NewDict();
//   if (!DictSet(dict.get(), key, value)) return nullptr;  // unhashable key, failing ==
//   Object* value;
//   int found = DictGet(dict.get(), key, &value);           // 1, 0 (absent), -1 (error)
//   int64_t position = 0;
//   Object *k, *v;
//   while (DictNext(dict.get(), &position, &k, &v)) { ... }

#ifndef ISLET_OBJECTS_DICT_H_
#define ISLET_OBJECTS_DICT_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "runtime/attr_table.h"
#include "runtime/object.h"
#include "runtime/type_object.h"

namespace islet {

class DictObject : public Object {
 public:
  DictObject() = default;

  // Live entries.
  int64_t size() const { return used_; }

  // The methods below take the key's hash (Hash(key), never -1); the free
  // functions further down compute it.

  // 1 with *value (borrowed) if `key` is present, 0 if absent, -1 on error.
  int Get(Object* key, int64_t hash, Object** value);
  // Stores `value` under `key`; an equal key already present keeps its place (and
  // its key object) and gets the new value.
  bool Set(Ref<Object> key, int64_t hash, Ref<Object> value);
  // Removes `key`: 1 with *value set to what it held, 0 if absent, -1 on error.
  int Pop(Object* key, int64_t hash, Ref<Object>* value);
  // Removes the most recently inserted entry; false if the dict is empty.
  bool PopLast(Ref<Object>* key, Ref<Object>* value);
  // The next live entry at or after *position (borrowed), advancing *position
  // past it; false at the end. Positions stay valid across lookups and value
  // changes; inserting or deleting may move entries (iterators detect it by size).
  bool Next(int64_t* position, Object** key, Object** value, int64_t* hash = nullptr) const;
  // Drops every entry. References are released after the dict is already empty.
  void Clear();
  // Fills this dict, which must be empty, with `other`'s entries (no comparisons:
  // its keys are known to be distinct).
  void CopyFrom(const DictObject& other);

  // TypeSlots::clear.
  static void ClearSlot(Object* self) { static_cast<DictObject*>(self)->Clear(); }
  // TypeSlots::traverse: the keys and values.
  static void Traverse(Object* self, const Visitor& visit);

 private:
  struct Entry {
    int64_t hash;
    Ref<Object> key;  // null: deleted
    Ref<Object> value;
  };
  // Index-table markers; other values are positions in entries_.
  static constexpr int64_t kEmptySlot = -1;
  static constexpr int64_t kDummySlot = -2;
  // Results of Find besides a position.
  static constexpr int64_t kAbsent = -1;
  static constexpr int64_t kError = -2;

  // The position of `key` in entries_, kAbsent or kError.
  int64_t Find(Object* key, int64_t hash);
  // The index slot holding `position` (which must be live).
  size_t SlotOf(int64_t hash, int64_t position) const;
  // The first empty or dummy slot along `hash`'s probe sequence.
  size_t FreeSlotFor(int64_t hash) const;
  // Appends a key known to be absent; makes room first if needed.
  void Append(Ref<Object> key, int64_t hash, Ref<Object> value);
  // Rebuilds the index table with at least `min_size` slots (a power of two, at
  // least 8), compacting entries_ (tombstones go).
  void Rebuild(int64_t min_size);

  std::vector<Entry> entries_;
  std::vector<int64_t> indices_;  // size 0 or a power of two >= 8
  int64_t used_ = 0;              // live entries
  int64_t usable_ = 0;            // appends left before the table must be rebuilt
  // Bumped whenever entries may have moved or the key set changed; a lookup that
  // ran code (a key's ==) restarts if it changed meanwhile.
  uint64_t version_ = 0;
};

// A new, empty dict.
Ref<Object> NewDict();

// The functions below take a dict (or subclass instance) and hash the key through
// the protocol: an unhashable key raises "TypeError: unhashable type: 'list'".

// 1 with *value (borrowed) if `key` is present, 0 if absent, -1 on error. The value
// stays valid until the dict changes or arbitrary code runs; hold a Ref across that.
int DictGet(Object* dict, Object* key, Object** value);
// Stores `value` under `key`. RuntimeError, in every build, if `dict`, `key` or
// `value` belongs to another interpreter (interp/ownership.h).
bool DictSet(Object* dict, Object* key, Object* value);
// 1 if `key` was removed, 0 if it was absent (nothing raised), -1 on error.
int DictDelete(Object* dict, Object* key);
// Removes `key`: 1 with *value set, 0 if absent (nothing raised), -1 on error.
int DictPop(Object* dict, Object* key, Ref<Object>* value);
int64_t DictSize(const Object* dict);
// Iterates in insertion order; see DictObject::Next.
bool DictNext(Object* dict, int64_t* position, Object** key, Object** value);
void DictClear(Object* dict);
// A new dict (exactly `dict`, never a subclass) with the same entries.
Ref<Object> DictCopy(Object* dict);

// dict.update(other) for a positional argument: a dict, any object with keys()
// (merged through keys() and []), or else an iterable of key-value pairs.
bool DictUpdate(Object* dict, Object* other);
// Merges a dict or a mapping (an object with keys() and []).
bool DictMerge(Object* dict, Object* mapping);
// Merges an iterable of pairs, with CPython's messages for bad elements.
bool DictMergeFromPairs(Object* dict, Object* iterable);

// A dict of `table`'s entries with str keys, in the table's order; `table` may be
// null (an empty dict). Used to show a type's attributes as a dict.
Ref<Object> NewDictFromAttrTable(const AttrTable* table);

// Raises KeyError whose args are (key,), as a failed d[key] does.
std::nullptr_t RaiseKeyError(Object* key);

}  // namespace islet

#endif  // ISLET_OBJECTS_DICT_H_
