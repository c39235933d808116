// Type attribute lookup along the MRO and the per-interpreter attribute cache:
// results are per interpreter, and no change to a dict can leave a stale hit.

#include <cstdint>
#include <string>

#include "gtest/gtest.h"
#include "interp/heap_type.h"
#include "interp/interpreter.h"
#include "runtime/runtime.h"
#include "tests/testing/test_types.h"
#include "types/object/object.h"

namespace islet {
namespace {

using testing::kNodeType;
using testing::NodeObject;

class AttributeLookupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(Runtime::Initialize().ok());
    main_ = Runtime::MainInterpreter();
    sub_ = *Runtime::CreateInterpreter();
  }
  void TearDown() override { ASSERT_TRUE(Runtime::Finalize().ok()); }

  static Ref<Object> Value(Interpreter& interp) { return interp.NewObject<NodeObject>(&kNodeType); }
  static Ref<HeapType> Class(Interpreter& interp, std::string_view name, TypeObject* base) {
    return *HeapType::Create(interp, name, {{base}});
  }

  Interpreter* main_ = nullptr;
  Interpreter* sub_ = nullptr;
};

TEST_F(AttributeLookupTest, StaticTypeEntriesAreVisibleOnlyInTheirInterpreter) {
  AttachGuard in_main(*main_);
  const Name* x = main_->Intern("x");
  Ref<Object> value = Value(*main_);
  main_->SetTypeDictEntry(kNodeType, x, value);
  Ref<HeapType> sub_class = Class(*main_, "C", &kNodeType);
  EXPECT_EQ(main_->LookupTypeAttribute(kNodeType, x), value.get());
  EXPECT_EQ(main_->LookupTypeAttribute(*sub_class, x), value.get());  // found along the MRO
  {
    AttachGuard in_sub(*sub_);
    EXPECT_EQ(sub_->LookupTypeAttribute(kNodeType, sub_->Intern("x")), nullptr);
  }
}

TEST_F(AttributeLookupTest, ChangingAStaticTypeEntryInvalidatesCachedLookups) {
  AttachGuard in_main(*main_);
  const Name* y = main_->Intern("y");
  Ref<HeapType> sub_class = Class(*main_, "C", &kNodeType);
  EXPECT_EQ(main_->LookupTypeAttribute(*sub_class, y), nullptr);  // a cached miss
  EXPECT_EQ(main_->LookupTypeAttribute(kNodeType, y), nullptr);
  Ref<Object> value = Value(*main_);
  main_->SetTypeDictEntry(kNodeType, y, value);
  EXPECT_EQ(main_->LookupTypeAttribute(kNodeType, y), value.get());
  EXPECT_EQ(main_->LookupTypeAttribute(*sub_class, y), value.get());
  EXPECT_TRUE(main_->RemoveTypeDictEntry(kNodeType, y));
  EXPECT_EQ(main_->LookupTypeAttribute(*sub_class, y), nullptr);
  EXPECT_FALSE(main_->RemoveTypeDictEntry(kNodeType, y));
}

TEST_F(AttributeLookupTest, ChangingAHeapClassInvalidatesItsSubclasses) {
  AttachGuard in_main(*main_);
  const Name* x = main_->Intern("x");
  Ref<HeapType> base = Class(*main_, "Base", &kObjectType);
  Ref<HeapType> middle = Class(*main_, "Middle", base.get());
  Ref<HeapType> leaf = Class(*main_, "Leaf", middle.get());
  Ref<Object> first = Value(*main_);
  main_->SetTypeDictEntry(*base, x, first);
  EXPECT_EQ(main_->LookupTypeAttribute(*leaf, x), first.get());
  const uint32_t leaf_tag = leaf->version_tag();

  Ref<Object> second = Value(*main_);
  main_->SetTypeDictEntry(*middle, x, second);  // shadows Base.x for Middle and Leaf
  EXPECT_NE(leaf->version_tag(), leaf_tag);
  EXPECT_EQ(main_->LookupTypeAttribute(*leaf, x), second.get());
  EXPECT_EQ(main_->LookupTypeAttribute(*base, x), first.get());

  EXPECT_TRUE(main_->RemoveTypeDictEntry(*middle, x));
  EXPECT_EQ(main_->LookupTypeAttribute(*leaf, x), first.get());
}

