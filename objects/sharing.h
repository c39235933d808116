// Sharing objects between interpreters (PEP 734's rules, islet's forms).
//
// An object never leaves its interpreter. What crosses is a SharedValue: a
// description of the object built from C++ data only, so it outlives the
// interpreter that made it and any thread may hold it. The receiving interpreter
// builds its own objects from it:
//
//   std::optional<SharedValue> shared = ShareObject(item);  // attached to A
//   if (!shared) return nullptr;  // NotShareableError pending in A
//   ...
//   Ref<Object> copy = UnshareValue(*shared);  // attached to B: B's objects
//
// What is shareable:
//   - immortal objects (None, True, False, small ints, the empty str and tuple,
//     static types, ...) pass as they are: B gets the very same object;
//   - objects of exactly int, float, str, bytes, tuple, list, dict, set and
//     frozenset whose items are shareable are copied; an object reached twice is
//     copied once, so aliasing survives ([a, a] arrives as [b, b]);
//   - a concurrent.interpreters.Queue arrives as B's wrapper of the same queue.
// Anything else, instances of subclasses included, raises NotShareableError
// "<C object at 0x...> does not support cross-interpreter data" (CPython's words,
// the object shown as object.__repr__ shows it, so the message always names the
// type and sharing never runs Python code). A reference cycle raises
// NotShareableError too, and nesting deeper than kMaxShareDepth RecursionError.

#ifndef ISLET_OBJECTS_SHARING_H_
#define ISLET_OBJECTS_SHARING_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "runtime/object.h"

namespace islet {

class SharedQueue;  // objects/queue.h

// Containers nested deeper than this are refused (sharing recurses).
inline constexpr int kMaxShareDepth = 1000;

// SharedValue: a shareable object in a form no interpreter owns. Copyable and
// movable; destroying it never touches an interpreter. Nodes are stored children
// first, so the root is the last node and no node refers to a later one (which
// is why a value can be rebuilt without recursion, and why cycles cannot exist).
class SharedValue {
 public:
  SharedValue() = default;

  // The number of nodes: objects copied or passed as they are, counting an
  // object reached twice once.
  size_t node_count() const { return nodes_.size(); }

 private:
  friend class SharedValueBuilder;
  friend Ref<Object> UnshareValue(const SharedValue& value);

  enum class Kind : uint8_t {
    kImmortal,  // `immortal`, as it is
    kInt,       // `integer`
    kBigInt,    // `data`: the magnitude's bytes, most significant first; `integer`: sign
    kFloat,     // `real`
    kStr,       // `data`: UTF-8
    kBytes,     // `data`
    kTuple,     // children: the items
    kList,
    kDict,  // children: key, value, key, value, ...
    kSet,
    kFrozenSet,
    kQueue,  // `queue`
  };
  struct Node {
    Kind kind;
    uint32_t first_child = 0;  // into children_
    uint32_t child_count = 0;
    int64_t integer = 0;
    double real = 0;
    std::string data = {};
    Object* immortal = nullptr;
    std::shared_ptr<SharedQueue> queue = {};
  };

  std::vector<Node> nodes_;
  std::vector<uint32_t> children_;  // node indices, each below its parent's
};

// ShareObject(object): `object` as a SharedValue; nullopt with NotShareableError
// (or RecursionError) pending if it is not shareable. Reads `object` only, so
// it runs no Python code. The caller must be attached to `object`'s interpreter.
std::optional<SharedValue> ShareObject(Object* object);

// IsShareable(object): whether ShareObject would succeed (CPython's
// interpreters.is_shareable); raises nothing.
bool IsShareable(Object* object);

// UnshareValue(value): the object `value` describes, made in the current
// interpreter (immortals as they are). Null with an exception pending if a step
// fails, which what ShareObject accepts never makes happen (its keys hash).
Ref<Object> UnshareValue(const SharedValue& value);

}  // namespace islet

#endif  // ISLET_OBJECTS_SHARING_H_
