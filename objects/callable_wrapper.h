// Callable wrappers: classmethod and staticmethod objects hold a callable given
// to their constructor and differ only in how a lookup binds it (their modules
// set descr_get, and staticmethod call). This is what they share. Messages name
// the builtin type the object's class derives from, as CPython's fixed strings
// do: "uninitialized classmethod object", "<staticmethod(<function f>)>".
//
//   constexpr TypeSlots ClassMethodSlots() {
//     TypeSlots slots = CallableWrapperSlots();
//     slots.descr_get = &ClassMethodGet;
//     return slots;
//   }
//   ISLET_BUILTIN_TYPE(kClassMethodType, "classmethod",
//                      {..., .slots = ClassMethodSlots(), .members = kCallableWrapperMembers});

#ifndef ISLET_OBJECTS_CALLABLE_WRAPPER_H_
#define ISLET_OBJECTS_CALLABLE_WRAPPER_H_

#include "runtime/object.h"
#include "runtime/type_member.h"
#include "runtime/type_object.h"

namespace islet {

class CallableWrapperObject : public Object {
 public:
  Ref<Object> callable;  // null until __init__ ran

  static void Clear(Object* self) { static_cast<CallableWrapperObject*>(self)->callable.reset(); }
  static void Traverse(Object* self, const Visitor& visit) {
    visit(static_cast<CallableWrapperObject*>(self)->callable);
  }
};

// The wrapped callable (the __func__ and __wrapped__ getters); RuntimeError
// "uninitialized classmethod object" if __init__ never ran.
Ref<Object> WrappedCallable(Object* self);

// The new_instance slot: an empty wrapper, which init fills.
Ref<Object> CallableWrapperNew(TypeObject* type, const CallArgs& args);
// The init slot: classmethod(callable), exactly one positional argument.
bool CallableWrapperInit(Object* self, const CallArgs& args);
// "<classmethod(<built-in function f>)>".
Ref<Object> CallableWrapperRepr(Object* self);

inline constexpr TypeMember kCallableWrapperMembers[] = {
    Getter("__func__", &WrappedCallable),
    Getter("__wrapped__", &WrappedCallable),
};

constexpr TypeSlots CallableWrapperSlots() {
  TypeSlots slots = SlotsFor<CallableWrapperObject>(&CallableWrapperObject::Clear,
                                                    &CallableWrapperObject::Traverse);
  slots.repr = &CallableWrapperRepr;
  slots.new_instance = &CallableWrapperNew;
  slots.init = &CallableWrapperInit;
  return slots;
}

}  // namespace islet

#endif  // ISLET_OBJECTS_CALLABLE_WRAPPER_H_
