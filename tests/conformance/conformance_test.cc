// The conformance kit: what every static builtin type must satisfy, checked in a
// main interpreter and two subinterpreters. builtin_type() runs it for each type
// as <target>_conformance_test with --type=<registered name>.

#include <algorithm>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "interp/heap_type.h"
#include "interp/interpreter.h"
#include "objects/descriptors.h"
#include "objects/errors.h"
#include "objects/list.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/well_known.h"
#include "runtime/runtime.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

std::string type_under_test;  // set by main from --type=

class ConformanceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(Runtime::Initialize().ok());
    type_ = Runtime::FindStaticType(type_under_test);
    ASSERT_NE(type_, nullptr) << "no builtin type named '" << type_under_test << "'";
    main_ = Runtime::MainInterpreter();
    a_ = *Runtime::CreateInterpreter();
    b_ = *Runtime::CreateInterpreter();
  }
  void TearDown() override { ASSERT_TRUE(Runtime::Finalize().ok()); }

  std::vector<Interpreter*> All() const { return {main_, a_, b_}; }

  // The str items of a list, as text.
  static std::vector<std::string> Texts(Object* list) {
    std::vector<std::string> texts;
    for (const Ref<Object>& item : ListItems(list)) texts.emplace_back(StrView(item.get()));
    return texts;
  }

  StaticType* type_ = nullptr;
  Interpreter* main_ = nullptr;
  Interpreter* a_ = nullptr;
  Interpreter* b_ = nullptr;
};

TEST_F(ConformanceTest, IsImmortalAndAnExtraDecrefCannotFreeIt) {
  EXPECT_TRUE(type_->IsImmortal());
  EXPECT_EQ(type_->owner(), nullptr);
  const uint64_t refcount = type_->refcount();
  for (int i = 0; i < 100; ++i) DecRef(type_);
  EXPECT_EQ(type_->refcount(), refcount);
  AttachGuard attached(*a_);
  // Still fully usable afterwards.
  Ref<Object> name = GetAttr(type_, "__name__");
  ASSERT_TRUE(name) << TakeExceptionAsStatus();
  EXPECT_EQ(StrView(name.get()), TypeName(type_));
}

TEST_F(ConformanceTest, IsStaticBuiltinWithAUniqueDenseIndex) {
  EXPECT_TRUE(type_->HasFlag(kTypeStaticBuiltin));
  EXPECT_TRUE(type_->HasFlag(kTypeImmutable));
  std::span<StaticType* const> order = Runtime::registry().init_order();
  ASSERT_GE(type_->static_index(), 0);
  ASSERT_LT(static_cast<size_t>(type_->static_index()), order.size());
  EXPECT_EQ(order[static_cast<size_t>(type_->static_index())], type_);
  EXPECT_EQ(std::count(order.begin(), order.end(), type_), 1);
}

// Instances that hold references (a clear slot) show them to the cycle collector
// (a traverse slot), or a cycle through them could never be collected.
TEST_F(ConformanceTest, ATypeThatClearsReferencesAlsoTraversesThem) {
  EXPECT_EQ(type_->slots().clear != nullptr, type_->slots().traverse != nullptr)
      << type_->name() << " has a clear slot but no traverse slot, or the other way round";
}

TEST_F(ConformanceTest, SettingOrDeletingAnAttributeIsATypeErrorInEveryInterpreter) {
  const std::string expected =
      "TypeError: cannot set 'x' attribute of immutable type '" + std::string(type_->name()) + "'";
  for (Interpreter* interp : All()) {
    AttachGuard attached(*interp);
    const Name* x = interp->Intern("x");
    EXPECT_FALSE(SetAttr(type_, x, None()));
    EXPECT_EQ(TakeExceptionAsStatus().message(), expected);
    EXPECT_FALSE(DelAttr(type_, x));
    EXPECT_EQ(TakeExceptionAsStatus().message(), expected);
    // An existing attribute cannot be replaced either.
    EXPECT_FALSE(SetAttr(type_, interp->Intern("__repr__"), None()));
    EXPECT_TRUE(ExceptionMatches(WellKnown::kTypeError));
    ClearException();
  }
}

