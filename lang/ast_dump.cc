#include "lang/ast_dump.h"

#include <cstdlib>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"

namespace islet::lang {
namespace {

std::string Dump(const ExprPtr& expr) { return expr ? DumpExpr(*expr) : "_"; }

// Wraps parts into "(head part part ...)".
std::string Sexp(std::string_view head, const std::vector<std::string>& parts) {
  std::string out = "(" + std::string(head);
  for (const std::string& part : parts) out += " " + part;
  return out + ")";
}

std::vector<std::string> DumpAll(const std::vector<ExprPtr>& exprs) {
  std::vector<std::string> parts;
  for (const ExprPtr& expr : exprs) parts.push_back(Dump(expr));
  return parts;
}

std::string DumpBody(std::string_view head, const Body& body) {
  std::vector<std::string> parts;
  for (const StmtPtr& stmt : body) parts.push_back(DumpStmt(*stmt));
  return Sexp(head, parts);
}

std::string Quote(std::string_view text, bool bytes) {
  std::string out = bytes ? "b'" : "'";
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '\'' || c == '\\') {
      out += '\\';
      out.push_back(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (u < 0x20 || u == 0x7F || (bytes && u >= 0x80)) {
      out += absl::StrFormat("\\x%02x", u);
    } else {
      out.push_back(c);
    }
  }
  return out + "'";
}

// The shortest text that reads back as `value`, with a '.' or exponent (as
// Python's repr: 1.0, 1.5, 1e+20).
std::string FormatFloat(double value) {
  std::string text = absl::StrFormat("%.17g", value);
  for (int precision = 1; precision <= 17; ++precision) {
    std::string shorter = absl::StrFormat("%.*g", precision, value);
    if (std::strtod(shorter.c_str(), nullptr) == value) {
      text = shorter;
      break;
    }
  }
  if (text.find_first_of(".eni") == std::string::npos) text += ".0";
  return text;
}

std::string DumpConstant(const Constant& c) {
  switch (c.kind) {
    case Constant::Kind::kNone:
      return "None";
    case Constant::Kind::kTrue:
      return "True";
    case Constant::Kind::kFalse:
      return "False";
    case Constant::Kind::kEllipsis:
      return "...";
    case Constant::Kind::kInt:
      return absl::StrCat(c.integer);
    case Constant::Kind::kBigInt:
      return c.text;
    case Constant::Kind::kFloat:
      return FormatFloat(c.real);
    case Constant::Kind::kStr:
      return Quote(c.text, false);
    case Constant::Kind::kBytes:
      return Quote(c.text, true);
  }
  return "?";
}

const char* BinaryName(BinaryOperator op) {
  static constexpr const char* kNames[] = {"+",  "-",  "*",  "/", "//", "%",
                                           "**", "<<", ">>", "&", "|",  "^"};
  return kNames[static_cast<int>(op)];
}

const char* UnaryName(UnaryOperator op) {
  static constexpr const char* kNames[] = {"not", "neg", "pos", "~"};
  return kNames[static_cast<int>(op)];
}

const char* CompareName(CompareOperator op) {
  static constexpr const char* kNames[] = {"<",  "<=", "==",     "!=", ">",
                                           ">=", "is", "is-not", "in", "not-in"};
  return kNames[static_cast<int>(op)];
}

std::string DumpKeyword(const Keyword& k) {
  return k.arg.empty() ? Sexp("**", {Dump(k.value)}) : Sexp("kw", {k.arg, Dump(k.value)});
}

std::string DumpParams(const Parameters& p) {
  std::vector<std::string> parts;
  auto param = [](const Parameter& param) {
    return param.default_value ? absl::StrCat(param.name, "=", Dump(param.default_value))
                               : param.name;
  };
  for (size_t i = 0; i < p.positional.size(); ++i) {
    parts.push_back(param(p.positional[i]));
    if (i + 1 == p.positional_only) parts.push_back("/");
  }
  if (!p.vararg.empty()) {
    parts.push_back("*" + p.vararg);
  } else if (!p.keyword_only.empty()) {
    parts.push_back("*");
  }
  for (const Parameter& k : p.keyword_only) parts.push_back(param(k));
  if (!p.kwarg.empty()) parts.push_back("**" + p.kwarg);
  return Sexp("params", parts);
}

std::string DumpComprehension(const ComprehensionExpr& c) {
  static constexpr const char* kNames[] = {"listcomp", "setcomp", "genexp", "dictcomp"};
  std::vector<std::string> parts = {Dump(c.elt)};
  if (c.value) parts.push_back(Dump(c.value));
  for (const Comprehension& g : c.generators) {
    std::vector<std::string> clause = {Dump(g.target), Dump(g.iter)};
    for (const ExprPtr& test : g.ifs) clause.push_back(Sexp("if", {Dump(test)}));
    parts.push_back(Sexp("for", clause));
  }
  return Sexp(kNames[static_cast<int>(c.kind)], parts);
}

struct ExprDumper {
  std::string operator()(const Name& n) { return n.id; }
  std::string operator()(const Constant& c) { return DumpConstant(c); }
  std::string operator()(const JoinedStr& j) { return Sexp("f", DumpAll(j.values)); }
  std::string operator()(const FormattedValue& f) {
    std::vector<std::string> parts = {Dump(f.value)};
    if (f.conversion != 0) parts.push_back(std::string("!") + f.conversion);
    if (f.format_spec) parts.push_back(Dump(f.format_spec));
    return Sexp("fv", parts);
  }
  std::string operator()(const Tuple& t) { return Sexp("tuple", DumpAll(t.elts)); }
  std::string operator()(const lang::List& l) { return Sexp("list", DumpAll(l.elts)); }
  std::string operator()(const Set& s) { return Sexp("set", DumpAll(s.elts)); }
  std::string operator()(const Dict& d) {
    std::vector<std::string> parts;
    for (size_t i = 0; i < d.keys.size(); ++i) {
      parts.push_back(d.keys[i] ? Sexp(Dump(d.keys[i]), {Dump(d.values[i])})
                                : Sexp("**", {Dump(d.values[i])}));
    }
    return Sexp("dict", parts);
  }
  std::string operator()(const Starred& s) { return Sexp("*", {Dump(s.value)}); }
  std::string operator()(const ComprehensionExpr& c) { return DumpComprehension(c); }
  std::string operator()(const Attribute& a) { return Sexp(".", {Dump(a.value), a.attr}); }
  std::string operator()(const Subscript& s) { return Sexp("[]", {Dump(s.value), Dump(s.slice)}); }
  std::string operator()(const Slice& s) {
    return Sexp("slice", {Dump(s.lower), Dump(s.upper), Dump(s.step)});
  }
  std::string operator()(const Call& c) {
    std::vector<std::string> parts = {Dump(c.func)};
    for (const ExprPtr& arg : c.args) parts.push_back(Dump(arg));
    for (const Keyword& k : c.keywords) parts.push_back(DumpKeyword(k));
    return Sexp("call", parts);
  }
  std::string operator()(const BinOp& b) {
    return Sexp(BinaryName(b.op), {Dump(b.left), Dump(b.right)});
  }
  std::string operator()(const UnaryOp& u) { return Sexp(UnaryName(u.op), {Dump(u.operand)}); }
  std::string operator()(const BoolOp& b) {
    return Sexp(b.is_and ? "and" : "or", DumpAll(b.values));
  }
  std::string operator()(const Compare& c) {
    std::vector<std::string> parts = {Dump(c.left)};
    for (size_t i = 0; i < c.ops.size(); ++i) {
      parts.push_back(CompareName(c.ops[i]));
      parts.push_back(Dump(c.comparators[i]));
    }
    return Sexp("compare", parts);
  }
  std::string operator()(const IfExp& i) {
    return Sexp("if", {Dump(i.test), Dump(i.body), Dump(i.orelse)});
  }
  std::string operator()(const Lambda& l) {
    return Sexp("lambda", {DumpParams(l.params), Dump(l.body)});
  }
};

std::string DumpHandler(const ExceptHandler& h) {
  std::vector<std::string> parts = {Dump(h.type)};
  if (!h.name.empty()) parts.push_back("as " + h.name);
  parts.push_back(DumpBody("body", h.body));
  return Sexp("except", parts);
}

std::string DumpAliases(std::string_view head, const std::vector<Alias>& names) {
  std::vector<std::string> parts;
  for (const Alias& a : names) parts.push_back(a.asname.empty() ? a.name : a.name + ":" + a.asname);
  return Sexp(head, parts);
}

struct StmtDumper {
  std::string operator()(const ExprStmt& s) { return Sexp("expr", {Dump(s.value)}); }
  std::string operator()(const Assign& s) {
    std::vector<std::string> parts = DumpAll(s.targets);
    parts.push_back(Dump(s.value));
    return Sexp("=", parts);
  }
  std::string operator()(const AugAssign& s) {
    return Sexp(absl::StrCat(BinaryName(s.op), "="), {Dump(s.target), Dump(s.value)});
  }
  std::string operator()(const Delete& s) { return Sexp("del", DumpAll(s.targets)); }
  std::string operator()(const Pass&) { return "pass"; }
  std::string operator()(const Break&) { return "break"; }
  std::string operator()(const Continue&) { return "continue"; }
  std::string operator()(const If& s) { return Compound("if", s.test, s.body, s.orelse); }
  std::string operator()(const While& s) { return Compound("while", s.test, s.body, s.orelse); }
  std::string operator()(const For& s) {
    std::vector<std::string> parts = {Dump(s.target), Dump(s.iter), DumpBody("body", s.body)};
    if (!s.orelse.empty()) parts.push_back(DumpBody("else", s.orelse));
    return Sexp("for", parts);
  }
  std::string operator()(const FunctionDef& s) {
    std::vector<std::string> parts = {s.name, DumpParams(s.params)};
    if (!s.decorators.empty()) parts.push_back(Sexp("@", DumpAll(s.decorators)));
    parts.push_back(DumpBody("body", s.body));
    return Sexp("def", parts);
  }
  std::string operator()(const Return& s) {
    return s.value ? Sexp("return", {Dump(s.value)}) : "(return)";
  }
  std::string operator()(const ClassDef& s) {
    std::vector<std::string> parts = {s.name, Sexp("bases", DumpAll(s.bases))};
    if (!s.keywords.empty()) {
      std::vector<std::string> keywords;
      for (const Keyword& k : s.keywords) keywords.push_back(DumpKeyword(k));
      parts.push_back(Sexp("keywords", keywords));
    }
    if (!s.decorators.empty()) parts.push_back(Sexp("@", DumpAll(s.decorators)));
    parts.push_back(DumpBody("body", s.body));
    return Sexp("class", parts);
  }
  std::string operator()(const Try& s) {
    std::vector<std::string> parts = {DumpBody("body", s.body)};
    for (const ExceptHandler& h : s.handlers) parts.push_back(DumpHandler(h));
    if (!s.orelse.empty()) parts.push_back(DumpBody("else", s.orelse));
    if (!s.finalbody.empty()) parts.push_back(DumpBody("finally", s.finalbody));
    return Sexp("try", parts);
  }
  std::string operator()(const Raise& s) {
    std::vector<std::string> parts;
    if (s.exc) parts.push_back(Dump(s.exc));
    if (s.cause) parts.push_back(Dump(s.cause));
    return Sexp("raise", parts);
  }
  std::string operator()(const Assert& s) {
    std::vector<std::string> parts = {Dump(s.test)};
    if (s.msg) parts.push_back(Dump(s.msg));
    return Sexp("assert", parts);
  }
  std::string operator()(const Global& s) { return Sexp("global", s.names); }
  std::string operator()(const Nonlocal& s) { return Sexp("nonlocal", s.names); }
  std::string operator()(const Import& s) { return DumpAliases("import", s.names); }
  std::string operator()(const ImportFrom& s) { return DumpAliases("from " + s.module, s.names); }

  static std::string Compound(std::string_view head, const ExprPtr& test, const Body& body,
                              const Body& orelse) {
    std::vector<std::string> parts = {Dump(test), DumpBody("body", body)};
    if (!orelse.empty()) parts.push_back(DumpBody("else", orelse));
    return Sexp(head, parts);
  }
};

}  // namespace

std::string DumpExpr(const Expr& expr) { return std::visit(ExprDumper{}, expr.node); }

std::string DumpStmt(const Stmt& stmt) { return std::visit(StmtDumper{}, stmt.node); }

std::string DumpModule(const Module& module) {
  std::vector<std::string> lines;
  for (const StmtPtr& stmt : module.body) lines.push_back(DumpStmt(*stmt));
  return absl::StrJoin(lines, "\n");
}

}  // namespace islet::lang
