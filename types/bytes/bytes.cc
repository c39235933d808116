// `bytes`: an immutable sequence of bytes (objects/bytes.h). Indexing yields
// ints, slicing yields bytes; the methods treat the data as ASCII where case or
// whitespace matters, as CPython does. The only bytes-like type islet has is
// bytes itself, so "bytes-like object" arguments must be bytes (or subclass
// instances).

#include "objects/bytes.h"

#include <algorithm>
#include <limits>
#include <new>
#include <string>
#include <vector>

#include "interp/interpreter.h"
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
#include "runtime/str_cat.h"
#include "types/bytes/bytes_iterator.h"

namespace islet {
namespace {

bool IsBytes(const Object* object) { return IsInstance(object, WellKnown::kBytes); }
std::string_view NameOf(const Object* object) { return TypeDisplayName(object->type()); }

// ---------------------------------------------------------------------------
// Arguments and results
// ---------------------------------------------------------------------------

// A bytes-like argument: "a bytes-like object is required, not 'str'".
bool BytesArg(Object* value, std::string_view* out) {
  if (!IsBytes(value)) {
    Raise(WellKnown::kTypeError,
          StrCat("a bytes-like object is required, not '", NameOf(value), "'"));
    return false;
  }
  *out = BytesView(value);
  return true;
}

// A bytes result that is a part of self's data: self itself when self is an
// exact bytes object and `data` is all of it.
Ref<Object> BytesResult(Object* self, std::string_view data) {
  return TextResult(kBytesText, self, data);
}

// ASCII classes, independent of the C locale (IsAsciiSpace is objects/text.h's).
bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsAsciiAlpha(char c) { return IsAsciiUpper(c) || IsAsciiLower(c); }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// ---------------------------------------------------------------------------
// Slots
// ---------------------------------------------------------------------------

Ref<Object> BytesRepr(Object* self) { return NewStr(BytesReprText(BytesView(self))); }

int64_t BytesHash(Object* self) {
  BytesObject* bytes = static_cast<BytesObject*>(self);
  if (bytes->cached_hash == -1) bytes->cached_hash = HashBytes(bytes->data);
  return bytes->cached_hash;
}

Ref<Object> BytesRichCompare(Object* self, Object* other, CompareOp op) {
  if (!IsBytes(self) || !IsBytes(other)) return NotImplementedRef();
  return BoolRef(CompareValues(BytesView(self), BytesView(other), op));
}

int64_t BytesLen(Object* self) { return static_cast<int64_t>(BytesView(self).size()); }

Ref<Object> BytesGetItem(Object* self, Object* key) {
  std::string_view data = BytesView(self);
  const int64_t length = static_cast<int64_t>(data.size());
  if (IsIndexable(key)) {
    std::optional<int64_t> index =
        IndexAsInt64(key, WellKnown::kIndexError, "cannot fit 'int' into an index-sized integer");
    if (!index) return nullptr;
    int64_t i = *index < 0 ? *index + length : *index;
    if (i < 0 || i >= length) return Raise(WellKnown::kIndexError, "index out of range");
    return NewInt(static_cast<unsigned char>(data[static_cast<size_t>(i)]));
  }
  if (IsInstance(key, WellKnown::kSlice)) {
    std::optional<SliceBounds> bounds = ResolveSlice(key, length);
    if (!bounds) return nullptr;
    if (bounds->step == 1) {
      return BytesResult(self, data.substr(static_cast<size_t>(bounds->start),
                                           static_cast<size_t>(bounds->count)));
    }
    std::string out;
    out.reserve(static_cast<size_t>(bounds->count));
    for (int64_t i = 0, at = bounds->start; i < bounds->count; ++i, at += bounds->step) {
      out.push_back(data[static_cast<size_t>(at)]);
    }
    return NewBytes(out);
  }
  return Raise(WellKnown::kTypeError,
               StrCat("byte indices must be integers or slices, not ", NameOf(key)));
}

// An int in range(0, 256); ValueError "byte must be in range(0, 256)" otherwise.
std::optional<char> ByteValue(Object* value) {
  constexpr std::string_view kRange = "byte must be in range(0, 256)";
  std::optional<int64_t> byte = IndexAsInt64(value, WellKnown::kValueError, kRange);
  if (!byte) return std::nullopt;
  if (*byte < 0 || *byte > 255) {
    Raise(WellKnown::kValueError, kRange);
    return std::nullopt;
  }
  return static_cast<char>(*byte);
}

int BytesContains(Object* self, Object* item) {
  std::string_view data = BytesView(self);
  if (IsIndexable(item)) {
    std::optional<char> byte = ByteValue(item);
    if (!byte) return -1;
    return data.find(*byte) != std::string_view::npos;
  }
  std::string_view sub;
  if (!BytesArg(item, &sub)) return -1;
  return data.find(sub) != std::string_view::npos;
}

Ref<Object> BytesAdd(Object* left, Object* right) {
  if (!IsBytes(left)) return NotImplementedRef();
  if (!IsBytes(right)) {
    if (OverridesBinarySlot(right, &TypeSlots::add)) return NotImplementedRef();
    return Raise(WellKnown::kTypeError,
                 StrCat("can't concat ", NameOf(right), " to ", NameOf(left)));
  }
  return ConcatText(kBytesText, left, right);
}

Ref<Object> BytesMultiply(Object* left, Object* right) {
  return RepeatText(kBytesText, left, right, "repeated bytes are too long");
}

Ref<Object> BytesIter(Object* self) { return NewBytesIterator(Ref<Object>::Borrow(self)); }

// The bytes of an iterable of ints in range(0, 256).
std::optional<std::string> BytesFromIterable(Object* source) {
  std::vector<Ref<Object>> items;
  if (IsExactly(source, WellKnown::kList)) {
    items = ListItems(source);
  } else if (IsExactly(source, WellKnown::kTuple)) {
    items.assign(TupleItems(source).begin(), TupleItems(source).end());
  } else {
    if (source->type()->slots().iter == nullptr) {
      Raise(WellKnown::kTypeError, StrCat("cannot convert '", NameOf(source), "' object to bytes"));
      return std::nullopt;
    }
    Ref<Object> iterator = GetIter(source);
    if (!iterator) return std::nullopt;
    while (Ref<Object> item = IterNext(iterator.get())) items.push_back(std::move(item));
    if (ExceptionPending()) return std::nullopt;
  }
  std::string data;
  data.reserve(items.size());
  for (const Ref<Object>& item : items) {
    std::optional<int64_t> value =
        IndexAsInt64(item.get(), WellKnown::kValueError, "bytes must be in range(0, 256)");
    if (!value) return std::nullopt;
    if (*value < 0 || *value > 255) {
      Raise(WellKnown::kValueError, "bytes must be in range(0, 256)");
      return std::nullopt;
    }
    data.push_back(static_cast<char>(*value));
  }
  return data;
}

// bytes(), bytes(n), bytes(iterable of ints), bytes(bytes), bytes(str, encoding
// [, errors]), bytes(x) for x with __bytes__.
Ref<Object> BytesNew(TypeObject* type, const CallArgs& args) {
  Object* bound[3];
  if (!BindArgs(args,
                {.function = "bytes",
                 .names = {"source", "encoding", "errors"},
                 .unknown_keyword = UnknownKeyword::kInvalid},
                bound)) {
    return nullptr;
  }
  Object* source = bound[0];
  std::string_view encoding, errors;
  if (!CodecArgs("bytes", bound[1], bound[2], &encoding, &errors)) return nullptr;
  const bool has_encoding = bound[1] != nullptr;
  const bool has_errors = bound[2] != nullptr;
  std::string data;
  if (source == nullptr) {
    if (has_encoding || has_errors) {
      return Raise(WellKnown::kTypeError, has_encoding ? "encoding without a string argument"
                                                       : "errors without a string argument");
    }
  } else if (IsInstance(source, WellKnown::kStr)) {
    if (!has_encoding) return Raise(WellKnown::kTypeError, "string argument without an encoding");
    Ref<Object> encoded = EncodeStr(StrView(source), encoding, errors);
    if (!encoded) return nullptr;
    data = BytesView(encoded.get());
  } else if (has_encoding || has_errors) {
    return Raise(WellKnown::kTypeError, has_encoding ? "encoding without a string argument"
                                                     : "errors without a string argument");
  } else if (IsBytes(source)) {
    if (type == WellKnownType(WellKnown::kBytes) && IsExactly(source, WellKnown::kBytes)) {
      return Ref<Object>::Borrow(source);
    }
    data = BytesView(source);
  } else if (Ref<Object> convert = LookupSpecial(source, "__bytes__")) {
    Ref<Object> converted = Call(convert.get(), {});
    if (!converted) return nullptr;
    if (!IsBytes(converted.get())) {
      return Raise(WellKnown::kTypeError,
                   StrCat("__bytes__ returned non-bytes (type ", NameOf(converted.get()), ")"));
    }
    if (type == WellKnownType(WellKnown::kBytes)) return converted;
    data = BytesView(converted.get());
  } else if (ExceptionPending()) {
    return nullptr;  // binding __bytes__ failed
  } else if (IsIndexable(source)) {
    std::optional<int64_t> count = IndexAsInt64(source, WellKnown::kOverflowError,
                                                "cannot fit 'int' into an index-sized integer");
    if (!count) return nullptr;
    if (*count < 0) return Raise(WellKnown::kValueError, "negative count");
    try {
      data.assign(static_cast<size_t>(*count), '\0');
    } catch (const std::bad_alloc&) {
      return Raise(WellKnown::kMemoryError, "");
    } catch (const std::length_error&) {
      return Raise(WellKnown::kMemoryError, "");
    }
  } else {
    std::optional<std::string> items = BytesFromIterable(source);
    if (!items) return nullptr;
    data = std::move(*items);
  }
  return NewBytesOfType(type, std::move(data));
}

// ---------------------------------------------------------------------------
// Methods
// ---------------------------------------------------------------------------

Ref<Object> BytesDecode(Object* self, const CallArgs& args) {
  Object* bound[2];
  if (!BindArgs(args,
                {.function = "decode",
                 .names = {"encoding", "errors"},
                 .unknown_keyword = UnknownKeyword::kInvalid},
                bound)) {
    return nullptr;
  }
  std::string_view encoding, errors;
  if (!CodecArgs("decode", bound[0], bound[1], &encoding, &errors)) return nullptr;
  return DecodeToStr(BytesView(self), encoding, errors);
}

// hex([sep[, bytes_per_sep]]): groups of bytes_per_sep bytes, counted from the
// right when it is positive and from the left when negative.
Ref<Object> BytesHex(Object* self, const CallArgs& args) {
  Object* bound[2];
  if (!BindArgs(args,
                {.function = "hex",
                 .names = {"sep", "bytes_per_sep"},
                 .unknown_keyword = UnknownKeyword::kInvalid},
                bound)) {
    return nullptr;
  }
  std::string_view sep;
  if (bound[0] != nullptr) {
    if (IsInstance(bound[0], WellKnown::kStr)) {
      sep = StrView(bound[0]);
      if (StrLength(bound[0]) != 1) return Raise(WellKnown::kValueError, "sep must be length 1.");
    } else if (IsBytes(bound[0])) {
      sep = BytesView(bound[0]);
      if (sep.size() != 1) return Raise(WellKnown::kValueError, "sep must be length 1.");
    } else {
      return Raise(WellKnown::kTypeError,
                   StrCat("object of type '", NameOf(bound[0]), "' has no len()"));
    }
    if (static_cast<unsigned char>(sep[0]) >= 0x80) {
      return Raise(WellKnown::kValueError, "sep must be ASCII.");
    }
  }
  int64_t per_sep = 1;
  if (bound[1] != nullptr) {
    std::optional<int64_t> value = IndexAsInt64(bound[1], WellKnown::kOverflowError,
                                                "Python int too large to convert to C int");
    if (!value) return nullptr;
    per_sep = *value;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string_view data = BytesView(self);
  const size_t group = per_sep < 0 ? static_cast<size_t>(-per_sep) : static_cast<size_t>(per_sep);
  std::string out;
  for (size_t i = 0; i < data.size(); ++i) {
    if (i > 0 && !sep.empty() && group > 0) {
      // Distance from the end (or the start) of the data decides group edges.
      size_t from = per_sep > 0 ? data.size() - i : i;
      if (from % group == 0) out.push_back(sep[0]);
    }
    unsigned char byte = static_cast<unsigned char>(data[i]);
    out.push_back(kHex[byte >> 4]);
    out.push_back(kHex[byte & 0xf]);
  }
  return NewStr(out);
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// bytes.fromhex(string): pairs of hex digits, ASCII whitespace between pairs.
Ref<Object> BytesFromHex(Object* cls, const CallArgs& args) {
  if (!CheckOneArg(args, "bytes.fromhex")) return nullptr;
  Object* argument = args.args[0];
  std::string_view text;
  if (IsInstance(argument, WellKnown::kStr)) {
    text = StrView(argument);
  } else if (IsBytes(argument)) {
    text = BytesView(argument);
  } else {
    return Raise(WellKnown::kTypeError,
                 StrCat("fromhex() argument must be str or bytes-like, not ", NameOf(argument)));
  }
  std::string data;
  size_t i = 0;
  while (i < text.size()) {
    if (IsAsciiSpace(text[i])) {
      ++i;
      continue;
    }
    int high = HexDigit(text[i]);
    int low = i + 1 < text.size() ? HexDigit(text[i + 1]) : -1;
    if (high < 0 || low < 0) {
      // CPython reports the position in code points.
      size_t position = high < 0 ? i : i + 1;
      int64_t index = IsInstance(argument, WellKnown::kStr)
                          ? Utf8Length(text.substr(0, std::min(position, text.size())))
                          : static_cast<int64_t>(position);
      if (index < 0) index = static_cast<int64_t>(position);
      return Raise(WellKnown::kValueError,
                   StrCat("non-hexadecimal number found in fromhex() arg at position ", index));
    }
    data.push_back(static_cast<char>(high * 16 + low));
    i += 2;
  }
  TypeObject* type = static_cast<TypeObject*>(cls);
  Ref<Object> result = NewBytes(data);
  if (type == WellKnownType(WellKnown::kBytes)) return result;
  return Call(type, {result.get()});
}

Ref<Object> BytesJoin(Object* self, const CallArgs& args) {
  if (!CheckOneArg(args, "bytes.join")) return nullptr;
  std::optional<std::vector<Ref<Object>>> joined =
      SequenceFast(args.args[0], "can only join an iterable");
  if (!joined) return nullptr;
  const std::vector<Ref<Object>>& items = *joined;
  if (items.size() == 1 && IsExactly(items[0].get(), WellKnown::kBytes)) return items[0];
  std::string_view separator = BytesView(self);
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (!IsBytes(items[i].get())) {
      return Raise(WellKnown::kTypeError,
                   StrCat("sequence item ", i, ": expected a bytes-like object, ",
                          NameOf(items[i].get()), " found"));
    }
    if (i > 0) out.append(separator);
    out.append(BytesView(items[i].get()));
  }
  return NewBytes(out);
}

bool TailMatch(std::string_view data, std::string_view affix, int64_t start, int64_t end,
               bool at_end) {
  const int64_t length = static_cast<int64_t>(data.size());
  AdjustIndices(&start, &end, length);
  end -= static_cast<int64_t>(affix.size());
  if (end < start) return false;
  return data.substr(static_cast<size_t>(at_end ? end : start)).starts_with(affix);
}

Ref<Object> StartsOrEndsWith(Object* self, const CallArgs& args, std::string_view function,
                             bool at_end) {
  if (!CheckPositional(args, function, 1, 3)) return nullptr;
  int64_t start, end;
  if (!SearchRange(args.args, &start, &end)) return nullptr;
  std::string_view data = BytesView(self);
  Object* affix = args.args[0];
  if (IsInstance(affix, WellKnown::kTuple)) {
    for (const Ref<Object>& item : TupleItems(affix)) {
      std::string_view item_data;
      if (!BytesArg(item.get(), &item_data)) return nullptr;
      if (TailMatch(data, item_data, start, end, at_end)) return BoolRef(true);
    }
    return BoolRef(false);
  }
  if (!IsBytes(affix)) {
    return Raise(
        WellKnown::kTypeError,
        StrCat(function, " first arg must be bytes or a tuple of bytes, not ", NameOf(affix)));
  }
  return BoolRef(TailMatch(data, BytesView(affix), start, end, at_end));
}

Ref<Object> BytesStartsWith(Object* self, const CallArgs& args) {
  return StartsOrEndsWith(self, args, "startswith", false);
}
Ref<Object> BytesEndsWith(Object* self, const CallArgs& args) {
  return StartsOrEndsWith(self, args, "endswith", true);
}

// The (sub[, start[, end]]) arguments of find and friends; sub is bytes or an int.
struct SearchArgs {
  std::string sub;
  int64_t start;
  int64_t end;
};

bool ParseSearchArgs(const CallArgs& args, std::string_view function, SearchArgs* out) {
  if (!CheckPositional(args, function, 1, 3)) return false;
  Object* sub = args.args[0];
  if (IsBytes(sub)) {
    out->sub = BytesView(sub);
  } else if (IsIndexable(sub)) {
    std::optional<char> byte = ByteValue(sub);
    if (!byte) return false;
    out->sub = std::string(1, *byte);
  } else {
    Raise(WellKnown::kTypeError,
          StrCat("argument should be integer or bytes-like object, not '", NameOf(sub), "'"));
    return false;
  }
  return SearchRange(args.args, &out->start, &out->end);
}

Ref<Object> Find(Object* self, const CallArgs& args, std::string_view function, bool forward,
                 bool raise_if_missing) {
  SearchArgs search;
  if (!ParseSearchArgs(args, function, &search)) return nullptr;
  std::string_view data = BytesView(self);
  AdjustIndices(&search.start, &search.end, static_cast<int64_t>(data.size()));
  const int64_t sub_length = static_cast<int64_t>(search.sub.size());
  int64_t result = -1;
  if (search.end - search.start >= sub_length) {
    if (sub_length == 0) {
      result = forward ? search.start : search.end;
    } else {
      std::string_view window = data.substr(static_cast<size_t>(search.start),
                                            static_cast<size_t>(search.end - search.start));
      size_t found = forward ? window.find(search.sub) : window.rfind(search.sub);
      if (found != std::string_view::npos) result = search.start + static_cast<int64_t>(found);
    }
  }
  if (result < 0 && raise_if_missing) return Raise(WellKnown::kValueError, "subsection not found");
  return NewInt(result);
}

Ref<Object> BytesFind(Object* self, const CallArgs& args) {
  return Find(self, args, "find", true, false);
}
Ref<Object> BytesRFind(Object* self, const CallArgs& args) {
  return Find(self, args, "rfind", false, false);
}
Ref<Object> BytesIndex(Object* self, const CallArgs& args) {
  return Find(self, args, "index", true, true);
}
Ref<Object> BytesRIndex(Object* self, const CallArgs& args) {
  return Find(self, args, "rindex", false, true);
}

Ref<Object> BytesCount(Object* self, const CallArgs& args) {
  SearchArgs search;
  if (!ParseSearchArgs(args, "count", &search)) return nullptr;
  std::string_view data = BytesView(self);
  AdjustIndices(&search.start, &search.end, static_cast<int64_t>(data.size()));
  const int64_t sub_length = static_cast<int64_t>(search.sub.size());
  if (search.end - search.start < sub_length) return NewInt(0);
  if (sub_length == 0) return NewInt(search.end - search.start + 1);
  return NewInt(CountOccurrences(data.substr(static_cast<size_t>(search.start),
                                             static_cast<size_t>(search.end - search.start)),
                                 search.sub));
}

// split and rsplit: on runs of ASCII whitespace, or on a separator.
Ref<Object> Split(Object* self, const CallArgs& args, std::string_view function, bool reverse) {
  Object* sep_object;
  int64_t maxsplit;
  if (!SplitArgs(args, function, &sep_object, &maxsplit)) return nullptr;
  std::string_view data = BytesView(self);
  std::vector<std::string_view> parts;
  if (sep_object == nullptr) {
    if (!reverse) {
      size_t pos = 0;
      while (true) {
        while (pos < data.size() && IsAsciiSpace(data[pos])) ++pos;
        if (pos >= data.size()) break;
        if (maxsplit == 0) {
          parts.push_back(data.substr(pos));
          break;
        }
        size_t end = pos;
        while (end < data.size() && !IsAsciiSpace(data[end])) ++end;
        parts.push_back(data.substr(pos, end - pos));
        pos = end;
        if (maxsplit > 0) --maxsplit;
      }
    } else {
      size_t end = data.size();
      while (true) {
        while (end > 0 && IsAsciiSpace(data[end - 1])) --end;
        if (end == 0) break;
        if (maxsplit == 0) {
          parts.push_back(data.substr(0, end));
          break;
        }
        size_t begin = end;
        while (begin > 0 && !IsAsciiSpace(data[begin - 1])) --begin;
        parts.push_back(data.substr(begin, end - begin));
        end = begin;
        if (maxsplit > 0) --maxsplit;
      }
      std::reverse(parts.begin(), parts.end());
    }
    return ListOfParts(kBytesText, self, parts);
  }
  std::string_view sep;
  if (!BytesArg(sep_object, &sep)) return nullptr;
  if (sep.empty()) return Raise(WellKnown::kValueError, "empty separator");
  return ListOfParts(kBytesText, self,
                     reverse ? RSplitOn(data, sep, maxsplit) : SplitOn(data, sep, maxsplit));
}

Ref<Object> BytesSplit(Object* self, const CallArgs& args) {
  return Split(self, args, "split", false);
}
Ref<Object> BytesRSplit(Object* self, const CallArgs& args) {
  return Split(self, args, "rsplit", true);
}

enum class StripSide { kLeft, kRight, kBoth };

Ref<Object> Strip(Object* self, const CallArgs& args, std::string_view function, StripSide side) {
  if (!CheckPositional(args, function, 0, 1)) return nullptr;
  Object* chars = args.args.empty() ? None() : args.args[0];
  std::string_view set;
  if (chars != None() && !BytesArg(chars, &set)) return nullptr;
  auto strips = [&](char c) {
    return chars == None() ? IsAsciiSpace(c) : set.find(c) != std::string_view::npos;
  };
  std::string_view data = BytesView(self);
  size_t begin = 0;
  size_t end = data.size();
  if (side != StripSide::kRight) {
    while (begin < end && strips(data[begin])) ++begin;
  }
  if (side != StripSide::kLeft) {
    while (end > begin && strips(data[end - 1])) --end;
  }
  return BytesResult(self, data.substr(begin, end - begin));
}

Ref<Object> BytesStrip(Object* self, const CallArgs& args) {
  return Strip(self, args, "strip", StripSide::kBoth);
}
Ref<Object> BytesLStrip(Object* self, const CallArgs& args) {
  return Strip(self, args, "lstrip", StripSide::kLeft);
}
Ref<Object> BytesRStrip(Object* self, const CallArgs& args) {
  return Strip(self, args, "rstrip", StripSide::kRight);
}

Ref<Object> BytesUpper(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "bytes.upper")) return nullptr;
  std::string data(BytesView(self));
  for (char& c : data) {
    if (IsAsciiLower(c)) c = static_cast<char>(c - 'a' + 'A');
  }
  return NewBytes(data);
}

Ref<Object> BytesLower(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "bytes.lower")) return nullptr;
  std::string data(BytesView(self));
  for (char& c : data) {
    if (IsAsciiUpper(c)) c = static_cast<char>(c - 'A' + 'a');
  }
  return NewBytes(data);
}

