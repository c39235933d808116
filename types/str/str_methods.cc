// The str type's methods, with CPython's argument conventions and messages.
//
// Text is UTF-8: searching works on bytes (a valid UTF-8 needle can only match
// at code point boundaries), and indices in and out of the methods are code
// points, converted at the edges.

#include "types/str/str_methods.h"

#include <algorithm>
#include <limits>
#include <string>
#include <vector>

#include "objects/args.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/text.h"
#include "objects/tuple.h"
#include "objects/unicode/unicode_db.h"
#include "runtime/str_cat.h"

namespace islet::str_internal {

// ---------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------

Ref<Object> StrResult(Object* self, std::string_view text) {
  return TextResult(kStrText, self, text);
}

namespace {

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

// Code points in valid UTF-8 text: the bytes that are not continuation bytes.
int64_t CountCodePoints(std::string_view text) {
  int64_t count = 0;
  for (char c : text) count += (static_cast<unsigned char>(c) & 0xc0) != 0x80;
  return count;
}

// Moves `*pos` back to the start of the code point before it and decodes it.
uint32_t PreviousCodePoint(std::string_view text, size_t* pos) {
  size_t at = *pos - 1;
  while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xc0) == 0x80) --at;
  *pos = at;
  size_t scan = at;
  return DecodeCodePoint(text, &scan);
}

// `value` must be a str: "<function>() argument <which> must be str, not int".
bool CheckStrArg(Object* value, std::string_view function, std::string_view which) {
  if (IsInstance(value, WellKnown::kStr)) return true;
  Raise(WellKnown::kTypeError,
        StrCat(function, "() ", which, " must be str, not ", TypeDisplayName(value->type())));
  return false;
}

// The arguments of find, index, count and friends: (sub[, start[, end]]).
struct SearchArgs {
  std::string_view sub;
  int64_t sub_length;
  int64_t start;
  int64_t end;
};

bool ParseSearchArgs(const CallArgs& args, std::string_view function, SearchArgs* out) {
  if (!CheckPositional(args, function, 1, 3)) return false;
  Object* sub = args.args[0];
  if (!CheckStrArg(sub, function, "argument 1")) return false;
  *out = {StrView(sub), StrLength(sub), 0, 0};
  return SearchRange(args.args, &out->start, &out->end);
}

// The code point index of the first (forward) or last match of args.sub in
// self[start:end], or -1.
int64_t FindIn(Object* self, SearchArgs args, bool forward) {
  const int64_t length = StrLength(self);
  AdjustIndices(&args.start, &args.end, length);
  if (args.end - args.start < args.sub_length) return -1;
  if (args.sub_length == 0) return forward ? args.start : args.end;
  std::string_view text = StrView(self);
  const bool ascii = islet::StrIsAscii(self);
  size_t begin = CodePointOffset(text, args.start, ascii);
  size_t end = CodePointOffset(text, args.end, ascii);
  std::string_view window = text.substr(begin, end - begin);
  size_t found = forward ? window.find(args.sub) : window.rfind(args.sub);
  if (found == std::string_view::npos) return -1;
  return args.start +
         (ascii ? static_cast<int64_t>(found) : CountCodePoints(window.substr(0, found)));
}

Ref<Object> Find(Object* self, const CallArgs& args, std::string_view function, bool forward,
                 bool raise_if_missing) {
  SearchArgs search;
  if (!ParseSearchArgs(args, function, &search)) return nullptr;
  int64_t index = FindIn(self, search, forward);
  if (index < 0 && raise_if_missing) return Raise(WellKnown::kValueError, "substring not found");
  return NewInt(index);
}

// Whether self[start:end] starts (or ends) with `sub`, as CPython's tailmatch.
bool TailMatch(Object* self, Object* sub, int64_t start, int64_t end, bool at_end) {
  const int64_t length = StrLength(self);
  const int64_t sub_length = StrLength(sub);
  AdjustIndices(&start, &end, length);
  end -= sub_length;
  if (end < start) return false;
  if (sub_length == 0) return true;
  std::string_view text = StrView(self);
  size_t offset = CodePointOffset(text, at_end ? end : start, islet::StrIsAscii(self));
  return text.substr(offset).starts_with(StrView(sub));
}

