#include "objects/args.h"

#include <algorithm>
#include <cassert>
#include <optional>
#include <string>

#include "objects/errors.h"
#include "objects/protocol.h"
#include "objects/well_known.h"
#include "runtime/name.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

std::string_view Plural(size_t n) { return n == 1 ? "" : "s"; }

bool FailWithTypeError(std::string_view message) {
  Raise(WellKnown::kTypeError, message);
  return false;
}

}  // namespace

bool CheckNoKeywords(const CallArgs& args, std::string_view qualified_name) {
  if (args.kwnames.empty()) return true;
  return FailWithTypeError(StrCat(qualified_name, "() takes no keyword arguments"));
}

bool CheckPositional(const CallArgs& args, std::string_view function, size_t min, size_t max) {
  if (!CheckNoKeywords(args, function)) return false;
  size_t n = args.positional_count();
  if (n >= min && n <= max) return true;
  if (min == max) {
    return FailWithTypeError(
        StrCat(function, " expected ", min, " argument", Plural(min), ", got ", n));
  }
  if (n > max) {
    return FailWithTypeError(
        StrCat(function, " expected at most ", max, " argument", Plural(max), ", got ", n));
  }
  return FailWithTypeError(
      StrCat(function, " expected at least ", min, " argument", Plural(min), ", got ", n));
}

bool CheckNoArgs(const CallArgs& args, std::string_view qualified_name) {
  if (!CheckNoKeywords(args, qualified_name)) return false;
  if (args.positional_count() == 0) return true;
  return FailWithTypeError(
      StrCat(qualified_name, "() takes no arguments (", args.positional_count(), " given)"));
}

bool CheckOneArg(const CallArgs& args, std::string_view qualified_name) {
  if (!CheckNoKeywords(args, qualified_name)) return false;
  if (args.positional_count() == 1) return true;
  return FailWithTypeError(StrCat(qualified_name, "() takes exactly one argument (",
                                  args.positional_count(), " given)"));
}

// The checks run in CPython's _PyArg_UnpackKeywords order, except that a
// missing required argument is reported last: an unknown keyword wins over it
// (islet's mappingproxy() and structseq() have always said so).
bool BindArgs(const CallArgs& args, const ArgSpec& spec, std::span<Object*> out) {
  const std::string_view function = spec.function;
  const std::span<const std::string_view> names(spec.names.begin(), spec.names.size());
  const size_t count = names.size();
  const size_t max_positional = std::min(spec.max_positional, count);
  const size_t nargs = args.positional_count();
  const size_t nkw = args.kwnames.size();
  assert(out.size() == count);
  std::fill(out.begin(), out.end(), nullptr);
  if (nargs + nkw > count) {
    return FailWithTypeError(StrCat(function, "() takes at most ", count, " ",
                                    nargs == 0 ? "keyword " : "", "argument", Plural(count), " (",
                                    nargs + nkw, " given)"));
  }
  if (nargs > max_positional) {
    if (max_positional == 0) {
      return FailWithTypeError(StrCat(function, "() takes no positional arguments"));
    }
    return FailWithTypeError(StrCat(
        function, "() takes ", spec.required < max_positional ? "at most" : "exactly", " ",
        max_positional, " positional argument", Plural(max_positional), " (", nargs, " given)"));
  }
  const size_t min_positional_only = std::min(spec.positional_only, spec.required);
  if (nargs < min_positional_only) {
    return FailWithTypeError(StrCat(function, "() takes ",
                                    min_positional_only < max_positional ? "at least" : "exactly",
                                    " ", min_positional_only, " positional argument",
                                    Plural(min_positional_only), " (", nargs, " given)"));
  }
  std::copy_n(args.args.begin(), nargs, out.begin());
  // The parameter a keyword names (keyword-capable ones only), or count.
  auto parameter_of = [&](std::string_view keyword) {
    size_t i = spec.positional_only;
    while (i < count && names[i] != keyword) ++i;
    return i;
  };
  for (size_t i = spec.positional_only; i < nargs; ++i) {
    for (const Name* keyword : args.kwnames) {
      if (keyword->text() != names[i]) continue;
      return FailWithTypeError(StrCat("argument for ", function, "() given by name ('", names[i],
                                      "') and position (", i + 1, ")"));
    }
  }
  for (size_t k = 0; k < nkw; ++k) {
    const std::string_view keyword = args.kwnames[k]->text();
    const size_t i = parameter_of(keyword);
    if (i == count) {
      return FailWithTypeError(
          spec.unknown_keyword == UnknownKeyword::kInvalid
              ? StrCat("'", keyword, "' is an invalid keyword argument for ", function, "()")
              : StrCat(function, "() got an unexpected keyword argument '", keyword, "'"));
    }
    out[i] = args.keyword_values()[k];
  }
  for (size_t i = nargs; i < spec.required; ++i) {
    if (out[i] == nullptr) {
      return FailWithTypeError(
          StrCat(function, "() missing required argument '", names[i], "' (pos ", i + 1, ")"));
    }
  }
  return true;
}

Object* BindIdArg(const CallArgs& args, std::string_view function) {
  Object* id[1];
  if (!BindArgs(args, {.function = function, .names = {"id"}, .positional_only = 1, .required = 1},
                id)) {
    return nullptr;
  }
  if (!IsInstance(id[0], WellKnown::kInt)) {
    std::optional<std::string> shown = ReprText(id[0]);
    if (!shown) return nullptr;
    Raise(WellKnown::kTypeError, StrCat("id must be an int, got ", *shown));
    return nullptr;
  }
  return id[0];
}

}  // namespace islet
