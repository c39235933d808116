// weakref.ReferenceType through the object protocol: references to static types
// are listed in the interpreter that made them and nowhere else; references to
// heap types and sets die with them and call their callbacks (with the dead
// reference, newest first, errors printed and swallowed), except at interpreter
// teardown; repr, hash, equality and the constructor's messages are CPython's.

#include "objects/weakref.h"

#include <cstdio>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "interp/heap_type.h"
#include "interp/interpreter.h"
#include "objects/errors.h"
#include "objects/protocol.h"
#include "objects/set.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/well_known.h"
#include "runtime/runtime.h"
#include "runtime/static_type.h"
#include "tests/testing/object_test_support.h"

namespace islet {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;

// A callable that records each call: its one argument and whether that weak
// reference was already dead. Raises ValueError("boom") if `fail` is set.
struct Recorded {
  Object* argument;
  bool referent_was_gone;
  int id;
};
std::vector<Recorded> calls;

class RecorderObject : public Object {
 public:
  explicit RecorderObject(int id, bool fail = false) : id(id), fail(fail) {}
  int id;
  bool fail;
};

Ref<Object> RecorderCall(Object* self, const CallArgs& args) {
  auto* recorder = static_cast<RecorderObject*>(self);
  calls.push_back({args.args[0], WeakRefReferent(args.args[0]) == nullptr, recorder->id});
  if (recorder->fail) return Raise(WellKnown::kValueError, "boom");
  return NoneRef();
}

constexpr TypeSlots RecorderSlots() {
  TypeSlots slots = SlotsFor<RecorderObject>();
  slots.call = &RecorderCall;
  return slots;
}

ISLET_BUILTIN_TYPE(kRecorderType, "test_recorder", {.slots = RecorderSlots()});

std::string Address(const void* pointer) {
  char text[32];
  std::snprintf(text, sizeof(text), "%p", pointer);
  return text;
}

class WeakRefTest : public testing::ObjectTest {
 protected:
  void SetUp() override {
    calls.clear();
    ObjectTest::SetUp();
  }

  static Object* WeakRefType() { return WellKnownType(WellKnown::kWeakRef); }
  static TypeObject* IntType() { return WellKnownType(WellKnown::kInt); }
  static Ref<Object> Recorder(int id, bool fail = false) {
    return Interpreter::Current()->NewObject<RecorderObject>(&kRecorderType, id, fail);
  }
  static Ref<HeapType> Class(std::string_view name) {
    return NewClass(name, WellKnownType(WellKnown::kObject));
  }
};

TEST_F(WeakRefTest, ARefToAStaticTypeReturnsItAndIsListedInThisInterpreter) {
  Interpreter& interp = *Interpreter::Current();
  Ref<Object> ref = Call(WeakRefType(), {IntType()});
  ASSERT_TRUE(ref) << TakeExceptionAsStatus();
  EXPECT_EQ(ref->type(), WeakRefType());
  EXPECT_EQ(Call(ref.get(), {}).get(), IntType());
  EXPECT_EQ(interp.StateOf(*IntType()).weakrefs().size(), 1u);
  EXPECT_EQ(WeakRefCount(IntType()), 1);
  // Without a callback, the existing reference is returned again.
  EXPECT_EQ(Call(WeakRefType(), {IntType(), None()}).get(), ref.get());
  Ref<Object> with_callback = Call(WeakRefType(), {IntType(), Recorder(1).get()});
  EXPECT_NE(with_callback.get(), ref.get());
  EXPECT_EQ(WeakRefCount(IntType()), 2);
  with_callback.reset();
  ref.reset();
  EXPECT_EQ(WeakRefCount(IntType()), 0);
}

TEST_F(WeakRefTest, ARefToAStaticTypeIsCountedOnlyInTheInterpreterThatMadeIt) {
  Interpreter* main = Runtime::MainInterpreter();
  Interpreter* a = *Runtime::CreateInterpreter();
  Interpreter* b = *Runtime::CreateInterpreter();
  TypeObject* set_type = WellKnownType(WellKnown::kSet);
  {
    AttachGuard attached(*b);
    Ref<Object> ref = Call(WeakRefType(), {set_type, Recorder(7).get()});
    ASSERT_TRUE(ref) << TakeExceptionAsStatus();
    b->SetTypeDictEntry(*set_type, b->Intern("kept"), ref);  // only b holds it
    EXPECT_EQ(b->StateOf(*set_type).weakrefs().size(), 1u);
    EXPECT_EQ(WeakRefCount(set_type), 1);
  }
  for (Interpreter* other : {main, a}) {
    AttachGuard attached(*other);
    EXPECT_EQ(other->StateOf(*set_type).weakrefs().size(), 0u);
    EXPECT_EQ(WeakRefCount(set_type), 0);
  }
  // b's teardown detaches it without calling the callback: set outlives b.
  ASSERT_TRUE(Runtime::DestroyInterpreter(b).ok());
  EXPECT_TRUE(calls.empty());
  {
    AttachGuard attached(*a);
    Ref<Object> ref = Call(WeakRefType(), {set_type});
    EXPECT_EQ(WeakRefCount(set_type), 1);
    EXPECT_EQ(Call(ref.get(), {}).get(), set_type);
  }
  EXPECT_EQ(main->StateOf(*set_type).weakrefs().size(), 0u);
  ASSERT_TRUE(Runtime::DestroyInterpreter(a).ok());
}

TEST_F(WeakRefTest, AHeapTypeDeathClearsItsRefsAndCallsCallbacksNewestFirst) {
  Ref<HeapType> cls = Class("Dying");
  Ref<Object> plain = Call(WeakRefType(), {cls.get()});
  Ref<Object> first = Call(WeakRefType(), {cls.get(), Recorder(1).get()});
  Ref<Object> second = Call(WeakRefType(), {cls.get(), Recorder(2).get()});
  ASSERT_TRUE(plain && first && second) << TakeExceptionAsStatus();
  EXPECT_EQ(cls->weakrefs().size(), 3u);
  EXPECT_EQ(Call(first.get(), {}).get(), cls.get());
  cls.reset();
  ASSERT_EQ(calls.size(), 2u);
  EXPECT_EQ(calls[0].id, 2);
  EXPECT_EQ(calls[0].argument, second.get());
  EXPECT_TRUE(calls[0].referent_was_gone);
  EXPECT_EQ(calls[1].id, 1);
  EXPECT_EQ(calls[1].argument, first.get());
  for (Object* ref : {plain.get(), first.get(), second.get()}) {
    EXPECT_EQ(Call(ref, {}).get(), None());
  }
  // The callback was taken from the reference: it is called once.
  EXPECT_EQ(GetAttr(first.get(), "__callback__").get(), None());
  EXPECT_FALSE(ExceptionPending());
}

TEST_F(WeakRefTest, ASetDeathCallsCallbacksToo) {
  Ref<Object> set = NewSet();
  Ref<Object> ref = Call(WeakRefType(), {set.get(), Recorder(3).get()});
  ASSERT_TRUE(ref) << TakeExceptionAsStatus();
  EXPECT_EQ(WeakRefCount(set.get()), 1);
  set.reset();
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0].argument, ref.get());
}

