#include "objects/int.h"


#include "interp/interpreter.h"
#include "objects/immortals.h"
#include "objects/well_known.h"

namespace islet {

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

}  // namespace islet
