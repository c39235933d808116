// `float`: IEEE 754 doubles (objects/float.h). Arithmetic accepts ints on
// either side (converted to double, OverflowError if too large), so it also
// serves int's reflected mixed operations; comparisons with ints are exact, and
// hashes agree with int's for integral values (CPython's _Py_HashDouble). The
// zero-division messages are CPython 3.14's ("division by zero" for /, // and %).

#include "objects/float.h"

#include <gmp.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>

#include "interp/interpreter.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/errors.h"
#include "objects/exception.h"
#include "objects/format_spec.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/text.h"
#include "objects/tuple.h"
#include "runtime/static_type.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

// kHashModulus is 2**kHashBits - 1.
constexpr int kHashBits = 61;
constexpr int64_t kHashInf = 314159;

bool IsFloat(const Object* object) { return IsInstance(object, WellKnown::kFloat); }
double ValueOf(const Object* self) { return FloatValue(self); }

// An operand of a float operation as a double. Not a float or an int: nullopt
// with nothing raised (the slot returns NotImplemented).
std::optional<double> Operand(Object* object, bool* failed) {
  if (IsFloat(object)) return ValueOf(object);
  if (IsInstance(object, WellKnown::kInt)) {
    std::optional<double> value = IntToDouble(object);
    if (!value) *failed = true;
    return value;
  }
  return std::nullopt;
}

// Converts both operands; on return false, `*result` is what the slot returns
// (NotImplemented, or null with OverflowError raised).
bool Operands(Object* a, Object* b, double* x, double* y, Ref<Object>* result) {
  bool failed = false;
  std::optional<double> left = Operand(a, &failed);
  std::optional<double> right = left ? Operand(b, &failed) : std::nullopt;
  if (left && right) {
    *x = *left;
    *y = *right;
    return true;
  }
  *result = failed ? nullptr : NotImplementedRef();
  return false;
}

std::nullptr_t RaiseZeroDivision() {
  return Raise(WellKnown::kZeroDivisionError, "division by zero");
}

// A plain float equal to `self` (self itself when it is one).
Ref<Object> PlainFloat(Object* self) {
  if (IsExactly(self, WellKnown::kFloat)) return Ref<Object>::Borrow(self);
  return NewFloat(ValueOf(self));
}

// ---------------------------------------------------------------------------
// Text, hashing, truth, comparison
// ---------------------------------------------------------------------------

Ref<Object> FloatRepr(Object* self) { return NewStr(DoubleRepr(ValueOf(self))); }

// The value modulo 2**61 - 1, computed from the binary expansion 28 bits at a
// time, so an integral float hashes like the equal int. NaNs hash by identity.
int64_t FloatHash(Object* self) {
  const double value = ValueOf(self);
  if (std::isinf(value)) return value > 0 ? kHashInf : -kHashInf;
  if (std::isnan(value)) return PointerHash(self);
  int exponent;
  double mantissa = std::frexp(value, &exponent);
  const bool negative = mantissa < 0;
  if (negative) mantissa = -mantissa;
  uint64_t hash = 0;
  while (mantissa != 0) {
    // Multiply by 2**28 (rotating, modulo 2**61 - 1) and add the next 28 bits.
    hash = ((hash << 28) & kHashModulus) | hash >> (kHashBits - 28);
    mantissa *= 268435456.0;
    exponent -= 28;
    const uint64_t chunk = static_cast<uint64_t>(mantissa);
    mantissa -= static_cast<double>(chunk);
    hash += chunk;
    if (hash >= kHashModulus) hash -= kHashModulus;
  }
  // Multiply by 2**exponent, a rotation modulo 2**61 - 1.
  exponent = exponent >= 0 ? exponent % kHashBits : kHashBits - 1 - ((-1 - exponent) % kHashBits);
  hash = ((hash << exponent) & kHashModulus) | hash >> (kHashBits - exponent);
  const int64_t signed_hash = negative ? -static_cast<int64_t>(hash) : static_cast<int64_t>(hash);
  return signed_hash == -1 ? -2 : signed_hash;
}

int FloatToBool(Object* self) { return ValueOf(self) != 0.0; }

