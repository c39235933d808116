// test_key: a static type for tests of hashed containers whose instances hash
// and compare like the int they hold, so expected iteration orders are
// CPython's for those ints, with hooks for the error paths: a key of value
// kUnhashable raises ValueError when hashed, one of value kBadCompare raises
// when compared, and one with `clear_on_compare` clears that set when compared.
//
//   Ref<Object> key = NewTestKey(10);   // hash 10, == any test_key of value 10

#ifndef ISLET_TYPES_SET_TEST_KEY_H_
#define ISLET_TYPES_SET_TEST_KEY_H_

#include <cstdint>

#include "runtime/object.h"
#include "runtime/static_type.h"

namespace islet::testing {

inline constexpr int64_t kUnhashable = -7;
inline constexpr int64_t kBadCompare = 999;

class KeyObject : public Object {
 public:
  explicit KeyObject(int64_t value) : value(value) {}
  int64_t value;
  Ref<Object> clear_on_compare;  // a set
  static void Clear(Object* self) { static_cast<KeyObject*>(self)->clear_on_compare.reset(); }
  static void Traverse(Object* self, const Visitor& visit) {
    visit(static_cast<KeyObject*>(self)->clear_on_compare);
  }
};

extern StaticType kTestKeyType;

Ref<Object> NewTestKey(int64_t value);

}  // namespace islet::testing

#endif  // ISLET_TYPES_SET_TEST_KEY_H_
