#include "runtime/attr_table.h"

namespace islet {

void AttrTable::Set(const Name* name, Ref<Object> value) {
  for (Entry& entry : entries_) {
    if (entry.name == name) {
      // Swap first so the old value is released after the table is updated.
      std::swap(entry.value, value);
      return;
    }
  }
  entries_.push_back(Entry{name, std::move(value)});
}

bool AttrTable::Remove(const Name* name) {
  for (auto it = entries_.begin(); it != entries_.end(); ++it) {
    if (it->name == name) {
      Ref<Object> old = std::move(it->value);
      entries_.erase(it);
      return true;  // `old` is released here, after the erase
    }
  }
  return false;
}

void AttrTable::Clear() {
  std::vector<Entry> old;
  old.swap(entries_);
}

}  // namespace islet
