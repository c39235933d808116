// The str type's methods (str_methods.cc, str_format.cc) and the result helper
// they share with its slots (str.cc). Internal to //types/str.

#ifndef ISLET_TYPES_STR_STR_METHODS_H_
#define ISLET_TYPES_STR_STR_METHODS_H_

#include <string_view>

#include "runtime/object.h"
#include "runtime/type_object.h"

namespace islet::str_internal {

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
