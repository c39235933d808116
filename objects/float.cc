#include "objects/float.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>

#include "interp/interpreter.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/well_known.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool EqualsIgnoringCase(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

// Appends the digits of `text` from `*pos` (digits with single underscores
// between them) to `out`. False if there is no digit or an underscore is
// misplaced.
bool ScanDigitPart(std::string_view text, size_t* pos, std::string* out) {
  size_t i = *pos;
  if (i >= text.size() || !IsDigit(text[i])) return false;
  while (i < text.size()) {
    if (IsDigit(text[i])) {
      out->push_back(text[i++]);
    } else if (text[i] == '_' && i + 1 < text.size() && IsDigit(text[i + 1])) {
      ++i;
    } else {
      break;
    }
  }
  *pos = i;
  return true;
}

}  // namespace

Ref<Object> NewFloat(double value) {
  return Interpreter::Current()->NewObject<FloatObject>(WellKnownType(WellKnown::kFloat), value);
}

double FloatValue(const Object* float_object) {
  return static_cast<const FloatObject*>(float_object)->value;
}

std::optional<double> AsDouble(Object* object) {
  if (IsInstance(object, WellKnown::kFloat)) return FloatValue(object);
  const TypeSlots& slots = object->type()->slots();
  if (slots.to_float != nullptr) {
    Ref<Object> result = slots.to_float(object);
    if (!result) return std::nullopt;
    if (!IsInstance(result.get(), WellKnown::kFloat)) {
      Raise(WellKnown::kTypeError,
            StrCat(TypeDisplayName(object->type()), ".__float__ returned non-float (type ",
                   TypeDisplayName(result->type()), ")"));
      return std::nullopt;
    }
    return FloatValue(result.get());
  }
  if (slots.index != nullptr) {
    Ref<Object> result = slots.index(object);
    if (!result) return std::nullopt;
    if (!IsInstance(result.get(), WellKnown::kInt)) {
      Raise(WellKnown::kTypeError,
            StrCat("__index__ returned non-int (type ", TypeDisplayName(result->type()), ")"));
      return std::nullopt;
    }
    return IntToDouble(result.get());
  }
  Raise(WellKnown::kTypeError,
        StrCat("must be real number, not ", TypeDisplayName(object->type())));
  return std::nullopt;
}

std::string DoubleRepr(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  if (value == 0) return std::signbit(value) ? "-0.0" : "0.0";
  // Shortest round-trip digits, as "-d.ddde+XX"; then Python's layout.
  char buffer[64];
  std::to_chars_result converted =
      std::to_chars(buffer, buffer + sizeof(buffer), value, std::chars_format::scientific);
  std::string_view scientific(buffer, static_cast<size_t>(converted.ptr - buffer));
  std::string out;
  if (scientific[0] == '-') {
    out.push_back('-');
    scientific.remove_prefix(1);
  }
  const size_t e = scientific.find('e');
  std::string digits;
  for (char c : scientific.substr(0, e)) {
    if (c != '.') digits.push_back(c);
  }
  const int exponent = std::atoi(std::string(scientific.substr(e + 1)).c_str());
  // The decimal point sits after `point` digits: value = 0.DIGITS * 10**point.
  const int point = exponent + 1;
  const int count = static_cast<int>(digits.size());
  if (point <= -4 || point > 16) {
    out.push_back(digits[0]);
    if (count > 1) {
      out.push_back('.');
      out.append(digits, 1);
    }
    out.push_back('e');
    out.push_back(exponent < 0 ? '-' : '+');
    const int magnitude = std::abs(exponent);
    if (magnitude < 10) out.push_back('0');
    out.append(std::to_string(magnitude));
  } else if (point <= 0) {
    out.append("0.");
    out.append(static_cast<size_t>(-point), '0');
    out.append(digits);
  } else if (point >= count) {
    out.append(digits);
    out.append(static_cast<size_t>(point - count), '0');
    out.append(".0");
  } else {
    out.append(digits, 0, static_cast<size_t>(point));
    out.push_back('.');
    out.append(digits, static_cast<size_t>(point));
  }
  return out;
}

std::optional<double> ParseDouble(std::string_view text) {
  bool negative = false;
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  if (EqualsIgnoringCase(text, "inf") || EqualsIgnoringCase(text, "infinity")) {
    return negative ? -HUGE_VAL : HUGE_VAL;
  }
  if (EqualsIgnoringCase(text, "nan")) return negative ? -std::nan("") : std::nan("");

  // [digits] ["." [digits]] with at least one digit, then an optional exponent.
  std::string mantissa;
  size_t pos = 0;
  const bool has_integer = ScanDigitPart(text, &pos, &mantissa);
  const size_t integer_digits = mantissa.size();
  bool has_fraction = false;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    has_fraction = ScanDigitPart(text, &pos, &mantissa);
  }
  if (!has_integer && !has_fraction) return std::nullopt;
  std::string exponent_digits;
  bool negative_exponent = false;
  if (pos < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
    ++pos;
    if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
      negative_exponent = text[pos] == '-';
      ++pos;
    }
    if (!ScanDigitPart(text, &pos, &exponent_digits)) return std::nullopt;
  }
  if (pos != text.size()) return std::nullopt;

  std::string clean = mantissa.substr(0, integer_digits);
  if (clean.empty()) clean = "0";
  clean.push_back('.');
  clean.append(mantissa, integer_digits);
  clean.push_back('0');
  if (!exponent_digits.empty()) {
    clean.push_back('e');
    if (negative_exponent) clean.push_back('-');
    clean.append(exponent_digits);
  }
  double value = 0;
  std::from_chars_result parsed = std::from_chars(clean.data(), clean.data() + clean.size(), value);
  if (parsed.ec == std::errc::result_out_of_range) {
    // Too large or too small: the decimal magnitude tells which. The value lies
    // in [10**(magnitude-1), 10**magnitude).
    const size_t first_nonzero = mantissa.find_first_not_of('0');
    int64_t exponent = 0;
    for (char c : exponent_digits)
      exponent = std::min<int64_t>(exponent * 10 + (c - '0'), 1'000'000);
    if (negative_exponent) exponent = -exponent;
    const int64_t magnitude =
        static_cast<int64_t>(integer_digits) - static_cast<int64_t>(first_nonzero) + exponent;
    value = magnitude > 0 ? HUGE_VAL : 0.0;
  }
  return negative ? -value : value;
}

}  // namespace islet
