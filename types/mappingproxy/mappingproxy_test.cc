// Tests of `mappingproxy` through the object protocol: a type's __dict__ (live,
// str keys, every builtin type's keys listable) and a proxy of any mapping,
// read-only item access, the methods, and the exact CPython 3.14 error messages.

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "interp/heap_type.h"
#include "interp/interpreter.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/mapping_proxy.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/well_known.h"
#include "runtime/runtime.h"
#include "tests/testing/object_test_support.h"

namespace islet {
namespace {

class MappingProxyTest : public testing::ObjectTest {
 protected:
  static TypeObject* ProxyType() { return WellKnownType(WellKnown::kMappingProxy); }

  // A class C with C.zeta = 1, C.alpha = 2.
  Ref<HeapType> Class() {
    Ref<HeapType> cls = NewClass("C", WellKnownType(WellKnown::kObject));
    interp_->SetTypeDictEntry(*cls, interp_->Intern("zeta"), NewInt(1));
    interp_->SetTypeDictEntry(*cls, interp_->Intern("alpha"), NewInt(2));
    return cls;
  }
};

TEST_F(MappingProxyTest, ATypesDictIsALiveReadOnlyViewWithStrKeys) {
  Ref<HeapType> cls = Class();
  Ref<Object> proxy = GetAttr(cls.get(), "__dict__");
  ASSERT_TRUE(proxy) << TakeExceptionAsStatus();
  EXPECT_EQ(proxy->type(), ProxyType());
  EXPECT_EQ(Show(proxy), "mappingproxy({'zeta': 1, 'alpha': 2})");
  EXPECT_EQ(Length(proxy.get()), 2);
  Ref<Object> zeta = NewStr("zeta"), nope = NewStr("nope"), one = NewInt(1);
  EXPECT_EQ(Show(GetItem(proxy.get(), zeta.get())), "1");
  EXPECT_EQ(Show(GetItem(proxy.get(), nope.get())), "KeyError: 'nope'");
  EXPECT_EQ(Show(GetItem(proxy.get(), one.get())), "KeyError: 1");
  EXPECT_EQ(Contains(proxy.get(), zeta.get()), 1);
  EXPECT_EQ(Contains(proxy.get(), one.get()), 0);
  EXPECT_EQ(Method(proxy.get(), "get", {zeta.get()}), "1");
  EXPECT_EQ(Method(proxy.get(), "get", {nope.get()}), "None");
  EXPECT_EQ(Method(proxy.get(), "get", {nope.get(), one.get()}), "1");
  EXPECT_EQ(ListOf(proxy), "['zeta', 'alpha']");
  EXPECT_EQ(ListOf(CallMethod(proxy.get(), "keys", {})), "['zeta', 'alpha']");
  EXPECT_EQ(ListOf(CallMethod(proxy.get(), "values", {})), "[1, 2]");
  EXPECT_EQ(ListOf(CallMethod(proxy.get(), "items", {})), "[('zeta', 1), ('alpha', 2)]");
  Ref<Object> copy = CallMethod(proxy.get(), "copy", {});
  ASSERT_TRUE(copy);
  EXPECT_TRUE(IsExactly(copy.get(), WellKnown::kDict));
  EXPECT_EQ(Show(copy), "{'zeta': 1, 'alpha': 2}");
  // Live: a later change to the class shows.
  Interpreter& interp = *Interpreter::Current();
  interp.SetTypeDictEntry(*cls, interp.Intern("beta"), NewInt(3));
  EXPECT_EQ(Length(proxy.get()), 3);
  EXPECT_EQ(Show(proxy), "mappingproxy({'zeta': 1, 'alpha': 2, 'beta': 3})");
  // Read-only.
  EXPECT_FALSE(SetItem(proxy.get(), zeta.get(), one.get()));
  EXPECT_EQ(Error(), "TypeError: 'mappingproxy' object does not support item assignment");
  EXPECT_FALSE(DelItem(proxy.get(), zeta.get()));
  EXPECT_EQ(Error(), "TypeError: 'mappingproxy' object does not support item deletion");
  EXPECT_EQ(Hash(proxy.get()), -1);
  EXPECT_EQ(Error(), "TypeError: unhashable type: 'dict'");
  EXPECT_EQ(Method(proxy.get(), "keys", {one.get()}),
            "TypeError: mappingproxy.keys() takes no arguments (1 given)");
}

TEST_F(MappingProxyTest, EveryBuiltinTypesDictListsItsKeys) {
  // The conformance kit does list(type.__dict__.keys()) for every builtin type.
  for (StaticType* type : Runtime::registry().init_order()) {
    Ref<Object> proxy = GetAttr(type, "__dict__");
    ASSERT_TRUE(proxy) << type->name() << ": " << TakeExceptionAsStatus();
    Ref<Object> keys = CallMethod(proxy.get(), "keys", {});
    ASSERT_TRUE(keys) << type->name() << ": " << TakeExceptionAsStatus();
    Ref<Object> list = Call(WellKnownType(WellKnown::kList), {keys.get()});
    ASSERT_TRUE(list) << type->name() << ": " << TakeExceptionAsStatus();
    const AttrTable* table = Interpreter::Current()->TypeDict(*type);
    EXPECT_EQ(ListItems(list.get()).size(), table == nullptr ? 0u : table->size()) << type->name();
  }
  // list.__dict__ holds list's methods, as method descriptors.
  Ref<Object> proxy = GetAttr(WellKnownType(WellKnown::kList), "__dict__");
  Ref<Object> append = NewStr("append");
  EXPECT_EQ(Show(GetItem(proxy.get(), append.get())), "<method 'append' of 'list' objects>");
}

TEST_F(MappingProxyTest, AProxyOfAMappingDelegatesToIt) {
  Ref<Object> d = NewDict();
  Ref<Object> a = NewStr("a"), b = NewStr("b"), one = NewInt(1), two = NewInt(2);
  ASSERT_TRUE(DictSet(d.get(), a.get(), one.get()));
  Ref<Object> proxy = Call(ProxyType(), {d.get()});
  ASSERT_TRUE(proxy) << TakeExceptionAsStatus();
  EXPECT_EQ(Show(proxy), "mappingproxy({'a': 1})");
  EXPECT_EQ(StrText(proxy.get()).value_or("?"), "{'a': 1}");
  ASSERT_TRUE(DictSet(d.get(), b.get(), two.get()));  // live
  EXPECT_EQ(Length(proxy.get()), 2);
  EXPECT_EQ(Show(GetItem(proxy.get(), b.get())), "2");
  EXPECT_EQ(Show(GetItem(proxy.get(), two.get())), "KeyError: 2");
  EXPECT_EQ(Contains(proxy.get(), a.get()), 1);
  EXPECT_EQ(ListOf(proxy), "['a', 'b']");
  EXPECT_EQ(Show(CallMethod(proxy.get(), "keys", {})), "dict_keys(['a', 'b'])");
  EXPECT_EQ(Show(CallMethod(proxy.get(), "items", {})), "dict_items([('a', 1), ('b', 2)])");
  EXPECT_EQ(Method(proxy.get(), "get", {b.get()}), "2");
  EXPECT_EQ(Method(proxy.get(), "get", {two.get()}), "None");
  EXPECT_EQ(Method(proxy.get(), "get"), "TypeError: get expected at least 1 argument, got 0");
  Ref<Object> copy = CallMethod(proxy.get(), "copy", {});
  ASSERT_TRUE(copy);
  EXPECT_NE(copy.get(), d.get());
  EXPECT_EQ(Show(copy), "{'a': 1, 'b': 2}");
  EXPECT_EQ(RichCompareBool(proxy.get(), d.get(), CompareOp::kEq), 1);
  EXPECT_FALSE(SetItem(proxy.get(), a.get(), two.get()));
  EXPECT_EQ(Error(), "TypeError: 'mappingproxy' object does not support item assignment");
  // By keyword, and a proxy of a proxy.
  std::vector<Object*> args = {proxy.get()};
  std::vector<const Name*> names = {Interpreter::Current()->Intern("mapping")};
  Ref<Object> nested = Call(ProxyType(), CallArgs{.args = args, .kwnames = names});
  EXPECT_EQ(Show(nested), "mappingproxy(mappingproxy({'a': 1, 'b': 2}))");
}

TEST_F(MappingProxyTest, ConstructionErrors) {
  EXPECT_EQ(Show(Call(ProxyType(), {})),
            "TypeError: mappingproxy() missing required argument 'mapping' (pos 1)");
  Ref<Object> list = NewList(), one = NewInt(1), tuple = NewTuple({None()});
  EXPECT_EQ(Show(Call(ProxyType(), {list.get()})),
            "TypeError: mappingproxy() argument must be a mapping, not list");
  EXPECT_EQ(Show(Call(ProxyType(), {tuple.get()})),
            "TypeError: mappingproxy() argument must be a mapping, not tuple");
  EXPECT_EQ(Show(Call(ProxyType(), {one.get()})),
            "TypeError: mappingproxy() argument must be a mapping, not int");
  Ref<Object> d = NewDict();
  EXPECT_EQ(Show(Call(ProxyType(), {d.get(), d.get()})),
            "TypeError: mappingproxy() takes at most 1 argument (2 given)");
  std::vector<Object*> args = {d.get()};
  std::vector<const Name*> names = {Interpreter::Current()->Intern("other")};
  EXPECT_EQ(Show(Call(ProxyType(), CallArgs{.args = args, .kwnames = names})),
            "TypeError: mappingproxy() got an unexpected keyword argument 'other'");
}

TEST_F(MappingProxyTest, ACycleThroughAProxyIsFreedWhenTheInterpreterIsDestroyed) {
  Interpreter* sub = *Runtime::CreateInterpreter();
  {
    AttachGuard attached(*sub);
    Ref<Object> d = NewDict();
    Ref<Object> proxy = NewMappingProxy(d);
    Ref<Object> key = NewStr("proxy");
    ASSERT_TRUE(DictSet(d.get(), key.get(), proxy.get()));
    Ref<Object> type_proxy = GetAttr(WellKnownType(WellKnown::kList), "__dict__");
    Ref<Object> key2 = NewStr("type_proxy");
    ASSERT_TRUE(DictSet(d.get(), key2.get(), type_proxy.get()));
  }
  ::testing::internal::CaptureStderr();
  ASSERT_TRUE(Runtime::DestroyInterpreter(sub).ok());
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
}

}  // namespace
}  // namespace islet