Ref<Object> StartsOrEndsWith(Object* self, const CallArgs& args, std::string_view function,
                             bool at_end) {
  if (!CheckPositional(args, function, 1, 3)) return nullptr;
  int64_t start, end;
  if (!SearchRange(args.args, &start, &end)) return nullptr;
  Object* affix = args.args[0];
  if (IsInstance(affix, WellKnown::kTuple)) {
    for (const Ref<Object>& item : TupleItems(affix)) {
      if (!IsInstance(item.get(), WellKnown::kStr)) {
        return Raise(WellKnown::kTypeError,
                     StrCat("tuple for ", function, " must only contain str, not ",
                            TypeDisplayName(item->type())));
      }
      if (TailMatch(self, item.get(), start, end, at_end)) return BoolRef(true);
    }
    return BoolRef(false);
  }
  if (!IsInstance(affix, WellKnown::kStr)) {
    return Raise(WellKnown::kTypeError,
                 StrCat(function, " first arg must be str or a tuple of str, not ",
                        TypeDisplayName(affix->type())));
  }
  return BoolRef(TailMatch(self, affix, start, end, at_end));
}

// --- Splitting ---

bool IsSpaceAt(std::string_view text, size_t pos, size_t* next) {
  *next = pos;
  return unicode::IsSpace(DecodeCodePoint(text, next));
}

std::vector<std::string_view> SplitWhitespace(std::string_view text, int64_t maxsplit) {
  std::vector<std::string_view> parts;
  size_t pos = 0;
  size_t next;
  while (true) {
    while (pos < text.size() && IsSpaceAt(text, pos, &next)) pos = next;
    if (pos >= text.size()) break;
    if (maxsplit == 0) {
      parts.push_back(text.substr(pos));
      break;
    }
    size_t end = pos;
    while (end < text.size() && !IsSpaceAt(text, end, &next)) end = next;
    parts.push_back(text.substr(pos, end - pos));
    pos = end;
    if (maxsplit > 0) --maxsplit;
  }
  return parts;
}

std::vector<std::string_view> RSplitWhitespace(std::string_view text, int64_t maxsplit) {
  std::vector<std::string_view> parts;
  size_t end = text.size();
  while (true) {
    size_t at = end;
    while (at > 0) {
      size_t before = at;
      if (!unicode::IsSpace(PreviousCodePoint(text, &before))) break;
      at = before;
    }
    end = at;
    if (end == 0) break;
    if (maxsplit == 0) {
      parts.push_back(text.substr(0, end));
      break;
    }
    size_t begin = end;
    while (begin > 0) {
      size_t before = begin;
      if (unicode::IsSpace(PreviousCodePoint(text, &before))) break;
      begin = before;
    }
    parts.push_back(text.substr(begin, end - begin));
    end = begin;
    if (maxsplit > 0) --maxsplit;
  }
  std::reverse(parts.begin(), parts.end());
  return parts;
}

Ref<Object> Split(Object* self, const CallArgs& args, std::string_view function, bool reverse) {
  Object* sep_object;
  int64_t maxsplit;
  if (!SplitArgs(args, function, &sep_object, &maxsplit)) return nullptr;
  std::string_view text = StrView(self);
  if (sep_object == nullptr) {
    return ListOfParts(
        kStrText, self,
        reverse ? RSplitWhitespace(text, maxsplit) : SplitWhitespace(text, maxsplit));
  }
  if (!IsInstance(sep_object, WellKnown::kStr)) {
    return Raise(WellKnown::kTypeError,
                 StrCat("must be str or None, not ", TypeDisplayName(sep_object->type())));
  }
  std::string_view sep = StrView(sep_object);
  if (sep.empty()) return Raise(WellKnown::kValueError, "empty separator");
  return ListOfParts(kStrText, self,
                     reverse ? RSplitOn(text, sep, maxsplit) : SplitOn(text, sep, maxsplit));
}

