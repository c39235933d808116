// `type`: the metatype. Its instances are static builtin types (immortal) and
// heap types (interp/heap_type.h). Looking an attribute up on a type follows
// CPython's type_getattro; calling a type constructs an instance.
//
// Every write Python code can make to a type object is made here, by
// type.__setattr__/__delattr__ or by a setter of one of type's descriptors
// (__name__, __qualname__, __module__, __doc__, __bases__; callable directly as
// type.__dict__['__name__'].__set__(int, 'x')), and each one gets the class it
// changes from WritableType: a static type, shared by every interpreter, is a
// TypeError and never written.

#include "types/type/type.h"

#include <vector>

#include "interp/heap_type.h"
#include "interp/interpreter.h"
#include "interp/ownership.h"
#include "objects/args.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/function.h"
#include "objects/list.h"
#include "objects/mapping_proxy.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/dunder.h"
#include "runtime/runtime.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

TypeObject* AsType(Object* self) { return static_cast<TypeObject*>(self); }

Ref<Object> TypeRepr(Object* self) {
  TypeObject* type = AsType(self);
  return NewStr(StrCat("<class '", FullyQualifiedName(type), "'>"));
}

Ref<Object> TypeGetAttr(Object* self, const Name* name) {
  TypeObject* type = AsType(self);
  TypeObject* meta = self->type();
  Interpreter& interp = *Interpreter::Current();
  // Data descriptors of the metatype (__name__, __dict__, ...) win.
  Ref<Object> meta_attr = Ref<Object>::Borrow(interp.LookupTypeAttribute(*meta, name));
  DescrGetFn meta_get = nullptr;
  if (meta_attr) {
    meta_get = meta_attr->type()->slots().descr_get;
    if (meta_get != nullptr && meta_attr->type()->slots().descr_set != nullptr) {
      return meta_get(meta_attr.get(), self, meta);
    }
  }
  // Then the type's own MRO; descriptors there are asked with no instance.
  if (Ref<Object> attr = Ref<Object>::Borrow(interp.LookupTypeAttribute(*type, name))) {
    if (DescrGetFn get = attr->type()->slots().descr_get) return get(attr.get(), nullptr, type);
    return attr;
  }
  if (meta_get != nullptr) return meta_get(meta_attr.get(), self, meta);
  if (meta_attr) return meta_attr;
  return Raise(WellKnown::kAttributeError,
               StrCat("type object '", TypeName(type), "' has no attribute '", name->text(), "'"));
}

// WritableType: `self` as the class a write to its `attribute` may change, or
// null with TypeError for an immutable type (every static type: it is shared by
// all interpreters). The only way code here turns a type into a HeapType to
// write to. CPython's message, for deletion too.
HeapType* WritableType(Object* self, std::string_view attribute) {
  TypeObject* type = AsType(self);
  if (type->HasFlag(kTypeImmutable) || type->IsStaticBuiltin()) {
    return Raise(
        WellKnown::kTypeError,
        StrCat("cannot set '", attribute, "' attribute of immutable type '", type->name(), "'"));
  }
  return static_cast<HeapType*>(type);
}

bool TypeSetAttr(Object* self, const Name* name, Object* value) {
  HeapType* cls = WritableType(self, name->text());
  if (cls == nullptr) return false;
  Interpreter& interp = *Interpreter::Current();
  if (Object* meta_attr = interp.LookupTypeAttribute(*self->type(), name)) {
    if (DescrSetFn set = meta_attr->type()->slots().descr_set) {
      Ref<Object> keep = Ref<Object>::Borrow(meta_attr);
      return set(meta_attr, self, value);
    }
  }
  if (value != nullptr) return interp.SetTypeDictEntry(*cls, name, Ref<Object>::Borrow(value));
  if (interp.RemoveTypeDictEntry(*cls, name)) return true;
  Raise(WellKnown::kAttributeError,
        StrCat("type object '", TypeName(cls), "' has no attribute '", name->text(), "'"));
  return false;
}

