// Ownership checks (interp/ownership.h) with two interpreters: objects of
// interpreter 1 used while this thread is attached to the main interpreter (0).
// Every entry point of the embedding API raises RuntimeError and changes nothing;
// immortal objects work everywhere; in a checked build (--config=checked) the
// runtime's internal store points raise too.

#include "interp/ownership.h"

#include <functional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "interp/heap_type.h"
#include "interp/interpreter.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/immortals.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/protocol.h"
#include "objects/queue.h"
#include "objects/set.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/well_known.h"
#include "runtime/runtime.h"
#include "runtime/str_cat.h"
#include "tests/testing/object_test_support.h"

namespace islet {
namespace {

class OwnershipTest : public testing::ObjectTest {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(ObjectTest::SetUp());
    absl::StatusOr<Interpreter*> other = Runtime::CreateInterpreter();
    ASSERT_TRUE(other.ok()) << other.status();
    other_ = *other;
    // The other interpreter's objects: made there, released there.
    list_ = InOther([] { return IntList({1, 2}); });
    big_ = InOther([] { return NewInt(1000); });
    str_ = InOther([] { return NewStr("abc"); });
    iterator_ = InOther([this] { return GetIter(list_); });
    cls_ = InOther([] { return Ref<Object>(NewClass("C", WellKnownType(WellKnown::kObject))); });
    instance_ = InOther([this] { return Call(cls_, {}); });
    queue_ = InOther([] { return CreateQueue(0); });
    // This interpreter's.
    own_list_ = IntList({1, 2});
    own_dict_ = NewDict();
    own_int_ = NewInt(1000);
    own_instance_ = Call(NewClass("D", WellKnownType(WellKnown::kObject)).get(), {});
    own_queue_ = CreateQueue(0);
  }

  void TearDown() override {
    own_list_.reset();
    own_dict_.reset();
    own_int_.reset();
    own_instance_.reset();
    own_queue_.reset();
    {
      AttachGuard attached(*other_);
      foreign_.clear();
    }
    ObjectTest::TearDown();  // Runtime::Finalize destroys the other interpreter
  }

  // Runs `make` attached to the other interpreter; the object lives until TearDown.
  Object* InOther(const std::function<Ref<Object>()>& make) {
    AttachGuard attached(*other_);
    Ref<Object> object = make();
    EXPECT_TRUE(object) << Error();
    foreign_.push_back(std::move(object));
    return foreign_.back().get();
  }

  // The error using an object of the other interpreter here raises.
  std::string NotOwned(std::string_view what) const {
    return StrCat("RuntimeError: ", what, " belongs to interpreter ", other_->id(),
                  " and cannot be used in interpreter ", interp_->id());
  }
  std::string NotOwnedObject(std::string_view type) const {
    return NotOwned(StrCat("object of type '", type, "'"));
  }

