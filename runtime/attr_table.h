// AttrTable: an insertion-ordered map from interned Name to object, the storage
// behind type and instance dicts. Ordered like Python dicts, so `__dict__` lists
// entries in definition order.

#ifndef ISLET_RUNTIME_ATTR_TABLE_H_
#define ISLET_RUNTIME_ATTR_TABLE_H_

#include <cstddef>
#include <utility>
#include <vector>

#include "runtime/name.h"
#include "runtime/object.h"

namespace islet {

class AttrTable {
 public:
  struct Entry {
    const Name* name;
    Ref<Object> value;
  };

  // Returns the value stored under `name` (borrowed), or nullptr.
  Object* Get(const Name* name) const {
    const Entry* entry = FindEntry(name);
    return entry ? entry->value.get() : nullptr;
  }
  // Stores `value` under `name`, replacing (in place) any earlier value.
  void Set(const Name* name, Ref<Object> value);
  // Removes `name`; returns false if it was absent.
  bool Remove(const Name* name);
  // Drops every entry. The values are released after the table is already empty,
  // so a destructor that looks at this table sees a consistent (empty) state.
  void Clear();

  size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  const std::vector<Entry>& entries() const { return entries_; }

 private:
  // Tables are small (a type's members, an instance's attributes): a linear scan
  // over pointer comparisons beats hashing at these sizes.
  const Entry* FindEntry(const Name* name) const {
    for (const Entry& entry : entries_) {
      if (entry.name == name) return &entry;
    }
    return nullptr;
  }

  std::vector<Entry> entries_;
};

}  // namespace islet

#endif  // ISLET_RUNTIME_ATTR_TABLE_H_
