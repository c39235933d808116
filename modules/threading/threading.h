// The `threading` module (threading.cc) and what an embedder needs of it.
//
// Threads a program starts hold their interpreter (they count as attached to
// it), so an interpreter cannot be destroyed, nor the runtime finalized, while
// one runs. Before finalizing, the embedder waits for them, as CPython's
// Py_Finalize does through threading._shutdown:
//
//   islet::WaitForAllThreads();               // non-daemon threads, all interpreters
//   if (!Runtime::Finalize().ok()) ...        // a daemon thread still runs: skip it,
//                                             // the process is exiting anyway
//
// Daemon threads exist only in the main interpreter (subinterpreters refuse
// them, as CPython's isolated ones do), so a subinterpreter whose threads were
// waited for can always be destroyed.

#ifndef ISLET_MODULES_THREADING_THREADING_H_
#define ISLET_MODULES_THREADING_THREADING_H_

#include <cstdint>

#include "interp/interpreter.h"

namespace islet {

// WaitForThreads(interp): returns once no non-daemon thread started in `interp`
// runs (threads they start meanwhile included). Call it attached to any
// interpreter or to none: the calling thread's interpreter lock is released
// while it waits, so those threads can run. A thread started by `interp` that
// calls it does not wait for itself.
void WaitForThreads(Interpreter& interp);
// WaitForAllThreads(): the same for every interpreter.
void WaitForAllThreads();
// RunningThreads(interp): threads started in `interp`, daemon ones included,
// that have not finished.
int64_t RunningThreads(Interpreter& interp);

}  // namespace islet

#endif  // ISLET_MODULES_THREADING_THREADING_H_