// --- Stripping ---

enum class StripSide { kLeft, kRight, kBoth };

Ref<Object> Strip(Object* self, const CallArgs& args, std::string_view function, StripSide side) {
  if (!CheckPositional(args, function, 0, 1)) return nullptr;
  Object* chars = args.args.empty() ? None() : args.args[0];
  std::vector<uint32_t> set;
  if (chars != None()) {
    if (!IsInstance(chars, WellKnown::kStr)) {
      return Raise(WellKnown::kTypeError, StrCat(function, " arg must be None or str"));
    }
    std::string_view chars_text = StrView(chars);
    for (size_t pos = 0; pos < chars_text.size();) set.push_back(DecodeCodePoint(chars_text, &pos));
  }
  auto strips = [&](uint32_t c) {
    return chars == None() ? unicode::IsSpace(c)
                           : std::find(set.begin(), set.end(), c) != set.end();
  };
  std::string_view text = StrView(self);
  size_t begin = 0;
  size_t end = text.size();
  if (side != StripSide::kRight) {
    while (begin < end) {
      size_t next = begin;
      if (!strips(DecodeCodePoint(text, &next))) break;
      begin = next;
    }
  }
  if (side != StripSide::kLeft) {
    while (end > begin) {
      size_t before = end;
      if (!strips(PreviousCodePoint(text, &before))) break;
      end = before;
    }
  }
  return StrResult(self, text.substr(begin, end - begin));
}

// --- Case ---

// U+03A3 GREEK CAPITAL LETTER SIGMA, whose lowercase depends on the text
// around it. Its UTF-8 lead byte never continues another code point, so a
// byte search finds only whole sigmas.
constexpr std::string_view kCapitalSigma = "\xce\xa3";

// Whether the capital sigma at byte `pos` ends a word, so that it lowercases to
// ς rather than σ: CPython's handle_capital_sigma, which skips case-ignorable
// characters on both sides and wants a cased one before it and none after.
bool IsFinalSigma(std::string_view text, size_t pos) {
  size_t before = pos;
  uint32_t c = 0;
  do {
    if (before == 0) return false;
    c = PreviousCodePoint(text, &before);
  } while (unicode::IsCaseIgnorable(c));
  if (!unicode::IsCased(c)) return false;
  for (size_t after = pos + kCapitalSigma.size(); after < text.size();) {
    c = DecodeCodePoint(text, &after);
    if (!unicode::IsCaseIgnorable(c)) return !unicode::IsCased(c);
  }
  return true;
}

// Appends the lowercase of text[begin, end), whole code points of `text`,
// which is their context: CPython's lower_ucs4 on each.
void AppendLowerInContext(std::string& out, std::string_view text, size_t begin, size_t end) {
  while (begin < end) {
    size_t sigma = std::min(text.find(kCapitalSigma, begin), end);
    unicode::AppendLower(out, text.substr(begin, sigma - begin));
    if (sigma == end) return;
    out.append(IsFinalSigma(text, sigma) ? "\xcf\x82" : "\xcf\x83");  // ς, σ
    begin = sigma + kCapitalSigma.size();
  }
}

enum class CaseOp { kUpper, kLower, kCapitalize, kTitle, kSwapCase, kCaseFold };

