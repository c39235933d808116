// str.format, str.format_map and str.__format__, following CPython's
// Objects/stringlib/unicode_format.h (the grammar, the error messages, and the
// auto/manual field numbering rules) and its format spec mini-language for
// strings.
//
// Fields: "{}", "{0}", "{name}", with ".attr" and "[key]" lookups, the !r !s !a
// conversions, and format specs (nested fields allowed, two levels as in
// CPython). A value is formatted by its type's __format__ when the type has one
// (str's is here); otherwise an empty spec gives str(value) and any other spec
// is the TypeError object.__format__ raises. Until numbers define __format__,
// "{:>5}".format(1) is that TypeError, and "{:>5}".format(str(1)) works.

#include <cstdio>
#include <limits>
#include <optional>
#include <span>
#include <string>

#include "interp/interpreter.h"
#include "objects/args.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "runtime/str_cat.h"
#include "types/str/str_methods.h"

namespace islet::str_internal {
namespace {

// --- The format spec mini-language, for strs ---

bool IsAlign(uint32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

// Reads a decimal number at text[*pos]; false with ValueError when it is too big.
bool ReadNumber(std::string_view text, size_t* pos, int64_t* value) {
  *value = 0;
  while (*pos < text.size() && text[*pos] >= '0' && text[*pos] <= '9') {
    int digit = text[*pos] - '0';
    if (*value > (std::numeric_limits<int64_t>::max() - digit) / 10) {
      Raise(WellKnown::kValueError, "Too many decimal digits in format string");
      return false;
    }
    *value = *value * 10 + digit;
    ++*pos;
  }
  return true;
}

// Formats `text` by the spec [[fill]align][sign][z][#][0][width][grouping][.precision][type].
std::optional<std::string> FormatStrWithSpec(std::string_view text, std::string_view spec) {
  if (spec.empty()) return std::string(text);
  size_t pos = 0;
  std::string fill = " ";
  uint32_t align = '<';
  bool fill_given = false;
  {
    size_t second = 0;
    uint32_t first = DecodeCodePoint(spec, &second);
    if (second < spec.size() && IsAlign(static_cast<unsigned char>(spec[second]))) {
      fill = std::string(spec.substr(0, second));
      align = static_cast<unsigned char>(spec[second]);
      fill_given = true;
      pos = second + 1;
    } else if (IsAlign(first)) {
      align = first;
      pos = 1;
    }
  }
  char sign = 0;
  if (pos < spec.size() && (spec[pos] == '+' || spec[pos] == '-' || spec[pos] == ' ')) {
    sign = spec[pos++];
  }
  bool no_negative_zero = false;
  if (pos < spec.size() && spec[pos] == 'z') {
    no_negative_zero = true;
    ++pos;
  }
  bool alternate = false;
  if (pos < spec.size() && spec[pos] == '#') {
    alternate = true;
    ++pos;
  }
  if (!fill_given && pos < spec.size() && spec[pos] == '0') {
    fill = "0";  // for strs the default alignment stays left
    ++pos;
  }
  int64_t width = -1;
  if (pos < spec.size() && spec[pos] >= '0' && spec[pos] <= '9') {
    if (!ReadNumber(spec, &pos, &width)) return std::nullopt;
  }
  char grouping = 0;
  if (pos < spec.size() && (spec[pos] == ',' || spec[pos] == '_')) grouping = spec[pos++];
  int64_t precision = -1;
  if (pos < spec.size() && spec[pos] == '.') {
    ++pos;
    if (pos >= spec.size() || spec[pos] < '0' || spec[pos] > '9') {
      Raise(WellKnown::kValueError, "Format specifier missing precision");
      return std::nullopt;
    }
    if (!ReadNumber(spec, &pos, &precision)) return std::nullopt;
  }
  std::string_view rest = spec.substr(pos);
  if (Utf8Length(rest) > 1) {
    Raise(WellKnown::kValueError,
          StrCat("Invalid format specifier '", spec, "' for object of type 'str'"));
    return std::nullopt;
  }
  std::string_view type = rest.empty() ? "s" : rest;
  if (grouping != 0 && type == "s") {
    Raise(WellKnown::kValueError, StrCat("Cannot specify '", grouping, "' with 's'."));
    return std::nullopt;
  }
  if (type != "s") {
    Raise(WellKnown::kValueError,
          StrCat("Unknown format code '", type, "' for object of type 'str'"));
    return std::nullopt;
  }
  const char* refusal = sign != 0          ? "Sign not allowed in string format specifier"
                        : no_negative_zero ? "Negative zero coercion (z) not allowed in string "
                                             "format specifier"
                        : alternate        ? "Alternate form (#) not allowed in string format "
                                             "specifier"
                        : align == '='     ? "'=' alignment not allowed in string format specifier"
                                           : nullptr;
  if (refusal != nullptr) {
    Raise(WellKnown::kValueError, refusal);
    return std::nullopt;
  }
  int64_t length = Utf8Length(text);
  if (precision >= 0 && precision < length) {
    text = text.substr(0, CodePointOffset(text, precision, false));
    length = precision;
  }
  if (width <= length) return std::string(text);
  int64_t margin = width - length;
  int64_t left = align == '>' ? margin : align == '^' ? margin / 2 : 0;
  std::string out;
  for (int64_t i = 0; i < left; ++i) out.append(fill);
  out.append(text);
  for (int64_t i = left; i < margin; ++i) out.append(fill);
  return out;
}

// format(value, spec): the value's __format__, found on its type (exact strs
// take a shortcut to the same code).
Ref<Object> FormatValue(Object* value, std::string_view spec) {
  if (IsExactly(value, WellKnown::kStr)) {
    std::optional<std::string> text = FormatStrWithSpec(StrView(value), spec);
    return text ? NewStr(*text) : nullptr;
  }
  Interpreter& interp = *Interpreter::Current();
  Ref<Object> method =
      Ref<Object>::Borrow(interp.LookupTypeAttribute(*value->type(), interp.Intern("__format__")));
  if (!method) {
    if (spec.empty()) return Str(value);
    return Raise(WellKnown::kTypeError, StrCat("unsupported format string passed to ",
                                               TypeDisplayName(value->type()), ".__format__"));
  }
  if (DescrGetFn get = method->type()->slots().descr_get) {
    method = get(method.get(), value, value->type());
    if (!method) return nullptr;
  }
  Ref<Object> spec_str = NewStr(spec);
  Ref<Object> result = Call(method.get(), {spec_str.get()});
  if (result && !IsInstance(result.get(), WellKnown::kStr)) {
    return Raise(WellKnown::kTypeError,
                 StrCat("__format__ must return a str, not ", TypeDisplayName(result->type())));
  }
  return result;
}

// ascii(): repr() with every non-ASCII code point escaped.
std::optional<std::string> AsciiText(Object* value) {
  std::optional<std::string> repr = ReprText(value);
  if (!repr) return std::nullopt;
  std::string out;
  for (size_t pos = 0; pos < repr->size();) {
    uint32_t c = DecodeCodePoint(*repr, &pos);
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
      continue;
    }
    char escape[16];
    std::snprintf(escape, sizeof(escape),
                  c <= 0xff     ? "\\x%02x"
                  : c <= 0xffff ? "\\u%04x"
                                : "\\U%08x",
                  c);
    out.append(escape);
  }
  return out;
}

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
      case 'a': {
        std::optional<std::string> text = AsciiText(value.get());
        value = text ? NewStr(*text) : nullptr;
        break;
      }
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
  Ref<Object> formatted = FormatValue(value.get(), spec);
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
    if (!ReadNumber(first, &at, &index)) return nullptr;
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
      if (!ReadNumber(key_text, &digits, &index)) return nullptr;
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
  if (!CheckOneArg(args, "str.__format__")) return nullptr;
  Object* spec = args.args[0];
  if (!IsInstance(spec, WellKnown::kStr)) {
    return Raise(WellKnown::kTypeError,
                 StrCat("__format__() argument must be str, not ", TypeDisplayName(spec->type())));
  }
  std::optional<std::string> text = FormatStrWithSpec(StrView(self), StrView(spec));
  if (!text) return nullptr;
  return NewStr(*text);
}

}  // namespace islet::str_internal
