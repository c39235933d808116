// A compact S-expression form of syntax trees (lang/ast.h), for tests: a tree's
// shape in one comparable string.
//
//   EXPECT_EQ(DumpModule(*Parse("x = a + 1").module), "(= x (+ a 1))");
//
// Expressions: names and constants print as themselves ('str', b'bytes', 1,
// 1.5, None, ...); operators in prefix form: (+ a b), (neg x), (not x),
// (and a b), (compare a < b), (if test body orelse), (call f a (kw k v)),
// (. obj attr), ([] obj index), (slice lo hi step) with _ for absent parts,
// (tuple ...), (list ...), (set ...), (dict (k v) (** m)), (* x) for starred,
// (listcomp elt (for target iter (if cond))), (f 'text' (fv x !r spec)),
// (lambda (params ...) body). Statements: (expr x), (= targets... value),
// (+= t v), (del ...), pass, (if test (body ...) (else ...)), (def name
// (params a b=1 / *args c **kw) (@ decorators) (body ...)), ... Each
// statement of a module is on its own line.

#ifndef ISLET_LANG_AST_DUMP_H_
#define ISLET_LANG_AST_DUMP_H_

#include <string>

#include "lang/ast.h"

namespace islet::lang {

std::string DumpExpr(const Expr& expr);
std::string DumpStmt(const Stmt& stmt);
std::string DumpModule(const Module& module);

}  // namespace islet::lang

#endif  // ISLET_LANG_AST_DUMP_H_
