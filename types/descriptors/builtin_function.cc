// `builtin_function_or_method`: a C++ function callable from Python, either bound
// to an object ((1).bit_length) or free (len, a static method).

#include <cstdio>

#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/well_known.h"
#include "runtime/str_cat.h"
#include "types/descriptors/descriptor_common.h"

namespace islet {
namespace {

BuiltinFunctionObject* AsFunction(Object* self) {
  return static_cast<BuiltinFunctionObject*>(self);
}

Ref<Object> BuiltinFunctionRepr(Object* self) {
  BuiltinFunctionObject* function = AsFunction(self);
  if (!function->self) return NewStr(StrCat("<built-in function ", function->member->name, ">"));
  char address[32];
  std::snprintf(address, sizeof(address), "%p", static_cast<void*>(function->self.get()));
  std::string_view owner = IsInstance(function->self.get(), WellKnown::kType)
                               ? std::string_view("type")
                               : TypeName(function->self->type());
  return NewStr(StrCat("<built-in method ", function->member->name, " of ", owner, " object at ",
                       address, ">"));
}

Ref<Object> BuiltinFunctionCall(Object* self, const CallArgs& args) {
  BuiltinFunctionObject* function = AsFunction(self);
  Ref<Object> keep = Ref<Object>::Borrow(self);  // the call may drop other references to it
  return function->member->method(function->self.get(), args);
}

constexpr TypeSlots BuiltinFunctionSlots() {
  TypeSlots slots = SlotsFor<BuiltinFunctionObject>(&BuiltinFunctionObject::Clear,
                                                    &BuiltinFunctionObject::Traverse);
  slots.repr = &BuiltinFunctionRepr;
  slots.call = &BuiltinFunctionCall;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kBuiltinFunctionType, "builtin_function_or_method",
                   {.slots = BuiltinFunctionSlots()});

}  // namespace islet
