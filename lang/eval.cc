// The evaluator: runs a resolved syntax tree over the object model. A tree
// walker: each statement and expression node is run by one function here;
// every operation on objects goes through the object protocol
// (objects/protocol.h), so builtin and heap types behave the same way as
// they do from C++.

#include "lang/eval.h"

#include <cstdio>
#include <iterator>
#include <memory>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "interp/interpreter.h"
#include "lang/frame.h"
#include "lang/import.h"
#include "lang/parser.h"
#include "lang/scope.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/exception.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/protocol.h"
#include "objects/set.h"
#include "objects/singletons.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/well_known.h"
#include "runtime/runtime_hook.h"
#include "runtime/str_cat.h"

namespace islet::lang {

// --- Code ---

const islet::Name* Code::NameOf(int index) {
  if (names_.size() <= static_cast<size_t>(index))
    names_.resize(module_->scope->identifiers.size());
  const islet::Name*& name = names_[index];
  if (name == nullptr) name = Interpreter::Current()->Intern(Identifier(index));
  return name;
}

Object* Code::KeyOf(int index) {
  if (keys_.size() <= static_cast<size_t>(index)) keys_.resize(module_->scope->identifiers.size());
  Ref<Object>& key = keys_[index];
  if (!key) key = NewStr(Identifier(index));
  return key.get();
}

namespace {

// --- Names ---

Ref<Object> UnboundError(NameKind kind, const std::string& id) {
  if (kind == NameKind::kFree) {
    return islet::Raise(WellKnown::kNameError,
                        StrCat("cannot access free variable '", id,
                               "' where it is not associated with a value in enclosing scope"));
  }
  return islet::Raise(
      WellKnown::kUnboundLocalError,
      StrCat("cannot access local variable '", id, "' where it is not associated with a value"));
}

Ref<Object> NotDefined(const std::string& id) {
  return islet::Raise(WellKnown::kNameError, StrCat("name '", id, "' is not defined"));
}

// Looks `key` up in `dict`; sets *found. False on error.
bool LookIn(Object* dict, Object* key, Ref<Object>* found) {
  if (dict == nullptr) return true;
  Object* value = nullptr;
  int present = DictGet(dict, key, &value);
  if (present < 0) return false;
  if (present > 0) *found = Ref<Object>::Borrow(value);
  return true;
}

bool IsVariable(NameKind kind) {
  return kind == NameKind::kLocal || kind == NameKind::kCell || kind == NameKind::kFree;
}

Ref<Object> LoadSlot(Frame& frame, NameKind kind, int slot, const std::string& id) {
  if (IsVariable(kind)) {
    const Ref<Object>& value = frame.Variable({kind, slot});
    if (!value) return UnboundError(kind, id);
    return value;
  }
  Object* key = frame.code->KeyOf(slot);
  if (key == nullptr) return nullptr;
  Ref<Object> found;
  if (kind == NameKind::kClassBody && !LookIn(frame.class_namespace, key, &found)) return nullptr;
  if (!found && !LookIn(frame.globals, key, &found)) return nullptr;
  if (!found && !LookIn(frame.builtins, key, &found)) return nullptr;
  if (!found) return NotDefined(id);
  return found;
}

bool StoreSlot(Frame& frame, NameSlot slot, Ref<Object> value) {
  if (IsVariable(slot.kind)) {
    frame.Variable(slot) = std::move(value);
    return true;
  }
  Object* key = frame.code->KeyOf(slot.slot);
  return key != nullptr && DictSet(frame.Namespace(slot.kind), key, value.get());
}

bool DeleteSlot(Frame& frame, NameSlot slot, const std::string& id) {
  if (IsVariable(slot.kind)) {
    Ref<Object>& variable = frame.Variable(slot);
    if (!variable) {
      UnboundError(slot.kind, id);
      return false;
    }
    variable.reset();
    return true;
  }
  Object* key = frame.code->KeyOf(slot.slot);
  if (key == nullptr) return false;
  int deleted = DictDelete(frame.Namespace(slot.kind), key);
  if (deleted == 0) NotDefined(id);
  return deleted > 0;
}

// A name bound by a statement (def, class, import, except ... as).
bool StoreBinding(Frame& frame, const std::string& id, Ref<Object> value) {
  return StoreSlot(frame, frame.scope->BindingOf(id), std::move(value));
}

// --- Expressions ---

Ref<Object> EvalConstant(const Constant& constant) {
  switch (constant.kind) {
    case Constant::Kind::kNone:
      return NoneRef();
    case Constant::Kind::kTrue:
      return BoolRef(true);
    case Constant::Kind::kFalse:
      return BoolRef(false);
    case Constant::Kind::kEllipsis:
      return Ref<Object>::Borrow(Ellipsis());
    case Constant::Kind::kInt:
      return NewInt(constant.integer);
    case Constant::Kind::kBigInt:
      return IntFromString(constant.text, 10);
    case Constant::Kind::kFloat:
      return NewFloat(constant.real);
    case Constant::Kind::kStr:
      return NewStr(constant.text);
    case Constant::Kind::kBytes:
      return NewBytes(constant.text);
  }
  return nullptr;
}

// Evaluates `exprs` into `items`, expanding `*iterable`.
// How CPython's messages name the callee of a call (its _PyObject_FunctionStr):
// "__main__.f()", "int()", or str() of an object without a __qualname__.
std::string CalleeDescription(Object* callee) {
  Ref<Object> qualname = GetAttr(callee, "__qualname__");
  if (!qualname || !IsInstance(qualname.get(), WellKnown::kStr)) {
    ClearException();
    std::optional<std::string> text = StrText(callee);
    if (!text) ClearException();
    return text.value_or(std::string(TypeName(callee->type())));
  }
  Ref<Object> module = GetAttr(callee, "__module__");
  ClearException();
  if (module && IsInstance(module.get(), WellKnown::kStr) && StrView(module.get()) != "builtins") {
    return StrCat(StrView(module.get()), ".", StrView(qualname.get()), "()");
  }
  return StrCat(StrView(qualname.get()), "()");
}

// Evaluates `exprs` into `items`, expanding `*iterable`. `callee` is the
// function being called, when the items are a call's arguments (for messages).
bool EvalItems(Frame& frame, const std::vector<ExprPtr>& exprs, std::vector<Ref<Object>>& items,
               Object* callee = nullptr) {
  for (const ExprPtr& expr : exprs) {
    if (const auto* starred = std::get_if<Starred>(&expr->node)) {
      Ref<Object> iterable = Eval(frame, *starred->value);
      if (!iterable) return false;
      // Not iterable by GetIter's rule: no iter slot.
      if (callee != nullptr && iterable->type()->slots().iter == nullptr) {
        islet::Raise(WellKnown::kTypeError, StrCat(CalleeDescription(callee),
                                                   " argument after * must be an iterable, not ",
                                                   TypeName(iterable->type())));
        return false;
      }
      if (!AppendIterable(items, iterable.get())) return false;
      continue;
    }
    Ref<Object> item = Eval(frame, *expr);
    if (!item) return false;
    items.push_back(std::move(item));
  }
  return true;
}

Ref<Object> EvalFormattedValue(Frame& frame, const FormattedValue& field) {
  Ref<Object> value = Eval(frame, *field.value);
  if (!value) return nullptr;
  if (field.conversion == 'r') {
    value = Repr(value.get());
  } else if (field.conversion == 'a') {
    value = Ascii(value.get());
  } else if (field.conversion == 's') {
    value = Str(value.get());
  }
  if (!value) return nullptr;
  Ref<Object> spec;
  if (field.format_spec) {
    spec = Eval(frame, *field.format_spec);
    if (!spec) return nullptr;
  }
  return Format(value.get(), spec.get());
}

Ref<Object> EvalJoinedStr(Frame& frame, const JoinedStr& joined) {
  std::string text;
  for (const ExprPtr& part : joined.values) {
    Ref<Object> piece = Eval(frame, *part);
    if (!piece) return nullptr;
    if (!IsInstance(piece.get(), WellKnown::kStr)) {
      return islet::Raise(WellKnown::kTypeError,
                          StrCat("__format__ must return a str, not ", TypeName(piece->type())));
    }
    text += StrView(piece.get());
  }
  return NewStr(text);
}

Ref<Object> EvalDict(Frame& frame, const Dict& display) {
  Ref<Object> dict = NewDict();
  for (size_t i = 0; i < display.keys.size(); ++i) {
    Ref<Object> value;
    if (!display.keys[i]) {
      value = Eval(frame, *display.values[i]);
      if (!value || !DictMerge(dict.get(), value.get())) return nullptr;
      continue;
    }
    Ref<Object> key = Eval(frame, *display.keys[i]);
    if (!key) return nullptr;
    value = Eval(frame, *display.values[i]);
    if (!value || !DictSet(dict.get(), key.get(), value.get())) return nullptr;
  }
  return dict;
}

bool AssignTarget(Frame& frame, const Expr& target, Ref<Object> value);

// Runs the comprehension's clauses from `index` on, adding to `result`.
bool RunClauses(Frame& inner, const ComprehensionExpr& comprehension, size_t index,
                Object* result) {
  const Comprehension& clause = comprehension.generators[index];
  Ref<Object> iterator;
  if (index == 0) {
    iterator = inner.Variable(inner.scope->parameter_slots[0]);
  } else {
    Ref<Object> iterable = Eval(inner, *clause.iter);
    if (!iterable) return false;
    iterator = GetIter(iterable.get());
  }
  if (!iterator) return false;
  while (Ref<Object> item = IterNext(iterator.get())) {
    if (!Tick() || !AssignTarget(inner, *clause.target, std::move(item))) return false;
    bool selected = true;
    for (const ExprPtr& condition : clause.ifs) {
      Ref<Object> test = Eval(inner, *condition);
      if (!test) return false;
      int truth = IsTrue(test.get());
      if (truth < 0) return false;
      if (!truth) {
        selected = false;
        break;
      }
    }
    if (!selected) continue;
    if (index + 1 < comprehension.generators.size()) {
      if (!RunClauses(inner, comprehension, index + 1, result)) return false;
      continue;
    }
    Ref<Object> element = Eval(inner, *comprehension.elt);
    if (!element) return false;
    switch (comprehension.kind) {
      case ComprehensionExpr::Kind::kSet:
        if (!SetAdd(result, element.get())) return false;
        break;
      case ComprehensionExpr::Kind::kDict: {
        Ref<Object> value = Eval(inner, *comprehension.value);
        if (!value || !DictSet(result, element.get(), value.get())) return false;
        break;
      }
      default:
        ListItems(result).push_back(std::move(element));
        break;
    }
  }
  return !ExceptionPending();
}

// Comprehensions run in a scope of their own. A generator expression is run
// eagerly and gives an iterator over its items (islet has no generators yet).
Ref<Object> EvalComprehension(Frame& frame, const ComprehensionExpr& comprehension) {
  Ref<Object> iterable = Eval(frame, *comprehension.generators.front().iter);
  if (!iterable) return nullptr;
  Ref<Object> iterator = GetIter(iterable.get());
  if (!iterator) return nullptr;
  Frame inner;
  inner.code = frame.code;
  inner.globals = frame.globals;
  inner.builtins = frame.builtins;
  Closure closure = CaptureClosure(frame, *comprehension.scope);
  inner.free = &closure;
  inner.SetUp(*comprehension.scope);
  inner.back = CurrentFrame();
  inner.line = frame.line;
  inner.Variable(comprehension.scope->parameter_slots[0]) = std::move(iterator);
  Ref<Object> result;
  switch (comprehension.kind) {
    case ComprehensionExpr::Kind::kSet:
      result = NewSet();
      break;
    case ComprehensionExpr::Kind::kDict:
      result = NewDict();
      break;
    default:
      result = NewList();
      break;
  }
  if (!result || !RunClauses(inner, comprehension, 0, result.get())) return nullptr;
  if (comprehension.kind == ComprehensionExpr::Kind::kGenerator) return GetIter(result.get());
  return result;
}

// super() in a method: super(__class__, <first argument>).
// super() in a method: super(__class__, <first argument>). In a comprehension
// the first argument is the enclosing function's (CPython inlines comprehensions).
Ref<Object> ZeroArgumentSuper(Frame& frame, Object* super_type) {
  const ScopeInfo& scope = *frame.scope;
  if (scope.class_cell < 0 || frame.free == nullptr) {
    return islet::Raise(WellKnown::kRuntimeError, "super(): __class__ cell not found");
  }
  Object* cls = CellContents((*frame.free)[scope.class_cell].get()).get();
  if (cls == nullptr) {
    return islet::Raise(WellKnown::kRuntimeError, "super(): empty __class__ cell");
  }
  Frame* function = &frame;
  while (function->scope->kind == ScopeInfo::Kind::kComprehension && function->back != nullptr) {
    function = function->back;
  }
  if (function->scope->parameter_slots.empty()) {
    return islet::Raise(WellKnown::kRuntimeError, "super(): no arguments");
  }
  Object* self = function->Variable(function->scope->parameter_slots[0]).get();
  if (self == nullptr) return islet::Raise(WellKnown::kRuntimeError, "super(): arg[0] deleted");
  return islet::Call(super_type, {cls, self});
}

bool IsNamed(const Expr& expr, std::string_view id) {
  const auto* name = std::get_if<Name>(&expr.node);
  return name != nullptr && name->id == id;
}

// Adds `**mapping` to a call's keywords.
// Adds `**mapping` to a call's keywords: a dict's items, or any object's
// keys() and [key] (CPython accepts any mapping).
bool AddKeywordMapping(Object* callee, Object* mapping, std::vector<const islet::Name*>& names,
                       std::vector<Ref<Object>>& values) {
  auto add = [&](Object* key, Ref<Object> value) {
    if (!IsInstance(key, WellKnown::kStr)) {
      islet::Raise(WellKnown::kTypeError,
                   StrCat(CalleeDescription(callee), " keywords must be strings"));
      return false;
    }
    names.push_back(Interpreter::Current()->Intern(StrView(key)));
    values.push_back(std::move(value));
    return true;
  };
  if (IsInstance(mapping, WellKnown::kDict)) {
    int64_t position = 0;
    Object* key = nullptr;
    Object* value = nullptr;
    while (DictNext(mapping, &position, &key, &value)) {
      if (!add(key, Ref<Object>::Borrow(value))) return false;
    }
    return true;
  }
  Ref<Object> keys = GetAttr(mapping, "keys");
  if (!keys) {
    if (!ExceptionMatches(WellKnown::kAttributeError)) return false;
    ClearException();
    islet::Raise(WellKnown::kTypeError,
                 StrCat(CalleeDescription(callee), " argument after ** must be a mapping, not ",
                        TypeName(mapping->type())));
    return false;
  }
  Ref<Object> key_list = islet::Call(keys.get(), {});
  Ref<Object> iterator = key_list ? GetIter(key_list.get()) : nullptr;
  if (!iterator) return false;
  while (Ref<Object> key = IterNext(iterator.get())) {
    Ref<Object> value = GetItem(mapping, key.get());
    if (!value || !add(key.get(), std::move(value))) return false;
  }
  return !ExceptionPending();
}

Ref<Object> EvalCall(Frame& frame, const Call& call) {
  Ref<Object> function = Eval(frame, *call.func);
  if (!function) return nullptr;
  if (call.args.empty() && call.keywords.empty() && IsNamed(*call.func, "super") &&
      function.get() == WellKnownType(WellKnown::kSuper)) {
    return ZeroArgumentSuper(frame, function.get());
  }
  std::vector<Ref<Object>> values;
  if (!EvalItems(frame, call.args, values, function.get())) return nullptr;
  std::vector<const islet::Name*> names;
  std::vector<Ref<Object>> keyword_values;
  for (const Keyword& keyword : call.keywords) {
    Ref<Object> value = Eval(frame, *keyword.value);
    if (!value) return nullptr;
    if (keyword.arg.empty()) {
      if (!AddKeywordMapping(function.get(), value.get(), names, keyword_values)) return nullptr;
      continue;
    }
    names.push_back(frame.code->NameOf(keyword.identifier));
    keyword_values.push_back(std::move(value));
  }
  for (size_t i = 0; i < names.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      if (names[i] == names[j]) {
        return islet::Raise(
            WellKnown::kTypeError,
            StrCat(CalleeDescription(function.get()), " got multiple values for keyword argument '",
                   names[i]->text(), "'"));
      }
    }
  }
  std::vector<Object*> args;
  args.reserve(values.size() + keyword_values.size());
  for (const Ref<Object>& value : values) args.push_back(value.get());
  for (const Ref<Object>& value : keyword_values) args.push_back(value.get());
  return islet::Call(function.get(), CallArgs{.args = args, .kwnames = names});
}

BinaryOp ToBinaryOp(BinaryOperator op) {
  switch (op) {
    case BinaryOperator::kAdd:
      return BinaryOp::kAdd;
    case BinaryOperator::kSub:
      return BinaryOp::kSubtract;
    case BinaryOperator::kMult:
      return BinaryOp::kMultiply;
    case BinaryOperator::kDiv:
      return BinaryOp::kTrueDivide;
    case BinaryOperator::kFloorDiv:
      return BinaryOp::kFloorDivide;
    case BinaryOperator::kMod:
      return BinaryOp::kRemainder;
    case BinaryOperator::kPow:
      return BinaryOp::kPower;
    case BinaryOperator::kLShift:
      return BinaryOp::kLShift;
    case BinaryOperator::kRShift:
      return BinaryOp::kRShift;
    case BinaryOperator::kBitAnd:
      return BinaryOp::kAnd;
    case BinaryOperator::kBitOr:
      return BinaryOp::kOr;
    case BinaryOperator::kBitXor:
      return BinaryOp::kXor;
  }
  return BinaryOp::kAdd;
}

Ref<Object> EvalUnary(Frame& frame, const UnaryOp& unary) {
  Ref<Object> operand = Eval(frame, *unary.operand);
  if (!operand) return nullptr;
  switch (unary.op) {
    case UnaryOperator::kNot: {
      int truth = IsTrue(operand.get());
      if (truth < 0) return nullptr;
      return BoolRef(!truth);
    }
    case UnaryOperator::kNegate:
      return Negative(operand.get());
    case UnaryOperator::kPlus:
      return Positive(operand.get());
    case UnaryOperator::kInvert:
      return Invert(operand.get());
  }
  return nullptr;
}

Ref<Object> EvalBoolOp(Frame& frame, const BoolOp& boolean) {
  Ref<Object> value;
  for (const ExprPtr& operand : boolean.values) {
    value = Eval(frame, *operand);
    if (!value) return nullptr;
    int truth = IsTrue(value.get());
    if (truth < 0) return nullptr;
    if (truth != boolean.is_and) return value;  // `and` stops at false, `or` at true
  }
  return value;
}

Ref<Object> CompareOnce(CompareOperator op, Object* left, Object* right) {
  switch (op) {
    case CompareOperator::kIs:
      return BoolRef(left == right);
    case CompareOperator::kIsNot:
      return BoolRef(left != right);
    case CompareOperator::kIn:
    case CompareOperator::kNotIn: {
      int contained = Contains(right, left);
      if (contained < 0) return nullptr;
      return BoolRef((contained == 1) == (op == CompareOperator::kIn));
    }
    default:  // kLt..kGe are declared in CompareOp's order
      return RichCompare(left, right, static_cast<CompareOp>(op));
  }
}

Ref<Object> EvalCompare(Frame& frame, const Compare& compare) {
  Ref<Object> left = Eval(frame, *compare.left);
  if (!left) return nullptr;
  for (size_t i = 0; i < compare.ops.size(); ++i) {
    Ref<Object> right = Eval(frame, *compare.comparators[i]);
    if (!right) return nullptr;
    Ref<Object> result = CompareOnce(compare.ops[i], left.get(), right.get());
    if (!result || i + 1 == compare.ops.size()) return result;
    int truth = IsTrue(result.get());
    if (truth < 0) return nullptr;
    if (!truth) return result;
    left = std::move(right);
  }
  return left;
}

// Evaluates the defaults of `params` for a new function.
bool EvalDefaults(Frame& frame, const Parameters& params, FunctionSpec& spec) {
  for (const Parameter& parameter : params.positional) {
    Ref<Object> value;
    if (parameter.default_value && !(value = Eval(frame, *parameter.default_value))) return false;
    spec.defaults.push_back(std::move(value));
  }
  for (const Parameter& parameter : params.keyword_only) {
    Ref<Object> value;
    if (parameter.default_value && !(value = Eval(frame, *parameter.default_value))) return false;
    spec.keyword_defaults.push_back(std::move(value));
  }
  return true;
}

Ref<Object> EvalLambda(Frame& frame, const Lambda& lambda) {
  FunctionSpec spec{.name = "<lambda>",
                    .scope = lambda.scope.get(),
                    .params = &lambda.params,
                    .expression = lambda.body.get()};
  if (!EvalDefaults(frame, lambda.params, spec)) return nullptr;
  return MakeFunction(frame, std::move(spec));
}

Ref<Object> OptionalOrNone(Frame& frame, const ExprPtr& expr) {
  return expr ? Eval(frame, *expr) : NoneRef();
}

Ref<Object> EvalSlice(Frame& frame, const Slice& slice) {
  Ref<Object> lower = OptionalOrNone(frame, slice.lower);
  if (!lower) return nullptr;
  Ref<Object> upper = OptionalOrNone(frame, slice.upper);
  if (!upper) return nullptr;
  Ref<Object> step = OptionalOrNone(frame, slice.step);
  if (!step) return nullptr;
  return NewSlice(std::move(lower), std::move(upper), std::move(step));
}

struct ExprEvaluator {
  Frame& frame;

