#include "objects/format_spec.h"

#include <gmp.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>

#include "objects/args.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/well_known.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

// ---------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------

bool IsAlign(uint32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// A presentation type as messages quote it: 'x', or '\x85' outside printable ASCII.
std::string QuotedType(uint32_t type) {
  if (type > 32 && type < 128) return std::string(1, static_cast<char>(type));
  char escaped[16];
  std::snprintf(escaped, sizeof(escaped), "\\x%x", type);
  return escaped;
}

// Whether the presentation type formats a float (int's __format__ converts).
bool IsFloatType(uint32_t type) {
  switch (type) {
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case '%':
      return true;
    default:
      return false;
  }
}

// "Cannot specify ',' with 's'.": grouping that the presentation type refuses.
std::nullopt_t RaiseCannotGroup(char grouping, uint32_t type) {
  Raise(WellKnown::kValueError,
        StrCat("Cannot specify '", std::string(1, grouping), "' with '", QuotedType(type), "'."));
  return std::nullopt;
}

// Reads an optional ',' or '_' at spec[*pos] into *grouping; false with
// ValueError when both are given.
bool ReadGrouping(std::string_view spec, size_t* pos, char* grouping) {
  *grouping = 0;
  if (*pos < spec.size() && (spec[*pos] == ',' || spec[*pos] == '_')) *grouping = spec[(*pos)++];
  if (*grouping != 0 && *pos < spec.size() && (spec[*pos] == ',' || spec[*pos] == '_') &&
      spec[*pos] != *grouping) {
    Raise(WellKnown::kValueError, "Cannot specify both ',' and '_'.");
    return false;
  }
  return true;
}

std::nullptr_t RaiseUnknownType(uint32_t type, std::string_view type_name) {
  return Raise(WellKnown::kValueError, StrCat("Unknown format code '", QuotedType(type),
                                              "' for object of type '", type_name, "'"));
}

// ---------------------------------------------------------------------------
// Layout
// ---------------------------------------------------------------------------

// Widths and precisions beyond this raise MemoryError rather than asking for
// gigabytes (CPython fails the same way, on the allocation).
constexpr int64_t kMaxFormatWidth = std::numeric_limits<int32_t>::max() - 1024;

// False with MemoryError when the spec asks for a result too large to make.
bool CheckSize(const FormatSpec& spec) {
  if (spec.width > kMaxFormatWidth || spec.precision > kMaxFormatWidth) {
    Raise(WellKnown::kMemoryError, "");
    return false;
  }
  return true;
}

// The integer digits with `separator` every `group` digits (no separator: one
// group), padded with zeros on the left to at least `min_width` characters.
// A separator never leads, so the result may be one character wider.
std::string GroupDigits(std::string_view digits, char separator, int group, int64_t min_width) {
  if (separator == 0) group = std::numeric_limits<int>::max();
  std::string reversed;
  int64_t remaining = static_cast<int64_t>(digits.size());
  bool first = true;
  while (true) {
    if (!first) reversed.push_back(separator);
    first = false;
    const int64_t length = std::min<int64_t>(std::max<int64_t>({remaining, min_width, 1}), group);
    const int64_t chars = std::min(remaining, length);
    for (int64_t i = 0; i < chars; ++i) reversed.push_back(digits[remaining - 1 - i]);
    for (int64_t i = chars; i < length; ++i) reversed.push_back('0');
    remaining -= chars;
    min_width -= length;
    if (remaining <= 0 && min_width <= 0) break;
    min_width -= 1;  // the separator
  }
  return std::string(reversed.rbegin(), reversed.rend());
}

// A number laid out by the spec: [padding][sign][prefix][padding if '='][digits
// grouped][remainder][padding]. `digits` are the integer part (ASCII);
// `remainder` (the fraction, exponent, "inf", a 'c' character) is copied as it
// is and counts `remainder_length` code points.
std::string LayoutNumber(const FormatSpec& spec, std::string_view sign, std::string_view prefix,
                         std::string_view digits, std::string_view remainder,
                         int64_t remainder_length, int group) {
  const int64_t non_digits = static_cast<int64_t>(sign.size() + prefix.size()) + remainder_length;
  const int64_t min_width = spec.fill == "0" && spec.align == '=' ? spec.width - non_digits : 0;
  const std::string grouped =
      digits.empty() ? std::string() : GroupDigits(digits, spec.grouping, group, min_width);
  const int64_t padding =
      std::max<int64_t>(0, spec.width - non_digits - static_cast<int64_t>(grouped.size()));
  int64_t left = 0, middle = 0, right = 0;
  switch (spec.align) {
    case '<':
      right = padding;
      break;
    case '^':
      left = padding / 2;
      right = padding - left;
      break;
    case '=':
      middle = padding;
      break;
    default:
      left = padding;
      break;
  }
  std::string out;
  for (int64_t i = 0; i < left; ++i) out.append(spec.fill);
  out.append(sign);
  out.append(prefix);
  for (int64_t i = 0; i < middle; ++i) out.append(spec.fill);
  out.append(grouped);
  out.append(remainder);
  for (int64_t i = 0; i < right; ++i) out.append(spec.fill);
  return out;
}

// The sign shown for a number that is negative or not.
std::string_view SignText(const FormatSpec& spec, bool negative) {
  if (negative) return "-";
  if (spec.sign == '+') return "+";
  if (spec.sign == ' ') return " ";
  return "";
}

// ---------------------------------------------------------------------------
// Floats
// ---------------------------------------------------------------------------

// printf(format, precision, value) as a string; glibc rounds correctly.
std::string Printf(const char* format, int precision, double value) {
  int size = std::snprintf(nullptr, 0, format, precision, value);
  std::string out(static_cast<size_t>(size) + 1, '\0');
  std::snprintf(out.data(), out.size(), format, precision, value);
  out.resize(static_cast<size_t>(size));
  return out;
}

// Removes trailing zeros after a decimal point, and the point if it ends up last.
void StripTrailingZeros(std::string& mantissa) {
  if (mantissa.find('.') == std::string::npos) return;
  while (mantissa.back() == '0') mantissa.pop_back();
  if (mantissa.back() == '.') mantissa.pop_back();
}

// 'g' for a finite |value|: `precision` significant digits (0 counts as 1);
// scientific when the exponent is below -4 or at least the precision (at least
// the precision - 1 with `add_dot_0`, the empty type's rule, which also gives
// fixed results a ".0" when they would look like integers). '#' keeps trailing
// zeros and the point.
std::string FormatGeneral(double value, int precision, bool upper, bool alternate, bool add_dot_0) {
  if (precision == 0) precision = 1;
  std::string scientific = Printf(alternate ? "%#.*e" : "%.*e", precision - 1, value);
  const size_t e = scientific.find('e');
  const int exponent = std::atoi(scientific.c_str() + e + 1);
  if (exponent < -4 || exponent >= (add_dot_0 ? precision - 1 : precision)) {
    std::string mantissa = scientific.substr(0, e);
    if (!alternate) StripTrailingZeros(mantissa);
    std::string out = mantissa + (upper ? "E" : "e") + scientific.substr(e + 1);
    return out;
  }
  std::string fixed = Printf(alternate ? "%#.*f" : "%.*f", precision - 1 - exponent, value);
  if (!alternate) StripTrailingZeros(fixed);
  if (add_dot_0 && fixed.find('.') == std::string::npos) fixed.append(".0");
  return fixed;
}

// The digits of a finite non-negative value by the float presentation type
// ('e', 'E', 'f', 'F', 'g', 'G', 'n', '%', or 0 for none).
std::string FloatDigits(double value, const FormatSpec& spec) {
  const bool alternate = spec.alternate;
  const uint32_t type = spec.type;
  int precision = spec.precision < 0 ? 6 : static_cast<int>(spec.precision);
  switch (type) {
    case 0:
      if (spec.precision < 0) {
        std::string repr = DoubleRepr(value);
        const size_t e = repr.find('e');
        if (alternate && e != std::string::npos && repr.find('.') == std::string::npos) {
          repr.insert(e, ".");
        }
        return repr;
      }
      return FormatGeneral(value, precision, false, alternate, true);
    case 'e':
    case 'E':
      return Printf(type == 'e' ? (alternate ? "%#.*e" : "%.*e") : (alternate ? "%#.*E" : "%.*E"),
                    precision, value);
    case 'f':
    case 'F':
    case '%':
      return Printf(alternate ? "%#.*f" : "%.*f", precision, type == '%' ? value * 100 : value);
    default:  // 'g', 'G', 'n'
      return FormatGeneral(value, precision, type == 'G', alternate, false);
  }
}

// Formats a double by a parsed spec whose type is a float type.
Ref<Object> FormatDouble(double value, const FormatSpec& spec) {
  if (spec.precision > INT_MAX) return Raise(WellKnown::kValueError, "precision too big");
  if (!CheckSize(spec)) return nullptr;
  const uint32_t type = spec.type;
  const bool upper = type == 'E' || type == 'F' || type == 'G';
  bool negative = std::signbit(value) && !std::isnan(value);
  std::string body;
  if (std::isnan(value)) {
    body = upper ? "NAN" : "nan";
  } else if (std::isinf(value)) {
    body = upper ? "INF" : "inf";
  } else {
    body = FloatDigits(std::fabs(value), spec);
    if (body[0] == '-') body.erase(0, 1);  // DoubleRepr of -0.0 keeps its sign
    if (negative && spec.no_negative_zero &&
        body.find_first_not_of("0.", 0) == body.find_first_of("eE")) {
      negative = false;  // rounded to zero: 'z' drops the sign
    }
  }
  if (type == '%') body.push_back('%');
  if (spec.fraction_grouping != 0 && body.find('.') != std::string::npos) {
    // Separators between groups of three fraction digits, from the point on.
    const size_t point = body.find('.');
    const size_t end = std::min(body.find_first_not_of("0123456789", point + 1), body.size());
    std::string grouped;
    for (size_t i = point + 1; i < end; ++i) {
      if (i > point + 1 && (i - point - 1) % 3 == 0) grouped.push_back(spec.fraction_grouping);
      grouped.push_back(body[i]);
    }
    body.replace(point + 1, end - point - 1, grouped);
  }
  const size_t digits_end = std::min(body.find_first_not_of("0123456789"), body.size());
  std::string_view digits = std::string_view(body).substr(0, digits_end);
  std::string_view remainder = std::string_view(body).substr(digits_end);
  return NewStr(LayoutNumber(spec, SignText(spec, negative), "", digits, remainder,
                             static_cast<int64_t>(remainder.size()), 3));
}

}  // namespace

