#include "objects/protocol.h"

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <vector>

#include "interp/heap_type.h"
#include "interp/instance_extras.h"
#include "interp/interpreter.h"
#include "interp/ownership.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/int.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/well_known.h"
#include "runtime/dunder.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

std::string_view NameOf(const Object* object) { return TypeDisplayName(object->type()); }

// A slot's result must be a str.
Ref<Object> CheckStrResult(Ref<Object> result, std::string_view method) {
  if (result && !IsInstance(result.get(), WellKnown::kStr)) {
    return Raise(WellKnown::kTypeError,
                 StrCat(method, " returned non-string (type ", NameOf(result.get()), ")"));
  }
  return result;
}

CompareOp Swapped(CompareOp op) {
  switch (op) {
    case CompareOp::kLt:
      return CompareOp::kGt;
    case CompareOp::kLe:
      return CompareOp::kGe;
    case CompareOp::kGt:
      return CompareOp::kLt;
    case CompareOp::kGe:
      return CompareOp::kLe;
    default:
      return op;  // == and != are symmetric
  }
}

bool IsNotImplemented(const Ref<Object>& result) { return result.get() == NotImplemented(); }

constexpr BinaryFn TypeSlots::*kBinarySlots[] = {
    &TypeSlots::add,          &TypeSlots::subtract,  &TypeSlots::multiply, &TypeSlots::true_divide,
    &TypeSlots::floor_divide, &TypeSlots::remainder, &TypeSlots::power,    &TypeSlots::lshift,
    &TypeSlots::rshift,       &TypeSlots::bit_and,   &TypeSlots::bit_or,   &TypeSlots::bit_xor,
};
constexpr std::string_view kBinarySymbols[] = {"+",  "-",  "*",  "/", "//", "%",
                                               "**", "<<", ">>", "&", "|",  "^"};

Ref<Object> UnaryOperation(Object* object, UnaryFn TypeSlots::*slot, std::string_view what) {
  if (!CheckOwned(object)) return nullptr;
  if (UnaryFn fn = object->type()->slots().*slot) return fn(object);
  return Raise(WellKnown::kTypeError,
               StrCat("bad operand type for ", what, ": '", NameOf(object), "'"));
}

}  // namespace

// ---------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------

std::string_view TypeName(const TypeObject* type) {
  std::string_view name = type->name();
  if (type->IsStaticBuiltin()) {
    if (size_t dot = name.rfind('.'); dot != std::string_view::npos) return name.substr(dot + 1);
  }
  return name;
}

std::string_view TypeQualName(const TypeObject* type) {
  if (type->IsStaticBuiltin()) return TypeName(type);
  return static_cast<const HeapType*>(type)->qualname();
}

std::string_view TypeModule(const TypeObject* type) {
  if (!type->IsStaticBuiltin()) {
    Object* module = static_cast<const HeapType*>(type)->dict().Get(DunderName(Dunder::kModule));
    return module != nullptr && IsInstance(module, WellKnown::kStr) ? StrView(module) : "__main__";
  }
  std::string_view name = type->name();
  if (size_t dot = name.rfind('.'); dot != std::string_view::npos) return name.substr(0, dot);
  return "builtins";
}

std::string_view TypeDisplayName(const TypeObject* type) { return type->name(); }

std::string FullyQualifiedName(const TypeObject* type) {
  std::string_view module = TypeModule(type);
  if (module == "builtins") return std::string(TypeQualName(type));
  return StrCat(module, ".", TypeQualName(type));
}

// ---------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------

// Every entry point below checks the objects it receives (interp/ownership.h)
// before it dispatches: this is the embedding API's boundary.

Ref<Object> Repr(Object* object) {
  if (!CheckOwned(object) || !CheckStack(" while getting the repr of an object")) return nullptr;
  if (UnaryFn repr = object->type()->slots().repr) return CheckStrResult(repr(object), "__repr__");
  char text[64];
  std::snprintf(text, sizeof(text), " object at %p>", static_cast<void*>(object));
  return NewStr(StrCat("<", NameOf(object), text));
}

