#include "objects/int.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "interp/interpreter.h"
#include "objects/errors.h"
#include "objects/immortals.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/text.h"
#include "objects/well_known.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

// Digit value of an ASCII letter or digit in bases up to 36; 99 otherwise.
int DigitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

// The first `limit` code points of UTF-8 `text`.
std::string_view TruncateCodePoints(std::string_view text, size_t limit) {
  size_t count = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && count++ == limit) {
      return text.substr(0, i);
    }
  }
  return text;
}

std::nullptr_t RaiseInvalidLiteral(std::string_view text, int base, Object* literal) {
  Ref<Object> shown = literal != nullptr ? Ref<Object>::Borrow(literal) : NewStr(text);
  std::optional<std::string> repr = ReprText(shown.get());
  if (!repr) return nullptr;
  // CPython formats the repr with %.200R.
  return Raise(WellKnown::kValueError, StrCat("invalid literal for int() with base ", base, ": ",
                                              TruncateCodePoints(*repr, 200)));
}

}  // namespace

IntObject::IntObject(TakeMpz, mpz_t value) : is_big_(true) {
  // The object now owns the limbs; the caller's mpz_t must not be cleared.
  big_[0] = value[0];
}

Ref<Object> NewInt(int64_t value) {
  if (value >= kSmallIntMin && value <= kSmallIntMax) {
    return Ref<Object>::Borrow(SmallInt(value));
  }
  return Interpreter::Current()->NewObject<IntObject>(WellKnownType(WellKnown::kInt), value);
}

Ref<Object> NewIntFromMpz(const mpz_t value) {
  if (mpz_fits_slong_p(value)) return NewInt(mpz_get_si(value));
  mpz_t copy;
  mpz_init_set(copy, value);
  return Interpreter::Current()->NewObject<IntObject>(WellKnownType(WellKnown::kInt),
                                                      IntObject::TakeMpz{}, copy);
}

Ref<Object> NewIntOfType(TypeObject* type, const Object* value) {
  if (type == WellKnownType(WellKnown::kInt)) {
    if (value->type() == type) return Ref<Object>::Borrow(const_cast<Object*>(value));
    if (std::optional<int64_t> small = IntAsInt64(value)) return NewInt(*small);
    return NewIntFromMpz(static_cast<const IntObject*>(value)->big_value());
  }
  if (std::optional<int64_t> small = IntAsInt64(value)) {
    return Interpreter::Current()->NewObject<IntObject>(type, *small);
  }
  mpz_t copy;
  mpz_init_set(copy, static_cast<const IntObject*>(value)->big_value());
  return Interpreter::Current()->NewObject<IntObject>(type, IntObject::TakeMpz{}, copy);
}

std::optional<int64_t> IntAsInt64(const Object* int_object) {
  auto* value = static_cast<const IntObject*>(int_object);
  if (!value->is_big()) return value->small_value();
  if (mpz_fits_slong_p(value->big_value())) return mpz_get_si(value->big_value());
  return std::nullopt;
}

void IntToMpz(const Object* int_object, mpz_t out) {
  auto* value = static_cast<const IntObject*>(int_object);
  if (value->is_big()) {
    mpz_set(out, value->big_value());
  } else {
    mpz_set_si(out, value->small_value());
  }
}

std::string IntToDecimal(const Object* int_object) {
  auto* value = static_cast<const IntObject*>(int_object);
  if (!value->is_big()) return std::to_string(value->small_value());
  std::string text(mpz_sizeinbase(value->big_value(), 10) + 2, '\0');  // sign and NUL
  mpz_get_str(text.data(), 10, value->big_value());
  text.resize(std::char_traits<char>::length(text.data()));
  return text;
}

int IntSign(const Object* int_object) {
  auto* value = static_cast<const IntObject*>(int_object);
  if (value->is_big()) return mpz_sgn(value->big_value());
  return (value->small_value() > 0) - (value->small_value() < 0);
}

std::optional<double> IntToDouble(const Object* int_object) {
  auto* value = static_cast<const IntObject*>(int_object);
  // The hardware conversion of an int64_t rounds to nearest, ties to even.
  if (!value->is_big()) return static_cast<double>(value->small_value());
  ScopedMpz one;
  mpz_set_ui(one.get(), 1);
  std::optional<double> result = RatioToDouble(value->big_value(), one.get());
  if (!result) Raise(WellKnown::kOverflowError, "int too large to convert to float");
  return result;
}