  Ref<Object> operator()(const Name& name) {
    return LoadSlot(frame, name.kind, name.slot, name.id);
  }
  Ref<Object> operator()(const Constant& constant) { return EvalConstant(constant); }
  Ref<Object> operator()(const JoinedStr& joined) { return EvalJoinedStr(frame, joined); }
  Ref<Object> operator()(const FormattedValue& field) { return EvalFormattedValue(frame, field); }
  Ref<Object> operator()(const Tuple& tuple) {
    std::vector<Ref<Object>> items;
    if (!EvalItems(frame, tuple.elts, items)) return nullptr;
    return NewTuple(std::move(items));
  }
  Ref<Object> operator()(const List& list) {
    std::vector<Ref<Object>> items;
    if (!EvalItems(frame, list.elts, items)) return nullptr;
    return NewList(std::move(items));
  }
  Ref<Object> operator()(const Set& set) {
    std::vector<Ref<Object>> items;
    if (!EvalItems(frame, set.elts, items)) return nullptr;
    Ref<Object> result = NewSet();
    for (const Ref<Object>& item : items) {
      if (!SetAdd(result.get(), item.get())) return nullptr;
    }
    return result;
  }
  Ref<Object> operator()(const Dict& dict) { return EvalDict(frame, dict); }
  Ref<Object> operator()(const Starred&) {
    return islet::Raise(WellKnown::kSyntaxError, "can't use starred expression here");
  }
  Ref<Object> operator()(const ComprehensionExpr& comprehension) {
    return EvalComprehension(frame, comprehension);
  }
  Ref<Object> operator()(const Attribute& attribute) {
    Ref<Object> value = Eval(frame, *attribute.value);
    if (!value) return nullptr;
    return GetAttr(value.get(), frame.code->NameOf(attribute.identifier));
  }
  Ref<Object> operator()(const Subscript& subscript) {
    Ref<Object> value = Eval(frame, *subscript.value);
    if (!value) return nullptr;
    Ref<Object> key = Eval(frame, *subscript.slice);
    if (!key) return nullptr;
    return GetItem(value.get(), key.get());
  }
  Ref<Object> operator()(const Slice& slice) { return EvalSlice(frame, slice); }
  Ref<Object> operator()(const Call& call) { return EvalCall(frame, call); }
  Ref<Object> operator()(const BinOp& binary) {
    Ref<Object> left = Eval(frame, *binary.left);
    if (!left) return nullptr;
    Ref<Object> right = Eval(frame, *binary.right);
    if (!right) return nullptr;
    return BinaryOperation(left.get(), right.get(), ToBinaryOp(binary.op));
  }
  Ref<Object> operator()(const UnaryOp& unary) { return EvalUnary(frame, unary); }
  Ref<Object> operator()(const BoolOp& boolean) { return EvalBoolOp(frame, boolean); }
  Ref<Object> operator()(const Compare& compare) { return EvalCompare(frame, compare); }
  Ref<Object> operator()(const IfExp& conditional) {
    Ref<Object> test = Eval(frame, *conditional.test);
    if (!test) return nullptr;
    int truth = IsTrue(test.get());
    if (truth < 0) return nullptr;
    return Eval(frame, truth ? *conditional.body : *conditional.orelse);
  }
  Ref<Object> operator()(const Lambda& lambda) { return EvalLambda(frame, lambda); }
};

// --- Assignment targets ---

// Unpacks `value` into `targets` (one of which may be starred).
bool Unpack(Frame& frame, const std::vector<ExprPtr>& targets, Object* value) {
  size_t star = targets.size();
  for (size_t i = 0; i < targets.size(); ++i) {
    if (std::holds_alternative<Starred>(targets[i]->node)) star = i;
  }
  Ref<Object> iterator = GetIter(value);
  if (!iterator) {
    if (!ExceptionMatches(WellKnown::kTypeError)) return false;
    ClearException();
    islet::Raise(WellKnown::kTypeError,
                 StrCat("cannot unpack non-iterable ", TypeName(value->type()), " object"));
    return false;
  }
  std::vector<Ref<Object>> items;
  const size_t wanted = star == targets.size() ? targets.size() : targets.size() - 1;
  while (Ref<Object> item = IterNext(iterator.get())) {
    items.push_back(std::move(item));
    if (star == targets.size() && items.size() > wanted) {
      islet::Raise(WellKnown::kValueError,
                   StrCat("too many values to unpack (expected ", wanted, ")"));
      return false;
    }
  }
  if (ExceptionPending()) return false;
  if (items.size() < wanted) {
    islet::Raise(WellKnown::kValueError, StrCat("not enough values to unpack (expected ",
                                                star == targets.size() ? "" : "at least ", wanted,
                                                ", got ", items.size(), ")"));
    return false;
  }
  size_t next = 0;
  for (size_t i = 0; i < targets.size(); ++i) {
    if (i == star) {
      const size_t rest = items.size() - wanted;
      std::vector<Ref<Object>> starred(items.begin() + next, items.begin() + next + rest);
      next += rest;
      const Expr& inner = *std::get<Starred>(targets[i]->node).value;
      if (!AssignTarget(frame, inner, NewList(std::move(starred)))) return false;
      continue;
    }
    if (!AssignTarget(frame, *targets[i], std::move(items[next++]))) return false;
  }
  return true;
}

bool AssignTarget(Frame& frame, const Expr& target, Ref<Object> value) {
  if (const auto* name = std::get_if<Name>(&target.node)) {
    return StoreSlot(frame, {name->kind, name->slot}, std::move(value));
  }
  if (const auto* attribute = std::get_if<Attribute>(&target.node)) {
    Ref<Object> object = Eval(frame, *attribute->value);
    return object && SetAttr(object.get(), frame.code->NameOf(attribute->identifier), value.get());
  }
  if (const auto* subscript = std::get_if<Subscript>(&target.node)) {
    Ref<Object> object = Eval(frame, *subscript->value);
    if (!object) return false;
    Ref<Object> key = Eval(frame, *subscript->slice);
    return key && SetItem(object.get(), key.get(), value.get());
  }
  if (const auto* tuple = std::get_if<Tuple>(&target.node))
    return Unpack(frame, tuple->elts, value.get());
  if (const auto* list = std::get_if<List>(&target.node))
    return Unpack(frame, list->elts, value.get());
  islet::Raise(WellKnown::kSyntaxError, "cannot assign to expression");
  return false;
}

bool DeleteTarget(Frame& frame, const Expr& target) {
  if (const auto* name = std::get_if<Name>(&target.node)) {
    return DeleteSlot(frame, {name->kind, name->slot}, name->id);
  }
  if (const auto* attribute = std::get_if<Attribute>(&target.node)) {
    Ref<Object> object = Eval(frame, *attribute->value);
    return object && DelAttr(object.get(), frame.code->NameOf(attribute->identifier));
  }
  if (const auto* subscript = std::get_if<Subscript>(&target.node)) {
    Ref<Object> object = Eval(frame, *subscript->value);
    if (!object) return false;
    Ref<Object> key = Eval(frame, *subscript->slice);
    return key && DelItem(object.get(), key.get());
  }
  const std::vector<ExprPtr>* items = nullptr;
  if (const auto* tuple = std::get_if<Tuple>(&target.node)) items = &tuple->elts;
  if (const auto* list = std::get_if<List>(&target.node)) items = &list->elts;
  if (items == nullptr) {
    islet::Raise(WellKnown::kSyntaxError, "cannot delete expression");
    return false;
  }
  for (const ExprPtr& item : *items) {
    if (!DeleteTarget(frame, *item)) return false;
  }
  return true;
}

// `left op= right`: the left operand's in-place method (`__iadd__`, ...) if its
// type has one and it does not return NotImplemented; lists, sets and dicts
// change in place through their methods (islet's builtin types have no
// in-place slots); anything else is `left op right`, rebound.
Ref<Object> InPlaceOperation(Object* left, Object* right, BinaryOperator op) {
  static constexpr std::string_view kInPlaceMethods[] = {
      "__iadd__", "__isub__",    "__imul__",    "__itruediv__", "__ifloordiv__", "__imod__",
      "__ipow__", "__ilshift__", "__irshift__", "__iand__",     "__ior__",       "__ixor__"};
  static_assert(std::size(kInPlaceMethods) == static_cast<size_t>(BinaryOperator::kBitXor) + 1);
  Ref<Object> method = LookupSpecial(left, kInPlaceMethods[static_cast<size_t>(op)]);
  if (method) {
    Ref<Object> result = islet::Call(method.get(), {right});
    if (!result || result.get() != NotImplemented()) return result;
  } else if (ExceptionPending()) {
    return nullptr;
  }
  const char* builtin_method = nullptr;
  if (IsInstance(left, WellKnown::kList)) {
    if (op == BinaryOperator::kAdd) builtin_method = "extend";
    if (op == BinaryOperator::kMult) {
      Ref<Object> repeated = BinaryOperation(left, right, BinaryOp::kMultiply);
      if (!repeated) return nullptr;
      ListItems(left) = ListItems(repeated.get());
      return Ref<Object>::Borrow(left);
    }
  } else if (IsInstance(left, WellKnown::kSet) && IsAnySet(right)) {
    builtin_method = op == BinaryOperator::kBitOr    ? "update"
                     : op == BinaryOperator::kBitAnd ? "intersection_update"
                     : op == BinaryOperator::kSub    ? "difference_update"
                     : op == BinaryOperator::kBitXor ? "symmetric_difference_update"
                                                     : nullptr;
  } else if (IsInstance(left, WellKnown::kDict) && op == BinaryOperator::kBitOr) {
    builtin_method = "update";
  }
  if (builtin_method != nullptr) {
    if (!CallMethod(left, builtin_method, {right})) return nullptr;
    return Ref<Object>::Borrow(left);
  }
  return BinaryOperation(left, right, ToBinaryOp(op));
}

// --- Statements ---

Flow Failed() { return Flow::kError; }
Flow Check(bool ok) { return ok ? Flow::kNormal : Flow::kError; }

// Whether the exception matches an `except` clause's class (or tuple).
int ExceptionMatchesClause(Object* exception, Object* clause) {
  auto valid = [](Object* cls) {
    return IsInstance(cls, WellKnown::kType) &&
           static_cast<TypeObject*>(cls)->IsSubtypeOf(WellKnownType(WellKnown::kBaseException));
  };
  bool ok = valid(clause);
  if (!ok && IsInstance(clause, WellKnown::kTuple)) {
    ok = true;
    for (const Ref<Object>& item : TupleItems(clause)) ok = ok && valid(item.get());
  }
  if (!ok) {
    islet::Raise(WellKnown::kTypeError,
                 "catching classes that do not inherit from BaseException is not allowed");
    return -1;
  }
  return IsInstanceOf(exception, clause);
}

// `except E as e` unbinds e when the handler ends, as Python does (whatever
// the handler did with it, and keeping any exception the handler raised).
void UnbindHandlerName(Frame& frame, const std::string& id) {
  NameSlot slot = frame.scope->BindingOf(id);
  if (IsVariable(slot.kind)) {
    frame.Variable(slot).reset();
    return;
  }
  Ref<Object> pending = TakeException();
  Object* key = frame.code->KeyOf(slot.slot);
  if (key == nullptr || DictDelete(frame.Namespace(slot.kind), key) < 0) ClearException();
  if (pending) RaiseObject(std::move(pending));
}

struct StmtExecutor {
  Frame& frame;