// -1, 0 or 1 comparing a non-NaN double with an int, exactly.
int CompareWithInt(double value, const Object* integer) {
  if (std::isinf(value)) return value > 0 ? 1 : -1;
  constexpr int64_t kExact = int64_t{1} << 53;
  if (std::optional<int64_t> small = IntAsInt64(integer);
      small && *small >= -kExact && *small <= kExact) {
    const double other = static_cast<double>(*small);
    return (value > other) - (value < other);
  }
  mpq_t exact;
  mpq_init(exact);
  mpq_set_d(exact, value);  // exact: every finite double is a fraction
  ScopedMpz other;
  IntToMpz(integer, other.get());
  const int comparison = mpq_cmp_z(exact, other.get());
  mpq_clear(exact);
  return (comparison > 0) - (comparison < 0);
}

Ref<Object> FloatRichCompare(Object* self, Object* other, CompareOp op) {
  const double value = ValueOf(self);
  if (IsFloat(other)) return BoolRef(CompareValues(value, ValueOf(other), op));
  if (IsInstance(other, WellKnown::kInt)) {
    if (std::isnan(value)) return BoolRef(op == CompareOp::kNe);
    return BoolRef(CompareValues(CompareWithInt(value, other), 0, op));
  }
  return NotImplementedRef();
}

// ---------------------------------------------------------------------------
// Arithmetic
// ---------------------------------------------------------------------------

Ref<Object> FloatAdd(Object* a, Object* b) {
  double x, y;
  Ref<Object> result;
  if (!Operands(a, b, &x, &y, &result)) return result;
  return NewFloat(x + y);
}

Ref<Object> FloatSubtract(Object* a, Object* b) {
  double x, y;
  Ref<Object> result;
  if (!Operands(a, b, &x, &y, &result)) return result;
  return NewFloat(x - y);
}

Ref<Object> FloatMultiply(Object* a, Object* b) {
  double x, y;
  Ref<Object> result;
  if (!Operands(a, b, &x, &y, &result)) return result;
  return NewFloat(x * y);
}

Ref<Object> FloatTrueDivide(Object* a, Object* b) {
  double x, y;
  Ref<Object> result;
  if (!Operands(a, b, &x, &y, &result)) return result;
  if (y == 0.0) return RaiseZeroDivision();
  return NewFloat(x / y);
}

// Python's remainder takes the divisor's sign; a zero remainder is signed like
// the divisor too.
double Remainder(double x, double y) {
  double remainder = std::fmod(x, y);
  if (remainder != 0.0) {
    if ((y < 0) != (remainder < 0)) remainder += y;
  } else {
    remainder = std::copysign(0.0, y);
  }
  return remainder;
}

// floor(x / y) consistent with Remainder: x == q * y + r up to rounding. The
// quotient is computed from x - r, which y divides almost exactly, and snapped to
// the nearest integer.
double FloorQuotient(double x, double y) {
  const double remainder = std::fmod(x, y);
  double quotient = (x - remainder) / y;
  if (remainder != 0.0 && ((y < 0) != (remainder < 0))) quotient -= 1.0;
  if (quotient == 0.0) return std::copysign(0.0, x / y);
  double floored = std::floor(quotient);
  if (quotient - floored > 0.5) floored += 1.0;
  return floored;
}

Ref<Object> FloatFloorDivide(Object* a, Object* b) {
  double x, y;
  Ref<Object> result;
  if (!Operands(a, b, &x, &y, &result)) return result;
  if (y == 0.0) return RaiseZeroDivision();
  return NewFloat(FloorQuotient(x, y));
}

Ref<Object> FloatRemainder(Object* a, Object* b) {
  double x, y;
  Ref<Object> result;
  if (!Operands(a, b, &x, &y, &result)) return result;
  if (y == 0.0) return RaiseZeroDivision();
  return NewFloat(Remainder(x, y));
}

// OverflowError(34, 'Numerical result out of range'), what CPython raises from
// errno ERANGE.
std::nullptr_t RaiseRangeError() {
  Ref<Object> code = NewInt(34);
  Ref<Object> message = NewStr("Numerical result out of range");
  return RaiseObject(NewException(WellKnownType(WellKnown::kOverflowError),
                                  NewTuple({code.get(), message.get()})));
}

bool IsOddInteger(double value) { return std::fmod(std::fabs(value), 2.0) == 1.0; }

