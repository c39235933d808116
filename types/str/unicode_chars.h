// Character classes and case mappings behind str's predicates (isalpha, isupper,
// ...) and case methods (upper, lower, title, casefold, ...).
//
// islet carries no Unicode database, so this is a deliberate subset: case
// mappings are exact for ASCII, Latin-1, Latin Extended-A, the basic Greek and
// Cyrillic alphabets (with CPython's full mappings there: 'ß'.upper() == 'SS',
// 'İ'.lower() == 'i̇', final sigma); other characters are uncased. Letters,
// digits and numerics outside Latin-1 are recognized by block (Latin, Greek,
// Cyrillic, Armenian, Hebrew, Arabic, Devanagari, Thai, CJK, kana, Hangul and
// the common decimal-digit blocks), which matches CPython for ordinary text.
//
//   unicode::IsAlpha('a')                 // true
//   unicode::AppendUpper(out, 0xdf)       // appends "SS"

#ifndef ISLET_TYPES_STR_UNICODE_CHARS_H_
#define ISLET_TYPES_STR_UNICODE_CHARS_H_

#include <cstdint>
#include <string>

namespace islet::unicode {

bool IsAlpha(uint32_t c);
bool IsDecimal(uint32_t c);  // str.isdecimal: Nd
bool IsDigit(uint32_t c);    // str.isdigit: decimals, superscripts, circled digits
bool IsNumeric(uint32_t c);  // str.isnumeric: digits, fractions, Roman and CJK numerals
bool IsUpper(uint32_t c);
bool IsLower(uint32_t c);
bool IsCased(uint32_t c);
bool IsIdentifierStart(uint32_t c);     // approximates XID_Start and '_'
bool IsIdentifierContinue(uint32_t c);  // approximates XID_Continue

// Full case mappings: each appends the mapping of `c` (one to three code points)
// as UTF-8. AppendLower maps capital sigma to σ; str.lower() decides final sigma.
void AppendUpper(std::string& out, uint32_t c);
void AppendLower(std::string& out, uint32_t c);
void AppendTitle(std::string& out, uint32_t c);
void AppendFolded(std::string& out, uint32_t c);

}  // namespace islet::unicode

#endif  // ISLET_TYPES_STR_UNICODE_CHARS_H_
