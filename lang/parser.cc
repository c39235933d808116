// A recursive-descent parser over lang/tokenizer.h's tokens, one function per
// grammar rule (named after the rules of CPython's Grammar/python.gram). It
// never backtracks: where the grammar needs to look ahead (an assignment
// target, a keyword argument, a generator expression), it parses an
// expression first and then checks or converts it.
//
// Errors follow CPython's choice of message and place: a tokenizer error is
// reported when the parser reaches its token; a specific parser error ("expected
// ':'", "cannot assign to literal") where it is found; the generic "invalid
// syntax" at the furthest token the parser looked at, unless the tokenizer
// found an error further on (CPython tokenizes the rest of the file first, see
// TokenizeResult::ErrorKind). Errors CPython only finds when compiling
// (duplicate parameters, misplaced starred targets, repeated keywords) are
// deferred: reported only if the whole parse succeeds.

#include "lang/parser.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_format.h"
#include "lang/tokenizer.h"
#include "objects/unicode/unicode_db.h"
#include "runtime/stack_limit.h"

namespace islet::lang {
namespace {

// How tall an expression tree may grow through left-associative chains
// (`a + b + c ...`, `x.y.z ...`, `- - x`): deeper trees would overflow the stack
// of whatever walks them recursively (destructors, the evaluator).
constexpr int kMaxExpressionHeight = 10 * kMaxNesting;

template <typename T>
ExprPtr MakeExpr(Location location, T node) {
  auto expr = std::make_unique<Expr>();
  expr->location = location;
  expr->node = std::move(node);
  return expr;
}

template <typename T>
StmtPtr MakeStmt(Location location, T node) {
  auto stmt = std::make_unique<Stmt>();
  stmt->location = location;
  stmt->node = std::move(node);
  return stmt;
}

ExprPtr MakeConstant(Location location, Constant::Kind kind) {
  Constant constant;
  constant.kind = kind;
  return MakeExpr(location, std::move(constant));
}

// What CPython calls an expression in "cannot assign to %s" messages.
std::string ExprName(const Expr& expr) {
  struct Namer {
    std::string operator()(const Name&) { return "name"; }
    std::string operator()(const Constant& c) {
      switch (c.kind) {
        case Constant::Kind::kNone:
          return "None";
        case Constant::Kind::kTrue:
          return "True";
        case Constant::Kind::kFalse:
          return "False";
        case Constant::Kind::kEllipsis:
          return "ellipsis";
        default:
          return "literal";
      }
    }
    std::string operator()(const JoinedStr&) { return "f-string expression"; }
    std::string operator()(const FormattedValue&) { return "f-string expression"; }
    std::string operator()(const Tuple&) { return "tuple"; }
    std::string operator()(const List&) { return "list"; }
    std::string operator()(const Set&) { return "set display"; }
    std::string operator()(const Dict&) { return "dict literal"; }
    std::string operator()(const Starred&) { return "starred"; }
    std::string operator()(const ComprehensionExpr& c) {
      switch (c.kind) {
        case ComprehensionExpr::Kind::kList:
          return "list comprehension";
        case ComprehensionExpr::Kind::kSet:
          return "set comprehension";
        case ComprehensionExpr::Kind::kDict:
          return "dict comprehension";
        default:
          return "generator expression";
      }
    }
    std::string operator()(const Attribute&) { return "attribute"; }
    std::string operator()(const Subscript&) { return "subscript"; }
    std::string operator()(const Slice&) { return "slice"; }
    std::string operator()(const Call&) { return "function call"; }
    std::string operator()(const BinOp&) { return "expression"; }
    std::string operator()(const UnaryOp&) { return "expression"; }
    std::string operator()(const BoolOp&) { return "expression"; }
    std::string operator()(const Compare&) { return "comparison"; }
    std::string operator()(const IfExp&) { return "conditional expression"; }
    std::string operator()(const Lambda&) { return "lambda"; }
  };
  return std::visit(Namer{}, expr.node);
}

enum class TargetUse { kAssign, kDelete };

// The first part of `expr` that cannot be assigned to (or deleted), or null.
const Expr* InvalidTarget(const Expr& expr, TargetUse use) {
  if (std::holds_alternative<Name>(expr.node) || std::holds_alternative<Attribute>(expr.node) ||
      std::holds_alternative<Subscript>(expr.node)) {
    return nullptr;
  }
  const std::vector<ExprPtr>* elts = nullptr;
  if (const auto* tuple = std::get_if<Tuple>(&expr.node)) elts = &tuple->elts;
  if (const auto* list = std::get_if<List>(&expr.node)) elts = &list->elts;
  if (elts == nullptr) {
    const auto* starred = std::get_if<Starred>(&expr.node);
    if (starred == nullptr || use == TargetUse::kDelete) return &expr;
    return InvalidTarget(*starred->value, use);
  }
  for (const ExprPtr& elt : *elts) {
    if (const Expr* bad = InvalidTarget(*elt, use)) return bad;
  }
  return nullptr;
}

bool IsAugAssignOp(const Token& token, BinaryOperator* op) {
  static constexpr std::pair<std::string_view, BinaryOperator> kOps[] = {
      {"+=", BinaryOperator::kAdd},       {"-=", BinaryOperator::kSub},
      {"*=", BinaryOperator::kMult},      {"/=", BinaryOperator::kDiv},
      {"//=", BinaryOperator::kFloorDiv}, {"%=", BinaryOperator::kMod},
      {"**=", BinaryOperator::kPow},      {"<<=", BinaryOperator::kLShift},
      {">>=", BinaryOperator::kRShift},   {"&=", BinaryOperator::kBitAnd},
      {"|=", BinaryOperator::kBitOr},     {"^=", BinaryOperator::kBitXor}};
  if (token.kind != TokenKind::kOp) return false;
  for (const auto& [text, value] : kOps) {
    if (token.text == text) {
      *op = value;
      return true;
    }
  }
  return false;
}

// Collects the parts of adjacent string literals: text runs merge into one
// Constant, f-string fields stay FormattedValues.
class JoinedStrBuilder {
 public:
  void AddText(std::string_view text, Location location) {
    if (pending_.empty() && !has_pending_) pending_location_ = location;
    pending_ += text;
    has_pending_ = true;
  }
  void AddValue(ExprPtr value) {
    Flush();
    values_.push_back(std::move(value));
  }
  std::vector<ExprPtr> Take() {
    Flush();
    return std::move(values_);
  }

 private:
  void Flush() {
    if (!pending_.empty()) {
      Constant text;
      text.kind = Constant::Kind::kStr;
      text.text = std::move(pending_);
      values_.push_back(MakeExpr(pending_location_, std::move(text)));
    }
    pending_.clear();
    has_pending_ = false;
  }

  std::vector<ExprPtr> values_;
  std::string pending_;
  bool has_pending_ = false;
  Location pending_location_;
};

class Parser {
 public:
  Parser(TokenizeResult tokens, int nesting)
      : tokens_(std::move(tokens.tokens)),
        tokenizer_error_(std::move(tokens.error)),
        tokenizer_error_kind_(tokens.error_kind),
        nesting_(nesting),
        height_(nesting) {}

  std::unique_ptr<Module> ParseFile();
  ExprPtr ParseFieldExpression();
  const SyntaxErrorInfo& error() const { return error_; }

 private:
  // Counts one level of recursion (and of tree height) while alive.
  class NestingGuard {
   public:
    explicit NestingGuard(Parser* parser) : parser_(parser) {
      ++parser_->nesting_;
      ++parser_->height_;
    }
    ~NestingGuard() {
      --parser_->nesting_;
      --parser_->height_;
    }
    // Within kMaxNesting and the stack the thread has left (a host thread's
    // may be small); Parser::FailNesting says which was exceeded.
    bool ok() const { return parser_->nesting_ <= kMaxNesting && !StackExhausted(); }

   private:
    Parser* parser_;
  };
  // Counts the links of a left-associative chain built by one rule.
  class ChainHeight {
   public:
    explicit ChainHeight(Parser* parser) : parser_(parser) {}
    ~ChainHeight() { parser_->height_ -= links_; }
    bool AddLink() {
      ++links_;
      return ++parser_->height_ <= kMaxExpressionHeight;
    }

   private:
    Parser* parser_;
    int links_ = 0;
  };

  // --- Tokens ---
  const Token& Peek(size_t ahead = 0);
  const Token& Next();
  bool AtOp(std::string_view op, size_t ahead = 0) { return Peek(ahead).IsOp(op); }
  bool AtKeyword(std::string_view word, size_t ahead = 0) {
    return Peek(ahead).Is(TokenKind::kName, word);
  }
  bool At(TokenKind kind, size_t ahead = 0) { return Peek(ahead).kind == kind; }
  bool AcceptOp(std::string_view op);
  bool AcceptKeyword(std::string_view word);
  bool AtName();  // a NAME that is not a keyword
  // The identifier a NAME token spells (see Identifier below); NextIdentifier
  // takes the next token.
  std::string Identifier(const Token& token);
  std::string NextIdentifier() { return Identifier(Next()); }
  bool AtExpressionStart();
  bool RestIsEnd();

  // --- Errors (each returns null/false so callers can `return Fail...`) ---
  std::nullptr_t Fail();
  std::nullptr_t FailAt(Location location, std::string message);
  std::nullptr_t FailIndentation(Location location, std::string message, bool incomplete);
  Location ErrorPlace(size_t index) const;
  // The error for a NestingGuard that is not ok(): `message` past kMaxNesting,
  // CPython's MemoryError past the stack.
  std::nullptr_t FailNesting(Location location, std::string message);
  bool TokenizerErrorOverrides(int line) const;
  std::nullptr_t FailHeight();
  bool failed() const { return failed_; }
  bool ExpectOp(std::string_view op);
  bool ExpectForced(std::string_view op);
  bool ExpectColon();
  std::nullptr_t FailAssignHint(const Expr& test);

