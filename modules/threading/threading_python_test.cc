// The threading module from Python code, with the real language: a Thread
// subclass overriding run(), a Lock shared by threads, names and
// current_thread() inside threads, and an uncaught exception's report.
// Tagged `concurrency`.

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lang/eval.h"
#include "lang/traceback.h"
#include "modules/threading/threading.h"
#include "objects/errors.h"
#include "tests/testing/object_test_support.h"

namespace islet {
namespace {

class ThreadingPythonTest : public testing::RuntimeTest {
 protected:
  void TearDown() override {
    WaitForAllThreads();
    RuntimeTest::TearDown();
  }
  // What `source` printed, then the uncaught exception's last line if it raised.
  static std::string Run(std::string_view source) {
    ::testing::internal::CaptureStdout();
    bool ok = lang::ExecMain(source, "test.py");
    std::string out = ::testing::internal::GetCapturedStdout();
    if (!ok) {
      Ref<Object> error = TakeException();
      std::string text = lang::FormatUncaught(error.get());
      out += text.substr(text.rfind('\n', text.size() - 2) + 1);
    }
    return out;
  }
};

TEST_F(ThreadingPythonTest, SubclassOverridingRun) {
  EXPECT_EQ(Run(R"(
import threading
class Worker(threading.Thread):
    def __init__(self, n):
        super().__init__(name='worker-' + str(n))
        self.n = n
        self.result = None
    def run(self):
        self.result = self.n * 10
        self.seen = threading.current_thread() is self
workers = [Worker(i) for i in range(3)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print([w.result for w in workers], [w.seen for w in workers], workers[1].name)
print(workers[0].is_alive(), threading.current_thread().name, threading.active_count())
)"),
            "[0, 10, 20] [True, True, True] worker-1\nFalse MainThread 1\n");
}

TEST_F(ThreadingPythonTest, LockSharedByThreads) {
  EXPECT_EQ(Run(R"(
import threading
lock = threading.Lock()
counts = [0]
def work():
    for i in range(100):
        lock.acquire()
        try:
            counts[0] += 1
        finally:
            lock.release()
threads = [threading.Thread(target=work) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counts[0], lock.locked(), threads[0].name)
print(lock.__enter__(), lock.locked(), lock.__exit__(None, None, None), lock.locked())
)"),
            "400 False Thread-1 (work)\nTrue True None False\n");
  EXPECT_EQ(Run("threading.Lock().release()"), "RuntimeError: release unlocked lock\n");
  EXPECT_EQ(Run("t = threading.Thread()\nt.start()\nt.start()"),
            "RuntimeError: threads can only be started once\n");
}

TEST_F(ThreadingPythonTest, UncaughtExceptionInAThread) {
  ::testing::internal::CaptureStderr();
  EXPECT_EQ(Run(R"(
import threading
def fail():
    raise KeyError('k')
t = threading.Thread(target=fail)
t.start()
t.join()
print(t.is_alive())
)"),
            "False\n");
  EXPECT_EQ(::testing::internal::GetCapturedStderr(),
            "Exception in thread Thread-1 (fail):\nKeyError: 'k'\n");
}

}  // namespace
}  // namespace islet