// CPython's do_upper, do_lower, do_capitalize, do_title, do_swapcase and
// do_casefold, on full case mappings (unicode_db.h).
Ref<Object> ChangeCase(Object* self, const CallArgs& args, std::string_view qualified_name,
                       CaseOp op) {
  if (!CheckNoArgs(args, qualified_name)) return nullptr;
  std::string_view text = StrView(self);
  std::string out;
  out.reserve(text.size());
  switch (op) {
    case CaseOp::kUpper:
      unicode::AppendUpper(out, text);
      break;
    case CaseOp::kLower:
      AppendLowerInContext(out, text, 0, text.size());
      break;
    case CaseOp::kCaseFold:
      unicode::AppendFolded(out, text);
      break;
    case CaseOp::kCapitalize:
      if (!text.empty()) {
        size_t first_end = 0;
        DecodeCodePoint(text, &first_end);
        unicode::AppendTitle(out, text.substr(0, first_end));
        AppendLowerInContext(out, text, first_end, text.size());
      }
      break;
    case CaseOp::kTitle:
    case CaseOp::kSwapCase: {
      bool previous_is_cased = false;
      for (size_t pos = 0; pos < text.size();) {
        const size_t start = pos;
        const uint32_t c = DecodeCodePoint(text, &pos);
        const std::string_view code_point = text.substr(start, pos - start);
        if (op == CaseOp::kTitle) {
          if (previous_is_cased) {
            AppendLowerInContext(out, text, start, pos);
          } else {
            unicode::AppendTitle(out, code_point);
          }
          previous_is_cased = unicode::IsCased(c);
        } else if (unicode::IsUpper(c)) {
          AppendLowerInContext(out, text, start, pos);
        } else if (unicode::IsLower(c)) {
          unicode::AppendUpper(out, code_point);
        } else {
          out.append(code_point);
        }
      }
      break;
    }
  }
  return NewStr(out);
}

// --- Predicates ---

// True when the text is non-empty and `test` holds for every code point.
template <typename Test>
Ref<Object> AllCodePoints(Object* self, const CallArgs& args, std::string_view qualified_name,
                          Test test) {
  if (!CheckNoArgs(args, qualified_name)) return nullptr;
  std::string_view text = StrView(self);
  if (text.empty()) return BoolRef(false);
  if (islet::StrIsAscii(self)) {
    for (char c : text) {
      if (!test(static_cast<unsigned char>(c))) return BoolRef(false);
    }
    return BoolRef(true);
  }
  for (size_t pos = 0; pos < text.size();) {
    if (!test(DecodeCodePoint(text, &pos))) return BoolRef(false);
  }
  return BoolRef(true);
}

// --- Padding ---

// The fill character argument of center, ljust and rjust.
bool FillCharArg(const CallArgs& args, std::string_view* fill) {
  *fill = " ";
  if (args.args.size() < 2) return true;
  Object* value = args.args[1];
  if (!IsInstance(value, WellKnown::kStr)) {
    Raise(WellKnown::kTypeError, StrCat("The fill character must be a unicode character, not ",
                                        TypeDisplayName(value->type())));
    return false;
  }
  if (StrLength(value) != 1) {
    Raise(WellKnown::kTypeError, "The fill character must be exactly one character long");
    return false;
  }
  *fill = StrView(value);
  return true;
}

std::string Repeated(std::string_view text, int64_t times) {
  std::string out;
  for (int64_t i = 0; i < times; ++i) out.append(text);
  return out;
}

enum class Justify { kLeft, kRight, kCenter };

Ref<Object> Pad(Object* self, const CallArgs& args, std::string_view function, Justify justify) {
  if (!CheckPositional(args, function, 1, 2)) return nullptr;
  std::optional<int64_t> width = IndexAsInt64(args.args[0]);
  if (!width) return nullptr;
  std::string_view fill;
  if (!FillCharArg(args, &fill)) return nullptr;
  const int64_t length = StrLength(self);
  std::string_view text = StrView(self);
  if (length >= *width) return StrResult(self, text);
  const int64_t margin = *width - length;
  int64_t left = 0;
  switch (justify) {
    case Justify::kLeft:
      left = 0;
      break;
    case Justify::kRight:
      left = margin;
      break;
    case Justify::kCenter:
      left = margin / 2 + (margin & *width & 1);
      break;
  }
  return NewStr(StrCat(Repeated(fill, left), text, Repeated(fill, margin - left)));
}

