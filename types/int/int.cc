// `int`: arbitrary-precision integers (objects/int.h). Arithmetic takes a fast
// path on the inline int64_t values and falls back to GMP when an operand is big
// or the result overflows. Operands are any int instances, so bool and
// subclasses of int work; results are always plain ints, as in CPython. Mixed
// int/float arithmetic and comparison return NotImplemented here and are done by
// float's reflected slots, exactly as CPython splits them.

#include "objects/int.h"

#include <gmp.h>

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "interp/interpreter.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/format_spec.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/static_type.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

// Results needing more bits than this raise MemoryError instead of asking GMP
// for memory it would abort on.
constexpr uint64_t kMaxResultBits = uint64_t{1} << 36;

const IntObject* AsInt(const Object* object) { return static_cast<const IntObject*>(object); }

bool IsInt(const Object* object) { return IsInstance(object, WellKnown::kInt); }
bool BothInts(const Object* a, const Object* b) { return IsInt(a) && IsInt(b); }

// Whether the value is stored inline; big values never fit in int64_t.
bool Small(const Object* object, int64_t* value) {
  if (AsInt(object)->is_big()) return false;
  *value = AsInt(object)->small_value();
  return true;
}

// An int's value as a GMP integer: borrowed from a big int, converted from an
// inline one.
class MpzOf {
 public:
  explicit MpzOf(const Object* object) {
    const IntObject* value = AsInt(object);
    if (value->is_big()) {
      pointer_ = value->big_value();
    } else {
      mpz_init_set_si(owned_, value->small_value());
      owns_ = true;
      pointer_ = owned_;
    }
  }
  ~MpzOf() {
    if (owns_) mpz_clear(owned_);
  }
  MpzOf(const MpzOf&) = delete;
  MpzOf& operator=(const MpzOf&) = delete;

  mpz_srcptr get() const { return pointer_; }

 private:
  mpz_t owned_;
  bool owns_ = false;
  mpz_srcptr pointer_ = nullptr;
};

Ref<Object> Result(const ScopedMpz& value) { return NewIntFromMpz(value.get()); }

// A plain int equal to `self` (self itself when it is one).
Ref<Object> PlainInt(Object* self) { return NewIntOfType(WellKnownType(WellKnown::kInt), self); }

std::nullptr_t RaiseZeroDivision() {
  return Raise(WellKnown::kZeroDivisionError, "division by zero");
}
std::nullptr_t RaiseTooLarge() {
  return Raise(WellKnown::kMemoryError, "integer result too large");
}

// -1, 0 or 1.
int CompareInts(const Object* a, const Object* b) {
  int64_t x, y;
  if (Small(a, &x) && Small(b, &y)) return (x > y) - (x < y);
  const int comparison = mpz_cmp(MpzOf(a).get(), MpzOf(b).get());
  return (comparison > 0) - (comparison < 0);
}

// ---------------------------------------------------------------------------
// Text, hashing, truth, comparison
// ---------------------------------------------------------------------------

std::nullptr_t RaiseReprLimit() {
  return Raise(WellKnown::kValueError,
               StrCat("Exceeds the limit (", kIntMaxStrDigits,
                      " digits) for integer string conversion; use "
                      "sys.set_int_max_str_digits() to increase the limit"));
}

Ref<Object> IntRepr(Object* self) {
  // mpz_sizeinbase may count one digit too many: the exact count is checked after.
  const IntObject* value = AsInt(self);
  if (value->is_big() &&
      mpz_sizeinbase(value->big_value(), 10) > static_cast<size_t>(kIntMaxStrDigits) + 1) {
    return RaiseReprLimit();
  }
  std::string text = IntToDecimal(self);
  const int64_t digits = static_cast<int64_t>(text.size()) - (text[0] == '-' ? 1 : 0);
  if (digits > kIntMaxStrDigits) return RaiseReprLimit();
  return NewStr(text);
}

