// Static types under attack from two interpreters at once (run under
// ThreadSanitizer by CI, tag `concurrency`): each thread's interpreter tries
// every way Python code has to write to a shared builtin type (type's
// descriptors called directly, setattr and delattr, object.__setattr__,
// __class__ assignment) while reading the types' names. Every write must be a
// TypeError and every read see the original; a write that got through would
// also be a data race between the two threads (issue 11: TSan reported one on
// the type's name).

#include <latch>
#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "interp/interpreter.h"
#include "runtime/runtime.h"

namespace islet {
namespace {

constexpr char kAttacker[] = R"(
NoneType = type(None)
TYPES = (object, int, str, type, NoneType, float, list, dict)
ATTRIBUTES = ('__name__', '__qualname__', '__module__', '__doc__', '__bases__', '__class__')
EXPECTED = [(t.__name__, t.__qualname__, t.__module__, repr(t), t.__doc__) for t in TYPES]
descriptors = type.__dict__
refusals = 0

def refused(action, *args):
    global refusals
    try:
        action(*args)
    except TypeError:
        refusals += 1
        return
    raise AssertionError(f'{action} {args} was allowed')

for round in range(ROUNDS):
    for t in TYPES:
        for name in ATTRIBUTES:
            if name in descriptors:
                refused(descriptors[name].__set__, t, 'HACKED')
                refused(descriptors[name].__delete__, t)
            refused(setattr, t, name, 'HACKED')
            refused(delattr, t, name)
            refused(object.__setattr__, t, name, 'HACKED')
            refused(object.__delattr__, t, name)
            refused(type.__setattr__, t, name, 'HACKED')
        refused(object.__dict__['__class__'].__set__, t, type)
        refused(setattr, 5, '__class__', t)
    seen = [(t.__name__, t.__qualname__, t.__module__, repr(t), t.__doc__) for t in TYPES]
    if seen != EXPECTED:
        raise AssertionError(f'round {round}: {seen} != {EXPECTED}')
assert refusals == ROUNDS * len(TYPES) * 42, refusals  # 5 names of type x 7 ways, __class__ x 7
)";

TEST(ImmutableTypesConcurrentTest, TwoInterpretersWritingStaticTypesAtOnceChangeNothing) {
  ASSERT_TRUE(Runtime::Initialize().ok());
  constexpr int kThreads = 2;
  std::vector<std::string> errors(kThreads);
  std::latch start(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      absl::StatusOr<Interpreter*> interp = Runtime::CreateInterpreter();
      start.arrive_and_wait();  // both attack at once
      if (!interp.ok()) {
        errors[t] = std::string(interp.status().message());
        return;
      }
      absl::Status status = (*interp)->Exec(std::string("ROUNDS = 20\n") + kAttacker);
      if (!status.ok()) errors[t] = std::string(status.message());
      if (absl::Status destroyed = Runtime::DestroyInterpreter(*interp); !destroyed.ok()) {
        errors[t] += std::string(destroyed.message());
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(errors[t], "") << "thread " << t;
  // The main interpreter, which attacked nothing, sees the originals.
  EXPECT_TRUE(Runtime::MainInterpreter()->Exec(std::string("ROUNDS = 1\n") + kAttacker).ok());
  ASSERT_TRUE(Runtime::Finalize().ok());
}

}  // namespace
}  // namespace islet