TEST_F(AttributeLookupTest, SameNamedClassesInTwoInterpretersNeverSeeEachOthersValues) {
  Ref<HeapType> in_main;
  Ref<HeapType> in_sub;
  {
    AttachGuard attached(*main_);
    in_main = Class(*main_, "Shared", &kObjectType);
  }
  {
    AttachGuard attached(*sub_);
    in_sub = Class(*sub_, "Shared", &kObjectType);
  }
  // Both interpreters hand out the same tag sequence, so the tags coincide at
  // every step; the caches being per interpreter is what keeps them apart.
  for (int i = 0; i < 3000; ++i) {
    for (auto [interp, cls] : {std::pair{main_, in_main.get()}, std::pair{sub_, in_sub.get()}}) {
      AttachGuard attached(*interp);
      const Name* x = interp->Intern("x");
      Ref<Object> value = Value(*interp);
      interp->SetTypeDictEntry(*cls, x, value);
      ASSERT_EQ(interp->LookupTypeAttribute(*cls, x), value.get()) << i;
      ASSERT_EQ(interp->LookupTypeAttribute(*cls, x)->owner(), interp);
    }
    ASSERT_EQ(in_main->version_tag(), in_sub->version_tag());
  }
}

TEST_F(AttributeLookupTest, ClassMutatedPastItsVersionBudgetStaysCorrect) {
  AttachGuard in_main(*main_);
  const Name* x = main_->Intern("x");
  Ref<HeapType> cls = Class(*main_, "Hot", &kObjectType);
  Ref<HeapType> child = Class(*main_, "Child", cls.get());
  for (uint32_t i = 0; i < 2 * HeapType::kMaxVersionTags; ++i) {
    Ref<Object> value = Value(*main_);
    main_->SetTypeDictEntry(*cls, x, value);
    ASSERT_EQ(main_->LookupTypeAttribute(*cls, x), value.get()) << i;
    ASSERT_EQ(main_->LookupTypeAttribute(*child, x), value.get()) << i;
  }
  EXPECT_EQ(cls->version_tag(), 0u);  // out of versions: looked up uncached
  EXPECT_EQ(child->version_tag(), 0u);
}

// An interpreter out of heap version tags: the counter is set just below its
// limit, the last tags go, and from then on every class changed or made there
// gets tag 0 and is looked up without the cache, still finding the right values.
// The other interpreter keeps its tags.
TEST_F(AttributeLookupTest, InterpreterOutOfVersionTagsLooksUpUncachedAndStaysCorrect) {
  AttachGuard in_main(*main_);
  const Name* x = main_->Intern("x");
  main_->SetNextHeapVersionTagForTesting(UINT32_MAX - 1);
  Ref<HeapType> cls = Class(*main_, "Late", &kObjectType);
  EXPECT_EQ(cls->version_tag(), UINT32_MAX - 1);
  Ref<Object> first = Value(*main_);
  main_->SetTypeDictEntry(*cls, x, first);
  EXPECT_EQ(cls->version_tag(), UINT32_MAX);  // the last tag
  EXPECT_EQ(main_->LookupTypeAttribute(*cls, x), first.get());
  EXPECT_EQ(main_->LookupTypeAttribute(*cls, x), first.get());  // cached

  Ref<HeapType> child = Class(*main_, "LateChild", cls.get());  // none left
  EXPECT_EQ(child->version_tag(), 0u);
  EXPECT_EQ(main_->LookupTypeAttribute(*child, x), first.get());
  for (int i = 0; i < 100; ++i) {
    Ref<Object> value = Value(*main_);
    main_->SetTypeDictEntry(*cls, x, value);
    ASSERT_EQ(cls->version_tag(), 0u) << i;
    ASSERT_EQ(main_->LookupTypeAttribute(*cls, x), value.get()) << i;
    ASSERT_EQ(main_->LookupTypeAttribute(*child, x), value.get()) << i;
    Ref<Object> own = Value(*main_);
    main_->SetTypeDictEntry(*child, x, own);  // shadows cls.x
    ASSERT_EQ(main_->LookupTypeAttribute(*child, x), own.get()) << i;
    ASSERT_TRUE(main_->RemoveTypeDictEntry(*child, x));
    ASSERT_EQ(main_->LookupTypeAttribute(*child, x), value.get()) << i;
  }
  ASSERT_TRUE(main_->RemoveTypeDictEntry(*cls, x));
  EXPECT_EQ(main_->LookupTypeAttribute(*cls, x), nullptr);
  EXPECT_EQ(main_->LookupTypeAttribute(*child, x), nullptr);
  EXPECT_EQ(main_->NextHeapVersionTag(), 0u);  // out for good
  {
    AttachGuard in_sub(*sub_);
    Ref<HeapType> there = Class(*sub_, "Late", &kObjectType);
    EXPECT_GT(there->version_tag(), kStaticTypeCapacity);
    EXPECT_LT(there->version_tag(), UINT32_MAX - 1);
  }
}

}  // namespace
}  // namespace islet