Ref<Object> Partition(Object* self, const CallArgs& args, std::string_view qualified_name,
                      bool from_right) {
  if (!CheckOneArg(args, qualified_name)) return nullptr;
  Object* sep = args.args[0];
  if (!IsInstance(sep, WellKnown::kStr)) {
    return Raise(WellKnown::kTypeError, StrCat("must be str, not ", TypeDisplayName(sep->type())));
  }
  std::string_view text = StrView(self);
  std::string_view sep_text = StrView(sep);
  if (sep_text.empty()) return Raise(WellKnown::kValueError, "empty separator");
  size_t found = from_right ? text.rfind(sep_text) : text.find(sep_text);
  Ref<Object> empty = NewStr("");
  if (found == std::string_view::npos) {
    Ref<Object> whole = StrResult(self, text);
    return from_right ? NewTuple({empty.get(), empty.get(), whole.get()})
                      : NewTuple({whole.get(), empty.get(), empty.get()});
  }
  Ref<Object> before = NewStr(text.substr(0, found));
  Ref<Object> after = NewStr(text.substr(found + sep_text.size()));
  return NewTuple({before.get(), sep, after.get()});
}

Ref<Object> RemoveAffix(Object* self, const CallArgs& args, std::string_view function,
                        bool suffix) {
  if (!CheckOneArg(args, StrCat("str.", function))) return nullptr;
  Object* affix = args.args[0];
  if (!CheckStrArg(affix, function, "argument")) return nullptr;
  std::string_view text = StrView(self);
  std::string_view affix_text = StrView(affix);
  if (!suffix && text.starts_with(affix_text))
    return StrResult(self, text.substr(affix_text.size()));
  if (suffix && !affix_text.empty() && text.ends_with(affix_text)) {
    return StrResult(self, text.substr(0, text.size() - affix_text.size()));
  }
  return StrResult(self, text);
}

}  // namespace

// ---------------------------------------------------------------------------
// Methods
// ---------------------------------------------------------------------------

Ref<Object> StrJoin(Object* self, const CallArgs& args) {
  if (!CheckOneArg(args, "str.join")) return nullptr;
  std::optional<std::vector<Ref<Object>>> joined =
      SequenceFast(args.args[0], "can only join an iterable");
  if (!joined) return nullptr;
  const std::vector<Ref<Object>>& items = *joined;
  if (items.size() == 1 && IsExactly(items[0].get(), WellKnown::kStr)) return items[0];
  std::string_view separator = StrView(self);
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (!IsInstance(items[i].get(), WellKnown::kStr)) {
      return Raise(WellKnown::kTypeError, StrCat("sequence item ", i, ": expected str instance, ",
                                                 TypeDisplayName(items[i]->type()), " found"));
    }
    if (i > 0) out.append(separator);
    out.append(StrView(items[i].get()));
  }
  return NewStr(out);
}

Ref<Object> StrSplit(Object* self, const CallArgs& args) {
  return Split(self, args, "split", false);
}
Ref<Object> StrRSplit(Object* self, const CallArgs& args) {
  return Split(self, args, "rsplit", true);
}

Ref<Object> StrSplitLines(Object* self, const CallArgs& args) {
  Object* bound[1];
  if (!BindArgs(args,
                {.function = "splitlines",
                 .names = {"keepends"},
                 .unknown_keyword = UnknownKeyword::kInvalid},
                bound)) {
    return nullptr;
  }
  int keepends = 0;
  if (bound[0] != nullptr && (keepends = IsTrue(bound[0])) < 0) return nullptr;
  std::string_view text = StrView(self);
  std::vector<std::string_view> lines;
  size_t line_start = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t break_start = pos;
    uint32_t c = DecodeCodePoint(text, &pos);
    if (!unicode::IsLineBreak(c)) continue;
    if (c == '\r' && pos < text.size() && text[pos] == '\n') ++pos;
    size_t line_end = keepends ? pos : break_start;
    lines.push_back(text.substr(line_start, line_end - line_start));
    line_start = pos;
  }
  if (line_start < text.size()) lines.push_back(text.substr(line_start));
  return ListOfParts(kStrText, self, lines);
}

