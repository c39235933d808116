// RunOnThreadWithStack: runs a function on a new thread whose stack has a given
// size, as a host program's threads may have (pthread attributes), and waits for
// it. For tests of the stack guard (runtime/stack_limit.h) on small stacks.
//
//   RunOnThreadWithStack(256 * 1024, [&] { status = interp->Exec(source); });

#ifndef ISLET_TESTS_TESTING_THREAD_WITH_STACK_H_
#define ISLET_TESTS_TESTING_THREAD_WITH_STACK_H_

#include <cstddef>
#include <functional>

namespace islet::testing {

// Fails the test (gtest) if the thread cannot be made.
void RunOnThreadWithStack(size_t stack_size, std::function<void()> body);

}  // namespace islet::testing

#endif  // ISLET_TESTS_TESTING_THREAD_WITH_STACK_H_
