// The `builtins` module: the builtin types under their Python names, the
// exception types, the singletons, and the builtin functions (print, len,
// sorted, ...), each a `builtin_function_or_method` made from a TypeMember
// declared below as data.
//
// Argument checks and messages are CPython 3.14's.

#include <gmp.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "interp/interpreter.h"
#include "modules/native_module.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/protocol.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/well_known.h"
#include "runtime/str_cat.h"
#include "runtime/type_member.h"

namespace islet {
namespace {

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

std::string_view NameOf(const Object* object) { return TypeDisplayName(object->type()); }

// `value` as an int, through __index__ (CPython's PyNumber_Index).
Ref<Object> AsIndex(Object* value) {
  if (IsInstance(value, WellKnown::kInt)) return Ref<Object>::Borrow(value);
  if (UnaryFn index = value->type()->slots().index) return index(value);
  return Raise(WellKnown::kTypeError,
               StrCat("'", NameOf(value), "' object cannot be interpreted as an integer"));
}

// Attribute names must be strs (getattr, hasattr, setattr, delattr).
const Name* AttributeName(Object* name) {
  if (!IsInstance(name, WellKnown::kStr)) {
    Raise(WellKnown::kTypeError, StrCat("attribute name must be string, not '", NameOf(name), "'"));
    return nullptr;
  }
  return Interpreter::Current()->Intern(StrView(name));
}

// ---------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------

// sep and end: None (the default) or a str.
bool TextOption(Object* value, std::string_view option, std::string_view fallback,
                std::string* out) {
  if (value == nullptr || value == None()) {
    *out = fallback;
    return true;
  }
  if (!IsInstance(value, WellKnown::kStr)) {
    Raise(WellKnown::kTypeError, StrCat(option, " must be None or a string, not ", NameOf(value)));
    return false;
  }
  *out = StrView(value);
  return true;
}

// print(*objects, sep=' ', end='\n', file=None, flush=False): the text goes to
// stdout in one write and is flushed at once (so stdout and stderr interleave
// as with `python -u`); a `file` other than None gets it through file.write().
Ref<Object> BuiltinPrint(Object*, const CallArgs& args) {
  Object* options[4] = {};
  CallArgs keywords{.args = args.keyword_values(), .kwnames = args.kwnames};
  if (!BindArgs(
          keywords,
          {.function = "print", .names = {"sep", "end", "file", "flush"}, .max_positional = 0},
          options)) {
    return nullptr;
  }
  std::string sep, end;
  if (!TextOption(options[0], "sep", " ", &sep) || !TextOption(options[1], "end", "\n", &end)) {
    return nullptr;
  }
  std::string text;
  std::span<Object* const> objects = args.positional();
  for (size_t i = 0; i < objects.size(); ++i) {
    std::optional<std::string> shown = StrText(objects[i]);
    if (!shown) return nullptr;
    if (i > 0) text += sep;
    text += *shown;
  }
  text += end;
  Object* file = options[2];
  if (file != nullptr && file != None()) {
    Ref<Object> written = CallMethod(file, "write", {NewStr(text).get()});
    if (!written) return nullptr;
    if (options[3] != nullptr) {
      int flush = IsTrue(options[3]);
      if (flush < 0) return nullptr;
      if (flush > 0 && !CallMethod(file, "flush", {})) return nullptr;
    }
    return NoneRef();
  }
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fflush(stdout);
  return NoneRef();
}

// ---------------------------------------------------------------------------
// Objects
// ---------------------------------------------------------------------------

Ref<Object> BuiltinRepr(Object*, const CallArgs& args) {
  if (!CheckOneArg(args, "repr")) return nullptr;
  return Repr(args.args[0]);
}

// ascii(): repr() with every non-ASCII code point escaped as \xNN, \uNNNN or
// \UNNNNNNNN.
Ref<Object> BuiltinAscii(Object*, const CallArgs& args) {
  if (!CheckOneArg(args, "ascii")) return nullptr;
  return Ascii(args.args[0]);
}

Ref<Object> BuiltinLen(Object*, const CallArgs& args) {
  if (!CheckOneArg(args, "len")) return nullptr;
  const int64_t length = Length(args.args[0]);
  if (length < 0) return nullptr;
  return NewInt(length);
}

Ref<Object> BuiltinHash(Object*, const CallArgs& args) {
  if (!CheckOneArg(args, "hash")) return nullptr;
  const int64_t hash = Hash(args.args[0]);
  if (hash == -1) return nullptr;
  return NewInt(hash);
}

// id(): the object's address, as CPython's.
Ref<Object> BuiltinId(Object*, const CallArgs& args) {
  if (!CheckOneArg(args, "id")) return nullptr;
  return NewInt(static_cast<int64_t>(reinterpret_cast<uintptr_t>(args.args[0])));
}

Ref<Object> BuiltinCallable(Object*, const CallArgs& args) {
  if (!CheckOneArg(args, "callable")) return nullptr;
  return BoolRef(args.args[0]->type()->slots().call != nullptr);
}

Ref<Object> BuiltinIsInstance(Object*, const CallArgs& args) {
  if (!CheckPositional(args, "isinstance", 2, 2)) return nullptr;
  const int match = IsInstanceOf(args.args[0], args.args[1]);
  if (match < 0) return nullptr;
  return BoolRef(match > 0);
}

Ref<Object> BuiltinIsSubclass(Object*, const CallArgs& args) {
  if (!CheckPositional(args, "issubclass", 2, 2)) return nullptr;
  const int match = IsSubclassOf(args.args[0], args.args[1]);
  if (match < 0) return nullptr;
  return BoolRef(match > 0);
}

// ---------------------------------------------------------------------------
// Attributes
// ---------------------------------------------------------------------------

// getattr(object, name[, default]): the default only replaces an AttributeError.
Ref<Object> BuiltinGetAttr(Object*, const CallArgs& args) {
  if (!CheckPositional(args, "getattr", 2, 3)) return nullptr;
  const Name* name = AttributeName(args.args[1]);
  if (name == nullptr) return nullptr;
  Ref<Object> value = GetAttr(args.args[0], name);
  if (value || args.args.size() < 3 || !ExceptionMatches(WellKnown::kAttributeError)) return value;
  ClearException();
  return Ref<Object>::Borrow(args.args[2]);
}

Ref<Object> BuiltinHasAttr(Object*, const CallArgs& args) {
  if (!CheckPositional(args, "hasattr", 2, 2)) return nullptr;
  const Name* name = AttributeName(args.args[1]);
  if (name == nullptr) return nullptr;
  if (GetAttr(args.args[0], name)) return BoolRef(true);
  if (!ExceptionMatches(WellKnown::kAttributeError)) return nullptr;
  ClearException();
  return BoolRef(false);
}

Ref<Object> BuiltinSetAttr(Object*, const CallArgs& args) {
  if (!CheckPositional(args, "setattr", 3, 3)) return nullptr;
  const Name* name = AttributeName(args.args[1]);
  if (name == nullptr || !SetAttr(args.args[0], name, args.args[2])) return nullptr;
  return NoneRef();
}

Ref<Object> BuiltinDelAttr(Object*, const CallArgs& args) {
  if (!CheckPositional(args, "delattr", 2, 2)) return nullptr;
  const Name* name = AttributeName(args.args[1]);
  if (name == nullptr || !DelAttr(args.args[0], name)) return nullptr;
  return NoneRef();
}

// ---------------------------------------------------------------------------
// Iteration
// ---------------------------------------------------------------------------

// iter(object). iter(callable, sentinel) needs a callable_iterator, which islet
// does not have yet.
Ref<Object> BuiltinIter(Object*, const CallArgs& args) {
  if (!CheckPositional(args, "iter", 1, 2)) return nullptr;
  if (args.args.size() == 1) return GetIter(args.args[0]);
  if (args.args[0]->type()->slots().call == nullptr) {
    return Raise(WellKnown::kTypeError, "iter(v, w): v must be callable");
  }
  return Raise(WellKnown::kNotImplementedError, "iter(callable, sentinel) is not supported yet");
}

// next(iterator[, default]): StopIteration when exhausted and no default.
Ref<Object> BuiltinNext(Object*, const CallArgs& args) {
  if (!CheckPositional(args, "next", 1, 2)) return nullptr;
  Object* iterator = args.args[0];
  if (iterator->type()->slots().next == nullptr) {
    return Raise(WellKnown::kTypeError,
                 StrCat("'", NameOf(iterator), "' object is not an iterator"));
  }
  Ref<Object> item = IterNext(iterator);
  if (item) return item;
  if (ExceptionPending()) {
    if (args.args.size() < 2 || !ExceptionMatches(WellKnown::kStopIteration)) return nullptr;
    ClearException();
  }
  if (args.args.size() == 2) return Ref<Object>::Borrow(args.args[1]);
  return RaiseObject(NewException(WellKnownType(WellKnown::kStopIteration), NewTuple({})));
}

// sorted(iterable, /, *, key=None, reverse=False): a new list, sorted by
// list.sort (which checks the keyword arguments).
Ref<Object> BuiltinSorted(Object*, const CallArgs& args) {
  if (!CheckPositional(CallArgs{.args = args.positional()}, "sorted", 1, 1)) return nullptr;
  Ref<Object> list = ListFromIterable(args.args[0]);
  if (!list) return nullptr;
  Ref<Object> sort = GetAttr(list.get(), "sort");
  if (!sort) return nullptr;
  if (!Call(sort.get(), CallArgs{.args = args.keyword_values(), .kwnames = args.kwnames})) {
    return nullptr;
  }
  return list;
}

// min() and max(): of one iterable or of several arguments, by key, with a
// default for an empty iterable. The first of equal extremes wins.
Ref<Object> MinMax(const CallArgs& args, std::string_view function, CompareOp better) {
  Object* options[2] = {};  // key, default
  CallArgs keywords{.args = args.keyword_values(), .kwnames = args.kwnames};
  if (!BindArgs(keywords, {.function = function, .names = {"key", "default"}, .max_positional = 0},
                options)) {
    return nullptr;
  }
  std::span<Object* const> positional = args.positional();
  if (positional.empty()) {
    return Raise(WellKnown::kTypeError, StrCat(function, " expected at least 1 argument, got 0"));
  }
  Object* key = options[0] == None() ? nullptr : options[0];
  Object* default_value = options[1];
  if (positional.size() > 1 && default_value != nullptr) {
    return Raise(WellKnown::kTypeError, StrCat("Cannot specify a default for ", function,
                                               "() with multiple positional arguments"));
  }
  Ref<Object> iterable = Ref<Object>::Borrow(positional[0]);
  if (positional.size() > 1) {
    std::vector<Ref<Object>> items;
    for (Object* item : positional) items.push_back(Ref<Object>::Borrow(item));
    iterable = NewTuple(std::move(items));
  }
  Ref<Object> iterator = GetIter(iterable.get());
  if (!iterator) return nullptr;
  Ref<Object> best, best_key;
  while (Ref<Object> item = IterNext(iterator.get())) {
    Ref<Object> item_key = key ? Call(key, {item.get()}) : item;
    if (!item_key) return nullptr;
    if (best) {
      const int wins = RichCompareBool(item_key.get(), best_key.get(), better);
      if (wins < 0) return nullptr;
      if (wins == 0) continue;
    }
    best = std::move(item);
    best_key = std::move(item_key);
  }
  if (ExceptionPending()) return nullptr;
  if (best) return best;
  if (default_value != nullptr) return Ref<Object>::Borrow(default_value);
  return Raise(WellKnown::kValueError, StrCat(function, "() iterable argument is empty"));
}

Ref<Object> BuiltinMin(Object*, const CallArgs& args) {
  return MinMax(args, "min", CompareOp::kLt);
}

Ref<Object> BuiltinMax(Object*, const CallArgs& args) {
  return MinMax(args, "max", CompareOp::kGt);
}

// Adds exact floats (and ints that fit) to `*total` with Neumaier's
// compensated summation, as CPython 3.12+ does, until an item of another kind
// comes: returns it (null at the end or on error, with *total rounded).
Ref<Object> SumFloats(Object* iterator, Ref<Object>* total) {
  double sum = FloatValue(total->get());
  double compensation = 0.0;
  auto result = [&] {
    return compensation != 0.0 && std::isfinite(compensation) ? sum + compensation : sum;
  };
  while (Ref<Object> item = IterNext(iterator)) {
    double x;
    if (IsExactly(item.get(), WellKnown::kFloat)) {
      x = FloatValue(item.get());
      const double t = sum + x;
      compensation += std::fabs(sum) >= std::fabs(x) ? (sum - t) + x : (x - t) + sum;
      sum = t;
      continue;
    }
    std::optional<int64_t> small;
    if (IsExactly(item.get(), WellKnown::kInt) || IsExactly(item.get(), WellKnown::kBool)) {
      small = IntAsInt64(item.get());
    }
    if (small) {
      sum += static_cast<double>(*small);
      continue;
    }
    *total = NewFloat(result());
    return item;
  }
  *total = NewFloat(result());
  return nullptr;
}

// sum(iterable, /, start=0).
Ref<Object> BuiltinSum(Object*, const CallArgs& args) {
  Object* bound[2] = {};
  if (!BindArgs(
          args,
          {.function = "sum", .names = {"iterable", "start"}, .positional_only = 1, .required = 1},
          bound)) {
    return nullptr;
  }
  Object* start = bound[1];
  if (start != nullptr && IsInstance(start, WellKnown::kStr)) {
    return Raise(WellKnown::kTypeError, "sum() can't sum strings [use ''.join(seq) instead]");
  }
  if (start != nullptr && IsInstance(start, WellKnown::kBytes)) {
    return Raise(WellKnown::kTypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
  }
  Ref<Object> iterator = GetIter(bound[0]);
  if (!iterator) return nullptr;
  Ref<Object> total = start ? Ref<Object>::Borrow(start) : NewInt(0);
  while (true) {
    Ref<Object> item;
    if (IsExactly(total.get(), WellKnown::kFloat)) {
      item = SumFloats(iterator.get(), &total);
    } else {
      item = IterNext(iterator.get());
    }
    if (!item) break;
    total = BinaryOperation(total.get(), item.get(), BinaryOp::kAdd);
    if (!total) return nullptr;
  }
  if (ExceptionPending()) return nullptr;
  return total;
}

// any() and all(): stop at the first item that decides.
Ref<Object> AnyAll(const CallArgs& args, std::string_view function, bool decisive) {
  if (!CheckOneArg(args, function)) return nullptr;
  Ref<Object> iterator = GetIter(args.args[0]);
  if (!iterator) return nullptr;
  while (Ref<Object> item = IterNext(iterator.get())) {
    const int truth = IsTrue(item.get());
    if (truth < 0) return nullptr;
    if ((truth > 0) == decisive) return BoolRef(decisive);
  }
  if (ExceptionPending()) return nullptr;
  return BoolRef(!decisive);
}

Ref<Object> BuiltinAny(Object*, const CallArgs& args) { return AnyAll(args, "any", true); }
Ref<Object> BuiltinAll(Object*, const CallArgs& args) { return AnyAll(args, "all", false); }

// ---------------------------------------------------------------------------
// Numbers and characters
// ---------------------------------------------------------------------------

Ref<Object> BuiltinAbs(Object*, const CallArgs& args) {
  if (!CheckOneArg(args, "abs")) return nullptr;
  return Absolute(args.args[0]);
}

// chr(i): the str of one code point. islet's strs are UTF-8 and cannot hold a
// lone surrogate (U+D800..U+DFFF), which CPython's can.
Ref<Object> BuiltinChr(Object*, const CallArgs& args) {
  if (!CheckOneArg(args, "chr")) return nullptr;
  Ref<Object> index = AsIndex(args.args[0]);
  if (!index) return nullptr;
  std::optional<int64_t> value = IntAsInt64(index.get());
  if (!value || *value < 0 || *value > 0x10ffff) {
    return Raise(WellKnown::kValueError, "chr() arg not in range(0x110000)");
  }
  if (*value >= 0xd800 && *value <= 0xdfff) {
    return Raise(WellKnown::kValueError, "chr() arg is a surrogate, which islet's str cannot hold");
  }
  std::string text;
  AppendCodePoint(text, static_cast<uint32_t>(*value));
  return NewStr(text);
}

// ord(c): the code point of a one-character str, or the value of a one-byte bytes.
Ref<Object> BuiltinOrd(Object*, const CallArgs& args) {
  if (!CheckOneArg(args, "ord")) return nullptr;
  Object* c = args.args[0];
  int64_t length;
  if (IsInstance(c, WellKnown::kStr)) {
    length = StrLength(c);
    if (length == 1) {
      size_t pos = 0;
      return NewInt(DecodeCodePoint(StrView(c), &pos));
    }
  } else if (IsInstance(c, WellKnown::kBytes)) {
    std::string_view bytes = BytesView(c);
    length = static_cast<int64_t>(bytes.size());
    if (length == 1) return NewInt(static_cast<unsigned char>(bytes[0]));
  } else {
    return Raise(WellKnown::kTypeError,
                 StrCat("ord() expected string of length 1, but ", NameOf(c), " found"));
  }
  return Raise(WellKnown::kTypeError,
               StrCat("ord() expected a character, but string of length ", length, " found"));
}

// hex(), oct(), bin(): "-0x1f", with the base's prefix after the sign.
Ref<Object> IntInBase(const CallArgs& args, std::string_view function, int base,
                      std::string_view prefix) {
  if (!CheckOneArg(args, function)) return nullptr;
  Ref<Object> index = AsIndex(args.args[0]);
  if (!index) return nullptr;
  ScopedMpz value;
  IntToMpz(index.get(), value.get());
  const bool negative = mpz_sgn(value.get()) < 0;
  mpz_abs(value.get(), value.get());
  std::string digits(mpz_sizeinbase(value.get(), base) + 1, '\0');
  mpz_get_str(digits.data(), base, value.get());
  digits.resize(digits.find('\0'));
  return NewStr(StrCat(negative ? "-" : "", prefix, digits));
}

Ref<Object> BuiltinHex(Object*, const CallArgs& args) { return IntInBase(args, "hex", 16, "0x"); }
Ref<Object> BuiltinOct(Object*, const CallArgs& args) { return IntInBase(args, "oct", 8, "0o"); }
Ref<Object> BuiltinBin(Object*, const CallArgs& args) { return IntInBase(args, "bin", 2, "0b"); }

// round(number, ndigits=None): the number's __round__.
Ref<Object> BuiltinRound(Object*, const CallArgs& args) {
  Object* bound[2] = {};
  if (!BindArgs(args, {.function = "round", .names = {"number", "ndigits"}, .required = 1},
                bound)) {
    return nullptr;
  }
  Ref<Object> method = LookupSpecial(bound[0], "__round__");
  if (!method) {
    if (ExceptionPending()) return nullptr;
    return Raise(WellKnown::kTypeError,
                 StrCat("type ", NameOf(bound[0]), " doesn't define __round__ method"));
  }
  if (bound[1] == nullptr || bound[1] == None()) return Call(method.get(), {});
  return Call(method.get(), {bound[1]});
}

bool IsRealNumber(const Object* value) {
  return IsInstance(value, WellKnown::kInt) || IsInstance(value, WellKnown::kFloat);
}

// divmod(a, b): (a // b, a % b) for ints and floats; otherwise a's __divmod__
// or b's __rdivmod__.
Ref<Object> BuiltinDivmod(Object*, const CallArgs& args) {
  if (!CheckPositional(args, "divmod", 2, 2)) return nullptr;
  Object* a = args.args[0];
  Object* b = args.args[1];
  if (IsRealNumber(a) && IsRealNumber(b)) {
    Ref<Object> quotient = BinaryOperation(a, b, BinaryOp::kFloorDivide);
    if (!quotient) return nullptr;
    Ref<Object> remainder = BinaryOperation(a, b, BinaryOp::kRemainder);
    if (!remainder) return nullptr;
    return NewTuple({quotient.get(), remainder.get()});
  }
  for (auto [self, other, name] :
       {std::tuple{a, b, "__divmod__"}, std::tuple{b, a, "__rdivmod__"}}) {
    Ref<Object> method = LookupSpecial(self, name);
    if (!method) {
      if (ExceptionPending()) return nullptr;
      continue;
    }
    Ref<Object> result = Call(method.get(), {other});
    if (!result || result.get() != NotImplemented()) return result;
  }
  return Raise(WellKnown::kTypeError, StrCat("unsupported operand type(s) for divmod(): '",
                                             NameOf(a), "' and '", NameOf(b), "'"));
}

// pow(base, exp, mod=None): base ** exp, or with a modulus (ints only) the
// modular power, a negative exponent taking the inverse.
Ref<Object> BuiltinPow(Object*, const CallArgs& args) {
  Object* bound[3] = {};
  if (!BindArgs(args, {.function = "pow", .names = {"base", "exp", "mod"}, .required = 2}, bound)) {
    return nullptr;
  }
  if (bound[2] == nullptr || bound[2] == None()) {
    return BinaryOperation(bound[0], bound[1], BinaryOp::kPower);
  }
  if (!IsInstance(bound[0], WellKnown::kInt) || !IsInstance(bound[1], WellKnown::kInt) ||
      !IsInstance(bound[2], WellKnown::kInt)) {
    return Raise(WellKnown::kTypeError,
                 "pow() 3rd argument not allowed unless all arguments are integers");
  }
  ScopedMpz base, exponent, modulus, result;
  IntToMpz(bound[0], base.get());
  IntToMpz(bound[1], exponent.get());
  IntToMpz(bound[2], modulus.get());
  if (mpz_sgn(modulus.get()) == 0) {
    return Raise(WellKnown::kValueError, "pow() 3rd argument cannot be 0");
  }
  const bool negative_modulus = mpz_sgn(modulus.get()) < 0;
  mpz_abs(modulus.get(), modulus.get());
  if (mpz_sgn(exponent.get()) < 0) {
    if (mpz_invert(base.get(), base.get(), modulus.get()) == 0) {
      return Raise(WellKnown::kValueError, "base is not invertible for the given modulus");
    }
    mpz_neg(exponent.get(), exponent.get());
  }
  mpz_powm(result.get(), base.get(), exponent.get(), modulus.get());  // in [0, |mod|)
  if (negative_modulus && mpz_sgn(result.get()) != 0) {
    mpz_sub(result.get(), result.get(), modulus.get());  // in (mod, 0], as CPython
  }
  return NewIntFromMpz(result.get());
}

// format(value, format_spec=''): Format (objects/protocol.h), the value's
// __format__.
Ref<Object> BuiltinFormat(Object*, const CallArgs& args) {
  if (!CheckPositional(args, "format", 1, 2)) return nullptr;
  Object* value = args.args[0];
  Ref<Object> spec = args.args.size() == 2 ? Ref<Object>::Borrow(args.args[1]) : NewStr("");
  if (!IsInstance(spec.get(), WellKnown::kStr)) {
    return Raise(WellKnown::kTypeError,
                 StrCat("format() argument 2 must be str, not ", NameOf(spec.get())));
  }
  return Format(value, spec.get());
}

// ---------------------------------------------------------------------------
// The module
// ---------------------------------------------------------------------------

constexpr TypeMember kBuiltinFunctions[] = {
    StaticMethod("print", &BuiltinPrint),
    StaticMethod("repr", &BuiltinRepr),
    StaticMethod("ascii", &BuiltinAscii),
    StaticMethod("len", &BuiltinLen),
    StaticMethod("hash", &BuiltinHash),
    StaticMethod("id", &BuiltinId),
    StaticMethod("abs", &BuiltinAbs),
    StaticMethod("isinstance", &BuiltinIsInstance),
    StaticMethod("issubclass", &BuiltinIsSubclass),
    StaticMethod("hasattr", &BuiltinHasAttr),
    StaticMethod("getattr", &BuiltinGetAttr),
    StaticMethod("setattr", &BuiltinSetAttr),
    StaticMethod("delattr", &BuiltinDelAttr),
    StaticMethod("callable", &BuiltinCallable),
    StaticMethod("iter", &BuiltinIter),
    StaticMethod("next", &BuiltinNext),
    StaticMethod("sorted", &BuiltinSorted),
    StaticMethod("min", &BuiltinMin),
    StaticMethod("max", &BuiltinMax),
    StaticMethod("sum", &BuiltinSum),
    StaticMethod("any", &BuiltinAny),
    StaticMethod("all", &BuiltinAll),
    StaticMethod("chr", &BuiltinChr),
    StaticMethod("ord", &BuiltinOrd),
    StaticMethod("hex", &BuiltinHex),
    StaticMethod("oct", &BuiltinOct),
    StaticMethod("bin", &BuiltinBin),
    StaticMethod("round", &BuiltinRound),
    StaticMethod("divmod", &BuiltinDivmod),
    StaticMethod("pow", &BuiltinPow),
    StaticMethod("format", &BuiltinFormat),
};

// The builtin types under their Python names. Exceptions are added from the
// well-known list (every exception type whose name has no module part).
constexpr std::pair<const char*, WellKnown> kBuiltinTypes[] = {
    {"object", WellKnown::kObject},
    {"type", WellKnown::kType},
    {"int", WellKnown::kInt},
    {"float", WellKnown::kFloat},
    {"str", WellKnown::kStr},
    {"bytes", WellKnown::kBytes},
    {"bool", WellKnown::kBool},
    {"list", WellKnown::kList},
    {"tuple", WellKnown::kTuple},
    {"dict", WellKnown::kDict},
    {"set", WellKnown::kSet},
    {"frozenset", WellKnown::kFrozenSet},
    {"range", WellKnown::kRange},
    {"slice", WellKnown::kSlice},
    {"property", WellKnown::kProperty},
    {"classmethod", WellKnown::kClassMethod},
    {"staticmethod", WellKnown::kStaticMethod},
    {"super", WellKnown::kSuper},
    {"enumerate", WellKnown::kEnumerate},
    {"zip", WellKnown::kZip},
    {"reversed", WellKnown::kReversed},
    {"map", WellKnown::kMap},
    {"filter", WellKnown::kFilter},
};

bool AddType(Object* module, std::string_view name, StaticType* type) {
  if (type == nullptr) return true;  // not linked into this program
  return SetModuleAttr(module, name, Ref<Object>::Borrow(type));
}

bool FillBuiltins(Object* module) {
  for (const auto& [name, which] : kBuiltinTypes) {
    if (!AddType(module, name, WellKnownType(which))) return false;
  }
  StaticType* base_exception = WellKnownType(WellKnown::kBaseException);
  for (size_t i = 0; i < static_cast<size_t>(WellKnown::kCount); ++i) {
    StaticType* type = WellKnownType(static_cast<WellKnown>(i));
    if (type == nullptr || base_exception == nullptr || !type->IsSubtypeOf(base_exception) ||
        type->name().find('.') != std::string_view::npos) {
      continue;
    }
    if (!AddType(module, type->name(), type)) return false;
  }
  const std::pair<const char*, Object*> singletons[] = {
      {"None", None()}, {"Ellipsis", Ellipsis()}, {"NotImplemented", NotImplemented()},
      {"True", True()}, {"False", False()},
  };
  for (const auto& [name, value] : singletons) {
    if (!SetModuleAttr(module, name, Ref<Object>::Borrow(value))) return false;
  }
  return AddModuleFunctions(module, kBuiltinFunctions);
}

}  // namespace

ISLET_NATIVE_MODULE(kBuiltinsModule, "builtins", &FillBuiltins);

}  // namespace islet