  Flow operator()(const ExprStmt& stmt) {
    Ref<Object> value = Eval(frame, *stmt.value);
    if (!value) return Failed();
    if (frame.code->interactive() && frame.scope->kind == ScopeInfo::Kind::kModule &&
        value.get() != None()) {
      std::optional<std::string> text = ReprText(value.get());
      if (!text) return Failed();
      *text += "\n";
      std::fwrite(text->data(), 1, text->size(), stdout);
      std::fflush(stdout);
    }
    return Flow::kNormal;
  }
  Flow operator()(const Assign& stmt) {
    Ref<Object> value = Eval(frame, *stmt.value);
    if (!value) return Failed();
    for (const ExprPtr& target : stmt.targets) {
      if (!AssignTarget(frame, *target, value)) return Failed();
    }
    return Flow::kNormal;
  }
  Flow operator()(const AugAssign& stmt) {
    const Expr& target = *stmt.target;
    if (const auto* name = std::get_if<Name>(&target.node)) {
      Ref<Object> current = LoadSlot(frame, name->kind, name->slot, name->id);
      if (!current) return Failed();
      Ref<Object> value = Eval(frame, *stmt.value);
      if (!value) return Failed();
      Ref<Object> result = InPlaceOperation(current.get(), value.get(), stmt.op);
      return Check(result && StoreSlot(frame, {name->kind, name->slot}, std::move(result)));
    }
    if (const auto* attribute = std::get_if<Attribute>(&target.node)) {
      Ref<Object> object = Eval(frame, *attribute->value);
      if (!object) return Failed();
      const islet::Name* attr = frame.code->NameOf(attribute->identifier);
      Ref<Object> current = GetAttr(object.get(), attr);
      if (!current) return Failed();
      Ref<Object> value = Eval(frame, *stmt.value);
      if (!value) return Failed();
      Ref<Object> result = InPlaceOperation(current.get(), value.get(), stmt.op);
      return Check(result && SetAttr(object.get(), attr, result.get()));
    }
    const auto& subscript = std::get<Subscript>(target.node);
    Ref<Object> object = Eval(frame, *subscript.value);
    if (!object) return Failed();
    Ref<Object> key = Eval(frame, *subscript.slice);
    if (!key) return Failed();
    Ref<Object> current = GetItem(object.get(), key.get());
    if (!current) return Failed();
    Ref<Object> value = Eval(frame, *stmt.value);
    if (!value) return Failed();
    Ref<Object> result = InPlaceOperation(current.get(), value.get(), stmt.op);
    return Check(result && SetItem(object.get(), key.get(), result.get()));
  }
  Flow operator()(const Delete& stmt) {
    for (const ExprPtr& target : stmt.targets) {
      if (!DeleteTarget(frame, *target)) return Failed();
    }
    return Flow::kNormal;
  }
  Flow operator()(const Pass&) { return Flow::kNormal; }
  Flow operator()(const Break&) { return Flow::kBreak; }
  Flow operator()(const Continue&) { return Flow::kContinue; }
  Flow operator()(const If& stmt) {
    Ref<Object> test = Eval(frame, *stmt.test);
    if (!test) return Failed();
    int truth = IsTrue(test.get());
    if (truth < 0) return Failed();
    return ExecBody(frame, truth ? stmt.body : stmt.orelse);
  }
  Flow operator()(const While& stmt) {
    for (;;) {
      if (!Tick()) return Failed();
      Ref<Object> test = Eval(frame, *stmt.test);
      if (!test) return Failed();
      int truth = IsTrue(test.get());
      if (truth < 0) return Failed();
      if (!truth) break;
      Flow flow = ExecBody(frame, stmt.body);
      if (flow == Flow::kBreak) return Flow::kNormal;
      if (flow == Flow::kReturn || flow == Flow::kError) return flow;
    }
    return ExecBody(frame, stmt.orelse);
  }
  Flow operator()(const For& stmt) {
    Ref<Object> iterable = Eval(frame, *stmt.iter);
    if (!iterable) return Failed();
    Ref<Object> iterator = GetIter(iterable.get());
    if (!iterator) return Failed();
    for (;;) {
      if (!Tick()) return Failed();
      Ref<Object> item = IterNext(iterator.get());
      if (!item) {
        if (ExceptionPending()) return Failed();
        break;
      }
      if (!AssignTarget(frame, *stmt.target, std::move(item))) return Failed();
      Flow flow = ExecBody(frame, stmt.body);
      if (flow == Flow::kBreak) return Flow::kNormal;
      if (flow == Flow::kReturn || flow == Flow::kError) return flow;
    }
    return ExecBody(frame, stmt.orelse);
  }
  Flow operator()(const FunctionDef& stmt) {
    std::vector<Ref<Object>> decorators;
    if (!EvalItems(frame, stmt.decorators, decorators)) return Failed();
    FunctionSpec spec{
        .name = stmt.name, .scope = stmt.scope.get(), .params = &stmt.params, .body = &stmt.body};
    if (!EvalDefaults(frame, stmt.params, spec)) return Failed();
    Ref<Object> function = MakeFunction(frame, std::move(spec));
    return Check(function && Decorate(decorators, function) &&
                 StoreBinding(frame, stmt.name, std::move(function)));
  }
  Flow operator()(const Return& stmt) {
    frame.return_value = OptionalOrNone(frame, stmt.value);
    return frame.return_value ? Flow::kReturn : Flow::kError;
  }
  Flow operator()(const ClassDef& stmt);
  Flow operator()(const Try& stmt);
  Flow operator()(const Raise& stmt);
  Flow operator()(const Assert& stmt) {
    Ref<Object> test = Eval(frame, *stmt.test);
    if (!test) return Failed();
    int truth = IsTrue(test.get());
    if (truth != 0) return truth < 0 ? Failed() : Flow::kNormal;
    Ref<Object> error;
    if (stmt.msg) {
      Ref<Object> message = Eval(frame, *stmt.msg);
      if (!message) return Failed();
      error = islet::Call(WellKnownType(WellKnown::kAssertionError), {message.get()});
    } else {
      error = islet::Call(WellKnownType(WellKnown::kAssertionError), {});
    }
    if (error) RaiseObject(std::move(error));
    return Failed();
  }
  Flow operator()(const Global&) { return Flow::kNormal; }
  Flow operator()(const Nonlocal&) { return Flow::kNormal; }
  Flow operator()(const Import& stmt) {
    for (const Alias& alias : stmt.names) {
      Ref<Object> module = ImportModule(alias.name);
      if (!module) return Failed();
      if (!alias.asname.empty()) {
        if (!StoreBinding(frame, alias.asname, std::move(module))) return Failed();
        continue;
      }
      std::string top = alias.name.substr(0, alias.name.find('.'));
      Ref<Object> top_module = ImportModule(top);
      if (!top_module || !StoreBinding(frame, top, std::move(top_module))) return Failed();
    }
    return Flow::kNormal;
  }
  Flow operator()(const ImportFrom& stmt) {
    Ref<Object> module = ImportModule(stmt.module);
    if (!module) return Failed();
    for (const Alias& alias : stmt.names) {
      Ref<Object> value = ImportFromModule(module.get(), stmt.module, alias.name);
      if (!value || !StoreBinding(frame, alias.asname.empty() ? alias.name : alias.asname,
                                  std::move(value))) {
        return Failed();
      }
    }
    return Flow::kNormal;
  }

