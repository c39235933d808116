// The per-interpreter state of the static builtin types, seen through the object
// protocol in three interpreters: subclass lists, weak references, and dicts
// (entries an embedder adds, and the members each interpreter materializes).

#include <cstddef>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "interp/interpreter.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/tuple.h"
#include "objects/weakref.h"
#include "objects/well_known.h"
#include "runtime/runtime.h"
#include "tests/isolation/isolation_test_support.h"

namespace islet {
namespace {

using testing::AsType;
using ::testing::Contains;
using ::testing::ElementsAre;
using testing::IntValue;
using testing::MakeClass;
using ::testing::Not;
using testing::Subclasses;

class StaticTypesTest : public testing::IsolationTest {
 protected:
  static TypeObject* Int() { return WellKnownType(WellKnown::kInt); }
  static TypeObject* Bool() { return WellKnownType(WellKnown::kBool); }
  static TypeObject* ObjectType() { return WellKnownType(WellKnown::kObject); }
  static TypeObject* WeakRef() { return WellKnownType(WellKnown::kWeakRef); }
};

TEST_F(StaticTypesTest, HeapSubclassesOfABuiltinAreListedOnlyWhereTheyWereMade) {
  // A same-named subclass of int in main and b; none in c.
  std::vector<Ref<Object>> my_int(2);
  for (size_t i = 0; i < my_int.size(); ++i) {
    AttachGuard attached(*interps()[i]);
    my_int[i] = MakeClass("MyInt", Int());
    ASSERT_TRUE(my_int[i]);
  }
  for (size_t i = 0; i < interps().size(); ++i) {
    SCOPED_TRACE(i);
    AttachGuard attached(*interps()[i]);
    std::vector<Object*> subclasses = Subclasses(Int());
    // bool is listed under int in every interpreter, before the heap subclasses.
    ASSERT_FALSE(subclasses.empty());
    EXPECT_EQ(subclasses[0], Bool());
    for (size_t j = 0; j < my_int.size(); ++j) {
      if (i == j) {
        EXPECT_THAT(subclasses, Contains(my_int[j].get()));
      } else {
        EXPECT_THAT(subclasses, Not(Contains(my_int[j].get())));
      }
    }
    EXPECT_EQ(subclasses.size(), i < my_int.size() ? 2u : 1u);
    EXPECT_EQ(interps()[i]->StateOf(*Int()).subclasses().size(), i < my_int.size() ? 1u : 0u);
  }

  AttachGuard in_main(*main_);
  // Only direct subclasses are listed: a subclass of MyInt is under MyInt.
  Ref<Object> sub = MakeClass("SubInt", AsType(my_int[0]));
  EXPECT_THAT(Subclasses(Int()), ElementsAre(Bool(), my_int[0].get()));
  EXPECT_THAT(Subclasses(my_int[0].get()), ElementsAre(sub.get()));
  // Dead subclasses drop out; an instance keeps its class alive, and listed.
  sub.reset();
  EXPECT_THAT(Subclasses(my_int[0].get()), ElementsAre());
  Ref<Object> seven = CallWith(my_int[0].get(), {7});
  ASSERT_TRUE(seven) << Error();
  my_int[0].reset();
  std::vector<Object*> still_listed = Subclasses(Int());
  ASSERT_EQ(still_listed.size(), 2u);
  EXPECT_EQ(still_listed[1], seven->type());
  seven.reset();
  EXPECT_THAT(Subclasses(Int()), ElementsAre(Bool()));
  {
    AttachGuard in_b(*b_);
    EXPECT_THAT(Subclasses(Int()), ElementsAre(Bool(), my_int[1].get()));
    my_int[1].reset();
    EXPECT_THAT(Subclasses(Int()), ElementsAre(Bool()));
  }
}

TEST_F(StaticTypesTest, BuiltinSubclassesOfBuiltinsAreTheSameInEveryInterpreter) {
  // A heap class in each interpreter, so each object.__subclasses__() differs.
  std::vector<Ref<Object>> plain(interps().size());
  std::vector<std::vector<Object*>> builtin_subclasses;
  for (size_t i = 0; i < interps().size(); ++i) {
    AttachGuard attached(*interps()[i]);
    plain[i] = MakeClass("Plain", ObjectType());
    std::vector<Object*> builtins;
    for (Object* subclass : Subclasses(ObjectType())) {
      if (static_cast<TypeObject*>(subclass)->IsStaticBuiltin()) {
        builtins.push_back(subclass);
      } else {
        EXPECT_EQ(subclass, plain[i].get());
      }
    }
    EXPECT_THAT(builtins, Contains(Int()));
    EXPECT_THAT(builtins, Not(Contains(Bool())));  // bool is int's, not object's
    builtin_subclasses.push_back(builtins);
  }
  EXPECT_EQ(builtin_subclasses[1], builtin_subclasses[0]);
  EXPECT_EQ(builtin_subclasses[2], builtin_subclasses[0]);
  for (size_t i = 0; i < interps().size(); ++i) {
    AttachGuard attached(*interps()[i]);
    plain[i].reset();
  }
}

TEST_F(StaticTypesTest, WeakRefsToABuiltinAreCountedOnlyInTheInterpreterThatMadeThem) {
  testing::ResetCallCount();
  // main: a plain reference and one with a callback; b: a plain one; c: none.
  std::vector<std::vector<Ref<Object>>> refs(interps().size());
  {
    AttachGuard attached(*main_);
    refs[0].push_back(CallWith(WeakRef(), {Int()}));
    refs[0].push_back(CallWith(WeakRef(), {Int(), testing::NewCallCounter()}));
  }
  {
    AttachGuard attached(*b_);
    refs[1].push_back(CallWith(WeakRef(), {Int()}));
  }
  for (size_t i = 0; i < interps().size(); ++i) {
    SCOPED_TRACE(i);
    AttachGuard attached(*interps()[i]);
    EXPECT_EQ(WeakRefCount(Int()), static_cast<int64_t>(refs[i].size()));
    EXPECT_EQ(WeakRefCount(Bool()), 0);
    for (const Ref<Object>& ref : refs[i]) {
      ASSERT_TRUE(ref);
      EXPECT_EQ(ref->owner(), interps()[i]);
      EXPECT_EQ(CallWith(ref.get(), {}).get(), Int());
    }
  }
  {
    // CPython hands back an existing plain reference, but only this
    // interpreter's: c gets a new one, and b its own.
    AttachGuard attached(*c_);
    Ref<Object> fresh = CallWith(WeakRef(), {Int()});
    ASSERT_TRUE(fresh) << Error();
    EXPECT_NE(fresh.get(), refs[0][0].get());
    EXPECT_NE(fresh.get(), refs[1][0].get());
    EXPECT_EQ(fresh->owner(), c_);
    EXPECT_EQ(WeakRefCount(Int()), 1);
    fresh.reset();
    EXPECT_EQ(WeakRefCount(Int()), 0);
  }
  {
    AttachGuard attached(*b_);
    EXPECT_EQ(NewWeakRef(WeakRef(), Int(), None()).get(), refs[1][0].get());
  }
  {
    AttachGuard attached(*main_);
    refs[0].clear();
    EXPECT_EQ(WeakRefCount(Int()), 0);
  }
  {
    AttachGuard attached(*b_);
    EXPECT_EQ(WeakRefCount(Int()), 1);
    refs[1].clear();
    EXPECT_EQ(WeakRefCount(Int()), 0);
  }
  EXPECT_EQ(testing::CallCount(), 0);  // int never died
}

// What the fini observer saw of the interpreter under test.
struct FiniSnapshot {
  Interpreter* watched = nullptr;
  int finis_seen = 0;
  size_t int_weakrefs = 0;
  size_t object_weakrefs = 0;
  int calls_before_fini = -1;
};
FiniSnapshot fini_snapshot;

void SnapshotAtFini(Interpreter& interp, const StaticType& type) {
  if (&interp != fini_snapshot.watched) return;
  ++fini_snapshot.finis_seen;
  if (&type == WellKnownType(WellKnown::kInt)) {
    fini_snapshot.int_weakrefs = interp.StateOf(type).weakrefs().size();
    fini_snapshot.calls_before_fini = testing::CallCount();
  }
  if (&type == WellKnownType(WellKnown::kObject)) {
    fini_snapshot.object_weakrefs = interp.StateOf(type).weakrefs().size();
  }
}

TEST_F(StaticTypesTest, TeardownDetachesWeakRefsToBuiltinsWithoutCallingCallbacks) {
  testing::ResetCallCount();
  absl::StatusOr<Interpreter*> doomed = Runtime::CreateInterpreter();
  ASSERT_TRUE(doomed.ok()) << doomed.status();
  Interpreter& d = **doomed;
  {
    AttachGuard attached(d);
    Ref<Object> counter = testing::NewCallCounter();
    Ref<Object> to_int = CallWith(WeakRef(), {Int(), counter});
    Ref<Object> to_object = CallWith(WeakRef(), {ObjectType(), counter});
    ASSERT_TRUE(to_int && to_object) << Error();
    // Only the interpreter holds them, through int's dict and a class that keeps
    // itself alive.
    d.SetTypeDictEntry(*Int(), d.Intern("refs"), NewTuple({to_int.get(), to_object.get()}));
    Ref<Object> holder = MakeClass("Holder", ObjectType());
    ASSERT_TRUE(SetAttr(holder.get(), d.Intern("self"), holder.get()));
    ASSERT_TRUE(
        SetAttr(holder.get(), d.Intern("ref"), CallWith(WeakRef(), {Int(), counter}).get()));
    EXPECT_EQ(WeakRefCount(Int()), 2);
    EXPECT_EQ(WeakRefCount(ObjectType()), 1);
  }
  Ref<Object> kept_in_main = CallWith(WeakRef(), {Int(), testing::NewCallCounter()});

  fini_snapshot = FiniSnapshot{.watched = &d};
  SetStaticTypeFiniObserverForTesting(&SnapshotAtFini);
  ASSERT_TRUE(Runtime::DestroyInterpreter(&d).ok());
  SetStaticTypeFiniObserverForTesting(nullptr);
  EXPECT_GT(fini_snapshot.finis_seen, 0);
  EXPECT_EQ(fini_snapshot.int_weakrefs, 0u);
  EXPECT_EQ(fini_snapshot.object_weakrefs, 0u);
  EXPECT_EQ(fini_snapshot.calls_before_fini, 0);
  EXPECT_EQ(testing::CallCount(), 0);

  // The other interpreters' references are untouched.
  EXPECT_EQ(WeakRefCount(Int()), 1);
  EXPECT_EQ(CallWith(kept_in_main.get(), {}).get(), Int());
  // The counter does count: a referent that dies calls its callbacks.
  Ref<Object> mortal = MakeClass("Mortal", ObjectType());
  Ref<Object> to_mortal = CallWith(WeakRef(), {mortal.get(), testing::NewCallCounter()});
  mortal.reset();
  EXPECT_EQ(testing::CallCount(), 1);
  EXPECT_EQ(CallWith(to_mortal.get(), {}).get(), None());
}

TEST_F(StaticTypesTest, EntriesAddedToABuiltinAreSeenOnlyInTheirInterpreter) {
  // int.answer is 1000 in main, 1001 in b, absent in c. Each interpreter also
  // has a heap subclass whose lookups the change must reach.
  std::vector<Ref<Object>> my_int(interps().size());
  std::vector<Ref<Object>> instances(interps().size());
  for (size_t i = 0; i < interps().size(); ++i) {
    Interpreter& interp = *interps()[i];
    AttachGuard attached(interp);
    my_int[i] = MakeClass("MyInt", Int());
    instances[i] = CallWith(my_int[i].get(), {5});
    ASSERT_TRUE(instances[i]) << Error();
    // A cached miss first, which the new entry must override.
    EXPECT_EQ(Show(GetAttr(instances[i].get(), "answer")),
              "AttributeError: 'MyInt' object has no attribute 'answer'");
    if (i < 2) interp.SetTypeDictEntry(*Int(), interp.Intern("answer"), NewInt(1000 + i));
  }
  for (size_t i = 0; i < interps().size(); ++i) {
    SCOPED_TRACE(i);
    AttachGuard attached(*interps()[i]);
    Ref<Object> large = NewInt(123456);  // not a shared small int: this interpreter's
    Object* readers[] = {Int(), Bool(), large.get(), True(), my_int[i].get(), instances[i].get()};
    for (Object* reader : readers) {
      Ref<Object> answer = GetAttr(reader, "answer");
      if (i < 2) {
        ASSERT_TRUE(answer) << Error();
        EXPECT_EQ(IntValue(answer), 1000 + static_cast<int64_t>(i));
        EXPECT_EQ(answer->owner(), interps()[i]);
      } else {
        EXPECT_FALSE(answer);
        EXPECT_TRUE(ExceptionMatches(WellKnown::kAttributeError));
        ClearException();
      }
    }
  }
  {
    AttachGuard attached(*main_);
    EXPECT_TRUE(main_->RemoveTypeDictEntry(*Int(), main_->Intern("answer")));
    EXPECT_EQ(Show(GetAttr(instances[0].get(), "answer")),
              "AttributeError: 'MyInt' object has no attribute 'answer'");
    EXPECT_EQ(Show(GetAttr(Int(), "answer")),
              "AttributeError: type object 'int' has no attribute 'answer'");
  }
  for (size_t i = 0; i < interps().size(); ++i) {
    AttachGuard attached(*interps()[i]);
    if (i == 1) {
      EXPECT_EQ(IntValue(GetAttr(instances[i].get(), "answer")), 1001);
    }
    instances[i].reset();
    my_int[i].reset();
  }
}

TEST_F(StaticTypesTest, MaterializedMembersAreEachInterpretersOwnObjects) {
  std::vector<Object*> bit_length;  // kept alive by each interpreter's int dict
  for (Interpreter* interp : interps()) {
    AttachGuard attached(*interp);
    Ref<Object> first = GetAttr(Int(), "bit_length");
    ASSERT_TRUE(first) << Error();
    EXPECT_EQ(GetAttr(Int(), "bit_length").get(), first.get());  // once per interpreter
    EXPECT_EQ(first->owner(), interp);
    EXPECT_EQ(first->type(), WellKnownType(WellKnown::kMethodDescriptor));
    EXPECT_EQ(interp->TypeDict(*Int())->Get(interp->Intern("bit_length")), first.get());
    EXPECT_EQ(Method(NewInt(5).get(), "bit_length"), "3");
    bit_length.push_back(first.get());
  }
  EXPECT_NE(bit_length[0], bit_length[1]);
  EXPECT_NE(bit_length[0], bit_length[2]);
  EXPECT_NE(bit_length[1], bit_length[2]);
}

TEST_F(StaticTypesTest, SettingAnAttributeOfABuiltinIsATypeErrorInEveryInterpreter) {
  for (Interpreter* interp : interps()) {
    AttachGuard attached(*interp);
    for (TypeObject* type : {Int(), Bool()}) {
      for (std::string_view name : {"x", "bit_length"}) {
        const std::string expected = "TypeError: cannot set '" + std::string(name) +
                                     "' attribute of immutable type '" + std::string(type->name()) +
                                     "'";
        EXPECT_FALSE(SetAttr(type, interp->Intern(name), NewInt(1).get()));
        EXPECT_EQ(Error(), expected);
        EXPECT_FALSE(DelAttr(type, interp->Intern(name)));
        EXPECT_EQ(Error(), expected);
      }
    }
    // Nothing changed.
    EXPECT_EQ(Show(GetAttr(Int(), "x")), "AttributeError: type object 'int' has no attribute 'x'");
    EXPECT_EQ(interp->TypeDict(*Int())->Get(interp->Intern("x")), nullptr);
    EXPECT_EQ(Method(NewInt(5).get(), "bit_length"), "3");
  }
}

}  // namespace
}  // namespace islet
