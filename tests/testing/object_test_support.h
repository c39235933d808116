// Fixtures and helpers for the unit tests of the builtin types (types/*/*_test.cc).
// Every such test needs the same things: a fresh runtime with its thread attached to
// the main interpreter, objects made from C++ values, calls spelled briefly, and
// results checked as text: repr(result), or the pending exception taken as
// "TypeError: message" when there is no result. They live here once.
//
//   class ListTest : public testing::ObjectTest {};
//
//   TEST_F(ListTest, Pop) {
//     Ref<Object> l = IntList({1, 2});
//     EXPECT_EQ(Method(l.get(), "pop"), "2");
//     EXPECT_EQ(Show(l), "[1]");
//     EXPECT_EQ(Show(GetItem(l.get(), NewInt(5).get())), "IndexError: list index out of range");
//   }
//
// RuntimeTest is the fixture with the value and call helpers; ObjectTest shows
// results by their repr; TextTest (str and bytes) spells results itself, so those
// checks do not depend on other types' reprs.

#ifndef ISLET_TESTS_TESTING_OBJECT_TEST_SUPPORT_H_
#define ISLET_TESTS_TESTING_OBJECT_TEST_SUPPORT_H_

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "gtest/gtest.h"
#include "interp/heap_type.h"
#include "interp/interpreter.h"
#include "objects/protocol.h"
#include "runtime/object.h"

namespace islet::testing {

// RuntimeTest: each test runs in a fresh runtime (Runtime::Initialize in SetUp,
// Runtime::Finalize in TearDown), with this thread attached to the main interpreter
// in between. A fixture that keeps objects in members releases them in its own
// TearDown before calling RuntimeTest::TearDown():
//
//   void SetUp() override {
//     ASSERT_NO_FATAL_FAILURE(RuntimeTest::SetUp());
//     cls_ = NewClass("C", WellKnownType(WellKnown::kObject));
//   }
//   void TearDown() override {
//     cls_.reset();
//     RuntimeTest::TearDown();
//   }
class RuntimeTest : public ::testing::Test {
 protected:
  // Arg: one argument of a call, written as a C++ value: text makes a str, a
  // number an int; objects are passed as they are.
  //
  //   CallWith(StrType(), {"abc"});   // str("abc")
  struct Arg {
    Arg(const char* text);       // NOLINT: implicit by design
    Arg(std::string_view text);  // NOLINT
    Arg(int number);             // NOLINT
    Arg(Object* object);         // NOLINT
    Arg(Ref<Object> object);     // NOLINT
    Ref<Object> value;
  };
  // Kwargs: keyword arguments, {{"name", value}, ...}.
  using Kwargs = std::initializer_list<std::pair<std::string_view, Arg>>;

  void SetUp() override;
  void TearDown() override;

  // Error(): takes the pending exception, as "TypeError: message".
  static std::string Error();

  // Fmt(value, spec): format(value, spec) as the result's repr ("'3.14'"), or
  // the exception as Error() spells it.
  static std::string Fmt(const Ref<Object>& value, std::string_view spec);

  // CallWith(callable, args, kwargs): callable(*args, **kwargs).
  static Ref<Object> CallWith(Object* callable, std::initializer_list<Arg> args,
                              Kwargs kwargs = {});
  // CallAttr(self, name, args, kwargs): self.name(*args, **kwargs), the method
  // looked up as an attribute and then called (CallMethod takes the method-call
  // path instead). Null, with the exception pending, if either step fails.
  static Ref<Object> CallAttr(Object* self, std::string_view name,
                              std::initializer_list<Arg> args = {}, Kwargs kwargs = {});

  // IntList({1, 2}): the list [1, 2]. IntTuple({1, 2}): the tuple (1, 2).
  static Ref<Object> IntList(std::initializer_list<int64_t> values);
  static Ref<Object> IntTuple(std::initializer_list<int64_t> values);
  // SetOf({1, 2}): a set built by adding `elements` in order, as a set display does.
  static Ref<Object> SetOf(std::initializer_list<Arg> elements);
  // BigInt("123456789012345678901234567890"): an int from decimal text, for values
  // beyond int64_t.
  static Ref<Object> BigInt(std::string_view decimal);
  // PowerOfTwo(70): the int 2**70, made without int's arithmetic.
  static Ref<Object> PowerOfTwo(unsigned long exponent);
  // NewClass("C", base): a heap class C(base) in the current interpreter.
  static Ref<HeapType> NewClass(std::string_view name, TypeObject* base);

  // The main interpreter, attached to this thread during the test.
  Interpreter* interp_ = nullptr;

 private:
  std::optional<AttachGuard> attached_;
};

// ObjectTest: a RuntimeTest whose results are shown by their repr.
class ObjectTest : public RuntimeTest {
 protected:
  // Show(result): repr(result); Error() if there is no result; "repr failed:
  // message" if repr raises.
  static std::string Show(const Ref<Object>& result);
  static std::string Show(Object* result);
  // Method(self, name, args): Show(self.name(*args)), through CallMethod.
  static std::string Method(Object* self, std::string_view name,
                            std::initializer_list<Object*> args = {});
  // MethodKw(self, name, args, kwargs): Show(self.name(*args, **kwargs)), through
  // CallAttr.
  static std::string MethodKw(Object* self, std::string_view name, std::initializer_list<Arg> args,
                              Kwargs kwargs);
  // ListOf(iterable): Show(list(iterable)); Error() if `iterable` is null.
  static std::string ListOf(Object* iterable);
  static std::string ListOf(const Ref<Object>& iterable);
  // Op(left, op, right): Show(left <op> right).
  static std::string Op(Object* left, BinaryOp op, Object* right);
};

// TextTest: a RuntimeTest for the text types (str, bytes) whose Show spells None,
// bools, strs, bytes, ints, lists and tuples itself (as their reprs would), so
// that checks of str and bytes do not depend on other types' reprs.
class TextTest : public RuntimeTest {
 protected:
  // Show(result): the result spelled as above, any other object by its repr;
  // Error() if there is no result or its repr raises.
  static std::string Show(Object* result);
  static std::string Show(const Ref<Object>& result);
  // M(self, name, args, kwargs): Show(self.name(*args, **kwargs)).
  static std::string M(Arg self, std::string_view name, std::initializer_list<Arg> args = {},
                       Kwargs kwargs = {});
  // Op(left, op, right): Show(left <op> right).
  static std::string Op(Arg left, BinaryOp op, Arg right);
  // Item(self, key): Show(self[key]).
  static std::string Item(Arg self, Arg key);
  // Slice(start, stop, step): slice(start, stop, step).
  static Ref<Object> Slice(Arg start, Arg stop, Arg step);
  // Compare(left, op, right): RichCompareBool(left, right, op).
  static int Compare(Arg left, CompareOp op, Arg right);
  // Has(container, item): Contains(container, item), as `item in container`.
  static int Has(Arg container, Arg item);
};

}  // namespace islet::testing

#endif  // ISLET_TESTS_TESTING_OBJECT_TEST_SUPPORT_H_
