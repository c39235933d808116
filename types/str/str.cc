// `str`: Unicode text, stored as UTF-8 (objects/str.h). Its slots give CPython's
// semantics over code points: indexing, slicing and len() count code points,
// comparison is by code point (which UTF-8's byte order preserves), and
// iteration yields one-character strs through `str_ascii_iterator` (all-ASCII
// text) or `str_iterator` (anything else), as CPython 3.14 does. The methods
// are in str_methods.cc and str_format.cc.
//
// Indexing non-ASCII text is linear in the index (UTF-8 has no O(1) access);
// ASCII text, the common case, indexes by byte.

#include "objects/str.h"

#include <string>
#include <vector>

#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/errors.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/slice.h"
#include "objects/text.h"
#include "runtime/str_cat.h"
#include "types/str/str_ascii_iterator.h"
#include "types/str/str_iterator.h"
#include "types/str/str_methods.h"

namespace islet {
namespace {

using str_internal::StrResult;

StrObject* AsStr(Object* self) { return static_cast<StrObject*>(self); }

Ref<Object> StrRepr(Object* self) { return NewStr(StrReprText(StrView(self))); }

// str() of an exact str is itself; of a subclass instance, an exact copy.
Ref<Object> StrStr(Object* self) {
  if (IsExactly(self, WellKnown::kStr)) return Ref<Object>::Borrow(self);
  return NewStr(StrView(self));
}

// Cached, except in immortal strs: they are shared by every interpreter and
// their hash was computed when the runtime readied them.
int64_t StrHash(Object* self) {
  StrObject* str = AsStr(self);
  if (str->cached_hash != -1) return str->cached_hash;
  int64_t hash = HashBytes(str->view());
  if (!self->IsImmortal()) str->cached_hash = hash;
  return hash;
}

Ref<Object> StrRichCompare(Object* self, Object* other, CompareOp op) {
  if (!IsInstance(self, WellKnown::kStr) || !IsInstance(other, WellKnown::kStr)) {
    return NotImplementedRef();
  }
  // UTF-8's byte order is code point order.
  return BoolRef(CompareValues(StrView(self), StrView(other), op));
}

int64_t StrLen(Object* self) { return AsStr(self)->length(); }

// The byte offset where each code point starts, and the text's size at the end.
std::vector<size_t> CodePointOffsets(std::string_view text) {
  std::vector<size_t> offsets;
  size_t pos = 0;
  while (pos < text.size()) {
    offsets.push_back(pos);
    DecodeCodePoint(text, &pos);
  }
  offsets.push_back(pos);
  return offsets;
}

Ref<Object> StrSlice(Object* self, Object* slice) {
  StrObject* str = AsStr(self);
  std::optional<SliceBounds> bounds = ResolveSlice(slice, str->length());
  if (!bounds) return nullptr;
  std::string_view text = str->view();
  if (bounds->count <= 0) return NewStr("");
  if (bounds->step == 1) {
    size_t begin = CodePointOffset(text, bounds->start, str->is_ascii());
    size_t end = str->is_ascii()
                     ? static_cast<size_t>(bounds->start + bounds->count)
                     : begin + CodePointOffset(text.substr(begin), bounds->count, false);
    return StrResult(self, text.substr(begin, end - begin));
  }
  std::string out;
  if (str->is_ascii()) {
    out.reserve(static_cast<size_t>(bounds->count));
    for (int64_t i = 0, at = bounds->start; i < bounds->count; ++i, at += bounds->step) {
      out.push_back(text[static_cast<size_t>(at)]);
    }
  } else {
    std::vector<size_t> offsets = CodePointOffsets(text);
    for (int64_t i = 0, at = bounds->start; i < bounds->count; ++i, at += bounds->step) {
      size_t begin = offsets[static_cast<size_t>(at)];
      out.append(text.substr(begin, offsets[static_cast<size_t>(at) + 1] - begin));
    }
  }
  return NewStr(out);
}

Ref<Object> StrGetItem(Object* self, Object* key) {
  if (IsIndexable(key)) {
    std::optional<int64_t> index =
        IndexAsInt64(key, WellKnown::kIndexError, "cannot fit 'int' into an index-sized integer");
    if (!index) return nullptr;
    StrObject* str = AsStr(self);
    int64_t i = *index < 0 ? *index + str->length() : *index;
    if (i < 0 || i >= str->length()) {
      return Raise(WellKnown::kIndexError, "string index out of range");
    }
    std::string_view text = str->view();
    size_t begin = CodePointOffset(text, i, str->is_ascii());
    size_t end = begin;
    DecodeCodePoint(text, &end);
    return NewStr(text.substr(begin, end - begin));
  }
  if (IsInstance(key, WellKnown::kSlice)) return StrSlice(self, key);
  return Raise(WellKnown::kTypeError,
               StrCat("string indices must be integers, not '", TypeDisplayName(key->type()), "'"));
}

int StrContains(Object* self, Object* item) {
  if (!IsInstance(item, WellKnown::kStr)) {
    Raise(WellKnown::kTypeError, StrCat("'in <string>' requires string as left operand, not ",
                                        TypeDisplayName(item->type())));
    return -1;
  }
  return StrView(self).find(StrView(item)) != std::string_view::npos;
}

Ref<Object> StrAdd(Object* left, Object* right) {
  if (!IsInstance(left, WellKnown::kStr)) return NotImplementedRef();
  if (!IsInstance(right, WellKnown::kStr)) {
    if (OverridesBinarySlot(right, &TypeSlots::add)) return NotImplementedRef();
    return Raise(WellKnown::kTypeError, StrCat("can only concatenate str (not \"",
                                               TypeDisplayName(right->type()), "\") to str"));
  }
  return ConcatText(kStrText, left, right);
}

// "ab" * 3 and 3 * "ab".
Ref<Object> StrMultiply(Object* left, Object* right) {
  return RepeatText(kStrText, left, right, "repeated string is too long");
}

Ref<Object> StrIter(Object* self) {
  if (AsStr(self)->is_ascii()) return NewStrAsciiIterator(Ref<Object>::Borrow(self));
  return NewStrIterator(Ref<Object>::Borrow(self));
}

// str(), str(object), str(bytes, encoding[, errors]).
Ref<Object> StrNew(TypeObject* type, const CallArgs& args) {
  Object* bound[3] = {};
  if (args.kwnames.empty()) {
    if (!CheckPositional(args, "str", 0, 3)) return nullptr;
    for (size_t i = 0; i < args.args.size(); ++i) bound[i] = args.args[i];
  } else if (!BindArgs(args,
                       {.function = "str",
                        .names = {"object", "encoding", "errors"},
                        .unknown_keyword = UnknownKeyword::kInvalid},
                       bound)) {
    return nullptr;
  }
  std::string_view encoding, errors;
  if (!CodecArgs("str", bound[1], bound[2], &encoding, &errors)) return nullptr;
  Ref<Object> text;
  if (bound[0] == nullptr) {
    text = NewStr("");
  } else if (bound[1] == nullptr && bound[2] == nullptr) {
    text = Str(bound[0]);
  } else if (IsInstance(bound[0], WellKnown::kStr)) {
    return Raise(WellKnown::kTypeError, "decoding str is not supported");
  } else if (!IsInstance(bound[0], WellKnown::kBytes)) {
    return Raise(WellKnown::kTypeError, StrCat("decoding to str: need a bytes-like object, ",
                                               TypeDisplayName(bound[0]->type()), " found"));
  } else {
    text = DecodeToStr(BytesView(bound[0]), encoding, errors);
  }
  if (!text || type == WellKnownType(WellKnown::kStr)) return text;
  return NewStrOfType(type, std::string(StrView(text.get())));
}

using namespace str_internal;  // the methods

constexpr TypeMember kStrMembers[] = {
    Method("encode", &StrEncode),
    Method("replace", &StrReplace),
    Method("split", &StrSplit),
    Method("rsplit", &StrRSplit),
    Method("join", &StrJoin),
    Method("capitalize", &StrCapitalize),
    Method("casefold", &StrCaseFold),
    Method("title", &StrTitle),
    Method("center", &StrCenter),
    Method("count", &StrCount),
    Method("expandtabs", &StrExpandTabs),
    Method("find", &StrFind),
    Method("partition", &StrPartition),
    Method("index", &StrIndex),
    Method("ljust", &StrLJust),
    Method("lower", &StrLower),
    Method("lstrip", &StrLStrip),
    Method("rfind", &StrRFind),
    Method("rindex", &StrRIndex),
    Method("rjust", &StrRJust),
    Method("rstrip", &StrRStrip),
    Method("rpartition", &StrRPartition),
    Method("splitlines", &StrSplitLines),
    Method("strip", &StrStrip),
    Method("swapcase", &StrSwapCase),
    Method("upper", &StrUpper),
    Method("startswith", &StrStartsWith),
    Method("endswith", &StrEndsWith),
    Method("removeprefix", &StrRemovePrefix),
    Method("removesuffix", &StrRemoveSuffix),
    Method("isascii", &StrIsAscii),
    Method("islower", &StrIsLower),
    Method("isupper", &StrIsUpper),
    Method("istitle", &StrIsTitle),
    Method("isspace", &StrIsSpace),
    Method("isdecimal", &StrIsDecimal),
    Method("isdigit", &StrIsDigit),
    Method("isnumeric", &StrIsNumeric),
    Method("isalpha", &StrIsAlpha),
    Method("isalnum", &StrIsAlnum),
    Method("isidentifier", &StrIsIdentifier),
    Method("isprintable", &StrIsPrintable),
    Method("zfill", &StrZFill),
    Method("format", &StrFormat),
    Method("format_map", &StrFormatMap),
    Method("__format__", &StrDunderFormat),
};

constexpr TypeSlots StrSlots() {
  TypeSlots slots = SlotsFor<StrObject>();
  slots.repr = &StrRepr;
  slots.str = &StrStr;
  slots.hash = &StrHash;
  slots.richcompare = &StrRichCompare;
  slots.iter = &StrIter;
  slots.length = &StrLen;
  slots.getitem = &StrGetItem;
  slots.contains = &StrContains;
  slots.add = &StrAdd;
  slots.multiply = &StrMultiply;
  slots.new_instance = &StrNew;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kStrType, "str",
                   {.deps = {"str_ascii_iterator", "str_iterator"},
                    .flags = kTypeBaseType,
                    .slots = StrSlots(),
                    .members = kStrMembers});

}  // namespace islet