TEST_F(WeakRefTest, AFailingCallbackIsReportedAndSwallowed) {
  Ref<HeapType> cls = Class("Dying");
  Ref<Object> failing = Recorder(1, /*fail=*/true);
  Ref<Object> ref = Call(WeakRefType(), {cls.get(), failing.get()});
  Ref<Object> after = Call(WeakRefType(), {cls.get(), Recorder(2).get()});
  const std::string expected = "Exception ignored while calling weakref callback " +
                               Show(failing.get()) + ":\nValueError: boom\n";
  // An exception already propagating survives the callbacks.
  Raise(WellKnown::kKeyError, "propagating");
  ::testing::internal::CaptureStderr();
  cls.reset();
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), expected);
  EXPECT_EQ(calls.size(), 2u);  // the later callback still ran
  EXPECT_TRUE(ExceptionMatches(WellKnown::kKeyError));
  ClearException();
}

TEST_F(WeakRefTest, TeardownDetachesHeapTypeRefsWithoutCallingCallbacks) {
  Interpreter* sub = *Runtime::CreateInterpreter();
  {
    AttachGuard attached(*sub);
    TypeObject* bases[] = {WellKnownType(WellKnown::kObject)};
    Ref<HeapType> cls = *HeapType::Create(*sub, "Held", bases);
    Ref<Object> ref = Call(WeakRefType(), {cls.get(), Recorder(1).get()});
    ASSERT_TRUE(ref) << TakeExceptionAsStatus();
    sub->SetTypeDictEntry(*cls, sub->Intern("self"), cls);  // a cycle: only teardown frees it
    sub->SetTypeDictEntry(*cls, sub->Intern("ref"), ref);
  }
  ASSERT_TRUE(Runtime::DestroyInterpreter(sub).ok());
  EXPECT_TRUE(calls.empty());
}

TEST_F(WeakRefTest, OnlyTypesAndSetsCanBeReferents) {
  EXPECT_FALSE(Call(WeakRefType(), {NewStr("text").get()}));
  EXPECT_EQ(Error(), "TypeError: cannot create weak reference to 'str' object");
  EXPECT_FALSE(Call(WeakRefType(), {None()}));
  EXPECT_EQ(Error(), "TypeError: cannot create weak reference to 'NoneType' object");
  EXPECT_EQ(WeakRefCount(None()), 0);
  Ref<Object> frozen = Call(WellKnownType(WellKnown::kFrozenSet), {});
  EXPECT_TRUE(Call(WeakRefType(), {frozen.get()}));
}

