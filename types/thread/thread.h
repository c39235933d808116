// `threading.Thread`: a thread of control running Python code in the
// interpreter that started it, and the bookkeeping the threading module and the
// embedder need about such threads.
//
//   t = threading.Thread(target=worker, args=(1,))   # "Thread-1 (worker)"
//   t.start()      # a new OS thread, attached to this interpreter, runs t.run()
//   t.join()       # waits with this interpreter's lock released
//
// Lifetimes. A started thread holds what it runs: its Thread object (and so the
// target and its arguments), as a reference taken at start() and dropped by the
// OS thread itself while attached, so the Python object may be dropped by the
// program at any time. It also holds an InterpreterPin (runtime/runtime.h) taken
// at start(): the interpreter counts it as attached from before start() returns
// until its last touch, so it cannot be destroyed under it. The OS thread is
// detached; the end of a thread is observed through its ThreadCore (a
// shared_ptr both sides hold), which is marked finished after the thread has
// let go of the interpreter, so a waiter that sees it finished may destroy the
// interpreter.
//
// Daemon threads exist only in the main interpreter, as in CPython's isolated
// subinterpreters ("daemon threads are disabled in this (sub)interpreter"), so
// waiting for a subinterpreter's non-daemon threads waits for all of them.

#ifndef ISLET_TYPES_THREAD_THREAD_H_
#define ISLET_TYPES_THREAD_THREAD_H_

#include <cstdint>
#include <string_view>

#include "runtime/object.h"
#include "runtime/static_type.h"

namespace islet {

extern StaticType kThreadType;

// CurrentThreadIdent(): threading.get_ident(), a nonzero number naming the
// calling OS thread, unique in the process (islet's idents are never reused).
int64_t CurrentThreadIdent();

// JoinThreadsOf(interpreter_id): waits until no non-daemon thread started in
// that interpreter is running, threads started meanwhile included (CPython's
// threading._shutdown). Waits with the calling thread's interpreter lock
// released (ReleaseLockGuard), so threads of that interpreter can finish.
void JoinThreadsOf(int64_t interpreter_id);
// JoinAllThreads(): the same for every interpreter, until none has one left.
void JoinAllThreads();
// Threads started in that interpreter (daemon ones included) not yet finished.
int64_t RunningThreadCount(int64_t interpreter_id);

// The Thread object the calling OS thread runs in the current interpreter (a
// thread it started), or nullptr (the main thread, an embedder's thread).
Object* CurrentThreadObject();
// NewForeignThread(name, daemon): a Thread object for a thread threading did
// not start (CPython's _MainThread and _DummyThread): started, alive, its ident
// the calling thread's. Made in the current interpreter.
Ref<Object> NewForeignThread(std::string_view name, bool daemon);

}  // namespace islet

#endif  // ISLET_TYPES_THREAD_THREAD_H_