Ref<Object> Str(Object* object) {
  if (!CheckOwned(object) || !CheckStack(" while getting the str of an object")) return nullptr;
  if (UnaryFn str = object->type()->slots().str) return CheckStrResult(str(object), "__str__");
  return Repr(object);
}

Ref<Object> Ascii(Object* object) {
  std::optional<std::string> repr = ReprText(object);
  if (!repr) return nullptr;
  std::string out;
  for (size_t pos = 0; pos < repr->size();) {
    const uint32_t c = DecodeCodePoint(*repr, &pos);
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
      continue;
    }
    char escape[16];
    const char* format = c <= 0xff ? "\\x%02x" : c <= 0xffff ? "\\u%04x" : "\\U%08x";
    std::snprintf(escape, sizeof(escape), format, c);
    out += escape;
  }
  return NewStr(out);
}

std::optional<std::string> ReprText(Object* object) {
  Ref<Object> text = Repr(object);
  if (!text) return std::nullopt;
  return std::string(StrView(text.get()));
}

std::optional<std::string> StrText(Object* object) {
  Ref<Object> text = Str(object);
  if (!text) return std::nullopt;
  return std::string(StrView(text.get()));
}

// ---------------------------------------------------------------------------
// Hashing, truth, comparison
// ---------------------------------------------------------------------------

// Not checked against the stack here (the hottest entry point: every dict
// lookup): the hash slots that hash what their object holds check it.
int64_t Hash(Object* object) {
  if (!CheckOwned(object)) return -1;
  if (HashFn hash = object->type()->slots().hash) return hash(object);
  return HashNotImplemented(object);
}

int64_t HashNotImplemented(Object* self) {
  Raise(WellKnown::kTypeError, StrCat("unhashable type: '", NameOf(self), "'"));
  return -1;
}

int64_t PointerHash(Object* object) {
  const uint64_t bits = reinterpret_cast<uintptr_t>(object);
  const int64_t hash = static_cast<int64_t>((bits >> 4) | (bits << 60));
  return hash == -1 ? -2 : hash;
}

int IsTrue(Object* object) {
  if (object == True()) return 1;
  if (object == False() || object == None()) return 0;
  if (!CheckOwned(object)) return -1;
  const TypeSlots& slots = object->type()->slots();
  if (slots.to_bool != nullptr) return slots.to_bool(object);
  if (slots.length != nullptr) {
    int64_t length = slots.length(object);
    return length < 0 ? -1 : length > 0;
  }
  return 1;
}

std::string_view CompareOpSymbol(CompareOp op) {
  static constexpr std::string_view kSymbols[] = {"<", "<=", "==", "!=", ">", ">="};
  return kSymbols[static_cast<int>(op)];
}

namespace {

// RichCompare once its operands are checked.
Ref<Object> DispatchRichCompare(Object* left, Object* right, CompareOp op) {
  RichCompareFn left_fn = left->type()->slots().richcompare;
  RichCompareFn right_fn = right->type()->slots().richcompare;
  bool checked_reverse = false;
  // A subclass on the right that overrides the comparison goes first.
  if (left->type() != right->type() && right->type()->IsSubtypeOf(left->type()) && right_fn) {
    checked_reverse = true;
    Ref<Object> result = right_fn(right, left, Swapped(op));
    if (!result || !IsNotImplemented(result)) return result;
  }
  if (left_fn) {
    Ref<Object> result = left_fn(left, right, op);
    if (!result || !IsNotImplemented(result)) return result;
  }
  if (!checked_reverse && right_fn) {
    Ref<Object> result = right_fn(right, left, Swapped(op));
    if (!result || !IsNotImplemented(result)) return result;
  }
  if (op == CompareOp::kEq) return BoolRef(left == right);
  if (op == CompareOp::kNe) return BoolRef(left != right);
  return Raise(WellKnown::kTypeError,
               StrCat("'", CompareOpSymbol(op), "' not supported between instances of '",
                      NameOf(left), "' and '", NameOf(right), "'"));
}

}  // namespace

