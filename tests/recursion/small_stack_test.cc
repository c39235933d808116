// Host threads with small stacks (1 MiB, 256 KiB) attached to an interpreter
// get RecursionError, never a crash, for deep Python recursion and for deep
// native recursion (repr, comparison, hashing, iterator chains): the stack
// guard measures each thread's own stack. Parsing and evaluating the most
// deeply nested code the parser accepts fits too, and so does unwinding from
// the guard's limit while freeing nested structures.

#include <cstddef>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "interp/interpreter.h"
#include "runtime/runtime.h"
#include "tests/testing/thread_with_stack.h"

namespace islet {
namespace {

using ::islet::testing::RunOnThreadWithStack;
using ::testing::AnyOf;
using ::testing::IsEmpty;
using ::testing::StartsWith;

constexpr size_t kKiB = 1024;

// Builds `name`, a structure nested `depth` times (`wrap` wraps x once).
std::string Nested(const std::string& name, const std::string& start, const std::string& wrap,
                   int depth) {
  return name + " = " + start + "\nfor _ in range(" + std::to_string(depth) + "):\n    " + name +
         " = " + wrap + "\n";
}

class SmallStackTest : public ::testing::TestWithParam<size_t> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(Runtime::Initialize().ok());
    absl::StatusOr<Interpreter*> sub = Runtime::CreateInterpreter();
    ASSERT_TRUE(sub.ok());
    interp_ = *sub;
  }
  void TearDown() override {
    EXPECT_TRUE(Runtime::DestroyInterpreter(interp_).ok());
    EXPECT_TRUE(Runtime::Finalize().ok());
  }

  // Runs `source` on a thread with the test's stack size; its status.
  absl::Status ExecOnSmallStack(const std::string& source) {
    absl::Status status;
    RunOnThreadWithStack(GetParam(), [&] { status = interp_->Exec(source); });
    return status;
  }

  Interpreter* interp_ = nullptr;
};

TEST_P(SmallStackTest, DeepPythonRecursionRaisesRecursionError) {
  absl::Status status = ExecOnSmallStack("def f(n):\n    return f(n + 1)\nf(0)\n");
  EXPECT_THAT(std::string(status.message()), StartsWith("RecursionError: "));
  // The thread is still usable, and so is the interpreter.
  EXPECT_TRUE(ExecOnSmallStack("assert [1][0] == 1").ok());
}

// Nested deeper than a 1 MiB stack holds, in any build.
constexpr int kDepth = 20000;

TEST_P(SmallStackTest, DeepNativeRecursionRaisesRecursionError) {
  ASSERT_TRUE(ExecOnSmallStack(Nested("x", "[]", "[x]", kDepth) + Nested("y", "[]", "[y]", kDepth) +
                               Nested("t", "()", "(t,)", kDepth) +
                               Nested("m", "iter([1])", "map(abs, m)", kDepth) +
                               Nested("c", "int", "(c,)", kDepth) +
                               "d = {}\nd['self'] = d\ne = {}\ne['self'] = e\n")
                  .ok());
  for (const char* source : {"repr(x)", "str(x)", "x == y", "x < y", "d == e", "hash(t)", "list(m)",
                             "isinstance(1, c)"}) {
    SCOPED_TRACE(source);
    EXPECT_THAT(std::string(ExecOnSmallStack(source).message()),
                StartsWith("RecursionError: Stack overflow (used "));
  }
}

// Each Python frame holds a structure nested deeper than Dealloc goes before it
// defers: the frames that unwind from the guard's limit free them within the
// margin the guard leaves.
TEST_P(SmallStackTest, UnwindingFromTheLimitFreesNestedStructures) {
  absl::Status status = ExecOnSmallStack(
      "def f(n):\n    x = []\n    for _ in range(40):\n        x = [x]\n    return f(n + 1)\n"
      "f(0)\n");
  EXPECT_THAT(std::string(status.message()), StartsWith("RecursionError: "));
  status = ExecOnSmallStack(Nested("x", "[]", "[x]", kDepth) + "del x\n");
  EXPECT_TRUE(status.ok()) << status;
}

// Code nested as deep as the parser accepts needs more stack than a small
// thread has: parsing, name resolution and evaluation each stop with CPython's
// error for it, or run, but never overflow. Moderate nesting runs.
TEST_P(SmallStackTest, DeeplyNestedCodeRunsOrFailsCleanly) {
  auto chain = [](int terms) {
    std::string source = "x = 1";
    for (int i = 1; i < terms; ++i) source += " + 1";
    return source + "\nassert x == " + std::to_string(terms) + ", x";
  };
  EXPECT_TRUE(ExecOnSmallStack("x = " + std::string(10, '[') + std::string(10, ']')).ok());
  EXPECT_TRUE(ExecOnSmallStack(chain(100)).ok());
  const auto ran_or_failed_cleanly = AnyOf(
      IsEmpty(), StartsWith("MemoryError: Parser stack overflowed - Python source too complex"),
      StartsWith("RecursionError: Stack overflow (used "));
  std::string attributes;
  for (int i = 0; i < 1990; ++i) attributes += ".b";
  for (const std::string& source : {"x = " + std::string(199, '[') + std::string(199, ']'),
                                    "x = " + std::string(199, '-') + "1", chain(1990),
                                    "class A:\n    pass\na = A()\na.b = a\nx = a" + attributes}) {
    SCOPED_TRACE(source.substr(0, 20));
    EXPECT_THAT(std::string(ExecOnSmallStack(source).message()), ran_or_failed_cleanly);
  }
  EXPECT_THAT(std::string(ExecOnSmallStack("x = " + std::string(100000, '(')).message()),
              AnyOf(StartsWith("SyntaxError: too many nested parentheses"),
                    StartsWith("MemoryError: Parser stack overflowed")));
}

INSTANTIATE_TEST_SUITE_P(HostThreads, SmallStackTest, ::testing::Values(256 * kKiB, 1024 * kKiB),
                         [](const ::testing::TestParamInfo<size_t>& info) {
                           return std::to_string(info.param / kKiB) + "KiB";
                         });

}  // namespace
}  // namespace islet