  static bool Decorate(const std::vector<Ref<Object>>& decorators, Ref<Object>& target) {
    for (auto it = decorators.rbegin(); it != decorators.rend(); ++it) {
      target = islet::Call(it->get(), {target.get()});
      if (!target) return false;
    }
    return true;
  }
};

Flow StmtExecutor::operator()(const ClassDef& stmt) {
  std::vector<Ref<Object>> decorators;
  if (!EvalItems(frame, stmt.decorators, decorators)) return Failed();
  std::vector<Ref<Object>> bases;
  if (!EvalItems(frame, stmt.bases, bases)) return Failed();
  Ref<Object> metaclass = Ref<Object>::Borrow(WellKnownType(WellKnown::kType));
  std::vector<const islet::Name*> names;
  std::vector<Ref<Object>> keyword_values;
  for (const Keyword& keyword : stmt.keywords) {
    Ref<Object> value = Eval(frame, *keyword.value);
    if (!value) return Failed();
    if (keyword.arg == "metaclass") {
      metaclass = std::move(value);
    } else if (keyword.arg.empty()) {
      if (!AddKeywordMapping(metaclass.get(), value.get(), names, keyword_values)) return Failed();
    } else {
      names.push_back(frame.code->NameOf(keyword.identifier));
      keyword_values.push_back(std::move(value));
    }
  }
  // The body runs in a namespace of its own, which becomes the class's dict.
  Ref<Object> namespace_dict = NewDict();
  Ref<Object> module_name;
  if (!LookupModuleName(frame, &module_name)) return Failed();
  if (module_name &&
      !DictSet(namespace_dict.get(), NewStr("__module__").get(), module_name.get())) {
    return Failed();
  }
  if (!DictSet(namespace_dict.get(), NewStr("__qualname__").get(),
               NewStr(stmt.scope->qualname).get())) {
    return Failed();
  }
  Frame body;
  body.code = frame.code;
  body.globals = frame.globals;
  body.builtins = frame.builtins;
  body.class_namespace = namespace_dict.get();
  Closure closure = CaptureClosure(frame, *stmt.scope);
  body.free = &closure;
  body.SetUp(*stmt.scope);
  body.line = frame.line;
  if (!RunFrame(body, &stmt.body, nullptr)) return Failed();
  Ref<Object> name_object = NewStr(stmt.name);
  Ref<Object> bases_tuple = NewTuple(std::move(bases));
  std::vector<Object*> args = {name_object.get(), bases_tuple.get(), namespace_dict.get()};
  for (const Ref<Object>& value : keyword_values) args.push_back(value.get());
  Ref<Object> cls = islet::Call(metaclass.get(), CallArgs{.args = args, .kwnames = names});
  if (!cls) return Failed();
  if (stmt.scope->class_cell >= 0) CellContents(body.cells[stmt.scope->class_cell].get()) = cls;
  return Check(Decorate(decorators, cls) && StoreBinding(frame, stmt.name, std::move(cls)));
}

// The `except` clauses of a try whose body raised `exception`: each clause's
// expression is evaluated in turn until one matches, and that handler runs. The
// exception is being handled from the first clause on (a bare `raise` in a
// clause re-raises it, as in CPython). A clause that fails replaces it with its
// own error; then, as when none matches, the flow is an error, which the try's
// `finally` sees like any other.
Flow RunHandlers(Frame& frame, const std::vector<ExceptHandler>& handlers, Ref<Object> exception) {
  frame.handling.push_back(exception.get());
  const int raised_at = frame.line;
  const ExceptHandler* chosen = nullptr;
  bool failed = false;
  for (const ExceptHandler& handler : handlers) {
    int matches = 1;
    if (handler.type) {
      frame.line = handler.type->location.line;  // a traceback names the clause's line
      Ref<Object> clause = Eval(frame, *handler.type);
      matches = clause ? ExceptionMatchesClause(exception.get(), clause.get()) : -1;
    }
    failed = matches < 0;
    if (matches != 0) {
      chosen = failed ? nullptr : &handler;
      break;
    }
  }
  Flow flow = Flow::kError;
  if (chosen != nullptr && (chosen->name.empty() || StoreBinding(frame, chosen->name, exception))) {
    flow = ExecBody(frame, chosen->body);
    if (!chosen->name.empty()) UnbindHandlerName(frame, chosen->name);
  }
  frame.handling.pop_back();
  if (chosen == nullptr && !failed) {
    frame.line = raised_at;  // its traceback names where it was raised
    RaiseObject(std::move(exception));
  }
  return flow;
}

Flow StmtExecutor::operator()(const Try& stmt) {
  Flow flow = ExecBody(frame, stmt.body);
  if (flow == Flow::kError && !stmt.handlers.empty()) {
    flow = RunHandlers(frame, stmt.handlers, TakeException());
  } else if (flow == Flow::kNormal) {
    flow = ExecBody(frame, stmt.orelse);
  }
  if (stmt.finalbody.empty()) return flow;
  Ref<Object> pending = flow == Flow::kError ? TakeException() : nullptr;
  Ref<Object> returning = flow == Flow::kReturn ? std::move(frame.return_value) : nullptr;
  // A bare `raise` in the finally block re-raises what is propagating.
  if (pending) frame.handling.push_back(pending.get());
  Flow final_flow = ExecBody(frame, stmt.finalbody);
  if (pending) frame.handling.pop_back();
  if (final_flow != Flow::kNormal) return final_flow;  // break, return or raise in finally wins
  if (pending) RaiseObject(std::move(pending));
  if (returning) frame.return_value = std::move(returning);
  return flow;
}

Flow StmtExecutor::operator()(const Raise& stmt) {
  if (!stmt.exc) {
    for (Frame* f = &frame; f != nullptr; f = f->back) {
      if (!f->handling.empty()) {
        RaiseObject(Ref<Object>::Borrow(f->handling.back()));
        return Failed();
      }
    }
    islet::Raise(WellKnown::kRuntimeError, "No active exception to reraise");
    return Failed();
  }
  Ref<Object> exception = Eval(frame, *stmt.exc);
  if (!exception) return Failed();
  if (stmt.cause && !Eval(frame, *stmt.cause)) return Failed();  // islet keeps no __cause__
  TypeObject* base_exception = WellKnownType(WellKnown::kBaseException);
  if (IsInstance(exception.get(), WellKnown::kType) &&
      static_cast<TypeObject*>(exception.get())->IsSubtypeOf(base_exception)) {
    exception = islet::Call(exception.get(), {});
    if (!exception) return Failed();
  }
  if (!exception->type()->IsSubtypeOf(base_exception)) {
    islet::Raise(WellKnown::kTypeError, "exceptions must derive from BaseException");
    return Failed();
  }
  RaiseObject(std::move(exception));
  return Failed();
}

// Raises SyntaxError(message, (filename, line, column, text)); text stops at
// a null byte, as CPython's does, and the column is None when there is none.
bool RaiseSyntaxError(const SyntaxErrorInfo& error, std::string_view filename,
                      std::string_view source) {
  if (error.kind == SyntaxErrorInfo::Kind::kParserStackOverflow) {
    islet::Raise(WellKnown::kMemoryError, error.message);
    return false;
  }
  if (error.kind == SyntaxErrorInfo::Kind::kCompilerStackOverflow) {
    islet::Raise(WellKnown::kRecursionError, error.message);
    return false;
  }
  std::string text = error.text;
  if (text.empty() && error.line > 0) {
    size_t start = 0;
    for (int line = 1; line < error.line && start != std::string_view::npos; ++line) {
      start = source.find('\n', start);
      if (start != std::string_view::npos) ++start;
    }
    if (start != std::string_view::npos && start <= source.size()) {
      size_t end = source.find('\n', start);
      text = std::string(source.substr(start, end == std::string_view::npos ? end : end - start));
    }
  }
  text.resize(std::min(text.size(), text.find('\0')));
  Ref<Object> column =
      error.column == SyntaxErrorInfo::kNoColumn ? NoneRef() : NewInt(error.column);
  Ref<Object> details = NewTuple(
      {NewStr(filename).get(), NewInt(error.line).get(), column.get(), NewStr(text).get()});
  Ref<Object> args = NewTuple({NewStr(error.message).get(), details.get()});
  if (!details || !args) return false;
  const WellKnown type = error.kind == SyntaxErrorInfo::Kind::kTab ? WellKnown::kTabError
                         : error.kind == SyntaxErrorInfo::Kind::kIndentation
                             ? WellKnown::kIndentationError
                             : WellKnown::kSyntaxError;
  RaiseObject(NewException(WellKnownType(type), std::move(args)));
  return false;
}

}  // namespace

