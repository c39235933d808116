// Freeing structures nested a million times: each kind of container, an
// instance chain and an iterator chain, freed by their last reference, by an
// interpreter's teardown (from a thread with a small stack), with Python code
// running inside the free (a weak reference callback) that frees more, and
// with another thread freeing meanwhile. Every object is freed, none twice, and
// the C++ stack stays bounded (Dealloc defers past a small depth).

#include <cstddef>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"
#include "interp/heap_type.h"
#include "interp/interpreter.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/function.h"
#include "objects/list.h"
#include "objects/protocol.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/well_known.h"
#include "runtime/runtime.h"
#include "tests/testing/thread_with_stack.h"

namespace islet {
namespace {

using ::islet::testing::RunOnThreadWithStack;

constexpr int kDepth = 1000000;

// A structure nested `depth` times: `wrap` wraps the level below once; `top`,
// if any, holds the outermost level.
struct Kind {
  const char* name;
  std::function<Ref<Object>(Ref<Object> inner)> wrap;
  std::function<Ref<Object>(Ref<Object> outermost)> top = nullptr;
};

Ref<Object> FrozenSetOf(Object* item) {
  return NewSetOfType(WellKnownType(WellKnown::kFrozenSet), NewTuple({item}).get());
}

// Each kind, made in the current interpreter without the evaluator (fast
// enough for a million levels in every build).
std::vector<Kind> Kinds() {
  TypeObject* bases[] = {WellKnownType(WellKnown::kObject)};
  Ref<Object> node_class = *HeapType::Create(*Interpreter::Current(), "Node", bases);
  const Name* next = Interpreter::Current()->Intern("next");
  Ref<Object> identity = NewFunction(
      "identity", [](const CallArgs& args) { return Ref<Object>::Borrow(args.args[0]); });
  return {
      {"list", [](Ref<Object> inner) { return NewList({std::move(inner)}); }},
      {"tuple", [](Ref<Object> inner) { return NewTuple({inner.get()}); }},
      {"dict",
       [](Ref<Object> inner) {
         Ref<Object> dict = NewDict();
         EXPECT_TRUE(DictSet(dict.get(), NewStr("k").get(), inner.get()));
         return dict;
       }},
      {"frozenset", [](Ref<Object> inner) { return FrozenSetOf(inner.get()); }},
      {"set of frozensets", [](Ref<Object> inner) { return FrozenSetOf(inner.get()); },
       [](Ref<Object> outermost) {
         Ref<Object> set = NewSet();
         EXPECT_TRUE(SetAdd(set.get(), outermost.get()));
         return set;
       }},
      {"instance chain",
       [node_class, next](Ref<Object> inner) {
         Ref<Object> node = Call(node_class.get(), {});
         EXPECT_TRUE(SetAttr(node.get(), next, inner.get()));
         return node;
       }},
      {"map chain",
       [identity](Ref<Object> inner) {
         return Call(WellKnownType(WellKnown::kMap), {identity.get(), inner.get()});
       }},
  };
}

Ref<Object> Build(const Kind& kind, int depth) {
  Ref<Object> x = NewTuple({});
  for (int i = 0; i < depth; ++i) x = kind.wrap(std::move(x));
  return kind.top ? kind.top(std::move(x)) : x;
}

class DeepFreeTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(Runtime::Initialize().ok()); }
  void TearDown() override { EXPECT_TRUE(Runtime::Finalize().ok()); }
};

TEST_F(DeepFreeTest, TheLastReferenceFreesEveryLevel) {
  Interpreter* interp = Runtime::MainInterpreter();
  AttachGuard attached(*interp);
  for (const Kind& kind : Kinds()) {
    SCOPED_TRACE(kind.name);
    Build(kind, 2);  // first uses set up per-interpreter state (type dicts) that stays
    const InterpreterMemoryStats before = interp->memory_stats();
    Ref<Object> deep = Build(kind, kDepth);
    ASSERT_TRUE(deep);
    EXPECT_GE(interp->memory_stats().live_objects, before.live_objects + kDepth);
    deep.reset();
    EXPECT_EQ(interp->memory_stats(), before);
  }
}

// Teardown on a thread with a 256 KiB stack, every kind alive and held only by
// a cycle. (A tenth of the depth: teardown clears each object first, so its
// frees are flat where the type has a clear slot, and deferred where not.)
TEST_F(DeepFreeTest, TeardownFreesEveryKindOnASmallStack) {
  absl::StatusOr<Interpreter*> sub = Runtime::CreateInterpreter();
  ASSERT_TRUE(sub.ok());
  RunOnThreadWithStack(256 * 1024, [&] {
    AttachGuard attached(**sub);
    Ref<Object> keep = NewList();
    for (const Kind& kind : Kinds()) {
      Ref<Object> deep = Build(kind, kDepth / 10);
      ASSERT_TRUE(deep);
      ASSERT_TRUE(CallMethod(keep.get(), "append", {deep.get()}));
    }
    ASSERT_TRUE(CallMethod(keep.get(), "append", {keep.get()}));  // a cycle holds them all
  });
  ::testing::internal::CaptureStderr();
  RunOnThreadWithStack(256 * 1024, [&] { EXPECT_TRUE(Runtime::DestroyInterpreter(*sub).ok()); });
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");  // nothing outlived teardown
}

// A weak reference callback runs Python code inside the free of the deep
// list's innermost object, at a deferred level; the callback frees another deep
// list, and starts a thread (which takes the interpreter while the callback
// waits for it) that frees a third. Everything is freed by the time the
// outermost free returns.
TEST_F(DeepFreeTest, FreesThatRunCodeWhichFreesMore) {
  Interpreter* interp = Runtime::MainInterpreter();
  ASSERT_TRUE(interp
                  ->Exec(R"(
import threading
import weakref

class Node:
    pass

def nest(inner, depth):
    for _ in range(depth):
        inner = [inner]
    return inner

others = [nest(None, 100000), nest(None, 100000)]
calls = []

def free_another():
    others.pop()

def on_death(ref):
    free_another()
    worker = threading.Thread(target=free_another)
    worker.start()
    worker.join()
    calls.append(len(others))

bottom = Node()
ref = weakref.ref(bottom, on_death)
deep = nest(bottom, 100000)
del bottom
)")
                  .ok());
  InterpreterMemoryStats before_free;
  {
    AttachGuard attached(*interp);
    before_free = interp->memory_stats();
  }
  absl::Status status = interp->Exec("del deep\nassert calls == [0], calls\nassert ref() is None");
  EXPECT_TRUE(status.ok()) << status;
  AttachGuard attached(*interp);
  // The three lists of 100000 levels are gone; the callback and the thread
  // made a few objects that stay (the list `calls` holds one).
  const uint64_t after = interp->memory_stats().live_objects;
  EXPECT_GE(before_free.live_objects - after, 300000u - 100);
}

}  // namespace
}  // namespace islet
