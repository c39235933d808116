// Interpreter teardown with everything a program leaves behind: heap subclasses
// of builtins and their instances, reference cycles through instances, classes
// and a builtin's dict, weak references with callbacks. Nothing may leak
// (LeakSanitizer checks it under --config=asan), no callback may run, and the
// other interpreters must not notice.

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "interp/interpreter.h"
#include "objects/protocol.h"
#include "objects/tuple.h"
#include "objects/weakref.h"
#include "objects/well_known.h"
#include "runtime/runtime.h"
#include "tests/isolation/isolation_test_support.h"

namespace islet {
namespace {

using testing::AsType;
using ::testing::Contains;
using testing::MakeClass;

class TeardownTest : public testing::IsolationTest {
 protected:
  static TypeObject* Int() { return WellKnownType(WellKnown::kInt); }

  // What Run leaves in an interpreter, with the references that make cycles:
  //   node.me is node, Node.proto is a Node (a class holding its own instance);
  //   seven = MyInt(7), seven.self is seven, and int.kept (here) is seven;
  //   SubNode(Node).itself is SubNode, and SubNode.base_ref a weakref to Node;
  //   node holds weak references to int, Node, itself, and to a set holding
  //   Node (node.bag); MyRef(weakref.ref).own is a MyRef to MyRef itself;
  //   every weak reference has a counting callback.
  struct Program {
    Ref<Object> node_class, node, my_int, seven, sub_node, bag, my_ref;
  };

  static Program Run(Interpreter& interp) {
    Program p;
    Ref<Object> counter = testing::NewCallCounter();
    auto weak = [&](Object* referent) {
      Ref<Object> ref = Call(WellKnownType(WellKnown::kWeakRef), {referent, counter.get()});
      EXPECT_TRUE(ref) << Error();
      return ref;
    };
    auto set = [&](Object* object, std::string_view name, Object* value) {
      EXPECT_TRUE(SetAttr(object, interp.Intern(name), value)) << Error();
    };
    p.node_class = MakeClass("Node", WellKnownType(WellKnown::kObject));
    p.node = Call(p.node_class.get(), {});
    set(p.node.get(), "me", p.node.get());
    set(p.node_class.get(), "proto", Call(p.node_class.get(), {}).get());
    p.my_int = MakeClass("MyInt", Int());
    p.seven = CallWith(p.my_int.get(), {7});
    set(p.seven.get(), "self", p.seven.get());
    interp.SetTypeDictEntry(*Int(), interp.Intern("kept"), p.seven);
    p.sub_node = MakeClass("SubNode", AsType(p.node_class));
    set(p.sub_node.get(), "itself", p.sub_node.get());
    set(p.sub_node.get(), "base_ref", weak(p.node_class.get()).get());
    p.bag = Call(WellKnownType(WellKnown::kSet), {NewTuple({p.node_class.get()}).get()});
    set(p.node.get(), "bag", p.bag.get());
    set(p.node.get(), "weak_bag", weak(p.bag.get()).get());
    set(p.node.get(), "weak_int", weak(Int()).get());
    set(p.node.get(), "weak_class", weak(p.node_class.get()).get());
    set(p.node.get(), "weak_self", weak(p.node.get()).get());
    p.my_ref = MakeClass("MyRef", WellKnownType(WellKnown::kWeakRef));
    Ref<Object> own = Call(p.my_ref.get(), {p.my_ref.get(), counter.get()});
    EXPECT_TRUE(own) << Error();
    set(p.my_ref.get(), "own", own.get());
    return p;
  }

  static void BreakCycles(Interpreter& interp, const Program& p) {
    EXPECT_TRUE(DelAttr(p.node.get(), interp.Intern("me")));
    EXPECT_TRUE(DelAttr(p.node_class.get(), interp.Intern("proto")));
    EXPECT_TRUE(DelAttr(p.seven.get(), interp.Intern("self")));
    EXPECT_TRUE(interp.RemoveTypeDictEntry(*Int(), interp.Intern("kept")));
    EXPECT_TRUE(DelAttr(p.sub_node.get(), interp.Intern("itself")));
    EXPECT_TRUE(DelAttr(p.my_ref.get(), interp.Intern("own")));
  }

