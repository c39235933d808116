// The Unicode character database behind str's predicates and case methods,
// int() and float() of non-ASCII digits, and identifiers in source code: each
// property has CPython's definition (Objects/unicodectype.c and the tables
// Tools/unicode/makeunicodedata.py generates), read from ICU, Debian's libicu.
// ICU 72 carries Unicode 15.0, where CPython 3.14 carries 16.0
// (docs/language.md). A later `unicodedata` module builds on this file.
//
// ASCII never reaches ICU: the predicates answer it inline from a table and
// the case mappings map it byte by byte, so ASCII text costs what it did
// before islet had a database. ICU's data is read-only and shared by every
// thread.
//
//   unicode::IsAlpha(U'α')                        // true
//   unicode::DecimalValue(U'٣')                   // 3
//   std::string out;
//   unicode::AppendUpper(out, "ﬃ ß");             // out == "FFI SS"

#ifndef ISLET_OBJECTS_UNICODE_UNICODE_DB_H_
#define ISLET_OBJECTS_UNICODE_UNICODE_DB_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace islet::unicode {

// Version is the Unicode version of the database, "15.0.0".
std::string Version();

// --- Properties ---

namespace internal {

enum Property : uint16_t {
  kAlpha = 1 << 0,           // a letter: category L*
  kDecimal = 1 << 1,         // a decimal digit: category Nd (Numeric_Type=Decimal)
  kDigit = 1 << 2,           // Numeric_Type Decimal or Digit ('²')
  kNumeric = 1 << 3,         // any Numeric_Type ('½', 'Ⅷ', '七')
  kSpace = 1 << 4,           // bidirectional class WS, B or S, or category Zs
  kLineBreak = 1 << 5,       // str.splitlines' boundaries
  kUpper = 1 << 6,           // the Uppercase property
  kLower = 1 << 7,           // the Lowercase property
  kTitle = 1 << 8,           // category Lt ('ǅ')
  kCased = 1 << 9,           // the Cased property
  kCaseIgnorable = 1 << 10,  // the Case_Ignorable property
  kPrintable = 1 << 11,      // not in categories C* or Z*, except ' '
  kXidStart = 1 << 12,       // XID_Start
  kXidContinue = 1 << 13,    // XID_Continue
};

// The properties of one ASCII character, as ICU gives them, except where
// Python's definitions single ASCII out: ' ' is printable, and str.splitlines
// also breaks at \v and \f (Python's documented list).
constexpr uint16_t AsciiProperties(char32_t c) {
  const bool upper = c >= 'A' && c <= 'Z';
  const bool lower = c >= 'a' && c <= 'z';
  const bool digit = c >= '0' && c <= '9';
  uint16_t properties = 0;
  if (upper || lower) properties |= kAlpha | kCased | kXidStart | kXidContinue;
  if (upper) properties |= kUpper;
  if (lower) properties |= kLower;
  if (digit) properties |= kDecimal | kDigit | kNumeric | kXidContinue;
  if (c == '_') properties |= kXidContinue;
  if (c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f)) properties |= kSpace;
  if ((c >= '\n' && c <= '\r') || (c >= 0x1c && c <= 0x1e)) properties |= kLineBreak;
  if (c == '\'' || c == '.' || c == ':' || c == '^' || c == '`') properties |= kCaseIgnorable;
  if (c >= ' ' && c < 0x7f) properties |= kPrintable;
  return properties;
}

constexpr std::array<uint16_t, 128> AsciiTable() {
  std::array<uint16_t, 128> table{};
  for (char32_t c = 0; c < 128; ++c) table[c] = AsciiProperties(c);
  return table;
}

inline constexpr std::array<uint16_t, 128> kAsciiProperties = AsciiTable();

// Whether the code point (at or above 0x80) has the property: asks ICU.
bool NonAsciiHas(char32_t c, Property property);