Ref<Object> StrStrip(Object* self, const CallArgs& args) {
  return Strip(self, args, "strip", StripSide::kBoth);
}
Ref<Object> StrLStrip(Object* self, const CallArgs& args) {
  return Strip(self, args, "lstrip", StripSide::kLeft);
}
Ref<Object> StrRStrip(Object* self, const CallArgs& args) {
  return Strip(self, args, "rstrip", StripSide::kRight);
}

Ref<Object> StrUpper(Object* self, const CallArgs& args) {
  return ChangeCase(self, args, "str.upper", CaseOp::kUpper);
}
Ref<Object> StrLower(Object* self, const CallArgs& args) {
  return ChangeCase(self, args, "str.lower", CaseOp::kLower);
}
Ref<Object> StrCapitalize(Object* self, const CallArgs& args) {
  return ChangeCase(self, args, "str.capitalize", CaseOp::kCapitalize);
}
Ref<Object> StrTitle(Object* self, const CallArgs& args) {
  return ChangeCase(self, args, "str.title", CaseOp::kTitle);
}
Ref<Object> StrSwapCase(Object* self, const CallArgs& args) {
  return ChangeCase(self, args, "str.swapcase", CaseOp::kSwapCase);
}
Ref<Object> StrCaseFold(Object* self, const CallArgs& args) {
  return ChangeCase(self, args, "str.casefold", CaseOp::kCaseFold);
}

Ref<Object> StrStartsWith(Object* self, const CallArgs& args) {
  return StartsOrEndsWith(self, args, "startswith", false);
}
Ref<Object> StrEndsWith(Object* self, const CallArgs& args) {
  return StartsOrEndsWith(self, args, "endswith", true);
}

Ref<Object> StrFind(Object* self, const CallArgs& args) {
  return Find(self, args, "find", true, false);
}
Ref<Object> StrRFind(Object* self, const CallArgs& args) {
  return Find(self, args, "rfind", false, false);
}
Ref<Object> StrIndex(Object* self, const CallArgs& args) {
  return Find(self, args, "index", true, true);
}
Ref<Object> StrRIndex(Object* self, const CallArgs& args) {
  return Find(self, args, "rindex", false, true);
}

Ref<Object> StrCount(Object* self, const CallArgs& args) {
  SearchArgs search;
  if (!ParseSearchArgs(args, "count", &search)) return nullptr;
  AdjustIndices(&search.start, &search.end, StrLength(self));
  if (search.end - search.start < search.sub_length) return NewInt(0);
  if (search.sub_length == 0) return NewInt(search.end - search.start + 1);
  std::string_view text = StrView(self);
  const bool ascii = islet::StrIsAscii(self);
  size_t begin = CodePointOffset(text, search.start, ascii);
  size_t end = CodePointOffset(text, search.end, ascii);
  return NewInt(CountOccurrences(text.substr(begin, end - begin), search.sub));
}

Ref<Object> StrReplace(Object* self, const CallArgs& args) {
  Object* bound[3];
  if (!BindArgs(args,
                {.function = "replace",
                 .names = {"old", "new", "count"},
                 .positional_only = 2,
                 .required = 2,
                 .unknown_keyword = UnknownKeyword::kInvalid},
                bound)) {
    return nullptr;
  }
  if (!CheckStrArg(bound[0], "replace", "argument 1") ||
      !CheckStrArg(bound[1], "replace", "argument 2")) {
    return nullptr;
  }
  int64_t limit = -1;
  if (bound[2] != nullptr) {
    std::optional<int64_t> value = IndexAsInt64(bound[2]);
    if (!value) return nullptr;
    limit = *value;
  }
  if (limit < 0) limit = std::numeric_limits<int64_t>::max();
  std::string_view text = StrView(self);
  int64_t replaced;
  std::string out =
      ReplaceText(text, StrView(bound[0]), StrView(bound[1]), limit, /*utf8=*/true, &replaced);
  if (replaced == 0) return StrResult(self, text);
  return NewStr(out);
}

