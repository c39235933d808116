// IntObject: Python's arbitrary-precision int (and bool, which subclasses it).
// Values that fit in int64_t are stored inline; larger ones in a GMP integer.
// The small ints -5..256 (and True/False) are immortal, shared singletons.

#ifndef ISLET_OBJECTS_INT_H_
#define ISLET_OBJECTS_INT_H_

#include <gmp.h>

#include <cstdint>
#include <optional>
#include <string>

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
  int64_t small_value() const { return small_; }  // only when !is_big()
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

// A new int (an immortal one for -5..256).
Ref<Object> NewInt(int64_t value);
// A new int from a GMP value; normalized to the inline form when it fits.
Ref<Object> NewIntFromMpz(const mpz_t value);

// The value of an int (or subclass) if it fits in int64_t.
std::optional<int64_t> IntAsInt64(const Object* int_object);
// Copies an int's value into `out`, which must be initialized.
void IntToMpz(const Object* int_object, mpz_t out);
// Decimal digits, with a leading '-' if negative.
std::string IntToDecimal(const Object* int_object);

}  // namespace islet

#endif  // ISLET_OBJECTS_INT_H_