// x ** y with Python's special cases (C99 Annex F, plus errors where C would
// return an infinity from finite operands).
Ref<Object> FloatPower(Object* a, Object* b) {
  double x, y;
  Ref<Object> result;
  if (!Operands(a, b, &x, &y, &result)) return result;
  if (y == 0.0) return NewFloat(1.0);
  if (std::isnan(x)) return NewFloat(x);
  if (std::isnan(y)) return NewFloat(x == 1.0 ? 1.0 : y);
  if (std::isinf(y)) {
    const double magnitude = std::fabs(x);
    if (magnitude == 1.0) return NewFloat(1.0);
    return NewFloat((y > 0) == (magnitude > 1.0) ? HUGE_VAL : 0.0);
  }
  if (std::isinf(x)) {
    const bool odd = IsOddInteger(y);
    if (y > 0) return NewFloat(odd ? x : std::fabs(x));
    return NewFloat(odd ? std::copysign(0.0, x) : 0.0);
  }
  if (x == 0.0) {
    if (y < 0) return Raise(WellKnown::kZeroDivisionError, "zero to a negative power");
    return NewFloat(IsOddInteger(y) ? x : 0.0);
  }
  bool negate = false;
  if (x < 0) {
    // CPython returns a complex here; islet has no complex type.
    if (y != std::floor(y)) {
      return Raise(WellKnown::kValueError,
                   "negative number cannot be raised to a fractional power");
    }
    x = -x;
    negate = IsOddInteger(y);
  }
  double power = x == 1.0 ? 1.0 : std::pow(x, y);
  if (std::isinf(power)) return RaiseRangeError();
  return NewFloat(negate ? -power : power);
}

Ref<Object> FloatNegative(Object* self) { return NewFloat(-ValueOf(self)); }
Ref<Object> FloatAbsolute(Object* self) { return NewFloat(std::fabs(ValueOf(self))); }
Ref<Object> FloatToInt(Object* self) { return NewIntFromDouble(ValueOf(self)); }

// ---------------------------------------------------------------------------
// Construction: float(x=0.0, /)
// ---------------------------------------------------------------------------

// float(str) and float(bytes); the error shows the argument's repr.
Ref<Object> FloatFromString(Object* str, std::string_view text) {
  while (!text.empty() && IsAsciiSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsAsciiSpace(text.back())) text.remove_suffix(1);
  if (std::optional<double> value = ParseDouble(text)) return NewFloat(*value);
  std::optional<std::string> repr = ReprText(str);
  if (!repr) return nullptr;
  return Raise(WellKnown::kValueError, StrCat("could not convert string to float: ", *repr));
}

// float(x) for any x: CPython's PyNumber_Float.
Ref<Object> FloatFromObject(Object* x) {
  if (IsExactly(x, WellKnown::kFloat)) return Ref<Object>::Borrow(x);
  const TypeSlots& slots = x->type()->slots();
  if (slots.to_float != nullptr) {
    Ref<Object> result = slots.to_float(x);
    if (result && !IsFloat(result.get())) {
      return Raise(WellKnown::kTypeError,
                   StrCat(TypeDisplayName(x->type()), ".__float__ returned non-float (type ",
                          TypeDisplayName(result->type()), ")"));
    }
    return result ? PlainFloat(result.get()) : nullptr;
  }
  if (slots.index != nullptr) {
    std::optional<double> value = AsDouble(x);
    if (!value) return nullptr;
    return NewFloat(*value);
  }
  if (IsInstance(x, WellKnown::kStr)) {
    // Unicode digits and whitespace read as their ASCII forms.
    if (StrIsAscii(x)) return FloatFromString(x, StrView(x));
    return FloatFromString(x, NumberTextToAscii(StrView(x)));
  }
  if (IsInstance(x, WellKnown::kBytes)) return FloatFromString(x, BytesView(x));
  return Raise(WellKnown::kTypeError,
               StrCat("float() argument must be a string or a real number, not '",
                      TypeDisplayName(x->type()), "'"));
}

