// The object header shared by every islet object, immortality (PEP 683), and Ref<T>,
// the RAII handle through which C++ code holds references.
//
// Ownership model:
//   - An *immortal* object (static builtin types, singletons, their MRO arrays) is
//     shared by every interpreter. IncRef/DecRef never write to its header, so threads
//     of different interpreters never write a cache line through it, and no number of
//     extra DecRefs can free it.
//   - Every other object is *mortal* and owned by exactly one interpreter: it is
//     allocated there, tracked there, and only touched by threads attached to it
//     (under its lock), so its refcount needs no atomics.
//
//   Ref<Object> value = interp.NewObject<MyObject>(&kMyType, ...);
//   Ref<Object> alias = value;   // IncRef
//   value.reset();               // DecRef; freed when the last Ref goes away

#ifndef ISLET_RUNTIME_OBJECT_H_
#define ISLET_RUNTIME_OBJECT_H_

#include <cstddef>
#include <cstdint>
#include <utility>

namespace islet {

class Interpreter;
class TypeObject;

// Object is the header of every islet object.
class Object {
 public:
  // A refcount at or above this value marks an immortal object. It is far above any
  // count a mortal object can reach, so a stray IncRef cannot make a mortal immortal.
  static constexpr uint64_t kImmortalRefcount = uint64_t{1} << 62;

  Object(const Object&) = delete;
  Object& operator=(const Object&) = delete;
  ~Object() = default;

  TypeObject* type() const { return type_; }
  // The interpreter that owns this object; nullptr for immortal (shared) objects.
  Interpreter* owner() const { return owner_; }
  bool IsImmortal() const { return refcount_ >= kImmortalRefcount; }
  uint64_t refcount() const { return refcount_; }

  // Sets the type of an immortal object defined before its type could be known
  // (constant-initialized singletons). Only while the runtime initializes, before
  // any interpreter exists.
  static void ReadyImmortal(Object& object, TypeObject* type) { object.type_ = type; }

  // Selects the constructor of immortal objects (constant-initialized statics).
  struct ImmortalTag {};

  friend void IncRef(Object* object);
  friend void DecRef(Object* object);
  friend class Interpreter;
  friend class ObjectList;
  friend class Collector;

 protected:
  // Immortal objects: their type is set when the runtime readies them.
  constexpr explicit Object(ImmortalTag) : refcount_(kImmortalRefcount) {}
  // Mortal objects are constructed only by Interpreter::NewObject, which fills in the
  // type, owner and tracking links.
  Object() = default;

  void set_type(TypeObject* type) { type_ = type; }

 private:
  uint64_t refcount_ = 1;
  TypeObject* type_ = nullptr;
  Interpreter* owner_ = nullptr;
  // Links in one of the owner's lists of objects (interp/object_list.h: teardown
  // walks them, the cycle collector keeps its generations in them): the previous
  // object's address with flags in its low three bits, and the next object.
  uintptr_t prev_ = 0;
  Object* next_ = nullptr;
};

// Frees a mortal object whose refcount reached zero: runs its type's destructor,
// returns the memory to its owning interpreter and releases its heap type.
// Defined by //interp (interp/interpreter.cc), which owns every mortal object.
void Dealloc(Object* object);

inline void IncRef(Object* object) {
  if (object->IsImmortal()) return;  // never write to a shared header
  ++object->refcount_;
}

inline void DecRef(Object* object) {
  if (object->IsImmortal()) return;
  if (--object->refcount_ == 0) Dealloc(object);
}

// Ref<T> owns one reference to a T (an Object or a subclass). Null is allowed.
template <typename T>
class Ref {
 public:
  Ref() = default;
  Ref(std::nullptr_t) {}  // NOLINT: null converts implicitly, like a pointer
  Ref(const Ref& other) : ptr_(other.ptr_) {
    if (ptr_) IncRef(ptr_);
  }
  Ref(Ref&& other) noexcept : ptr_(std::exchange(other.ptr_, nullptr)) {}
  template <typename U>
  Ref(Ref<U>&& other) : ptr_(other.release()) {}  // NOLINT: upcast, like a pointer
  template <typename U>
  Ref(const Ref<U>& other) : ptr_(other.get()) {  // NOLINT: upcast, like a pointer
    if (ptr_) IncRef(ptr_);
  }
  ~Ref() { reset(); }

  Ref& operator=(Ref other) noexcept {
    std::swap(ptr_, other.ptr_);
    return *this;
  }

  // Takes over a reference the caller already owns (a new object's first one).
  static Ref Steal(T* ptr) {
    Ref ref;
    ref.ptr_ = ptr;
    return ref;
  }
  // Adds a reference to a borrowed pointer.
  static Ref Borrow(T* ptr) {
    if (ptr) IncRef(ptr);
    return Steal(ptr);
  }

  T* get() const { return ptr_; }
  T* operator->() const { return ptr_; }
  T& operator*() const { return *ptr_; }
  explicit operator bool() const { return ptr_ != nullptr; }

  // Gives up ownership without a DecRef; the caller now owns the reference.
  T* release() { return std::exchange(ptr_, nullptr); }
  void reset() {
    if (T* old = std::exchange(ptr_, nullptr)) DecRef(old);
  }

 private:
  T* ptr_ = nullptr;
};

}  // namespace islet

#endif  // ISLET_RUNTIME_OBJECT_H_