int64_t IntHash(Object* self) {
  const IntObject* value = AsInt(self);
  bool negative;
  uint64_t magnitude_hash;
  if (value->is_big()) {
    negative = mpz_sgn(value->big_value()) < 0;
    magnitude_hash = mpz_tdiv_ui(value->big_value(), kHashModulus);  // of |value|
  } else {
    const int64_t small = value->small_value();
    negative = small < 0;
    const uint64_t magnitude =
        negative ? 0 - static_cast<uint64_t>(small) : static_cast<uint64_t>(small);
    magnitude_hash = magnitude % kHashModulus;
  }
  const int64_t hash =
      negative ? -static_cast<int64_t>(magnitude_hash) : static_cast<int64_t>(magnitude_hash);
  return hash == -1 ? -2 : hash;
}

int IntToBool(Object* self) { return IntSign(self) != 0; }

Ref<Object> IntRichCompare(Object* self, Object* other, CompareOp op) {
  if (!IsInt(other)) return NotImplementedRef();
  return BoolRef(CompareValues(CompareInts(self, other), 0, op));
}

// ---------------------------------------------------------------------------
// Arithmetic
// ---------------------------------------------------------------------------

Ref<Object> IntAdd(Object* a, Object* b) {
  if (!BothInts(a, b)) return NotImplementedRef();
  int64_t x, y, sum;
  if (Small(a, &x) && Small(b, &y) && !__builtin_add_overflow(x, y, &sum)) return NewInt(sum);
  ScopedMpz result;
  mpz_add(result.get(), MpzOf(a).get(), MpzOf(b).get());
  return Result(result);
}

Ref<Object> IntSubtract(Object* a, Object* b) {
  if (!BothInts(a, b)) return NotImplementedRef();
  int64_t x, y, difference;
  if (Small(a, &x) && Small(b, &y) && !__builtin_sub_overflow(x, y, &difference)) {
    return NewInt(difference);
  }
  ScopedMpz result;
  mpz_sub(result.get(), MpzOf(a).get(), MpzOf(b).get());
  return Result(result);
}

Ref<Object> IntMultiply(Object* a, Object* b) {
  if (!BothInts(a, b)) return NotImplementedRef();
  int64_t x, y, product;
  if (Small(a, &x) && Small(b, &y) && !__builtin_mul_overflow(x, y, &product)) {
    return NewInt(product);
  }
  ScopedMpz result;
  mpz_mul(result.get(), MpzOf(a).get(), MpzOf(b).get());
  return Result(result);
}

Ref<Object> IntFloorDivide(Object* a, Object* b) {
  if (!BothInts(a, b)) return NotImplementedRef();
  if (IntSign(b) == 0) return RaiseZeroDivision();
  int64_t x, y;
  if (Small(a, &x) && Small(b, &y) && !(x == INT64_MIN && y == -1)) {
    int64_t quotient = x / y;
    if (x % y != 0 && ((x < 0) != (y < 0))) --quotient;  // C++ truncates; Python floors
    return NewInt(quotient);
  }
  ScopedMpz result;
  mpz_fdiv_q(result.get(), MpzOf(a).get(), MpzOf(b).get());
  return Result(result);
}

Ref<Object> IntRemainder(Object* a, Object* b) {
  if (!BothInts(a, b)) return NotImplementedRef();
  if (IntSign(b) == 0) return RaiseZeroDivision();
  int64_t x, y;
  if (Small(a, &x) && Small(b, &y)) {
    if (y == -1) return NewInt(0);  // INT64_MIN % -1 would overflow
    int64_t remainder = x % y;
    if (remainder != 0 && ((remainder < 0) != (y < 0))) remainder += y;  // the divisor's sign
    return NewInt(remainder);
  }
  ScopedMpz result;
  mpz_fdiv_r(result.get(), MpzOf(a).get(), MpzOf(b).get());
  return Result(result);
}

// Exact when both fit in a double's 53 bits; otherwise rounded once from the
// exact quotient.
Ref<Object> IntTrueDivide(Object* a, Object* b) {
  if (!BothInts(a, b)) return NotImplementedRef();
  if (IntSign(b) == 0) return RaiseZeroDivision();
  constexpr int64_t kExact = int64_t{1} << 53;
  int64_t x, y;
  if (Small(a, &x) && Small(b, &y) && x >= -kExact && x <= kExact && y >= -kExact && y <= kExact) {
    return NewFloat(static_cast<double>(x) / static_cast<double>(y));
  }
  std::optional<double> quotient = RatioToDouble(MpzOf(a).get(), MpzOf(b).get());
  if (!quotient) {
    return Raise(WellKnown::kOverflowError, "integer division result too large for a float");
  }
  return NewFloat(*quotient);
}