Ref<Object> BytesReplace(Object* self, const CallArgs& args) {
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
  std::string_view old_data;
  std::string_view new_data;
  if (!BytesArg(bound[0], &old_data) || !BytesArg(bound[1], &new_data)) return nullptr;
  int64_t limit = -1;
  if (bound[2] != nullptr) {
    std::optional<int64_t> value = IndexAsInt64(bound[2]);
    if (!value) return nullptr;
    limit = *value;
  }
  if (limit < 0) limit = std::numeric_limits<int64_t>::max();
  std::string_view data = BytesView(self);
  int64_t replaced;
  std::string out = ReplaceText(data, old_data, new_data, limit, /*utf8=*/false, &replaced);
  if (replaced == 0) return BytesResult(self, data);
  return NewBytes(out);
}

Ref<Object> RemoveAffix(Object* self, const CallArgs& args, std::string_view qualified_name,
                        bool suffix) {
  if (!CheckOneArg(args, qualified_name)) return nullptr;
  std::string_view affix;
  if (!BytesArg(args.args[0], &affix)) return nullptr;
  std::string_view data = BytesView(self);
  if (!suffix && data.starts_with(affix)) return BytesResult(self, data.substr(affix.size()));
  if (suffix && !affix.empty() && data.ends_with(affix)) {
    return BytesResult(self, data.substr(0, data.size() - affix.size()));
  }
  return BytesResult(self, data);
}

