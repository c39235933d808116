// AttributeCache: an interpreter's cache of type attribute lookups, keyed by
// (version tag, interned name), like CPython's type cache but per interpreter.
//
// Correctness rests on tags, never on flushing the right entries: a static type's
// tag never changes while the runtime lives, so a change to its per-interpreter
// dict clears this interpreter's whole cache (rare: embedder set-up); a heap type
// and all its subclasses get fresh, never reused tags when it changes. Tag 0 means
// "do not cache", so a type out of tags is looked up the slow way, never wrongly.

#ifndef ISLET_INTERP_ATTRIBUTE_CACHE_H_
#define ISLET_INTERP_ATTRIBUTE_CACHE_H_

#include <cstddef>
#include <cstdint>
#include <memory>

#include "runtime/name.h"
#include "runtime/object.h"

namespace islet {

class AttributeCache {
 public:
  static constexpr size_t kEntries = 1024;  // a power of two

  // On a hit, sets *value (borrowed; nullptr caches "not found") and returns true.
  bool Find(uint32_t version, const Name* name, Object** value) const {
    if (!entries_) return false;
    const Entry& entry = entries_[Slot(version, name)];
    if (entry.version != version || entry.name != name) return false;
    *value = entry.value;
    return true;
  }
  // Remembers a lookup result. `version` must not be 0.
  void Store(uint32_t version, const Name* name, Object* value) {
    if (!entries_) entries_ = std::make_unique<Entry[]>(kEntries);  // idle interpreters pay nothing
    entries_[Slot(version, name)] = Entry{version, name, value};
  }
  void Clear() { entries_.reset(); }

 private:
  struct Entry {
    uint32_t version = 0;
    const Name* name = nullptr;
    Object* value = nullptr;
  };

  static size_t Slot(uint32_t version, const Name* name) {
    return static_cast<size_t>((name->hash() ^ (uint64_t{version} * 0x9e3779b97f4a7c15ull)) >> 32) &
           (kEntries - 1);
  }

  std::unique_ptr<Entry[]> entries_;
};

}  // namespace islet

#endif  // ISLET_INTERP_ATTRIBUTE_CACHE_H_