bool LookupModuleName(const Frame& frame, Ref<Object>* name) {
  Ref<Object> key = NewStr("__name__");
  return key && LookIn(frame.globals, key.get(), name);
}

Flow ExecBody(Frame& frame, const Body& body) {
  for (const StmtPtr& stmt : body) {
    frame.line = stmt->location.line;
    Flow flow = std::visit(StmtExecutor{frame}, stmt->node);
    if (flow != Flow::kNormal) return flow;
  }
  return Flow::kNormal;
}

// Expressions nest (a display inside a display), so evaluating one recurses:
// checked like a call, for a frame that starts near the stack's limit.
Ref<Object> Eval(Frame& frame, const Expr& expr) {
  if (!CheckStack(" while evaluating an expression")) return nullptr;
  return std::visit(ExprEvaluator{frame}, expr.node);
}

bool ExecMain(std::string_view source, std::string_view filename, ExecMode mode) {
  ParseResult parsed = Parse(source);
  if (!parsed.module) return RaiseSyntaxError(parsed.error, filename, source);
  if (std::optional<SyntaxErrorInfo> error = Resolve(*parsed.module)) {
    return RaiseSyntaxError(*error, filename, source);
  }
  auto code = std::make_shared<Code>(std::move(parsed.module), std::string(filename),
                                     mode == ExecMode::kInteractive);
  Ref<Object> main = MainModule();
  if (!main) return false;
  Ref<Object> builtins = ImportModule("builtins");
  if (!builtins) return false;
  Frame frame;
  frame.code = code;
  frame.globals = ModuleDict(main.get());
  frame.builtins = ModuleDict(builtins.get());
  frame.SetUp(*code->module().scope);
  return static_cast<bool>(RunFrame(frame, &code->module().body, nullptr));
}

}  // namespace islet::lang

// --- Interpreter::Exec ---

namespace islet::lang {
namespace {

absl::Status ExecForEmbedder(std::string_view source) {
  if (ExecMain(source, "<string>")) return absl::OkStatus();
  return TakeExceptionAsStatus();
}

constexpr LanguageHooks kLanguageHooks{.exec = &ExecForEmbedder};

absl::Status InstallLanguageHooks() {
  SetLanguageHooks(&kLanguageHooks);
  return absl::OkStatus();
}

void RemoveLanguageHooks() { SetLanguageHooks(nullptr); }

}  // namespace

ISLET_RUNTIME_HOOK(kLanguageHook, "lang.exec", &InstallLanguageHooks, &RemoveLanguageHooks);

}  // namespace islet::lang
