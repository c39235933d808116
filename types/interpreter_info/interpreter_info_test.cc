// islet.InterpreterInfo: what NewInterpreterInfo reports for the main interpreter
// and a subinterpreter, its named fields and tuple behaviour, its repr, and its
// CPython-style struct-sequence constructor.

#include "types/interpreter_info/interpreter_info.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "interp/heap_type.h"
#include "interp/interpreter.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/set.h"
#include "objects/singletons.h"
#include "objects/tuple.h"
#include "objects/well_known.h"
#include "runtime/runtime.h"
#include "tests/testing/object_test_support.h"

namespace islet {
namespace {

class InterpreterInfoTest : public testing::ObjectTest {
 protected:
  static int64_t Field(Object* info, std::string_view name) {
    Ref<Object> value = GetAttr(info, name);
    EXPECT_TRUE(value) << TakeExceptionAsStatus();
    return value ? IntAsInt64(value.get()).value_or(-1) : -1;
  }
};

TEST_F(InterpreterInfoTest, DescribesTheMainInterpreter) {
  Interpreter& main = *Runtime::MainInterpreter();
  const uint64_t live_before = main.memory_stats().live_objects;
  Ref<Object> info = NewInterpreterInfo(main);
  ASSERT_TRUE(info);
  EXPECT_EQ(info->type(), &kInterpreterInfoType);
  EXPECT_TRUE(IsInstance(info.get(), WellKnown::kTuple));
  EXPECT_EQ(Field(info.get(), "id"), 0);
  EXPECT_EQ(GetAttr(info.get(), "is_main").get(), True());
  EXPECT_EQ(Field(info.get(), "attached_threads"), 1);
  EXPECT_EQ(Field(info.get(), "live_objects"), static_cast<int64_t>(live_before));
  EXPECT_EQ(ReprText(info.get()),
            "islet.InterpreterInfo(id=0, is_main=True, attached_threads=1, live_objects=" +
                std::to_string(live_before) + ")");
}

TEST_F(InterpreterInfoTest, DescribesASubinterpreter) {
  Interpreter* sub = *Runtime::CreateInterpreter();
  {
    AttachGuard attached(*sub);
    Ref<Object> info = NewInterpreterInfo(*sub);
    EXPECT_EQ(Field(info.get(), "id"), sub->id());
    EXPECT_EQ(GetAttr(info.get(), "is_main").get(), False());
    EXPECT_EQ(Field(info.get(), "attached_threads"), 1);
  }
  ASSERT_TRUE(Runtime::DestroyInterpreter(sub).ok());
}

TEST_F(InterpreterInfoTest, IsATupleOfItsFields) {
  Ref<Object> info = NewInterpreterInfo(*Runtime::MainInterpreter());
  std::span<const Ref<Object>> items = TupleItems(info.get());
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[1].get(), True());
  EXPECT_EQ(Length(info.get()), 4);
  Ref<Object> first = GetItem(info.get(), NewInt(0).get());
  ASSERT_TRUE(first) << TakeExceptionAsStatus();
  EXPECT_EQ(IntAsInt64(first.get()), 0);
  EXPECT_EQ(GetItem(info.get(), NewInt(-3).get()).get(), True());
}

TEST_F(InterpreterInfoTest, TypeNameModuleAndNoSubclasses) {
  EXPECT_EQ(TypeName(&kInterpreterInfoType), "InterpreterInfo");
  EXPECT_EQ(TypeModule(&kInterpreterInfoType), "islet");
  EXPECT_EQ(kInterpreterInfoType.base(), WellKnownType(WellKnown::kTuple));
  TypeObject* bases[] = {&kInterpreterInfoType};
  absl::StatusOr<Ref<HeapType>> sub = HeapType::Create(*Runtime::MainInterpreter(), "Sub", bases);
  EXPECT_FALSE(sub.ok());
}

TEST_F(InterpreterInfoTest, ConstructorTakesASequenceOfExactlyFourItems) {
  Ref<Object> values = NewSet();
  for (int64_t value : {4, 3, 2}) ASSERT_TRUE(SetAdd(values.get(), NewInt(value).get()));
  EXPECT_FALSE(Call(&kInterpreterInfoType, {values.get()}));
  EXPECT_EQ(Error(), "TypeError: islet.InterpreterInfo() takes a 4-sequence (3-sequence given)");
  ASSERT_TRUE(SetAdd(values.get(), NewInt(5).get()));
  Ref<Object> info = Call(&kInterpreterInfoType, {values.get()});
  ASSERT_TRUE(info) << TakeExceptionAsStatus();
  EXPECT_EQ(info->type(), &kInterpreterInfoType);
  EXPECT_EQ(Field(info.get(), "id"), 2);  // the set's order: 2, 3, 4, 5
  EXPECT_EQ(Field(info.get(), "live_objects"), 5);

  const Name* sequence[] = {Runtime::MainInterpreter()->Intern("sequence")};
  Object* by_name[] = {values.get()};
  EXPECT_TRUE(Call(&kInterpreterInfoType, CallArgs{.args = by_name, .kwnames = sequence}));
  EXPECT_FALSE(Call(&kInterpreterInfoType, {}));
  EXPECT_EQ(Error(), "TypeError: structseq() missing required argument 'sequence' (pos 1)");
  EXPECT_FALSE(Call(&kInterpreterInfoType, {None()}));
  EXPECT_EQ(Error(), "TypeError: constructor requires a sequence");
  EXPECT_FALSE(Call(&kInterpreterInfoType, {values.get(), None()}));
  EXPECT_EQ(Error(), "TypeError: islet.InterpreterInfo() takes a dict as second arg, if any");
  EXPECT_FALSE(Call(&kInterpreterInfoType, {values.get(), None(), None()}));
  EXPECT_EQ(Error(), "TypeError: structseq() takes at most 2 arguments (3 given)");
  const Name* wrong[] = {Runtime::MainInterpreter()->Intern("items")};
  EXPECT_FALSE(Call(&kInterpreterInfoType, CallArgs{.args = by_name, .kwnames = wrong}));
  EXPECT_EQ(Error(), "TypeError: structseq() got an unexpected keyword argument 'items'");
  Object* twice[] = {values.get(), values.get()};
  EXPECT_FALSE(Call(&kInterpreterInfoType, CallArgs{.args = twice, .kwnames = sequence}));
  EXPECT_EQ(Error(),
            "TypeError: argument for structseq() given by name ('sequence') and position (1)");
}

}  // namespace
}  // namespace islet
