// Heap classes in several interpreters: same-named classes mutated thousands of
// times get the same version tags in each yet never see each other's values; a
// class past its version budget stays correct; a change invalidates lookups in
// its own interpreter only, and before any code can run.

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "interp/heap_type.h"
#include "interp/interpreter.h"
#include "objects/descriptors.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/well_known.h"
#include "tests/isolation/isolation_test_support.h"

namespace islet {
namespace {

using testing::AsType;
using testing::IntValue;
using testing::MakeClass;
using testing::PointWorkload;

class HeapClassesTest : public testing::IsolationTest {
 protected:
  static TypeObject* ObjectType() { return WellKnownType(WellKnown::kObject); }
};

TEST_F(HeapClassesTest, SameNamedClassesShareVersionTagsButNeverValues) {
  // `count` (the attribute PointWorkload mutates) is interned once for all
  // interpreters, so equal tags make equal cache keys.
  ASSERT_EQ(main_->Intern("count"), b_->Intern("count"));
  std::vector<std::unique_ptr<PointWorkload>> workloads;
  for (size_t i = 0; i < interps().size(); ++i) {
    AttachGuard attached(*interps()[i]);
    workloads.push_back(std::make_unique<PointWorkload>(static_cast<int64_t>(i) + 1));
  }
  constexpr int kRounds = 3000;
  uint32_t previous_tag = 1;
  for (int round = 0; round < kRounds; ++round) {
    for (size_t i = 0; i < interps().size(); ++i) {
      AttachGuard attached(*interps()[i]);
      ASSERT_EQ(workloads[i]->Round(round), "") << "interpreter " << i;
    }
    const PointWorkload& first = *workloads[0];
    for (const auto& workload : workloads) {
      ASSERT_EQ(workload->point_tag(), first.point_tag()) << round;
      ASSERT_EQ(workload->point3d_tag(), first.point3d_tag()) << round;
    }
    // Cached (tagged) while within the class's budget, uncached after. Making
    // the class used a few tags (one per namespace entry type() stored).
    constexpr int kBudget = static_cast<int>(HeapType::kMaxVersionTags);
    if (first.mutations() < kBudget - 8) {
      ASSERT_NE(first.point_tag(), 0u) << round;
    }
    if (first.mutations() >= kBudget) {
      ASSERT_EQ(first.point_tag(), 0u) << round;
    }
    if (previous_tag == 0) {
      ASSERT_EQ(first.point_tag(), 0u) << "a tag came back: " << round;
    }
    previous_tag = first.point_tag();
  }
  for (size_t i = 0; i < interps().size(); ++i) {
    AttachGuard attached(*interps()[i]);
    workloads[i].reset();
  }
}

TEST_F(HeapClassesTest, AClassPastItsVersionBudgetStaysCorrectWithItsSubclasses) {
  struct Classes {
    Ref<Object> hot, child, child_instance;
  };
  std::array<Classes, 2> in;  // main, b
  for (size_t i = 0; i < in.size(); ++i) {
    AttachGuard attached(*interps()[i]);
    in[i].hot = MakeClass("Hot", ObjectType());
    in[i].child = MakeClass("Child", AsType(in[i].hot));
    in[i].child_instance = CallWith(in[i].child.get(), {});
    ASSERT_TRUE(in[i].child_instance) << Error();
  }
  const Name* x = main_->Intern("x");
  Ref<Object> latest;
  auto expect_reads = [&](Object* expected, int step) {
    for (Object* reader : {in[0].hot.get(), in[0].child.get(), in[0].child_instance.get()}) {
      Ref<Object> found = GetAttr(reader, x);
      ASSERT_EQ(found.get(), expected) << step << ": " << Show(found);
    }
  };
  // Only main's Hot runs out; b's same-named class changes now and then.
  const int kMutations = 2 * static_cast<int>(HeapType::kMaxVersionTags) + 1;
  for (int i = 0; i < kMutations; ++i) {
    latest = NewInt(1'000'000 + i);
    ASSERT_TRUE(SetAttr(in[0].hot.get(), x, latest.get()));
    ASSERT_NO_FATAL_FAILURE(expect_reads(latest.get(), i));
    if (i % 100 == 0) {
      AttachGuard attached(*b_);
      Ref<Object> own = NewInt(2'000'000 + i);
      ASSERT_TRUE(SetAttr(in[1].hot.get(), b_->Intern("x"), own.get()));
      ASSERT_EQ(GetAttr(in[1].child_instance.get(), "x").get(), own.get()) << i;
    }
  }
  EXPECT_EQ(AsType(in[0].hot)->version_tag(), 0u);
  EXPECT_EQ(AsType(in[0].child)->version_tag(), 0u);
  {
    AttachGuard attached(*b_);
    EXPECT_NE(AsType(in[1].hot)->version_tag(), 0u);  // the budget is per class
    EXPECT_EQ(IntValue(GetAttr(in[1].child_instance.get(), "x")),
              2'000'000 + kMutations / 100 * 100);
  }

  // A subclass made after the budget ran out is cached again, and still sees
  // every later change of Hot.
  Ref<Object> late = MakeClass("Late", AsType(in[0].hot));
  EXPECT_NE(AsType(late)->version_tag(), 0u);
  EXPECT_EQ(GetAttr(late.get(), x).get(), latest.get());
  latest = NewInt(-1);
  ASSERT_TRUE(SetAttr(in[0].hot.get(), x, latest.get()));
  EXPECT_EQ(GetAttr(late.get(), x).get(), latest.get());
  ASSERT_NO_FATAL_FAILURE(expect_reads(latest.get(), -1));
  // Shadowing in the subclass, and removing.
  Ref<Object> own = NewInt(-2);
  ASSERT_TRUE(SetAttr(in[0].child.get(), x, own.get()));
  EXPECT_EQ(GetAttr(in[0].child_instance.get(), x).get(), own.get());
  EXPECT_EQ(GetAttr(in[0].hot.get(), x).get(), latest.get());
  ASSERT_TRUE(DelAttr(in[0].child.get(), x));
  EXPECT_EQ(GetAttr(in[0].child_instance.get(), x).get(), latest.get());
  ASSERT_TRUE(DelAttr(in[0].hot.get(), x));
  EXPECT_EQ(Show(GetAttr(in[0].child_instance.get(), x)),
            "AttributeError: 'Child' object has no attribute 'x'");
  EXPECT_EQ(Show(GetAttr(late.get(), x)),
            "AttributeError: type object 'Late' has no attribute 'x'");
  {
    AttachGuard attached(*b_);
    in[1] = Classes{};
  }
}

TEST_F(HeapClassesTest, AChangeInvalidatesLookupsInItsOwnInterpreterOnly) {
  struct Chain {
    Ref<Object> base, middle, leaf, leaf_instance, base_value;
    uint32_t Tag(const Ref<Object>& cls) const { return AsType(cls)->version_tag(); }
  };
  std::array<Chain, 2> in;  // main, b: Base <- Middle <- Leaf, Base.x set
  for (size_t i = 0; i < in.size(); ++i) {
    Interpreter& interp = *interps()[i];
    AttachGuard attached(interp);
    Chain& chain = in[i];
    chain.base = MakeClass("Base", ObjectType());
    chain.middle = MakeClass("Middle", AsType(chain.base));
    chain.leaf = MakeClass("Leaf", AsType(chain.middle));
    chain.leaf_instance = CallWith(chain.leaf.get(), {});
    ASSERT_TRUE(chain.leaf_instance) << Error();
    chain.base_value = NewInt(1000 + i);
    ASSERT_TRUE(SetAttr(chain.base.get(), interp.Intern("x"), chain.base_value.get()));
    // Warm the cache.
    EXPECT_EQ(GetAttr(chain.leaf_instance.get(), "x").get(), chain.base_value.get());
    EXPECT_EQ(GetAttr(chain.leaf.get(), "x").get(), chain.base_value.get());
  }
  const std::array<uint32_t, 3> b_tags = {in[1].Tag(in[1].base), in[1].Tag(in[1].middle),
                                          in[1].Tag(in[1].leaf)};
  const uint32_t main_base_tag = in[0].Tag(in[0].base);
  const uint32_t main_leaf_tag = in[0].Tag(in[0].leaf);
  EXPECT_EQ(main_leaf_tag, b_tags[2]);

  // Middle.x in main shadows Base.x for Middle and Leaf, in main only.
  Ref<Object> shadow = NewInt(3000);
  ASSERT_TRUE(SetAttr(in[0].middle.get(), main_->Intern("x"), shadow.get()));
  EXPECT_EQ(GetAttr(in[0].leaf_instance.get(), "x").get(), shadow.get());
  EXPECT_EQ(GetAttr(in[0].leaf.get(), "x").get(), shadow.get());
  EXPECT_EQ(GetAttr(in[0].base.get(), "x").get(), in[0].base_value.get());
  EXPECT_EQ(in[0].Tag(in[0].base), main_base_tag);  // above the change: untouched
  EXPECT_NE(in[0].Tag(in[0].leaf), main_leaf_tag);
  {
    AttachGuard attached(*b_);
    EXPECT_EQ(in[1].Tag(in[1].base), b_tags[0]);
    EXPECT_EQ(in[1].Tag(in[1].middle), b_tags[1]);
    EXPECT_EQ(in[1].Tag(in[1].leaf), b_tags[2]);
    EXPECT_EQ(GetAttr(in[1].leaf_instance.get(), "x").get(), in[1].base_value.get());
    EXPECT_EQ(GetAttr(in[1].middle.get(), "x").get(), in[1].base_value.get());
    // And the other way round.
    Ref<Object> replaced = NewInt(4000);
    ASSERT_TRUE(SetAttr(in[1].base.get(), b_->Intern("x"), replaced.get()));
    EXPECT_EQ(GetAttr(in[1].leaf_instance.get(), "x").get(), replaced.get());
  }
  EXPECT_EQ(GetAttr(in[0].leaf_instance.get(), "x").get(), shadow.get());
  EXPECT_EQ(GetAttr(in[0].base.get(), "x").get(), in[0].base_value.get());

  // A builtin's change clears its interpreter's cache, and touches no other.
  TypeObject* int_type = WellKnownType(WellKnown::kInt);
  std::array<Ref<Object>, 2> numbers;  // a MyInt(1) in each, its misses cached
  for (size_t i = 0; i < numbers.size(); ++i) {
    AttachGuard attached(*interps()[i]);
    Ref<Object> my_int = MakeClass("MyInt", int_type);
    numbers[i] = CallWith(my_int.get(), {1});
    ASSERT_TRUE(numbers[i]) << Error();
    EXPECT_EQ(Show(GetAttr(numbers[i].get(), "y")),
              "AttributeError: 'MyInt' object has no attribute 'y'");
  }
  const uint32_t b_my_int_tag = numbers[1]->type()->version_tag();
  Ref<Object> y = NewInt(5000);
  main_->SetTypeDictEntry(*int_type, main_->Intern("y"), y);
  EXPECT_EQ(GetAttr(numbers[0].get(), "y").get(), y.get());
  EXPECT_EQ(GetAttr(in[0].leaf_instance.get(), "x").get(), shadow.get());  // still right
  {
    AttachGuard attached(*b_);
    EXPECT_EQ(Show(GetAttr(numbers[1].get(), "y")),
              "AttributeError: 'MyInt' object has no attribute 'y'");
    EXPECT_EQ(numbers[1]->type()->version_tag(), b_my_int_tag);
    numbers[1].reset();
    in[1] = Chain{};
  }
}

// A weak reference callback that reads probe_class.probe_name when called, and
// keeps what it read (borrowed: compared, never dereferenced).
Object* probe_class = nullptr;
const Name* probe_name = nullptr;
Object* probe_saw = nullptr;
bool probe_raised = false;

Ref<Object> Probe(Object*, const CallArgs&) {
  Ref<Object> value = GetAttr(probe_class, probe_name);
  probe_saw = value.get();
  probe_raised = !value;
  ClearException();
  return NoneRef();
}
constexpr TypeMember kProbe = StaticMethod("probe", &Probe);

// Replacing or removing a type's attribute can free the old value, whose weak
// references' callbacks then run code; that code must find the new state, never
// a cached pointer to the dying value. For a heap class and for int.
TEST_F(HeapClassesTest, CodeRunByTheOldValueDyingSeesTheNewValue) {
  for (Interpreter* interp : interps()) {
    AttachGuard attached(*interp);
    Ref<Object> holder = MakeClass("Holder", ObjectType());
    Ref<Object> probe = NewBuiltinFunction(&kProbe, nullptr);
    probe_name = interp->Intern("x");
    for (Object* target : {holder.get(), static_cast<Object*>(WellKnownType(WellKnown::kInt))}) {
      TypeObject& type = *static_cast<TypeObject*>(target);
      probe_class = target;
      // Each round stores a fresh instance as target.x, with a probing weak
      // reference to it, then drops it by replacing or removing target.x.
      enum How { kSetAttr, kSetEntry, kDelAttr, kRemoveEntry };
      for (How how : {kSetAttr, kSetEntry, kDelAttr, kRemoveEntry}) {
        if (type.IsStaticBuiltin() && (how == kSetAttr || how == kDelAttr)) continue;
        SCOPED_TRACE(std::string(type.name()) + " " + std::to_string(how));
        Ref<Object> old = CallWith(holder.get(), {});
        ASSERT_TRUE(old) << Error();
        Ref<Object> watch = CallWith(WellKnownType(WellKnown::kWeakRef), {old, probe});
        ASSERT_TRUE(watch) << Error();
        interp->SetTypeDictEntry(type, probe_name, old);
        EXPECT_EQ(GetAttr(target, probe_name).get(), old.get());  // now cached
        old.reset();
        probe_saw = nullptr;
        probe_raised = false;
        Ref<Object> replacement = NewInt(6000 + how);
        switch (how) {
          case kSetAttr:
            ASSERT_TRUE(SetAttr(target, probe_name, replacement.get()));
            break;
          case kSetEntry:
            interp->SetTypeDictEntry(type, probe_name, replacement);
            break;
          case kDelAttr:
            ASSERT_TRUE(DelAttr(target, probe_name));
            break;
          case kRemoveEntry:
            ASSERT_TRUE(interp->RemoveTypeDictEntry(type, probe_name));
            break;
        }
        EXPECT_EQ(CallWith(watch.get(), {}).get(), None());  // the old value died
        if (how == kSetAttr || how == kSetEntry) {
          EXPECT_EQ(probe_saw, replacement.get());
        } else {
          EXPECT_TRUE(probe_raised);
        }
      }
    }
  }
}

}  // namespace
}  // namespace islet