// x ** y for y >= 0 small enough to compute; nullopt on int64_t overflow.
std::optional<int64_t> SmallPower(int64_t base, int64_t exponent) {
  int64_t result = 1;
  while (exponent > 0) {
    if (exponent & 1) {
      if (__builtin_mul_overflow(result, base, &result)) return std::nullopt;
    }
    exponent >>= 1;
    if (exponent > 0 && __builtin_mul_overflow(base, base, &base)) return std::nullopt;
  }
  return result;
}

Ref<Object> IntPower(Object* a, Object* b) {
  if (!BothInts(a, b)) return NotImplementedRef();
  // A negative exponent gives a float: float's power does it, as in CPython.
  if (IntSign(b) < 0) return WellKnownType(WellKnown::kFloat)->slots().power(a, b);
  int64_t x, y;
  if (Small(a, &x) && Small(b, &y)) {
    if (std::optional<int64_t> power = SmallPower(x, y)) return NewInt(*power);
  }
  // The results of 0, 1 and -1 stay small whatever the exponent.
  if (Small(a, &x) && x >= -1 && x <= 1) {
    if (x != -1) return NewInt(x == 0 && IntSign(b) == 0 ? 1 : x);
    return NewInt(mpz_odd_p(MpzOf(b).get()) ? -1 : 1);
  }
  std::optional<int64_t> exponent = IntAsInt64(b);
  const uint64_t base_bits = mpz_sizeinbase(MpzOf(a).get(), 2);
  if (!exponent || static_cast<uint64_t>(*exponent) > kMaxResultBits / base_bits) {
    return RaiseTooLarge();
  }
  ScopedMpz result;
  mpz_pow_ui(result.get(), MpzOf(a).get(), static_cast<unsigned long>(*exponent));
  return Result(result);
}

// The shift count of a << or >>, or nullopt with ValueError raised if negative.
// A count too large for int64_t is returned as INT64_MAX.
std::optional<int64_t> ShiftCount(Object* count) {
  if (IntSign(count) < 0) {
    Raise(WellKnown::kValueError, "negative shift count");
    return std::nullopt;
  }
  return IntAsInt64(count).value_or(INT64_MAX);
}

Ref<Object> IntLShift(Object* a, Object* b) {
  if (!BothInts(a, b)) return NotImplementedRef();
  std::optional<int64_t> count = ShiftCount(b);
  if (!count) return nullptr;
  if (IntSign(a) == 0) return NewInt(0);
  int64_t x;
  if (Small(a, &x) && *count < 63) {
    const int64_t shifted = static_cast<int64_t>(static_cast<uint64_t>(x) << *count);
    if ((shifted >> *count) == x) return NewInt(shifted);
  }
  if (static_cast<uint64_t>(*count) > kMaxResultBits) return RaiseTooLarge();
  ScopedMpz result;
  mpz_mul_2exp(result.get(), MpzOf(a).get(), static_cast<mp_bitcnt_t>(*count));
  return Result(result);
}

Ref<Object> IntRShift(Object* a, Object* b) {
  if (!BothInts(a, b)) return NotImplementedRef();
  std::optional<int64_t> count = ShiftCount(b);
  if (!count) return nullptr;
  int64_t x;
  if (Small(a, &x)) return NewInt(*count >= 63 ? (x < 0 ? -1 : 0) : x >> *count);  // floors
  if (static_cast<uint64_t>(*count) >= mpz_sizeinbase(MpzOf(a).get(), 2)) {
    return NewInt(IntSign(a) < 0 ? -1 : 0);
  }
  ScopedMpz result;
  mpz_fdiv_q_2exp(result.get(), MpzOf(a).get(), static_cast<mp_bitcnt_t>(*count));
  return Result(result);
}

