// What the isolation tests share: a fixture with three interpreters, classes made
// the way a program makes them, a weak reference callback whose calls outlive its
// interpreter, and PointWorkload, the one program every interpreter (or thread)
// runs so that their heap version tags coincide.
//
//   class MyTest : public testing::IsolationTest {};
//
//   TEST_F(MyTest, Something) {
//     for (Interpreter* interp : interps()) {
//       AttachGuard attached(*interp);
//       Ref<Object> point = MakeClass("Point", WellKnownType(WellKnown::kObject));
//       ...
//     }
//   }

#ifndef ISLET_TESTS_ISOLATION_ISOLATION_TEST_SUPPORT_H_
#define ISLET_TESTS_ISOLATION_ISOLATION_TEST_SUPPORT_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "interp/interpreter.h"
#include "runtime/object.h"
#include "runtime/type_object.h"
#include "tests/testing/object_test_support.h"

namespace islet::testing {

// IsolationTest: an ObjectTest (the main interpreter attached throughout) with two
// subinterpreters; a test works in one with a scoped AttachGuard, which releases
// the main interpreter's lock until it ends. Runtime::Finalize destroys them.
class IsolationTest : public ObjectTest {
 protected:
  void SetUp() override;

  // main, b, c.
  std::array<Interpreter*, 3> interps() const { return {main_, b_, c_}; }

  Interpreter* main_ = nullptr;
  Interpreter* b_ = nullptr;
  Interpreter* c_ = nullptr;
};

// MakeClass(name, base): type(name, (base,), {}), a class in the current
// interpreter; null (and a test failure) if that raises.
Ref<Object> MakeClass(std::string_view name, TypeObject* base);
inline TypeObject* AsType(const Ref<Object>& object) {
  return static_cast<TypeObject*>(object.get());
}
// Subclasses(type): the items of type.__subclasses__(), borrowed (they outlive the
// list only while something else holds them).
std::vector<Object*> Subclasses(Object* type);
// IntValue(object): the value of an int; nullopt if `object` is null or no int.
std::optional<int64_t> IntValue(const Ref<Object>& object);
// ErrorText(): takes the pending exception, as "TypeError: message".
std::string ErrorText();

// NewCallCounter(): a builtin function, in the current interpreter, that counts
// its calls (process-wide) and returns None. As a weak reference callback, its
// calls can be checked after its interpreter is gone.
Ref<Object> NewCallCounter();
int CallCount();
void ResetCallCount();

// PointWorkload: the program each interpreter runs in the mutation tests. In the
// current interpreter it makes Point(object), Point3D(Point) and an instance of
// each; round after round it sets Point's class attribute `count` (through
// SetAttr on the class or Interpreter::SetTypeDictEntry, alternately) to a fresh
// int, or every third round removes it, and reads it back through both classes
// and both instances. Every interpreter running it hands out the same version
// tags; `seed` makes its values its own. Create, run and destroy it while
// attached to one interpreter.
class PointWorkload {
 public:
  explicit PointWorkload(int64_t seed);

  // Runs round `round`; returns "" or what went wrong.
  std::string Round(int round);

  uint32_t point_tag() const { return point_->version_tag(); }
  uint32_t point3d_tag() const { return point3d_->version_tag(); }
  // Dict changes made to Point so far (each costs one version tag).
  int mutations() const { return mutations_; }

 private:
  Interpreter* interp_;
  int64_t seed_;
  int mutations_ = 0;
  Ref<TypeObject> point_;
  Ref<TypeObject> point3d_;
  Ref<Object> point_instance_;
  Ref<Object> point3d_instance_;
};

}  // namespace islet::testing

#endif  // ISLET_TESTS_ISOLATION_ISOLATION_TEST_SUPPORT_H_
