// The immortal singletons every interpreter shares: None, NotImplemented,
// Ellipsis, True and False. Borrowing a reference to one never writes to it.

#ifndef ISLET_OBJECTS_SINGLETONS_H_
#define ISLET_OBJECTS_SINGLETONS_H_

#include "runtime/object.h"

namespace islet {

Object* None();
Object* NotImplemented();
Object* Ellipsis();
Object* True();
Object* False();

inline Ref<Object> NoneRef() { return Ref<Object>::Borrow(None()); }
inline Ref<Object> NotImplementedRef() { return Ref<Object>::Borrow(NotImplemented()); }
inline Ref<Object> BoolRef(bool value) { return Ref<Object>::Borrow(value ? True() : False()); }

}  // namespace islet

#endif  // ISLET_OBJECTS_SINGLETONS_H_