// Exact: finds the binary exponent e of |n/d|, the quotient q scaled so that its
// last bit is the result's unit in the last place (53 bits, fewer when the result
// is subnormal), rounds q half to even by comparing twice the remainder with the
// divisor, and scales back. q fits a double exactly, so ldexp does not round.
std::optional<double> RatioToDouble(mpz_srcptr numerator, mpz_srcptr denominator) {
  const bool negative = (mpz_sgn(numerator) < 0) != (mpz_sgn(denominator) < 0);
  if (mpz_sgn(numerator) == 0) return negative ? -0.0 : 0.0;
  ScopedMpz a, b;
  mpz_abs(a.get(), numerator);
  mpz_abs(b.get(), denominator);
  const int64_t diff = static_cast<int64_t>(mpz_sizeinbase(a.get(), 2)) -
                       static_cast<int64_t>(mpz_sizeinbase(b.get(), 2));
  // 2**(diff-1) < a/b < 2**(diff+1).
  if (diff > 1025) return std::nullopt;
  if (diff < -1080) return negative ? -0.0 : 0.0;  // below half the smallest subnormal
  // e = floor(log2(a/b)) is diff, or diff - 1 when a < b * 2**diff.
  int64_t e = diff;
  {
    ScopedMpz shifted;
    if (diff >= 0) {
      mpz_mul_2exp(shifted.get(), b.get(), static_cast<mp_bitcnt_t>(diff));
      if (mpz_cmp(a.get(), shifted.get()) < 0) --e;
    } else {
      mpz_mul_2exp(shifted.get(), a.get(), static_cast<mp_bitcnt_t>(-diff));
      if (mpz_cmp(shifted.get(), b.get()) < 0) --e;
    }
  }
  if (e >= 1024) return std::nullopt;
  const int64_t ulp = std::max<int64_t>(e - 52, -1074);
  if (ulp < 0) {
    mpz_mul_2exp(a.get(), a.get(), static_cast<mp_bitcnt_t>(-ulp));
  } else {
    mpz_mul_2exp(b.get(), b.get(), static_cast<mp_bitcnt_t>(ulp));
  }
  ScopedMpz q, r;
  mpz_tdiv_qr(q.get(), r.get(), a.get(), b.get());
  mpz_mul_2exp(r.get(), r.get(), 1);
  const int half = mpz_cmp(r.get(), b.get());
  if (half > 0 || (half == 0 && mpz_odd_p(q.get()))) mpz_add_ui(q.get(), q.get(), 1);
  const double result = std::ldexp(mpz_get_d(q.get()), static_cast<int>(ulp));
  if (std::isinf(result)) return std::nullopt;
  return negative ? -result : result;
}

Ref<Object> NewIntFromDouble(double value) {
  if (std::isinf(value)) {
    return Raise(WellKnown::kOverflowError, "cannot convert float infinity to integer");
  }
  if (std::isnan(value))
    return Raise(WellKnown::kValueError, "cannot convert float NaN to integer");
  // 2**63 is exact as a double; anything in [-2**63, 2**63) truncates to int64_t.
  constexpr double kTwoTo63 = 9223372036854775808.0;
  if (value >= -kTwoTo63 && value < kTwoTo63) return NewInt(static_cast<int64_t>(value));
  ScopedMpz big;
  mpz_set_d(big.get(), value);  // exact: a double this large is an integer
  return NewIntFromMpz(big.get());
}

Ref<Object> IntFromString(std::string_view text, int base, Object* literal) {
  const int given_base = base;
  size_t begin = 0;
  size_t end = text.size();
  while (begin < end && IsAsciiSpace(text[begin])) ++begin;
  while (end > begin && IsAsciiSpace(text[end - 1])) --end;
  std::string_view body = text.substr(begin, end - begin);
  bool negative = false;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
    negative = body[0] == '-';
    body.remove_prefix(1);
  }
  // The prefix of the base: any of them for base 0, only its own otherwise.
  bool had_prefix = false;
  if (body.size() >= 2 && body[0] == '0') {
    const char marker = static_cast<char>(body[1] | 0x20);  // lower case
    const int prefix_base = marker == 'x' ? 16 : marker == 'o' ? 8 : marker == 'b' ? 2 : 0;
    if (prefix_base != 0 && (base == 0 || base == prefix_base)) {
      base = prefix_base;
      had_prefix = true;
      body.remove_prefix(2);
    }
  }
  const bool decimal_without_prefix = base == 0;
  if (base == 0) base = 10;

  // Digits, with single underscores between them (and one right after a prefix).
  std::string digits;
  digits.reserve(body.size());
  bool previous_underscore = had_prefix;  // "0x_1f" is allowed, "_1" is not
  bool underscore_allowed = had_prefix;
  for (char c : body) {
    if (c == '_') {
      if (!underscore_allowed) return RaiseInvalidLiteral(text, given_base, literal);
      underscore_allowed = false;
      previous_underscore = true;
      continue;
    }
    if (DigitValue(c) >= base) return RaiseInvalidLiteral(text, given_base, literal);
    digits.push_back(c);
    underscore_allowed = true;
    previous_underscore = false;
  }
  if (digits.empty() || previous_underscore) return RaiseInvalidLiteral(text, given_base, literal);
  // Base 0 without a prefix: a leading zero is allowed only in zero itself ("00").
  if (decimal_without_prefix && !had_prefix && digits[0] == '0' &&
      digits.find_first_not_of('0') != std::string::npos) {
    return RaiseInvalidLiteral(text, given_base, literal);
  }
  if ((base & (base - 1)) != 0 && static_cast<int64_t>(digits.size()) > kIntMaxStrDigits) {
    return Raise(WellKnown::kValueError,
                 StrCat("Exceeds the limit (", kIntMaxStrDigits,
                        " digits) for integer string conversion: value has ", digits.size(),
                        " digits; use sys.set_int_max_str_digits() to increase the limit"));
  }
  ScopedMpz value;
  mpz_set_str(value.get(), digits.c_str(), base);  // valid: every digit was checked
  if (negative) mpz_neg(value.get(), value.get());
  return NewIntFromMpz(value.get());
}

}  // namespace islet