// Namespace entries that type() stores differently: __qualname__ is the class's
// own name, not an attribute; functions under __new__ become static methods and
// under __init_subclass__ or __class_getitem__ class methods, as in CPython.
Ref<Object> NamespaceValue(HeapType& cls, const Name* name, Object* value) {
  if (name == DunderName(Dunder::kQualname)) {
    if (!IsInstance(value, WellKnown::kStr)) {
      return Raise(WellKnown::kTypeError,
                   StrCat("type __qualname__ must be a str, not ", TypeDisplayName(value->type())));
    }
    cls.set_qualname(StrView(value));
    return nullptr;
  }
  if (IsExactly(value, WellKnown::kFunction)) {
    if (name == DunderName(Dunder::kNew)) {
      return Call(WellKnownType(WellKnown::kStaticMethod), {value});
    }
    if (name == DunderName(Dunder::kInitSubclass) || name == DunderName(Dunder::kClassGetItem)) {
      return Call(WellKnownType(WellKnown::kClassMethod), {value});
    }
  }
  return Ref<Object>::Borrow(value);
}

// value.__set_name__(cls, name) for every attribute whose type has one, in
// definition order.
bool CallSetNames(HeapType& cls) {
  std::vector<std::pair<const Name*, Ref<Object>>> entries;
  for (const auto& entry : cls.dict().entries()) entries.emplace_back(entry.name, entry.value);
  for (const auto& [name, value] : entries) {
    Object* set_name =
        Interpreter::Current()->LookupTypeAttribute(*value->type(), DunderName(Dunder::kSetName));
    if (set_name == nullptr) continue;
    Ref<Object> keep = Ref<Object>::Borrow(set_name);
    DescrGetFn get = set_name->type()->slots().descr_get;
    Ref<Object> bound = get ? get(set_name, value.get(), value->type()) : keep;
    if (!bound || !Call(bound.get(), {&cls, NewStr(name->text()).get()})) return false;
  }
  return true;
}

// type(name, bases, dict, **kwargs): a new heap class in the current
// interpreter. Its attributes are the dict's; a class defining __eq__ but not
// __hash__ gets `__hash__ = None`; then attributes' __set_name__ run and the
// nearest base's __init_subclass__ is called with kwargs, as CPython does.
Ref<Object> NewClass(const CallArgs& args) {
  Object* name = args.args[0];
  Object* bases = args.args[1];
  Object* namespace_dict = args.args[2];
  auto argument_error = [](int position, std::string_view expected, Object* got) {
    return Raise(WellKnown::kTypeError, StrCat("type.__new__() argument ", position, " must be ",
                                               expected, ", not ", TypeName(got->type())));
  };
  if (!IsInstance(name, WellKnown::kStr)) return argument_error(1, "str", name);
  if (!IsInstance(bases, WellKnown::kTuple)) return argument_error(2, "tuple", bases);
  if (!IsInstance(namespace_dict, WellKnown::kDict))
    return argument_error(3, "dict", namespace_dict);
  std::vector<TypeObject*> base_types;
  for (const Ref<Object>& base : TupleItems(bases)) {
    if (!IsInstance(base.get(), WellKnown::kType)) {
      return Raise(WellKnown::kTypeError, "bases must be types");
    }
    if (!CheckOwned(base.get())) return nullptr;  // as RuntimeError, not Create's TypeError
    base_types.push_back(static_cast<TypeObject*>(base.get()));
  }
  if (base_types.empty()) base_types.push_back(WellKnownType(WellKnown::kObject));

  Interpreter& interp = *Interpreter::Current();
  absl::StatusOr<Ref<HeapType>> created = HeapType::Create(interp, StrView(name), base_types);
  if (!created.ok()) return Raise(WellKnown::kTypeError, StrCat(created.status().message()));
  Ref<HeapType> cls = *std::move(created);
  int64_t position = 0;
  Object* key = nullptr;
  Object* value = nullptr;
  while (DictNext(namespace_dict, &position, &key, &value)) {
    if (!IsInstance(key, WellKnown::kStr)) {
      return Raise(WellKnown::kTypeError, "type.__new__() namespace keys must be strings");
    }
    const Name* entry_name = interp.Intern(StrView(key));
    Ref<Object> stored = NamespaceValue(*cls, entry_name, value);
    if (stored) {
      if (!interp.SetTypeDictEntry(*cls, entry_name, std::move(stored))) return nullptr;
    } else if (ExceptionPending()) {
      return nullptr;
    }
  }
  // A top-level script's module; the language will pass the caller's.
  if (cls->dict().Get(DunderName(Dunder::kModule)) == nullptr) {
    interp.SetTypeDictEntry(*cls, DunderName(Dunder::kModule), NewStr("__main__"));
  }
  if (cls->dict().Get(DunderName(Dunder::kDoc)) == nullptr) {
    interp.SetTypeDictEntry(*cls, DunderName(Dunder::kDoc), NoneRef());
  }
  if (cls->dict().Get(DunderName(Dunder::kEq)) != nullptr &&
      cls->dict().Get(DunderName(Dunder::kHash)) == nullptr) {
    interp.SetTypeDictEntry(*cls, DunderName(Dunder::kHash), NoneRef());
  }
  if (!CallSetNames(*cls)) return nullptr;
  // super(cls, cls).__init_subclass__(**kwargs)
  Ref<Object> init_subclass = SuperGetAttr(cls.get(), cls.get(), DunderName(Dunder::kInitSubclass));
  if (!init_subclass) return nullptr;
  std::vector<Object*> keyword_values(args.keyword_values().begin(), args.keyword_values().end());
  if (!Call(init_subclass.get(), CallArgs{.args = keyword_values, .kwnames = args.kwnames})) {
    return nullptr;
  }
  return cls;
}

