#include "objects/str.h"

#include <algorithm>
#include <cstdio>

#include "interp/interpreter.h"
#include "objects/bytes.h"
#include "objects/errors.h"
#include "objects/immortals.h"
#include "objects/unicode/unicode_db.h"
#include "objects/well_known.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

// How the UTF-8 sequence starting at data[i] decodes: `length` bytes of a valid
// sequence, or an error covering `length` bytes (the bytes CPython's decoder
// reports: the lead byte and the valid continuation bytes after it).
struct Utf8Step {
  size_t length;
  const char* error;  // nullptr when valid
};

Utf8Step ExamineUtf8(std::string_view data, size_t i) {
  unsigned char lead = static_cast<unsigned char>(data[i]);
  if (lead < 0x80) return {1, nullptr};
  size_t need;
  unsigned char low = 0x80;
  unsigned char high = 0xbf;
  if (lead < 0xc2) {
    return {1, "invalid start byte"};  // continuation bytes and overlong 2-byte leads
  } else if (lead < 0xe0) {
    need = 2;
  } else if (lead < 0xf0) {
    need = 3;
    if (lead == 0xe0) low = 0xa0;   // overlong
    if (lead == 0xed) high = 0x9f;  // surrogates
  } else if (lead < 0xf5) {
    need = 4;
    if (lead == 0xf0) low = 0x90;   // overlong
    if (lead == 0xf4) high = 0x8f;  // above U+10FFFF
  } else {
    return {1, "invalid start byte"};
  }
  for (size_t k = 1; k < need; ++k) {
    if (i + k >= data.size()) return {data.size() - i, "unexpected end of data"};
    unsigned char byte = static_cast<unsigned char>(data[i + k]);
    bool valid = k == 1 ? byte >= low && byte <= high : byte >= 0x80 && byte <= 0xbf;
    if (!valid) return {k, "invalid continuation byte"};
  }
  return {need, nullptr};
}

// --- Codec names and error handlers ---

enum class Codec { kUtf8, kAscii, kLatin1 };

std::string_view CodecName(Codec codec) {
  switch (codec) {
    case Codec::kUtf8:
      return "utf-8";
    case Codec::kAscii:
      return "ascii";
    case Codec::kLatin1:
      return "latin-1";
  }
  return "";
}

