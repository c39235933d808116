// StrObject: Python's str. Text is stored as UTF-8; the length in code points and
// whether it is all ASCII (so indexing is by byte) are computed once. This file
// also holds what other types need to make and read text: code point helpers,
// repr() of text, and the codecs (utf-8, ascii, latin-1) behind str.encode,
// bytes.decode and str(b, encoding). The type's behaviour lives in types/str.
//
//   Ref<Object> text = NewStr("quote's");
//   StrReprText(StrView(text.get()))   // "\"quote's\""
//   Ref<Object> decoded = DecodeToStr("\xc3\xa9", "utf-8", "strict");  // 'é'

#ifndef ISLET_OBJECTS_STR_H_
#define ISLET_OBJECTS_STR_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/object.h"
#include "runtime/type_object.h"

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
// must be valid UTF-8; use DecodeToStr for untrusted bytes.
Ref<Object> NewStr(std::string_view utf8);
// A new instance of `type` (str or a subclass of it) taking valid UTF-8 text.
Ref<Object> NewStrOfType(TypeObject* type, std::string utf8);
// The UTF-8 text of a str (or subclass instance).
std::string_view StrView(const Object* str);
// Its length in code points, and whether it is all ASCII.
int64_t StrLength(const Object* str);
bool StrIsAscii(const Object* str);
// Code points in valid UTF-8 text; -1 if it is not valid UTF-8 (bad structure,
// overlong forms, surrogates, or code points above U+10FFFF).
int64_t Utf8Length(std::string_view text);

// --- Code points ---

// Decodes the code point starting at byte `*pos` of valid UTF-8 text and moves
// `*pos` past it.
uint32_t DecodeCodePoint(std::string_view text, size_t* pos);
// Appends `code_point` (at most U+10FFFF, not a surrogate) as UTF-8.
void AppendCodePoint(std::string& out, uint32_t code_point);
// The byte offset of code point number `index` of valid UTF-8 text (the text's
// size when index >= its length). Linear in `index` unless the text is ASCII.
size_t CodePointOffset(std::string_view text, int64_t index, bool ascii);
// The text int() and float() parse out of a str, as CPython's
// _PyUnicode_TransformDecimalAndSpaceToASCII makes it: ASCII as it is, Unicode
// whitespace as ' ', decimal digits (category Nd: '٣') as their ASCII digits,
// and the first other code point as '?', which ends the text (no number has it).
std::string NumberTextToAscii(std::string_view utf8);

// repr() of a str with this text, as CPython writes it: single quotes unless the
// text contains ' and no ", with \\ \n \r \t, \xNN for other controls and
// \x7f-\x9f, and \xNN / \uXXXX / \UXXXXXXXX for other code points that are not
// printable (unicode::IsPrintable: categories C* and Z* but ' ').
std::string StrReprText(std::string_view utf8);
// What str's and bytes' reprs share: the quote (' unless the text contains '
// and no "), and the escapes of the quote, \\, \t, \n and \r, which
// AppendQuoteOrWhitespaceEscape appends (false, appending nothing, for any other
// character).
char ReprQuote(std::string_view text);
bool AppendQuoteOrWhitespaceEscape(std::string& out, uint32_t c, char quote);

// --- Codecs ---
// Encodings: utf-8, ascii, latin-1 (and their usual aliases; unknown names raise
// LookupError "unknown encoding: x"). Error handlers: strict, ignore, replace,
// backslashreplace (LookupError for others, when an error needs one). islet has
// no UnicodeDecodeError/UnicodeEncodeError: their messages are raised as
// ValueError, e.g. "'utf-8' codec can't decode byte 0xff in position 0: invalid
// start byte".

// Decodes `data` to a new str; null with an exception pending on failure.
Ref<Object> DecodeToStr(std::string_view data, std::string_view encoding, std::string_view errors);
// Encodes UTF-8 text to a new bytes object; null with an exception pending.
Ref<Object> EncodeStr(std::string_view utf8, std::string_view encoding, std::string_view errors);

}  // namespace islet

#endif  // ISLET_OBJECTS_STR_H_
