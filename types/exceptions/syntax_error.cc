// `SyntaxError`: its args are (msg, (filename, lineno, offset, text,
// end_lineno, end_offset)) as CPython's compiler builds them, or just (msg,).
// The getters read the details from args (None when absent), and str() adds
// where the error is: "invalid syntax (<string>, line 1)".

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "objects/exception.h"
#include "objects/list.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/well_known.h"
#include "runtime/static_type.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

// Positions in the details tuple.
enum Detail : size_t { kFilename, kLineno, kOffset, kText, kEndLineno, kEndOffset };

std::span<const Ref<Object>> ArgsOf(Object* self) {
  return TupleItems(static_cast<ExceptionObject*>(self)->args.get());
}

// args[0], or null without arguments.
Object* Msg(Object* self) {
  std::span<const Ref<Object>> args = ArgsOf(self);
  return args.empty() ? nullptr : args[0].get();
}

// One of the details, or null: they are there when args is (msg, details) and
// details is a tuple (or list) of 4 to 6 items, as CPython requires of it.
Object* DetailOf(Object* self, Detail which) {
  std::span<const Ref<Object>> args = ArgsOf(self);
  if (args.size() != 2) return nullptr;
  Object* details = args[1].get();
  std::span<const Ref<Object>> items;
  if (IsInstance(details, WellKnown::kTuple)) {
    items = TupleItems(details);
  } else if (IsInstance(details, WellKnown::kList)) {
    items = ListItems(details);
  } else {
    return nullptr;
  }
  if (items.size() < 4 || which >= items.size()) return nullptr;
  return items[which].get();
}

Ref<Object> OrNone(Object* value) { return Ref<Object>::Borrow(value ? value : None()); }

Ref<Object> SyntaxErrorMsg(Object* self) { return OrNone(Msg(self)); }
Ref<Object> SyntaxErrorFilename(Object* self) { return OrNone(DetailOf(self, kFilename)); }
Ref<Object> SyntaxErrorLineno(Object* self) { return OrNone(DetailOf(self, kLineno)); }
Ref<Object> SyntaxErrorOffset(Object* self) { return OrNone(DetailOf(self, kOffset)); }
Ref<Object> SyntaxErrorText(Object* self) { return OrNone(DetailOf(self, kText)); }
Ref<Object> SyntaxErrorEndLineno(Object* self) { return OrNone(DetailOf(self, kEndLineno)); }
Ref<Object> SyntaxErrorEndOffset(Object* self) { return OrNone(DetailOf(self, kEndOffset)); }

// str(msg), then " (file.py, line 3)", " (file.py)" or " (line 3)" for the
// details there are: the file's base name if it is a str, the line if it is
// exactly an int.
Ref<Object> SyntaxErrorStr(Object* self) {
  Object* msg = Msg(self);
  std::optional<std::string> text = StrText(msg ? msg : None());
  if (!text) return nullptr;
  std::optional<std::string_view> filename;
  if (Object* name = DetailOf(self, kFilename); name && IsInstance(name, WellKnown::kStr)) {
    std::string_view path = StrView(name);
    size_t slash = path.rfind('/');
    filename = slash == std::string_view::npos ? path : path.substr(slash + 1);
  }
  std::optional<std::string> line;
  if (Object* lineno = DetailOf(self, kLineno); lineno && IsExactly(lineno, WellKnown::kInt)) {
    std::optional<std::string> digits = StrText(lineno);
    if (!digits) return nullptr;
    line = std::move(digits);
  }
  if (filename && line) return NewStr(StrCat(*text, " (", *filename, ", line ", *line, ")"));
  if (filename) return NewStr(StrCat(*text, " (", *filename, ")"));
  if (line) return NewStr(StrCat(*text, " (line ", *line, ")"));
  return NewStr(*text);
}

constexpr TypeMember kSyntaxErrorMembers[] = {
    Getter("msg", &SyntaxErrorMsg),
    Getter("filename", &SyntaxErrorFilename),
    Getter("lineno", &SyntaxErrorLineno),
    Getter("offset", &SyntaxErrorOffset),
    Getter("text", &SyntaxErrorText),
    Getter("end_lineno", &SyntaxErrorEndLineno),
    Getter("end_offset", &SyntaxErrorEndOffset),
};

constexpr TypeSlots SyntaxErrorSlots() {
  TypeSlots slots;
  slots.str = &SyntaxErrorStr;
  return slots;
}

}  // namespace

ISLET_BUILTIN_TYPE(kSyntaxErrorType, ISLET_EXCEPTION_NAME,
                   {.base = ISLET_EXCEPTION_BASE,
                    .flags = kTypeBaseType,
                    .slots = SyntaxErrorSlots(),
                    .members = kSyntaxErrorMembers});

}  // namespace islet
