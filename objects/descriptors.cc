#include "objects/descriptors.h"

#include "objects/slot_wrappers.h"
#include "objects/well_known.h"

namespace islet {

Ref<Object> NewBuiltinFunction(const TypeMember* member, Ref<Object> self) {
  return Interpreter::Current()->NewObject<BuiltinFunctionObject>(
      WellKnownType(WellKnown::kBuiltinFunction), member, std::move(self));
}

namespace {

Ref<Object> MaterializeMember(Interpreter& interp, StaticType& type, const TypeMember& member) {
  switch (member.kind) {
    case MemberKind::kMethod:
      return interp.NewObject<MemberDescriptorObject>(WellKnownType(WellKnown::kMethodDescriptor),
                                                      &type, &member);
    case MemberKind::kClassMethod:
      return interp.NewObject<MemberDescriptorObject>(
          WellKnownType(WellKnown::kClassMethodDescriptor), &type, &member);
    case MemberKind::kGetSet:
      return interp.NewObject<MemberDescriptorObject>(WellKnownType(WellKnown::kGetSetDescriptor),
                                                      &type, &member);
    case MemberKind::kStaticMethod:
      // Looked up on the type or an instance alike, it is the plain function.
      return interp.NewObject<BuiltinFunctionObject>(WellKnownType(WellKnown::kBuiltinFunction),
                                                     &member, nullptr);
  }
  return nullptr;
}

}  // namespace

void MaterializeStaticDict(Interpreter& interp, StaticType& type, AttrTable& dict) {
  AddSlotWrappers(interp, type, dict);
  for (const TypeMember& member : type.spec().members) {
    dict.Set(interp.Intern(member.name), MaterializeMember(interp, type, member));
  }
}

}  // namespace islet
