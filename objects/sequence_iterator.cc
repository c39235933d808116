#include "objects/sequence_iterator.h"

#include "objects/args.h"
#include "objects/int.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

SequenceIteratorObject* AsIterator(Object* self) {
  return static_cast<SequenceIteratorObject*>(self);
}

}  // namespace

Ref<Object> SequenceIteratorNext(Object* self) {
  SequenceIteratorObject* iterator = AsIterator(self);
  if (!iterator->sequence) return nullptr;
  if (iterator->index < iterator->kind.length(iterator->sequence.get())) {
    Ref<Object> item = iterator->kind.item(iterator);
    ++iterator->index;
    return item;
  }
  iterator->sequence.reset();
  return nullptr;
}

Ref<Object> SequenceIteratorLengthHint(Object* self, const CallArgs& args) {
  if (!CheckNoArgs(args, StrCat(TypeDisplayName(self->type()), ".__length_hint__"))) {
    return nullptr;
  }
  SequenceIteratorObject* iterator = AsIterator(self);
  if (!iterator->sequence) return NewInt(0);
  const int64_t left = iterator->kind.length(iterator->sequence.get()) - iterator->index;
  return NewInt(left > 0 ? left : 0);
}

}  // namespace islet
