#include "objects/text.h"

#include <algorithm>
#include <limits>
#include <new>
#include <optional>
#include <stdexcept>
#include <tuple>

#include "objects/args.h"
#include "objects/errors.h"
#include "objects/list.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/slice.h"
#include "runtime/str_cat.h"

namespace islet {

std::vector<std::string_view> SplitOn(std::string_view text, std::string_view sep,
                                      int64_t maxsplit) {
  std::vector<std::string_view> parts;
  size_t pos = 0;
  while (maxsplit != 0) {
    size_t found = text.find(sep, pos);
    if (found == std::string_view::npos) break;
    parts.push_back(text.substr(pos, found - pos));
    pos = found + sep.size();
    if (maxsplit > 0) --maxsplit;
  }
  parts.push_back(text.substr(pos));
  return parts;
}

std::vector<std::string_view> RSplitOn(std::string_view text, std::string_view sep,
                                       int64_t maxsplit) {
  std::vector<std::string_view> parts;
  size_t end = text.size();
  while (maxsplit != 0 && end >= sep.size()) {
    size_t found = text.substr(0, end).rfind(sep);
    if (found == std::string_view::npos) break;
    parts.push_back(text.substr(found + sep.size(), end - found - sep.size()));
    end = found;
    if (maxsplit > 0) --maxsplit;
  }
  parts.push_back(text.substr(0, end));
  std::reverse(parts.begin(), parts.end());
  return parts;
}

bool SplitArgs(const CallArgs& args, std::string_view function, Object** sep, int64_t* maxsplit) {
  Object* bound[2];
  if (!BindArgs(args,
                {.function = function,
                 .names = {"sep", "maxsplit"},
                 .unknown_keyword = UnknownKeyword::kInvalid},
                bound)) {
    return false;
  }
  *sep = bound[0] == None() ? nullptr : bound[0];
  *maxsplit = -1;
  if (bound[1] == nullptr) return true;
  std::optional<int64_t> value = IndexAsInt64(bound[1]);
  if (!value) return false;
  *maxsplit = *value;
  return true;
}

bool CodecArgs(std::string_view function, Object* encoding, Object* errors,
               std::string_view* encoding_text, std::string_view* errors_text) {
  *encoding_text = "utf-8";
  *errors_text = "strict";
  for (auto [value, name, text] : {std::tuple(encoding, "encoding", encoding_text),
                                   std::tuple(errors, "errors", errors_text)}) {
    if (value == nullptr) continue;
    if (!IsInstance(value, WellKnown::kStr)) {
      Raise(WellKnown::kTypeError, StrCat(function, "() argument '", name, "' must be str, not ",
                                          TypeDisplayName(value->type())));
      return false;
    }
    *text = StrView(value);
  }
  return true;
}

int64_t CountOccurrences(std::string_view text, std::string_view sub) {
  int64_t count = 0;
  for (size_t at = text.find(sub); at != std::string_view::npos;
       at = text.find(sub, at + sub.size())) {
    ++count;
  }
  return count;
}

std::string ReplaceText(std::string_view text, std::string_view old_text, std::string_view new_text,
                        int64_t limit, bool utf8, int64_t* replaced) {
  std::string out;
  *replaced = 0;
  size_t pos = 0;
  if (old_text.empty()) {
    while (true) {
      if (*replaced < limit) {
        out.append(new_text);
        ++*replaced;
      }
      if (pos >= text.size()) break;
      const size_t start = pos;
      if (utf8) {
        DecodeCodePoint(text, &pos);
      } else {
        ++pos;
      }
      out.append(text.substr(start, pos - start));
    }
    return out;
  }
  while (*replaced < limit) {
    size_t found = text.find(old_text, pos);
    if (found == std::string_view::npos) break;
    out.append(text.substr(pos, found - pos)).append(new_text);
    pos = found + old_text.size();
    ++*replaced;
  }
  out.append(text.substr(pos));
  return out;
}

bool SearchRange(std::span<Object* const> args, int64_t* start, int64_t* end) {
  std::optional<int64_t> first = OptionalSliceIndex(args.size() > 1 ? args[1] : nullptr, 0);
  if (!first) return false;
  std::optional<int64_t> last =
      OptionalSliceIndex(args.size() > 2 ? args[2] : nullptr, std::numeric_limits<int64_t>::max());
  if (!last) return false;
  *start = *first;
  *end = *last;
  return true;
}

Ref<Object> TextResult(const TextType& text_type, Object* self, std::string_view part) {
  std::string_view whole = text_type.view(self);
  if (IsExactly(self, text_type.type) && part.data() == whole.data() &&
      part.size() == whole.size()) {
    return Ref<Object>::Borrow(self);
  }
  return text_type.make(part);
}

Ref<Object> ListOfParts(const TextType& text_type, Object* self,
                        const std::vector<std::string_view>& parts) {
  std::vector<Ref<Object>> items;
  items.reserve(parts.size());
  for (std::string_view part : parts) {
    Ref<Object> item = TextResult(text_type, self, part);
    if (!item) return nullptr;
    items.push_back(std::move(item));
  }
  return NewList(std::move(items));
}

Ref<Object> ConcatText(const TextType& text_type, Object* left, Object* right) {
  std::string_view a = text_type.view(left);
  std::string_view b = text_type.view(right);
  if (b.empty()) return TextResult(text_type, left, a);
  if (a.empty()) return TextResult(text_type, right, b);
  std::string out;
  out.reserve(a.size() + b.size());
  out.append(a).append(b);
  return text_type.make(out);
}

Ref<Object> RepeatText(const TextType& text_type, Object* left, Object* right,
                       std::string_view too_long) {
  const bool text_on_left = IsInstance(left, text_type.type);
  if (!text_on_left && !IsInstance(right, text_type.type)) return NotImplementedRef();
  Object* text_object = text_on_left ? left : right;
  Object* count_object = text_on_left ? right : left;
  if (!IsIndexable(count_object)) {
    if (text_on_left && OverridesBinarySlot(count_object, &TypeSlots::multiply)) {
      return NotImplementedRef();
    }
    return Raise(WellKnown::kTypeError, StrCat("can't multiply sequence by non-int of type '",
                                               TypeDisplayName(count_object->type()), "'"));
  }
  std::optional<int64_t> count = IndexAsInt64(count_object, WellKnown::kOverflowError,
                                              "cannot fit 'int' into an index-sized integer");
  if (!count) return nullptr;
  std::string_view text = text_type.view(text_object);
  if (*count <= 0 || text.empty()) return text_type.make("");
  if (*count == 1) return TextResult(text_type, text_object, text);
  if (static_cast<int64_t>(text.size()) > std::numeric_limits<int64_t>::max() / *count) {
    return Raise(WellKnown::kOverflowError, too_long);
  }
  std::string out;
  try {
    out.reserve(text.size() * static_cast<size_t>(*count));
  } catch (const std::bad_alloc&) {
    return Raise(WellKnown::kMemoryError, "");
  } catch (const std::length_error&) {
    return Raise(WellKnown::kMemoryError, "");
  }
  for (int64_t i = 0; i < *count; ++i) out.append(text);
  return text_type.make(out);
}

}  // namespace islet
