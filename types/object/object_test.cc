// Tests of `object`'s __format__ and of Format (objects/protocol.h), which
// format() and f-strings call, against CPython's results and messages.

#include "types/object/object.h"

#include <string>
#include <string_view>

#include "gtest/gtest.h"
#include "interp/heap_type.h"
#include "interp/interpreter.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/well_known.h"
#include "tests/testing/object_test_support.h"

namespace islet {
namespace {

class ObjectFormatTest : public testing::ObjectTest {
 protected:
  static TypeObject* ObjectType() { return WellKnownType(WellKnown::kObject); }
  // Show(Format(value, spec)).
  static std::string Fmt(Object* value, Object* spec) { return Show(Format(value, spec)); }
  static std::string Fmt(Object* value, std::string_view spec) {
    return Fmt(value, NewStr(spec).get());
  }
};

TEST_F(ObjectFormatTest, EmptySpecIsStrOtherSpecsAreRefused) {
  Ref<Object> object = CallWith(ObjectType(), {});
  EXPECT_EQ(Fmt(object.get(), ""), Show(Str(object.get())));
  EXPECT_EQ(Fmt(object.get(), nullptr), Show(Str(object.get())));
  EXPECT_EQ(Fmt(object.get(), "x"),
            "TypeError: unsupported format string passed to object.__format__");
  Ref<HeapType> cls = NewClass("C", ObjectType());
  Ref<Object> instance = CallWith(cls.get(), {});
  EXPECT_EQ(Fmt(instance.get(), ">10"),
            "TypeError: unsupported format string passed to C.__format__");
  EXPECT_EQ(Method(instance.get(), "__format__", {NewStr("").get()}), Show(Str(instance.get())));
  EXPECT_EQ(Method(instance.get(), "__format__", {NewInt(1).get()}),
            "TypeError: __format__() argument must be str, not int");
  // Types without a __format__ of their own inherit object's.
  EXPECT_EQ(Fmt(IntList({1, 2}).get(), ""), "'[1, 2]'");
  EXPECT_EQ(Fmt(IntList({1, 2}).get(), "5"),
            "TypeError: unsupported format string passed to list.__format__");
}

TEST_F(ObjectFormatTest, FormatChecksTheSpecAndTheResult) {
  EXPECT_EQ(Fmt(NewInt(5).get(), nullptr), "'5'");
  EXPECT_EQ(Fmt(NewFloat(2.5).get(), nullptr), "'2.5'");
  EXPECT_EQ(Fmt(NewStr("ab").get(), "*^6"), "'**ab**'");
  EXPECT_EQ(Fmt(NewInt(5).get(), NewInt(1).get()),
            "TypeError: Format specifier must be a string, not int");
  // A __format__ that returns an int: int itself, called as int(spec).
  Ref<HeapType> cls = NewClass("C", ObjectType());
  ASSERT_TRUE(SetAttr(cls.get(), interp_->Intern("__format__"), WellKnownType(WellKnown::kInt)));
  Ref<Object> instance = CallWith(cls.get(), {});
  EXPECT_EQ(Fmt(instance.get(), "7"), "TypeError: __format__ must return a str, not int");
}

}  // namespace
}  // namespace islet
