// What str and bytes share: algorithms over their bytes (a str's text is UTF-8,
// where a valid needle can only match at code point boundaries), reading the
// arguments their methods have in common, and the slots and results that work
// the same on both (through TextType). Views returned point into the text
// passed in.
//
//   std::vector<std::string_view> parts = SplitOn("a,b", ",", -1);  // {"a", "b"}
//   return RepeatText(kBytesText, left, right, "repeated bytes are too long");

#ifndef ISLET_OBJECTS_TEXT_H_
#define ISLET_OBJECTS_TEXT_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "objects/bytes.h"
#include "objects/str.h"
#include "objects/well_known.h"
#include "runtime/object.h"
#include "runtime/type_object.h"

namespace islet {

// C's isspace in the C locale (space, \t \n \v \f \r): where bytes methods
// split and what they strip, and what int() and float() strip once Unicode
// whitespace became ' ' (NumberTextToAscii).
inline bool IsAsciiSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// text.split(sep, maxsplit) and text.rsplit(sep, maxsplit) for a non-empty
// separator; a negative maxsplit is no limit.
std::vector<std::string_view> SplitOn(std::string_view text, std::string_view sep,
                                      int64_t maxsplit);
std::vector<std::string_view> RSplitOn(std::string_view text, std::string_view sep,
                                       int64_t maxsplit);

// The (sep=None, maxsplit=-1) arguments of split and rsplit, with `function`
// ("split") in messages; *sep is null when it is None or absent.
bool SplitArgs(const CallArgs& args, std::string_view function, Object** sep, int64_t* maxsplit);

// The (encoding, errors) arguments of str(), bytes(), encode() and decode(),
// each null when absent: their texts, "utf-8" and "strict" by default. Each
// given must be a str: "decode() argument 'errors' must be str, not int".
bool CodecArgs(std::string_view function, Object* encoding, Object* errors,
               std::string_view* encoding_text, std::string_view* errors_text);

// How often the non-empty `sub` occurs in `text`, not overlapping (count()).
int64_t CountOccurrences(std::string_view text, std::string_view sub);

// text.replace(old, new) for at most `limit` (>= 0) replacements, counted in
// *replaced. An empty `old` matches at the start, between code points of UTF-8
// text (`utf8`) or between bytes, and at the end.
std::string ReplaceText(std::string_view text, std::string_view old_text, std::string_view new_text,
                        int64_t limit, bool utf8, int64_t* replaced);

// The optional start and end of (sub[, start[, end]]) arguments, args[1] and
// args[2], read with OptionalSliceIndex (0 and int64_t's maximum by default).
bool SearchRange(std::span<Object* const> args, int64_t* start, int64_t* end);

// TextType: how str and bytes read and make their objects, for the slots and
// methods that work the same on both.
struct TextType {
  WellKnown type;
  std::string_view (*view)(const Object* text);
  Ref<Object> (*make)(std::string_view text);  // a new, exact instance
};
inline constexpr TextType kStrText = {WellKnown::kStr, &StrView, &NewStr};
inline constexpr TextType kBytesText = {WellKnown::kBytes, &BytesView, &NewBytes};

// A result that is a part of self's text: self itself when self is exactly of
// the type and `part` is all of it (so "ab".strip() is "ab"), else a new object.
Ref<Object> TextResult(const TextType& text_type, Object* self, std::string_view part);
// A list of the results for `parts` of self's text (see TextResult).
Ref<Object> ListOfParts(const TextType& text_type, Object* self,
                        const std::vector<std::string_view>& parts);
// left + right, two instances of the type: an empty side gives the other side's
// result.
Ref<Object> ConcatText(const TextType& text_type, Object* left, Object* right);
// The multiply slot: text * n and n * text. NotImplemented if neither operand
// is of the type, or if the right one is an instance of a Python class that
// overrides *; otherwise a non-integer count raises TypeError "can't multiply
// sequence by non-int of type 'float'", and a result too long to size raises
// OverflowError `too_long`.
Ref<Object> RepeatText(const TextType& text_type, Object* left, Object* right,
                       std::string_view too_long);

}  // namespace islet

#endif  // ISLET_OBJECTS_TEXT_H_