// GMP's logical operations use infinite two's complement, as Python's do.
Ref<Object> IntBitAnd(Object* a, Object* b) {
  if (!BothInts(a, b)) return NotImplementedRef();
  int64_t x, y;
  if (Small(a, &x) && Small(b, &y)) return NewInt(x & y);
  ScopedMpz result;
  mpz_and(result.get(), MpzOf(a).get(), MpzOf(b).get());
  return Result(result);
}

Ref<Object> IntBitOr(Object* a, Object* b) {
  if (!BothInts(a, b)) return NotImplementedRef();
  int64_t x, y;
  if (Small(a, &x) && Small(b, &y)) return NewInt(x | y);
  ScopedMpz result;
  mpz_ior(result.get(), MpzOf(a).get(), MpzOf(b).get());
  return Result(result);
}

Ref<Object> IntBitXor(Object* a, Object* b) {
  if (!BothInts(a, b)) return NotImplementedRef();
  int64_t x, y;
  if (Small(a, &x) && Small(b, &y)) return NewInt(x ^ y);
  ScopedMpz result;
  mpz_xor(result.get(), MpzOf(a).get(), MpzOf(b).get());
  return Result(result);
}

Ref<Object> IntNegative(Object* self) {
  int64_t x;
  if (Small(self, &x) && x != INT64_MIN) return NewInt(-x);
  ScopedMpz result;
  mpz_neg(result.get(), MpzOf(self).get());
  return Result(result);
}

Ref<Object> IntAbsolute(Object* self) {
  if (IntSign(self) < 0) return IntNegative(self);
  return PlainInt(self);
}

Ref<Object> IntInvert(Object* self) {
  int64_t x;
  if (Small(self, &x)) return NewInt(~x);
  ScopedMpz result;
  mpz_com(result.get(), MpzOf(self).get());
  return Result(result);
}

Ref<Object> IntToFloat(Object* self) {
  std::optional<double> value = IntToDouble(self);
  if (!value) return nullptr;
  return NewFloat(*value);
}

// ---------------------------------------------------------------------------
// Construction: int(x=0, /, base=10)
// ---------------------------------------------------------------------------

// int(str, base): Unicode digits and whitespace read as their ASCII forms; an
// error shows the str as it was.
Ref<Object> IntFromStr(Object* str, int base) {
  if (StrIsAscii(str)) return IntFromString(StrView(str), base, str);
  return IntFromString(NumberTextToAscii(StrView(str)), base, str);
}

// int(x) for any x: CPython's PyNumber_Long.
Ref<Object> IntFromObject(Object* x) {
  if (IsExactly(x, WellKnown::kInt)) return Ref<Object>::Borrow(x);
  const TypeSlots& slots = x->type()->slots();
  for (auto [slot, method] :
       {std::pair{slots.to_int, "__int__"}, std::pair{slots.index, "__index__"}}) {
    if (slot == nullptr) continue;
    Ref<Object> result = slot(x);
    if (!result) return nullptr;
    if (!IsInt(result.get())) {
      return Raise(WellKnown::kTypeError, StrCat(method, " returned non-int (type ",
                                                 TypeDisplayName(result->type()), ")"));
    }
    return PlainInt(result.get());
  }
  if (IsInstance(x, WellKnown::kStr)) return IntFromStr(x, 10);
  if (IsInstance(x, WellKnown::kBytes)) return IntFromString(BytesView(x), 10, x);
  return Raise(
      WellKnown::kTypeError,
      StrCat("int() argument must be a string, a bytes-like object or a real number, not '",
             TypeDisplayName(x->type()), "'"));
}

Ref<Object> IntFromObjectWithBase(Object* x, Object* base_object) {
  std::optional<int64_t> base = IndexAsInt64(base_object);
  if (!base) return nullptr;
  if ((*base != 0 && *base < 2) || *base > 36) {
    return Raise(WellKnown::kValueError, "int() base must be >= 2 and <= 36, or 0");
  }
  if (IsInstance(x, WellKnown::kStr)) return IntFromStr(x, static_cast<int>(*base));
  if (IsInstance(x, WellKnown::kBytes)) {
    return IntFromString(BytesView(x), static_cast<int>(*base), x);
  }
  return Raise(WellKnown::kTypeError, "int() can't convert non-string with explicit base");
}

