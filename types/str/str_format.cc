// str.format, str.format_map and str.__format__, following CPython's
// Objects/stringlib/unicode_format.h (the grammar, the error messages, and the
// auto/manual field numbering rules) and its format spec mini-language for
// strings.
//
// Fields: "{}", "{0}", "{name}", with ".attr" and "[key]" lookups, the !r !s !a
// conversions, and format specs (nested fields allowed, two levels as in
// CPython). A value is formatted by Format (objects/protocol.h), its type's
// __format__; str's spec mini-language is objects/format_spec.h's, shared with
// int and float.

#include <cstdio>
#include <optional>
#include <span>
#include <string>

#include "interp/interpreter.h"
#include "objects/args.h"
#include "objects/errors.h"
#include "objects/format_spec.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "runtime/str_cat.h"
#include "types/str/str_methods.h"

namespace islet::str_internal {
namespace {

// --- The replacement-field grammar ---

// Where a format string's fields find their values: format's positional and
// keyword arguments, or format_map's mapping.
struct FormatSource {
  std::span<Object* const> positional = {};
  std::span<const Name* const> kwnames = {};
  std::span<Object* const> keyword_values = {};
  Object* mapping = nullptr;  // format_map: no positional fields at all
};

class Formatter {
 public:
  explicit Formatter(const FormatSource& source) : source_(source) {}

  // Appends `format` with its fields replaced; `depth` limits nesting in specs.
  bool Format(std::string_view format, int depth, std::string& out);

 private:
  enum class Numbering { kUnset, kAuto, kManual };

  bool Field(std::string_view format, size_t* pos, int depth, std::string& out);
  Ref<Object> Lookup(std::string_view field_name);
  Ref<Object> Argument(std::string_view first);