Ref<Object> TypeCall(Object* self, const CallArgs& args) {
  TypeObject* type = AsType(self);
  if (type == WellKnownType(WellKnown::kType)) {
    size_t positional = args.positional_count();
    if (positional == 1 && args.kwnames.empty()) {
      return Ref<Object>::Borrow(args.args[0]->type());
    }
    if (positional == 3) return NewClass(args);
    return Raise(WellKnown::kTypeError, "type() takes 1 or 3 arguments");
  }
  NewFn new_instance = type->slots().new_instance;
  if (new_instance == nullptr) {
    return Raise(WellKnown::kTypeError, StrCat("cannot create '", type->name(), "' instances"));
  }
  Ref<Object> instance = new_instance(type, args);
  if (!instance || !instance->type()->IsSubtypeOf(type)) return instance;
  if (InitFn init = instance->type()->slots().init) {
    if (!init(instance.get(), args)) return nullptr;
  }
  return instance;
}

// --- members ---

Ref<Object> TypeNameGetter(Object* self) { return NewStr(TypeName(AsType(self))); }
Ref<Object> TypeQualnameGetter(Object* self) { return NewStr(TypeQualName(AsType(self))); }

// A heap class's __module__ is the entry of its dict, whatever it holds.
Ref<Object> TypeModuleGetter(Object* self) {
  TypeObject* type = AsType(self);
  if (!type->IsStaticBuiltin()) {
    if (Object* module = static_cast<HeapType*>(type)->dict().Get(DunderName(Dunder::kModule))) {
      return Ref<Object>::Borrow(module);
    }
  }
  return NewStr(TypeModule(type));
}

// A heap class's __doc__ is the entry of its dict (bound, if it is a
// descriptor, as CPython's type_get_doc does); static types have none.
Ref<Object> TypeDocGetter(Object* self) {
  TypeObject* type = AsType(self);
  if (type->IsStaticBuiltin()) return NoneRef();
  Object* doc = static_cast<HeapType*>(type)->dict().Get(DunderName(Dunder::kDoc));
  if (doc == nullptr) return NoneRef();
  Ref<Object> keep = Ref<Object>::Borrow(doc);
  if (DescrGetFn get = doc->type()->slots().descr_get) return get(doc, nullptr, type);
  return keep;
}

// The class whose special attribute `attribute` a setter of type's changes:
// WritableType's, and no deletion (CPython's check_set_special_type_attr,
// message included).
HeapType* SpecialAttributeTarget(Object* self, Object* value, std::string_view attribute) {
  HeapType* cls = WritableType(self, attribute);
  if (cls != nullptr && value == nullptr) {
    return Raise(
        WellKnown::kTypeError,
        StrCat("cannot delete '", attribute, "' attribute of immutable type '", cls->name(), "'"));
  }
  return cls;
}

// __name__ and __qualname__ take strs; __name__ no NUL, as in CPython.
bool SetTypeText(Object* self, Object* value, Dunder attribute) {
  HeapType* cls = SpecialAttributeTarget(self, value, DunderText(attribute));
  if (cls == nullptr) return false;
  if (!IsInstance(value, WellKnown::kStr)) {
    Raise(WellKnown::kTypeError,
          StrCat("can only assign string to ", cls->name(), ".", DunderText(attribute), ", not '",
                 TypeDisplayName(value->type()), "'"));
    return false;
  }
  std::string_view text = StrView(value);
  if (attribute == Dunder::kName) {
    if (text.find('\0') != std::string_view::npos) {
      Raise(WellKnown::kValueError, "type name must not contain null characters");
      return false;
    }
    cls->set_name(text);
  } else {
    cls->set_qualname(text);
  }
  return true;
}