Ref<Object> IntNew(TypeObject* type, const CallArgs& args) {
  Object* bound[2];  // x, base
  if (!BindArgs(args, {.function = "int", .names = {"x", "base"}, .positional_only = 1}, bound)) {
    return nullptr;
  }
  auto [x, base] = bound;
  Ref<Object> value;
  if (x == nullptr) {
    if (base != nullptr) return Raise(WellKnown::kTypeError, "int() missing string argument");
    value = NewInt(0);
  } else if (base == nullptr) {
    value = IntFromObject(x);
  } else {
    value = IntFromObjectWithBase(x, base);
  }
  if (!value) return nullptr;
  return NewIntOfType(type, value.get());
}

// ---------------------------------------------------------------------------
// Methods and getters
// ---------------------------------------------------------------------------

Ref<Object> IntBitLength(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "int.bit_length")) return nullptr;
  if (IntSign(self) == 0) return NewInt(0);
  return NewInt(static_cast<int64_t>(mpz_sizeinbase(MpzOf(self).get(), 2)));
}

Ref<Object> IntBitCount(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "int.bit_count")) return nullptr;
  ScopedMpz magnitude;
  mpz_abs(magnitude.get(), MpzOf(self).get());
  return NewInt(static_cast<int64_t>(mpz_popcount(magnitude.get())));
}

Ref<Object> IntConjugate(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "int.conjugate")) return nullptr;
  return PlainInt(self);
}

Ref<Object> IntAsIntegerRatio(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "int.as_integer_ratio")) return nullptr;
  Ref<Object> numerator = PlainInt(self);
  Ref<Object> denominator = NewInt(1);
  return NewTuple({numerator.get(), denominator.get()});
}

Ref<Object> IntIsInteger(Object*, const CallArgs& args) {
  if (!CheckNoArgs(args, "int.is_integer")) return nullptr;
  return BoolRef(true);
}

// The byteorder argument of to_bytes/from_bytes: true for "little". Absent
// means "big".
std::optional<bool> LittleEndian(Object* byteorder, std::string_view function) {
  if (byteorder == nullptr) return false;
  if (!IsInstance(byteorder, WellKnown::kStr)) {
    Raise(WellKnown::kTypeError, StrCat(function, "() argument 'byteorder' must be str, not ",
                                        TypeDisplayName(byteorder->type())));
    return std::nullopt;
  }
  std::string_view text = StrView(byteorder);
  if (text != "little" && text != "big") {
    Raise(WellKnown::kValueError, "byteorder must be either 'little' or 'big'");
    return std::nullopt;
  }
  return text == "little";
}

// The signed argument: its truth; absent means False.
std::optional<bool> SignedFlag(Object* is_signed) {
  if (is_signed == nullptr) return false;
  const int truth = IsTrue(is_signed);
  if (truth < 0) return std::nullopt;
  return truth != 0;
}

// int.to_bytes(length=1, byteorder='big', *, signed=False).
Ref<Object> IntToBytes(Object* self, const CallArgs& args) {
  Object* bound[3];  // length, byteorder, signed
  if (!BindArgs(
          args,
          {.function = "to_bytes", .names = {"length", "byteorder", "signed"}, .max_positional = 2},
          bound)) {
    return nullptr;
  }
  int64_t length = 1;
  if (bound[0] != nullptr) {
    std::optional<int64_t> given = IndexAsInt64(bound[0]);
    if (!given) return nullptr;
    if (*given < 0) return Raise(WellKnown::kValueError, "length argument must be non-negative");
    length = *given;
  }
  std::optional<bool> little = LittleEndian(bound[1], "to_bytes");
  if (!little) return nullptr;
  std::optional<bool> is_signed = SignedFlag(bound[2]);
  if (!is_signed) return nullptr;
  if (IntSign(self) < 0 && !*is_signed) {
    return Raise(WellKnown::kOverflowError, "can't convert negative int to unsigned");
  }
  // The value must fit in 8 * length bits (two's complement when signed).
  MpzOf value(self);
  const uint64_t bits = IntSign(self) == 0 ? 0 : mpz_sizeinbase(value.get(), 2);
  bool fits = bits <= static_cast<uint64_t>(length) * 8;
  if (*is_signed && fits && bits == static_cast<uint64_t>(length) * 8) {
    // The top bit is the sign: only -2**(bits-1) itself fits with it set.
    fits = IntSign(self) < 0 && mpz_scan1(value.get(), 0) == bits - 1;
  }
  if (!fits) return Raise(WellKnown::kOverflowError, "int too big to convert");
  std::string data(static_cast<size_t>(length), '\0');
  ScopedMpz magnitude;
  if (IntSign(self) < 0) {
    // Two's complement: 2**(8 * length) + value.
    mpz_setbit(magnitude.get(), static_cast<mp_bitcnt_t>(length) * 8);
    mpz_add(magnitude.get(), magnitude.get(), value.get());
  } else {
    mpz_set(magnitude.get(), value.get());
  }
  size_t written = 0;
  // Most significant byte first, right-aligned in the big-endian buffer.
  const size_t needed =
      mpz_sgn(magnitude.get()) == 0 ? 0 : (mpz_sizeinbase(magnitude.get(), 2) + 7) / 8;
  mpz_export(data.data() + data.size() - needed, &written, 1, 1, 1, 0, magnitude.get());
  if (*little) std::reverse(data.begin(), data.end());
  return NewBytes(data);
}