  // --- Statements ---
  bool ParseStatements(Body* body);
  bool ParseStatement(Body* body);
  bool ParseSimpleStatements(Body* body);
  StmtPtr ParseSimpleStatement();
  StmtPtr ParseCompoundStatement();
  bool ParseBlock(const Token& keyword, std::string_view what, Body* body);
  StmtPtr ParseExpressionStatement();
  StmtPtr ParseAssignment(Location location, ExprPtr first);
  StmtPtr ParseAugAssignment(Location location, ExprPtr target, BinaryOperator op);
  StmtPtr ParseAnnotatedAssignment(Location location, ExprPtr target);
  ExprPtr ParseAssignedValue();
  bool MayBeComparison(const Expr& target) const;
  std::nullptr_t FailInvalidTarget(const Expr& bad, bool hint);
  void Defer(Location location, std::string message);
  bool CheckStarredTargets(const Expr& target, bool top);
  bool CheckNotStarred(const Expr& value);
  StmtPtr ParseReturn();
  StmtPtr ParseRaise();
  StmtPtr ParseDel();
  StmtPtr ParseAssert();
  StmtPtr ParseGlobalOrNonlocal();
  StmtPtr ParseImport();
  StmtPtr ParseFromImport();
  bool ParseDottedName(std::string* name);
  bool ParseAlias(bool dotted, Alias* alias);
  StmtPtr ParseIf();
  StmtPtr ParseWhile();
  StmtPtr ParseFor();
  bool ParseElseBlock(Body* orelse);
  StmtPtr ParseTry();
  bool ParseExceptHandler(Try* node);
  StmtPtr ParseDecorated();
  StmtPtr ParseFunctionDef(std::vector<ExprPtr> decorators);
  StmtPtr ParseClassDef(std::vector<ExprPtr> decorators);
  bool ParseParameters(bool is_lambda, Parameters* params);
  bool ParseParameter(bool is_lambda, Parameter* param);
  bool CheckDuplicateParameters(const Parameters& params);

  // --- Expressions ---
  ExprPtr ParseStarExpressions();
  ExprPtr ParseStarExpression();
  ExprPtr ParseNamedExpression();
  ExprPtr ParseExpression();
  ExprPtr ParseLambda();
  ExprPtr ParseDisjunction();
  ExprPtr ParseConjunction();
  ExprPtr ParseInversion();
  ExprPtr ParseComparison();
  bool AtComparisonOperator(CompareOperator* op, int* length);
  ExprPtr ParseBitwiseOr();
  ExprPtr ParseBitwiseXor();
  ExprPtr ParseBitwiseAnd();
  ExprPtr ParseShift();
  ExprPtr ParseSum();
  ExprPtr ParseTerm();
  ExprPtr ParseFactor();
  ExprPtr ParsePower();
  ExprPtr ParsePrimary();
  ExprPtr ParseAtom();
  ExprPtr ParseNameAtom();
  ExprPtr ParseNumber();
  ExprPtr ParseStrings();
  bool ParseFString(const Token& token, const StringParts& parts, JoinedStrBuilder* out);
  ExprPtr ParseReplacementField(const Token& token, const StringParts& parts, size_t* pos,
                                JoinedStrBuilder* out);
  ExprPtr ParseFormatSpec(const Token& token, const StringParts& parts, size_t* pos);
  ExprPtr SubParse(std::string_view text, Location location);
  Location LocationInString(const Token& token, const StringParts& parts, size_t pos);
  ExprPtr ParseParenthesized();
  ExprPtr ParseListDisplay();
  ExprPtr ParseBraceDisplay();
  ExprPtr ParseDictDisplay(Location location, ExprPtr first_key);
  bool ParseDictItem(Dict* dict);
  bool ParseElements(std::string_view close, std::vector<ExprPtr>* elts);
  bool ExpectClose(std::string_view close, const Expr& last);
  bool FailMissingComma(const Expr& last);
  ExprPtr Closed(std::string_view close, ExprPtr expr);
  ExprPtr ParseStarNamedExpression();
  ExprPtr ParseComprehension(Location location, ComprehensionExpr::Kind kind, ExprPtr elt,
                             ExprPtr value);
  bool ParseComprehensionClauses(std::vector<Comprehension>* generators);
  ExprPtr ParseTargetList(std::string_view stop_keyword);
  ExprPtr ParseCall(ExprPtr func);
  bool ParseArguments(Location open, bool allow_genexp, std::vector<ExprPtr>* args,
                      std::vector<Keyword>* keywords);
  bool ParseGenexpArgument(Location open, std::vector<ExprPtr>* args,
                           const std::vector<Keyword>& keywords);
  bool ParseArgument(std::vector<ExprPtr>* args, std::vector<Keyword>* keywords);
  ExprPtr ParseSubscript(ExprPtr value);
  ExprPtr ParseSlice();