// What an interpreter sees of the type under test: its names, module, doc, repr
// and the keys of its dict.
std::vector<std::string> Appearance(Interpreter* interp, TypeObject* type) {
  AttachGuard attached(*interp);
  std::vector<std::string> seen;
  for (const char* attribute : {"__name__", "__qualname__", "__module__", "__doc__"}) {
    Ref<Object> value = GetAttr(type, attribute);
    Ref<Object> text = value ? Repr(value.get()) : nullptr;
    seen.push_back(text ? std::string(StrView(text.get()))
                        : std::string(TakeExceptionAsStatus().message()));
  }
  Ref<Object> repr = Repr(type);
  seen.push_back(repr ? std::string(StrView(repr.get())) : "repr failed");
  seen.push_back(std::string(type->name()));
  if (const AttrTable* dict = interp->TypeDict(*type)) {
    for (const AttrTable::Entry& entry : dict->entries()) seen.emplace_back(entry.name->text());
  }
  return seen;
}

// Issue 11: type.__dict__['__name__'].__set__(object, 'HACKED') in a
// subinterpreter renamed `object` for every interpreter. Every data descriptor
// that could apply to the type (its metatype's, its own) refuses, called
// directly, and so do setattr, delattr and object.__setattr__.
TEST_F(ConformanceTest, NoDataDescriptorSetattrOrDelattrChangesItFromASubinterpreter) {
  const std::vector<std::string> in_main = Appearance(main_, type_);
  const std::vector<std::string> in_b = Appearance(b_, type_);
  const std::vector<std::string> in_a = Appearance(a_, type_);
  {
    AttachGuard attached(*a_);
    Ref<HeapType> intruder =
        *HeapType::Create(*a_, "Intruder", {{WellKnownType(WellKnown::kObject)}});
    const std::vector<Ref<Object>> values = {NewStr("HACKED"), NewTuple({type_}), intruder,
                                             NoneRef()};
    std::vector<TypeObject*> owners(type_->type()->mro().begin(), type_->type()->mro().end());
    owners.push_back(type_);
    for (TypeObject* owner : owners) {
      std::vector<std::pair<const Name*, Ref<Object>>> descriptors;
      if (const AttrTable* dict = a_->TypeDict(*owner)) {
        for (const AttrTable::Entry& entry : dict->entries()) {
          if (entry.value->type()->slots().descr_set != nullptr) {
            descriptors.emplace_back(entry.name, entry.value);
          }
        }
      }
      for (const auto& [name, descriptor] : descriptors) {
        const std::string where = StrCat(owner->name(), ".__dict__['", name->text(), "']");
        // A getset without a setter that applies to the type says it is not
        // writable, as CPython's does; everything else is a TypeError.
        bool read_only = false;
        if (descriptor->type() == WellKnownType(WellKnown::kGetSetDescriptor)) {
          auto* member = static_cast<MemberDescriptorObject*>(descriptor.get());
          read_only =
              member->member->setter == nullptr && type_->type()->IsSubtypeOf(member->owner);
        }
        auto expect_refused = [&](Ref<Object> result, std::string_view call) {
          EXPECT_FALSE(result) << where << "." << call << " succeeded";
          const std::string error(TakeExceptionAsStatus().message());
          EXPECT_TRUE(error.starts_with(read_only ? "AttributeError: " : "TypeError: "))
              << where << "." << call << ": " << error;
          if (read_only) {
            EXPECT_THAT(error, ::testing::HasSubstr("is not writable"));
          }
        };
        for (const Ref<Object>& value : values) {
          expect_refused(CallMethod(descriptor.get(), "__set__", {type_, value.get()}), "__set__");
        }
        expect_refused(CallMethod(descriptor.get(), "__delete__", {type_}), "__delete__");
      }
    }
    // The same names through setattr, delattr and object's own __setattr__.
    Ref<Object> object_setattr = GetAttr(WellKnownType(WellKnown::kObject), "__setattr__");
    Ref<Object> object_delattr = GetAttr(WellKnownType(WellKnown::kObject), "__delattr__");
    ASSERT_TRUE(object_setattr && object_delattr) << TakeExceptionAsStatus();
    for (const char* attribute :
         {"__name__", "__qualname__", "__module__", "__doc__", "__bases__", "__class__"}) {
      const std::string immutable = StrCat("TypeError: cannot set '", attribute,
                                           "' attribute of immutable type '", type_->name(), "'");
      const Name* name = a_->Intern(attribute);
      EXPECT_FALSE(SetAttr(type_, name, values[0].get()));
      EXPECT_EQ(TakeExceptionAsStatus().message(), immutable);
      EXPECT_FALSE(DelAttr(type_, name));
      EXPECT_EQ(TakeExceptionAsStatus().message(), immutable);
      Ref<Object> name_object = NewStr(attribute);
      EXPECT_FALSE(Call(object_setattr.get(), {type_, name_object.get(), values[0].get()}));
      EXPECT_EQ(TakeExceptionAsStatus().message(),
                "TypeError: can't apply this __setattr__ to type object");
      EXPECT_FALSE(Call(object_delattr.get(), {type_, name_object.get()}));
      EXPECT_EQ(TakeExceptionAsStatus().message(),
                "TypeError: can't apply this __delattr__ to type object");
    }
  }
  EXPECT_EQ(Appearance(main_, type_), in_main);
  EXPECT_EQ(Appearance(b_, type_), in_b);
  EXPECT_EQ(Appearance(a_, type_), in_a);
  // And in an interpreter created afterwards.
  ASSERT_TRUE(Runtime::DestroyInterpreter(a_).ok());
  a_ = *Runtime::CreateInterpreter();
  EXPECT_EQ(Appearance(a_, type_), Appearance(main_, type_));
}

