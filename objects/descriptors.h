// Objects that expose C++ functions to Python: descriptors in static types' dicts
// and builtin functions and bound methods.
//
//   method_descriptor           int.bit_length     (a TypeMember of kind kMethod)
//   classmethod_descriptor      dict.fromkeys      (kClassMethod)
//   getset_descriptor           int.real           (kGetSet)
//   builtin_function_or_method  (1).bit_length, len, a static method's function

#ifndef ISLET_OBJECTS_DESCRIPTORS_H_
#define ISLET_OBJECTS_DESCRIPTORS_H_

#include "interp/interpreter.h"
#include "runtime/attr_table.h"
#include "runtime/object.h"
#include "runtime/static_type.h"
#include "runtime/type_member.h"
#include "runtime/type_object.h"

namespace islet {

// A descriptor for one declared member of a static type.
class MemberDescriptorObject : public Object {
 public:
  MemberDescriptorObject(StaticType* owner, const TypeMember* member)
      : owner(owner), member(member) {}
  StaticType* const owner;
  const TypeMember* const member;
};

// A C++ function, bound to `self` (a bound builtin method) or not (a function).
class BuiltinFunctionObject : public Object {
 public:
  BuiltinFunctionObject(const TypeMember* member, Ref<Object> self)
      : member(member), self(std::move(self)) {}
  const TypeMember* const member;  // kMethod, kClassMethod or kStaticMethod
  Ref<Object> self;                // nullptr when unbound

  static void Clear(Object* object) { static_cast<BuiltinFunctionObject*>(object)->self.reset(); }
  static void Traverse(Object* object, const Visitor& visit) {
    visit(static_cast<BuiltinFunctionObject*>(object)->self);
  }
};

// A builtin function or bound method calling `member`.
Ref<Object> NewBuiltinFunction(const TypeMember* member, Ref<Object> self);

// ObjectsLayerHooks::materialize_static_dict: `type`'s slot wrappers
// (objects/slot_wrappers.h), then a descriptor for each declared member.
void MaterializeStaticDict(Interpreter& interp, StaticType& type, AttrTable& dict);

}  // namespace islet

#endif  // ISLET_OBJECTS_DESCRIPTORS_H_
