// IntObject: Python's arbitrary-precision int (and bool, which subclasses it).
// Values that fit in int64_t are stored inline; larger ones in a GMP integer.
// The small ints -5..256 (and True/False) are immortal, shared singletons.
//
// Besides the representation, this file holds the conversions other types need
// without depending on the int module: int <-> double (correctly rounded, with
// CPython's errors) and the parsing int() does, which a compiler reuses for
// integer literals.

#ifndef ISLET_OBJECTS_INT_H_
#define ISLET_OBJECTS_INT_H_

#include <gmp.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "runtime/object.h"

namespace islet {

class IntObject : public Object {
 public:
  explicit IntObject(int64_t value) : small_(value) {}
  // Takes ownership of an initialized mpz_t (the caller must not clear it).
  struct TakeMpz {};
  IntObject(TakeMpz, mpz_t value);
  // constexpr so that immortal ints can be constant-initialized.
  constexpr ~IntObject() {
    if (is_big_) mpz_clear(big_);
  }

  bool is_big() const { return is_big_; }
  int64_t small_value() const { return small_; }          // only when !is_big()
  const __mpz_struct* big_value() const { return big_; }  // only when is_big()

  // Immortal singletons (small ints, True, False).
  constexpr IntObject(ImmortalTag tag, int64_t value) : Object(tag), small_(value) {}

 private:
  int64_t small_ = 0;
  bool is_big_ = false;
  mpz_t big_ = {};
};

inline constexpr int64_t kSmallIntMin = -5;
inline constexpr int64_t kSmallIntMax = 256;

// hash(n) is n modulo this Mersenne prime, with n's sign (CPython's
// _PyHASH_MODULUS); float's hash uses it too, so that hash(2.0) == hash(2).
inline constexpr uint64_t kHashModulus = (uint64_t{1} << 61) - 1;

// ScopedMpz: an mpz_t that is cleared when it goes out of scope, so early error
// returns cannot leak limbs.
//
//   ScopedMpz sum;
//   mpz_add(sum.get(), a.get(), b.get());
class ScopedMpz {
 public:
  ScopedMpz() { mpz_init(value_); }
  ~ScopedMpz() { mpz_clear(value_); }
  ScopedMpz(const ScopedMpz&) = delete;
  ScopedMpz& operator=(const ScopedMpz&) = delete;

  mpz_ptr get() { return value_; }
  mpz_srcptr get() const { return value_; }

 private:
  mpz_t value_;
};

// A new int (an immortal one for -5..256).
Ref<Object> NewInt(int64_t value);
// A new int from a GMP value; normalized to the inline form when it fits.
Ref<Object> NewIntFromMpz(const mpz_t value);
// A new instance of `type` (int or a subclass of it) with the value of the int
// `value`. For `int` itself this is `value` or an equal plain int.
Ref<Object> NewIntOfType(TypeObject* type, const Object* value);

// The value of an int (or subclass) if it fits in int64_t.
std::optional<int64_t> IntAsInt64(const Object* int_object);
// Copies an int's value into `out`, which must be initialized.
void IntToMpz(const Object* int_object, mpz_t out);
// Decimal digits, with a leading '-' if negative.
std::string IntToDecimal(const Object* int_object);
// -1, 0 or 1: the sign of an int's value.
int IntSign(const Object* int_object);

// The int's value as the nearest double (ties to even). Raises OverflowError
// "int too large to convert to float" if it is out of range.
std::optional<double> IntToDouble(const Object* int_object);
// numerator / denominator (denominator != 0) as the nearest double, ties to
// even, with the sign of the exact quotient (0 / -1 is -0.0). nullopt, with
// nothing raised, if the quotient is too large for a double.
std::optional<double> RatioToDouble(mpz_srcptr numerator, mpz_srcptr denominator);
// The int whose value is `value` truncated toward zero, as int(float) gives.
// Raises OverflowError for infinities and ValueError for NaN.
Ref<Object> NewIntFromDouble(double value);

// Most decimal digits int() parses and repr() prints (CPython's default
// sys.get_int_max_str_digits()); not applied to power-of-two bases.
inline constexpr int64_t kIntMaxStrDigits = 4300;

// Parses `text` (the UTF-8 of a str, or bytes) as int(text, base) does:
// surrounding whitespace, a sign, the 0x/0o/0b prefix of the base (any of them
// for base 0), underscores between digits. `base` is 0 or 2..36. Raises
// ValueError "invalid literal for int() with base 10: 'abc'" on bad syntax,
// showing the repr of `literal` (the str or bytes parsed; a new str of `text`
// if null).
Ref<Object> IntFromString(std::string_view text, int base, Object* literal = nullptr);

}  // namespace islet

#endif  // ISLET_OBJECTS_INT_H_
