// StrCat and StrJoin over std::string_view, for error messages.
//
// Debian's abseil is built with its own absl::string_view (not an alias of
// std::string_view), so absl::StrCat does not take the std::string_view islet
// uses everywhere; these are the one way islet builds messages.
//
//   StrCat("builtin type '", type->name(), "' has ", count, " bases")

#ifndef ISLET_RUNTIME_STR_CAT_H_
#define ISLET_RUNTIME_STR_CAT_H_

#include <concepts>
#include <string>
#include <string_view>

#include "absl/strings/string_view.h"

namespace islet {
namespace str_cat_internal {

inline void Append(std::string& out, std::string_view text) { out.append(text); }
inline void Append(std::string& out, const char* text) { out.append(text); }
inline void Append(std::string& out, const std::string& text) { out.append(text); }
// absl::Status::message() returns abseil's own string_view.
inline void Append(std::string& out, absl::string_view text) {
  out.append(text.data(), text.size());
}
inline void Append(std::string& out, char c) { out.push_back(c); }
template <std::integral T>
requires(!std::same_as<T, char> && !std::same_as<T, bool>) void Append(std::string& out, T value) {
  out.append(std::to_string(value));
}

}  // namespace str_cat_internal

template <typename... Args>
std::string StrCat(const Args&... args) {
  std::string out;
  (str_cat_internal::Append(out, args), ...);
  return out;
}

// Joins the elements of `range` (anything StrCat accepts) with `separator`.
template <typename Range>
std::string StrJoin(const Range& range, std::string_view separator) {
  std::string out;
  bool first = true;
  for (const auto& element : range) {
    if (!first) out.append(separator);
    first = false;
    str_cat_internal::Append(out, element);
  }
  return out;
}

}  // namespace islet

#endif  // ISLET_RUNTIME_STR_CAT_H_