inline bool Has(char32_t c, Property property) {
  return c < 0x80 ? (kAsciiProperties[c] & property) != 0 : NonAsciiHas(c, property);
}

}  // namespace internal

// Each says whether a code point has the property behind the str method or
// language rule named.
inline bool IsAlpha(char32_t c) { return internal::Has(c, internal::kAlpha); }      // isalpha
inline bool IsDecimal(char32_t c) { return internal::Has(c, internal::kDecimal); }  // isdecimal
inline bool IsDigit(char32_t c) { return internal::Has(c, internal::kDigit); }      // isdigit
inline bool IsNumeric(char32_t c) { return internal::Has(c, internal::kNumeric); }  // isnumeric
inline bool IsAlnum(char32_t c) { return IsAlpha(c) || IsNumeric(c); }              // isalnum
// isspace, split() and strip() without arguments, int() and float().
inline bool IsSpace(char32_t c) { return internal::Has(c, internal::kSpace); }
// Where splitlines() breaks: \n \v \f \r \x1c \x1d \x1e \x85 \u2028 \u2029.
inline bool IsLineBreak(char32_t c) { return internal::Has(c, internal::kLineBreak); }
// isupper, islower and istitle; the case methods' cased and case-ignorable
// characters (title() and the final sigma of lower()).
inline bool IsUpper(char32_t c) { return internal::Has(c, internal::kUpper); }
inline bool IsLower(char32_t c) { return internal::Has(c, internal::kLower); }
inline bool IsTitle(char32_t c) { return internal::Has(c, internal::kTitle); }
inline bool IsCased(char32_t c) { return internal::Has(c, internal::kCased); }
inline bool IsCaseIgnorable(char32_t c) { return internal::Has(c, internal::kCaseIgnorable); }
// isprintable, and what repr() shows as itself rather than as an escape.
inline bool IsPrintable(char32_t c) { return internal::Has(c, internal::kPrintable); }
// Identifiers (PEP 3131): XID_Start or '_' first, XID_Continue after it.
inline bool IsXidStart(char32_t c) { return internal::Has(c, internal::kXidStart); }
inline bool IsXidContinue(char32_t c) { return internal::Has(c, internal::kXidContinue); }

// DecimalValue is the value of a decimal digit (category Nd: '7', '٣', '𝟗'),
// or -1 for any other code point.
int DecimalValue(char32_t c);

// --- Case mappings ---
// Each appends to `out` the full mapping of every code point of the valid
// UTF-8 `text`, one code point at a time: UnicodeData's simple mappings and
// SpecialCasing's unconditional ones (no locale, no context), as CPython's
// _PyUnicode_To*Full.

// AppendUpper: "ﬃ" -> "FFI", "ß" -> "SS", "ŉ" -> "ʼN".
void AppendUpper(std::string& out, std::string_view text);
// AppendLower: "İ" -> "i̇". Capital sigma becomes σ: the final form ς depends on
// the text around it, which is str.lower()'s rule to apply.
void AppendLower(std::string& out, std::string_view text);
// AppendTitle: "ǆ" -> "ǅ", "ß" -> "Ss", "ﬃ" -> "Ffi".
void AppendTitle(std::string& out, std::string_view text);
// AppendFolded (CaseFolding's C and F entries): "ß" -> "ss", "ς" -> "σ".
void AppendFolded(std::string& out, std::string_view text);

// --- Normalization ---

// NormalizeNfkc returns the NFKC form of valid UTF-8 text, as identifiers are
// compared (PEP 3131): "ﬁ" -> "fi", "ℌ" -> "H".
std::string NormalizeNfkc(std::string_view text);

namespace internal {
// ICU measures text in int32_t, so NormalizeNfkc hands it longer text in
// pieces (of at most 2 GiB); this makes the pieces small, for tests.
std::string NormalizeNfkcInPieces(std::string_view text, size_t max_piece);
}  // namespace internal

}  // namespace islet::unicode

#endif  // ISLET_OBJECTS_UNICODE_UNICODE_DB_H_
