// Heap types: C3 method resolution order, the errors Python gives for bad bases,
// subclass registration on heap bases, and version tags.

#include "interp/heap_type.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "interp/instance_extras.h"
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

TEST_F(HeapTypeTest, InstancesCarryExtrasAfterTheInheritedLayout) {
  Ref<HeapType> cls = Class("Node", {&kNodeType});
  constexpr size_t kAlign = alignof(InstanceExtras);
  const size_t offset = (sizeof(testing::NodeObject) + kAlign - 1) / kAlign * kAlign;
  EXPECT_EQ(cls->extras_offset(), offset);
  EXPECT_EQ(cls->slots().instance_size, offset + sizeof(InstanceExtras));
  EXPECT_EQ(kNodeType.extras_offset(), 0u);  // static types have none

  Ref<HeapType> sub = Class("SubNode", {cls.get()});
  EXPECT_EQ(sub->extras_offset(), cls->extras_offset());  // laid out as its heap base
  EXPECT_EQ(sub->slots().instance_size, cls->slots().instance_size);

  const InterpreterMemoryStats before = interp_->memory_stats();
  {
    Ref<testing::NodeObject> instance = interp_->NewObject<testing::NodeObject>(sub.get());
    InstanceExtras* extras = ExtrasOf(instance.get());
    ASSERT_NE(extras, nullptr);
    EXPECT_EQ(extras->attributes, nullptr);  // created by the first attribute set
    EXPECT_EQ(extras->weakrefs.size(), 0u);
    EXPECT_EQ(interp_->memory_stats().live_bytes, before.live_bytes + sub->slots().instance_size);
    EXPECT_EQ(ExtrasOf(cls.get()), nullptr);  // a class object is not an instance of itself
  }
  EXPECT_EQ(interp_->memory_stats(), before);
}

TEST_F(HeapTypeTest, WeakReferencesToAnInstanceAreClearedWhenItDies) {
  Ref<HeapType> cls = Class("Node", {&kNodeType});
  Ref<testing::NodeObject> instance = interp_->NewObject<testing::NodeObject>(cls.get());
  Ref<WeakRefObject> weak =
      interp_->NewObject<WeakRefObject>(&testing::kWeakRefType, instance.get(), nullptr);
  ExtrasOf(instance.get())->weakrefs.Add(weak.get());
  EXPECT_EQ(weak->referent(), instance.get());
  instance.reset();
  EXPECT_EQ(weak->referent(), nullptr);
}

TEST_F(HeapTypeTest, CyclesThroughInstanceAttributesAreFreedAtTeardown) {
  absl::StatusOr<Interpreter*> other = Runtime::CreateInterpreter();
  ASSERT_TRUE(other.ok());
  {
    AttachGuard attached(**other);
    Ref<HeapType> cls = *HeapType::Create(**other, "Holder", {{&kNodeType}});
    Ref<testing::NodeObject> a = (*other)->NewObject<testing::NodeObject>(cls.get());
    Ref<testing::NodeObject> b = (*other)->NewObject<testing::NodeObject>(cls.get());
    // a.peer = b, b.peer = a, and each holds its class: a cycle only teardown breaks.
    ExtrasOf(a.get())->attributes = std::make_unique<AttrTable>();
    ExtrasOf(a.get())->attributes->Set((*other)->Intern("peer"), b);
    ExtrasOf(b.get())->attributes = std::make_unique<AttrTable>();
    ExtrasOf(b.get())->attributes->Set((*other)->Intern("peer"), a);
    Ref<WeakRefObject> weak =
        (*other)->NewObject<WeakRefObject>(&testing::kWeakRefType, a.get(), nullptr);
    ExtrasOf(a.get())->weakrefs.Add(weak.get());
    b->next = weak;
  }
  // LeakSanitizer (--config=asan) checks that all of it was freed.
  EXPECT_TRUE(Runtime::DestroyInterpreter(*other).ok());
}

}  // namespace
}  // namespace islet
