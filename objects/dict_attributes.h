// Attributes stored in a dict object: a module and a types.SimpleNamespace keep
// their attributes as the str-keyed entries of a dict they hold, and look them
// up as CPython's PyObject_GenericGetAttr does with an instance dict: data
// descriptors of the type first (`__dict__`, `__class__`), then the dict, then
// the type's other attributes.
//
//   Ref<Object> NamespaceGetAttr(Object* self, const Name* name) {
//     Ref<Object> value = GetDictAttribute(self, DictOf(self).get(), name);
//     if (!value && !ExceptionPending()) return RaiseNoAttribute(self, name);
//     return value;
//   }
//   bool NamespaceSetAttr(Object* self, const Name* name, Object* value) {
//     return SetDictAttribute(self, DictOf(self).get(), name, value);
//   }

#ifndef ISLET_OBJECTS_DICT_ATTRIBUTES_H_
#define ISLET_OBJECTS_DICT_ATTRIBUTES_H_

#include "runtime/name.h"
#include "runtime/object.h"

namespace islet {

// GetDictAttribute: `self`'s attribute `name`, its own attributes being the
// entries of `dict` (null: it has none, as once cleared), which the caller
// holds. Null with no exception pending when neither the type nor the dict has
// it, so the caller says what happens then (a module calls its __getattr__).
Ref<Object> GetDictAttribute(Object* self, Object* dict, const Name* name);

// SetDictAttribute: sets `name` to `value`, or deletes it when `value` is null,
// through a data descriptor of the type or else in `dict`. AttributeError
// ("'module' object has no attribute 'x'") for deleting what the dict lacks, or
// when there is no dict.
bool SetDictAttribute(Object* self, Object* dict, const Name* name, Object* value);

}  // namespace islet

#endif  // ISLET_OBJECTS_DICT_ATTRIBUTES_H_
