// `function` and `method`: C++ functions that bind like Python functions.

#include "objects/function.h"

#include <string>

#include "gtest/gtest.h"
#include "objects/args.h"
#include "objects/int.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/well_known.h"
#include "tests/testing/object_test_support.h"

namespace islet {
namespace {

class FunctionTest : public testing::ObjectTest {
 protected:
  // describe(*args): "<n> args", n counting every positional argument.
  static Ref<Object> Describe() {
    return NewFunction("describe", [](const CallArgs& args) -> Ref<Object> {
      if (!CheckNoKeywords(args, "describe")) return nullptr;
      return NewStr(std::to_string(args.args.size()) + " args");
    });
  }
};

TEST_F(FunctionTest, CallsItsBody) {
  Ref<Object> describe = Describe();
  EXPECT_EQ(describe->type(), WellKnownType(WellKnown::kFunction));
  EXPECT_EQ(Show(CallWith(describe.get(), {1, 2})), "'2 args'");
  EXPECT_EQ(Show(CallWith(describe.get(), {}, {{"x", 1}})),
            "TypeError: describe() takes no keyword arguments");
  EXPECT_EQ(ReprText(describe.get())->rfind("<function describe at 0x", 0), 0u);
}

TEST_F(FunctionTest, BindsThroughAnInstanceButNotThroughTheClass) {
  Ref<HeapType> cls = NewClass("C", WellKnownType(WellKnown::kObject));
  Ref<Object> describe = Describe();
  interp_->SetTypeDictEntry(*cls, interp_->Intern("describe"), describe);
  Ref<Object> instance = CallWith(cls.get(), {});
  ASSERT_TRUE(instance) << Error();

  EXPECT_EQ(GetAttr(cls.get(), "describe").get(), describe.get());
  Ref<Object> bound = GetAttr(instance.get(), "describe");
  ASSERT_TRUE(bound) << Error();
  EXPECT_EQ(bound->type(), WellKnownType(WellKnown::kMethod));
  EXPECT_EQ(GetAttr(bound.get(), "__self__").get(), instance.get());
  EXPECT_EQ(GetAttr(bound.get(), "__func__").get(), describe.get());
  EXPECT_EQ(Show(CallWith(bound.get(), {7})), "'2 args'");  // self, then 7
  EXPECT_EQ(Show(CallAttr(instance.get(), "describe")), "'1 args'");
  // Other attributes are the function's.
  EXPECT_EQ(Show(GetAttr(bound.get(), "__name__")), "'describe'");
  EXPECT_EQ(ReprText(bound.get())->rfind("<bound method describe of <__main__.C object at ", 0),
            0u);
}

TEST_F(FunctionTest, NamesAreWritableStrings) {
  Ref<Object> describe = Describe();
  ASSERT_TRUE(SetAttr(describe.get(), interp_->Intern("__qualname__"), NewStr("C.describe").get()));
  EXPECT_EQ(Show(GetAttr(describe.get(), "__qualname__")), "'C.describe'");
  EXPECT_EQ(Show(GetAttr(describe.get(), "__name__")), "'describe'");
  EXPECT_FALSE(SetAttr(describe.get(), interp_->Intern("__name__"), NewInt(1).get()));
  EXPECT_EQ(Error(), "TypeError: __name__ must be set to a string object");
  EXPECT_FALSE(DelAttr(describe.get(), interp_->Intern("__name__")));
  EXPECT_EQ(Error(), "TypeError: __name__ must be set to a string object");
}

TEST_F(FunctionTest, ABodyMayDropTheLastReferenceToItsFunction) {
  Ref<HeapType> cls = NewClass("C", WellKnownType(WellKnown::kObject));
  const Name* name = interp_->Intern("once");
  HeapType* raw_class = cls.get();
  interp_->SetTypeDictEntry(*cls, name,
                            NewFunction("once", [raw_class, name](const CallArgs&) -> Ref<Object> {
                              Interpreter::Current()->RemoveTypeDictEntry(*raw_class, name);
                              return NewStr("ran");
                            }));
  Ref<Object> once = Ref<Object>::Borrow(interp_->TypeDict(*cls)->Get(name));
  EXPECT_EQ(Show(CallWith(once.get(), {})), "'ran'");
  once.reset();
  EXPECT_EQ(interp_->TypeDict(*cls)->Get(name), nullptr);
}

}  // namespace
}  // namespace islet
