#include "tests/testing/object_test_support.h"

#include <gmp.h>

#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "objects/bytes.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/protocol.h"
#include "objects/set.h"
#include "objects/singletons.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/well_known.h"
#include "runtime/runtime.h"

namespace islet::testing {

// --- RuntimeTest ---

RuntimeTest::Arg::Arg(const char* text) : value(NewStr(text)) {}
RuntimeTest::Arg::Arg(std::string_view text) : value(NewStr(text)) {}
RuntimeTest::Arg::Arg(int number) : value(NewInt(number)) {}
RuntimeTest::Arg::Arg(Object* object) : value(Ref<Object>::Borrow(object)) {}
RuntimeTest::Arg::Arg(Ref<Object> object) : value(std::move(object)) {}

void RuntimeTest::SetUp() {
  absl::Status status = Runtime::Initialize();
  ASSERT_TRUE(status.ok()) << status;
  interp_ = Runtime::MainInterpreter();
  attached_.emplace(*interp_);
}

void RuntimeTest::TearDown() {
  attached_.reset();
  interp_ = nullptr;
  absl::Status status = Runtime::Finalize();
  ASSERT_TRUE(status.ok()) << status;
}

std::string RuntimeTest::Error() { return std::string(TakeExceptionAsStatus().message()); }

std::string RuntimeTest::Fmt(const Ref<Object>& value, std::string_view spec) {
  Ref<Object> result = Format(value.get(), NewStr(spec).get());
  if (!result) return Error();
  return StrReprText(StrView(result.get()));
}

Ref<Object> RuntimeTest::CallWith(Object* callable, std::initializer_list<Arg> args,
                                  Kwargs kwargs) {
  std::vector<Object*> values;
  std::vector<const Name*> names;
  for (const Arg& arg : args) values.push_back(arg.value.get());
  for (const auto& [name, arg] : kwargs) {
    values.push_back(arg.value.get());
    names.push_back(Interpreter::Current()->Intern(name));
  }
  return Call(callable, CallArgs{.args = values, .kwnames = names});
}

Ref<Object> RuntimeTest::CallAttr(Object* self, std::string_view name,
                                  std::initializer_list<Arg> args, Kwargs kwargs) {
  Ref<Object> method = GetAttr(self, name);
  if (!method) return nullptr;
  return CallWith(method.get(), args, kwargs);
}

namespace {

std::vector<Ref<Object>> Ints(std::initializer_list<int64_t> values) {
  std::vector<Ref<Object>> items;
  for (int64_t value : values) items.push_back(NewInt(value));
  return items;
}

}  // namespace

Ref<Object> RuntimeTest::IntList(std::initializer_list<int64_t> values) {
  return NewList(Ints(values));
}

Ref<Object> RuntimeTest::IntTuple(std::initializer_list<int64_t> values) {
  return NewTuple(Ints(values));
}

Ref<Object> RuntimeTest::SetOf(std::initializer_list<Arg> elements) {
  Ref<Object> set = NewSet();
  for (const Arg& element : elements) EXPECT_TRUE(SetAdd(set.get(), element.value.get()));
  return set;
}

Ref<Object> RuntimeTest::BigInt(std::string_view decimal) {
  Ref<Object> value = IntFromString(decimal, 10);
  EXPECT_TRUE(value) << TakeExceptionAsStatus();
  return value;
}

Ref<Object> RuntimeTest::PowerOfTwo(unsigned long exponent) {
  mpz_t value;
  mpz_init(value);
  mpz_ui_pow_ui(value, 2, exponent);
  Ref<Object> result = NewIntFromMpz(value);
  mpz_clear(value);
  return result;
}

Ref<HeapType> RuntimeTest::NewClass(std::string_view name, TypeObject* base) {
  TypeObject* bases[] = {base};
  absl::StatusOr<Ref<HeapType>> cls = HeapType::Create(*Interpreter::Current(), name, bases);
  EXPECT_TRUE(cls.ok()) << cls.status();
  return cls.ok() ? *std::move(cls) : nullptr;
}

// --- ObjectTest ---

std::string ObjectTest::Show(const Ref<Object>& result) { return Show(result.get()); }

std::string ObjectTest::Show(Object* result) {
  if (result == nullptr) return Error();
  std::optional<std::string> text = ReprText(result);
  if (!text) return "repr failed: " + Error();
  return *text;
}

std::string ObjectTest::Method(Object* self, std::string_view name,
                               std::initializer_list<Object*> args) {
  return Show(CallMethod(self, name, args));
}

std::string ObjectTest::MethodKw(Object* self, std::string_view name,
                                 std::initializer_list<Arg> args, Kwargs kwargs) {
  return Show(CallAttr(self, name, args, kwargs));
}

std::string ObjectTest::ListOf(Object* iterable) {
  if (iterable == nullptr) return Error();
  return Show(ListFromIterable(iterable));
}

std::string ObjectTest::ListOf(const Ref<Object>& iterable) { return ListOf(iterable.get()); }

std::string ObjectTest::Op(Object* left, BinaryOp op, Object* right) {
  return Show(BinaryOperation(left, right, op));
}

// --- TextTest ---

std::string TextTest::Show(Object* result) {
  if (result == nullptr) return Error();
  if (result == None()) return "None";
  if (result == True()) return "True";
  if (result == False()) return "False";
  if (IsInstance(result, WellKnown::kStr)) return StrReprText(StrView(result));
  if (IsInstance(result, WellKnown::kBytes)) return BytesReprText(BytesView(result));
  if (IsInstance(result, WellKnown::kInt)) return IntToDecimal(result);
  if (IsInstance(result, WellKnown::kList)) {
    std::string out = "[";
    for (const Ref<Object>& item : ListItems(result)) {
      out += (out.size() > 1 ? ", " : "") + Show(item.get());
    }
    return out + "]";
  }
  if (IsInstance(result, WellKnown::kTuple)) {
    std::string out = "(";
    for (const Ref<Object>& item : TupleItems(result)) {
      out += (out.size() > 1 ? ", " : "") + Show(item.get());
    }
    return out + (TupleItems(result).size() == 1 ? ",)" : ")");
  }
  std::optional<std::string> text = ReprText(result);
  return text ? *text : Error();
}

std::string TextTest::Show(const Ref<Object>& result) { return Show(result.get()); }

std::string TextTest::M(Arg self, std::string_view name, std::initializer_list<Arg> args,
                        Kwargs kwargs) {
  return Show(CallAttr(self.value.get(), name, args, kwargs));
}

std::string TextTest::Op(Arg left, BinaryOp op, Arg right) {
  return Show(BinaryOperation(left.value.get(), right.value.get(), op));
}

std::string TextTest::Item(Arg self, Arg key) {
  return Show(GetItem(self.value.get(), key.value.get()));
}

Ref<Object> TextTest::Slice(Arg start, Arg stop, Arg step) {
  return NewSlice(start.value, stop.value, step.value);
}

int TextTest::Compare(Arg left, CompareOp op, Arg right) {
  return RichCompareBool(left.value.get(), right.value.get(), op);
}

int TextTest::Has(Arg container, Arg item) {
  return Contains(container.value.get(), item.value.get());
}

}  // namespace islet::testing