// Python's encoding-name normalization (case, '-' and ' ' are not significant),
// then the aliases Python's encodings package knows for these three codecs.
bool FindCodec(std::string_view encoding, Codec* codec) {
  std::string name;
  for (char c : encoding) {
    name.push_back(c == '-' || c == ' ' ? '_' : (c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
  }
  static constexpr std::string_view kUtf8[] = {"utf_8", "utf8", "u8", "utf", "cp65001"};
  static constexpr std::string_view kAscii[] = {"ascii", "us_ascii", "646"};
  static constexpr std::string_view kLatin1[] = {
      "latin_1", "latin1", "iso_8859_1", "iso8859_1",  "8859",
      "cp819",   "l1",     "latin",      "iso_ir_100", "csisolatin1"};
  for (std::string_view alias : kUtf8) {
    if (name == alias) return *codec = Codec::kUtf8, true;
  }
  for (std::string_view alias : kAscii) {
    if (name == alias) return *codec = Codec::kAscii, true;
  }
  for (std::string_view alias : kLatin1) {
    if (name == alias) return *codec = Codec::kLatin1, true;
  }
  Raise(WellKnown::kLookupError, StrCat("unknown encoding: ", encoding));
  return false;
}

enum class ErrorHandler { kStrict, kIgnore, kReplace, kBackslashReplace };

// Looked up only when an error needs it, as CPython does.
bool FindErrorHandler(std::string_view errors, ErrorHandler* handler) {
  if (errors == "strict") return *handler = ErrorHandler::kStrict, true;
  if (errors == "ignore") return *handler = ErrorHandler::kIgnore, true;
  if (errors == "replace") return *handler = ErrorHandler::kReplace, true;
  if (errors == "backslashreplace") return *handler = ErrorHandler::kBackslashReplace, true;
  Raise(WellKnown::kLookupError, StrCat("unknown error handler name '", errors, "'"));
  return false;
}

std::string HexByte(unsigned char byte) {
  char text[8];
  std::snprintf(text, sizeof(text), "%02x", byte);
  return text;
}

// The escape UnicodeEncodeError messages use for a code point: always escaped,
// even when printable.
std::string EscapedCodePoint(uint32_t code_point) {
  char text[16];
  if (code_point <= 0xff) {
    std::snprintf(text, sizeof(text), "\\x%02x", code_point);
  } else if (code_point <= 0xffff) {
    std::snprintf(text, sizeof(text), "\\u%04x", code_point);
  } else {
    std::snprintf(text, sizeof(text), "\\U%08x", code_point);
  }
  return text;
}

// UnicodeDecodeError's text for the bytes [start, end) of `data`.
std::nullptr_t RaiseDecodeError(Codec codec, std::string_view data, size_t start, size_t end,
                                std::string_view reason) {
  if (end - start == 1) {
    return Raise(WellKnown::kValueError,
                 StrCat("'", CodecName(codec), "' codec can't decode byte 0x",
                        HexByte(static_cast<unsigned char>(data[start])), " in position ", start,
                        ": ", reason));
  }
  return Raise(WellKnown::kValueError,
               StrCat("'", CodecName(codec), "' codec can't decode bytes in position ", start, "-",
                      end - 1, ": ", reason));
}

}  // namespace

// ---------------------------------------------------------------------------
// Objects
// ---------------------------------------------------------------------------

int64_t Utf8Length(std::string_view text) {
  int64_t count = 0;
  size_t i = 0;
  while (i < text.size()) {
    Utf8Step step = ExamineUtf8(text, i);
    if (step.error != nullptr) return -1;
    i += step.length;
    ++count;
  }
  return count;
}

Ref<Object> NewStr(std::string_view utf8) {
  return NewStrOfType(WellKnownType(WellKnown::kStr), std::string(utf8));
}

Ref<Object> NewStrOfType(TypeObject* type, std::string utf8) {
  if (utf8.empty() && type == WellKnownType(WellKnown::kStr)) {
    return Ref<Object>::Borrow(EmptyStr());
  }
  int64_t length = Utf8Length(utf8);
  bool ascii = length == static_cast<int64_t>(utf8.size());
  return Interpreter::Current()->NewObject<StrObject>(type, std::move(utf8), length, ascii);
}

std::string_view StrView(const Object* str) { return static_cast<const StrObject*>(str)->view(); }
int64_t StrLength(const Object* str) { return static_cast<const StrObject*>(str)->length(); }
bool StrIsAscii(const Object* str) { return static_cast<const StrObject*>(str)->is_ascii(); }

// ---------------------------------------------------------------------------
// Code points
// ---------------------------------------------------------------------------

uint32_t DecodeCodePoint(std::string_view text, size_t* pos) {
  unsigned char lead = static_cast<unsigned char>(text[*pos]);
  if (lead < 0x80) {
    *pos += 1;
    return lead;
  }
  size_t width = lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
  uint32_t code_point = lead & (width == 2 ? 0x1f : width == 3 ? 0x0f : 0x07);
  for (size_t k = 1; k < width; ++k) {
    code_point = (code_point << 6) | (static_cast<unsigned char>(text[*pos + k]) & 0x3f);
  }
  *pos += width;
  return code_point;
}

void AppendCodePoint(std::string& out, uint32_t code_point) {
  if (code_point < 0x80) {
    out.push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out.push_back(static_cast<char>(0xc0 | (code_point >> 6)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3f)));
  } else if (code_point < 0x10000) {
    out.push_back(static_cast<char>(0xe0 | (code_point >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3f)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3f)));
  } else {
    out.push_back(static_cast<char>(0xf0 | (code_point >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3f)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3f)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3f)));
  }
}

size_t CodePointOffset(std::string_view text, int64_t index, bool ascii) {
  if (index <= 0) return 0;
  if (ascii) return std::min(static_cast<size_t>(index), text.size());
  size_t pos = 0;
  for (int64_t i = 0; i < index && pos < text.size(); ++i) {
    unsigned char lead = static_cast<unsigned char>(text[pos]);
    pos += lead < 0x80 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
  }
  return pos;
}

std::string NumberTextToAscii(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (size_t pos = 0; pos < utf8.size();) {
    const uint32_t c = DecodeCodePoint(utf8, &pos);
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (unicode::IsSpace(c)) {
      out.push_back(' ');
    } else if (int digit = unicode::DecimalValue(c); digit >= 0) {
      out.push_back(static_cast<char>('0' + digit));
    } else {
      out.push_back('?');
      break;
    }
  }
  return out;
}

char ReprQuote(std::string_view text) {
  const bool has_single = text.find('\'') != std::string_view::npos;
  const bool has_double = text.find('"') != std::string_view::npos;
  return has_single && !has_double ? '"' : '\'';
}

bool AppendQuoteOrWhitespaceEscape(std::string& out, uint32_t c, char quote) {
  if (c == static_cast<uint32_t>(quote) || c == '\\') {
    out.push_back('\\');
    out.push_back(static_cast<char>(c));
  } else if (c == '\t') {
    out.append("\\t");
  } else if (c == '\n') {
    out.append("\\n");
  } else if (c == '\r') {
    out.append("\\r");
  } else {
    return false;
  }
  return true;
}