Ref<Object> RichCompare(Object* left, Object* right, CompareOp op) {
  if (!CheckOwned(left) || !CheckOwned(right) || !CheckStack(" in comparison")) return nullptr;
  return DispatchRichCompare(left, right, op);
}

int RichCompareBool(Object* left, Object* right, CompareOp op) {
  if (!CheckOwned(left) || !CheckOwned(right)) return -1;
  if (left == right) {
    if (op == CompareOp::kEq) return 1;
    if (op == CompareOp::kNe) return 0;
  }
  if (!CheckStack(" in comparison")) return -1;
  Ref<Object> result = DispatchRichCompare(left, right, op);
  if (!result) return -1;
  return IsTrue(result.get());
}

// ---------------------------------------------------------------------------
// Attributes
// ---------------------------------------------------------------------------

namespace {

// An instance's own attributes (interp/instance_extras.h): an AttrTable until
// the program asks for __dict__, then that dict object. Dict keys are strs; a
// key that is not (set through the dict) is never an attribute name.

// obj.__dict__: the attributes moved into a new dict the first time.
Ref<Object> InstanceDict(InstanceExtras& extras) {
  if (!extras.dict) {
    Ref<Object> dict = NewDictFromAttrTable(extras.attributes.get());
    if (!dict) return nullptr;
    extras.dict = std::move(dict);
    extras.attributes.reset();
  }
  return extras.dict;
}

// obj.__dict__ = d: the new storage (a dict); it cannot be deleted.
bool SetInstanceDict(InstanceExtras& extras, Object* value) {
  if (value == nullptr) {
    Raise(WellKnown::kTypeError, "cannot delete __dict__");
    return false;
  }
  if (!IsInstance(value, WellKnown::kDict)) {
    Raise(WellKnown::kTypeError,
          StrCat("__dict__ must be set to a dictionary, not a '", NameOf(value), "'"));
    return false;
  }
  Ref<Object> old = std::move(extras.dict);  // released after the switch
  extras.dict = Ref<Object>::Borrow(value);
  extras.attributes.reset();
  return true;
}

// *value is the attribute, or null if absent; false on error (a key's __eq__).
bool GetInstanceAttribute(InstanceExtras& extras, const Name* name, Ref<Object>* value) {
  if (extras.attributes) {
    *value = Ref<Object>::Borrow(extras.attributes->Get(name));
    return true;
  }
  if (!extras.dict) return true;
  Ref<Object> dict = extras.dict;  // the lookup may run code that replaces it
  Object* found = nullptr;
  int present = DictGet(dict.get(), NewStr(name->text()).get(), &found);
  if (present < 0) return false;
  if (present > 0) *value = Ref<Object>::Borrow(found);
  return true;
}

// Sets (value) or deletes (null) the attribute: 1 done, 0 absent (deleting), -1
// on error.
int SetInstanceAttribute(InstanceExtras& extras, const Name* name, Object* value) {
  if (!extras.dict) {
    if (value != nullptr) {
      if (!extras.attributes) extras.attributes = std::make_unique<AttrTable>();
      extras.attributes->Set(name, Ref<Object>::Borrow(value));
      return 1;
    }
    return extras.attributes && extras.attributes->Remove(name) ? 1 : 0;
  }
  Ref<Object> dict = extras.dict;
  Ref<Object> key = NewStr(name->text());
  if (value != nullptr) return DictSet(dict.get(), key.get(), value) ? 1 : -1;
  return DictDelete(dict.get(), key.get());
}

}  // namespace

Ref<Object> GetAttr(Object* object, const Name* name) {
  if (!CheckOwned(object)) return nullptr;
  if (GetAttrFn getattr = object->type()->slots().getattr) return getattr(object, name);
  return GenericGetAttr(object, name);
}

Ref<Object> GetAttr(Object* object, std::string_view name) {
  return GetAttr(object, Interpreter::Current()->Intern(name));
}

