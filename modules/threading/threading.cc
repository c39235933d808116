// The `threading` module: Thread and Lock (types/thread), current_thread(),
// main_thread(), get_ident() and active_count(); and the embedder's waits
// (threading.h).
//
// Each interpreter that imports the module gets its own main-thread object
// ("MainThread", the thread that imported it), as CPython's threading makes a
// _MainThread at import.

#include "modules/threading/threading.h"

#include <atomic>
#include <string>
#include <utility>

#include "modules/native_module.h"
#include "objects/args.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/protocol.h"
#include "runtime/runtime.h"
#include "runtime/str_cat.h"
#include "types/thread/thread.h"

namespace islet {

void WaitForThreads(Interpreter& interp) { JoinThreadsOf(interp.id()); }

void WaitForAllThreads() { JoinAllThreads(); }

int64_t RunningThreads(Interpreter& interp) { return RunningThreadCount(interp.id()); }

namespace {

// "Dummy-N" names threads threading did not start, other than the main one.
constinit std::atomic<int64_t> dummies_named{0};

bool FillThreading(Object* module) {
  StaticType* lock_type = Runtime::FindStaticType("threading.Lock");
  if (!SetModuleAttr(module, "Thread", Ref<Object>::Borrow(&kThreadType))) return false;
  if (lock_type != nullptr && !SetModuleAttr(module, "Lock", Ref<Object>::Borrow(lock_type))) {
    return false;
  }
  Ref<Object> main = NewForeignThread("MainThread", /*daemon=*/false);
  const int64_t main_ident = CurrentThreadIdent();

  Ref<Object> current_thread =
      NewFunction("current_thread", [main, main_ident](const CallArgs& args) {
        if (!CheckPositional(args, "current_thread", 0, 0)) return Ref<Object>();
        if (Object* running = CurrentThreadObject()) return Ref<Object>::Borrow(running);
        if (CurrentThreadIdent() == main_ident) return main;
        return NewForeignThread(
            StrCat("Dummy-", dummies_named.fetch_add(1, std::memory_order_relaxed) + 1),
            /*daemon=*/true);
      });
  Ref<Object> main_thread = NewFunction("main_thread", [main](const CallArgs& args) {
    if (!CheckPositional(args, "main_thread", 0, 0)) return Ref<Object>();
    return main;
  });
  Ref<Object> get_ident = NewFunction("get_ident", [](const CallArgs& args) {
    if (!CheckPositional(args, "get_ident", 0, 0)) return Ref<Object>();
    return NewInt(CurrentThreadIdent());
  });
  // The threads this interpreter started and that still run, plus the calling
  // one (CPython counts its main thread and the threads it knows of).
  Ref<Object> active_count = NewFunction("active_count", [](const CallArgs& args) {
    if (!CheckPositional(args, "active_count", 0, 0)) return Ref<Object>();
    return NewInt(RunningThreadCount(Interpreter::Current()->id()) + 1);
  });
  const std::pair<const char*, Ref<Object>*> functions[] = {
      {"current_thread", &current_thread},
      {"main_thread", &main_thread},
      {"get_ident", &get_ident},
      {"active_count", &active_count},
  };
  for (const auto& [name, value] : functions) {
    if (!*value || !SetModuleAttr(module, name, *value)) return false;
  }
  return true;
}

}  // namespace

ISLET_NATIVE_MODULE(kThreadingModule, "threading", &FillThreading);

}  // namespace islet