  Interpreter* other_ = nullptr;
  std::vector<Ref<Object>> foreign_;
  Object* list_ = nullptr;      // [1, 2]
  Object* big_ = nullptr;       // 1000, not an immortal small int
  Object* str_ = nullptr;       // 'abc'
  Object* iterator_ = nullptr;  // iter(list_)
  Object* cls_ = nullptr;       // class C
  Object* instance_ = nullptr;  // C()
  Object* queue_ = nullptr;     // a queue, and the other interpreter's wrapper of it
  Ref<Object> own_list_;
  Ref<Object> own_dict_;
  Ref<Object> own_int_;
  Ref<Object> own_instance_;
  Ref<Object> own_queue_;
};

// One use of a foreign object through the embedding API: `fails` runs it and
// says whether it reported failure (null, false, -1 or nullopt).
struct Use {
  std::string_view name;
  std::function<bool()> fails;
  std::string error;
};

TEST_F(OwnershipTest, EveryEntryPointRaisesAndChangesNothing) {
  const uint64_t list_refcount = list_->refcount();
  const uint64_t big_refcount = big_->refcount();
  const uint64_t str_refcount = str_->refcount();
  const Name* attribute = interp_->Intern("attribute");
  Object* own_list = own_list_.get();
  Object* own_dict = own_dict_.get();
  Object* own_int = own_int_.get();
  Object* list_type = WellKnownType(WellKnown::kList);
  const std::string list = NotOwnedObject("list");
  const std::string integer = NotOwnedObject("int");
  const std::string str = NotOwnedObject("str");
  const std::string instance = NotOwnedObject("C");
  const std::string cls = NotOwned("class 'C'");
  Object* keyword_value[] = {list_};
  const Name* keyword_name[] = {interp_->Intern("key")};
  // The class has an attribute of its own there; its version tag must not change.
  TypeObject* cls_type = static_cast<TypeObject*>(cls_);
  {
    AttachGuard attached(*other_);
    ASSERT_TRUE(SetAttr(cls_, other_->Intern("attribute"), SmallInt(1))) << Error();
  }
  const uint32_t cls_version_tag = cls_type->version_tag();
  const std::string queue = NotOwnedObject("concurrent.interpreters.Queue");

  const std::vector<Use> uses = {
      {"Repr", [&] { return !Repr(list_); }, list},
      {"Str", [&] { return !Str(list_); }, list},
      {"ReprText", [&] { return !ReprText(list_); }, list},
      {"StrText", [&] { return !StrText(big_); }, integer},
      {"Hash", [&] { return Hash(str_) == -1; }, str},
      {"IsTrue", [&] { return IsTrue(list_) == -1; }, list},
      {"RichCompare left", [&] { return !RichCompare(big_, own_int, CompareOp::kLt); }, integer},
      {"RichCompare right", [&] { return !RichCompare(own_int, big_, CompareOp::kEq); }, integer},
      {"RichCompareBool identical",
       [&] { return RichCompareBool(str_, str_, CompareOp::kEq) == -1; }, str},
      {"GetAttr", [&] { return !GetAttr(list_, "append"); }, list},
      {"GetAttr of a class", [&] { return !GetAttr(cls_, "__name__"); }, cls},
      {"SetAttr object", [&] { return !SetAttr(instance_, attribute, None()); }, instance},
      {"SetAttr value", [&] { return !SetAttr(own_instance_.get(), attribute, str_); }, str},
      {"DelAttr", [&] { return !DelAttr(instance_, attribute); }, instance},
      {"Call callable", [&] { return !Call(cls_, {}); }, cls},
      {"Call argument", [&] { return !Call(list_type, {list_}); }, list},
      {"Call keyword argument",
       [&] { return !Call(list_type, CallArgs{.args = keyword_value, .kwnames = keyword_name}); },
       list},
      {"CallMethod object", [&] { return !CallMethod(list_, "append", {None()}); }, list},
      {"CallMethod argument", [&] { return !CallMethod(own_list, "append", {str_}); }, str},
      {"GetIter", [&] { return !GetIter(list_); }, list},
      {"IterNext", [&] { return !IterNext(iterator_); }, NotOwnedObject("list_iterator")},
      {"Length", [&] { return Length(list_) == -1; }, list},
      {"GetItem container", [&] { return !GetItem(list_, SmallInt(0)); }, list},
      {"GetItem key", [&] { return !GetItem(own_dict, str_); }, str},
      {"SetItem container", [&] { return !SetItem(list_, SmallInt(0), None()); }, list},
      {"SetItem key", [&] { return !SetItem(own_dict, str_, None()); }, str},
      {"SetItem value", [&] { return !SetItem(own_list, SmallInt(0), list_); }, list},
      {"DelItem container", [&] { return !DelItem(list_, SmallInt(0)); }, list},
      {"DelItem key", [&] { return !DelItem(own_dict, str_); }, str},
      {"Contains container", [&] { return Contains(list_, None()) == -1; }, list},
      {"Contains item", [&] { return Contains(own_list, big_) == -1; }, integer},
      {"BinaryOperation left", [&] { return !BinaryOperation(big_, own_int, BinaryOp::kAdd); },
       integer},
      {"BinaryOperation right",
       [&] { return !BinaryOperation(own_int, big_, BinaryOp::kMultiply); }, integer},
      {"Negative", [&] { return !Negative(big_); }, integer},
      {"Positive", [&] { return !Positive(big_); }, integer},
      {"Absolute", [&] { return !Absolute(big_); }, integer},
      {"Invert", [&] { return !Invert(big_); }, integer},
      {"IndexAsInt64", [&] { return !IndexAsInt64(big_); }, integer},
      // Container stores of the embedding API (objects/dict.h, objects/queue.h).
      {"DictSet key", [&] { return !DictSet(own_dict, str_, None()); }, str},
      {"DictSet value", [&] { return !DictSet(own_dict, None(), list_); }, list},
      {"QueuePut queue", [&] { return !QueuePut(queue_, None(), 0); }, queue},
      {"QueuePut item", [&] { return !QueuePut(own_queue_.get(), list_, 0); }, list},
      {"QueueGet", [&] { return !QueueGet(queue_, 0); }, queue},
      // A class's dict through the interpreter: reading it, its cached lookup
      // (the other interpreter's tags coincide with this one's) and changing it
      // (which would give the class this interpreter's tags).
      {"Interpreter::TypeDict", [&] { return interp_->TypeDict(*cls_type) == nullptr; }, cls},
      {"Interpreter::LookupTypeAttribute",
       [&] { return !interp_->LookupTypeAttribute(*cls_type, attribute); }, cls},
      {"Interpreter::RemoveTypeDictEntry",
       [&] { return !interp_->RemoveTypeDictEntry(*cls_type, attribute); }, cls},
      {"Interpreter::SetTypeDictEntry",
       [&] { return !interp_->SetTypeDictEntry(*cls_type, attribute, NoneRef()); }, cls},
  };
  for (const Use& use : uses) {
    SCOPED_TRACE(use.name);
    EXPECT_TRUE(use.fails());
    EXPECT_EQ(Error(), use.error);
  }

  // Nothing was stored or changed, here or there, and no reference was leaked.
  EXPECT_EQ(Show(own_list_), "[1, 2]");
  EXPECT_EQ(DictSize(own_dict), 0);
  EXPECT_EQ(Show(GetAttr(own_instance_.get(), attribute)),
            "AttributeError: 'D' object has no attribute 'attribute'");
  EXPECT_EQ(list_->refcount(), list_refcount);
  EXPECT_EQ(big_->refcount(), big_refcount);
  EXPECT_EQ(str_->refcount(), str_refcount);
  EXPECT_EQ(QueueHandleOf(own_queue_.get())->size(), 0);
  EXPECT_EQ(QueueHandleOf(queue_)->size(), 0);
  EXPECT_EQ(cls_type->version_tag(), cls_version_tag);
  AttachGuard attached(*other_);
  EXPECT_FALSE(ExceptionPending());
  EXPECT_EQ(Show(list_), "[1, 2]");
  EXPECT_EQ(Show(GetAttr(instance_, "attribute")), "1");  // the class's, still there
  EXPECT_EQ(Show(GetAttr(cls_, "attribute")), "1");
}

TEST_F(OwnershipTest, ObjectsWorkInTheirOwnInterpreter) {
  AttachGuard attached(*other_);
  EXPECT_EQ(list_->owner(), other_);
  EXPECT_EQ(Show(list_), "[1, 2]");
  EXPECT_EQ(Show(IterNext(iterator_)), "1");
  EXPECT_EQ(Show(BinaryOperation(big_, big_, BinaryOp::kAdd)), "2000");
  ASSERT_TRUE(SetAttr(instance_, Interpreter::Current()->Intern("x"), str_));
  EXPECT_EQ(Show(GetAttr(instance_, "x")), "'abc'");
}

TEST_F(OwnershipTest, ImmortalObjectsAreSharedByEveryInterpreter) {
  Object* int_type = WellKnownType(WellKnown::kInt);
  const std::vector<Object*> immortals = {None(),     True(),       False(),      SmallInt(7),
                                          EmptyStr(), EmptyTuple(), int_type,     NotImplemented(),
                                          Ellipsis(), SmallInt(-5), SmallInt(256)};
  for (Interpreter* interp : {interp_, other_}) {
    SCOPED_TRACE(interp->id());
    AttachGuard attached(*interp);
    Ref<Object> list = NewList();
    for (Object* immortal : immortals) {
      EXPECT_EQ(immortal->owner(), nullptr);
      EXPECT_TRUE(CheckOwned(immortal));
      EXPECT_TRUE(Repr(immortal)) << Error();
      EXPECT_TRUE(CallMethod(list.get(), "append", {immortal})) << Error();
    }
    EXPECT_EQ(Length(list.get()), static_cast<int64_t>(immortals.size()));
    EXPECT_EQ(Show(Call(int_type, {SmallInt(7)})), "7");
    EXPECT_EQ(Show(CallMethod(SmallInt(7), "bit_length", {})), "3");
    EXPECT_EQ(Show(GetItem(list.get(), SmallInt(3))), "7");
    EXPECT_TRUE(interp->SetTypeDictEntry(*WellKnownType(WellKnown::kInt), interp->Intern("shared"),
                                         NoneRef()))
        << Error();
    EXPECT_EQ(Show(GetAttr(SmallInt(7), "shared")), "None");
  }
  EXPECT_FALSE(ExceptionPending());
}

TEST_F(OwnershipTest, TypeDictsAndClassesTakeOnlyTheirInterpretersObjects) {
  const Name* name = interp_->Intern("entry");
  // A value of the other interpreter in this interpreter's dict of `int`.
  EXPECT_FALSE(
      interp_->SetTypeDictEntry(*WellKnownType(WellKnown::kInt), name, Ref<Object>::Borrow(list_)));
  EXPECT_EQ(Error(), NotOwnedObject("list"));
  EXPECT_EQ(interp_->LookupTypeAttribute(*WellKnownType(WellKnown::kInt), name), nullptr);
  // The other interpreter's class changed from here.
  TypeObject* cls = static_cast<TypeObject*>(cls_);
  EXPECT_FALSE(interp_->SetTypeDictEntry(*cls, name, NoneRef()));
  EXPECT_EQ(Error(), NotOwned("class 'C'"));
  // Or subclassed from here, through C++ or through type().
  absl::StatusOr<Ref<HeapType>> sub = HeapType::Create(*interp_, "Sub", {{cls}});
  EXPECT_EQ(sub.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(sub.status().message(),
            "base class 'C' belongs to interpreter 1 and cannot be used in interpreter 0");
  // The bases tuple is made bypassing NewTuple's check (a checked build's), as
  // a bug elsewhere would leave it.
  Ref<Object> bases = interp_->NewObject<TupleObject>(
      WellKnownType(WellKnown::kTuple), std::vector<Ref<Object>>{Ref<Object>::Borrow(cls_)});
  EXPECT_EQ(Show(CallWith(WellKnownType(WellKnown::kType), {"Sub", bases, NewDict()})),
            NotOwned("class 'C'"));
}

// In a checked build, the runtime's own store points (which the embedding API's
// checks do not reach: direct C++ calls, slots called directly) raise too.
TEST_F(OwnershipTest, CheckedBuildChecksInternalStores) {
  if (!kCheckedBuild) GTEST_SKIP() << "needs --config=checked (ISLET_CHECKED=1)";
  const std::string list = NotOwnedObject("list");
  const std::string str = NotOwnedObject("str");
  Object* own_list = own_list_.get();
  Object* own_dict = own_dict_.get();
  Ref<Object> own_set = NewSet();
  std::vector<Ref<Object>> items;
  const uint64_t list_refcount = list_->refcount();
  const uint64_t str_refcount = str_->refcount();

  const std::vector<Use> stores = {
      {"DictObject::Set value",
       [&] {
         return !static_cast<DictObject*>(own_dict)->Set(NoneRef(), Hash(None()),
                                                         Ref<Object>::Borrow(list_));
       },
       list},
      {"SetAdd", [&] { return !SetAdd(own_set.get(), str_); }, str},
      {"NewList", [&] { return !NewList({Ref<Object>::Borrow(list_)}); }, list},
      {"NewTuple",
       [&] {
         return !NewTuple({None(), str_});
       },
       str},
      {"AppendIterable", [&] { return !AppendIterable(items, list_); }, list},
      {"list's setitem slot",
       [&] { return !own_list->type()->slots().setitem(own_list, SmallInt(0), str_); }, str},
      {"GenericSetAttr",
       [&] { return !GenericSetAttr(own_instance_.get(), interp_->Intern("x"), list_); }, list},
  };
  for (const Use& use : stores) {
    SCOPED_TRACE(use.name);
    EXPECT_TRUE(use.fails());
    EXPECT_EQ(Error(), use.error);
  }
  EXPECT_EQ(Show(own_list_), "[1, 2]");
  EXPECT_EQ(DictSize(own_dict), 0);
  EXPECT_EQ(SetSize(own_set.get()), 0);
  EXPECT_TRUE(items.empty());
  EXPECT_EQ(list_->refcount(), list_refcount);
  EXPECT_EQ(str_->refcount(), str_refcount);
}

using OwnershipDeathTest = OwnershipTest;

// With no interpreter attached there is nowhere to raise: a fatal error.
TEST_F(OwnershipDeathTest, UseWithNoInterpreterAttachedIsFatal) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_DEATH(std::thread([this] { Repr(list_); }).join(),
               "islet: object of type 'list' of interpreter 1 used with no interpreter attached");
}

// NewObject cannot fail, so a checked build stops at an instance of a foreign
// class made by calling its new_instance slot directly (Call would raise).
TEST_F(OwnershipDeathTest, CheckedBuildStopsAllocatingAForeignClassInstance) {
  if (!kCheckedBuild) GTEST_SKIP() << "needs --config=checked (ISLET_CHECKED=1)";
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  TypeObject* cls = static_cast<TypeObject*>(cls_);
  EXPECT_DEATH(cls->slots().new_instance(cls, CallArgs{}),
               "islet: allocating an instance of class 'C' of interpreter 1 in interpreter 0");
}

}  // namespace
}  // namespace islet
