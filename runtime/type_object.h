// TypeObject: the part every type shares, static builtin or heap.
//
// A static builtin type (StaticType, static_type.h) is defined once per process and
// is immortal: the runtime fills in its shared parts (metatype, base, bases, MRO,
// index, version tag, flags) when it readies the registry, and nothing writes to it
// again until Runtime::Finalize. Everything mutable about it lives per interpreter
// (interp/static_type_state.h). Heap types (interp/heap_type.h) belong to one
// interpreter and are mortal.

#ifndef ISLET_RUNTIME_TYPE_OBJECT_H_
#define ISLET_RUNTIME_TYPE_OBJECT_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <type_traits>

#include "runtime/object.h"

namespace islet {

// Type flags.
enum TypeFlag : uint32_t {
  // Defined once per process and registered through ISLET_BUILTIN_TYPE.
  kTypeStaticBuiltin = 1u << 0,
  // Allocated at run time by one interpreter.
  kTypeHeap = 1u << 1,
  // May be used as a base class.
  kTypeBaseType = 1u << 2,
  // Attributes cannot be set or deleted (all static builtin types).
  kTypeImmutable = 1u << 3,
  // The shared parts are filled in; set by the runtime, cleared at finalization.
  kTypeReady = 1u << 4,
};

class Name;

// Comparison operators, in CPython's order.
enum class CompareOp : uint8_t { kLt, kLe, kEq, kNe, kGt, kGe };

// CallArgs: the arguments of a call, vectorcall style: `args` holds the positional
// arguments followed by the keyword arguments' values; `kwnames` names the last
// kwnames.size() of them. Borrowed for the duration of the call.
struct CallArgs {
  std::span<Object* const> args;
  std::span<const Name* const> kwnames = {};

  size_t positional_count() const { return args.size() - kwnames.size(); }
  std::span<Object* const> positional() const { return args.first(positional_count()); }
  std::span<Object* const> keyword_values() const { return args.last(kwnames.size()); }
};

// Signatures of the behaviour slots. Error convention (CPython's): a Ref result
// is null, a bool is false, an int or int64_t is -1, and an exception is pending
// in the current interpreter (objects/errors.h).
using UnaryFn = Ref<Object> (*)(Object* self);
using BinaryFn = Ref<Object> (*)(Object* left, Object* right);
using HashFn = int64_t (*)(Object* self);
using InquiryFn = int (*)(Object* self);  // 0 or 1
using LengthFn = int64_t (*)(Object* self);
using RichCompareFn = Ref<Object> (*)(Object* self, Object* other, CompareOp op);
using GetAttrFn = Ref<Object> (*)(Object* self, const Name* name);
using SetAttrFn = bool (*)(Object* self, const Name* name, Object* value);  // null: delete
using CallFn = Ref<Object> (*)(Object* self, const CallArgs& args);
using DescrGetFn = Ref<Object> (*)(Object* descriptor, Object* instance, TypeObject* owner);
using DescrSetFn = bool (*)(Object* descriptor, Object* instance, Object* value);  // null: delete
using SetItemFn = bool (*)(Object* self, Object* key, Object* value);              // null: delete
using ContainsFn = int (*)(Object* self, Object* item);
using NewFn = Ref<Object> (*)(TypeObject* type, const CallArgs& args);
using InitFn = bool (*)(Object* self, const CallArgs& args);
// A finalizer cannot fail: it reports its own errors.
using FinalizeFn = void (*)(Object* self);

// Visitor: what a traverse slot (TypeSlots::traverse) calls with each object an
// instance holds a reference to. Null references are skipped.
//
//   void ListTraverse(Object* self, const Visitor& visit) {
//     for (const Ref<Object>& item : static_cast<ListObject*>(self)->items) visit(item);
//   }
class Visitor {
 public:
  using Fn = void (*)(Object* referent, void* context);
  constexpr Visitor(Fn fn, void* context) : fn_(fn), context_(context) {}
  void operator()(Object* referent) const {
    if (referent != nullptr) fn_(referent, context_);
  }
  template <typename T>
  void operator()(const Ref<T>& referent) const {
    (*this)(referent.get());
  }

