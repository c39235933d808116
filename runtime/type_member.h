// TypeMember: one entry of a static builtin type's dict, declared as data by the
// type's module. The entries become objects (method descriptors, getset
// descriptors) per interpreter, the first time an interpreter reads the type's
// dict, so an interpreter that never touches a type pays nothing for it.
//
//   constexpr TypeMember kListMembers[] = {
//       Method("append", &ListAppend),
//       Getter("real", &IntReal),
//   };

#ifndef ISLET_RUNTIME_TYPE_MEMBER_H_
#define ISLET_RUNTIME_TYPE_MEMBER_H_

#include <cstdint>

#include "runtime/object.h"
#include "runtime/type_object.h"

namespace islet {

// Called with the instance (kMethod), the type (kClassMethod) or nullptr
// (kStaticMethod) as `self`.
using MethodFn = Ref<Object> (*)(Object* self, const CallArgs& args);
using GetterFn = Ref<Object> (*)(Object* self);
using SetterFn = bool (*)(Object* self, Object* value);  // value null: delete

enum class MemberKind : uint8_t { kMethod, kClassMethod, kStaticMethod, kGetSet };

struct TypeMember {
  const char* name;
  MemberKind kind;
  MethodFn method = nullptr;
  GetterFn getter = nullptr;
  SetterFn setter = nullptr;  // nullptr: read-only
};

constexpr TypeMember Method(const char* name, MethodFn fn) {
  return {name, MemberKind::kMethod, fn};
}
constexpr TypeMember ClassMethod(const char* name, MethodFn fn) {
  return {name, MemberKind::kClassMethod, fn};
}
constexpr TypeMember StaticMethod(const char* name, MethodFn fn) {
  return {name, MemberKind::kStaticMethod, fn};
}
constexpr TypeMember Getter(const char* name, GetterFn get, SetterFn set = nullptr) {
  return {name, MemberKind::kGetSet, nullptr, get, set};
}

}  // namespace islet

#endif  // ISLET_RUNTIME_TYPE_MEMBER_H_