Ref<Object> StrRemovePrefix(Object* self, const CallArgs& args) {
  return RemoveAffix(self, args, "removeprefix", false);
}
Ref<Object> StrRemoveSuffix(Object* self, const CallArgs& args) {
  return RemoveAffix(self, args, "removesuffix", true);
}

Ref<Object> StrPartition(Object* self, const CallArgs& args) {
  return Partition(self, args, "str.partition", false);
}
Ref<Object> StrRPartition(Object* self, const CallArgs& args) {
  return Partition(self, args, "str.rpartition", true);
}

// The predicates go through lambdas so that the inline ASCII test of
// unicode_db.h is inlined into AllCodePoints' loop.
Ref<Object> StrIsDigit(Object* self, const CallArgs& args) {
  return AllCodePoints(self, args, "str.isdigit", [](char32_t c) { return unicode::IsDigit(c); });
}
Ref<Object> StrIsDecimal(Object* self, const CallArgs& args) {
  return AllCodePoints(self, args, "str.isdecimal",
                       [](char32_t c) { return unicode::IsDecimal(c); });
}
Ref<Object> StrIsNumeric(Object* self, const CallArgs& args) {
  return AllCodePoints(self, args, "str.isnumeric",
                       [](char32_t c) { return unicode::IsNumeric(c); });
}
Ref<Object> StrIsAlpha(Object* self, const CallArgs& args) {
  return AllCodePoints(self, args, "str.isalpha", [](char32_t c) { return unicode::IsAlpha(c); });
}
Ref<Object> StrIsAlnum(Object* self, const CallArgs& args) {
  return AllCodePoints(self, args, "str.isalnum", [](char32_t c) { return unicode::IsAlnum(c); });
}
Ref<Object> StrIsSpace(Object* self, const CallArgs& args) {
  return AllCodePoints(self, args, "str.isspace", [](char32_t c) { return unicode::IsSpace(c); });
}

// isupper, islower and istitle: CPython's loops, titlecase letters ('ǅ')
// counting as upper case.
Ref<Object> StrIsUpper(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "str.isupper")) return nullptr;
  bool cased = false;
  std::string_view text = StrView(self);
  for (size_t pos = 0; pos < text.size();) {
    uint32_t c = DecodeCodePoint(text, &pos);
    if (unicode::IsLower(c) || unicode::IsTitle(c)) return BoolRef(false);
    cased = cased || unicode::IsUpper(c);
  }
  return BoolRef(cased);
}

Ref<Object> StrIsLower(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "str.islower")) return nullptr;
  bool cased = false;
  std::string_view text = StrView(self);
  for (size_t pos = 0; pos < text.size();) {
    uint32_t c = DecodeCodePoint(text, &pos);
    if (unicode::IsUpper(c) || unicode::IsTitle(c)) return BoolRef(false);
    cased = cased || unicode::IsLower(c);
  }
  return BoolRef(cased);
}

// Upper (and title) case only after uncased characters, lower case only after
// cased ones.
Ref<Object> StrIsTitle(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "str.istitle")) return nullptr;
  bool cased = false;
  bool previous_is_cased = false;
  std::string_view text = StrView(self);
  for (size_t pos = 0; pos < text.size();) {
    uint32_t c = DecodeCodePoint(text, &pos);
    if (unicode::IsUpper(c) || unicode::IsTitle(c)) {
      if (previous_is_cased) return BoolRef(false);
      previous_is_cased = cased = true;
    } else if (unicode::IsLower(c)) {
      if (!previous_is_cased) return BoolRef(false);
      previous_is_cased = cased = true;
    } else {
      previous_is_cased = false;
    }
  }
  return BoolRef(cased);
}

