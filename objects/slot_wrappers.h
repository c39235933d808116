// Slot wrappers: a static type's behaviour slots as attributes of its dict, so
// that Python code can name and call them: int.__add__, object.__init__,
// list.__len__ (CPython's wrapper_descriptor, bound: method-wrapper), and
// T.__new__ (a builtin method of the type, CPython's tp_new_wrapper).
//
// A type's dict gets a wrapper for each slot it defines itself (not inherited),
// per interpreter, when its dict is first read. `__hash__` is None in the dict
// of a type whose instances are unhashable.

#ifndef ISLET_OBJECTS_SLOT_WRAPPERS_H_
#define ISLET_OBJECTS_SLOT_WRAPPERS_H_

#include <string_view>

#include "interp/interpreter.h"
#include "runtime/attr_table.h"
#include "runtime/object.h"
#include "runtime/static_type.h"
#include "runtime/type_object.h"

namespace islet {

struct SlotWrapperDef;

// A wrapper_descriptor: one special method of `owner`, calling owner's slot.
class SlotWrapperObject : public Object {
 public:
  SlotWrapperObject(StaticType* owner, const SlotWrapperDef* def) : owner(owner), def(def) {}
  StaticType* const owner;
  const SlotWrapperDef* const def;
};

// A method-wrapper: a slot wrapper bound to an instance (1 .__add__).
class MethodWrapperObject : public Object {
 public:
  MethodWrapperObject(Ref<Object> wrapper, Ref<Object> self)
      : wrapper(std::move(wrapper)), self(std::move(self)) {}
  Ref<Object> wrapper;  // a SlotWrapperObject
  Ref<Object> self;

  static void Clear(Object* object) {
    auto* method = static_cast<MethodWrapperObject*>(object);
    method->wrapper.reset();
    method->self.reset();
  }
  static void Traverse(Object* object, const Visitor& visit) {
    auto* method = static_cast<MethodWrapperObject*>(object);
    visit(method->wrapper);
    visit(method->self);
  }
};

// "__add__".
std::string_view SlotWrapperName(const SlotWrapperObject& wrapper);
// wrapper(self, *args): calls the owner's slot; `self` must already be known to
// be an instance of the owner.
Ref<Object> CallSlotWrapper(const SlotWrapperObject& wrapper, Object* self, const CallArgs& args);

// Adds `type`'s slot wrappers to `dict`, its dict in `interp`.
void AddSlotWrappers(Interpreter& interp, StaticType& type, AttrTable& dict);

}  // namespace islet

#endif  // ISLET_OBJECTS_SLOT_WRAPPERS_H_