Ref<Object> FloatNew(TypeObject* type, const CallArgs& args) {
  if (!CheckPositional(args, "float", 0, 1)) return nullptr;
  Ref<Object> value = args.args.empty() ? NewFloat(0.0) : FloatFromObject(args.args[0]);
  if (!value || type == WellKnownType(WellKnown::kFloat)) return value;
  return Interpreter::Current()->NewObject<FloatObject>(type, ValueOf(value.get()));
}

// ---------------------------------------------------------------------------
// Methods and getters
// ---------------------------------------------------------------------------

Ref<Object> FloatIsInteger(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "float.is_integer")) return nullptr;
  const double value = ValueOf(self);
  return BoolRef(std::isfinite(value) && std::floor(value) == value);
}

Ref<Object> FloatAsIntegerRatio(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "float.as_integer_ratio")) return nullptr;
  const double value = ValueOf(self);
  if (std::isinf(value)) {
    return Raise(WellKnown::kOverflowError, "cannot convert Infinity to integer ratio");
  }
  if (std::isnan(value))
    return Raise(WellKnown::kValueError, "cannot convert NaN to integer ratio");
  mpq_t ratio;
  mpq_init(ratio);
  mpq_set_d(ratio, value);  // exact and in lowest terms
  Ref<Object> numerator = NewIntFromMpz(mpq_numref(ratio));
  Ref<Object> denominator = NewIntFromMpz(mpq_denref(ratio));
  mpq_clear(ratio);
  return NewTuple({numerator.get(), denominator.get()});
}

Ref<Object> FloatConjugate(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "float.conjugate")) return nullptr;
  return PlainFloat(self);
}

// float.hex(): "0x1.8000000000000p+1"; 13 hex digits after the point, and the
// subnormals as "0x0.<digits>p-1022".
Ref<Object> FloatHex(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "float.hex")) return nullptr;
  const double value = ValueOf(self);
  if (std::isnan(value) || std::isinf(value)) return NewStr(DoubleRepr(value));
  if (value == 0.0) return NewStr(std::signbit(value) ? "-0x0.0p+0" : "0x0.0p+0");
  int exponent;
  double mantissa = std::frexp(std::fabs(value), &exponent);
  // Normalize to 1.xxx (0.xxx for subnormals, whose exponent stays -1022).
  const int shift = 1 - std::max(DBL_MIN_EXP - exponent, 0);
  mantissa = std::ldexp(mantissa, shift);
  exponent -= shift;
  static constexpr char kHexDigits[] = "0123456789abcdef";
  std::string text = std::signbit(value) ? "-0x" : "0x";
  int digit = static_cast<int>(mantissa);
  text.push_back(kHexDigits[digit]);
  mantissa -= digit;
  text.push_back('.');
  for (int i = 0; i < (DBL_MANT_DIG - 1) / 4; ++i) {
    mantissa *= 16.0;
    digit = static_cast<int>(mantissa);
    text.push_back(kHexDigits[digit]);
    mantissa -= digit;
  }
  text.append(StrCat("p", exponent >= 0 ? "+" : "-", std::abs(exponent)));
  return NewStr(text);
}