TEST_F(ConformanceTest, DictIsAReadOnlyProxyWithTheSameKeysAndPerInterpreterValues) {
  std::vector<std::string> keys_in[3];
  std::vector<Interpreter*> all = All();
  for (size_t i = 0; i < all.size(); ++i) {
    Interpreter* interp = all[i];
    AttachGuard attached(*interp);
    Ref<Object> dict = GetAttr(type_, "__dict__");
    ASSERT_TRUE(dict) << TakeExceptionAsStatus();
    EXPECT_EQ(dict->type(), WellKnownType(WellKnown::kMappingProxy));
    Ref<Object> key = NewStr("x");
    EXPECT_FALSE(SetItem(dict.get(), key.get(), None()));
    EXPECT_TRUE(ExceptionMatches(WellKnown::kTypeError));
    ClearException();
    Ref<Object> keys = CallMethod(dict.get(), "keys", {});
    ASSERT_TRUE(keys) << TakeExceptionAsStatus();
    Ref<Object> key_list = Call(WellKnownType(WellKnown::kList), {keys.get()});
    ASSERT_TRUE(key_list) << TakeExceptionAsStatus();
    keys_in[i] = Texts(key_list.get());
    // Every mortal value belongs to this interpreter (a type without members may
    // have no dict at all).
    if (const AttrTable* own_dict = interp->TypeDict(*type_)) {
      for (const AttrTable::Entry& entry : own_dict->entries()) {
        if (!entry.value->IsImmortal()) {
          EXPECT_EQ(entry.value->owner(), interp) << entry.name->text();
        }
      }
    }
  }
  EXPECT_EQ(keys_in[0], keys_in[1]);
  EXPECT_EQ(keys_in[1], keys_in[2]);
}

TEST_F(ConformanceTest, SubclassMadeInOneInterpreterIsListedOnlyThere) {
  if (!type_->HasFlag(kTypeBaseType)) GTEST_SKIP() << type_->name() << " cannot be subclassed";
  // The names in type_.__subclasses__() as `interp` sees it.
  auto names_in = [&](Interpreter* interp) {
    AttachGuard attached(*interp);
    std::vector<std::string> names;
    Ref<Object> subclasses = CallMethod(type_, "__subclasses__", {});
    if (!subclasses) {
      ADD_FAILURE() << TakeExceptionAsStatus();
      return names;
    }
    for (const Ref<Object>& subclass : ListItems(subclasses.get())) {
      names.emplace_back(static_cast<TypeObject*>(subclass.get())->name());
    }
    return names;
  };
  const std::vector<std::string> before_in_a = names_in(a_);
  {
    AttachGuard attached(*b_);
    Ref<HeapType> subclass = *HeapType::Create(*b_, "MadeInB", {{type_}});
    b_->SetTypeDictEntry(*subclass, b_->Intern("keep"), subclass);  // a cycle, for teardown
    Ref<Object> subclasses = CallMethod(type_, "__subclasses__", {});
    ASSERT_TRUE(subclasses) << TakeExceptionAsStatus();
    std::vector<Ref<Object>>& items = ListItems(subclasses.get());
    EXPECT_EQ(std::count_if(items.begin(), items.end(),
                            [&](const Ref<Object>& item) { return item.get() == subclass.get(); }),
              1);
  }
  EXPECT_EQ(names_in(a_), before_in_a);
  EXPECT_THAT(names_in(main_), ::testing::Not(::testing::Contains("MadeInB")));
  ASSERT_TRUE(Runtime::DestroyInterpreter(b_).ok());
  b_ = *Runtime::CreateInterpreter();
  EXPECT_THAT(names_in(b_), ::testing::Not(::testing::Contains("MadeInB")));
  EXPECT_EQ(names_in(a_), before_in_a);
}

