#include "objects/function.h"

#include "interp/interpreter.h"
#include "objects/well_known.h"

namespace islet {

Ref<Object> NewFunction(std::string_view name, FunctionBody body,
                        std::shared_ptr<const FunctionCaptures> captures) {
  return Interpreter::Current()->NewObject<FunctionObject>(
      WellKnownType(WellKnown::kFunction), std::string(name), std::move(body), std::move(captures));
}

Ref<Object> NewMethod(Ref<Object> function, Ref<Object> self) {
  return Interpreter::Current()->NewObject<MethodObject>(WellKnownType(WellKnown::kMethod),
                                                         std::move(function), std::move(self));
}

}  // namespace islet
