#include "objects/args.h"

#include "objects/errors.h"
#include "runtime/str_cat.h"

namespace islet {
namespace {

std::string_view Plural(size_t n) { return n == 1 ? "" : "s"; }

}  // namespace

bool CheckNoKeywords(const CallArgs& args, std::string_view qualified_name) {
  if (args.kwnames.empty()) return true;
  Raise(WellKnown::kTypeError, StrCat(qualified_name, "() takes no keyword arguments"));
  return false;
}

bool CheckPositional(const CallArgs& args, std::string_view function, size_t min, size_t max) {
  if (!CheckNoKeywords(args, function)) return false;
  size_t n = args.positional_count();
  if (n >= min && n <= max) return true;
  if (min == max) {
    Raise(WellKnown::kTypeError,
          StrCat(function, " expected ", min, " argument", Plural(min), ", got ", n));
  } else if (n > max) {
    Raise(WellKnown::kTypeError,
          StrCat(function, " expected at most ", max, " argument", Plural(max), ", got ", n));
  } else {
    Raise(WellKnown::kTypeError,
          StrCat(function, " expected at least ", min, " argument", Plural(min), ", got ", n));
  }
  return false;
}

bool CheckNoArgs(const CallArgs& args, std::string_view qualified_name) {
  if (!CheckNoKeywords(args, qualified_name)) return false;
  if (args.positional_count() == 0) return true;
  Raise(WellKnown::kTypeError, StrCat(qualified_name, "() takes no arguments (",
                                      args.positional_count(), " given)"));
  return false;
}

bool CheckOneArg(const CallArgs& args, std::string_view qualified_name) {
  if (!CheckNoKeywords(args, qualified_name)) return false;
  if (args.positional_count() == 1) return true;
  Raise(WellKnown::kTypeError, StrCat(qualified_name, "() takes exactly one argument (",
                                      args.positional_count(), " given)"));
  return false;
}

}  // namespace islet
