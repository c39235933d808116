#include "objects/repr_guard.h"

namespace islet {

constinit thread_local const ReprGuard* ReprGuard::innermost_ = nullptr;

ReprGuard::ReprGuard(const Object* object) : object_(object), outer_(innermost_) {
  for (const ReprGuard* guard = outer_; guard != nullptr; guard = guard->outer_) {
    if (guard->object_ == object) {
      recursive_ = true;
      break;
    }
  }
  innermost_ = this;
}

ReprGuard::~ReprGuard() { innermost_ = outer_; }

}  // namespace islet
