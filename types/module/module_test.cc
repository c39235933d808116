// `module` through the object protocol: NewModule's namespace, attribute
// access reading and writing the dict (data descriptors first, __getattr__
// last), CPython's messages and reprs, and module(name, doc).

#include "objects/module.h"

#include <string>

#include "gtest/gtest.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/well_known.h"
#include "tests/testing/object_test_support.h"

namespace islet {
namespace {

class ModuleTest : public testing::ObjectTest {
 protected:
  static Object* ModuleType() { return WellKnownType(WellKnown::kModule); }
  const Name* N(std::string_view text) { return interp_->Intern(text); }
};

TEST_F(ModuleTest, NewModuleHasCPythonsNamespace) {
  Ref<Object> module = NewModule("m");
  ASSERT_TRUE(module) << Error();
  EXPECT_EQ(module->type(), ModuleType());
  EXPECT_EQ(Show(ModuleDict(module.get())),
            "{'__name__': 'm', '__doc__': None, '__package__': None, '__loader__': None, "
            "'__spec__': None}");
  EXPECT_EQ(Show(GetAttr(module.get(), "__name__")), "'m'");
  EXPECT_EQ(Show(GetAttr(module.get(), "__dict__")), Show(ModuleDict(module.get())));
  EXPECT_EQ(GetAttr(module.get(), "__dict__").get(), ModuleDict(module.get()));
  EXPECT_EQ(GetAttr(module.get(), "__class__").get(), ModuleType());
}

TEST_F(ModuleTest, AttributesAreTheDictsEntries) {
  Ref<Object> module = NewModule("weakref");
  ASSERT_TRUE(SetModuleAttr(module.get(), "x", NewInt(1))) << Error();
  EXPECT_EQ(Show(GetAttr(module.get(), "x")), "1");
  // setattr writes the dict; the dict's changes show as attributes.
  ASSERT_TRUE(SetAttr(module.get(), N("y"), NewInt(2).get())) << Error();
  Object* found = nullptr;
  ASSERT_EQ(DictGet(ModuleDict(module.get()), NewStr("y").get(), &found), 1);
  EXPECT_EQ(Show(found), "2");
  ASSERT_TRUE(DictSet(ModuleDict(module.get()), NewStr("z").get(), NewInt(3).get()));
  EXPECT_EQ(Show(GetAttr(module.get(), "z")), "3");
  // delattr removes the entry.
  ASSERT_TRUE(DelAttr(module.get(), N("y"))) << Error();
  EXPECT_EQ(Show(GetAttr(module.get(), "y")),
            "AttributeError: module 'weakref' has no attribute 'y'");
  EXPECT_FALSE(DelAttr(module.get(), N("y")));
  EXPECT_EQ(Error(), "AttributeError: 'module' object has no attribute 'y'");
  // The dict comes before the type's non-data attributes (a module's __repr__).
  ASSERT_TRUE(SetModuleAttr(module.get(), "__repr__", NewInt(7)));
  EXPECT_EQ(Show(GetAttr(module.get(), "__repr__")), "7");
  // __dict__ is the type's data descriptor: read-only.
  EXPECT_FALSE(SetAttr(module.get(), N("__dict__"), NewInt(1).get()));
  EXPECT_EQ(Error().rfind("AttributeError: ", 0), 0u);
}

TEST_F(ModuleTest, MissingNamesAndModuleGetAttr) {
  Ref<Object> module = NewModule("m");
  EXPECT_EQ(Show(GetAttr(module.get(), "nope")),
            "AttributeError: module 'm' has no attribute 'nope'");
  // PEP 562: the module's own __getattr__ answers for missing names.
  Ref<Object> str_type = Ref<Object>::Borrow(WellKnownType(WellKnown::kStr));
  ASSERT_TRUE(SetModuleAttr(module.get(), "__getattr__", str_type));
  EXPECT_EQ(Show(GetAttr(module.get(), "nope")), "'nope'");
  // Without a str __name__ the message names no module.
  ASSERT_TRUE(DictDelete(ModuleDict(module.get()), NewStr("__getattr__").get()) == 1);
  ASSERT_TRUE(SetModuleAttr(module.get(), "__name__", NewInt(5)));
  EXPECT_EQ(Show(GetAttr(module.get(), "nope")), "AttributeError: module has no attribute 'nope'");
}

TEST_F(ModuleTest, Repr) {
  // "builtins" is a registered native module only when linked; a module whose
  // name no native module has is shown plainly.
  EXPECT_EQ(Show(NewModule("__main__")), "<module '__main__'>");
  Ref<Object> module = NewModule("m");
  ASSERT_TRUE(SetModuleAttr(module.get(), "__file__", NewStr("/src/m.py")));
  EXPECT_EQ(Show(module), "<module 'm' from '/src/m.py'>");
  ASSERT_TRUE(SetModuleAttr(module.get(), "__name__", NewInt(1)));
  EXPECT_EQ(Show(module), "<module 1 from '/src/m.py'>");
  ASSERT_EQ(DictDelete(ModuleDict(module.get()), NewStr("__name__").get()), 1);
  EXPECT_EQ(Show(module), "<module '?' from '/src/m.py'>");
}

TEST_F(ModuleTest, ConstructedFromPython) {
  EXPECT_EQ(Show(CallWith(ModuleType(), {"x"})), "<module 'x'>");
  Ref<Object> module = CallWith(ModuleType(), {"x", "the doc"});
  ASSERT_TRUE(module) << Error();
  EXPECT_EQ(Show(GetAttr(module.get(), "__dict__")),
            "{'__name__': 'x', '__doc__': 'the doc', '__package__': None, '__loader__': None, "
            "'__spec__': None}");
  EXPECT_EQ(Show(CallWith(ModuleType(), {})),
            "TypeError: module() missing required argument 'name' (pos 1)");
  EXPECT_EQ(Show(CallWith(ModuleType(), {1})),
            "TypeError: module() argument 'name' must be str, not int");
  EXPECT_EQ(Show(CallWith(ModuleType(), {"a", "b", "c"})),
            "TypeError: module() takes at most 2 arguments (3 given)");
  EXPECT_EQ(Show(CallWith(ModuleType(), {"a"}, {{"x", 1}})),
            "TypeError: module() got an unexpected keyword argument 'x'");
}

TEST_F(ModuleTest, SubclassInstancesKeepAttributesInTheDict) {
  Ref<HeapType> cls = NewClass("M", static_cast<TypeObject*>(ModuleType()));
  Ref<Object> module = CallWith(cls.get(), {"sub"});
  ASSERT_TRUE(module) << Error();
  ASSERT_TRUE(SetAttr(module.get(), N("a"), NewInt(1).get())) << Error();
  EXPECT_EQ(Show(GetAttr(module.get(), "a")), "1");
  EXPECT_EQ(Show(GetAttr(module.get(), "__name__")), "'sub'");
}

}  // namespace
}  // namespace islet
