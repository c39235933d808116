// `property`: a data descriptor that computes an attribute with Python callables,
// property(fget=None, fset=None, fdel=None, doc=None). Reading calls fget(obj),
// assigning fset(obj, value), deleting fdel(obj); one that is missing is an
// AttributeError in CPython 3.14's words ("property 'x' of 'C' object has no
// setter"). getter/setter/deleter return a copy with one callable replaced,
// which is what the @x.setter decorator uses.

#include <optional>
#include <string>

#include "interp/interpreter.h"
#include "objects/args.h"
#include "objects/errors.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/well_known.h"
#include "runtime/static_type.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

class PropertyObject : public Object {
 public:
  Ref<Object> getter;  // each null when absent (None was given)
  Ref<Object> setter;
  Ref<Object> deleter;
  Ref<Object> doc;
  Ref<Object> name;  // set by __set_name__ or the __name__ setter
  // Whether `doc` came from the getter's __doc__ (a copy with a new getter
  // takes the new getter's).
  bool doc_from_getter = false;

  static void Clear(Object* self) {
    auto* property = static_cast<PropertyObject*>(self);
    property->getter.reset();
    property->setter.reset();
    property->deleter.reset();
    property->doc.reset();
    property->name.reset();
  }
  static void Traverse(Object* self, const Visitor& visit) {
    auto* property = static_cast<PropertyObject*>(self);
    visit(property->getter);
    visit(property->setter);
    visit(property->deleter);
    visit(property->doc);
    visit(property->name);
  }
};

PropertyObject* AsProperty(Object* self) { return static_cast<PropertyObject*>(self); }

Ref<Object> OrNone(const Ref<Object>& value) { return value ? value : NoneRef(); }
Ref<Object> NullIfNone(Object* value) {
  return value == nullptr || value == None() ? nullptr : Ref<Object>::Borrow(value);
}

// getattr(object, name) where a missing attribute is no error (null, nothing
// pending); other errors propagate (null, pending).
Ref<Object> OptionalAttr(Object* object, std::string_view name) {
  Ref<Object> value = GetAttr(object, name);
  if (!value && ExceptionMatches(WellKnown::kAttributeError)) ClearException();
  return value;
}

Ref<Object> PropertyNew(TypeObject* type, const CallArgs&) {
  return Interpreter::Current()->NewObject<PropertyObject>(type);
}

bool PropertyInit(Object* self, const CallArgs& args) {
  Object* bound[4];
  if (!BindArgs(args, {.function = "property", .names = {"fget", "fset", "fdel", "doc"}}, bound)) {
    return false;
  }
  PropertyObject* property = AsProperty(self);
  property->getter = NullIfNone(bound[0]);
  property->setter = NullIfNone(bound[1]);
  property->deleter = NullIfNone(bound[2]);
  property->name.reset();
  property->doc = NullIfNone(bound[3]);
  property->doc_from_getter = false;
  // Without a doc, the getter's docstring is the property's.
  if (!property->doc && property->getter) {
    Ref<Object> doc = OptionalAttr(property->getter.get(), "__doc__");
    if (!doc && ExceptionPending()) return false;
    property->doc = NullIfNone(doc.get());
    property->doc_from_getter = static_cast<bool>(property->doc);
  }
  return true;
}

// The property's name for messages: the one it was given, else its getter's
// __name__; null (nothing pending) if neither exists, null (pending) on error.
Ref<Object> PropertyName(PropertyObject* property) {
  if (property->name) return property->name;
  if (!property->getter) return nullptr;
  return OptionalAttr(property->getter.get(), "__name__");
}

// "property 'x' of 'C' object has no setter", or without the name if the
// property has none.
std::nullptr_t RaiseMissing(PropertyObject* property, Object* instance, std::string_view what) {
  Ref<Object> name = PropertyName(property);
  if (!name && ExceptionPending()) return nullptr;
  std::string owner = StrCat("'", TypeName(instance->type()), "'");
  if (!name) {
    return Raise(WellKnown::kAttributeError,
                 StrCat("property of ", owner, " object has no ", what));
  }
  std::optional<std::string> name_text = ReprText(name.get());
  if (!name_text) return nullptr;
  return Raise(WellKnown::kAttributeError,
               StrCat("property ", *name_text, " of ", owner, " object has no ", what));
}

Ref<Object> PropertyGet(Object* self, Object* instance, TypeObject*) {
  if (instance == nullptr || instance == None()) return Ref<Object>::Borrow(self);
  PropertyObject* property = AsProperty(self);
  if (!property->getter) return RaiseMissing(property, instance, "getter");
  Ref<Object> getter = property->getter;  // the call may replace it
  return Call(getter.get(), {instance});
}