  // What another interpreter's teardown must not change. The reads come first,
  // so that what they materialize is already in the memory figures.
  struct Snapshot {
    std::string subclasses;  // int.__subclasses__()
    std::string kept;        // int.kept.self
    int64_t int_weakrefs;
    InterpreterMemoryStats memory;
    bool operator==(const Snapshot&) const = default;
  };
  static Snapshot Take(Interpreter& interp) {
    AttachGuard attached(interp);
    Snapshot s;
    s.subclasses = Show(CallMethod(Int(), "__subclasses__", {}));
    Ref<Object> kept = GetAttr(Int(), "kept");
    s.kept = kept ? Show(GetAttr(kept.get(), "self")) : Error();
    s.int_weakrefs = WeakRefCount(Int());
    s.memory = interp.memory_stats();
    return s;
  }
};

// What the fini observer saw of the interpreter being destroyed.
struct FiniSnapshot {
  Interpreter* watched = nullptr;
  int finis_seen = 0;
  size_t int_subclasses = 0;
  size_t int_weakrefs = 0;
  InterpreterMemoryStats memory{.live_objects = 99, .live_bytes = 99};
};
FiniSnapshot fini_snapshot;

void SnapshotAtFini(Interpreter& interp, const StaticType& type) {
  if (&interp != fini_snapshot.watched) return;
  ++fini_snapshot.finis_seen;
  if (&type == WellKnownType(WellKnown::kInt)) {
    fini_snapshot.int_subclasses = interp.StateOf(type).subclasses().size();
    fini_snapshot.int_weakrefs = interp.StateOf(type).weakrefs().size();
    fini_snapshot.memory = interp.memory_stats();
  }
}

TEST_F(TeardownTest, WhatAProgramLeftIsFreedWithoutCallbacksAndOthersDoNotNotice) {
  testing::ResetCallCount();
  for (Interpreter* interp : interps()) {
    AttachGuard attached(*interp);
    Run(*interp);
  }
  absl::StatusOr<Interpreter*> doomed = Runtime::CreateInterpreter();
  ASSERT_TRUE(doomed.ok()) << doomed.status();
  {
    AttachGuard attached(**doomed);
    Run(**doomed);  // every C++ reference is gone when it returns
    EXPECT_EQ(WeakRefCount(Int()), 1);
    EXPECT_EQ((*doomed)->StateOf(*Int()).subclasses().size(), 1u);
  }
  std::vector<Snapshot> before;
  for (Interpreter* interp : interps()) before.push_back(Take(*interp));
  EXPECT_EQ(before[1].kept, "7");

  fini_snapshot = FiniSnapshot{.watched = *doomed};
  SetStaticTypeFiniObserverForTesting(&SnapshotAtFini);
  ::testing::internal::CaptureStderr();
  ASSERT_TRUE(Runtime::DestroyInterpreter(*doomed).ok());
  // Teardown warns when objects survive clearing (held from C++); none may.
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
  SetStaticTypeFiniObserverForTesting(nullptr);
  EXPECT_GT(fini_snapshot.finis_seen, 0);
  EXPECT_EQ(fini_snapshot.int_subclasses, 0u);
  EXPECT_EQ(fini_snapshot.int_weakrefs, 0u);
  EXPECT_EQ(fini_snapshot.memory, InterpreterMemoryStats{});  // every object freed
  EXPECT_EQ(testing::CallCount(), 0);

  for (size_t i = 0; i < interps().size(); ++i) {
    EXPECT_EQ(Take(*interps()[i]), before[i]) << i;
  }
}

TEST_F(TeardownTest, BreakingTheCyclesByHandFreesEverything) {
  // Without a cycle collector, cycles live until teardown; once broken, every
  // object goes, so the interpreter's figures return to where they were.
  for (Interpreter* interp : {b_, c_}) {
    AttachGuard attached(*interp);
    BreakCycles(*interp, Run(*interp));  // materializes what Run reads, once
    const InterpreterMemoryStats baseline = interp->memory_stats();
    for (int i = 0; i < 3; ++i) {
      {
        Program p = Run(*interp);
        EXPECT_GT(interp->memory_stats().live_objects, baseline.live_objects);
        BreakCycles(*interp, p);
      }
      EXPECT_EQ(interp->memory_stats(), baseline) << i;
      EXPECT_EQ(WeakRefCount(Int()), 0);
      EXPECT_EQ(interp->StateOf(*Int()).subclasses().size(), 0u);
    }
  }
}

TEST_F(TeardownTest, InterpretersCanBeDestroyedInAnyOrder) {
  std::vector<Interpreter*> extra;
  for (int i = 0; i < 3; ++i) {
    absl::StatusOr<Interpreter*> interp = Runtime::CreateInterpreter();
    ASSERT_TRUE(interp.ok()) << interp.status();
    extra.push_back(*interp);
    AttachGuard attached(**interp);
    Run(**interp);
  }
  ASSERT_TRUE(Runtime::DestroyInterpreter(extra[1]).ok());
  for (Interpreter* survivor : {extra[0], extra[2]}) {
    AttachGuard attached(*survivor);
    // What Run left is still there and works, found through int alone.
    Ref<Object> seven = GetAttr(Int(), "kept");
    ASSERT_TRUE(seven) << Error();
    EXPECT_EQ(GetAttr(seven.get(), "self").get(), seven.get());
    EXPECT_EQ(Show(BinaryOperation(seven.get(), seven.get(), BinaryOp::kMultiply)), "49");
    EXPECT_THAT(testing::Subclasses(Int()), Contains(seven->type()));
  }
  ASSERT_TRUE(Runtime::DestroyInterpreter(extra[2]).ok());
  ASSERT_TRUE(Runtime::DestroyInterpreter(extra[0]).ok());
  EXPECT_EQ(Runtime::InterpreterCount(), 3u);
}

}  // namespace
}  // namespace islet
