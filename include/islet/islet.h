// islet's embedding API: include this one header (with `-I <sdk>/include`) and
// link libislet (the .so, or the .a with -Wl,--whole-archive).
//
//   #include "islet/islet.h"
//
//   islet::Runtime::Initialize();                      // once per process
//   absl::StatusOr<islet::Interpreter*> interp = islet::Runtime::CreateInterpreter();
//   {
//     islet::AttachGuard attached(**interp);           // this thread works in it
//     islet::Ref<islet::Object> answer = islet::NewInt(42);
//     std::optional<std::string> text = islet::ReprText(answer.get());  // "42"
//   }
//   islet::Runtime::DestroyInterpreter(*interp);
//   islet::Runtime::Finalize();
//
// Every interpreter is isolated: objects belong to the interpreter that made
// them, and a thread touches them only while attached to it; handing one to
// another interpreter's API raises RuntimeError (interp/ownership.h). Failures are
// absl::Status values at this boundary; inside, Python exceptions
// (objects/errors.h: TakeExceptionAsStatus turns one into a status).

#ifndef ISLET_ISLET_H_
#define ISLET_ISLET_H_

#include "interp/heap_type.h"
#include "interp/interpreter.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/protocol.h"
#include "objects/queue.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/well_known.h"
#include "runtime/runtime.h"

#endif  // ISLET_ISLET_H_
