// The syntax tree of islet's Python subset: what lang/parser.h produces and
// lang/eval.h runs. Nodes hold plain C++ data (no objects: objects belong to an
// interpreter, a tree is just text made structured), and each carries the line
// and column it starts at, for SyntaxError and tracebacks.
//
// Names are resolved after parsing (lang/scope.h): each function-like node gets a
// ScopeInfo and each Name node its kind and slot, so running a function never
// looks a local up by string.
//
//   std::variant holds the node kinds; visit with std::visit or std::get_if:
//   if (const auto* call = std::get_if<Call>(&expr.node)) ...

#ifndef ISLET_LANG_AST_H_
#define ISLET_LANG_AST_H_

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace islet::lang {

struct Expr;
struct Stmt;
using ExprPtr = std::unique_ptr<Expr>;
using StmtPtr = std::unique_ptr<Stmt>;
using Body = std::vector<StmtPtr>;

// Filled in by the resolver (lang/scope.h); declared here so nodes can own one.
struct ScopeInfo;

// Where a node starts: 1-based line, 1-based column (in code points).
struct Location {
  int line = 0;
  int column = 0;
};

// --- Expressions ---

// How a Name is stored, decided by the resolver.
enum class NameKind : uint8_t {
  kUnresolved,  // not yet resolved
  kGlobal,      // module globals, then builtins (reads); module globals (writes)
  kLocal,       // a slot of the running function's frame
  kCell,        // a slot of a frame some inner function also reads: shared cell
  kFree,        // a cell of an enclosing function, captured by this one
  kClassBody,   // a class body's namespace dict, then globals/builtins (reads)
};

struct Name {
  std::string id;
  NameKind kind = NameKind::kUnresolved;
  // kLocal/kCell: index in the frame; kFree: index in the closure; kGlobal and
  // kClassBody: index of `id` in the module's identifiers (ScopeInfo).
  int slot = -1;
};

struct Constant {
  enum class Kind : uint8_t {
    kNone,
    kTrue,
    kFalse,
    kEllipsis,
    kInt,
    kBigInt,
    kFloat,
    kStr,
    kBytes
  };
  Kind kind = Kind::kNone;
  int64_t integer = 0;  // kInt
  double real = 0;      // kFloat
  std::string text;     // kBigInt: decimal digits (no sign); kStr: UTF-8; kBytes: the bytes
};

// f"...{value!r:spec}...": the parts are Constant strs and FormattedValues.
struct FormattedValue {
  ExprPtr value;
  char conversion = 0;  // 0, 'r', 's' or 'a'
  ExprPtr format_spec;  // null, or a JoinedStr
};
struct JoinedStr {
  std::vector<ExprPtr> values;
};

struct Tuple {
  std::vector<ExprPtr> elts;  // may hold Starred (displays and assignment targets)
};
struct List {
  std::vector<ExprPtr> elts;
};
struct Set {
  std::vector<ExprPtr> elts;
};
struct Dict {
  std::vector<ExprPtr> keys;  // a null key: `**values[i]` unpacking
  std::vector<ExprPtr> values;
};
struct Starred {
  ExprPtr value;
};

// One `for target in iter if cond...` clause of a comprehension.
struct Comprehension {
  ExprPtr target;
  ExprPtr iter;
  std::vector<ExprPtr> ifs;
};
// [elt for ...], {elt for ...}, (elt for ...), {key: value for ...}. Each is
// its own scope (the first clause's iterable is evaluated outside it).
struct ComprehensionExpr {
  enum class Kind : uint8_t { kList, kSet, kGenerator, kDict };
  Kind kind = Kind::kList;
  ExprPtr elt;    // the element, or the key of a dict comprehension
  ExprPtr value;  // the value of a dict comprehension; null otherwise
  std::vector<Comprehension> generators;
  std::shared_ptr<ScopeInfo> scope;
};

struct Attribute {
  ExprPtr value;
  std::string attr;
  int identifier = -1;  // index of `attr` in the module's identifiers (resolver)
};
struct Subscript {
  ExprPtr value;
  ExprPtr slice;  // an expression, a Slice, or a Tuple of them
};
struct Slice {
  ExprPtr lower;  // each may be null
  ExprPtr upper;
  ExprPtr step;
};

struct Keyword {
  std::string arg;  // empty for `**value`
  ExprPtr value;
  Location location;
  int identifier = -1;  // index of `arg` in the module's identifiers (resolver)
};
struct Call {
  ExprPtr func;
  std::vector<ExprPtr> args;  // may hold Starred (`*value`)
  std::vector<Keyword> keywords;
};

enum class BinaryOperator : uint8_t {
  kAdd,
  kSub,
  kMult,
  kDiv,
  kFloorDiv,
  kMod,
  kPow,
  kLShift,
  kRShift,
  kBitAnd,
  kBitOr,
  kBitXor,
};
struct BinOp {
  ExprPtr left;
  BinaryOperator op;
  ExprPtr right;
};

enum class UnaryOperator : uint8_t { kNot, kNegate, kPlus, kInvert };
struct UnaryOp {
  UnaryOperator op;
  ExprPtr operand;
};

struct BoolOp {
  bool is_and = true;  // `and` or `or`
  std::vector<ExprPtr> values;
};

enum class CompareOperator : uint8_t { kLt, kLe, kEq, kNe, kGt, kGe, kIs, kIsNot, kIn, kNotIn };
// left ops[0] comparators[0] ops[1] comparators[1] ...
struct Compare {
  ExprPtr left;
  std::vector<CompareOperator> ops;
  std::vector<ExprPtr> comparators;
};

struct IfExp {
  ExprPtr test;
  ExprPtr body;
  ExprPtr orelse;
};

// A parameter list: def f(a, b=1, *args, c, d=2, **kwargs).
struct Parameter {
  std::string name;
  ExprPtr default_value;  // null: required
  Location location;
};
struct Parameters {
  std::vector<Parameter> positional;  // positional-or-keyword (and positional-only ones)
  size_t positional_only = 0;         // how many of them come before `/`
  std::string vararg;                 // empty: no *args
  std::vector<Parameter> keyword_only;
  std::string kwarg;  // empty: no **kwargs
};

struct Lambda {
  Parameters params;
  ExprPtr body;
  std::shared_ptr<ScopeInfo> scope;
};

struct Expr {
  Expr() = default;
  Expr(Expr&&) = default;
  Expr& operator=(Expr&&) = default;
  // Frees the chains that left-associative rules build (`a + b + c ...`,
  // `x.y.z ...`, `f()()...`, `- - x`), as tall as the parser allows, in a loop:
  // a tree may be freed on any thread, however little stack it has left.
  // Other nesting comes from the parser's recursion, which kMaxNesting bounds.
  ~Expr();

  Location location;
  std::variant<Name, Constant, JoinedStr, FormattedValue, Tuple, List, Set, Dict, Starred,
               ComprehensionExpr, Attribute, Subscript, Slice, Call, BinOp, UnaryOp, BoolOp,
               Compare, IfExp, Lambda>
      node;
};

// --- Statements ---

struct ExprStmt {
  ExprPtr value;
};
// targets[0] = targets[1] = ... = value
struct Assign {
  std::vector<ExprPtr> targets;  // Name, Attribute, Subscript, Tuple/List of targets, Starred
  ExprPtr value;
};
struct AugAssign {
  ExprPtr target;  // Name, Attribute or Subscript
  BinaryOperator op;
  ExprPtr value;
};
struct Delete {
  std::vector<ExprPtr> targets;
};
struct Pass {};
struct Break {};
struct Continue {};
struct If {
  ExprPtr test;
  Body body;
  Body orelse;  // `elif` is an If alone in orelse
};
struct While {
  ExprPtr test;
  Body body;
  Body orelse;
};
struct For {
  ExprPtr target;
  ExprPtr iter;
  Body body;
  Body orelse;
};
struct FunctionDef {
  std::string name;
  Parameters params;
  Body body;
  std::vector<ExprPtr> decorators;
  std::shared_ptr<ScopeInfo> scope;
};
struct Return {
  ExprPtr value;  // null: None
};
struct ClassDef {
  std::string name;
  std::vector<ExprPtr> bases;
  std::vector<Keyword> keywords;
  Body body;
  std::vector<ExprPtr> decorators;
  std::shared_ptr<ScopeInfo> scope;
};
struct ExceptHandler {
  ExprPtr type;      // null: bare `except:`
  std::string name;  // empty: no `as name`
  Body body;
  Location location;
};
struct Try {
  Body body;
  std::vector<ExceptHandler> handlers;
  Body orelse;
  Body finalbody;
};
struct Raise {
  ExprPtr exc;    // null: re-raise
  ExprPtr cause;  // `from cause`, or null
};
struct Assert {
  ExprPtr test;
  ExprPtr msg;  // may be null
};
struct Global {
  std::vector<std::string> names;
};
struct Nonlocal {
  std::vector<std::string> names;
};
// import a.b as c, d
struct Alias {
  std::string name;    // dotted: "concurrent.interpreters"
  std::string asname;  // empty: none
};
struct Import {
  std::vector<Alias> names;
};
// from module import names
struct ImportFrom {
  std::string module;  // dotted
  std::vector<Alias> names;
};

struct Stmt {
  Location location;
  std::variant<ExprStmt, Assign, AugAssign, Delete, Pass, Break, Continue, If, While, For,
               FunctionDef, Return, ClassDef, Try, Raise, Assert, Global, Nonlocal, Import,
               ImportFrom>
      node;
};

// A parsed source file (or string given to exec).
struct Module {
  Body body;
  std::shared_ptr<ScopeInfo> scope;
};

}  // namespace islet::lang

#endif  // ISLET_LANG_AST_H_
