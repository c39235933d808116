// The exception types through the object protocol: the hierarchy, args,
// str() and repr() as CPython's, keyword arguments left to __init__,
// KeyError's str, SyntaxError's details and SystemExit.code.

#include <string>

#include "gtest/gtest.h"
#include "objects/errors.h"
#include "objects/exception.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/well_known.h"
#include "tests/testing/object_test_support.h"

namespace islet {
namespace {

class ExceptionsTest : public testing::ObjectTest {
 protected:
  static StaticType* T(WellKnown which) { return WellKnownType(which); }
  static std::string StrOf(const Ref<Object>& object) {
    std::optional<std::string> text = StrText(object.get());
    return text ? *text : Error();
  }
  // SyntaxError('invalid syntax', ('<string>', 1, 5, 'x y', 1, 6)).
  static Ref<Object> CompilerSyntaxError() {
    Ref<Object> details = NewTuple({NewStr("<string>").get(), NewInt(1).get(), NewInt(5).get(),
                                    NewStr("x y").get(), NewInt(1).get(), NewInt(6).get()});
    return CallWith(T(WellKnown::kSyntaxError), {"invalid syntax", details});
  }
};

TEST_F(ExceptionsTest, NewTypesHaveCPythonsBases) {
  auto base_of = [](WellKnown which) { return std::string(TypeName(T(which)->base())); };
  EXPECT_EQ(base_of(WellKnown::kSyntaxError), "Exception");
  EXPECT_EQ(base_of(WellKnown::kImportError), "Exception");
  EXPECT_EQ(base_of(WellKnown::kModuleNotFoundError), "ImportError");
  EXPECT_EQ(base_of(WellKnown::kUnboundLocalError), "NameError");
  EXPECT_EQ(base_of(WellKnown::kKeyboardInterrupt), "BaseException");
  EXPECT_EQ(base_of(WellKnown::kSystemExit), "BaseException");
  EXPECT_EQ(base_of(WellKnown::kInterpreterError), "Exception");
  EXPECT_EQ(base_of(WellKnown::kInterpreterNotFoundError), "InterpreterError");
  EXPECT_EQ(TypeModule(T(WellKnown::kInterpreterNotFoundError)), "concurrent.interpreters");
}

TEST_F(ExceptionsTest, ArgsStrAndRepr) {
  Ref<Object> one = CallWith(T(WellKnown::kValueError), {"x"});
  EXPECT_EQ(Show(one), "ValueError('x')");
  EXPECT_EQ(StrOf(one), "x");
  EXPECT_EQ(Show(GetAttr(one.get(), "args")), "('x',)");
  Ref<Object> two = CallWith(T(WellKnown::kValueError), {1, "b"});
  EXPECT_EQ(Show(two), "ValueError(1, 'b')");
  EXPECT_EQ(StrOf(two), "(1, 'b')");
  Ref<Object> none = CallWith(T(WellKnown::kModuleNotFoundError), {});
  EXPECT_EQ(Show(none), "ModuleNotFoundError()");
  EXPECT_EQ(StrOf(none), "");
  EXPECT_EQ(Show(CallWith(T(WellKnown::kInterpreterNotFoundError), {"gone"})),
            "InterpreterNotFoundError('gone')");
  // KeyError shows its key as repr.
  EXPECT_EQ(StrOf(CallWith(T(WellKnown::kKeyError), {"k"})), "'k'");
  EXPECT_EQ(StrOf(CallWith(T(WellKnown::kKeyError), {"k", 1})), "('k', 1)");
}

TEST_F(ExceptionsTest, KeywordsAreRefusedByInitOnly) {
  EXPECT_EQ(Show(CallWith(T(WellKnown::kValueError), {"x"}, {{"y", 1}})),
            "TypeError: ValueError() takes no keyword arguments");
  Ref<HeapType> plain = NewClass("F", T(WellKnown::kException));
  EXPECT_EQ(Show(CallWith(plain.get(), {1}, {{"b", 3}})),
            "TypeError: F() takes no keyword arguments");
  // A subclass whose __init__ takes keywords gets them.
  Ref<HeapType> cls = NewClass("E", T(WellKnown::kException));
  Ref<Object> init = NewFunction("__init__", [](const CallArgs& args) -> Ref<Object> {
    return args.kwnames.size() == 1 ? NoneRef() : nullptr;
  });
  interp_->SetTypeDictEntry(*cls, interp_->Intern("__init__"), init);
  Ref<Object> e = CallWith(cls.get(), {1}, {{"b", 3}});
  ASSERT_TRUE(e) << Error();
  EXPECT_EQ(Show(GetAttr(e.get(), "args")), "(1,)");
}

TEST_F(ExceptionsTest, SyntaxErrorDetails) {
  Ref<Object> e = CompilerSyntaxError();
  ASSERT_TRUE(e) << Error();
  EXPECT_EQ(StrOf(e), "invalid syntax (<string>, line 1)");
  EXPECT_EQ(Show(GetAttr(e.get(), "msg")), "'invalid syntax'");
  EXPECT_EQ(Show(GetAttr(e.get(), "filename")), "'<string>'");
  EXPECT_EQ(Show(GetAttr(e.get(), "lineno")), "1");
  EXPECT_EQ(Show(GetAttr(e.get(), "offset")), "5");
  EXPECT_EQ(Show(GetAttr(e.get(), "text")), "'x y'");
  EXPECT_EQ(Show(GetAttr(e.get(), "end_lineno")), "1");
  EXPECT_EQ(Show(GetAttr(e.get(), "end_offset")), "6");
  EXPECT_EQ(Show(e), "SyntaxError('invalid syntax', ('<string>', 1, 5, 'x y', 1, 6))");
  EXPECT_EQ(ExceptionMessage(e.get()), "invalid syntax (<string>, line 1)");
}

TEST_F(ExceptionsTest, SyntaxErrorStrShowsWhatItHas) {
  Ref<Object> just_msg = CallWith(T(WellKnown::kSyntaxError), {"bad"});
  EXPECT_EQ(StrOf(just_msg), "bad");
  EXPECT_EQ(Show(GetAttr(just_msg.get(), "lineno")), "None");
  EXPECT_EQ(StrOf(CallWith(T(WellKnown::kSyntaxError), {})), "None");
  EXPECT_EQ(Show(GetAttr(CallWith(T(WellKnown::kSyntaxError), {}).get(), "msg")), "None");
  // The file's base name; the line only if it is an int.
  Ref<Object> path = NewTuple({NewStr("/a/b.py").get(), NewInt(3).get(), NewInt(1).get(), None()});
  EXPECT_EQ(StrOf(CallWith(T(WellKnown::kSyntaxError), {"m", path})), "m (b.py, line 3)");
  Ref<Object> no_file = NewTuple({None(), NewInt(3).get(), NewInt(1).get(), None()});
  EXPECT_EQ(StrOf(CallWith(T(WellKnown::kSyntaxError), {"m", no_file})), "m (line 3)");
  Ref<Object> no_line = NewTuple({NewStr("f").get(), None(), NewInt(1).get(), None()});
  EXPECT_EQ(StrOf(CallWith(T(WellKnown::kSyntaxError), {"m", no_line})), "m (f)");
}

TEST_F(ExceptionsTest, SystemExitCode) {
  EXPECT_EQ(Show(GetAttr(CallWith(T(WellKnown::kSystemExit), {}).get(), "code")), "None");
  EXPECT_EQ(Show(GetAttr(CallWith(T(WellKnown::kSystemExit), {2}).get(), "code")), "2");
  EXPECT_EQ(Show(GetAttr(CallWith(T(WellKnown::kSystemExit), {1, 2}).get(), "code")), "(1, 2)");
}

}  // namespace
}  // namespace islet