  const FormatSource& source_;
  Numbering numbering_ = Numbering::kUnset;
  int64_t next_index_ = 0;
};

bool Formatter::Format(std::string_view format, int depth, std::string& out) {
  if (depth <= 0) {
    Raise(WellKnown::kValueError, "Max string recursion exceeded");
    return false;
  }
  size_t pos = 0;
  while (pos < format.size()) {
    size_t brace = format.find_first_of("{}", pos);
    if (brace == std::string_view::npos) {
      out.append(format.substr(pos));
      break;
    }
    out.append(format.substr(pos, brace - pos));
    const char c = format[brace];
    const bool doubled = brace + 1 < format.size() && format[brace + 1] == c;
    if (c == '}' && !doubled) {
      Raise(WellKnown::kValueError, "Single '}' encountered in format string");
      return false;
    }
    if (c == '{' && brace + 1 >= format.size()) {
      Raise(WellKnown::kValueError, "Single '{' encountered in format string");
      return false;
    }
    if (doubled) {
      out.push_back(c);
      pos = brace + 2;
      continue;
    }
    pos = brace + 1;
    if (!Field(format, &pos, depth, out)) return false;
  }
  return true;
}

// Parses the field starting at format[*pos] (just after its '{') and appends
// its formatted value.
bool Formatter::Field(std::string_view format, size_t* pos, int depth, std::string& out) {
  // The field name ends at '}', ':' or '!', except inside [brackets].
  size_t at = *pos;
  char stop = 0;
  while (at < format.size()) {
    char c = format[at++];
    if (c == '{') {
      Raise(WellKnown::kValueError, "unexpected '{' in field name");
      return false;
    }
    if (c == '[') {
      while (at < format.size() && format[at] != ']') ++at;
      continue;
    }
    if (c == '}' || c == ':' || c == '!') {
      stop = c;
      break;
    }
  }
  if (stop == 0) {
    Raise(WellKnown::kValueError, "expected '}' before end of string");
    return false;
  }
  std::string_view field_name = format.substr(*pos, at - 1 - *pos);
  uint32_t conversion = 0;
  std::string_view spec;
  bool spec_has_fields = false;
  if (stop != '}') {
    bool closed = false;
    if (stop == '!') {
      if (at >= format.size()) {
        Raise(WellKnown::kValueError, "end of string while looking for conversion specifier");
        return false;
      }
      conversion = DecodeCodePoint(format, &at);
      if (at < format.size()) {
        char next = format[at++];
        if (next == '}') {
          closed = true;
        } else if (next != ':') {
          Raise(WellKnown::kValueError, "expected ':' after conversion specifier");
          return false;
        }
      }
    }
    if (!closed) {
      size_t spec_start = at;
      int count = 1;
      while (at < format.size() && count > 0) {
        char c = format[at++];
        if (c == '{') {
          spec_has_fields = true;
          ++count;
        } else if (c == '}') {
          --count;
        }
      }
      if (count > 0) {
        Raise(WellKnown::kValueError, "unmatched '{' in format spec");
        return false;
      }
      spec = format.substr(spec_start, at - 1 - spec_start);
    }
  }
  *pos = at;

  Ref<Object> value = Lookup(field_name);
  if (!value) return false;
  if (conversion != 0) {
    switch (conversion) {
      case 'r':
        value = Repr(value.get());
        break;
      case 's':
        value = Str(value.get());
        break;
      case 'a':
        value = Ascii(value.get());
        break;
      default: {
        char name[16];
        std::snprintf(name, sizeof(name), conversion > 32 && conversion < 127 ? "%c" : "\\x%x",
                      conversion);
        Raise(WellKnown::kValueError, StrCat("Unknown conversion specifier ", name));
        return false;
      }
    }
    if (!value) return false;
  }
  std::string expanded_spec;
  if (spec_has_fields) {
    if (!Format(spec, depth - 1, expanded_spec)) return false;
    spec = expanded_spec;
  }
  Ref<Object> spec_str = NewStr(spec);
  Ref<Object> formatted = islet::Format(value.get(), spec_str.get());
  if (!formatted) return false;
  out.append(StrView(formatted.get()));
  return true;
}

// The argument a field names ("", "0", "name").
Ref<Object> Formatter::Argument(std::string_view first) {
  bool is_index = !first.empty() && first.find_first_not_of("0123456789") == std::string_view::npos;
  if (!first.empty() && !is_index) {
    if (source_.mapping != nullptr) {
      Ref<Object> key = NewStr(first);
      return GetItem(source_.mapping, key.get());
    }
    for (size_t k = 0; k < source_.kwnames.size(); ++k) {
      if (source_.kwnames[k]->text() == first) {
        return Ref<Object>::Borrow(source_.keyword_values[k]);
      }
    }
    return Raise(WellKnown::kKeyError, first);
  }
  int64_t index;
  if (first.empty()) {
    if (numbering_ == Numbering::kManual) {
      return Raise(WellKnown::kValueError,
                   "cannot switch from manual field specification to automatic field numbering");
    }
    numbering_ = Numbering::kAuto;
    index = next_index_++;
  } else {
    size_t at = 0;
    if (!ReadFormatNumber(first, &at, &index)) return nullptr;
    if (numbering_ == Numbering::kAuto) {
      return Raise(WellKnown::kValueError,
                   "cannot switch from automatic field numbering to manual field specification");
    }
    numbering_ = Numbering::kManual;
  }
  if (source_.mapping != nullptr) {
    return Raise(WellKnown::kValueError, "Format string contains positional fields");
  }
  if (index >= static_cast<int64_t>(source_.positional.size())) {
    return Raise(WellKnown::kIndexError,
                 StrCat("Replacement index ", index, " out of range for positional args tuple"));
  }
  return Ref<Object>::Borrow(source_.positional[static_cast<size_t>(index)]);
}

// The argument, then each ".attr" and "[key]" applied in turn.
Ref<Object> Formatter::Lookup(std::string_view field_name) {
  size_t first_end = field_name.find_first_of(".[");
  if (first_end == std::string_view::npos) first_end = field_name.size();
  Ref<Object> value = Argument(field_name.substr(0, first_end));
  size_t at = first_end;
  while (value && at < field_name.size()) {
    if (field_name[at] == '.') {
      size_t end = field_name.find_first_of(".[", at + 1);
      if (end == std::string_view::npos) end = field_name.size();
      std::string_view attribute = field_name.substr(at + 1, end - at - 1);
      if (attribute.empty())
        return Raise(WellKnown::kValueError, "Empty attribute in format string");
      value = GetAttr(value.get(), attribute);
      at = end;
      continue;
    }
    if (field_name[at] != '[') {
      return Raise(WellKnown::kValueError,
                   "Only '.' or '[' may follow ']' in format field specifier");
    }
    size_t close = field_name.find(']', at + 1);
    if (close == std::string_view::npos) {
      return Raise(WellKnown::kValueError, "Missing ']' in format string");
    }
    std::string_view key_text = field_name.substr(at + 1, close - at - 1);
    if (key_text.empty()) return Raise(WellKnown::kValueError, "Empty attribute in format string");
    Ref<Object> key;
    if (key_text.find_first_not_of("0123456789") == std::string_view::npos) {
      int64_t index;
      size_t digits = 0;
      if (!ReadFormatNumber(key_text, &digits, &index)) return nullptr;
      key = NewInt(index);
    } else {
      key = NewStr(key_text);
    }
    value = GetItem(value.get(), key.get());
    at = close + 1;
  }
  return value;
}

Ref<Object> FormatWith(Object* self, const FormatSource& source) {
  Formatter formatter(source);
  std::string out;
  // Two levels, as CPython: a field's spec may contain fields, theirs may not.
  if (!formatter.Format(StrView(self), 2, out)) return nullptr;
  return NewStr(out);
}

}  // namespace

Ref<Object> StrFormat(Object* self, const CallArgs& args) {
  return FormatWith(self, FormatSource{.positional = args.positional(),
                                       .kwnames = args.kwnames,
                                       .keyword_values = args.keyword_values()});
}

Ref<Object> StrFormatMap(Object* self, const CallArgs& args) {
  if (!CheckOneArg(args, "str.format_map")) return nullptr;
  return FormatWith(self, FormatSource{.mapping = args.args[0]});
}

Ref<Object> StrDunderFormat(Object* self, const CallArgs& args) {
  std::optional<std::string_view> spec = FormatSpecArgument(args, "str.__format__");
  if (!spec) return nullptr;
  return FormatStrBySpec(self, *spec);
}

}  // namespace islet::str_internal