bool PropertySet(Object* self, Object* instance, Object* value) {
  PropertyObject* property = AsProperty(self);
  Ref<Object> function = value != nullptr ? property->setter : property->deleter;
  if (!function) {
    RaiseMissing(property, instance, value != nullptr ? "setter" : "deleter");
    return false;
  }
  Ref<Object> result =
      value != nullptr ? Call(function.get(), {instance, value}) : Call(function.get(), {instance});
  return static_cast<bool>(result);
}

// A copy of `self` (through its type, so subclasses copy as themselves) with the
// given callables replacing its own; null keeps the old one.
Ref<Object> Copy(Object* self, Object* getter, Object* setter, Object* deleter) {
  PropertyObject* old = AsProperty(self);
  Ref<Object> get =
      getter != nullptr && getter != None() ? Ref<Object>::Borrow(getter) : OrNone(old->getter);
  Ref<Object> set =
      setter != nullptr && setter != None() ? Ref<Object>::Borrow(setter) : OrNone(old->setter);
  Ref<Object> del =
      deleter != nullptr && deleter != None() ? Ref<Object>::Borrow(deleter) : OrNone(old->deleter);
  // A docstring taken from the old getter gives way to the new getter's.
  Ref<Object> doc = old->doc_from_getter && get.get() != None() ? NoneRef() : OrNone(old->doc);
  Ref<Object> copy = Call(self->type(), {get.get(), set.get(), del.get(), doc.get()});
  if (copy && IsInstance(copy.get(), WellKnown::kProperty))
    AsProperty(copy.get())->name = old->name;
  return copy;
}

Ref<Object> PropertyGetterMethod(Object* self, const CallArgs& args) {
  if (!CheckOneArg(args, "property.getter")) return nullptr;
  return Copy(self, args.args[0], nullptr, nullptr);
}

Ref<Object> PropertySetterMethod(Object* self, const CallArgs& args) {
  if (!CheckOneArg(args, "property.setter")) return nullptr;
  return Copy(self, nullptr, args.args[0], nullptr);
}

Ref<Object> PropertyDeleterMethod(Object* self, const CallArgs& args) {
  if (!CheckOneArg(args, "property.deleter")) return nullptr;
  return Copy(self, nullptr, nullptr, args.args[0]);
}

// Called by class creation with the owner class and the attribute's name.
Ref<Object> PropertySetNameMethod(Object* self, const CallArgs& args) {
  if (!CheckNoKeywords(args, "property.__set_name__")) return nullptr;
  if (args.args.size() != 2) {
    return Raise(WellKnown::kTypeError, StrCat("__set_name__() takes 2 positional arguments but ",
                                               args.args.size(), " were given"));
  }
  AsProperty(self)->name = Ref<Object>::Borrow(args.args[1]);
  return NoneRef();
}

Ref<Object> PropertyFget(Object* self) { return OrNone(AsProperty(self)->getter); }
Ref<Object> PropertyFset(Object* self) { return OrNone(AsProperty(self)->setter); }
Ref<Object> PropertyFdel(Object* self) { return OrNone(AsProperty(self)->deleter); }
Ref<Object> PropertyDocGet(Object* self) { return OrNone(AsProperty(self)->doc); }

bool PropertyDocSet(Object* self, Object* value) {
  AsProperty(self)->doc = Ref<Object>::Borrow(value);  // deleting leaves it None
  return true;
}

Ref<Object> PropertyNameGet(Object* self) {
  Ref<Object> name = PropertyName(AsProperty(self));
  if (!name && !ExceptionPending()) {
    return Raise(WellKnown::kAttributeError, "'property' object has no attribute '__name__'");
  }
  return name;
}

bool PropertyNameSet(Object* self, Object* value) {
  AsProperty(self)->name = Ref<Object>::Borrow(value);
  return true;
}

constexpr TypeMember kPropertyMembers[] = {
    Getter("fget", &PropertyFget),
    Getter("fset", &PropertyFset),
    Getter("fdel", &PropertyFdel),
    Getter("__doc__", &PropertyDocGet, &PropertyDocSet),
    Getter("__name__", &PropertyNameGet, &PropertyNameSet),
    Method("getter", &PropertyGetterMethod),
    Method("setter", &PropertySetterMethod),
    Method("deleter", &PropertyDeleterMethod),
    Method("__set_name__", &PropertySetNameMethod),
};

constexpr TypeSlots PropertySlots() {
  TypeSlots slots = SlotsFor<PropertyObject>(&PropertyObject::Clear, &PropertyObject::Traverse);
  slots.descr_get = &PropertyGet;
  slots.descr_set = &PropertySet;
  slots.new_instance = &PropertyNew;
  slots.init = &PropertyInit;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kPropertyType, "property",
                   {.flags = kTypeBaseType, .slots = PropertySlots(), .members = kPropertyMembers});

}  // namespace islet