TEST_F(ConformanceTest, WeakRefMadeInOneInterpreterIsCountedOnlyThere) {
  Ref<Object> weak;
  {
    AttachGuard attached(*b_);
    weak = Call(WellKnownType(WellKnown::kWeakRef), {type_});
    ASSERT_TRUE(weak) << TakeExceptionAsStatus();
    EXPECT_EQ(b_->StateOf(*type_).weakrefs().size(), 1u);
    Ref<Object> referent = Call(weak.get(), {});
    EXPECT_EQ(referent.get(), type_);
    b_->SetTypeDictEntry(*type_, b_->Intern("weak_for_teardown"), weak);
  }
  for (Interpreter* other : {main_, a_}) {
    AttachGuard attached(*other);
    EXPECT_EQ(other->StateOf(*type_).weakrefs().size(), 0u);
  }
  weak.reset();  // not touched from another interpreter; b_'s teardown clears it
}

TEST_F(ConformanceTest, DestroyingAnInterpreterHoldingSubclassesAndInstancesSucceeds) {
  {
    AttachGuard attached(*b_);
    if (type_->HasFlag(kTypeBaseType)) {
      Ref<HeapType> subclass = *HeapType::Create(*b_, "Held", {{type_}});
      b_->SetTypeDictEntry(*type_, b_->Intern("held_subclass"), subclass);
      if (Ref<Object> instance = Call(subclass.get(), {})) {
        b_->SetTypeDictEntry(*subclass, b_->Intern("held_instance"), instance);
      } else {
        ClearException();  // not constructible without arguments; the class is enough
      }
    }
    if (Ref<Object> instance = Call(type_, {})) {
      b_->SetTypeDictEntry(*type_, b_->Intern("held_instance"), instance);
    } else {
      ClearException();
    }
  }
  EXPECT_TRUE(Runtime::DestroyInterpreter(b_).ok());
  b_ = *Runtime::CreateInterpreter();
}

// Records the order in which static types are finalized, per interpreter.
std::mutex fini_mutex;
std::map<int64_t, std::vector<const StaticType*>> fini_order;

void RecordFini(Interpreter& interp, const StaticType& type) {
  std::lock_guard<std::mutex> lock(fini_mutex);
  fini_order[interp.id()].push_back(&type);
}

// Types that depend on `type`, directly or through others (base or deps).
std::set<const StaticType*> Dependents(const StaticType* type) {
  std::set<const StaticType*> dependents;
  bool grew = true;
  while (grew) {
    grew = false;
    for (StaticType* candidate : Runtime::registry().init_order()) {
      if (dependents.count(candidate)) continue;
      std::vector<const char*> needs = {candidate->spec().base};
      for (const char* dep : candidate->spec().deps) needs.push_back(dep);
      for (const char* need : needs) {
        if (need == nullptr) continue;
        const StaticType* needed = Runtime::FindStaticType(need);
        if (needed == type || dependents.count(needed)) {
          dependents.insert(candidate);
          grew = true;
          break;
        }
      }
    }
  }
  return dependents;
}

TEST_F(ConformanceTest, FiniRunsAfterTheFiniOfEveryTypeThatDependsOnIt) {
  std::set<const StaticType*> dependents = Dependents(type_);
  SetStaticTypeFiniObserverForTesting(&RecordFini);
  const int64_t id = b_->id();
  ASSERT_TRUE(Runtime::DestroyInterpreter(b_).ok());
  b_ = *Runtime::CreateInterpreter();
  SetStaticTypeFiniObserverForTesting(nullptr);
  std::vector<const StaticType*> order;
  {
    std::lock_guard<std::mutex> lock(fini_mutex);
    order = fini_order[id];
  }
  auto position = [&](const StaticType* type) {
    return std::find(order.begin(), order.end(), type) - order.begin();
  };
  ASSERT_LT(position(type_), static_cast<long>(order.size())) << "fini never ran";
  for (const StaticType* dependent : dependents) {
    EXPECT_LT(position(dependent), position(type_))
        << dependent->name() << " depends on " << type_->name() << " but was finalized after it";
  }
}

}  // namespace
}  // namespace islet

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg.starts_with("--type=")) islet::type_under_test = std::string(arg.substr(7));
  }
  if (islet::type_under_test.empty()) {
    std::fprintf(stderr, "usage: %s --type=<builtin type name>\n", argv[0]);
    return 2;
  }
  return RUN_ALL_TESTS();
}
