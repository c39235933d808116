#include "tests/isolation/isolation_test_support.h"

#include <atomic>

#include "absl/status/statusor.h"
#include "gtest/gtest.h"
#include "objects/descriptors.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/well_known.h"
#include "runtime/runtime.h"
#include "runtime/str_cat.h"

namespace islet::testing {

// --- IsolationTest ---

void IsolationTest::SetUp() {
  ASSERT_NO_FATAL_FAILURE(ObjectTest::SetUp());
  main_ = interp_;
  absl::StatusOr<Interpreter*> b = Runtime::CreateInterpreter();
  ASSERT_TRUE(b.ok()) << b.status();
  absl::StatusOr<Interpreter*> c = Runtime::CreateInterpreter();
  ASSERT_TRUE(c.ok()) << c.status();
  b_ = *b;
  c_ = *c;
}

// --- Helpers ---

Ref<Object> MakeClass(std::string_view name, TypeObject* base) {
  Ref<Object> cls = Call(WellKnownType(WellKnown::kType),
                         {NewStr(name).get(), NewTuple({base}).get(), NewDict().get()});
  EXPECT_TRUE(cls) << ErrorText();
  return cls;
}

std::vector<Object*> Subclasses(Object* type) {
  Ref<Object> list = CallMethod(type, "__subclasses__", {});
  EXPECT_TRUE(list) << ErrorText();
  std::vector<Object*> items;
  if (list) {
    for (const Ref<Object>& item : ListItems(list.get())) items.push_back(item.get());
  }
  return items;
}

std::optional<int64_t> IntValue(const Ref<Object>& object) {
  if (!object || !IsInstance(object.get(), WellKnown::kInt)) return std::nullopt;
  return IntAsInt64(object.get());
}

std::string ErrorText() { return std::string(TakeExceptionAsStatus().message()); }

// --- NewCallCounter ---

namespace {

constinit std::atomic<int> call_count{0};

Ref<Object> CountCall(Object*, const CallArgs&) {
  call_count.fetch_add(1, std::memory_order_relaxed);
  return NoneRef();
}

constexpr TypeMember kCallCounter = StaticMethod("count_call", &CountCall);

}  // namespace

Ref<Object> NewCallCounter() { return NewBuiltinFunction(&kCallCounter, nullptr); }
int CallCount() { return call_count.load(std::memory_order_relaxed); }
void ResetCallCount() { call_count.store(0, std::memory_order_relaxed); }

// --- PointWorkload ---

namespace {

Ref<TypeObject> NewClass(std::string_view name, TypeObject* base) {
  Ref<Object> cls = MakeClass(name, base);
  return Ref<TypeObject>::Steal(static_cast<TypeObject*>(cls.release()));
}

}  // namespace

PointWorkload::PointWorkload(int64_t seed) : interp_(Interpreter::Current()), seed_(seed) {
  point_ = NewClass("Point", WellKnownType(WellKnown::kObject));
  if (point_) point3d_ = NewClass("Point3D", point_.get());
  if (point_) point_instance_ = Call(point_.get(), {});
  if (point3d_) point3d_instance_ = Call(point3d_.get(), {});
}

std::string PointWorkload::Round(int round) {
  if (!point3d_instance_) return "the classes or instances could not be made";
  if (Interpreter::Current() != interp_) return "run in another interpreter";
  // `count` is a name builtin types use, so every interpreter interns it to the
  // same Name: with coinciding tags, the cache keys (tag, name) are equal too.
  const Name* count = interp_->Intern("count");
  Object* readers[] = {point_.get(), point3d_.get(), point_instance_.get(),
                       point3d_instance_.get()};
  if (round % 3 == 2) {
    bool removed = round % 2 == 0 ? DelAttr(point_.get(), count)
                                  : interp_->RemoveTypeDictEntry(*point_, count);
    if (!removed) return StrCat("round ", round, ": removing failed: ", ErrorText());
    ++mutations_;
    for (Object* reader : readers) {
      if (Ref<Object> found = GetAttr(reader, count)) {
        return StrCat("round ", round, ": read ", ReprText(found.get()).value_or("?"),
                      " after removing");
      }
      if (!ExceptionMatches(WellKnown::kAttributeError))
        return StrCat("round ", round, ": ", ErrorText());
      ClearException();
    }
    return "";
  }
  Ref<Object> value = NewInt(seed_ * 1'000'000 + round);
  if (round % 2 == 0) {
    if (!SetAttr(point_.get(), count, value.get())) {
      return StrCat("round ", round, ": setting failed: ", ErrorText());
    }
  } else {
    interp_->SetTypeDictEntry(*point_, count, value);
  }
  ++mutations_;
  for (Object* reader : readers) {
    Ref<Object> found = GetAttr(reader, count);
    if (!found || found.get() != value.get() || found->owner() != interp_) {
      return StrCat("round ", round, ": expected ", seed_ * 1'000'000 + round, ", read ",
                    found ? ReprText(found.get()).value_or("?") : ErrorText());
    }
  }
  return "";
}

}  // namespace islet::testing
