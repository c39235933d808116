#include "interp/heap_type.h"

#include <algorithm>
#include <optional>

#include "interp/instance_extras.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

// The nearest ancestor that fixes `type`'s instance layout (CPython's solid base):
// heap types add nothing to their base's layout, and neither does a static type
// whose instances are the size of its base's.
const TypeObject* LayoutBase(const TypeObject* type) {
  while (type->base() != nullptr &&
         (!type->IsStaticBuiltin() ||
          type->slots().instance_size == type->base()->slots().instance_size)) {
    type = type->base();
  }
  return type;
}

// C3 linearization: merge the bases' MROs and the list of bases. Returns nullopt
// if no consistent order exists.
std::optional<std::vector<TypeObject*>> C3Merge(std::vector<std::vector<TypeObject*>> sequences) {
  std::vector<TypeObject*> result;
  while (true) {
    std::erase_if(sequences, [](const auto& sequence) { return sequence.empty(); });
    if (sequences.empty()) return result;
    TypeObject* candidate = nullptr;
    for (const auto& sequence : sequences) {
      TypeObject* head = sequence.front();
      bool in_a_tail = std::any_of(sequences.begin(), sequences.end(), [&](const auto& other) {
        return std::find(other.begin() + 1, other.end(), head) != other.end();
      });
      if (!in_a_tail) {
        candidate = head;
        break;
      }
    }
    if (candidate == nullptr) return std::nullopt;
    result.push_back(candidate);
    for (auto& sequence : sequences) {
      if (sequence.front() == candidate) sequence.erase(sequence.begin());
    }
  }
}

}  // namespace

absl::StatusOr<Ref<HeapType>> HeapType::Create(Interpreter& interp, std::string_view name,
                                               std::span<TypeObject* const> bases) {
  if (bases.empty()) return absl::InvalidArgumentError("a class needs at least one base");
  for (size_t i = 0; i < bases.size(); ++i) {
    // A subclass holds its bases and registers with them: they must be this
    // interpreter's (or shared static types).
    if (const Interpreter* owner = bases[i]->owner(); owner != nullptr && owner != &interp) {
      return absl::FailedPreconditionError(
          StrCat("base class '", bases[i]->name(), "' belongs to interpreter ", owner->id(),
                 " and cannot be used in interpreter ", interp.id()));
    }
    if (!bases[i]->HasFlag(kTypeBaseType)) {
      return absl::InvalidArgumentError(
          StrCat("type '", bases[i]->name(), "' is not an acceptable base type"));
    }
    for (size_t j = 0; j < i; ++j) {
      if (bases[i] == bases[j]) {
        return absl::InvalidArgumentError(StrCat("duplicate base class ", bases[i]->name()));
      }
    }
  }
  // The best base (Python's __base__) is the base with the most derived layout;
  // every other base's layout must be one of that layout's ancestors.
  TypeObject* best_base = bases[0];
  const TypeObject* layout = LayoutBase(best_base);
  for (TypeObject* base : bases) {
    const TypeObject* candidate = LayoutBase(base);
    if (candidate->IsSubtypeOf(layout)) {
      if (candidate != layout) best_base = base;
      layout = candidate;
    } else if (!layout->IsSubtypeOf(candidate)) {
      return absl::InvalidArgumentError("multiple bases have instance lay-out conflict");
    }
  }

  std::vector<std::vector<TypeObject*>> sequences;
  for (TypeObject* base : bases) sequences.emplace_back(base->mro().begin(), base->mro().end());
  sequences.emplace_back(bases.begin(), bases.end());
  std::optional<std::vector<TypeObject*>> merged = C3Merge(std::move(sequences));
  if (!merged) {
    std::vector<std::string_view> names;
    for (TypeObject* base : bases) names.push_back(base->name());
    return absl::InvalidArgumentError(
        StrCat("Cannot create a consistent method resolution order (MRO) for bases ",
               StrJoin(names, ", ")));
  }
  std::vector<Ref<TypeObject>> base_refs;
  for (TypeObject* base : bases) base_refs.push_back(Ref<TypeObject>::Borrow(base));

  Ref<HeapType> type = interp.NewObject<HeapType>(
      interp.type_type(), std::string(name), std::move(base_refs), best_base, std::move(*merged),
      best_base->slots(), interp.NextHeapVersionTag());
  for (TypeObject* base : bases) {
    if (base->IsStaticBuiltin()) {
      interp.StateOf(*base).AddSubclass(type.get());
    } else {
      static_cast<HeapType*>(base)->subclasses_.push_back(type.get());
    }
  }
  // The best base's slots are a start; other bases along the MRO may define some.
  if (auto update = ObjectsLayer().update_heap_slots) update(*type, nullptr);
  return type;
}

void HeapType::set_name(std::string_view name) {
  name_storage_ = name;
  name_ = name_storage_;
}

bool HeapType::SameInstanceLayout(const HeapType& a, const HeapType& b) {
  return LayoutBase(&a) == LayoutBase(&b) && a.extras_offset_ == b.extras_offset_ &&
         a.slots_.instance_size == b.slots_.instance_size &&
         a.layout_destroy_ == b.layout_destroy_ && a.layout_clear_ == b.layout_clear_;
}

void HeapType::SetBehaviorSlots(const TypeSlots& behavior) {
#define ISLET_COPY_SLOT(signature, name) slots_.name = behavior.name;
  ISLET_BEHAVIOR_SLOTS(ISLET_COPY_SLOT)
#undef ISLET_COPY_SLOT
}

