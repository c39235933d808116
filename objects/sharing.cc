#include "objects/sharing.h"

#include <gmp.h>

#include <cstdio>
#include <span>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "interp/interpreter.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/protocol.h"
#include "objects/queue.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/well_known.h"
#include "runtime/str_cat.h"

namespace islet {

// ---------------------------------------------------------------------------
// Objects to a SharedValue
// ---------------------------------------------------------------------------

// Walks an object depth first, appending each node after its children. Runs no
// Python code: it reads only the exact builtin types it accepts.
class SharedValueBuilder {
 public:
  // False with an exception pending (raised unless `quiet`) if `root` is refused.
  bool Build(Object* root, SharedValue& out, bool quiet) {
    quiet_ = quiet;
    value_ = &out;
    return Visit(root, 0) != kFailed;
  }

 private:
  using Kind = SharedValue::Kind;
  using Node = SharedValue::Node;
  static constexpr uint32_t kFailed = UINT32_MAX;
  static constexpr uint32_t kInProgress = UINT32_MAX - 1;

  // The node index of `object`, or kFailed.
  uint32_t Visit(Object* object, int depth) {
    auto [seen, is_new] = memo_.try_emplace(object, kInProgress);
    if (!is_new) {
      if (seen->second == kInProgress) return Fail(WellKnown::kNotShareableError, object, true);
      return seen->second;  // reached again: share the node, as pickle keeps aliases
    }
    uint32_t index = Convert(object, depth);
    if (index == kFailed) return kFailed;
    memo_[object] = index;  // re-found: Convert may have grown the map
    return index;
  }

  uint32_t Convert(Object* object, int depth) {
    if (object->IsImmortal()) return Emit({.kind = Kind::kImmortal, .immortal = object});
    if (IsExactly(object, WellKnown::kInt)) return ConvertInt(object);
    if (IsExactly(object, WellKnown::kFloat)) {
      return Emit({.kind = Kind::kFloat, .real = FloatValue(object)});
    }
    if (IsExactly(object, WellKnown::kStr)) {
      return Emit({.kind = Kind::kStr, .data = std::string(StrView(object))});
    }
    if (IsExactly(object, WellKnown::kBytes)) {
      return Emit({.kind = Kind::kBytes, .data = std::string(BytesView(object))});
    }
    if (IsExactly(object, WellKnown::kQueue)) {
      return Emit({.kind = Kind::kQueue, .queue = QueueHandleOf(object)});
    }
    const bool container =
        IsExactly(object, WellKnown::kTuple) || IsExactly(object, WellKnown::kList) ||
        IsExactly(object, WellKnown::kDict) || IsExactly(object, WellKnown::kSet) ||
        IsExactly(object, WellKnown::kFrozenSet);
    if (!container) return Fail(WellKnown::kNotShareableError, object, false);
    if (depth >= kMaxShareDepth) return Fail(WellKnown::kRecursionError, object, false);
    return ConvertContainer(object, depth);
  }

  uint32_t ConvertInt(Object* object) {
    if (std::optional<int64_t> small = IntAsInt64(object)) {
      return Emit({.kind = Kind::kInt, .integer = *small});
    }
    mpz_srcptr big = static_cast<const IntObject*>(object)->big_value();
    std::string magnitude((mpz_sizeinbase(big, 2) + 7) / 8, '\0');
    size_t written = 0;
    mpz_export(magnitude.data(), &written, 1, 1, 1, 0, big);
    magnitude.resize(written);
    return Emit({.kind = Kind::kBigInt, .integer = mpz_sgn(big), .data = std::move(magnitude)});
  }

  uint32_t ConvertContainer(Object* object, int depth) {
    // Children are converted before the node itself is appended (children
    // first), so their indices are gathered here; nothing runs that could
    // change `object` meanwhile.
    std::vector<uint32_t> children;
    auto add = [&](Object* child) {
      uint32_t index = Visit(child, depth + 1);
      if (index == kFailed) return false;
      children.push_back(index);
      return true;
    };
    Kind kind;
    if (IsExactly(object, WellKnown::kTuple) || IsExactly(object, WellKnown::kList)) {
      kind = IsExactly(object, WellKnown::kTuple) ? Kind::kTuple : Kind::kList;
      std::span<const Ref<Object>> items = kind == Kind::kTuple
                                               ? TupleItems(object)
                                               : std::span<const Ref<Object>>(ListItems(object));
      for (const Ref<Object>& item : items) {
        if (!add(item.get())) return kFailed;
      }
    } else if (IsExactly(object, WellKnown::kDict)) {
      kind = Kind::kDict;
      int64_t position = 0;
      Object *key, *value;
      while (DictNext(object, &position, &key, &value)) {
        if (!add(key) || !add(value)) return kFailed;
      }
    } else {
      kind = IsExactly(object, WellKnown::kSet) ? Kind::kSet : Kind::kFrozenSet;
      auto* set = static_cast<SetObject*>(object);
      size_t position = 0;
      const SetObject::Entry* entry;
      while (set->Next(&position, &entry)) {
        if (!add(entry->key.get())) return kFailed;
      }
    }
    Node node{.kind = kind,
              .first_child = static_cast<uint32_t>(value_->children_.size()),
              .child_count = static_cast<uint32_t>(children.size())};
    value_->children_.insert(value_->children_.end(), children.begin(), children.end());
    return Emit(std::move(node));
  }