Ref<Object> StrIsAscii(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "str.isascii")) return nullptr;
  return BoolRef(islet::StrIsAscii(self));
}

Ref<Object> StrIsPrintable(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "str.isprintable")) return nullptr;
  std::string_view text = StrView(self);
  for (size_t pos = 0; pos < text.size();) {
    if (!unicode::IsPrintable(DecodeCodePoint(text, &pos))) return BoolRef(false);
  }
  return BoolRef(true);
}

// PEP 3131, without NFKC: XID_Start or '_' first, XID_Continue after it.
Ref<Object> StrIsIdentifier(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "str.isidentifier")) return nullptr;
  std::string_view text = StrView(self);
  if (text.empty()) return BoolRef(false);
  size_t pos = 0;
  const uint32_t first = DecodeCodePoint(text, &pos);
  if (!unicode::IsXidStart(first) && first != '_') return BoolRef(false);
  while (pos < text.size()) {
    if (!unicode::IsXidContinue(DecodeCodePoint(text, &pos))) return BoolRef(false);
  }
  return BoolRef(true);
}

Ref<Object> StrCenter(Object* self, const CallArgs& args) {
  return Pad(self, args, "center", Justify::kCenter);
}
Ref<Object> StrLJust(Object* self, const CallArgs& args) {
  return Pad(self, args, "ljust", Justify::kLeft);
}
Ref<Object> StrRJust(Object* self, const CallArgs& args) {
  return Pad(self, args, "rjust", Justify::kRight);
}

// Pads with zeros on the left, after a leading sign.
Ref<Object> StrZFill(Object* self, const CallArgs& args) {
  if (!CheckOneArg(args, "str.zfill")) return nullptr;
  std::optional<int64_t> width = IndexAsInt64(args.args[0]);
  if (!width) return nullptr;
  std::string_view text = StrView(self);
  const int64_t length = StrLength(self);
  if (length >= *width) return StrResult(self, text);
  std::string out(static_cast<size_t>(*width - length), '0');
  size_t fill = out.size();
  out.append(text);
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    out[0] = text[0];
    out[fill] = '0';
  }
  return NewStr(out);
}

Ref<Object> StrExpandTabs(Object* self, const CallArgs& args) {
  Object* bound[1];
  if (!BindArgs(args,
                {.function = "expandtabs",
                 .names = {"tabsize"},
                 .unknown_keyword = UnknownKeyword::kInvalid},
                bound)) {
    return nullptr;
  }
  int64_t tabsize = 8;
  if (bound[0] != nullptr) {
    std::optional<int64_t> value = IndexAsInt64(bound[0], WellKnown::kOverflowError,
                                                "Python int too large to convert to C int");
    if (!value) return nullptr;
    tabsize = *value;
  }
  std::string_view text = StrView(self);
  std::string out;
  int64_t column = 0;
  for (size_t pos = 0; pos < text.size();) {
    size_t start = pos;
    uint32_t c = DecodeCodePoint(text, &pos);
    if (c == '\t') {
      if (tabsize > 0) {
        int64_t spaces = tabsize - column % tabsize;
        out.append(static_cast<size_t>(spaces), ' ');
        column += spaces;
      }
      continue;
    }
    out.append(text.substr(start, pos - start));
    column = c == '\n' || c == '\r' ? 0 : column + 1;
  }
  return NewStr(out);
}

Ref<Object> StrEncode(Object* self, const CallArgs& args) {
  Object* bound[2];
  if (!BindArgs(args,
                {.function = "encode",
                 .names = {"encoding", "errors"},
                 .unknown_keyword = UnknownKeyword::kInvalid},
                bound)) {
    return nullptr;
  }
  std::string_view encoding, errors;
  if (!CodecArgs("encode", bound[0], bound[1], &encoding, &errors)) return nullptr;
  return EncodeStr(StrView(self), encoding, errors);
}

}  // namespace islet::str_internal
