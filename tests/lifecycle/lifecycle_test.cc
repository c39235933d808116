// The runtime lifecycle, as an embedder drives it: Initialize -> use interpreters ->
// Finalize, many times in a row, and failure in the middle of creating one.

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "interp/heap_type.h"
#include "interp/interpreter.h"
#include "runtime/runtime.h"
#include "tests/testing/test_types.h"
#include "types/object/object.h"

namespace islet {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::HookLog;
using ::testing::IsEmpty;
using testing::kNodeType;
using testing::NodeObject;

// Makes an interpreter do a bit of everything that leaves per-interpreter state:
// dict entries, a heap subclass with an instance, a weak reference, a cycle.
void Exercise(Interpreter& interp) {
  AttachGuard attached(interp);
  Ref<HeapType> cls = *HeapType::Create(interp, "Sub", {{&kNodeType}});
  Ref<NodeObject> instance = interp.NewObject<NodeObject>(cls.get());
  instance->next = instance;
  interp.SetTypeDictEntry(kNodeType, interp.Intern("cls"), cls);
  interp.SetTypeDictEntry(kNodeType, interp.Intern("weak"),
                          testing::NewWeakRefToStaticType(interp, kNodeType));
}

void ExpectSharedPartsCleared() {
  for (StaticType* type : {&kObjectType, &kNodeType}) {
    EXPECT_EQ(type->static_index(), -1);
    EXPECT_EQ(type->version_tag(), 0u);
    EXPECT_FALSE(type->HasFlag(kTypeReady));
    EXPECT_FALSE(type->HasFlag(kTypeStaticBuiltin));
    EXPECT_TRUE(type->mro().empty());
    EXPECT_EQ(type->type(), nullptr);
    EXPECT_TRUE(type->IsImmortal());
  }
}

TEST(LifecycleTest, HundredCyclesWithSubinterpreters) {
  std::vector<std::string> first_order;
  for (int cycle = 0; cycle < 100; ++cycle) {
    SCOPED_TRACE(cycle);
    ASSERT_TRUE(Runtime::Initialize().ok());
    std::vector<std::string> order;
    for (StaticType* type : Runtime::registry().init_order()) order.emplace_back(type->name());
    if (cycle == 0) first_order = order;
    EXPECT_EQ(order, first_order);  // same order, same indices, every time
    EXPECT_EQ(Runtime::MainInterpreter()->id(), 0);
    Exercise(*Runtime::MainInterpreter());
    for (int i = 0; i < 3; ++i) {
      absl::StatusOr<Interpreter*> sub = Runtime::CreateInterpreter();
      ASSERT_TRUE(sub.ok()) << sub.status();
      Exercise(**sub);
    }
    // One destroyed early, two left for Finalize.
    absl::StatusOr<Interpreter*> early = Runtime::CreateInterpreter();
    ASSERT_TRUE(early.ok());
    ASSERT_TRUE(Runtime::DestroyInterpreter(*early).ok());
    EXPECT_EQ(Runtime::InterpreterCount(), 4u);
    ASSERT_TRUE(Runtime::Finalize().ok());
    EXPECT_FALSE(Runtime::IsInitialized());
    EXPECT_EQ(Runtime::InterpreterCount(), 0u);
    ExpectSharedPartsCleared();
  }
}

TEST(LifecycleTest, LifecycleCallsOutOfOrderAreErrors) {
  EXPECT_EQ(Runtime::Finalize().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(Runtime::CreateInterpreter().status().code(), absl::StatusCode::kFailedPrecondition);
  ASSERT_TRUE(Runtime::Initialize().ok());
  absl::Status again = Runtime::Initialize();
  EXPECT_EQ(again.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(again.message(), "the runtime is already initialized");
  ASSERT_TRUE(Runtime::Finalize().ok());
}

TEST(LifecycleTest, RegisteringWhileInitializedIsRefused) {
  ASSERT_TRUE(Runtime::Initialize().ok());
  static constinit StaticType late("late", StaticTypeSpec{}, __FILE__, __LINE__);
  absl::Status status = TypeRegistry::Global().Register(late);
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(status.message()), HasSubstr("the registry is frozen"));
  ASSERT_TRUE(Runtime::Finalize().ok());
}

// For every position k in init order, the k-th type's init fails: creation fails
// naming that type, the types initialized before it are finalized in reverse, and
// the runtime stays usable.
TEST(LifecycleTest, FailedTypeInitRollsBackAtEveryPosition) {
  ASSERT_TRUE(Runtime::Initialize().ok());
  std::vector<StaticType*> order(Runtime::registry().init_order().begin(),
                                 Runtime::registry().init_order().end());
  for (size_t k = 0; k < order.size(); ++k) {
    SCOPED_TRACE(std::string(order[k]->name()));
    HookLog::Clear();
    InjectStaticTypeInitFailureForTesting(static_cast<int>(k));
    absl::StatusOr<Interpreter*> failed = Runtime::CreateInterpreter();
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(failed.status().code(), absl::StatusCode::kInternal);
    EXPECT_THAT(std::string(failed.status().message()),
                HasSubstr("init of builtin type '" + std::string(order[k]->name()) +
                          "' failed: injected failure"));
    // Expected hook events: inits of the hooked types before k, then their finis
    // in reverse.
    std::vector<std::string> expected;
    std::vector<std::string> finis;
    for (size_t i = 0; i < k; ++i) {
      if (order[i]->spec().init == nullptr) continue;
      expected.push_back("init " + std::string(order[i]->name()));
      finis.insert(finis.begin(), "fini " + std::string(order[i]->name()));
    }
    expected.insert(expected.end(), finis.begin(), finis.end());
    std::vector<std::string> events;
    for (int64_t id = 0; id < 1000; ++id) {
      for (std::string& event : HookLog::Take(id)) events.push_back(std::move(event));
    }
    EXPECT_EQ(events, expected);
    EXPECT_EQ(Runtime::InterpreterCount(), 1u);

    absl::StatusOr<Interpreter*> works = Runtime::CreateInterpreter();
    ASSERT_TRUE(works.ok()) << works.status();
    Exercise(**works);
    ASSERT_TRUE(Runtime::DestroyInterpreter(*works).ok());
  }
  ASSERT_TRUE(Runtime::Finalize().ok());
}

TEST(LifecycleTest, FailedMainInterpreterLeavesRuntimeUninitializedAndReusable) {
  InjectStaticTypeInitFailureForTesting(0);
  absl::Status status = Runtime::Initialize();
  EXPECT_EQ(status.code(), absl::StatusCode::kInternal);
  EXPECT_THAT(std::string(status.message()), HasSubstr("creating interpreter 0"));
  EXPECT_FALSE(Runtime::IsInitialized());
  EXPECT_FALSE(TypeRegistry::Global().frozen());
  ExpectSharedPartsCleared();
  ASSERT_TRUE(Runtime::Initialize().ok());
  Exercise(*Runtime::MainInterpreter());
  ASSERT_TRUE(Runtime::Finalize().ok());
}

}  // namespace
}  // namespace islet