// int.from_bytes(bytes, byteorder='big', *, signed=False), a class method.
Ref<Object> IntFromBytes(Object* cls, const CallArgs& args) {
  Object* bound[3];  // bytes, byteorder, signed
  if (!BindArgs(args,
                {.function = "from_bytes",
                 .names = {"bytes", "byteorder", "signed"},
                 .required = 1,
                 .max_positional = 2},
                bound)) {
    return nullptr;
  }
  std::optional<bool> little = LittleEndian(bound[1], "from_bytes");
  if (!little) return nullptr;
  std::optional<bool> is_signed = SignedFlag(bound[2]);
  if (!is_signed) return nullptr;
  // Bytes as they are; other iterables of ints through bytes(), as CPython's
  // PyObject_Bytes (which refuses ints and strs).
  Ref<Object> data = Ref<Object>::Borrow(bound[0]);
  if (!IsInstance(bound[0], WellKnown::kBytes)) {
    if (IsInt(bound[0]) || IsInstance(bound[0], WellKnown::kStr)) {
      return Raise(
          WellKnown::kTypeError,
          StrCat("cannot convert '", TypeDisplayName(bound[0]->type()), "' object to bytes"));
    }
    data = Call(WellKnownType(WellKnown::kBytes), {bound[0]});
    if (!data) return nullptr;
  }
  std::string_view bytes = BytesView(data.get());
  ScopedMpz value;
  mpz_import(value.get(), bytes.size(), *little ? -1 : 1, 1, 1, 0, bytes.data());
  if (*is_signed && !bytes.empty() &&
      (static_cast<unsigned char>(*little ? bytes.back() : bytes.front()) & 0x80) != 0) {
    ScopedMpz offset;
    mpz_setbit(offset.get(), static_cast<mp_bitcnt_t>(bytes.size()) * 8);
    mpz_sub(value.get(), value.get(), offset.get());
  }
  Ref<Object> result = Result(value);
  if (cls == WellKnownType(WellKnown::kInt)) return result;
  return Call(cls, {result.get()});  // a subclass constructs its own instance
}

// int.__trunc__, __floor__, __ceil__: the int itself, for math.trunc/floor/ceil.
Ref<Object> IntTrunc(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "int.__trunc__")) return nullptr;
  return PlainInt(self);
}
Ref<Object> IntFloor(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "int.__floor__")) return nullptr;
  return PlainInt(self);
}
Ref<Object> IntCeil(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "int.__ceil__")) return nullptr;
  return PlainInt(self);
}

// operator.index(object): an int, or TypeError for anything that is not one.
Ref<Object> IndexOf(Object* object) {
  if (IsInt(object)) return PlainInt(object);
  if (UnaryFn index = object->type()->slots().index) {
    Ref<Object> result = index(object);
    if (result && !IsInt(result.get())) {
      return Raise(WellKnown::kTypeError, StrCat("__index__ returned non-int (type ",
                                                 TypeDisplayName(result->type()), ")"));
    }
    return result;
  }
  return Raise(WellKnown::kTypeError, StrCat("'", TypeDisplayName(object->type()),
                                             "' object cannot be interpreted as an integer"));
}

