#include "interp/object_list.h"

namespace islet {

size_t ObjectList::Count() const {
  size_t count = 0;
  for (const Object* o = first(); o != end(); o = Next(o)) ++count;
  return count;
}

void ObjectList::Splice(ObjectList& from) {
  if (from.empty()) return;
  Object* last = Prev(&head_);
  Object* from_first = from.head_.next_;
  Object* from_last = Prev(&from.head_);
  last->next_ = from_first;
  SetPrev(from_first, last);
  from_last->next_ = &head_;
  SetPrev(&head_, from_last);
  from.head_.next_ = &from.head_;
  SetPrev(&from.head_, &from.head_);
}

}  // namespace islet
