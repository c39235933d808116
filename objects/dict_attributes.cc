#include "objects/dict_attributes.h"

#include "interp/interpreter.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/protocol.h"
#include "objects/str.h"
#include "objects/well_known.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

bool RaiseNoAttribute(Object* self, const Name* name) {
  Raise(WellKnown::kAttributeError, StrCat("'", TypeDisplayName(self->type()),
                                           "' object has no attribute '", name->text(), "'"));
  return false;
}

}  // namespace

Ref<Object> GetDictAttribute(Object* self, Object* dict, const Name* name) {
  TypeObject* type = self->type();
  Ref<Object> descriptor =
      Ref<Object>::Borrow(Interpreter::Current()->LookupTypeAttribute(*type, name));
  DescrGetFn get = descriptor ? descriptor->type()->slots().descr_get : nullptr;
  if (get != nullptr && descriptor->type()->slots().descr_set != nullptr) {
    return get(descriptor.get(), self, type);
  }
  if (dict != nullptr) {
    Object* found = nullptr;
    int present = DictGet(dict, NewStr(name->text()).get(), &found);
    if (present < 0) return nullptr;
    if (present > 0) return Ref<Object>::Borrow(found);
  }
  if (get != nullptr) return get(descriptor.get(), self, type);
  return descriptor;
}

bool SetDictAttribute(Object* self, Object* dict, const Name* name, Object* value) {
  Ref<Object> descriptor =
      Ref<Object>::Borrow(Interpreter::Current()->LookupTypeAttribute(*self->type(), name));
  if (descriptor) {
    if (DescrSetFn set = descriptor->type()->slots().descr_set) {
      return set(descriptor.get(), self, value);
    }
  }
  if (dict == nullptr) return RaiseNoAttribute(self, name);
  Ref<Object> key = NewStr(name->text());
  if (value != nullptr) return DictSet(dict, key.get(), value);
  int deleted = DictDelete(dict, key.get());
  if (deleted == 0) return RaiseNoAttribute(self, name);
  return deleted > 0;
}

}  // namespace islet
