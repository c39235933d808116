// FloatObject: Python's float, an IEEE 754 double.
//
// Besides the representation, this file holds what other types need from floats
// without depending on the float module: converting any real number to a double
// (CPython's PyFloat_AsDouble), float's repr (shortest round-trip digits) and the
// parsing float() does, which a compiler reuses for float literals.

#ifndef ISLET_OBJECTS_FLOAT_H_
#define ISLET_OBJECTS_FLOAT_H_

#include <optional>
#include <string>
#include <string_view>

#include "runtime/object.h"

namespace islet {

class FloatObject : public Object {
 public:
  explicit FloatObject(double value) : value(value) {}
  const double value;
};

// A new float.
Ref<Object> NewFloat(double value);
// The value of a float (or subclass instance).
double FloatValue(const Object* float_object);

// `object` as a double: a float's value, else its type's __float__ (to_float)
// or __index__ (index). Raises TypeError "must be real number, not str"
// otherwise, or OverflowError for an int too large.
std::optional<double> AsDouble(Object* object);

// repr(float): the shortest digits that round-trip, laid out as Python does
// ("1.0", "0.1", "1e+16", "1e-05", "1.5e+300", "inf", "-inf", "nan", "-0.0").
std::string DoubleRepr(double value);

// Parses Python's float syntax without surrounding whitespace: a sign, decimal
// digits with single underscores between them, an optional fraction and
// exponent, or "inf", "infinity", "nan" in any case. Out-of-range values become
// infinities or zeros, as in Python. nullopt if `text` is not a float.
std::optional<double> ParseDouble(std::string_view text);

}  // namespace islet

#endif  // ISLET_OBJECTS_FLOAT_H_
