// The cycle collector on its own (no language, no objects layer): which objects
// it tracks, that it frees unreachable cycles and nothing reachable, how
// survivors age through the generations, freezing, the thresholds and the eval
// breaker, and that references to immortal objects are ignored.

#include "interp/collector.h"

#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "interp/interpreter.h"
#include "runtime/runtime.h"
#include "tests/testing/test_types.h"

namespace islet {
namespace {

using testing::kNodeType;
using testing::NodeObject;

class CollectorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(Runtime::Initialize().ok());
    absl::StatusOr<Interpreter*> interp = Runtime::CreateInterpreter();
    ASSERT_TRUE(interp.ok()) << interp.status();
    interp_ = *interp;
    attached_.emplace(*interp_);
  }
  void TearDown() override {
    attached_.reset();
    ASSERT_TRUE(Runtime::Finalize().ok());
  }

  Ref<NodeObject> NewNode(Ref<Object> next = nullptr) {
    Ref<NodeObject> node = interp_->NewObject<NodeObject>(&kNodeType);
    node->next = std::move(next);
    return node;
  }
  // A ring of `n` nodes, returned by its first node.
  Ref<NodeObject> NewRing(int n) {
    Ref<NodeObject> first = NewNode();
    Ref<Object> next = first;
    for (int i = 1; i < n; ++i) next = NewNode(std::move(next));
    first->next = std::move(next);
    return first;
  }
  // The generation `object` is in, or -1.
  int GenerationOf(const Object* object) {
    int found = -1;
    for (int g = 0; g < Collector::kGenerations; ++g) {
      interp_->collector().ForEachObject(g, [&](Object* o) {
        if (o == object) found = g;
      });
    }
    return found;
  }
  uint64_t Live() const { return interp_->memory_stats().live_objects; }

  Interpreter* interp_ = nullptr;
  std::optional<AttachGuard> attached_;
};

TEST_F(CollectorTest, FreesAnUnreachableCycleAndNothingElse) {
  Collector& collector = interp_->collector();
  const uint64_t before = Live();
  NewRing(3).reset();                 // unreachable: 3 nodes
  Ref<NodeObject> kept = NewRing(4);  // reachable from here
  Ref<NodeObject> chain = NewNode(NewNode(NewNode()));
  EXPECT_EQ(Live(), before + 3 + 4 + 3);
  EXPECT_EQ(collector.Collect(2), 3);
  EXPECT_EQ(Live(), before + 4 + 3);
  kept.reset();
  chain.reset();  // no cycle: freed at once
  EXPECT_EQ(Live(), before + 4);
  EXPECT_EQ(collector.Collect(2), 4);
  EXPECT_EQ(Live(), before);
}

// An object referenced from outside the examined set (here, from an object
// the collection does not examine) keeps what it reaches alive.
TEST_F(CollectorTest, ReferencesFromOlderGenerationsKeepYoungObjectsAlive) {
  Collector& collector = interp_->collector();
  Ref<NodeObject> old = NewNode();
  collector.Collect(1);
  EXPECT_EQ(GenerationOf(old.get()), 2);
  Ref<NodeObject> young_ring = NewRing(2);
  old->next = young_ring;
  young_ring.reset();
  const uint64_t before = Live();
  EXPECT_EQ(collector.Collect(0), 0);
  EXPECT_EQ(Live(), before);
  old->next.reset();
  EXPECT_EQ(collector.Collect(1), 2);
}

TEST_F(CollectorTest, SurvivorsMoveToTheNextGeneration) {
  Collector& collector = interp_->collector();
  Ref<NodeObject> node = NewNode();
  EXPECT_EQ(GenerationOf(node.get()), 0);
  collector.Collect(0);
  EXPECT_EQ(GenerationOf(node.get()), 1);
  collector.Collect(0);  // generation 1 is not examined
  EXPECT_EQ(GenerationOf(node.get()), 1);
  collector.Collect(1);
  EXPECT_EQ(GenerationOf(node.get()), 2);
  collector.Collect(2);
  EXPECT_EQ(GenerationOf(node.get()), 2);
}

