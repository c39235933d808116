// The format spec mini-language that str, int and float share (format(x, spec),
// f"{x:spec}", str.format), with CPython 3.14's results and error messages:
//
//   [[fill]align][sign][z][#][0][width][grouping][.[precision][grouping]][type]
//
// One parser reads a spec for all three types; each type's __format__ then
// lays its value out with the helpers below. They live here, not in the types'
// packages, because int's __format__ formats floats too ('e', 'f', '%', ...)
// and types do not depend on each other.
//
//   Ref<Object> IntDunderFormat(Object* self, const CallArgs& args) {
//     std::optional<std::string_view> spec = FormatSpecArgument(args, "int.__format__");
//     if (!spec) return nullptr;
//     return FormatIntBySpec(self, *spec);
//   }
//
// There is no locale: 'n' formats as in the C locale, which is Python's default.

#ifndef ISLET_OBJECTS_FORMAT_SPEC_H_
#define ISLET_OBJECTS_FORMAT_SPEC_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "runtime/object.h"
#include "runtime/type_object.h"

namespace islet {

// FormatSpec: a parsed spec. Views point into the spec's text.
struct FormatSpec {
  std::string_view fill = " ";  // one code point
  bool fill_given = false;
  char align = '<';               // '<', '>', '^' or '='
  char sign = 0;                  // 0, '+', '-' or ' '
  bool no_negative_zero = false;  // 'z'
  bool alternate = false;         // '#'
  int64_t width = -1;             // -1: none
  char grouping = 0;              // 0, ',' or '_'
  int64_t precision = -1;         // -1: none
  char fraction_grouping = 0;     // 0, ',' or '_': after the precision (3.14)
  uint32_t type = 0;              // a code point; the type's default if absent
};

// ParseFormatSpec(spec, default_type, default_align, type_name): `spec` read
// by CPython's rules, including the checks every type shares: ValueError for
// a missing precision, too many digits, "Invalid format specifier 'xx' for
// object of type 'int'", "Cannot specify both ',' and '_'.", and grouping with
// a type that refuses it ("Cannot specify ',' with 's'."). `type_name` is the
// value's type as messages name it.
std::optional<FormatSpec> ParseFormatSpec(std::string_view spec, uint32_t default_type,
                                          char default_align, std::string_view type_name);

// ReadFormatNumber(text, pos, value): the decimal number at text[*pos] (a width,
// a precision, a field index), moving *pos past it; false with ValueError "Too
// many decimal digits in format string" when it does not fit in int64_t.
bool ReadFormatNumber(std::string_view text, size_t* pos, int64_t* value);

// The argument of a __format__ method (`function` is "int.__format__"): its
// one argument's text, or nullopt with TypeError raised ("__format__()
// argument must be str, not int").
std::optional<std::string_view> FormatSpecArgument(const CallArgs& args, std::string_view function);

// str.__format__, int.__format__ and float.__format__ on an instance of the
// type (or a subclass): a new str, or null with an exception pending. An empty
// spec gives str(value).
Ref<Object> FormatStrBySpec(Object* str, std::string_view spec);
Ref<Object> FormatIntBySpec(Object* int_object, std::string_view spec);
Ref<Object> FormatFloatBySpec(Object* float_object, std::string_view spec);

}  // namespace islet

#endif  // ISLET_OBJECTS_FORMAT_SPEC_H_