Ref<Object> BytesRemovePrefix(Object* self, const CallArgs& args) {
  return RemoveAffix(self, args, "bytes.removeprefix", false);
}
Ref<Object> BytesRemoveSuffix(Object* self, const CallArgs& args) {
  return RemoveAffix(self, args, "bytes.removesuffix", true);
}

// True when the data is non-empty and `test` holds for every byte.
template <typename Test>
Ref<Object> AllBytes(Object* self, const CallArgs& args, std::string_view qualified_name,
                     Test test) {
  if (!CheckNoArgs(args, qualified_name)) return nullptr;
  std::string_view data = BytesView(self);
  return BoolRef(!data.empty() && std::all_of(data.begin(), data.end(), test));
}

Ref<Object> BytesIsAscii(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "bytes.isascii")) return nullptr;
  std::string_view data = BytesView(self);
  return BoolRef(std::all_of(data.begin(), data.end(),
                             [](char c) { return static_cast<unsigned char>(c) < 0x80; }));
}
Ref<Object> BytesIsDigit(Object* self, const CallArgs& args) {
  return AllBytes(self, args, "bytes.isdigit", IsAsciiDigit);
}
Ref<Object> BytesIsAlpha(Object* self, const CallArgs& args) {
  return AllBytes(self, args, "bytes.isalpha", IsAsciiAlpha);
}
Ref<Object> BytesIsAlnum(Object* self, const CallArgs& args) {
  return AllBytes(self, args, "bytes.isalnum",
                  [](char c) { return IsAsciiAlpha(c) || IsAsciiDigit(c); });
}
Ref<Object> BytesIsSpace(Object* self, const CallArgs& args) {
  return AllBytes(self, args, "bytes.isspace", IsAsciiSpace);
}