TEST_F(CollectorTest, CountsFollowCPython) {
  Collector& collector = interp_->collector();
  collector.set_enabled(false);
  collector.Collect(2);
  std::vector<Ref<NodeObject>> nodes;
  for (int i = 0; i < 10; ++i) nodes.push_back(NewNode());
  EXPECT_EQ(collector.count(0), 10);
  nodes.pop_back();  // a deallocation takes one back
  EXPECT_EQ(collector.count(0), 9);
  collector.Collect(0);
  EXPECT_EQ(collector.count(0), 0);
  EXPECT_EQ(collector.count(1), 1);
  collector.Collect(1);
  EXPECT_EQ(collector.count(1), 0);
  EXPECT_EQ(collector.count(2), 1);
  collector.Collect(2);
  EXPECT_EQ(collector.count(2), 0);
}

// Passing threshold 0 only asks for a collection, through the eval breaker;
// CollectDue (where the breaker is handled) runs it.
TEST_F(CollectorTest, TheThresholdRequestsACollectionThroughTheEvalBreaker) {
  Collector& collector = interp_->collector();
  collector.Collect(2);
  collector.set_thresholds(10, 10, 10);
  interp_->ClearEvalBreakerBits(kCollectionDue);
  for (int i = 0; i < 5; ++i) NewRing(2).reset();  // 10 tracked objects: not past 10
  EXPECT_EQ(interp_->eval_breaker() & kCollectionDue, 0u);
  NewRing(2).reset();
  EXPECT_NE(interp_->eval_breaker() & kCollectionDue, 0u);
  const uint64_t garbage = Live();
  interp_->HandleEvalBreaker();
  EXPECT_EQ(interp_->eval_breaker() & kCollectionDue, 0u);
  EXPECT_EQ(Live(), garbage - 12);
  EXPECT_EQ(collector.count(0), 0);
  EXPECT_EQ(collector.count(1), 1);

  // Disabled, or with threshold 0 of 0, nothing is requested.
  collector.set_enabled(false);
  for (int i = 0; i < 20; ++i) NewRing(2).reset();
  EXPECT_EQ(interp_->eval_breaker() & kCollectionDue, 0u);
  collector.set_thresholds(0, 10, 10);
  collector.set_enabled(true);
  for (int i = 0; i < 20; ++i) NewRing(2).reset();
  EXPECT_EQ(interp_->eval_breaker() & kCollectionDue, 0u);
  // Enabling again with a count already past the threshold requests at once.
  collector.set_thresholds(10, 10, 10);
  EXPECT_NE(interp_->eval_breaker() & kCollectionDue, 0u);
  interp_->HandleEvalBreaker();
  EXPECT_EQ(Live(), garbage - 12);
}

TEST_F(CollectorTest, FrozenObjectsAreNeverExamined) {
  Collector& collector = interp_->collector();
  NewRing(3).reset();
  collector.Freeze();
  EXPECT_EQ(collector.FreezeCount(), 3u);
  EXPECT_EQ(collector.Collect(2), 0);
  collector.Unfreeze();
  EXPECT_EQ(collector.FreezeCount(), 0u);
  EXPECT_EQ(collector.Collect(2), 3);
}

// A reference to an immortal object (a static type) is never examined: the
// collector neither counts it nor writes to the object.
TEST_F(CollectorTest, ReferencesToImmortalObjectsAreIgnored) {
  Collector& collector = interp_->collector();
  const uint64_t refcount = kNodeType.refcount();
  Ref<NodeObject> holder = NewNode(Ref<Object>::Borrow(&kNodeType));
  Ref<NodeObject> ring = NewRing(2);
  EXPECT_EQ(collector.Collect(2), 0);
  EXPECT_EQ(holder->next.get(), &kNodeType);
  ring.reset();
  EXPECT_EQ(collector.Collect(2), 2);
  EXPECT_EQ(kNodeType.refcount(), refcount);
}

TEST_F(CollectorTest, TeardownFreesWhatTheCollectorTracks) {
  absl::StatusOr<Interpreter*> sub = Runtime::CreateInterpreter();
  ASSERT_TRUE(sub.ok());
  {
    AttachGuard attached(**sub);
    for (int i = 0; i < 100; ++i) {
      Ref<NodeObject> ring = (*sub)->NewObject<NodeObject>(&kNodeType);
      ring->next = ring;
    }
    (*sub)->collector().Freeze();
    Ref<NodeObject> young = (*sub)->NewObject<NodeObject>(&kNodeType);
    young->next = young;
    EXPECT_EQ((*sub)->memory_stats().live_objects, 101u);
  }
  ::testing::internal::CaptureStderr();  // teardown warns of any object it could not free
  ASSERT_TRUE(Runtime::DestroyInterpreter(*sub).ok());
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
}

}  // namespace
}  // namespace islet
