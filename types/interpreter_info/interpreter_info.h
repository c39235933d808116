// `islet.InterpreterInfo`: a struct sequence (a named tuple) describing one
// interpreter, for the embedding API and, later, an `islet` module:
//
//   Ref<Object> info = NewInterpreterInfo(*Interpreter::Current());
//   // islet.InterpreterInfo(id=0, is_main=True, attached_threads=1, live_objects=12)

#ifndef ISLET_TYPES_INTERPRETER_INFO_INTERPRETER_INFO_H_
#define ISLET_TYPES_INTERPRETER_INFO_INTERPRETER_INFO_H_

#include "interp/interpreter.h"
#include "runtime/object.h"
#include "runtime/static_type.h"

namespace islet {

extern StaticType kInterpreterInfoType;

// A snapshot of `interp`, allocated in the current interpreter: its id, whether
// it is the main one, the threads attached to it and its live objects (counted
// before the snapshot itself is allocated). `interp` must be the current
// interpreter or one no thread is running in.
Ref<Object> NewInterpreterInfo(Interpreter& interp);

}  // namespace islet

#endif  // ISLET_TYPES_INTERPRETER_INFO_INTERPRETER_INFO_H_
