// Interned identifiers: attribute and type names compared by pointer.
//
// Two tables, so that nothing shared is ever written after the runtime freezes:
//   - the runtime's table holds the names builtin types use; it is built when the
//     registry freezes and is read-only (no lock) until Finalize;
//   - each interpreter has its own table for the names its programs make up.
// Interning a text returns the runtime's Name if there is one, else the
// interpreter's, so within one interpreter equal texts always give the same pointer.

#ifndef ISLET_RUNTIME_NAME_H_
#define ISLET_RUNTIME_NAME_H_

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>

#include "absl/container/flat_hash_map.h"

namespace islet {

// Name is one interned identifier. Names live as long as the table that made them.
class Name {
 public:
  explicit Name(std::string_view text) : text_(text), hash_(HashText(text)) {}
  Name(const Name&) = delete;
  Name& operator=(const Name&) = delete;

  std::string_view text() const { return text_; }
  uint64_t hash() const { return hash_; }

  // FNV-1a; stable across runs so cache slots are reproducible.
  static constexpr uint64_t HashText(std::string_view text) {
    uint64_t hash = 0xcbf29ce484222325ull;
    for (char c : text) hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
    return hash;
  }

 private:
  std::string text_;
  uint64_t hash_;
};

// NameTable owns a set of Names and finds them by text.
class NameTable {
 public:
  NameTable() = default;
  NameTable(const NameTable&) = delete;
  NameTable& operator=(const NameTable&) = delete;

  // Returns the Name for `text`, creating it if needed.
  const Name* Intern(std::string_view text);
  // Returns the Name for `text`, or nullptr if this table has none.
  const Name* Find(std::string_view text) const;
  size_t size() const { return by_text_.size(); }

 private:
  // A deque never moves its elements. Allocated on first Intern: libstdc++'s
  // deque allocates even when empty, and most interpreters intern nothing.
  std::unique_ptr<std::deque<Name>> names_;
  absl::flat_hash_map<std::string_view, const Name*> by_text_;
};

}  // namespace islet

#endif  // ISLET_RUNTIME_NAME_H_