std::string StrReprText(std::string_view utf8) {
  const char quote = ReprQuote(utf8);
  std::string out;
  out.reserve(utf8.size() + 2);
  out.push_back(quote);
  size_t pos = 0;
  while (pos < utf8.size()) {
    size_t start = pos;
    uint32_t c = DecodeCodePoint(utf8, &pos);
    if (AppendQuoteOrWhitespaceEscape(out, c, quote)) continue;
    if (unicode::IsPrintable(c)) {
      out.append(utf8.substr(start, pos - start));
    } else {
      out.append(EscapedCodePoint(c));
    }
  }
  out.push_back(quote);
  return out;
}

// ---------------------------------------------------------------------------
// Codecs
// ---------------------------------------------------------------------------

Ref<Object> DecodeToStr(std::string_view data, std::string_view encoding, std::string_view errors) {
  Codec codec;
  if (!FindCodec(encoding, &codec)) return nullptr;
  std::string out;
  out.reserve(data.size());
  ErrorHandler handler = ErrorHandler::kStrict;
  bool handler_found = false;
  // Applies the error handler to the bad bytes [start, end); false if it raised.
  auto handle = [&](size_t start, size_t end, std::string_view reason) {
    if (!handler_found && !FindErrorHandler(errors, &handler)) return false;
    handler_found = true;
    switch (handler) {
      case ErrorHandler::kStrict:
        RaiseDecodeError(codec, data, start, end, reason);
        return false;
      case ErrorHandler::kIgnore:
        break;
      case ErrorHandler::kReplace:
        AppendCodePoint(out, 0xfffd);
        break;
      case ErrorHandler::kBackslashReplace:
        for (size_t i = start; i < end; ++i) {
          out.append("\\x").append(HexByte(static_cast<unsigned char>(data[i])));
        }
        break;
    }
    return true;
  };
  size_t i = 0;
  while (i < data.size()) {
    unsigned char byte = static_cast<unsigned char>(data[i]);
    switch (codec) {
      case Codec::kUtf8: {
        Utf8Step step = ExamineUtf8(data, i);
        if (step.error == nullptr) {
          out.append(data.substr(i, step.length));
        } else if (!handle(i, i + step.length, step.error)) {
          return nullptr;
        }
        i += step.length;
        break;
      }
      case Codec::kAscii:
        if (byte < 0x80) {
          out.push_back(static_cast<char>(byte));
        } else if (!handle(i, i + 1, "ordinal not in range(128)")) {
          return nullptr;
        }
        ++i;
        break;
      case Codec::kLatin1:
        AppendCodePoint(out, byte);
        ++i;
        break;
    }
  }
  return NewStrOfType(WellKnownType(WellKnown::kStr), std::move(out));
}

Ref<Object> EncodeStr(std::string_view utf8, std::string_view encoding, std::string_view errors) {
  Codec codec;
  if (!FindCodec(encoding, &codec)) return nullptr;
  if (codec == Codec::kUtf8) return NewBytes(utf8);  // islet's text is valid UTF-8
  const uint32_t limit = codec == Codec::kAscii ? 0x80 : 0x100;
  std::string out;
  out.reserve(utf8.size());
  ErrorHandler handler = ErrorHandler::kStrict;
  bool handler_found = false;
  size_t pos = 0;
  int64_t index = 0;  // code point index of `pos`
  while (pos < utf8.size()) {
    const size_t run_begin = pos;
    const uint32_t first = DecodeCodePoint(utf8, &pos);
    if (first < limit) {
      out.push_back(static_cast<char>(first));
      ++index;
      continue;
    }
    // A run of code points the codec cannot encode is reported (or replaced) whole.
    int64_t run_length = 1;
    while (pos < utf8.size()) {
      size_t next = pos;
      if (DecodeCodePoint(utf8, &next) < limit) break;
      pos = next;
      ++run_length;
    }
    if (!handler_found && !FindErrorHandler(errors, &handler)) return nullptr;
    handler_found = true;
    const std::string_view reason =
        codec == Codec::kAscii ? "ordinal not in range(128)" : "ordinal not in range(256)";
    switch (handler) {
      case ErrorHandler::kStrict:
        if (run_length == 1) {
          return Raise(WellKnown::kValueError,
                       StrCat("'", CodecName(codec), "' codec can't encode character '",
                              EscapedCodePoint(first), "' in position ", index, ": ", reason));
        }
        return Raise(WellKnown::kValueError,
                     StrCat("'", CodecName(codec), "' codec can't encode characters in position ",
                            index, "-", index + run_length - 1, ": ", reason));
      case ErrorHandler::kIgnore:
        break;
      case ErrorHandler::kReplace:
        out.append(static_cast<size_t>(run_length), '?');
        break;
      case ErrorHandler::kBackslashReplace:
        for (size_t at = run_begin; at < pos;)
          out.append(EscapedCodePoint(DecodeCodePoint(utf8, &at)));
        break;
    }
    index += run_length;
  }
  return NewBytes(out);
}

}  // namespace islet
