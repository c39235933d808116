// Heap types: C3 method resolution order, the errors Python gives for bad bases,
// subclass registration on heap bases, and version tags.

#include "interp/heap_type.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "runtime/runtime.h"
#include "runtime/type_registry.h"
#include "tests/testing/test_types.h"
#include "types/object/object.h"

namespace islet {
namespace {

using ::testing::ElementsAre;
using testing::kAlphaType;
using testing::kNodeType;
using testing::kZetaType;

class HeapTypeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(Runtime::Initialize().ok());
    interp_ = Runtime::MainInterpreter();
    attached_.emplace(*interp_);
  }
  void TearDown() override {
    attached_.reset();
    ASSERT_TRUE(Runtime::Finalize().ok());
  }

  Ref<HeapType> Class(std::string_view name, std::vector<TypeObject*> bases) {
    absl::StatusOr<Ref<HeapType>> type = HeapType::Create(*interp_, name, bases);
    EXPECT_TRUE(type.ok()) << type.status();
    return type.ok() ? *std::move(type) : nullptr;
  }
  std::string Error(std::string_view name, std::vector<TypeObject*> bases) {
    absl::StatusOr<Ref<HeapType>> type = HeapType::Create(*interp_, name, bases);
    EXPECT_FALSE(type.ok());
    EXPECT_EQ(type.status().code(), absl::StatusCode::kInvalidArgument);
    return std::string(type.status().message());
  }

  Interpreter* interp_ = nullptr;
  std::optional<AttachGuard> attached_;
};

TEST_F(HeapTypeTest, SingleInheritanceMro) {
  Ref<HeapType> a = Class("A", {&kNodeType});
  Ref<HeapType> b = Class("B", {a.get()});
  EXPECT_THAT(b->mro(), ElementsAre(b.get(), a.get(), &kNodeType, &kObjectType));
  EXPECT_EQ(b->base(), a.get());
  EXPECT_EQ(b->name(), "B");
  EXPECT_TRUE(b->IsSubtypeOf(&kNodeType));
  EXPECT_FALSE(kNodeType.IsSubtypeOf(b.get()));
}

TEST_F(HeapTypeTest, DiamondUsesC3) {
  Ref<HeapType> o = Class("O", {&kObjectType});
  Ref<HeapType> a = Class("A", {o.get()});
  Ref<HeapType> b = Class("B", {o.get()});
  Ref<HeapType> c = Class("C", {a.get(), b.get()});
  EXPECT_THAT(c->mro(), ElementsAre(c.get(), a.get(), b.get(), o.get(), &kObjectType));
  EXPECT_THAT(c->bases(), ElementsAre(a.get(), b.get()));
}

TEST_F(HeapTypeTest, TextbookC3Example) {
  // The example from "The Python 2.3 Method Resolution Order".
  Ref<HeapType> f = Class("F", {&kObjectType});
  Ref<HeapType> e = Class("E", {&kObjectType});
  Ref<HeapType> d = Class("D", {&kObjectType});
  Ref<HeapType> c = Class("C", {d.get(), f.get()});
  Ref<HeapType> b = Class("B", {d.get(), e.get()});
  Ref<HeapType> a = Class("A", {b.get(), c.get()});
  EXPECT_THAT(a->mro(),
              ElementsAre(a.get(), b.get(), c.get(), d.get(), e.get(), f.get(), &kObjectType));
}

TEST_F(HeapTypeTest, InconsistentMroIsRejected) {
  Ref<HeapType> a = Class("A", {&kObjectType});
  Ref<HeapType> b = Class("B", {a.get()});
  EXPECT_EQ(Error("C", {a.get(), b.get()}),
            "Cannot create a consistent method resolution order (MRO) for bases A, B");
}

TEST_F(HeapTypeTest, BaseThatCannotBeSubclassedIsRejected) {
  EXPECT_EQ(Error("X", {&kZetaType}), "type 'test_zeta' is not an acceptable base type");
}

TEST_F(HeapTypeTest, DuplicateBaseIsRejected) {
  Ref<HeapType> a = Class("A", {&kObjectType});
  EXPECT_EQ(Error("X", {a.get(), a.get()}), "duplicate base class A");
}

TEST_F(HeapTypeTest, InstanceLayoutConflictIsRejected) {
  // test_node adds a field to object; test_alpha adds none, so it does not conflict.
  Ref<HeapType> mixed = Class("Mixed", {&kNodeType, &kAlphaType});
  EXPECT_THAT(mixed->mro(), ElementsAre(mixed.get(), &kNodeType, &kAlphaType, &kObjectType));
  Ref<HeapType> node_sub = Class("NodeSub", {&kNodeType});
  EXPECT_EQ(Error("X", {node_sub.get(), &testing::kWeakRefType}),
            "multiple bases have instance lay-out conflict");
}

TEST_F(HeapTypeTest, HeapBaseListsItsSubclassesWeakly) {
  Ref<HeapType> base = Class("Base", {&kObjectType});
  Ref<HeapType> first = Class("First", {base.get()});
  Ref<HeapType> second = Class("Second", {base.get()});
  EXPECT_THAT(base->subclasses(), ElementsAre(first.get(), second.get()));
  second.reset();
  EXPECT_THAT(base->subclasses(), ElementsAre(first.get()));
}

TEST_F(HeapTypeTest, VersionTagsArePerInterpreterAndAboveStaticRange) {
  Ref<HeapType> a = Class("A", {&kObjectType});
  Ref<HeapType> b = Class("B", {&kObjectType});
  EXPECT_GT(a->version_tag(), kStaticTypeCapacity);
  EXPECT_NE(a->version_tag(), b->version_tag());
  absl::StatusOr<Interpreter*> other = Runtime::CreateInterpreter();
  ASSERT_TRUE(other.ok());
  {
    AttachGuard attached(**other);
    // Each interpreter counts from the same start: tags coincide across
    // interpreters, which is fine because attribute caches are per interpreter.
    Ref<HeapType> there = *HeapType::Create(**other, "A", {{&kObjectType}});
    EXPECT_EQ(there->version_tag(), a->version_tag());
  }
  EXPECT_TRUE(Runtime::DestroyInterpreter(*other).ok());
}

}  // namespace
}  // namespace islet
