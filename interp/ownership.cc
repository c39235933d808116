#include "interp/ownership.h"

#include <cstdio>
#include <cstdlib>
#include <string>

#include "runtime/str_cat.h"

namespace islet {
namespace {

// How a message names `object`. It reads only what never changes after creation
// (owner, type, a type's name and MRO), so it is safe while `object`'s own
// interpreter runs on another thread.
std::string Describe(const Object* object) {
  const Interpreter* owner = object->owner();
  if (owner != nullptr && object->type()->IsSubtypeOf(owner->type_type())) {
    return StrCat("class '", static_cast<const TypeObject*>(object)->name(), "'");
  }
  return StrCat("object of type '", object->type()->name(), "'");
}

}  // namespace

namespace ownership_internal {

bool RaiseNotOwned(const Object* object) {
  const Interpreter* current = Interpreter::Current();
  if (current == nullptr) FatalNotAttached(object);
  std::string message = StrCat(Describe(object), " belongs to interpreter ", object->owner()->id(),
                               " and cannot be used in interpreter ", current->id());
  auto raise = ObjectsLayer().raise_runtime_error;
  if (raise == nullptr) {
    std::fprintf(stderr, "islet: %s\n", message.c_str());
    std::abort();
  }
  raise(message);
  return false;
}

void FatalNotAttached(const Object* object) {
  std::string message = Describe(object);
  if (const Interpreter* owner = object->owner()) {
    message = StrCat(message, " of interpreter ", owner->id());
  }
  std::fprintf(stderr, "islet: %s used with no interpreter attached\n", message.c_str());
  std::abort();
}

}  // namespace ownership_internal
}  // namespace islet