// The value of a hexadecimal float string without surrounding whitespace and
// sign ("0x1.8p1", "1.8p1", "ff.", "inf"), rounded once to a double. nullopt
// if it is not one; an infinity if the finite value is too large.
std::optional<double> ParseHexDouble(std::string_view text) {
  if (text.empty() || text[0] == '+' || text[0] == '-') return std::nullopt;  // one sign only
  if (std::optional<double> special = ParseDouble(text); special && !std::isfinite(*special)) {
    return special;  // inf, infinity, nan
  }
  if (text.size() >= 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
    text.remove_prefix(2);
  }
  ScopedMpz mantissa;
  int64_t exponent = 0;
  size_t digits = 0;
  bool in_fraction = false;
  size_t pos = 0;
  for (; pos < text.size(); ++pos) {
    const char c = text[pos];
    int digit;
    if (c >= '0' && c <= '9') {
      digit = c - '0';
    } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') {
      digit = (c | 0x20) - 'a' + 10;
    } else if (c == '.' && !in_fraction) {
      in_fraction = true;
      continue;
    } else {
      break;
    }
    mpz_mul_2exp(mantissa.get(), mantissa.get(), 4);
    mpz_add_ui(mantissa.get(), mantissa.get(), static_cast<unsigned long>(digit));
    if (in_fraction) exponent -= 4;
    ++digits;
  }
  if (digits == 0) return std::nullopt;
  if (pos < text.size() && (text[pos] == 'p' || text[pos] == 'P')) {
    ++pos;
    bool negative = false;
    if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) negative = text[pos++] == '-';
    if (pos == text.size() || text[pos] < '0' || text[pos] > '9') return std::nullopt;
    int64_t power = 0;
    for (; pos < text.size() && text[pos] >= '0' && text[pos] <= '9'; ++pos) {
      power = std::min<int64_t>(power * 10 + (text[pos] - '0'), int64_t{1} << 40);
    }
    exponent += negative ? -power : power;
  }
  if (pos != text.size()) return std::nullopt;
  if (mpz_sgn(mantissa.get()) == 0) return 0.0;
  // Out of range either way, without building a huge power of two.
  const int64_t bits = static_cast<int64_t>(mpz_sizeinbase(mantissa.get(), 2));
  if (bits + exponent > 1025) return HUGE_VAL;
  if (bits + exponent < -1080) return 0.0;
  ScopedMpz scale;
  mpz_set_ui(scale.get(), 1);
  if (exponent >= 0) {
    mpz_mul_2exp(mantissa.get(), mantissa.get(), static_cast<mp_bitcnt_t>(exponent));
  } else {
    mpz_mul_2exp(scale.get(), scale.get(), static_cast<mp_bitcnt_t>(-exponent));
  }
  return RatioToDouble(mantissa.get(), scale.get()).value_or(HUGE_VAL);
}

// float.fromhex(string), a class method: the inverse of float.hex().
Ref<Object> FloatFromHex(Object* cls, const CallArgs& args) {
  if (!CheckOneArg(args, "float.fromhex")) return nullptr;
  Object* string = args.args[0];
  if (!IsInstance(string, WellKnown::kStr)) {
    return Raise(WellKnown::kTypeError, "bad argument type for built-in operation");
  }
  std::string_view text = StrView(string);
  while (!text.empty() && IsAsciiSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsAsciiSpace(text.back())) text.remove_suffix(1);
  bool negative = false;
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  const bool special =
      !text.empty() && (text[0] == 'i' || text[0] == 'I' || text[0] == 'n' || text[0] == 'N');
  std::optional<double> value = ParseHexDouble(text);
  if (!value) {
    return Raise(WellKnown::kValueError, "invalid hexadecimal floating-point string");
  }
  if (std::isinf(*value) && !special) {
    return Raise(WellKnown::kOverflowError, "hexadecimal value too large to represent as a float");
  }
  Ref<Object> result = NewFloat(negative ? -*value : *value);
  if (cls == WellKnownType(WellKnown::kFloat)) return result;
  return Call(cls, {result.get()});  // a subclass constructs its own instance
}

Ref<Object> FloatTrunc(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "float.__trunc__")) return nullptr;
  return NewIntFromDouble(ValueOf(self));
}
Ref<Object> FloatFloor(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "float.__floor__")) return nullptr;
  return NewIntFromDouble(std::floor(ValueOf(self)));
}
Ref<Object> FloatCeil(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "float.__ceil__")) return nullptr;
  return NewIntFromDouble(std::ceil(ValueOf(self)));
}

// round(x, ndigits) for a finite, nonzero x: the decimal rounding of the exact
// value (ties to even), then the double nearest to that decimal, as CPython's
// dtoa-based rounding gives. nullopt, with nothing raised, if it overflows.
std::optional<double> RoundToDigits(double value, int64_t ndigits) {
  mpq_t exact;
  mpq_init(exact);
  mpq_set_d(exact, value);
  ScopedMpz scale, numerator, denominator, quotient, remainder;
  mpz_ui_pow_ui(scale.get(), 10, static_cast<unsigned long>(ndigits < 0 ? -ndigits : ndigits));
  mpz_set(numerator.get(), mpq_numref(exact));
  mpz_set(denominator.get(), mpq_denref(exact));
  mpq_clear(exact);
  // value * 10**ndigits == numerator / denominator.
  if (ndigits >= 0) {
    mpz_mul(numerator.get(), numerator.get(), scale.get());
  } else {
    mpz_mul(denominator.get(), denominator.get(), scale.get());
  }
  mpz_fdiv_qr(quotient.get(), remainder.get(), numerator.get(), denominator.get());
  mpz_mul_2exp(remainder.get(), remainder.get(), 1);
  const int half = mpz_cmp(remainder.get(), denominator.get());
  if (half > 0 || (half == 0 && mpz_odd_p(quotient.get()))) {
    mpz_add_ui(quotient.get(), quotient.get(), 1);
  }
  // The rounded value is quotient / 10**ndigits, or quotient * 10**-ndigits.
  if (ndigits < 0) {
    mpz_mul(quotient.get(), quotient.get(), scale.get());
    mpz_set_ui(scale.get(), 1);
  }
  std::optional<double> rounded = RatioToDouble(quotient.get(), scale.get());
  if (rounded && *rounded == 0.0) return std::copysign(0.0, value);
  return rounded;
}

