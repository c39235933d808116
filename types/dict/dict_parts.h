// What the dict type and its views and iterators share: which part of a dict
// (keys, values or items) a view shows or an iterator yields, and the functions
// that make them. Each is defined once per part, by that part's type target
// (dict_iterator.cc and dict_view.cc, compiled once per part).
//
//   Ref<Object> keys = NewDictView<DictPart::kKeys>(dict);          // dict.keys()
//   Ref<Object> iterator = NewDictIterator<DictPart::kItems>(dict);  // iter(dict.items())

#ifndef ISLET_TYPES_DICT_DICT_PARTS_H_
#define ISLET_TYPES_DICT_DICT_PARTS_H_

#include "runtime/object.h"

namespace islet {

enum class DictPart { kKeys, kValues, kItems };

// A new iterator over `part` of `dict` (a dict or subclass instance), in
// insertion order: dict_keyiterator, dict_valueiterator or dict_itemiterator.
template <DictPart kPart>
Ref<Object> NewDictIterator(Object* dict);
// A new live view of `part` of `dict`: dict_keys, dict_values or dict_items.
template <DictPart kPart>
Ref<Object> NewDictView(Object* dict);

template <>
Ref<Object> NewDictIterator<DictPart::kKeys>(Object* dict);
template <>
Ref<Object> NewDictIterator<DictPart::kValues>(Object* dict);
template <>
Ref<Object> NewDictIterator<DictPart::kItems>(Object* dict);
template <>
Ref<Object> NewDictView<DictPart::kKeys>(Object* dict);
template <>
Ref<Object> NewDictView<DictPart::kValues>(Object* dict);
template <>
Ref<Object> NewDictView<DictPart::kItems>(Object* dict);

}  // namespace islet

#endif  // ISLET_TYPES_DICT_DICT_PARTS_H_