bool TypeNameSetter(Object* self, Object* value) { return SetTypeText(self, value, Dunder::kName); }
bool TypeQualnameSetter(Object* self, Object* value) {
  return SetTypeText(self, value, Dunder::kQualname);
}

// __module__ and __doc__ are entries of the class's dict and take any value.
bool SetTypeDictText(Object* self, Object* value, Dunder attribute) {
  HeapType* cls = SpecialAttributeTarget(self, value, DunderText(attribute));
  return cls != nullptr && Interpreter::Current()->SetTypeDictEntry(*cls, DunderName(attribute),
                                                                    Ref<Object>::Borrow(value));
}

bool TypeModuleSetter(Object* self, Object* value) {
  return SetTypeDictText(self, value, Dunder::kModule);
}
bool TypeDocSetter(Object* self, Object* value) {
  return SetTypeDictText(self, value, Dunder::kDoc);
}

// islet cannot change a class's bases after creation (docs/language.md).
bool TypeBasesSetter(Object* self, Object* value) {
  if (SpecialAttributeTarget(self, value, "__bases__") == nullptr) return false;
  Raise(WellKnown::kTypeError, "__bases__ assignment is not supported");
  return false;
}

Ref<Object> TypeDictGetter(Object* self) { return NewTypeDictProxy(AsType(self)); }

Ref<Object> TypesAsTuple(std::span<TypeObject* const> types) {
  std::vector<Ref<Object>> items;
  for (TypeObject* type : types) items.push_back(Ref<Object>::Borrow(type));
  return NewTuple(std::move(items));
}

Ref<Object> TypeMroGetter(Object* self) { return TypesAsTuple(AsType(self)->mro()); }
Ref<Object> TypeBasesGetter(Object* self) { return TypesAsTuple(AsType(self)->bases()); }
Ref<Object> TypeBaseGetter(Object* self) {
  TypeObject* base = AsType(self)->base();
  return base ? Ref<Object>::Borrow(base) : NoneRef();
}

Ref<Object> TypeMro(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "type.mro")) return nullptr;
  std::vector<Ref<Object>> items;
  for (TypeObject* type : AsType(self)->mro()) items.push_back(Ref<Object>::Borrow(type));
  return NewList(std::move(items));
}

// Static subclasses (the same in every interpreter, in init order), then the heap
// subclasses this interpreter created, in creation order.
Ref<Object> TypeSubclasses(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, "type.__subclasses__")) return nullptr;
  TypeObject* type = AsType(self);
  std::vector<Ref<Object>> items;
  if (type->IsStaticBuiltin()) {
    for (StaticType* candidate : Runtime::registry().init_order()) {
      if (candidate->base() == type) items.push_back(Ref<Object>::Borrow(candidate));
    }
    for (TypeObject* subclass : Interpreter::Current()->StateOf(*type).subclasses()) {
      items.push_back(Ref<Object>::Borrow(subclass));
    }
  } else {
    for (HeapType* subclass : static_cast<HeapType*>(type)->subclasses()) {
      items.push_back(Ref<Object>::Borrow(subclass));
    }
  }
  return NewList(std::move(items));
}

constexpr TypeMember kTypeMembers[] = {
    Getter("__name__", &TypeNameGetter, &TypeNameSetter),
    Getter("__qualname__", &TypeQualnameGetter, &TypeQualnameSetter),
    Getter("__module__", &TypeModuleGetter, &TypeModuleSetter),
    Getter("__dict__", &TypeDictGetter),
    Getter("__doc__", &TypeDocGetter, &TypeDocSetter),
    Getter("__mro__", &TypeMroGetter),
    Getter("__bases__", &TypeBasesGetter, &TypeBasesSetter),
    Getter("__base__", &TypeBaseGetter),
    Method("mro", &TypeMro),
    Method("__subclasses__", &TypeSubclasses),
};

constexpr TypeSlots TypeTypeSlots() {
  TypeSlots slots = SlotsFor<HeapType>(&HeapType::Clear, &HeapType::Traverse);
  slots.repr = &TypeRepr;
  slots.getattr = &TypeGetAttr;
  slots.setattr = &TypeSetAttr;
  slots.call = &TypeCall;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kTypeType, "type", {.slots = TypeTypeSlots(), .members = kTypeMembers});

}  // namespace islet