bool SetAttr(Object* object, const Name* name, Object* value) {
  if (!CheckOwned(object) || (value != nullptr && !CheckOwned(value))) return false;
  if (SetAttrFn setattr = object->type()->slots().setattr) return setattr(object, name, value);
  return GenericSetAttr(object, name, value);
}

bool DelAttr(Object* object, const Name* name) { return SetAttr(object, name, nullptr); }

Ref<Object> GenericGetAttr(Object* object, const Name* name) {
  if (!CheckOwnedIfChecked(object)) return nullptr;
  TypeObject* type = object->type();
  // Held while its descriptor code runs, which may change the type's dict.
  Ref<Object> descriptor =
      Ref<Object>::Borrow(Interpreter::Current()->LookupTypeAttribute(*type, name));
  DescrGetFn get = nullptr;
  if (descriptor) {
    get = descriptor->type()->slots().descr_get;
    if (get != nullptr && descriptor->type()->slots().descr_set != nullptr) {
      return get(descriptor.get(), object, type);  // data descriptor
    }
  }
  // The instance's own attributes come after data descriptors, before the rest.
  if (InstanceExtras* extras = ExtrasOf(object)) {
    if (name == DunderName(Dunder::kDict)) return InstanceDict(*extras);
    Ref<Object> value;
    if (!GetInstanceAttribute(*extras, name, &value)) return nullptr;
    if (value) return value;
  }
  if (get != nullptr) return get(descriptor.get(), object, type);
  if (descriptor) return descriptor;
  return Raise(WellKnown::kAttributeError,
               StrCat("'", NameOf(object), "' object has no attribute '", name->text(), "'"));
}

bool GenericSetAttr(Object* object, const Name* name, Object* value) {
  if (!CheckOwnedIfChecked(object) || (value != nullptr && !CheckOwnedIfChecked(value))) {
    return false;
  }
  TypeObject* type = object->type();
  Ref<Object> descriptor =
      Ref<Object>::Borrow(Interpreter::Current()->LookupTypeAttribute(*type, name));
  if (descriptor) {
    if (DescrSetFn set = descriptor->type()->slots().descr_set) {
      return set(descriptor.get(), object, value);
    }
  }
  if (InstanceExtras* extras = ExtrasOf(object)) {
    if (name == DunderName(Dunder::kDict)) return SetInstanceDict(*extras, value);
    int stored = SetInstanceAttribute(*extras, name, value);
    if (stored != 0) return stored > 0;
    Raise(WellKnown::kAttributeError,
          StrCat("'", NameOf(object), "' object has no attribute '", name->text(), "'"));
    return false;
  }
  if (descriptor) {
    Raise(WellKnown::kAttributeError,
          StrCat("'", NameOf(object), "' object attribute '", name->text(), "' is read-only"));
    return false;
  }
  Raise(WellKnown::kAttributeError,
        StrCat("'", NameOf(object), "' object has no attribute '", name->text(),
               value != nullptr ? "' and no __dict__ for setting new attributes" : "'"));
  return false;
}

Ref<Object> LookupSpecial(Object* object, std::string_view name) {
  Interpreter& interp = *Interpreter::Current();
  Ref<Object> method =
      Ref<Object>::Borrow(interp.LookupTypeAttribute(*object->type(), interp.Intern(name)));
  if (!method) return nullptr;
  if (DescrGetFn get = method->type()->slots().descr_get) {
    return get(method.get(), object, object->type());
  }
  return method;
}

