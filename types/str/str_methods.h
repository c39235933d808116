// The str type's methods (str_methods.cc, str_format.cc) and the argument
// helpers they share with its slots (str.cc). Internal to //types/str.

#ifndef ISLET_TYPES_STR_STR_METHODS_H_
#define ISLET_TYPES_STR_STR_METHODS_H_

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string_view>

#include "objects/well_known.h"
#include "runtime/object.h"
#include "runtime/type_object.h"

namespace islet::str_internal {

// --- Arguments ---

// Binds positional and keyword arguments to the parameters `names` the way
// CPython's Argument Clinic does, with its messages: the first `positional_only`
// parameters cannot be passed by keyword, the first `required` must be given.
// out[i] is the argument for names[i], or null when it was not given.
//
//   Object* bound[2];
//   if (!BindArgs(args, "split", {"sep", "maxsplit"}, 0, 0, bound)) return nullptr;
bool BindArgs(const CallArgs& args, std::string_view function,
              std::initializer_list<const char*> names, size_t positional_only, size_t required,
              Object** out);

// Whether `value` is an int or has __index__ (CPython's _PyIndex_Check).
bool IsIndex(Object* value);
// `value` as an index: TypeError "'str' object cannot be interpreted as an
// integer" if it is not one, `overflow` with `overflow_message` if it does not
// fit in int64_t.
std::optional<int64_t> IndexValue(Object* value, WellKnown overflow,
                                  std::string_view overflow_message);
// A Py_ssize_t argument ("width", "count"): OverflowError "Python int too large
// to convert to C ssize_t".
std::optional<int64_t> SizeArg(Object* value);
// An optional start/end argument of find, count, startswith...: None or absent
// gives `if_none`; huge values clip; TypeError "slice indices must be integers or
// None or have an __index__ method".
std::optional<int64_t> SliceIndexArg(Object* value, int64_t if_none);

// --- Results ---

// A str of `text`, which is a part of self's text: self itself when self is an
// exact str and `text` is all of it (so "ab".strip() is "ab"), else a new str.
Ref<Object> StrResult(Object* self, std::string_view text);

// --- Methods (str_methods.cc) ---
Ref<Object> StrJoin(Object* self, const CallArgs& args);
Ref<Object> StrSplit(Object* self, const CallArgs& args);
Ref<Object> StrRSplit(Object* self, const CallArgs& args);
Ref<Object> StrSplitLines(Object* self, const CallArgs& args);
Ref<Object> StrStrip(Object* self, const CallArgs& args);
Ref<Object> StrLStrip(Object* self, const CallArgs& args);
Ref<Object> StrRStrip(Object* self, const CallArgs& args);
Ref<Object> StrUpper(Object* self, const CallArgs& args);
Ref<Object> StrLower(Object* self, const CallArgs& args);
Ref<Object> StrCapitalize(Object* self, const CallArgs& args);
Ref<Object> StrTitle(Object* self, const CallArgs& args);
Ref<Object> StrSwapCase(Object* self, const CallArgs& args);
Ref<Object> StrCaseFold(Object* self, const CallArgs& args);
Ref<Object> StrStartsWith(Object* self, const CallArgs& args);
Ref<Object> StrEndsWith(Object* self, const CallArgs& args);
Ref<Object> StrFind(Object* self, const CallArgs& args);
Ref<Object> StrRFind(Object* self, const CallArgs& args);
Ref<Object> StrIndex(Object* self, const CallArgs& args);
Ref<Object> StrRIndex(Object* self, const CallArgs& args);
Ref<Object> StrCount(Object* self, const CallArgs& args);
Ref<Object> StrReplace(Object* self, const CallArgs& args);
Ref<Object> StrRemovePrefix(Object* self, const CallArgs& args);
Ref<Object> StrRemoveSuffix(Object* self, const CallArgs& args);
Ref<Object> StrPartition(Object* self, const CallArgs& args);
Ref<Object> StrRPartition(Object* self, const CallArgs& args);
Ref<Object> StrIsDigit(Object* self, const CallArgs& args);
Ref<Object> StrIsDecimal(Object* self, const CallArgs& args);
Ref<Object> StrIsNumeric(Object* self, const CallArgs& args);
Ref<Object> StrIsAlpha(Object* self, const CallArgs& args);
Ref<Object> StrIsAlnum(Object* self, const CallArgs& args);
Ref<Object> StrIsSpace(Object* self, const CallArgs& args);
Ref<Object> StrIsUpper(Object* self, const CallArgs& args);
Ref<Object> StrIsLower(Object* self, const CallArgs& args);
Ref<Object> StrIsTitle(Object* self, const CallArgs& args);
Ref<Object> StrIsAscii(Object* self, const CallArgs& args);
Ref<Object> StrIsPrintable(Object* self, const CallArgs& args);
Ref<Object> StrIsIdentifier(Object* self, const CallArgs& args);
Ref<Object> StrCenter(Object* self, const CallArgs& args);
Ref<Object> StrLJust(Object* self, const CallArgs& args);
Ref<Object> StrRJust(Object* self, const CallArgs& args);
Ref<Object> StrZFill(Object* self, const CallArgs& args);
Ref<Object> StrExpandTabs(Object* self, const CallArgs& args);
Ref<Object> StrEncode(Object* self, const CallArgs& args);

// --- Formatting (str_format.cc) ---
Ref<Object> StrFormat(Object* self, const CallArgs& args);
Ref<Object> StrFormatMap(Object* self, const CallArgs& args);
Ref<Object> StrDunderFormat(Object* self, const CallArgs& args);

}  // namespace islet::str_internal

#endif  // ISLET_TYPES_STR_STR_METHODS_H_
