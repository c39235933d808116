// Static builtin types that exist only in tests. They register through the same
// hook as real types, so linking this library adds them to the global registry.
//
//   test_node      an object holding one reference (to build cycles); subclassable
//   test_weakref   a weak reference object
//   test_zeta, test_alpha (deps: test_zeta), test_beta (base: test_alpha)
//                  init/fini hooks that record into HookLog, to check ordering

#ifndef ISLET_TESTS_TESTING_TEST_TYPES_H_
#define ISLET_TESTS_TESTING_TEST_TYPES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "interp/interpreter.h"
#include "interp/weakref.h"
#include "runtime/object.h"
#include "runtime/static_type.h"

namespace islet::testing {

extern StaticType kNodeType;
extern StaticType kWeakRefType;
extern StaticType kZetaType;
extern StaticType kAlphaType;
extern StaticType kBetaType;

// NodeObject holds one strong reference, so tests can build reference cycles.
class NodeObject : public Object {
 public:
  Ref<Object> next;
  static void Clear(Object* object) { static_cast<NodeObject*>(object)->next.reset(); }
  static void Traverse(Object* object, const Visitor& visit) {
    visit(static_cast<NodeObject*>(object)->next);
  }
};

// Makes a weak reference to `referent` in `interp` (the current interpreter); only
// static builtin types can be referents here.
Ref<WeakRefObject> NewWeakRefToStaticType(Interpreter& interp, TypeObject& referent,
                                          Ref<Object> callback = nullptr);

// Records hook calls ("init test_alpha", "fini test_alpha") per interpreter id.
class HookLog {
 public:
  static void Record(int64_t interp_id, std::string event);
  static std::vector<std::string> Take(int64_t interp_id);
  // Forgets everything (ids restart at each Runtime::Initialize).
  static void Clear();
};

}  // namespace islet::testing

#endif  // ISLET_TESTS_TESTING_TEST_TYPES_H_