  uint32_t Emit(Node node) {
    value_->nodes_.push_back(std::move(node));
    return static_cast<uint32_t>(value_->nodes_.size() - 1);
  }

  // Raises `error` about `object` (unless quiet) and returns kFailed.
  uint32_t Fail(WellKnown error, Object* object, bool cycle) {
    if (quiet_) return kFailed;
    if (error == WellKnown::kRecursionError) {
      Raise(error, "maximum recursion depth exceeded while sharing an object");
      return kFailed;
    }
    // object.__repr__'s text: names the type and runs no code.
    char address[32];
    std::snprintf(address, sizeof(address), "%p", static_cast<void*>(object));
    std::string shown =
        StrCat("<", FullyQualifiedName(object->type()), " object at ", address, ">");
    Raise(error, cycle ? StrCat(shown,
                                " contains itself: reference cycles do not support "
                                "cross-interpreter data")
                       : StrCat(shown, " does not support cross-interpreter data"));
    return kFailed;
  }

  SharedValue* value_ = nullptr;
  bool quiet_ = false;
  // Object -> its node, or kInProgress while its children are being converted
  // (meeting it then means a cycle).
  std::unordered_map<Object*, uint32_t> memo_;
};

std::optional<SharedValue> ShareObject(Object* object) {
  SharedValue value;
  if (!SharedValueBuilder().Build(object, value, /*quiet=*/false)) return std::nullopt;
  return value;
}

bool IsShareable(Object* object) {
  SharedValue value;
  return SharedValueBuilder().Build(object, value, /*quiet=*/true);
}

// ---------------------------------------------------------------------------
// A SharedValue to objects
// ---------------------------------------------------------------------------

Ref<Object> UnshareValue(const SharedValue& value) {
  using Kind = SharedValue::Kind;
  // Children come first, so one pass in order builds every node from built ones.
  std::vector<Ref<Object>> built(value.nodes_.size());
  for (size_t i = 0; i < value.nodes_.size(); ++i) {
    const SharedValue::Node& node = value.nodes_[i];
    auto child = [&](uint32_t k) { return built[value.children_[node.first_child + k]]; };
    Ref<Object> object;
    switch (node.kind) {
      case Kind::kImmortal:
        object = Ref<Object>::Borrow(node.immortal);
        break;
      case Kind::kInt:
        object = NewInt(node.integer);
        break;
      case Kind::kBigInt: {
        ScopedMpz big;
        mpz_import(big.get(), node.data.size(), 1, 1, 1, 0, node.data.data());
        if (node.integer < 0) mpz_neg(big.get(), big.get());
        object = NewIntFromMpz(big.get());
        break;
      }
      case Kind::kFloat:
        object = NewFloat(node.real);
        break;
      case Kind::kStr:
        object = NewStr(node.data);
        break;
      case Kind::kBytes:
        object = NewBytes(node.data);
        break;
      case Kind::kTuple:
      case Kind::kList: {
        std::vector<Ref<Object>> items;
        items.reserve(node.child_count);
        for (uint32_t k = 0; k < node.child_count; ++k) items.push_back(child(k));
        object = node.kind == Kind::kTuple ? NewTuple(std::move(items)) : NewList(std::move(items));
        break;
      }
      case Kind::kDict:
        object = NewDict();
        for (uint32_t k = 0; k + 1 < node.child_count; k += 2) {
          if (!DictSet(object.get(), child(k).get(), child(k + 1).get())) return nullptr;
        }
        break;
      case Kind::kSet:
      case Kind::kFrozenSet:
        object = NewSetOfType(
            WellKnownType(node.kind == Kind::kSet ? WellKnown::kSet : WellKnown::kFrozenSet),
            nullptr);
        for (uint32_t k = 0; k < node.child_count; ++k) {
          if (!SetAdd(object.get(), child(k).get())) return nullptr;
        }
        break;
      case Kind::kQueue:
        object = QueueObjectFor(node.queue);
        break;
    }
    if (!object) return nullptr;
    built[i] = std::move(object);
  }
  if (built.empty())
    return Raise(WellKnown::kValueError, "an empty SharedValue describes no object");
  return std::move(built.back());
}

}  // namespace islet