HeapType::HeapType(std::string name, std::vector<Ref<TypeObject>> bases, TypeObject* best_base,
                   std::vector<TypeObject*> mro, const TypeSlots& slots, uint32_t version_tag)
    : TypeObject(std::string_view(), kTypeHeap | kTypeBaseType, slots),
      name_storage_(name),
      qualname_(std::move(name)),
      base_refs_(std::move(bases)) {
  for (const Ref<TypeObject>& base : base_refs_) base_pointers_.push_back(base.get());
  mro_storage_.push_back(this);
  mro_storage_.insert(mro_storage_.end(), mro.begin(), mro.end());
  name_ = name_storage_;
  base_ = best_base;
  bases_ = base_pointers_;
  mro_ = mro_storage_;
  version_tag_ = version_tag;
  // Instances get extras after the inherited layout, unless a heap base already
  // gave them some (then this class's instances are laid out as that base's).
  if (best_base->extras_offset() != 0) {
    extras_offset_ = best_base->extras_offset();
    auto* heap_base = static_cast<HeapType*>(best_base);
    layout_destroy_ = heap_base->layout_destroy_;
    layout_clear_ = heap_base->layout_clear_;
    layout_traverse_ = heap_base->layout_traverse_;
  } else {
    constexpr size_t kAlign = alignof(InstanceExtras);
    extras_offset_ = static_cast<uint32_t>((slots.instance_size + kAlign - 1) / kAlign * kAlign);
    slots_.instance_size = extras_offset_ + sizeof(InstanceExtras);
    layout_destroy_ = slots.destroy;
    layout_clear_ = slots.clear;
    layout_traverse_ = slots.traverse;
  }
  slots_.destroy = &DestroyInstance;
  slots_.clear = &ClearInstance;
  slots_.traverse = &TraverseInstance;
}

// Weak references are cleared (and their callbacks called) while the instance is
// still intact, before the layout's destructor runs.
void HeapType::DestroyInstance(Object* object) {
  auto* type = static_cast<HeapType*>(object->type());
  InstanceExtras* extras = ExtrasOf(object);
  extras->weakrefs.ClearAndCallCallbacks();
  extras->~InstanceExtras();
  if (type->layout_destroy_ != nullptr) type->layout_destroy_(object);
}

void HeapType::ClearInstance(Object* object) {
  auto* type = static_cast<HeapType*>(object->type());
  InstanceExtras* extras = ExtrasOf(object);
  extras->weakrefs.ClearWithoutCallbacks();
  // Released after the extras are reset.
  std::unique_ptr<AttrTable> attributes = std::move(extras->attributes);
  Ref<Object> dict = std::move(extras->dict);
  if (type->layout_clear_ != nullptr) type->layout_clear_(object);
}

// The class is the instance's reference too: Interpreter::NewObject takes one
// for each instance of a heap type.
void HeapType::TraverseInstance(Object* object, const Visitor& visit) {
  auto* type = static_cast<HeapType*>(object->type());
  visit(type);
  InstanceExtras* extras = ExtrasOf(object);
  if (extras->attributes) {
    for (const AttrTable::Entry& entry : extras->attributes->entries()) visit(entry.value);
  }
  visit(extras->dict);
  if (type->layout_traverse_ != nullptr) type->layout_traverse_(object, visit);
}

// Unregistered first, so no callback can find the dying class through a
// subclass list.
HeapType::~HeapType() {
  Unregister();
  weakrefs_.ClearAndCallCallbacks();
}

void HeapType::AssignNewVersionTags(Interpreter& interp) {
  if (version_tags_used_ < kMaxVersionTags) {
    ++version_tags_used_;
    version_tag_ = interp.NextHeapVersionTag();
  } else {
    version_tag_ = 0;
  }
  for (HeapType* subclass : subclasses_) subclass->AssignNewVersionTags(interp);
}

// Removes this class from its bases' subclass lists. Idempotent.
void HeapType::Unregister() {
  for (TypeObject* base : base_pointers_) {
    if (base->IsStaticBuiltin()) {
      owner()->StateOf(*base).RemoveSubclass(this);
    } else {
      auto& siblings = static_cast<HeapType*>(base)->subclasses_;
      siblings.erase(std::remove(siblings.begin(), siblings.end(), this), siblings.end());
    }
  }
  base_pointers_.clear();
}

void HeapType::Traverse(Object* object, const Visitor& visit) {
  HeapType* type = static_cast<HeapType*>(object);
  for (const Ref<TypeObject>& base : type->base_refs_) visit(base);
  for (const AttrTable::Entry& entry : type->dict_.entries()) visit(entry.value);
}

// A cleared class answers no lookup from the attribute cache any more: the
// values cached under its tags (and its subclasses') are being released.
void HeapType::Clear(Object* object) {
  HeapType* type = static_cast<HeapType*>(object);
  type->AssignNewVersionTags(*type->owner());
  type->Unregister();
  type->weakrefs_.ClearWithoutCallbacks();
  type->dict_.Clear();
  type->mro_storage_.assign(1, type);
  type->mro_ = type->mro_storage_;
  type->bases_ = {};
  type->base_ = nullptr;
  std::vector<Ref<TypeObject>> old_bases;
  old_bases.swap(type->base_refs_);
}

}  // namespace islet