// Cased bytes must all be of one case, and there must be at least one.
Ref<Object> CaseTest(Object* self, const CallArgs& args, std::string_view qualified_name,
                     bool upper) {
  if (!CheckNoArgs(args, qualified_name)) return nullptr;
  bool cased = false;
  for (char c : BytesView(self)) {
    if (upper ? IsAsciiLower(c) : IsAsciiUpper(c)) return BoolRef(false);
    cased = cased || (upper ? IsAsciiUpper(c) : IsAsciiLower(c));
  }
  return BoolRef(cased);
}

Ref<Object> BytesIsUpper(Object* self, const CallArgs& args) {
  return CaseTest(self, args, "bytes.isupper", true);
}
Ref<Object> BytesIsLower(Object* self, const CallArgs& args) {
  return CaseTest(self, args, "bytes.islower", false);
}

constexpr TypeMember kBytesMembers[] = {
    Method("decode", &BytesDecode),
    Method("hex", &BytesHex),
    ClassMethod("fromhex", &BytesFromHex),
    Method("join", &BytesJoin),
    Method("startswith", &BytesStartsWith),
    Method("endswith", &BytesEndsWith),
    Method("find", &BytesFind),
    Method("rfind", &BytesRFind),
    Method("index", &BytesIndex),
    Method("rindex", &BytesRIndex),
    Method("count", &BytesCount),
    Method("split", &BytesSplit),
    Method("rsplit", &BytesRSplit),
    Method("strip", &BytesStrip),
    Method("lstrip", &BytesLStrip),
    Method("rstrip", &BytesRStrip),
    Method("upper", &BytesUpper),
    Method("lower", &BytesLower),
    Method("replace", &BytesReplace),
    Method("removeprefix", &BytesRemovePrefix),
    Method("removesuffix", &BytesRemoveSuffix),
    Method("isascii", &BytesIsAscii),
    Method("isdigit", &BytesIsDigit),
    Method("isalpha", &BytesIsAlpha),
    Method("isalnum", &BytesIsAlnum),
    Method("isspace", &BytesIsSpace),
    Method("isupper", &BytesIsUpper),
    Method("islower", &BytesIsLower),
};

constexpr TypeSlots BytesSlots() {
  TypeSlots slots = SlotsFor<BytesObject>();
  slots.repr = &BytesRepr;
  slots.hash = &BytesHash;
  slots.richcompare = &BytesRichCompare;
  slots.iter = &BytesIter;
  slots.length = &BytesLen;
  slots.getitem = &BytesGetItem;
  slots.contains = &BytesContains;
  slots.add = &BytesAdd;
  slots.multiply = &BytesMultiply;
  slots.new_instance = &BytesNew;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kBytesType, "bytes",
                   {.deps = {"bytes_iterator"},
                    .flags = kTypeBaseType,
                    .slots = BytesSlots(),
                    .members = kBytesMembers});

}  // namespace islet