// int.__round__(ndigits=None): round(1250, -2) == 1200, ties to even.
Ref<Object> IntRound(Object* self, const CallArgs& args) {
  if (!CheckPositional(args, "__round__", 0, 1)) return nullptr;
  if (args.args.empty() || args.args[0] == None()) return PlainInt(self);
  Ref<Object> ndigits = IndexOf(args.args[0]);
  if (!ndigits) return nullptr;
  if (IntSign(ndigits.get()) >= 0) return PlainInt(self);
  MpzOf value(self);
  // Rounding away more digits than the value has gives 0.
  std::optional<int64_t> places = IntAsInt64(ndigits.get());
  if (!places || *places < -static_cast<int64_t>(mpz_sizeinbase(value.get(), 10)) - 1) {
    return NewInt(0);
  }
  ScopedMpz scale, quotient, remainder;
  mpz_ui_pow_ui(scale.get(), 10, static_cast<unsigned long>(-*places));
  mpz_fdiv_qr(quotient.get(), remainder.get(), value.get(), scale.get());
  mpz_mul_2exp(remainder.get(), remainder.get(), 1);
  const int half = mpz_cmp(remainder.get(), scale.get());
  if (half > 0 || (half == 0 && mpz_odd_p(quotient.get()))) {
    mpz_add_ui(quotient.get(), quotient.get(), 1);
  }
  mpz_mul(quotient.get(), quotient.get(), scale.get());
  return Result(quotient);
}

Ref<Object> IntReal(Object* self) { return PlainInt(self); }
Ref<Object> IntImag(Object*) { return NewInt(0); }
Ref<Object> IntDenominator(Object*) { return NewInt(1); }

// int.__format__(spec): the format spec mini-language (objects/format_spec.h).
Ref<Object> IntDunderFormat(Object* self, const CallArgs& args) {
  std::optional<std::string_view> spec = FormatSpecArgument(args, "int.__format__");
  if (!spec) return nullptr;
  return FormatIntBySpec(self, *spec);
}

constexpr TypeMember kIntMembers[] = {
    Method("bit_length", &IntBitLength),
    Method("bit_count", &IntBitCount),
    Method("conjugate", &IntConjugate),
    Method("as_integer_ratio", &IntAsIntegerRatio),
    Method("is_integer", &IntIsInteger),
    Method("to_bytes", &IntToBytes),
    ClassMethod("from_bytes", &IntFromBytes),
    Method("__trunc__", &IntTrunc),
    Method("__floor__", &IntFloor),
    Method("__ceil__", &IntCeil),
    Method("__round__", &IntRound),
    Method("__format__", &IntDunderFormat),
    Getter("real", &IntReal),
    Getter("imag", &IntImag),
    Getter("numerator", &IntReal),
    Getter("denominator", &IntDenominator),
};

constexpr TypeSlots IntSlots() {
  TypeSlots slots = SlotsFor<IntObject>();
  slots.repr = &IntRepr;
  slots.hash = &IntHash;
  slots.richcompare = &IntRichCompare;
  slots.to_bool = &IntToBool;
  slots.add = &IntAdd;
  slots.subtract = &IntSubtract;
  slots.multiply = &IntMultiply;
  slots.true_divide = &IntTrueDivide;
  slots.floor_divide = &IntFloorDivide;
  slots.remainder = &IntRemainder;
  slots.power = &IntPower;
  slots.lshift = &IntLShift;
  slots.rshift = &IntRShift;
  slots.bit_and = &IntBitAnd;
  slots.bit_or = &IntBitOr;
  slots.bit_xor = &IntBitXor;
  slots.negative = &IntNegative;
  slots.positive = &PlainInt;
  slots.absolute = &IntAbsolute;
  slots.invert = &IntInvert;
  slots.to_int = &PlainInt;
  slots.to_float = &IntToFloat;
  slots.index = &PlainInt;
  slots.new_instance = &IntNew;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kIntType, "int",
                   {.flags = kTypeBaseType, .slots = IntSlots(), .members = kIntMembers});

}  // namespace islet