// float.__round__(ndigits=None): an int (ties to even) without ndigits, else a
// float rounded to ndigits decimal places.
Ref<Object> FloatRound(Object* self, const CallArgs& args) {
  if (!CheckPositional(args, "__round__", 0, 1)) return nullptr;
  const double value = ValueOf(self);
  if (args.args.empty() || args.args[0] == None()) {
    double rounded = std::round(value);  // halves away from zero; fixed to even below
    if (std::fabs(value - rounded) == 0.5) rounded = 2.0 * std::round(value / 2.0);
    return NewIntFromDouble(rounded);
  }
  std::optional<int64_t> ndigits = IndexAsInt64(args.args[0]);
  if (!ndigits) return nullptr;
  // Past these, every double is already rounded or rounds to zero.
  constexpr int64_t kMostDigits = 323;
  constexpr int64_t kFewestDigits = -308;
  if (*ndigits > kMostDigits || value == 0.0 || !std::isfinite(value)) return NewFloat(value);
  if (*ndigits < kFewestDigits) return NewFloat(0.0 * value);
  std::optional<double> rounded = RoundToDigits(value, *ndigits);
  if (!rounded) return Raise(WellKnown::kOverflowError, "rounded value too large to represent");
  return NewFloat(*rounded);
}

Ref<Object> FloatReal(Object* self) { return PlainFloat(self); }
Ref<Object> FloatImag(Object*) { return NewFloat(0.0); }

// float.__format__(spec): the format spec mini-language (objects/format_spec.h).
Ref<Object> FloatDunderFormat(Object* self, const CallArgs& args) {
  std::optional<std::string_view> spec = FormatSpecArgument(args, "float.__format__");
  if (!spec) return nullptr;
  return FormatFloatBySpec(self, *spec);
}

constexpr TypeMember kFloatMembers[] = {
    Method("is_integer", &FloatIsInteger),
    Method("as_integer_ratio", &FloatAsIntegerRatio),
    Method("conjugate", &FloatConjugate),
    Method("hex", &FloatHex),
    ClassMethod("fromhex", &FloatFromHex),
    Method("__trunc__", &FloatTrunc),
    Method("__floor__", &FloatFloor),
    Method("__ceil__", &FloatCeil),
    Method("__round__", &FloatRound),
    Method("__format__", &FloatDunderFormat),
    Getter("real", &FloatReal),
    Getter("imag", &FloatImag),
};

constexpr TypeSlots FloatSlots() {
  TypeSlots slots = SlotsFor<FloatObject>();
  slots.repr = &FloatRepr;
  slots.hash = &FloatHash;
  slots.richcompare = &FloatRichCompare;
  slots.to_bool = &FloatToBool;
  slots.add = &FloatAdd;
  slots.subtract = &FloatSubtract;
  slots.multiply = &FloatMultiply;
  slots.true_divide = &FloatTrueDivide;
  slots.floor_divide = &FloatFloorDivide;
  slots.remainder = &FloatRemainder;
  slots.power = &FloatPower;
  slots.negative = &FloatNegative;
  slots.positive = &PlainFloat;
  slots.absolute = &FloatAbsolute;
  slots.to_int = &FloatToInt;
  slots.to_float = &PlainFloat;
  slots.new_instance = &FloatNew;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kFloatType, "float",
                   {.flags = kTypeBaseType, .slots = FloatSlots(), .members = kFloatMembers});

}  // namespace islet