Ref<Object> Format(Object* value, Object* spec) {
  if (!CheckOwned(value) || (spec != nullptr && !CheckOwned(spec))) return nullptr;
  if (spec != nullptr && !IsInstance(spec, WellKnown::kStr)) {
    return Raise(WellKnown::kTypeError,
                 StrCat("Format specifier must be a string, not ", TypeDisplayName(spec->type())));
  }
  const bool empty = spec == nullptr || StrLength(spec) == 0;
  if (empty && IsExactly(value, WellKnown::kStr)) return Ref<Object>::Borrow(value);
  if (empty && IsExactly(value, WellKnown::kInt)) return Str(value);
  Ref<Object> method = LookupSpecial(value, "__format__");
  if (!method) {
    if (ExceptionPending()) return nullptr;
    return Raise(WellKnown::kTypeError,
                 StrCat("Type ", TypeDisplayName(value->type()), " doesn't define __format__"));
  }
  Ref<Object> empty_spec;
  if (spec == nullptr) {
    empty_spec = NewStr("");
    spec = empty_spec.get();
  }
  Ref<Object> result = Call(method.get(), {spec});
  if (result && !IsInstance(result.get(), WellKnown::kStr)) {
    return Raise(WellKnown::kTypeError,
                 StrCat("__format__ must return a str, not ", TypeDisplayName(result->type())));
  }
  return result;
}

Ref<Object> SuperGetAttr(TypeObject* type, Object* object, const Name* name) {
  TypeObject* start =
      IsInstance(object, WellKnown::kType) && static_cast<TypeObject*>(object)->IsSubtypeOf(type)
          ? static_cast<TypeObject*>(object)
          : object->type();
  std::span<TypeObject* const> mro = start->mro();
  auto after = std::find(mro.begin(), mro.end(), type);
  Interpreter& interp = *Interpreter::Current();
  for (auto it = after == mro.end() ? after : after + 1; it != mro.end(); ++it) {
    const AttrTable* dict = interp.TypeDict(**it);
    Object* found = dict != nullptr ? dict->Get(name) : nullptr;
    if (found == nullptr) continue;
    Ref<Object> keep = Ref<Object>::Borrow(found);
    DescrGetFn get = found->type()->slots().descr_get;
    if (get == nullptr) return keep;
    return get(found, object == start ? nullptr : object, start);
  }
  return Raise(WellKnown::kAttributeError,
               StrCat("'super' object has no attribute '", name->text(), "'"));
}

namespace {

// What MatchesClassInfo returns when `classinfo` is neither a class nor a tuple
// of classinfos (no exception pending).
constexpr int kNotClassInfo = -2;

// Whether `type` is a subclass of `classinfo`: 1 or 0, kNotClassInfo, or -1 with
// RecursionError pending for tuples nested too deep (`where` says which check).
int MatchesClassInfo(const TypeObject* type, Object* classinfo, std::string_view where) {
  if (IsInstance(classinfo, WellKnown::kType)) {
    return type->IsSubtypeOf(static_cast<TypeObject*>(classinfo)) ? 1 : 0;
  }
  if (!IsInstance(classinfo, WellKnown::kTuple)) return kNotClassInfo;
  if (!CheckStack(where)) return -1;
  for (const Ref<Object>& item : TupleItems(classinfo)) {
    int match = MatchesClassInfo(type, item.get(), where);
    if (match != 0) return match;
  }
  return 0;
}

}  // namespace

