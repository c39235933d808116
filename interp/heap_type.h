// HeapType: a class created at run time, owned by one interpreter.
//
// Creating one registers it as a subclass of each base: in the interpreter's
// StaticTypeState for a static base (never in the shared type), or in the base's
// own list for a heap base. The registration is weak: a dying heap type removes
// itself. Its MRO is computed with C3, as Python does. Weak references to a heap
// type are listed in the type itself; when it dies they are cleared and their
// callbacks called (CPython's semantics).
//
//   absl::StatusOr<Ref<HeapType>> cls = HeapType::Create(interp, "Point", {&kObjectType});

#ifndef ISLET_INTERP_HEAP_TYPE_H_
#define ISLET_INTERP_HEAP_TYPE_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "interp/interpreter.h"
#include "interp/weakref.h"
#include "runtime/attr_table.h"
#include "runtime/type_object.h"

namespace islet {

class HeapType final : public TypeObject {
 public:
  // Creates a class named `name` with `bases` (at least one) in `interp`, which
  // must be the current interpreter. Fails with InvalidArgument, in Python's
  // words, for a base that cannot be subclassed, a duplicate base, an instance
  // layout conflict or an inconsistent MRO; with FailedPrecondition for a base
  // that belongs to another interpreter.
  static absl::StatusOr<Ref<HeapType>> Create(Interpreter& interp, std::string_view name,
                                              std::span<TypeObject* const> bases);

  // __qualname__: the dotted path from the module ("Outer.Inner"); the name
  // until set.
  std::string_view qualname() const { return qualname_; }
  void set_name(std::string_view name);
  void set_qualname(std::string_view qualname) { qualname_ = qualname; }

  // The class's own attributes. Changed only through Interpreter::SetTypeDictEntry,
  // which gives this class and its subclasses new version tags.
  const AttrTable& dict() const { return dict_; }
  // Replaces the behaviour slots, keeping the layout ones (instance_size,
  // destroy, clear, traverse). The objects layer derives them from the special methods
  // along the MRO whenever the class's dict changes.
  void SetBehaviorSlots(const TypeSlots& behavior);
  // Whether an instance of `a` can become an instance of `b` (__class__
  // assignment): their instances are laid out alike (CPython's
  // compatible_for_assignment: the same solid base).
  static bool SameInstanceLayout(const HeapType& a, const HeapType& b);
  // Heap subclasses of this class, in creation order (weak).
  std::span<HeapType* const> subclasses() const { return subclasses_; }
  // Weak references to this class (made in its interpreter, the only one that
  // can reach it).
  WeakRefList& weakrefs() { return weakrefs_; }

  // Most version tags one class may use; past it, the class is no longer cached
  // (one class mutated in a loop must not use up the interpreter's tags).
  static constexpr uint32_t kMaxVersionTags = 1000;

  HeapType(std::string name, std::vector<Ref<TypeObject>> bases, TypeObject* best_base,
           std::vector<TypeObject*> mro, const TypeSlots& slots, uint32_t version_tag);
  ~HeapType();

  // TypeSlots::clear for heap types (the metatype `type` uses it): gives the
  // class and its subclasses new version tags, drops the dict, bases and MRO and
  // the subclass registrations, and detaches its weak references without
  // calling their callbacks (interpreter teardown runs no Python code; the
  // collector already cleared them).
  static void Clear(Object* object);
  // TypeSlots::traverse for heap types: the bases and the dict's values. Not the
  // metatype: that reference is every instance's, which TraverseInstance reports.
  static void Traverse(Object* object, const Visitor& visit);

 private:
  friend class Interpreter;

  // TypeSlots::destroy, ::clear and ::traverse of instances: the InstanceExtras
  // (and, for traverse, the instance's reference to its class), then the
  // layout's own.
  static void DestroyInstance(Object* object);
  static void ClearInstance(Object* object);
  static void TraverseInstance(Object* object, const Visitor& visit);

  void Unregister();
  // Gives this class and, recursively, its subclasses fresh version tags, so no
  // cached lookup made before a change can match after it.
  void AssignNewVersionTags(Interpreter& interp);

  std::string name_storage_;
  std::string qualname_;
  std::vector<Ref<TypeObject>> base_refs_;
  std::vector<TypeObject*> base_pointers_;
  std::vector<TypeObject*> mro_storage_;
  AttrTable dict_;
  std::vector<HeapType*> subclasses_;
  WeakRefList weakrefs_;
  uint32_t version_tags_used_ = 1;
  // The inherited layout's destroy, clear and traverse, run after the extras'.
  void (*layout_destroy_)(Object*) = nullptr;
  void (*layout_clear_)(Object*) = nullptr;
  TraverseFn layout_traverse_ = nullptr;
};

}  // namespace islet

#endif  // ISLET_INTERP_HEAP_TYPE_H_
