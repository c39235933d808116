#include "objects/str.h"

#include "interp/interpreter.h"
#include "objects/immortals.h"
#include "objects/well_known.h"

namespace islet {

int64_t Utf8Length(std::string_view text) {
  int64_t count = 0;
  size_t i = 0;
  while (i < text.size()) {
    unsigned char lead = static_cast<unsigned char>(text[i]);
    size_t width = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xe ? 3
                                   : (lead >> 3) == 0x1e ? 4 : 0;
    if (width == 0 || i + width > text.size()) return -1;
    for (size_t k = 1; k < width; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xc0) != 0x80) return -1;
    }
    i += width;
    ++count;
  }
  return count;
}

Ref<Object> NewStr(std::string_view utf8) {
  if (utf8.empty()) return Ref<Object>::Borrow(EmptyStr());
  int64_t length = Utf8Length(utf8);
  bool ascii = length == static_cast<int64_t>(utf8.size());
  return Interpreter::Current()->NewObject<StrObject>(WellKnownType(WellKnown::kStr),
                                                      std::string(utf8), length, ascii);
}

std::string_view StrView(const Object* str) { return static_cast<const StrObject*>(str)->view(); }

}  // namespace islet