int IsInstanceOf(Object* object, Object* classinfo) {
  int match = MatchesClassInfo(object->type(), classinfo, " in __instancecheck__");
  if (match == kNotClassInfo) {
    Raise(WellKnown::kTypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
    return -1;
  }
  return match;
}

int IsSubclassOf(Object* cls, Object* classinfo) {
  if (!IsInstance(cls, WellKnown::kType)) {
    Raise(WellKnown::kTypeError, "issubclass() arg 1 must be a class");
    return -1;
  }
  int match = MatchesClassInfo(static_cast<TypeObject*>(cls), classinfo, " in __subclasscheck__");
  if (match == kNotClassInfo) {
    Raise(WellKnown::kTypeError,
          "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    return -1;
  }
  return match;
}

// ---------------------------------------------------------------------------
// Calls
// ---------------------------------------------------------------------------

Ref<Object> Call(Object* callable, const CallArgs& args) {
  if (!CheckOwned(callable) || !CheckOwned(args) || !CheckStack(" while calling a Python object")) {
    return nullptr;
  }
  if (CallFn call = callable->type()->slots().call) return call(callable, args);
  return Raise(WellKnown::kTypeError, StrCat("'", NameOf(callable), "' object is not callable"));
}

Ref<Object> Call(Object* callable, std::initializer_list<Object*> positional) {
  return Call(callable,
              CallArgs{.args = std::span<Object* const>(positional.begin(), positional.size())});
}

Ref<Object> CallPrepend(Object* callable, Object* first, const CallArgs& args) {
  std::vector<Object*> arguments;
  arguments.reserve(args.args.size() + 1);
  arguments.push_back(first);
  arguments.insert(arguments.end(), args.args.begin(), args.args.end());
  return Call(callable, CallArgs{.args = arguments, .kwnames = args.kwnames});
}

Ref<Object> CallMethod(Object* object, std::string_view name,
                       std::initializer_list<Object*> positional) {
  Ref<Object> method = GetAttr(object, name);
  if (!method) return nullptr;
  return Call(method.get(), positional);
}

// ---------------------------------------------------------------------------
// Iteration
// ---------------------------------------------------------------------------

Ref<Object> GetIter(Object* object) {
  if (!CheckOwned(object) || !CheckStack(" while getting an iterator")) return nullptr;
  UnaryFn iter = object->type()->slots().iter;
  if (iter == nullptr) {
    return Raise(WellKnown::kTypeError, StrCat("'", NameOf(object), "' object is not iterable"));
  }
  Ref<Object> iterator = iter(object);
  if (iterator && iterator->type()->slots().next == nullptr) {
    return Raise(WellKnown::kTypeError,
                 StrCat("iter() returned non-iterator of type '", NameOf(iterator.get()), "'"));
  }
  return iterator;
}

Ref<Object> SelfIter(Object* self) { return Ref<Object>::Borrow(self); }

Ref<Object> IterNext(Object* iterator) {
  if (!CheckOwned(iterator) || !CheckStack(" while getting the next item of an iterator")) {
    return nullptr;
  }
  if (UnaryFn next = iterator->type()->slots().next) return next(iterator);
  return Raise(WellKnown::kTypeError, StrCat("'", NameOf(iterator), "' object is not an iterator"));
}

// ---------------------------------------------------------------------------
// Containers
// ---------------------------------------------------------------------------

int64_t Length(Object* object) {
  if (!CheckOwned(object) || !CheckStack(" while getting the length of an object")) return -1;
  if (LengthFn length = object->type()->slots().length) return length(object);
  Raise(WellKnown::kTypeError, StrCat("object of type '", NameOf(object), "' has no len()"));
  return -1;
}

Ref<Object> GetItem(Object* container, Object* key) {
  if (!CheckOwned(container) || !CheckOwned(key) || !CheckStack(" while getting an item")) {
    return nullptr;
  }
  if (BinaryFn getitem = container->type()->slots().getitem) return getitem(container, key);
  return Raise(WellKnown::kTypeError,
               StrCat("'", NameOf(container), "' object is not subscriptable"));
}

bool SetItem(Object* container, Object* key, Object* value) {
  if (!CheckOwned(container) || !CheckOwned(key) || !CheckOwned(value)) return false;
  if (SetItemFn setitem = container->type()->slots().setitem) return setitem(container, key, value);
  Raise(WellKnown::kTypeError,
        StrCat("'", NameOf(container), "' object does not support item assignment"));
  return false;
}

bool DelItem(Object* container, Object* key) {
  if (!CheckOwned(container) || !CheckOwned(key)) return false;
  if (SetItemFn setitem = container->type()->slots().setitem)
    return setitem(container, key, nullptr);
  Raise(WellKnown::kTypeError,
        StrCat("'", NameOf(container), "' object does not support item deletion"));
  return false;
}

int Contains(Object* container, Object* item) {
  if (!CheckOwned(container) || !CheckOwned(item) || !CheckStack(" in a membership test")) {
    return -1;
  }
  if (ContainsFn contains = container->type()->slots().contains) return contains(container, item);
  if (container->type()->slots().iter == nullptr) {
    Raise(WellKnown::kTypeError,
          StrCat("argument of type '", NameOf(container), "' is not a container or iterable"));
    return -1;
  }
  Ref<Object> iterator = GetIter(container);
  if (!iterator) return -1;
  while (Ref<Object> element = IterNext(iterator.get())) {
    int equal = RichCompareBool(element.get(), item, CompareOp::kEq);
    if (equal != 0) return equal;
  }
  return ExceptionPending() ? -1 : 0;
}

// ---------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------

std::string_view BinaryOpSymbol(BinaryOp op) { return kBinarySymbols[static_cast<int>(op)]; }

Ref<Object> BinaryOperation(Object* left, Object* right, BinaryOp op) {
  if (!CheckOwned(left) || !CheckOwned(right)) return nullptr;
  BinaryFn TypeSlots::*slot = kBinarySlots[static_cast<int>(op)];
  BinaryFn left_fn = left->type()->slots().*slot;
  BinaryFn right_fn = right->type() != left->type() ? right->type()->slots().*slot : nullptr;
  if (right_fn == left_fn) right_fn = nullptr;
  if (left_fn != nullptr) {
    // A subclass on the right that overrides the operation goes first.
    if (right_fn != nullptr && right->type()->IsSubtypeOf(left->type())) {
      Ref<Object> result = right_fn(left, right);
      if (!result || !IsNotImplemented(result)) return result;
      right_fn = nullptr;
    }
    Ref<Object> result = left_fn(left, right);
    if (!result || !IsNotImplemented(result)) return result;
  }
  if (right_fn != nullptr) {
    Ref<Object> result = right_fn(left, right);
    if (!result || !IsNotImplemented(result)) return result;
  }
  std::string_view symbol = BinaryOpSymbol(op);
  if (op == BinaryOp::kPower) symbol = "** or pow()";
  return Raise(WellKnown::kTypeError, StrCat("unsupported operand type(s) for ", symbol, ": '",
                                             NameOf(left), "' and '", NameOf(right), "'"));
}

Ref<Object> Negative(Object* object) {
  return UnaryOperation(object, &TypeSlots::negative, "unary -");
}
Ref<Object> Positive(Object* object) {
  return UnaryOperation(object, &TypeSlots::positive, "unary +");
}
Ref<Object> Absolute(Object* object) {
  return UnaryOperation(object, &TypeSlots::absolute, "abs()");
}
Ref<Object> Invert(Object* object) { return UnaryOperation(object, &TypeSlots::invert, "unary ~"); }

std::optional<int64_t> IndexAsInt64(Object* object) {
  return IndexAsInt64(object, WellKnown::kOverflowError,
                      "Python int too large to convert to C ssize_t");
}

std::optional<int64_t> IndexAsInt64(Object* object, WellKnown overflow,
                                    std::string_view overflow_message) {
  if (!CheckOwned(object)) return std::nullopt;
  Ref<Object> integer;
  if (IsInstance(object, WellKnown::kInt)) {
    integer = Ref<Object>::Borrow(object);
  } else if (UnaryFn index = object->type()->slots().index) {
    integer = index(object);
    if (!integer) return std::nullopt;
  } else {
    Raise(WellKnown::kTypeError,
          StrCat("'", NameOf(object), "' object cannot be interpreted as an integer"));
    return std::nullopt;
  }
  std::optional<int64_t> value = IntAsInt64(integer.get());
  if (!value) Raise(overflow, overflow_message);
  return value;
}

bool OverridesBinarySlot(const Object* other, BinaryFn TypeSlots::*slot) {
  TypeObject* type = other->type();
  if (type->IsStaticBuiltin()) return false;
  BinaryFn own = type->slots().*slot;
  if (own == nullptr) return false;
  for (TypeObject* base : type->mro()) {
    if (base->IsStaticBuiltin()) return base->slots().*slot != own;
  }
  return true;
}

}  // namespace islet
