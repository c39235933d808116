#include "objects/unraisable.h"

#include <cstdio>
#include <optional>
#include <string>

#include "objects/errors.h"
#include "objects/exception.h"
#include "objects/protocol.h"
#include "runtime/str_cat.h"

namespace islet {

void ReportUnraisable(std::string_view context, Object* object) {
  Ref<Object> error = TakeException();
  if (!error) return;
  std::optional<std::string> object_text = ReprText(object);
  if (!object_text) {
    ClearException();
    object_text = "<object repr() failed>";
  }
  const std::string text =
      StrCat("Exception ignored ", context, " ", *object_text, ":\n", FormatException(error.get()));
  std::fwrite(text.data(), 1, text.size(), stderr);
  std::fflush(stderr);
}

}  // namespace islet