bool ReadFormatNumber(std::string_view text, size_t* pos, int64_t* value) {
  *value = 0;
  while (*pos < text.size() && IsDigit(text[*pos])) {
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

// ---------------------------------------------------------------------------
// The parser
// ---------------------------------------------------------------------------

std::optional<FormatSpec> ParseFormatSpec(std::string_view spec, uint32_t default_type,
                                          char default_align, std::string_view type_name) {
  FormatSpec out;
  out.align = default_align;
  out.type = default_type;
  size_t pos = 0;
  bool align_given = false;
  if (!spec.empty()) {
    size_t second = 0;
    const uint32_t first = DecodeCodePoint(spec, &second);
    if (second < spec.size() && IsAlign(static_cast<unsigned char>(spec[second]))) {
      out.fill = spec.substr(0, second);
      out.fill_given = true;
      out.align = spec[second];
      align_given = true;
      pos = second + 1;
    } else if (IsAlign(first)) {
      out.align = static_cast<char>(first);
      align_given = true;
      pos = 1;
    }
  }
  if (pos < spec.size() && (spec[pos] == '+' || spec[pos] == '-' || spec[pos] == ' ')) {
    out.sign = spec[pos++];
  }
  if (pos < spec.size() && spec[pos] == 'z') {
    out.no_negative_zero = true;
    ++pos;
  }
  if (pos < spec.size() && spec[pos] == '#') {
    out.alternate = true;
    ++pos;
  }
  if (!out.fill_given && pos < spec.size() && spec[pos] == '0') {
    out.fill = "0";
    if (!align_given && default_align == '>') out.align = '=';  // numbers: after the sign
    ++pos;
  }
  const size_t width_start = pos;
  if (!ReadFormatNumber(spec, &pos, &out.width)) return std::nullopt;
  if (pos == width_start) out.width = -1;
  if (!ReadGrouping(spec, &pos, &out.grouping)) return std::nullopt;
  if (pos < spec.size() && spec[pos] == '.') {
    ++pos;
    const size_t precision_start = pos;
    if (!ReadFormatNumber(spec, &pos, &out.precision)) return std::nullopt;
    if (pos == precision_start) out.precision = -1;
    if (!ReadGrouping(spec, &pos, &out.fraction_grouping)) return std::nullopt;
    if (pos == precision_start) {
      Raise(WellKnown::kValueError, "Format specifier missing precision");
      return std::nullopt;
    }
  }
  const std::string_view rest = spec.substr(pos);
  if (Utf8Length(rest) > 1) {
    Raise(WellKnown::kValueError,
          StrCat("Invalid format specifier '", spec, "' for object of type '", type_name, "'"));
    return std::nullopt;
  }
  if (!rest.empty()) {
    size_t at = 0;
    out.type = DecodeCodePoint(rest, &at);
  }
  if (out.fraction_grouping != 0 && !IsFloatType(out.type) && out.type != 0) {
    return RaiseCannotGroup(out.fraction_grouping, out.type);
  }
  if (out.grouping != 0) {
    switch (out.type) {
      case 'd':
      case 'e':
      case 'f':
      case 'g':
      case 'E':
      case 'G':
      case '%':
      case 'F':
      case 0:
        break;
      case 'b':
      case 'o':
      case 'x':
      case 'X':
        if (out.grouping == '_') break;  // every four digits
        [[fallthrough]];
      default:
        return RaiseCannotGroup(out.grouping, out.type);
    }
  }
  return out;
}

std::optional<std::string_view> FormatSpecArgument(const CallArgs& args,
                                                   std::string_view function) {
  if (!CheckOneArg(args, function)) return std::nullopt;
  Object* spec = args.args[0];
  if (!IsInstance(spec, WellKnown::kStr)) {
    Raise(WellKnown::kTypeError,
          StrCat("__format__() argument must be str, not ", TypeDisplayName(spec->type())));
    return std::nullopt;
  }
  return StrView(spec);
}

// ---------------------------------------------------------------------------
// str
// ---------------------------------------------------------------------------

Ref<Object> FormatStrBySpec(Object* str, std::string_view spec_text) {
  if (spec_text.empty()) return Str(str);
  const std::string_view type_name = TypeDisplayName(str->type());
  std::optional<FormatSpec> spec = ParseFormatSpec(spec_text, 's', '<', type_name);
  if (!spec) return nullptr;
  if (spec->type != 's') return RaiseUnknownType(spec->type, type_name);
  const char* refusal =
      spec->sign == ' '        ? "Space not allowed in string format specifier"
      : spec->sign != 0        ? "Sign not allowed in string format specifier"
      : spec->no_negative_zero ? "Negative zero coercion (z) not allowed in string format "
                                 "specifier"
      : spec->alternate        ? "Alternate form (#) not allowed in string format specifier"
      : spec->align == '='     ? "'=' alignment not allowed in string format specifier"
                               : nullptr;
  if (refusal != nullptr) return Raise(WellKnown::kValueError, refusal);
  if (!CheckSize(*spec)) return nullptr;
  std::string_view text = StrView(str);
  int64_t length = StrLength(str);
  if (spec->precision >= 0 && spec->precision < length) {
    text = text.substr(0, CodePointOffset(text, spec->precision, StrIsAscii(str)));
    length = spec->precision;
  }
  if (spec->width <= length) return NewStr(text);
  const int64_t margin = spec->width - length;
  const int64_t left = spec->align == '>' ? margin : spec->align == '^' ? margin / 2 : 0;
  std::string out;
  for (int64_t i = 0; i < left; ++i) out.append(spec->fill);
  out.append(text);
  for (int64_t i = left; i < margin; ++i) out.append(spec->fill);
  return NewStr(out);
}

// ---------------------------------------------------------------------------
// int
// ---------------------------------------------------------------------------

Ref<Object> FormatIntBySpec(Object* int_object, std::string_view spec_text) {
  if (spec_text.empty()) return Str(int_object);
  const std::string_view type_name = TypeDisplayName(int_object->type());
  std::optional<FormatSpec> spec = ParseFormatSpec(spec_text, 'd', '>', type_name);
  if (!spec) return nullptr;
  if (IsFloatType(spec->type)) {
    std::optional<double> value = IntToDouble(int_object);
    if (!value) return nullptr;
    return FormatDouble(*value, *spec);
  }
  int base;
  switch (spec->type) {
    case 'b':
      base = 2;
      break;
    case 'o':
      base = 8;
      break;
    case 'x':
    case 'X':
      base = 16;
      break;
    case 'c':
    case 'd':
    case 'n':
      base = 10;
      break;
    default:
      return RaiseUnknownType(spec->type, type_name);
  }
  if (spec->precision >= 0) {
    return Raise(WellKnown::kValueError, "Precision not allowed in integer format specifier");
  }
  if (spec->no_negative_zero) {
    return Raise(WellKnown::kValueError,
                 "Negative zero coercion (z) not allowed in integer format specifier");
  }
  if (!CheckSize(*spec)) return nullptr;
  if (spec->type == 'c') {
    if (spec->sign != 0) {
      return Raise(WellKnown::kValueError, "Sign not allowed with integer format specifier 'c'");
    }
    if (spec->alternate) {
      return Raise(WellKnown::kValueError,
                   "Alternate form (#) not allowed with integer format specifier 'c'");
    }
    std::optional<int64_t> code = IntAsInt64(int_object);
    if (!code) {
      return Raise(WellKnown::kOverflowError, "Python int too large to convert to C long");
    }
    if (*code < 0 || *code > 0x10ffff) {
      return Raise(WellKnown::kOverflowError, "%c arg not in range(0x110000)");
    }
    if (*code >= 0xd800 && *code <= 0xdfff) {
      return Raise(WellKnown::kValueError, "%c arg is a surrogate, which islet's str cannot hold");
    }
    std::string character;
    AppendCodePoint(character, static_cast<uint32_t>(*code));
    return NewStr(LayoutNumber(*spec, "", "", "", character, 1, 3));
  }
  ScopedMpz value;
  IntToMpz(int_object, value.get());
  const bool negative = mpz_sgn(value.get()) < 0;
  mpz_abs(value.get(), value.get());
  if (base == 10 && mpz_sizeinbase(value.get(), 10) > static_cast<size_t>(kIntMaxStrDigits)) {
    // mpz_sizeinbase may count one digit too many: check exactly.
    ScopedMpz limit;
    mpz_ui_pow_ui(limit.get(), 10, static_cast<unsigned long>(kIntMaxStrDigits));
    if (mpz_cmp(value.get(), limit.get()) >= 0) {
      return Raise(WellKnown::kValueError,
                   StrCat("Exceeds the limit (", kIntMaxStrDigits,
                          " digits) for integer string conversion; use "
                          "sys.set_int_max_str_digits() to increase the limit"));
    }
  }
  std::string digits(mpz_sizeinbase(value.get(), base) + 1, '\0');
  mpz_get_str(digits.data(), spec->type == 'X' ? -base : base, value.get());
  digits.resize(std::char_traits<char>::length(digits.c_str()));
  std::string_view prefix;
  if (spec->alternate) {
    prefix = spec->type == 'b'   ? "0b"
             : spec->type == 'o' ? "0o"
             : spec->type == 'x' ? "0x"
             : spec->type == 'X' ? "0X"
                                 : "";
  }
  const bool no_grouping = spec->type == 'n';
  FormatSpec layout = *spec;
  if (no_grouping) layout.grouping = 0;
  return NewStr(
      LayoutNumber(layout, SignText(*spec, negative), prefix, digits, "", 0, base == 10 ? 3 : 4));
}

// ---------------------------------------------------------------------------
// float
// ---------------------------------------------------------------------------

Ref<Object> FormatFloatBySpec(Object* float_object, std::string_view spec_text) {
  if (spec_text.empty()) return Str(float_object);
  const std::string_view type_name = TypeDisplayName(float_object->type());
  std::optional<FormatSpec> spec = ParseFormatSpec(spec_text, 0, '>', type_name);
  if (!spec) return nullptr;
  if (spec->type != 0 && spec->type != 'n' && !IsFloatType(spec->type)) {
    return RaiseUnknownType(spec->type, type_name);
  }
  return FormatDouble(FloatValue(float_object), *spec);
}

}  // namespace islet
