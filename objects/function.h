// Functions and bound methods.
//
// A `function` is a callable that binds when looked up through an instance, as a
// Python function does: C().f is a `method` (`f` bound to the instance), calling
// which calls f(instance, *args). The embedder writes one in C++:
//
//   Ref<Object> greet = NewFunction("greet", [](const CallArgs& args) -> Ref<Object> {
//     if (!CheckPositional(args, "greet", 1, 1)) return nullptr;
//     return NewStr("hello");
//   });
//   interp.SetTypeDictEntry(*cls, interp.Intern("greet"), greet);  // C().greet()
//
// A function body follows the slots' error convention (runtime/type_object.h):
// null with an exception pending.

#ifndef ISLET_OBJECTS_FUNCTION_H_
#define ISLET_OBJECTS_FUNCTION_H_

#include <functional>
#include <string>
#include <string_view>

#include "runtime/object.h"
#include "runtime/type_object.h"

namespace islet {

using FunctionBody = std::function<Ref<Object>(const CallArgs& args)>;

class FunctionObject : public Object {
 public:
  FunctionObject(std::string name, FunctionBody body)
      : name(name), qualname(std::move(name)), body(std::move(body)) {}
  std::string name;
  std::string qualname;
  std::string module;  // __module__: the defining module's name; empty: None
  FunctionBody body;   // empty once cleared by interpreter teardown

  // The body may capture references, so teardown drops it to break cycles.
  static void Clear(Object* self) { static_cast<FunctionObject*>(self)->body = nullptr; }
};

// A function named `name` (also its __qualname__) in the current interpreter.
Ref<Object> NewFunction(std::string_view name, FunctionBody body);

class MethodObject : public Object {
 public:
  MethodObject(Ref<Object> function, Ref<Object> self)
      : function(std::move(function)), self(std::move(self)) {}
  Ref<Object> function;
  Ref<Object> self;

  static void Clear(Object* object) {
    auto* method = static_cast<MethodObject*>(object);
    method->function.reset();
    method->self.reset();
  }
};

// `function` bound to `self` (a `method`), in the current interpreter.
Ref<Object> NewMethod(Ref<Object> function, Ref<Object> self);

}  // namespace islet

#endif  // ISLET_OBJECTS_FUNCTION_H_
