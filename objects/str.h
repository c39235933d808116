// StrObject: Python's str. Text is stored as UTF-8; the length in code points and
// whether it is all ASCII (so indexing is by byte) are computed once.

#ifndef ISLET_OBJECTS_STR_H_
#define ISLET_OBJECTS_STR_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/object.h"

namespace islet {

class StrObject : public Object {
 public:
  StrObject(std::string utf8, int64_t length, bool ascii)
      : text_(std::move(utf8)), length_(length), ascii_(ascii) {}
  constexpr explicit StrObject(ImmortalTag tag) : Object(tag) {}

  std::string_view view() const { return text_; }
  // Length in code points.
  int64_t length() const { return length_; }
  bool is_ascii() const { return ascii_; }

  // -1 until computed. Never written for immortal strs (shared by threads); their
  // hash is computed when the runtime readies them.
  int64_t cached_hash = -1;

 private:
  std::string text_;
  int64_t length_ = 0;
  bool ascii_ = true;
};

// A new str from UTF-8 text (the empty str is an immortal singleton). The text
// must be valid UTF-8; use DecodeUtf8 for untrusted bytes.
Ref<Object> NewStr(std::string_view utf8);
// The UTF-8 text of a str (or subclass instance).
std::string_view StrView(const Object* str);
// Code points in valid UTF-8 text; -1 if it is not valid UTF-8.
int64_t Utf8Length(std::string_view text);

}  // namespace islet

#endif  // ISLET_OBJECTS_STR_H_