 private:
  Fn fn_;
  void* context_;
};
using TraverseFn = void (*)(Object* self, const Visitor& visit);

// ISLET_BEHAVIOR_SLOTS(V) lists every behaviour slot as V(signature, name). A null
// slot is inherited from the base when the type is readied. `next` returning null
// with no exception pending means "exhausted"; a binary number slot returning the
// NotImplemented singleton lets the other operand try. `finalize` is PEP 442's
// (a class's __del__): it runs once per object, when its refcount first drops to
// zero or the cycle collector finds it in garbage, and may resurrect it.
#define ISLET_BEHAVIOR_SLOTS(V) \
  V(UnaryFn, repr)              \
  V(UnaryFn, str)               \
  V(HashFn, hash)               \
  V(RichCompareFn, richcompare) \
  V(GetAttrFn, getattr)         \
  V(SetAttrFn, setattr)         \
  V(CallFn, call)               \
  V(DescrGetFn, descr_get)      \
  V(DescrSetFn, descr_set)      \
  V(UnaryFn, iter)              \
  V(UnaryFn, next)              \
  V(InquiryFn, to_bool)         \
  V(LengthFn, length)           \
  V(BinaryFn, getitem)          \
  V(SetItemFn, setitem)         \
  V(ContainsFn, contains)       \
  V(BinaryFn, add)              \
  V(BinaryFn, subtract)         \
  V(BinaryFn, multiply)         \
  V(BinaryFn, true_divide)      \
  V(BinaryFn, floor_divide)     \
  V(BinaryFn, remainder)        \
  V(BinaryFn, power)            \
  V(BinaryFn, lshift)           \
  V(BinaryFn, rshift)           \
  V(BinaryFn, bit_and)          \
  V(BinaryFn, bit_or)           \
  V(BinaryFn, bit_xor)          \
  V(UnaryFn, negative)          \
  V(UnaryFn, positive)          \
  V(UnaryFn, absolute)          \
  V(UnaryFn, invert)            \
  V(UnaryFn, to_int)            \
  V(UnaryFn, to_float)          \
  V(UnaryFn, index)             \
  V(NewFn, new_instance)        \
  V(InitFn, init)               \
  V(FinalizeFn, finalize)

// TypeSlots: how the runtime manages and operates on instances of a type.
struct TypeSlots {
  // Bytes of one instance, header included.
  size_t instance_size = sizeof(Object);
  // Runs the instance's C++ destructor; nullptr if it is trivially destructible.
  void (*destroy)(Object*) = nullptr;
  // Drops every reference the instance holds except the one to its type, leaving
  // it valid (empty). Interpreter teardown calls it on every object, and the
  // cycle collector on cyclic garbage, to break reference cycles. nullptr if
  // instances hold no references.
  void (*clear)(Object*) = nullptr;
  // Calls `visit` with each reference the instance holds, for the cycle
  // collector (interp/collector.h), which tracks the instances of types that
  // have one. Each reference that counts in its referent's refcount is reported
  // exactly once; a reference held through a structure other objects share
  // (a shared_ptr) must be reported by one of them only. Reporting too few only
  // keeps garbage alive; reporting one the instance does not hold frees live
  // objects. It must not run code, allocate or change anything. nullptr if
  // instances hold no references (they are never part of a cycle).
  TraverseFn traverse = nullptr;

#define ISLET_DECLARE_SLOT(signature, name) signature name = nullptr;
  ISLET_BEHAVIOR_SLOTS(ISLET_DECLARE_SLOT)
#undef ISLET_DECLARE_SLOT

  // Fills every null behaviour slot from `base`.
  void InheritFrom(const TypeSlots& base) {
#define ISLET_INHERIT_SLOT(signature, name) \
  if (name == nullptr) name = base.name;
    ISLET_BEHAVIOR_SLOTS(ISLET_INHERIT_SLOT)
#undef ISLET_INHERIT_SLOT
  }
};

// Returns slots for instances of the C++ class T (a subclass of Object); set the
// behaviour slots on the result. A type whose instances hold references gives
// both `clear` and `traverse`.
template <typename T>
constexpr TypeSlots SlotsFor(void (*clear)(Object*) = nullptr, TraverseFn traverse = nullptr) {
  TypeSlots slots;
  slots.instance_size = sizeof(T);
  if constexpr (!std::is_trivially_destructible_v<T>) {
    slots.destroy = [](Object* object) { static_cast<T*>(object)->~T(); };
  }
  slots.clear = clear;
  slots.traverse = traverse;
  return slots;
}

class TypeObject : public Object {
 public:
  std::string_view name() const { return name_; }
  uint32_t flags() const { return flags_; }
  bool HasFlag(TypeFlag flag) const { return (flags_ & flag) != 0; }
  bool IsStaticBuiltin() const { return HasFlag(kTypeStaticBuiltin); }
  // The first base (Python's __base__); nullptr only for the root type `object`.
  TypeObject* base() const { return base_; }
  std::span<TypeObject* const> bases() const { return bases_; }
  // Method resolution order, starting with this type.
  std::span<TypeObject* const> mro() const { return mro_; }
  // Dense registration index of a static builtin type; -1 for heap types.
  int32_t static_index() const { return static_index_; }
  // Attribute-cache version tag; 0 means "not cacheable right now".
  uint32_t version_tag() const { return version_tag_; }
  const TypeSlots& slots() const { return slots_; }
  // Where an instance keeps its InstanceExtras (interp/instance_extras.h: its own
  // attributes and weak references), in bytes from its start; 0 if it has none.
  uint32_t extras_offset() const { return extras_offset_; }

  // Whether this type is `other` or a subclass of it (walks the MRO).
  bool IsSubtypeOf(const TypeObject* other) const;

 protected:
  // Static builtin types: immortal, constant-initialized.
  constexpr TypeObject(ImmortalTag tag, std::string_view name, uint32_t flags,
                       const TypeSlots& slots)
      : Object(tag), name_(name), flags_(flags), slots_(slots) {}
  // Heap types.
  TypeObject(std::string_view name, uint32_t flags, const TypeSlots& slots)
      : name_(name), flags_(flags), slots_(slots) {}
  ~TypeObject() = default;

  std::string_view name_;
  uint32_t flags_;
  TypeObject* base_ = nullptr;
  std::span<TypeObject* const> bases_;
  std::span<TypeObject* const> mro_;
  int32_t static_index_ = -1;
  uint32_t version_tag_ = 0;
  TypeSlots slots_;
  uint32_t extras_offset_ = 0;
};

}  // namespace islet

#endif  // ISLET_RUNTIME_TYPE_OBJECT_H_
