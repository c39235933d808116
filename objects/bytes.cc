#include "objects/bytes.h"

#include "interp/interpreter.h"
#include "objects/str.h"
#include "objects/well_known.h"

namespace islet {

Ref<Object> NewBytes(std::string_view data) {
  return NewBytesOfType(WellKnownType(WellKnown::kBytes), std::string(data));
}

Ref<Object> NewBytesOfType(TypeObject* type, std::string data) {
  return Interpreter::Current()->NewObject<BytesObject>(type, std::move(data));
}

std::string_view BytesView(const Object* bytes) {
  return static_cast<const BytesObject*>(bytes)->data;
}

std::string BytesReprText(std::string_view data) {
  const char quote = ReprQuote(data);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "b";
  out.reserve(data.size() + 3);
  out.push_back(quote);
  for (char c : data) {
    unsigned char byte = static_cast<unsigned char>(c);
    if (AppendQuoteOrWhitespaceEscape(out, byte, quote)) continue;
    if (byte < 0x20 || byte >= 0x7f) {
      out.append("\\x");
      out.push_back(kHex[byte >> 4]);
      out.push_back(kHex[byte & 0xf]);
    } else {
      out.push_back(c);
    }
  }
  out.push_back(quote);
  return out;
}

int64_t HashBytes(std::string_view data) {
  if (data.empty()) return 0;
  uint64_t hash = 0xcbf29ce484222325ull;
  for (char c : data) hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
  int64_t result = static_cast<int64_t>(hash);
  return result == -1 ? -2 : result;
}

}  // namespace islet
