#include "tests/testing/thread_with_stack.h"

#include <pthread.h>

#include <utility>

#include "gtest/gtest.h"

namespace islet::testing {

void RunOnThreadWithStack(size_t stack_size, std::function<void()> body) {
  pthread_attr_t attr;
  ASSERT_EQ(pthread_attr_init(&attr), 0);
  ASSERT_EQ(pthread_attr_setstacksize(&attr, stack_size), 0);
  pthread_t thread;
  auto run = [](void* arg) -> void* {
    (*static_cast<std::function<void()>*>(arg))();
    return nullptr;
  };
  const int created = pthread_create(&thread, &attr, run, &body);
  pthread_attr_destroy(&attr);
  ASSERT_EQ(created, 0);
  ASSERT_EQ(pthread_join(thread, nullptr), 0);
}

}  // namespace islet::testing
