#include "runtime/type_object.h"

namespace islet {

bool TypeObject::IsSubtypeOf(const TypeObject* other) const {
  for (const TypeObject* entry : mro_) {
    if (entry == other) return true;
  }
  return false;
}

}  // namespace islet