TEST_F(WeakRefTest, ArgumentErrors) {
  EXPECT_FALSE(Call(WeakRefType(), {}));
  EXPECT_EQ(Error(), "TypeError: __new__ expected at least 1 argument, got 0");
  EXPECT_FALSE(Call(WeakRefType(), {IntType(), None(), None()}));
  EXPECT_EQ(Error(), "TypeError: __new__ expected at most 2 arguments, got 3");
  const Name* names[] = {Interpreter::Current()->Intern("callback")};
  Object* args[] = {IntType(), None()};
  EXPECT_FALSE(Call(WeakRefType(), CallArgs{.args = args, .kwnames = names}));
  EXPECT_EQ(Error(), "TypeError: ref() takes no keyword arguments");
  Ref<Object> ref = Call(WeakRefType(), {IntType()});
  EXPECT_FALSE(Call(ref.get(), {None()}));
  EXPECT_EQ(Error(), "TypeError: weakref expected 0 arguments, got 1");
}

TEST_F(WeakRefTest, Repr) {
  Ref<Object> ref = Call(WeakRefType(), {IntType()});
  EXPECT_EQ(Show(ref.get()), "<weakref at " + Address(ref.get()) + "; to 'type' at " +
                                 Address(IntType()) + " (int)>");
  Ref<Object> set = NewSet();
  Ref<Object> to_set = Call(WeakRefType(), {set.get()});
  EXPECT_EQ(Show(to_set.get()),
            "<weakref at " + Address(to_set.get()) + "; to 'set' at " + Address(set.get()) + ">");
  Ref<HeapType> cls = Class("Point");
  Ref<Object> to_class = Call(WeakRefType(), {cls.get()});
  EXPECT_THAT(Show(to_class.get()), MatchesRegex("<weakref at 0x[0-9a-f]+; to 'type' at "
                                                 "0x[0-9a-f]+ \\(Point\\)>"));
  cls.reset();
  EXPECT_EQ(Show(to_class.get()), "<weakref at " + Address(to_class.get()) + "; dead>");
}

TEST_F(WeakRefTest, HashIsTheReferentsAndOutlivesIt) {
  Ref<Object> ref = Call(WeakRefType(), {IntType()});
  EXPECT_EQ(Hash(ref.get()), Hash(IntType()));
  Ref<HeapType> cls = Class("Dying");
  Ref<Object> hashed = Call(WeakRefType(), {cls.get()});
  Ref<Object> unhashed = Call(WeakRefType(), {cls.get(), Recorder(1).get()});
  const int64_t hash = Hash(cls.get());
  EXPECT_EQ(Hash(hashed.get()), hash);
  cls.reset();
  EXPECT_EQ(Hash(hashed.get()), hash);
  EXPECT_EQ(Hash(unhashed.get()), -1);
  EXPECT_EQ(Error(), "TypeError: weak object has gone away");
}

TEST_F(WeakRefTest, EqualityComparesLiveReferentsElseIdentity) {
  Ref<HeapType> cls = Class("Dying");
  Ref<Object> a = Call(WeakRefType(), {cls.get()});
  Ref<Object> b = Call(WeakRefType(), {cls.get(), Recorder(1).get()});
  Ref<Object> to_int = Call(WeakRefType(), {IntType()});
  EXPECT_EQ(RichCompareBool(a.get(), b.get(), CompareOp::kEq), 1);
  EXPECT_EQ(RichCompareBool(a.get(), to_int.get(), CompareOp::kNe), 1);
  EXPECT_EQ(RichCompareBool(a.get(), cls.get(), CompareOp::kEq), 0);
  EXPECT_EQ(RichCompareBool(a.get(), b.get(), CompareOp::kLt), -1);
  EXPECT_EQ(Error(),
            "TypeError: '<' not supported between instances of 'weakref.ReferenceType' and "
            "'weakref.ReferenceType'");
  cls.reset();
  EXPECT_EQ(RichCompare(a.get(), b.get(), CompareOp::kEq).get(), False());
  EXPECT_EQ(RichCompare(a.get(), a.get(), CompareOp::kEq).get(), True());
  EXPECT_EQ(RichCompare(a.get(), b.get(), CompareOp::kNe).get(), True());
}

TEST_F(WeakRefTest, CallbackAttribute) {
  Ref<Object> recorder = Recorder(1);
  Ref<Object> with = Call(WeakRefType(), {IntType(), recorder.get()});
  EXPECT_EQ(GetAttr(with.get(), "__callback__").get(), recorder.get());
  Ref<Object> without = Call(WeakRefType(), {IntType()});
  EXPECT_EQ(GetAttr(without.get(), "__callback__").get(), None());
}

TEST_F(WeakRefTest, SubclassesMakeNewReferencesOfTheirType) {
  TypeObject* bases[] = {WellKnownType(WellKnown::kWeakRef)};
  Ref<HeapType> my_ref = *HeapType::Create(*Interpreter::Current(), "MyRef", bases);
  Ref<Object> basic = Call(WeakRefType(), {IntType()});
  Ref<Object> mine = Call(my_ref.get(), {IntType()});
  ASSERT_TRUE(mine) << TakeExceptionAsStatus();
  EXPECT_EQ(mine->type(), my_ref.get());
  EXPECT_NE(mine.get(), basic.get());
  EXPECT_NE(Call(my_ref.get(), {IntType()}).get(), mine.get());
  EXPECT_EQ(Call(mine.get(), {}).get(), IntType());
  EXPECT_THAT(Show(mine.get()), HasSubstr("(int)>"));
}

}  // namespace
}  // namespace islet