  std::vector<Token> tokens_;
  std::optional<SyntaxErrorInfo> tokenizer_error_;
  TokenizeResult::ErrorKind tokenizer_error_kind_;
  size_t pos_ = 0;
  size_t furthest_ = 0;
  bool reached_tokenizer_error_ = false;
  bool failed_ = false;
  SyntaxErrorInfo error_;
  std::optional<SyntaxErrorInfo> deferred_;
  int nesting_ = 0;
  int height_ = 0;
  // The last place LocationInString computed, so that walking an f-string's
  // fields in order costs its length once.
  const Token* located_token_ = nullptr;
  size_t located_offset_ = 0;
  Location located_;
};

// ============================================================================
// Tokens
// ============================================================================

const Token& Parser::Peek(size_t ahead) {
  size_t index = std::min(pos_ + ahead, tokens_.size() - 1);
  furthest_ = std::max(furthest_, index);
  const Token& token = tokens_[index];
  if (token.kind == TokenKind::kError) reached_tokenizer_error_ = true;
  return token;
}

const Token& Parser::Next() {
  const Token& token = Peek();
  if (pos_ + 1 < tokens_.size()) ++pos_;
  return token;
}

bool Parser::AcceptOp(std::string_view op) {
  if (!AtOp(op)) return false;
  Next();
  return true;
}

bool Parser::AcceptKeyword(std::string_view word) {
  if (!AtKeyword(word)) return false;
  Next();
  return true;
}

bool Parser::AtName() { return At(TokenKind::kName) && !IsKeyword(Peek().text); }

// A non-ASCII identifier is its NFKC form (PEP 3131), so `ﬁ` and `fi` are one
// name. Keywords were matched on the token's own text, as CPython does
// (`ｌａｍｂｄａ` is the name `lambda`), but no identifier may be None, True or
// False: CPython's message, which its AST validation raises as a ValueError,
// is a SyntaxError here. The parse goes on; ParseFile sees the failure.
std::string Parser::Identifier(const Token& token) {
  const bool ascii = std::all_of(token.text.begin(), token.text.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) return std::string(token.text);
  std::string id = unicode::NormalizeNfkc(token.text);
  if (id == "None" || id == "True" || id == "False") {
    FailAt(token.start, absl::StrFormat("identifier field can't represent '%s' constant", id));
  }
  return id;
}

bool Parser::AtExpressionStart() {
  const Token& token = Peek();
  switch (token.kind) {
    case TokenKind::kNumber:
    case TokenKind::kString:
      return true;
    case TokenKind::kName:
      if (!IsKeyword(token.text)) return true;
      for (std::string_view word : {"None", "True", "False", "not", "lambda"}) {
        if (token.text == word) return true;
      }
      return false;
    case TokenKind::kOp:
      for (std::string_view op : {"(", "[", "{", "-", "+", "~", "*", "..."}) {
        if (token.text == op) return true;
      }
      return false;
    default:
      return false;
  }
}

// Only DEDENTs and the end of input are left.
bool Parser::RestIsEnd() {
  for (size_t i = pos_; i < tokens_.size(); ++i) {
    if (tokens_[i].kind != TokenKind::kDedent && tokens_[i].kind != TokenKind::kEndMarker) {
      return false;
    }
  }
  return true;
}

// ============================================================================
// Errors
// ============================================================================

std::nullptr_t Parser::FailAt(Location location, std::string message) {
  if (failed_) return nullptr;
  failed_ = true;
  if (reached_tokenizer_error_) {
    error_ = *tokenizer_error_;
    return nullptr;
  }
  error_.message = std::move(message);
  error_.line = location.line;
  error_.column = location.column;
  return nullptr;
}

// Where CPython places an error at token `index`: an INDENT, or a DEDENT
// before more code, has no column of its own; CPython uses the width of the
// line's indentation.
Location Parser::ErrorPlace(size_t index) const {
  const Token& token = tokens_[std::min(index, tokens_.size() - 1)];
  bool dedent_before_code = false;
  if (token.kind == TokenKind::kDedent) {
    for (size_t i = index; i < tokens_.size() && !dedent_before_code; ++i) {
      dedent_before_code =
          tokens_[i].kind != TokenKind::kDedent && tokens_[i].kind != TokenKind::kEndMarker;
    }
  }
  if (token.kind == TokenKind::kIndent || dedent_before_code) {
    return {token.start.line, token.start.column - 1};
  }
  return token.start;
}

std::nullptr_t Parser::FailIndentation(Location location, std::string message, bool incomplete) {
  FailAt(location, std::move(message));
  if (!reached_tokenizer_error_) {
    error_.incomplete = incomplete;
    error_.kind = SyntaxErrorInfo::Kind::kIndentation;
  }
  return nullptr;
}

// The generic error, at the furthest token looked at.
std::nullptr_t Parser::Fail() {
  if (failed_) return nullptr;
  const Token& token = tokens_[furthest_];
  if (reached_tokenizer_error_) return FailAt(token.start, "");
  if (token.kind == TokenKind::kIndent) {
    return FailIndentation(ErrorPlace(furthest_), "unexpected indent", false);
  }
  bool at_end = true;
  for (size_t i = furthest_; i < tokens_.size(); ++i) {
    at_end &= tokens_[i].kind == TokenKind::kDedent || tokens_[i].kind == TokenKind::kEndMarker;
  }
  if (token.kind == TokenKind::kDedent && !at_end) {
    return FailIndentation(ErrorPlace(furthest_), "unexpected unindent", false);
  }
  if (TokenizerErrorOverrides(token.start.line)) {
    failed_ = true;
    error_ = *tokenizer_error_;
    return nullptr;
  }
  // At the end of input CPython has no column (offset 0).
  FailAt(token.kind == TokenKind::kEndMarker ? Location{token.start.line, 0} : token.start,
         "invalid syntax");
  error_.incomplete = at_end;
  return nullptr;
}

// Whether the tokenizer's error (further on) is reported instead of a generic
// error on `line` (see TokenizeResult::ErrorKind).
bool Parser::TokenizerErrorOverrides(int line) const {
  if (!tokenizer_error_) return false;
  switch (tokenizer_error_kind_) {
    case TokenizeResult::ErrorKind::kToken:
      return true;
    case TokenizeResult::ErrorKind::kUnclosedBracket:
      return line > tokenizer_error_->line;
    default:
      return false;
  }
}

std::nullptr_t Parser::FailNesting(Location location, std::string message) {
  if (nesting_ > kMaxNesting) return FailAt(location, std::move(message));
  if (failed_) return nullptr;
  failed_ = true;
  error_ = SyntaxErrorInfo();
  error_.message = "Parser stack overflowed - Python source too complex to parse";
  error_.line = location.line;
  error_.column = location.column;
  error_.kind = SyntaxErrorInfo::Kind::kParserStackOverflow;
  return nullptr;
}

std::nullptr_t Parser::FailHeight() {
  return FailAt(Peek().start, "expression is too deeply nested");
}

bool Parser::ExpectOp(std::string_view op) {
  if (AcceptOp(op)) return true;
  Fail();
  return false;
}

// A token the rule cannot do without: CPython's `&&'x'`, "expected 'x'".
bool Parser::ExpectForced(std::string_view op) {
  if (AcceptOp(op)) return true;
  if (!At(TokenKind::kError)) FailAt(Peek().start, absl::StrFormat("expected '%s'", op));
  Fail();
  return false;
}

// The ':' of if/elif/while/for/class/except: "expected ':'" before a NEWLINE.
bool Parser::ExpectColon() {
  if (AcceptOp(":")) return true;
  if (At(TokenKind::kNewline)) FailAt(Peek().start, "expected ':'");
  Fail();
  return false;
}

// `if x = 1:` is a comparison mistyped.
std::nullptr_t Parser::FailAssignHint(const Expr& test) {
  if (std::holds_alternative<Name>(test.node)) {
    return FailAt(test.location, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
  }
  return FailAt(test.location,
                absl::StrFormat("cannot assign to %s here. Maybe you meant '==' instead of '='?",
                                ExprName(test)));
}

// ============================================================================
// Statements
// ============================================================================

std::unique_ptr<Module> Parser::ParseFile() {
  auto module = std::make_unique<Module>();
  if (!ParseStatements(&module->body) || failed_) return nullptr;
  if (!At(TokenKind::kEndMarker)) return Fail();
  if (deferred_) return FailAt({deferred_->line, deferred_->column}, deferred_->message);
  return module;
}

// statements until a DEDENT or the end.
bool Parser::ParseStatements(Body* body) {
  while (!At(TokenKind::kEndMarker) && !At(TokenKind::kDedent)) {
    if (!ParseStatement(body)) return false;
  }
  return true;
}

bool Parser::ParseStatement(Body* body) {
  const Token& token = Peek();
  bool compound = AtOp("@");
  for (std::string_view word : {"if", "while", "for", "def", "class", "try"}) {
    compound |= token.Is(TokenKind::kName, word);
  }
  if (!compound) return ParseSimpleStatements(body);
  StmtPtr stmt = ParseCompoundStatement();
  if (!stmt) return false;
  body->push_back(std::move(stmt));
  return true;
}

// simple_stmt (';' simple_stmt)* [';'] NEWLINE
bool Parser::ParseSimpleStatements(Body* body) {
  for (;;) {
    StmtPtr stmt = ParseSimpleStatement();
    if (!stmt) return false;
    body->push_back(std::move(stmt));
    if (!AcceptOp(";")) break;
    if (At(TokenKind::kNewline)) break;
  }
  if (!At(TokenKind::kNewline)) return Fail(), false;
  Next();
  return true;
}

StmtPtr Parser::ParseSimpleStatement() {
  const Token& token = Peek();
  Location location = token.start;
  if (token.kind == TokenKind::kName) {
    if (token.text == "pass") return Next(), MakeStmt(location, Pass{});
    if (token.text == "break") return Next(), MakeStmt(location, Break{});
    if (token.text == "continue") return Next(), MakeStmt(location, Continue{});
    if (token.text == "return") return ParseReturn();
    if (token.text == "raise") return ParseRaise();
    if (token.text == "del") return ParseDel();
    if (token.text == "assert") return ParseAssert();
    if (token.text == "global" || token.text == "nonlocal") return ParseGlobalOrNonlocal();
    if (token.text == "import") return ParseImport();
    if (token.text == "from") return ParseFromImport();
  }
  return ParseExpressionStatement();
}

StmtPtr Parser::ParseCompoundStatement() {
  const Token& token = Peek();
  if (token.text == "if") return ParseIf();
  if (token.text == "while") return ParseWhile();
  if (token.text == "for") return ParseFor();
  if (token.text == "try") return ParseTry();
  if (token.text == "def") return ParseFunctionDef({});
  if (token.text == "class") return ParseClassDef({});
  return ParseDecorated();
}

// block: NEWLINE INDENT statements DEDENT | simple_stmts. `keyword` and `what`
// name the statement in "expected an indented block after ...".
bool Parser::ParseBlock(const Token& keyword, std::string_view what, Body* body) {
  if (!At(TokenKind::kNewline)) return ParseSimpleStatements(body);
  Next();
  if (!At(TokenKind::kIndent)) {
    if (At(TokenKind::kError)) return Fail(), false;
    FailIndentation(
        ErrorPlace(pos_),
        absl::StrFormat("expected an indented block after %s on line %d", what, keyword.start.line),
        RestIsEnd());
    return false;
  }
  Next();
  NestingGuard guard(this);
  if (!guard.ok()) {
    FailNesting(Peek().start, "too many statically nested blocks");
    return false;
  }
  if (!ParseStatements(body)) return false;
  if (!At(TokenKind::kDedent)) return Fail(), false;
  Next();
  return true;
}

StmtPtr Parser::ParseExpressionStatement() {
  Location location = Peek().start;
  ExprPtr first = ParseStarExpressions();
  if (!first) return nullptr;
  BinaryOperator op;
  if (AtOp("=")) return ParseAssignment(location, std::move(first));
  if (IsAugAssignOp(Peek(), &op)) return ParseAugAssignment(location, std::move(first), op);
  if (AtOp(":")) return ParseAnnotatedAssignment(location, std::move(first));
  if (const auto* name = std::get_if<Name>(&first->node);
      name != nullptr && (name->id == "print" || name->id == "exec") && AtExpressionStart()) {
    return FailAt(location, absl::StrFormat("Missing parentheses in call to '%s'. Did you mean "
                                            "%s(...)?",
                                            name->id, name->id));
  }
  if (!CheckNotStarred(*first)) return nullptr;
  return MakeStmt(location, ExprStmt{std::move(first)});
}

// targets '=' ... '=' value
StmtPtr Parser::ParseAssignment(Location location, ExprPtr first) {
  Assign assign;
  assign.targets.push_back(std::move(first));
  std::vector<size_t> equals;  // token indices
  while (AtOp("=")) {
    equals.push_back(pos_);
    // CPython reports a target that cannot be assigned before looking at the
    // value, unless the first one may be a comparison mistyped (below).
    const Expr& target = *assign.targets.back();
    const Expr* bad = InvalidTarget(target, TargetUse::kAssign);
    if (bad != nullptr && !(equals.size() == 1 && bad == &target && MayBeComparison(target))) {
      return FailInvalidTarget(*bad, false);
    }
    Next();
    ExprPtr next = ParseAssignedValue();
    if (!next) return nullptr;
    assign.targets.push_back(std::move(next));
  }
  assign.value = std::move(assign.targets.back());
  assign.targets.pop_back();
  if (const Expr* bad = InvalidTarget(*assign.targets[0], TargetUse::kAssign)) {
    // `1 = x`: "... here. Maybe you meant '==' instead of '='?", if the value
    // starts like a bitwise_or expression and no other '=' follows.
    const Token& next = tokens_[equals[0] + 1];
    bool hint = assign.targets.size() == 1 && !next.Is(TokenKind::kName, "not") &&
                !next.Is(TokenKind::kName, "lambda") && !next.IsOp("*");
    return FailInvalidTarget(*bad, hint);
  }
  for (const ExprPtr& target : assign.targets) CheckStarredTargets(*target, true);
  CheckNotStarred(*assign.value);
  return MakeStmt(location, std::move(assign));
}

ExprPtr Parser::ParseAssignedValue() {
  if (!AtExpressionStart()) return Fail();
  return ParseStarExpressions();
}

// A lone invalid target that CPython words as a mistyped comparison: a
// bitwise_or-level expression other than a display or None/True/False.
bool Parser::MayBeComparison(const Expr& target) const {
  if (const auto* c = std::get_if<Constant>(&target.node)) {
    return c->kind != Constant::Kind::kNone && c->kind != Constant::Kind::kTrue &&
           c->kind != Constant::Kind::kFalse;
  }
  if (const auto* unary = std::get_if<UnaryOp>(&target.node)) {
    return unary->op != UnaryOperator::kNot;
  }
  return !std::holds_alternative<Compare>(target.node) &&
         !std::holds_alternative<BoolOp>(target.node) &&
         !std::holds_alternative<IfExp>(target.node) &&
         !std::holds_alternative<Lambda>(target.node) &&
         !std::holds_alternative<Tuple>(target.node) && !std::holds_alternative<List>(target.node);
}

std::nullptr_t Parser::FailInvalidTarget(const Expr& bad, bool hint) {
  std::string what = ExprName(bad);
  return FailAt(
      bad.location,
      hint ? absl::StrFormat("cannot assign to %s here. Maybe you meant '==' instead of '='?", what)
           : absl::StrFormat("cannot assign to %s", what));
}

// At most one starred target per tuple or list, and never alone.
bool Parser::CheckStarredTargets(const Expr& target, bool top) {
  if (top && std::holds_alternative<Starred>(target.node)) {
    Defer(target.location, "starred assignment target must be in a list or tuple");
    return true;
  }
  const std::vector<ExprPtr>* elts = nullptr;
  if (const auto* tuple = std::get_if<Tuple>(&target.node)) elts = &tuple->elts;
  if (const auto* list = std::get_if<List>(&target.node)) elts = &list->elts;
  if (elts == nullptr) return true;
  bool seen_starred = false;
  for (const ExprPtr& elt : *elts) {
    const Expr* inner = elt.get();
    if (const auto* starred = std::get_if<Starred>(&elt->node)) {
      if (seen_starred) {
        Defer(elt->location, "multiple starred expressions in assignment");
        return true;
      }
      seen_starred = true;
      inner = starred->value.get();
    }
    if (!CheckStarredTargets(*inner, inner != elt.get())) return false;
  }
  return true;
}

// A value that is a bare `*x`.
bool Parser::CheckNotStarred(const Expr& value) {
  if (std::holds_alternative<Starred>(value.node)) {
    Defer(value.location, "can't use starred expression here");
  }
  return true;
}

// An error CPython finds when compiling, after parsing: reported only if the
// parse succeeds (the first one).
void Parser::Defer(Location location, std::string message) {
  if (deferred_) return;
  deferred_ = SyntaxErrorInfo{};
  deferred_->message = std::move(message);
  deferred_->line = location.line;
  deferred_->column = location.column;
}

StmtPtr Parser::ParseAugAssignment(Location location, ExprPtr target, BinaryOperator op) {
  if (!std::holds_alternative<Name>(target->node) &&
      !std::holds_alternative<Attribute>(target->node) &&
      !std::holds_alternative<Subscript>(target->node)) {
    return FailAt(target->location,
                  absl::StrFormat("'%s' is an illegal expression for augmented assignment",
                                  ExprName(*target)));
  }
  Next();
  ExprPtr value = ParseAssignedValue();
  if (!value || !CheckNotStarred(*value)) return nullptr;
  return MakeStmt(location, AugAssign{std::move(target), op, std::move(value)});
}

// `target: annotation [= value]`. The tree has no annotations (islet does not
// keep them): with a value this is an assignment, without one a `pass`.
StmtPtr Parser::ParseAnnotatedAssignment(Location location, ExprPtr target) {
  if (std::holds_alternative<Tuple>(target->node)) {
    return FailAt(target->location, "only single target (not tuple) can be annotated");
  }
  if (std::holds_alternative<List>(target->node)) {
    return FailAt(target->location, "only single target (not list) can be annotated");
  }
  if (!std::holds_alternative<Name>(target->node) &&
      !std::holds_alternative<Attribute>(target->node) &&
      !std::holds_alternative<Subscript>(target->node)) {
    return FailAt(target->location, "illegal target for annotation");
  }
  Next();
  if (!ParseExpression()) return nullptr;
  if (!AcceptOp("=")) return MakeStmt(location, Pass{});
  ExprPtr value = ParseAssignedValue();
  if (!value || !CheckNotStarred(*value)) return nullptr;
  Assign assign;
  assign.targets.push_back(std::move(target));
  assign.value = std::move(value);
  return MakeStmt(location, std::move(assign));
}

StmtPtr Parser::ParseReturn() {
  Location location = Next().start;
  Return node;
  if (AtExpressionStart()) {
    node.value = ParseStarExpressions();
    if (!node.value || !CheckNotStarred(*node.value)) return nullptr;
  }
  return MakeStmt(location, std::move(node));
}

StmtPtr Parser::ParseRaise() {
  Location location = Next().start;
  Raise node;
  if (AtExpressionStart()) {
    node.exc = ParseExpression();
    if (!node.exc) return nullptr;
    if (AcceptKeyword("from")) {
      node.cause = ParseExpression();
      if (!node.cause) return nullptr;
    }
  }
  return MakeStmt(location, std::move(node));
}

StmtPtr Parser::ParseDel() {
  Location location = Next().start;
  ExprPtr targets = ParseStarExpressions();
  if (!targets) return nullptr;
  if (const Expr* bad = InvalidTarget(*targets, TargetUse::kDelete)) {
    return FailAt(bad->location, absl::StrFormat("cannot delete %s", ExprName(*bad)));
  }
  if (!AtOp(";") && !At(TokenKind::kNewline)) return Fail();
  Delete node;
  // A bare `del a, b` lists its targets (its Tuple starts where its first
  // element does); a parenthesized tuple is one target.
  auto* tuple = std::get_if<Tuple>(&targets->node);
  if (tuple != nullptr && !tuple->elts.empty() &&
      tuple->elts[0]->location.line == targets->location.line &&
      tuple->elts[0]->location.column == targets->location.column) {
    node.targets = std::move(tuple->elts);
  } else {
    node.targets.push_back(std::move(targets));
  }
  return MakeStmt(location, std::move(node));
}

StmtPtr Parser::ParseAssert() {
  Location location = Next().start;
  Assert node;
  node.test = ParseExpression();
  if (!node.test) return nullptr;
  if (AcceptOp(",")) {
    node.msg = ParseExpression();
    if (!node.msg) return nullptr;
  }
  return MakeStmt(location, std::move(node));
}

StmtPtr Parser::ParseGlobalOrNonlocal() {
  const Token& keyword = Next();
  Location location = keyword.start;
  bool global = keyword.text == "global";
  std::vector<std::string> names;
  do {
    if (!AtName()) return Fail();
    names.push_back(NextIdentifier());
  } while (AcceptOp(","));
  if (global) return MakeStmt(location, Global{std::move(names)});
  return MakeStmt(location, Nonlocal{std::move(names)});
}

bool Parser::ParseDottedName(std::string* name) {
  if (!AtName()) return Fail(), false;
  *name = NextIdentifier();
  while (AtOp(".")) {
    Next();
    if (!AtName()) return Fail(), false;
    *name += ".";
    *name += NextIdentifier();
  }
  return true;
}

bool Parser::ParseAlias(bool dotted, Alias* alias) {
  if (dotted) {
    if (!ParseDottedName(&alias->name)) return false;
  } else {
    if (!AtName()) return Fail(), false;
    alias->name = NextIdentifier();
  }
  if (AcceptKeyword("as")) {
    if (!AtName()) return Fail(), false;
    alias->asname = NextIdentifier();
  }
  return true;
}

// import a.b [as c], d
StmtPtr Parser::ParseImport() {
  Location location = Next().start;
  Import node;
  if (At(TokenKind::kNewline)) {
    return FailAt(Peek().start, "Expected one or more names after 'import'");
  }
  do {
    Alias alias;
    if (!ParseAlias(true, &alias)) return nullptr;
    node.names.push_back(std::move(alias));
  } while (AcceptOp(","));
  return MakeStmt(location, std::move(node));
}

// from a.b import x [as y], z | from a import (x, y) | from a import *. A
// relative module keeps its leading dots in `module` (".sibling", "..").
StmtPtr Parser::ParseFromImport() {
  Location location = Next().start;
  ImportFrom node;
  while (AtOp(".") || AtOp("...")) node.module += Next().text;
  if (!AtKeyword("import") || node.module.empty()) {
    std::string dotted;
    if (!ParseDottedName(&dotted)) return nullptr;
    node.module += dotted;
  }
  if (!AcceptKeyword("import")) return Fail();
  if (AtOp("*")) {
    Next();
    node.names.push_back(Alias{"*", ""});
    return MakeStmt(location, std::move(node));
  }
  if (At(TokenKind::kNewline)) {
    return FailAt(Peek().start, "Expected one or more names after 'import'");
  }
  bool parenthesized = AcceptOp("(");
  do {
    if (parenthesized && AtOp(")")) break;
    Alias alias;
    if (!ParseAlias(false, &alias)) return nullptr;
    node.names.push_back(std::move(alias));
    if (!parenthesized && AtOp(",") && At(TokenKind::kNewline, 1)) {
      Next();
      return FailAt(Peek().start, "trailing comma not allowed without surrounding parentheses");
    }
  } while (AcceptOp(","));
  if (parenthesized && (node.names.empty() || !ExpectOp(")"))) return Fail();
  return MakeStmt(location, std::move(node));
}

// if/elif: the `elif` chain nests as an If alone in orelse.
StmtPtr Parser::ParseIf() {
  const Token keyword = Next();
  If node;
  node.test = ParseNamedExpression();
  if (!node.test) return nullptr;
  if (AtOp("=")) return FailAssignHint(*node.test);
  if (!ExpectColon()) return nullptr;
  std::string what = absl::StrFormat("'%s' statement", keyword.text);
  if (!ParseBlock(keyword, what, &node.body)) return nullptr;
  if (AtKeyword("elif")) {
    StmtPtr elif = ParseIf();
    if (!elif) return nullptr;
    node.orelse.push_back(std::move(elif));
  } else if (!ParseElseBlock(&node.orelse)) {
    return nullptr;
  }
  return MakeStmt(keyword.start, std::move(node));
}

// ['else' ':' block]
bool Parser::ParseElseBlock(Body* orelse) {
  if (!AtKeyword("else")) return true;
  const Token keyword = Next();
  if (!ExpectForced(":")) return false;
  if (!ParseBlock(keyword, "'else' statement", orelse)) return false;
  if (AtKeyword("elif")) {
    FailAt(Peek().start, "'elif' block follows an 'else' block");
    return false;
  }
  return true;
}

StmtPtr Parser::ParseWhile() {
  const Token keyword = Next();
  While node;
  node.test = ParseNamedExpression();
  if (!node.test) return nullptr;
  if (AtOp("=")) return FailAssignHint(*node.test);
  if (!ExpectColon()) return nullptr;
  if (!ParseBlock(keyword, "'while' statement", &node.body)) return nullptr;
  if (!ParseElseBlock(&node.orelse)) return nullptr;
  return MakeStmt(keyword.start, std::move(node));
}

StmtPtr Parser::ParseFor() {
  const Token keyword = Next();
  For node;
  node.target = ParseTargetList("in");
  if (!node.target) return nullptr;
  if (!AcceptKeyword("in")) return Fail();
  node.iter = ParseStarExpressions();
  if (!node.iter || !CheckNotStarred(*node.iter)) return nullptr;
  if (!ExpectColon()) return nullptr;
  if (!ParseBlock(keyword, "'for' statement", &node.body)) return nullptr;
  if (!ParseElseBlock(&node.orelse)) return nullptr;
  return MakeStmt(keyword.start, std::move(node));
}

// The targets of `for` (a statement or a comprehension clause): star_targets,
// checked to be assignable.
ExprPtr Parser::ParseTargetList(std::string_view stop_keyword) {
  Location location = Peek().start;
  std::vector<ExprPtr> elts;
  bool trailing_comma = false;
  do {
    if (AtKeyword(stop_keyword) && !elts.empty()) break;
    ExprPtr elt;
    if (AtOp("*")) {
      Location star = Next().start;
      ExprPtr value = ParseBitwiseOr();
      if (value) elt = MakeExpr(star, Starred{std::move(value)});
    } else {
      elt = ParseBitwiseOr();
    }
    if (!elt) return nullptr;
    elts.push_back(std::move(elt));
    trailing_comma = AtOp(",");
  } while (AcceptOp(","));
  ExprPtr target = (elts.size() == 1 && !trailing_comma)
                       ? std::move(elts[0])
                       : MakeExpr(location, Tuple{std::move(elts)});
  if (!AtKeyword(stop_keyword)) {
    // CPython reports a target that cannot be assigned before the missing `in`.
    if (const Expr* bad = InvalidTarget(*target, TargetUse::kAssign)) {
      return FailAt(bad->location, absl::StrFormat("cannot assign to %s", ExprName(*bad)));
    }
    return Fail();
  }
  if (const Expr* bad = InvalidTarget(*target, TargetUse::kAssign)) {
    return FailAt(bad->location, absl::StrFormat("cannot assign to %s", ExprName(*bad)));
  }
  if (!CheckStarredTargets(*target, true)) return nullptr;
  return target;
}

StmtPtr Parser::ParseTry() {
  const Token keyword = Next();
  Try node;
  if (!ExpectForced(":")) return nullptr;
  if (!ParseBlock(keyword, "'try' statement", &node.body)) return nullptr;
  while (AtKeyword("except")) {
    if (!ParseExceptHandler(&node)) return nullptr;
  }
  if (!node.handlers.empty() && !ParseElseBlock(&node.orelse)) return nullptr;
  if (AtKeyword("finally")) {
    const Token finally = Next();
    if (!ExpectForced(":")) return nullptr;
    if (!ParseBlock(finally, "'finally' statement", &node.finalbody)) return nullptr;
  }
  if (node.handlers.empty() && node.finalbody.empty()) {
    Peek();
    return FailAt(ErrorPlace(pos_), "expected 'except' or 'finally' block");
  }
  return MakeStmt(keyword.start, std::move(node));
}

// except [E [as name]]: block
bool Parser::ParseExceptHandler(Try* node) {
  const Token keyword = Next();
  if (!node->handlers.empty() && !node->handlers.back().type) {
    Defer(node->handlers.back().location, "default 'except:' must be last");
  }
  ExceptHandler handler;
  handler.location = keyword.start;
  if (!AtOp(":") && !At(TokenKind::kNewline)) {
    handler.type = ParseExpression();
    if (!handler.type) return false;
    if (AtOp(",")) {  // except A, B: (CPython 3.14), a tuple
      std::vector<ExprPtr> elts;
      elts.push_back(std::move(handler.type));
      while (AcceptOp(",")) {
        ExprPtr elt = ParseExpression();
        if (!elt) return false;
        elts.push_back(std::move(elt));
      }
      Location location = elts[0]->location;
      if (AtKeyword("as")) {
        FailAt(location, "multiple exception types must be parenthesized when using 'as'");
        return false;
      }
      handler.type = MakeExpr(location, Tuple{std::move(elts)});
    }
    if (AcceptKeyword("as")) {
      if (!AtName()) return Fail(), false;
      handler.name = NextIdentifier();
    }
  }
  if (!ExpectColon()) return false;
  if (!ParseBlock(keyword, "'except' statement", &handler.body)) return false;
  node->handlers.push_back(std::move(handler));
  return true;
}

// ('@' named_expression NEWLINE)+ (def | class)
StmtPtr Parser::ParseDecorated() {
  std::vector<ExprPtr> decorators;
  while (AcceptOp("@")) {
    ExprPtr decorator = ParseNamedExpression();
    if (!decorator) return nullptr;
    if (!At(TokenKind::kNewline)) return Fail();
    Next();
    decorators.push_back(std::move(decorator));
  }
  if (AtKeyword("def")) return ParseFunctionDef(std::move(decorators));
  if (AtKeyword("class")) return ParseClassDef(std::move(decorators));
  return Fail();
}

// def name(params) [-> annotation]: block. Annotations are parsed and dropped.
StmtPtr Parser::ParseFunctionDef(std::vector<ExprPtr> decorators) {
  const Token keyword = Next();
  FunctionDef node;
  node.decorators = std::move(decorators);
  if (!AtName()) return Fail();
  node.name = NextIdentifier();
  if (!ExpectForced("(")) return nullptr;
  if (!ParseParameters(false, &node.params)) return nullptr;
  if (!ExpectOp(")")) return nullptr;
  if (AcceptOp("->") && !ParseExpression()) return nullptr;
  if (!ExpectForced(":")) return nullptr;
  if (!ParseBlock(keyword, "function definition", &node.body)) return nullptr;
  return MakeStmt(keyword.start, std::move(node));
}

// class name[(bases, keywords)]: block
StmtPtr Parser::ParseClassDef(std::vector<ExprPtr> decorators) {
  const Token keyword = Next();
  ClassDef node;
  node.decorators = std::move(decorators);
  if (!AtName()) return Fail();
  node.name = NextIdentifier();
  if (AtOp("(")) {
    Location open = Next().start;
    if (!ParseArguments(open, false, &node.bases, &node.keywords)) return nullptr;
  }
  if (!ExpectColon()) return nullptr;
  if (!ParseBlock(keyword, "class definition", &node.body)) return nullptr;
  return MakeStmt(keyword.start, std::move(node));
}

// The parameters of def (up to ')') or lambda (up to ':'):
// a, b=1, /, c, *args, d, e=2, **kwargs
bool Parser::ParseParameters(bool is_lambda, Parameters* params) {
  std::string_view close = is_lambda ? ":" : ")";
  bool seen_default = false, seen_slash = false, seen_star = false;
  while (!AtOp(close)) {
    if (AtOp("/")) {
      Location slash = Next().start;
      if (seen_slash) return FailAt(slash, "/ may appear only once"), false;
      if (seen_star) return FailAt(slash, "/ must be ahead of *"), false;
      if (params->positional.empty()) {
        return FailAt(slash, "at least one parameter must precede /"), false;
      }
      seen_slash = true;
      params->positional_only = params->positional.size();
    } else if (AtOp("*")) {
      Location star = Next().start;
      if (seen_star) return FailAt(star, "* may appear only once"), false;
      seen_star = true;
      if (AtName()) {
        Parameter vararg;
        if (!ParseParameter(is_lambda, &vararg)) return false;
        if (vararg.default_value) {
          return FailAt(vararg.default_value->location,
                        "var-positional parameter cannot have default value"),
                 false;
        }
        params->vararg = vararg.name;
      } else if (AtOp(close) || (AtOp(",") && (AtOp(close, 1) || AtOp("**", 1)))) {
        return FailAt(star, "named parameters must follow bare *"), false;
      }
    } else if (AtOp("**")) {
      Next();
      Parameter kwarg;
      if (!AtName() || !ParseParameter(is_lambda, &kwarg)) return Fail(), false;
      if (kwarg.default_value) {
        return FailAt(kwarg.default_value->location,
                      "var-keyword parameter cannot have default value"),
               false;
      }
      params->kwarg = kwarg.name;
      AcceptOp(",");
      if (!AtOp(close)) {
        return FailAt(Peek().start, "parameters cannot follow var-keyword parameter"), false;
      }
      break;
    } else {
      Parameter param;
      if (!AtName()) return Fail(), false;
      if (!ParseParameter(is_lambda, &param)) return false;
      if (seen_star) {
        params->keyword_only.push_back(std::move(param));
      } else {
        if (!param.default_value && seen_default) {
          return FailAt(param.location,
                        "parameter without a default follows parameter with a default"),
                 false;
        }
        seen_default |= param.default_value != nullptr;
        params->positional.push_back(std::move(param));
      }
    }
    if (!AcceptOp(",")) break;
  }
  if (!AtOp(close)) return Fail(), false;
  return CheckDuplicateParameters(*params);
}

// NAME [':' annotation] ['=' default]
bool Parser::ParseParameter(bool is_lambda, Parameter* param) {
  const Token& name = Next();
  param->name = Identifier(name);
  param->location = name.start;
  if (!is_lambda && AcceptOp(":") && !ParseExpression()) return false;
  if (AcceptOp("=")) {
    param->default_value = ParseExpression();
    if (!param->default_value) return false;
  }
  return true;
}

bool Parser::CheckDuplicateParameters(const Parameters& params) {
  std::vector<std::pair<std::string_view, Location>> names;
  for (const Parameter& p : params.positional) names.emplace_back(p.name, p.location);
  if (!params.vararg.empty()) names.emplace_back(params.vararg, Location{});
  for (const Parameter& p : params.keyword_only) names.emplace_back(p.name, p.location);
  if (!params.kwarg.empty()) names.emplace_back(params.kwarg, Location{});
  for (size_t i = 0; i < names.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      if (names[i].first == names[j].first) {
        Location location = names[i].second.line > 0 ? names[i].second : Peek().start;
        Defer(location,
              absl::StrFormat("duplicate argument '%s' in function definition", names[i].first));
        return true;
      }
    }
  }
  return true;
}

// ============================================================================
// Expressions
// ============================================================================

// star_expressions: one, or a Tuple of them (`1, 2`, `a, *b`).
ExprPtr Parser::ParseStarExpressions() {
  ExprPtr first = ParseStarExpression();
  if (!first || !AtOp(",")) return first;
  Location location = first->location;
  std::vector<ExprPtr> elts;
  elts.push_back(std::move(first));
  while (AcceptOp(",")) {
    if (!AtExpressionStart()) break;
    ExprPtr elt = ParseStarExpression();
    if (!elt) return nullptr;
    elts.push_back(std::move(elt));
  }
  return MakeExpr(location, Tuple{std::move(elts)});
}

// '*' bitwise_or | expression
ExprPtr Parser::ParseStarExpression() {
  if (!AtOp("*")) return ParseExpression();
  Location location = Next().start;
  if (!AtExpressionStart() && !At(TokenKind::kError)) {
    return FailAt(Peek().start, "Invalid star expression");
  }
  ExprPtr value = ParseBitwiseOr();
  if (!value) return nullptr;
  return MakeExpr(location, Starred{std::move(value)});
}

// islet has no `:=`; a named_expression is an expression.
ExprPtr Parser::ParseNamedExpression() { return ParseExpression(); }

// expression: lambda | disjunction ['if' disjunction 'else' expression]
ExprPtr Parser::ParseExpression() {
  NestingGuard guard(this);
  if (!guard.ok()) return FailNesting(Peek().start, "too many nested parentheses");
  if (AtKeyword("lambda")) return ParseLambda();
  ExprPtr body = ParseDisjunction();
  if (!body || !AtKeyword("if")) return body;
  Next();
  ExprPtr test = ParseDisjunction();
  if (!test) return nullptr;
  if (!AcceptKeyword("else")) {
    if (AtOp(":") || At(TokenKind::kError)) return Fail();
    return FailAt(body->location, "expected 'else' after 'if' expression");
  }
  ExprPtr orelse = ParseExpression();
  if (!orelse) return nullptr;
  Location location = body->location;
  return MakeExpr(location, IfExp{std::move(test), std::move(body), std::move(orelse)});
}

ExprPtr Parser::ParseLambda() {
  Location location = Next().start;
  Lambda node;
  if (!ParseParameters(true, &node.params)) return nullptr;
  if (!ExpectOp(":")) return nullptr;
  node.body = ParseExpression();
  if (!node.body) return nullptr;
  return MakeExpr(location, std::move(node));
}

ExprPtr Parser::ParseDisjunction() {
  ExprPtr first = ParseConjunction();
  if (!first || !AtKeyword("or")) return first;
  BoolOp node;
  node.is_and = false;
  Location location = first->location;
  node.values.push_back(std::move(first));
  while (AcceptKeyword("or")) {
    ExprPtr next = ParseConjunction();
    if (!next) return nullptr;
    node.values.push_back(std::move(next));
  }
  return MakeExpr(location, std::move(node));
}

ExprPtr Parser::ParseConjunction() {
  ExprPtr first = ParseInversion();
  if (!first || !AtKeyword("and")) return first;
  BoolOp node;
  node.is_and = true;
  Location location = first->location;
  node.values.push_back(std::move(first));
  while (AcceptKeyword("and")) {
    ExprPtr next = ParseInversion();
    if (!next) return nullptr;
    node.values.push_back(std::move(next));
  }
  return MakeExpr(location, std::move(node));
}

// 'not'* comparison, without recursion.
ExprPtr Parser::ParseInversion() {
  ChainHeight chain(this);
  std::vector<Location> nots;
  while (AtKeyword("not")) {
    if (!chain.AddLink()) return FailHeight();
    nots.push_back(Next().start);
  }
  ExprPtr operand = ParseComparison();
  if (!operand) return nullptr;
  for (size_t i = nots.size(); i-- > 0;) {
    operand = MakeExpr(nots[i], UnaryOp{UnaryOperator::kNot, std::move(operand)});
  }
  return operand;
}

bool Parser::AtComparisonOperator(CompareOperator* op, int* length) {
  static constexpr std::pair<std::string_view, CompareOperator> kOps[] = {
      {"<", CompareOperator::kLt},  {"<=", CompareOperator::kLe}, {"==", CompareOperator::kEq},
      {"!=", CompareOperator::kNe}, {">", CompareOperator::kGt},  {">=", CompareOperator::kGe}};
  *length = 1;
  const Token& token = Peek();
  if (token.kind == TokenKind::kOp) {
    for (const auto& [text, value] : kOps) {
      if (token.text == text) return *op = value, true;
    }
    return false;
  }
  if (token.Is(TokenKind::kName, "in")) return *op = CompareOperator::kIn, true;
  if (token.Is(TokenKind::kName, "not") && AtKeyword("in", 1)) {
    *length = 2;
    return *op = CompareOperator::kNotIn, true;
  }
  if (token.Is(TokenKind::kName, "is")) {
    bool is_not = AtKeyword("not", 1);
    *length = is_not ? 2 : 1;
    return *op = is_not ? CompareOperator::kIsNot : CompareOperator::kIs, true;
  }
  return false;
}

ExprPtr Parser::ParseComparison() {
  ExprPtr left = ParseBitwiseOr();
  CompareOperator op;
  int length;
  if (!left || !AtComparisonOperator(&op, &length)) return left;
  Compare node;
  Location location = left->location;
  node.left = std::move(left);
  while (AtComparisonOperator(&op, &length)) {
    for (int i = 0; i < length; ++i) Next();
    ExprPtr right = ParseBitwiseOr();
    if (!right) return nullptr;
    node.ops.push_back(op);
    node.comparators.push_back(std::move(right));
  }
  return MakeExpr(location, std::move(node));
}

// One left-associative binary rule: operand (op operand)*.
#define ISLET_BINARY_RULE(Rule, Operand, ...)                                            \
  ExprPtr Parser::Rule() {                                                               \
    static constexpr std::pair<std::string_view, BinaryOperator> kOps[] = {__VA_ARGS__}; \
    ChainHeight chain(this);                                                             \
    ExprPtr left = Operand();                                                            \
    while (left) {                                                                       \
      const Token& token = Peek();                                                       \
      const BinaryOperator* op = nullptr;                                                \
      for (const auto& [text, value] : kOps) {                                           \
        if (token.kind == TokenKind::kOp && token.text == text) op = &value;             \
      }                                                                                  \
      if (op == nullptr) break;                                                          \
      if (!chain.AddLink()) return FailHeight();                                         \
      Next();                                                                            \
      ExprPtr right = Operand();                                                         \
      if (!right) return nullptr;                                                        \
      Location location = left->location;                                                \
      left = MakeExpr(location, BinOp{std::move(left), *op, std::move(right)});          \
    }                                                                                    \
    return left;                                                                         \
  }

ISLET_BINARY_RULE(ParseBitwiseOr, ParseBitwiseXor, {"|", BinaryOperator::kBitOr})
ISLET_BINARY_RULE(ParseBitwiseXor, ParseBitwiseAnd, {"^", BinaryOperator::kBitXor})
ISLET_BINARY_RULE(ParseBitwiseAnd, ParseShift, {"&", BinaryOperator::kBitAnd})
ISLET_BINARY_RULE(ParseShift, ParseSum, {"<<", BinaryOperator::kLShift},
                  {">>", BinaryOperator::kRShift})
ISLET_BINARY_RULE(ParseSum, ParseTerm, {"+", BinaryOperator::kAdd}, {"-", BinaryOperator::kSub})
ISLET_BINARY_RULE(ParseTerm, ParseFactor, {"*", BinaryOperator::kMult}, {"/", BinaryOperator::kDiv},
                  {"//", BinaryOperator::kFloorDiv}, {"%", BinaryOperator::kMod})

#undef ISLET_BINARY_RULE

// ('+' | '-' | '~')* power, without recursion.
ExprPtr Parser::ParseFactor() {
  ChainHeight chain(this);
  std::vector<std::pair<UnaryOperator, Location>> ops;
  for (;;) {
    const Token& token = Peek();
    UnaryOperator op;
    if (token.IsOp("-")) {
      op = UnaryOperator::kNegate;
    } else if (token.IsOp("+")) {
      op = UnaryOperator::kPlus;
    } else if (token.IsOp("~")) {
      op = UnaryOperator::kInvert;
    } else {
      break;
    }
    if (!chain.AddLink()) return FailHeight();
    ops.emplace_back(op, Next().start);
  }
  ExprPtr operand = ParsePower();
  if (!operand) return nullptr;
  for (size_t i = ops.size(); i-- > 0;) {
    operand = MakeExpr(ops[i].second, UnaryOp{ops[i].first, std::move(operand)});
  }
  return operand;
}

// primary ['**' factor]: right-associative, tighter than a unary operator on
// its left (-2**2 == -4) and looser than one on its right (2**-1).
ExprPtr Parser::ParsePower() {
  ExprPtr base = ParsePrimary();
  if (!base || !AtOp("**")) return base;
  Next();
  NestingGuard guard(this);
  if (!guard.ok()) return FailNesting(Peek().start, "too many nested parentheses");
  ExprPtr exponent = ParseFactor();
  if (!exponent) return nullptr;
  Location location = base->location;
  return MakeExpr(location, BinOp{std::move(base), BinaryOperator::kPow, std::move(exponent)});
}

// atom ('.' NAME | '(' arguments ')' | '[' slices ']')*
ExprPtr Parser::ParsePrimary() {
  ChainHeight chain(this);
  ExprPtr value = ParseAtom();
  while (value) {
    if (!AtOp(".") && !AtOp("(") && !AtOp("[")) break;
    if (!chain.AddLink()) return FailHeight();
    if (AcceptOp(".")) {
      if (!At(TokenKind::kName) || IsKeyword(Peek().text)) return Fail();
      Location location = value->location;
      value = MakeExpr(location, Attribute{std::move(value), NextIdentifier()});
    } else if (AtOp("(")) {
      value = ParseCall(std::move(value));
    } else {
      value = ParseSubscript(std::move(value));
    }
  }
  return value;
}

ExprPtr Parser::ParseAtom() {
  const Token& token = Peek();
  switch (token.kind) {
    case TokenKind::kName:
      return ParseNameAtom();
    case TokenKind::kNumber:
      return ParseNumber();
    case TokenKind::kString:
      return ParseStrings();
    case TokenKind::kOp:
      if (token.text == "(") return ParseParenthesized();
      if (token.text == "[") return ParseListDisplay();
      if (token.text == "{") return ParseBraceDisplay();
      if (token.text == "...") return MakeConstant(Next().start, Constant::Kind::kEllipsis);
      return Fail();
    default:
      return Fail();
  }
}

ExprPtr Parser::ParseNameAtom() {
  const Token& token = Peek();
  if (token.text == "None") return MakeConstant(Next().start, Constant::Kind::kNone);
  if (token.text == "True") return MakeConstant(Next().start, Constant::Kind::kTrue);
  if (token.text == "False") return MakeConstant(Next().start, Constant::Kind::kFalse);
  if (IsKeyword(token.text)) return Fail();
  Name name;
  name.id = Identifier(token);
  return MakeExpr(Next().start, std::move(name));
}

ExprPtr Parser::ParseNumber() {
  const Token& token = Next();
  Constant value;
  std::string error;
  if (!NumberValue(token.text, &value, &error)) Defer(token.start, error);
  return MakeExpr(token.start, std::move(value));
}

// Adjacent literals: one Constant str or bytes, or a JoinedStr if any is an
// f-string.
ExprPtr Parser::ParseStrings() {
  Location location = Peek().start;
  JoinedStrBuilder builder;
  bool any_bytes = false, any_text = false, any_fstring = false;
  std::string bytes;
  while (At(TokenKind::kString)) {
    const Token& token = Next();
    StringParts parts = SplitString(token.text);
    (parts.bytes ? any_bytes : any_text) = true;
    if (any_bytes && any_text) return FailAt(location, "cannot mix bytes and nonbytes literals");
    if (parts.formatted) {
      any_fstring = true;
      if (!ParseFString(token, parts, &builder)) return nullptr;
      continue;
    }
    std::string value, error;
    if (!DecodeLiteral(parts.body, parts.raw, parts.bytes, &value, &error)) {
      return FailAt(token.start, error);
    }
    if (parts.bytes) {
      bytes += value;
    } else {
      builder.AddText(value, token.start);
    }
  }
  Constant constant;
  if (any_bytes) {
    constant.kind = Constant::Kind::kBytes;
    constant.text = std::move(bytes);
    return MakeExpr(location, std::move(constant));
  }
  std::vector<ExprPtr> values = builder.Take();
  if (any_fstring) return MakeExpr(location, JoinedStr{std::move(values)});
  constant.kind = Constant::Kind::kStr;
  if (!values.empty()) constant.text = std::move(std::get<Constant>(values[0]->node).text);
  return MakeExpr(location, std::move(constant));
}

// The body of one f-string: literal text, `{{`/`}}`, replacement fields.
bool Parser::ParseFString(const Token& token, const StringParts& parts, JoinedStrBuilder* out) {
  std::string_view body = parts.body;
  size_t literal_start = 0;
  auto flush = [&](size_t end) {
    std::string text, error;
    if (!DecodeLiteral(body.substr(literal_start, end - literal_start), parts.raw, false, &text,
                       &error)) {
      FailAt(token.start, error);
      return false;
    }
    out->AddText(text, token.start);
    return true;
  };
  for (size_t pos = 0; pos < body.size();) {
    char c = body[pos];
    if (c == '\\' && !parts.raw && pos + 1 < body.size() && body[pos + 1] != '{') {
      pos += 2;
      continue;
    }
    if ((c == '{' || c == '}') && pos + 1 < body.size() && body[pos + 1] == c) {
      if (!flush(pos + 1)) return false;
      pos += 2;
      literal_start = pos;
      continue;
    }
    if (c == '}') {
      FailAt(LocationInString(token, parts, pos), "f-string: single '}' is not allowed");
      return false;
    }
    if (c != '{') {
      ++pos;
      continue;
    }
    if (!flush(pos)) return false;
    ExprPtr field = ParseReplacementField(token, parts, &pos, out);
    if (!field) return false;
    out->AddValue(std::move(field));
    literal_start = pos;
  }
  return flush(body.size());
}

// '{' expression ['='] ['!' conversion] [':' format_spec] '}' at *pos; moves
// *pos past it. A self-documenting `{x=}` adds its text to `out` first.
ExprPtr Parser::ParseReplacementField(const Token& token, const StringParts& parts, size_t* pos,
                                      JoinedStrBuilder* out) {
  std::string_view body = parts.body;
  Location open = LocationInString(token, parts, *pos);
  size_t start = *pos + 1;
  size_t end = FindFieldEnd(body, start);
  if (end >= body.size()) {
    return FailAt(LocationInString(token, parts, body.size()), "f-string: expecting '}'");
  }
  std::string_view text = body.substr(start, end - start);
  if (text.find_first_not_of(" \t\r\n\f") == std::string_view::npos) {
    return FailAt(LocationInString(token, parts, end),
                  absl::StrFormat("f-string: valid expression required before '%c'", body[end]));
  }
  size_t first = text.find_first_not_of(" \t\r\n\f");
  if (body[end] == ':' && text.substr(first, 6) == "lambda" &&
      (first + 6 == text.size() || !std::isalnum(static_cast<unsigned char>(text[first + 6])))) {
    return FailAt(LocationInString(token, parts, start + first),
                  "f-string: lambda expressions are not allowed without parentheses");
  }
  FormattedValue node;
  node.value = SubParse(text, LocationInString(token, parts, start));
  if (!node.value) return nullptr;
  size_t i = end;
  bool self_documenting = body[i] == '=';
  if (self_documenting) {
    ++i;
    while (i < body.size() && (body[i] == ' ' || body[i] == '\t')) ++i;
    out->AddText(body.substr(start, i - start), open);
  }
  if (i < body.size() && body[i] == '!') {
    size_t name_start = ++i;
    while (i < body.size() &&
           (std::isalnum(static_cast<unsigned char>(body[i])) || body[i] == '_')) {
      ++i;
    }
    std::string_view conversion = body.substr(name_start, i - name_start);
    if (conversion.empty()) {
      return FailAt(LocationInString(token, parts, i), "f-string: missing conversion character");
    }
    if (conversion != "r" && conversion != "s" && conversion != "a") {
      return FailAt(LocationInString(token, parts, name_start),
                    absl::StrFormat("f-string: invalid conversion character '%s': expected 's', "
                                    "'r', or 'a'",
                                    conversion));
    }
    node.conversion = conversion[0];
  }
  if (i < body.size() && body[i] == ':') {
    ++i;
    node.format_spec = ParseFormatSpec(token, parts, &i);
    if (!node.format_spec) return nullptr;
  } else if (self_documenting && node.conversion == 0) {
    node.conversion = 'r';
  }
  if (i >= body.size() || body[i] != '}') {
    return FailAt(LocationInString(token, parts, std::min(i, body.size())),
                  "f-string: expecting '}'");
  }
  *pos = i + 1;
  return MakeExpr(open, std::move(node));
}

// The format spec after ':' up to (not past) the field's '}': literal text and
// nested fields.
ExprPtr Parser::ParseFormatSpec(const Token& token, const StringParts& parts, size_t* pos) {
  NestingGuard guard(this);
  if (!guard.ok()) return FailNesting(token.start, "f-string: expressions nested too deeply");
  std::string_view body = parts.body;
  Location location = LocationInString(token, parts, *pos);
  JoinedStrBuilder builder;
  size_t literal_start = *pos;
  auto flush = [&](size_t end) {
    std::string text, error;
    if (!DecodeLiteral(body.substr(literal_start, end - literal_start), parts.raw, false, &text,
                       &error)) {
      FailAt(token.start, error);
      return false;
    }
    builder.AddText(text, location);
    return true;
  };
  size_t i = *pos;
  while (i < body.size() && body[i] != '}') {
    if (body[i] != '{') {
      bool escapes = body[i] == '\\' && !parts.raw && i + 1 < body.size() && body[i + 1] != '{' &&
                     body[i + 1] != '}';
      i += escapes ? 2 : 1;
      continue;
    }
    if (!flush(i)) return nullptr;
    ExprPtr field = ParseReplacementField(token, parts, &i, &builder);
    if (!field) return nullptr;
    builder.AddValue(std::move(field));
    literal_start = i;
  }
  i = std::min(i, body.size());
  if (!flush(i)) return nullptr;
  *pos = i;
  return MakeExpr(location, JoinedStr{builder.Take()});
}

// Where offset `pos` of an f-string's body is in the source.
Location Parser::LocationInString(const Token& token, const StringParts& parts, size_t pos) {
  size_t offset = parts.body_offset + pos;
  if (located_token_ != &token || offset < located_offset_) {
    located_token_ = &token;
    located_offset_ = 0;
    located_ = token.start;
  }
  located_ = Advance(located_, token.text.substr(located_offset_, offset - located_offset_));
  located_offset_ = offset;
  return located_;
}

// An f-string field's expression, parsed with the real parser.
ExprPtr Parser::SubParse(std::string_view text, Location location) {
  if (nesting_ + 1 > kMaxNesting) {
    return FailAt(location, "f-string: expressions nested too deeply");
  }
  TokenizeOptions options;
  options.start = location;
  options.in_brackets = true;
  Parser parser(Tokenize(text, options), nesting_ + 1);
  ExprPtr expr = parser.ParseFieldExpression();
  if (!expr) {
    failed_ = true;
    error_ = parser.error();
    error_.incomplete = false;  // the field is complete: the string was closed
    return nullptr;
  }
  return expr;
}

ExprPtr Parser::ParseFieldExpression() {
  ExprPtr expr = ParseStarExpressions();
  if (failed_) return nullptr;
  if (expr && At(TokenKind::kEndMarker) && deferred_) {
    return FailAt({deferred_->line, deferred_->column}, deferred_->message);
  }
  if (!expr || At(TokenKind::kEndMarker)) return expr;
  if (At(TokenKind::kError)) return Fail();
  if (AtExpressionStart()) {
    return FailAt(expr->location, "invalid syntax. Perhaps you forgot a comma?");
  }
  return FailAt(Peek().start, "f-string: expecting '=', or '!', or ':', or '}'");
}

// '(' ')' | '(' expr ')' | '(' tuple ')' | '(' genexp ')'
ExprPtr Parser::ParseParenthesized() {
  Location location = Next().start;
  if (AcceptOp(")")) return MakeExpr(location, Tuple{});
  ExprPtr first = ParseStarNamedExpression();
  if (!first) return nullptr;
  if (AtKeyword("for")) {
    return Closed(")", ParseComprehension(location, ComprehensionExpr::Kind::kGenerator,
                                          std::move(first), nullptr));
  }
  if (AcceptOp(")")) {
    if (std::holds_alternative<Starred>(first->node)) {
      return FailAt(first->location, "cannot use starred expression here");
    }
    return first;
  }
  if (!AtOp(",")) return FailMissingComma(*first), nullptr;
  std::vector<ExprPtr> elts;
  elts.push_back(std::move(first));
  Next();
  if (!ParseElements(")", &elts)) return nullptr;
  return MakeExpr(location, Tuple{std::move(elts)});
}

// The rest of a display after its first element and comma: elements up to `close`.
bool Parser::ParseElements(std::string_view close, std::vector<ExprPtr>* elts) {
  while (!AtOp(close)) {
    ExprPtr elt = ParseStarNamedExpression();
    if (!elt) return false;
    elts->push_back(std::move(elt));
    if (!AcceptOp(",")) return ExpectClose(close, *elts->back());
  }
  Next();
  return true;
}

// The closing bracket after `last`, or "Perhaps you forgot a comma?" when
// another expression follows it.
bool Parser::ExpectClose(std::string_view close, const Expr& last) {
  if (AcceptOp(close)) return true;
  return FailMissingComma(last);
}

bool Parser::FailMissingComma(const Expr& last) {
  if (AtExpressionStart()) {
    FailAt(last.location, "invalid syntax. Perhaps you forgot a comma?");
  }
  Fail();
  return false;
}

ExprPtr Parser::Closed(std::string_view close, ExprPtr expr) {
  if (!expr || !ExpectOp(close)) return nullptr;
  return expr;
}

ExprPtr Parser::ParseStarNamedExpression() { return ParseStarExpression(); }

ExprPtr Parser::ParseListDisplay() {
  Location location = Next().start;
  if (AcceptOp("]")) return MakeExpr(location, List{});
  ExprPtr first = ParseStarNamedExpression();
  if (!first) return nullptr;
  if (AtKeyword("for")) {
    return Closed("]", ParseComprehension(location, ComprehensionExpr::Kind::kList,
                                          std::move(first), nullptr));
  }
  std::vector<ExprPtr> elts;
  elts.push_back(std::move(first));
  if (AcceptOp(",")) {
    if (!ParseElements("]", &elts)) return nullptr;
  } else if (!ExpectClose("]", *elts.back())) {
    return nullptr;
  }
  return MakeExpr(location, List{std::move(elts)});
}

// '{' '}' (a Dict) | dict | set | dict/set comprehension
ExprPtr Parser::ParseBraceDisplay() {
  Location location = Next().start;
  if (AcceptOp("}")) return MakeExpr(location, Dict{});
  if (AtOp("**")) return ParseDictDisplay(location, nullptr);
  ExprPtr first = ParseStarNamedExpression();
  if (!first) return nullptr;
  if (AtOp(":") && !std::holds_alternative<Starred>(first->node)) {
    return ParseDictDisplay(location, std::move(first));
  }
  if (AtKeyword("for")) {
    return Closed("}", ParseComprehension(location, ComprehensionExpr::Kind::kSet, std::move(first),
                                          nullptr));
  }
  std::vector<ExprPtr> elts;
  elts.push_back(std::move(first));
  if (AcceptOp(",")) {
    if (!ParseElements("}", &elts)) return nullptr;
  } else if (!ExpectClose("}", *elts.back())) {
    return nullptr;
  }
  return MakeExpr(location, Set{std::move(elts)});
}

// The rest of a dict display or comprehension; `first_key` (null for a
// leading `**d`) is parsed, its ':' is next.
ExprPtr Parser::ParseDictDisplay(Location location, ExprPtr first_key) {
  Dict dict;
  if (first_key) {
    Next();  // ':'
    ExprPtr value = ParseExpression();
    if (!value) return nullptr;
    if (AtKeyword("for")) {
      return Closed("}", ParseComprehension(location, ComprehensionExpr::Kind::kDict,
                                            std::move(first_key), std::move(value)));
    }
    dict.keys.push_back(std::move(first_key));
    dict.values.push_back(std::move(value));
    if (!AcceptOp(",")) {
      if (!ExpectOp("}")) return nullptr;
      return MakeExpr(location, std::move(dict));
    }
  }
  while (!AtOp("}")) {
    if (!ParseDictItem(&dict)) return nullptr;
    if (!AcceptOp(",")) break;
  }
  if (!ExpectOp("}")) return nullptr;
  return MakeExpr(location, std::move(dict));
}

// key ':' value | '**' mapping
bool Parser::ParseDictItem(Dict* dict) {
  if (AcceptOp("**")) {
    ExprPtr value = ParseBitwiseOr();
    if (!value) return false;
    dict->keys.push_back(nullptr);
    dict->values.push_back(std::move(value));
    return true;
  }
  ExprPtr key = ParseExpression();
  if (!key) return false;
  if (!AtOp(":") && !At(TokenKind::kError)) {
    Location end = tokens_[pos_ - 1].end;
    FailAt({end.line, std::max(1, end.column - 1)}, "':' expected after dictionary key");
    return false;
  }
  Next();
  ExprPtr value = ParseExpression();
  if (!value) return false;
  dict->keys.push_back(std::move(key));
  dict->values.push_back(std::move(value));
  return true;
}

// elt for_if_clauses (the caller takes the closing bracket).
ExprPtr Parser::ParseComprehension(Location location, ComprehensionExpr::Kind kind, ExprPtr elt,
                                   ExprPtr value) {
  if (std::holds_alternative<Starred>(elt->node)) {
    return FailAt(elt->location, kind == ComprehensionExpr::Kind::kDict
                                     ? "dict unpacking cannot be used in dict comprehension"
                                     : "iterable unpacking cannot be used in comprehension");
  }
  ComprehensionExpr node;
  node.kind = kind;
  node.elt = std::move(elt);
  node.value = std::move(value);
  if (!ParseComprehensionClauses(&node.generators)) return nullptr;
  return MakeExpr(location, std::move(node));
}

// ('for' star_targets 'in' disjunction ('if' disjunction)*)+
bool Parser::ParseComprehensionClauses(std::vector<Comprehension>* generators) {
  while (AcceptKeyword("for")) {
    Comprehension clause;
    clause.target = ParseTargetList("in");
    if (!clause.target) return false;
    if (!AcceptKeyword("in")) return Fail(), false;
    clause.iter = ParseDisjunction();
    if (!clause.iter) return false;
    while (AcceptKeyword("if")) {
      ExprPtr test = ParseDisjunction();
      if (!test) return false;
      clause.ifs.push_back(std::move(test));
    }
    generators->push_back(std::move(clause));
  }
  return true;
}

ExprPtr Parser::ParseCall(ExprPtr func) {
  Location open = Next().start;
  Call call;
  if (!ParseArguments(open, true, &call.args, &call.keywords)) return nullptr;
  Location location = func->location;
  call.func = std::move(func);
  return MakeExpr(location, std::move(call));
}

const Expr* LastArgument(const std::vector<ExprPtr>& args, const std::vector<Keyword>& keywords) {
  if (keywords.empty()) return args.back().get();
  if (args.empty()) return keywords.back().value.get();
  const Location& a = args.back()->location;
  const Location& k = keywords.back().location;
  bool arg_last = a.line > k.line || (a.line == k.line && a.column > k.column);
  return arg_last ? args.back().get() : keywords.back().value.get();
}

// Arguments after '(' up to and including ')'. In a call, a generator
// expression as the sole argument needs no parentheses: f(x for x in y).
bool Parser::ParseArguments(Location open, bool allow_genexp, std::vector<ExprPtr>* args,
                            std::vector<Keyword>* keywords) {
  while (!AtOp(")")) {
    size_t before = args->size();
    if (!ParseArgument(args, keywords)) return false;
    if (allow_genexp && AtKeyword("for") && args->size() == before + 1) {
      return ParseGenexpArgument(open, args, *keywords);
    }
    if (AcceptOp(",")) continue;
    if (AtOp(")")) break;
    return FailMissingComma(*LastArgument(*args, *keywords));
  }
  Next();
  return true;
}

// The rest of `f(elt for ...)`: the last argument is the element.
bool Parser::ParseGenexpArgument(Location open, std::vector<ExprPtr>* args,
                                 const std::vector<Keyword>& keywords) {
  ExprPtr elt = std::move(args->back());
  args->pop_back();
  Location elt_location = elt->location;
  ExprPtr genexp =
      ParseComprehension(open, ComprehensionExpr::Kind::kGenerator, std::move(elt), nullptr);
  if (!genexp) return false;
  if (!args->empty() || !keywords.empty() || (AtOp(",") && !AtOp(")", 1))) {
    FailAt(elt_location, "Generator expression must be parenthesized");
    return false;
  }
  args->push_back(std::move(genexp));
  AcceptOp(",");
  return ExpectOp(")");
}

// One argument: '*' expr | '**' expr | NAME '=' expr | expr
bool Parser::ParseArgument(std::vector<ExprPtr>* args, std::vector<Keyword>* keywords) {
  Location location = Peek().start;
  if (AtOp("*") && !keywords->empty() && keywords->back().arg.empty()) {
    return FailAt(tokens_[pos_ - 1].start,
                  "iterable argument unpacking follows keyword argument unpacking"),
           false;
  }
  if (AtOp("*") || AtOp("**")) {
    bool double_star = Next().text == "**";
    if (!double_star && !AtExpressionStart()) {
      return FailAt(Peek().start, "Invalid star expression"), false;
    }
    ExprPtr value = ParseExpression();
    if (!value) return false;
    if (double_star) {
      keywords->push_back(Keyword{"", std::move(value), location});
    } else {
      args->push_back(MakeExpr(location, Starred{std::move(value)}));
    }
    return true;
  }
  if (AtName() && AtOp("=", 1)) {
    std::string name = NextIdentifier();
    for (const Keyword& keyword : *keywords) {
      if (keyword.arg == name) {
        Defer(location, absl::StrFormat("keyword argument repeated: %s", name));
      }
    }
    Next();
    ExprPtr value = ParseExpression();
    if (!value) return false;
    keywords->push_back(Keyword{std::move(name), std::move(value), location});
    return true;
  }
  ExprPtr value = ParseExpression();
  if (!value) return false;
  if (AtOp("=")) {
    FailAt(value->location, "expression cannot contain assignment, perhaps you meant \"==\"?");
    return false;
  }
  if (!keywords->empty()) {
    bool unpacking = keywords->back().arg.empty();
    // CPython looks past a trailing comma before it reports.
    Location place = AtOp(",") ? Peek(1).start : Peek().start;
    FailAt(place, unpacking ? "positional argument follows keyword argument unpacking"
                            : "positional argument follows keyword argument");
    return false;
  }
  args->push_back(std::move(value));
  return true;
}

// value '[' slice (',' slice)* [','] ']'
ExprPtr Parser::ParseSubscript(ExprPtr value) {
  Next();
  ExprPtr first = ParseSlice();
  if (!first) return nullptr;
  ExprPtr index;
  if (AtOp(",")) {
    Location location = first->location;
    std::vector<ExprPtr> elts;
    elts.push_back(std::move(first));
    while (AcceptOp(",") && !AtOp("]")) {
      ExprPtr elt = ParseSlice();
      if (!elt) return nullptr;
      elts.push_back(std::move(elt));
    }
    index = MakeExpr(location, Tuple{std::move(elts)});
  } else {
    index = std::move(first);
  }
  if (!ExpectOp("]")) return nullptr;
  Location location = value->location;
  return MakeExpr(location, Subscript{std::move(value), std::move(index)});
}

// [lower] ':' [upper] [':' [step]] | '*' expr | expression
ExprPtr Parser::ParseSlice() {
  Location location = Peek().start;
  if (AtOp("*")) return ParseStarExpression();
  ExprPtr lower;
  if (!AtOp(":")) {
    lower = ParseNamedExpression();
    if (!lower || !AtOp(":")) return lower;
  }
  Next();
  Slice slice;
  slice.lower = std::move(lower);
  auto at_end = [&] { return AtOp(":") || AtOp(",") || AtOp("]"); };
  if (!at_end()) {
    slice.upper = ParseExpression();
    if (!slice.upper) return nullptr;
  }
  if (AcceptOp(":") && !AtOp(",") && !AtOp("]")) {
    slice.step = ParseExpression();
    if (!slice.step) return nullptr;
  }
  return MakeExpr(location, std::move(slice));
}

// The source line `line` (1-based), without its newline.
std::string SourceLine(std::string_view source, int line) {
  size_t start = 0;
  for (int i = 1; i < line; ++i) {
    size_t newline = source.find_first_of("\r\n", start);
    if (newline == std::string_view::npos) return "";
    start = newline + 1;
    if (source[newline] == '\r' && start < source.size() && source[start] == '\n') ++start;
  }
  size_t end = source.find_first_of("\r\n", start);
  if (end == std::string_view::npos) end = source.size();
  return std::string(source.substr(start, end - start));
}

}  // namespace

ParseResult Parse(std::string_view source) {
  ParseResult result;
  Parser parser(Tokenize(source), 0);
  result.module = parser.ParseFile();
  if (!result.module) {
    result.error = parser.error();
    if (result.error.message.empty()) result.error.message = "invalid syntax";
    result.error.text = SourceLine(source, result.error.line);
  }
  return result;
}

}  // namespace islet::lang
