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
#include <memory>
#include <string>
#include <string_view>

#include "runtime/object.h"
#include "runtime/type_object.h"

namespace islet {

using FunctionBody = std::function<Ref<Object>(const CallArgs& args)>;

// FunctionCaptures: the references a function's body holds, shown to the cycle
// collector, which cannot see into a std::function. A body that keeps objects a
// reference cycle can run through (a Python function's defaults, closure cells
// and globals) declares them here and its function object reports them. Each
// is reported once only if one function object owns the captures: give each
// function its own.
class FunctionCaptures {
 public:
  virtual ~FunctionCaptures() = default;
  virtual void Traverse(const Visitor& visit) const = 0;
};

class FunctionObject : public Object {
 public:
  FunctionObject(std::string name, FunctionBody body,
                 std::shared_ptr<const FunctionCaptures> captures)
      : name(name),
        qualname(std::move(name)),
        body(std::move(body)),
        captures(std::move(captures)) {}
  std::string name;
  std::string qualname;
  std::string module;  // __module__: the defining module's name; empty: None
  FunctionBody body;   // empty once cleared
  // What `body` holds, for the collector; null if it declared nothing (its
  // references then only keep garbage alive, until teardown clears it).
  std::shared_ptr<const FunctionCaptures> captures;

  // The body may capture references, so clearing drops it to break cycles.
  static void Clear(Object* self) {
    auto* function = static_cast<FunctionObject*>(self);
    function->body = nullptr;
    function->captures.reset();
  }
  static void Traverse(Object* self, const Visitor& visit) {
    if (const FunctionCaptures* captures = static_cast<FunctionObject*>(self)->captures.get()) {
      captures->Traverse(visit);
    }
  }
};

// A function named `name` (also its __qualname__) in the current interpreter;
// `captures` declares what `body` holds (FunctionCaptures), if anything.
Ref<Object> NewFunction(std::string_view name, FunctionBody body,
                        std::shared_ptr<const FunctionCaptures> captures = nullptr);

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
  static void Traverse(Object* object, const Visitor& visit) {
    auto* method = static_cast<MethodObject*>(object);
    visit(method->function);
    visit(method->self);
  }
};

// `function` bound to `self` (a `method`), in the current interpreter.
Ref<Object> NewMethod(Ref<Object> function, Ref<Object> self);

}  // namespace islet

#endif  // ISLET_OBJECTS_FUNCTION_H_
