#include "lang/parser.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <random>
#include <string>
#include <string_view>

#include "lang/ast_dump.h"

namespace islet::lang {
namespace {

// The tree of `source` as S-expressions (one statement a line), or the error.
std::string P(std::string_view source) {
  ParseResult result = Parse(source);
  if (!result.module) {
    return "error: " + result.error.message + " @" + std::to_string(result.error.line) + ":" +
           std::to_string(result.error.column);
  }
  return DumpModule(*result.module);
}

// The expression statement `source`, dumped.
std::string E(std::string_view source) {
  std::string dumped = P(source);
  if (dumped.rfind("(expr ", 0) == 0) return dumped.substr(6, dumped.size() - 7);
  return dumped;
}

SyntaxErrorInfo Error(std::string_view source) {
  ParseResult result = Parse(source);
  EXPECT_EQ(result.module, nullptr) << source;
  return result.error;
}

// Checks the message, line and column of the SyntaxError for `source`.
void ExpectError(std::string_view source, std::string_view message, int line, int column) {
  SyntaxErrorInfo error = Error(source);
  EXPECT_EQ(error.message, message) << source;
  EXPECT_EQ(error.line, line) << source << " / " << error.message;
  EXPECT_EQ(error.column, column) << source << " / " << error.message;
}

// ============================================================================
// Expressions
// ============================================================================

TEST(ParserTest, Atoms) {
  EXPECT_EQ(E("x"), "x");
  EXPECT_EQ(E("None"), "None");
  EXPECT_EQ(E("True"), "True");
  EXPECT_EQ(E("False"), "False");
  EXPECT_EQ(E("..."), "...");
  EXPECT_EQ(E("42"), "42");
  EXPECT_EQ(E("1.5"), "1.5");
  EXPECT_EQ(E("'a'"), "'a'");
  EXPECT_EQ(E("b'a'"), "b'a'");
}

TEST(ParserTest, Precedence) {
  EXPECT_EQ(E("1 + 2 * 3"), "(+ 1 (* 2 3))");
  EXPECT_EQ(E("(1 + 2) * 3"), "(* (+ 1 2) 3)");
  EXPECT_EQ(E("1 - 2 - 3"), "(- (- 1 2) 3)");
  EXPECT_EQ(E("-2 ** 2"), "(neg (** 2 2))");
  EXPECT_EQ(E("2 ** -1"), "(** 2 (neg 1))");
  EXPECT_EQ(E("2 ** 3 ** 2"), "(** 2 (** 3 2))");
  EXPECT_EQ(E("-x.y"), "(neg (. x y))");
  EXPECT_EQ(E("~-+x"), "(~ (neg (pos x)))");
  EXPECT_EQ(E("a | b ^ c & d << e + f * g"), "(| a (^ b (& c (<< d (+ e (* f g))))))");
  EXPECT_EQ(E("a // b % c / d"), "(/ (% (// a b) c) d)");
  EXPECT_EQ(E("a >> b << c"), "(<< (>> a b) c)");
  EXPECT_EQ(E("not a == b"), "(not (compare a == b))");
  EXPECT_EQ(E("a or b and not c"), "(or a (and b (not c)))");
  EXPECT_EQ(E("a or b or c"), "(or a b c)");
  EXPECT_EQ(E("a and b and c"), "(and a b c)");
  EXPECT_EQ(E("not not a"), "(not (not a))");
  EXPECT_EQ(E("a if b else c if d else e"), "(if b a (if d c e))");
  EXPECT_EQ(E("a if b or c else d"), "(if (or b c) a d)");
  EXPECT_EQ(E("lambda: a if b else c"), "(lambda (params) (if b a c))");
  EXPECT_EQ(E("a | b == c"), "(compare (| a b) == c)");
}

TEST(ParserTest, Comparisons) {
  EXPECT_EQ(E("1 < 2 < 3"), "(compare 1 < 2 < 3)");
  EXPECT_EQ(E("a is not b"), "(compare a is-not b)");
  EXPECT_EQ(E("a not in b"), "(compare a not-in b)");
  EXPECT_EQ(E("a in b is c"), "(compare a in b is c)");
  EXPECT_EQ(E("a <= b >= c != d == e > f"), "(compare a <= b >= c != d == e > f)");
}

TEST(ParserTest, Primaries) {
  EXPECT_EQ(E("a.b.c"), "(. (. a b) c)");
  EXPECT_EQ(E("f()"), "(call f)");
  EXPECT_EQ(E("f(1, *a, k=2, **kw)"), "(call f 1 (* a) (kw k 2) (** kw))");
  EXPECT_EQ(E("f(a=1, *b)"), "(call f (* b) (kw a 1))");
  EXPECT_EQ(E("f(x for x in y)"), "(call f (genexp x (for x y)))");
  EXPECT_EQ(E("f(x,)"), "(call f x)");
  EXPECT_EQ(E("a[1]"), "([] a 1)");
  EXPECT_EQ(E("a[1:2]"), "([] a (slice 1 2 _))");
  EXPECT_EQ(E("a[::2]"), "([] a (slice _ _ 2))");
  EXPECT_EQ(E("a[:]"), "([] a (slice _ _ _))");
  EXPECT_EQ(E("a[1:]"), "([] a (slice 1 _ _))");
  EXPECT_EQ(E("a[1:2, 3]"), "([] a (tuple (slice 1 2 _) 3))");
  EXPECT_EQ(E("a[1,]"), "([] a (tuple 1))");
  EXPECT_EQ(E("f(a)(b)[c].d"), "(. ([] (call (call f a) b) c) d)");
}

TEST(ParserTest, Displays) {
  EXPECT_EQ(E("()"), "(tuple)");
  EXPECT_EQ(E("(1,)"), "(tuple 1)");
  EXPECT_EQ(E("(1)"), "1");
  EXPECT_EQ(E("(1, 2)"), "(tuple 1 2)");
  EXPECT_EQ(E("1, 2"), "(tuple 1 2)");
  EXPECT_EQ(E("1,"), "(tuple 1)");
  EXPECT_EQ(E("[]"), "(list)");
  EXPECT_EQ(E("[1, *a, 2,]"), "(list 1 (* a) 2)");
  EXPECT_EQ(E("{}"), "(dict)");
  EXPECT_EQ(E("{1: 2, **d, 3: 4}"), "(dict (1 2) (** d) (3 4))");
  EXPECT_EQ(E("{**d}"), "(dict (** d))");
  EXPECT_EQ(E("{1, 2}"), "(set 1 2)");
  EXPECT_EQ(E("{*a}"), "(set (* a))");
  EXPECT_EQ(E("(*a, b)"), "(tuple (* a) b)");
}

TEST(ParserTest, Comprehensions) {
  EXPECT_EQ(E("[x for x in y]"), "(listcomp x (for x y))");
  EXPECT_EQ(E("[i * i for i in range(5) if i % 2 == 0]"),
            "(listcomp (* i i) (for i (call range 5) (if (compare (% i 2) == 0))))");
  EXPECT_EQ(E("{k: v for k, v in zip(a, b)}"), "(dictcomp k v (for (tuple k v) (call zip a b)))");
  EXPECT_EQ(E("{c for c in s}"), "(setcomp c (for c s))");
  EXPECT_EQ(E("(x for x in y if a if b for z in x)"),
            "(genexp x (for x y (if a) (if b)) (for z x))");
  EXPECT_EQ(E("[x for x, in y]"), "(listcomp x (for (tuple x) y))");
  EXPECT_EQ(E("[(a, b) for a in x for b in y]"), "(listcomp (tuple a b) (for a x) (for b y))");
}

TEST(ParserTest, Lambdas) {
  EXPECT_EQ(E("lambda: 0"), "(lambda (params) 0)");
  EXPECT_EQ(E("lambda q: q * 2"), "(lambda (params q) (* q 2))");
  EXPECT_EQ(E("lambda a, b=1, *c, d, e=2, **f: a"), "(lambda (params a b=1 *c d e=2 **f) a)");
  EXPECT_EQ(E("lambda a, /, b, *, c: a"), "(lambda (params a / b * c) a)");
  EXPECT_EQ(E("(lambda x: x)(1)"), "(call (lambda (params x) x) 1)");
}

TEST(ParserTest, Strings) {
  EXPECT_EQ(E("'a' 'b'"), "'ab'");
  EXPECT_EQ(E("'a' \"b\" '''c'''"), "'abc'");
  EXPECT_EQ(E("b'a' b'b'"), "b'ab'");
  EXPECT_EQ(E(R"('\n\t\r\\\'\"\a\b\f\v\0')"), R"('\n\x09\x0d\\\'"\x07\x08\x0c\x0b\x00')");
  EXPECT_EQ(E(R"('\101\x41\u0041\U00000041')"), "'AAAA'");
  EXPECT_EQ(E(R"('\u20ac')"), "'\xE2\x82\xAC'");
  EXPECT_EQ(E(R"('\d')"), R"('\\d')");
  EXPECT_EQ(E(R"(b'\x00ab\u')"), R"(b'\x00ab\\u')");
  EXPECT_EQ(E(R"(b'\377')"), R"(b'\xff')");
  EXPECT_EQ(E(R"(r'\n')"), R"('\\n')");
  EXPECT_EQ(E(R"(R'\'')"), R"('\\\'')");
  EXPECT_EQ(E(R"(rb'\x')"), R"(b'\\x')");
  EXPECT_EQ(E(R"(Br'\x')"), R"(b'\\x')");
  EXPECT_EQ(E(R"(u'x')"), "'x'");
  EXPECT_EQ(E(R"(U'x')"), "'x'");
  EXPECT_EQ(E("'''a\nb'''"), R"('a\nb')");
  EXPECT_EQ(E("'a\\\nb'"), "'ab'");
  EXPECT_EQ(E("'\xE2\x82\xAC'"), "'\xE2\x82\xAC'");
}

TEST(ParserTest, FStrings) {
  EXPECT_EQ(E("f'a{x}b'"), "(f 'a' (fv x) 'b')");
  EXPECT_EQ(E("f'{x!r}'"), "(f (fv x !r))");
  EXPECT_EQ(E("f'{x!s:>10}'"), "(f (fv x !s (f '>10')))");
  EXPECT_EQ(E("f'{x:{width}.{precision}f}'"), "(f (fv x (f (fv width) '.' (fv precision) 'f')))");
  EXPECT_EQ(E("f'{{}}'"), "(f '{}')");
  EXPECT_EQ(E("f'{{{x}}}'"), "(f '{' (fv x) '}')");
  EXPECT_EQ(E("f'{a + b * 2}'"), "(f (fv (+ a (* b 2))))");
  EXPECT_EQ(E("f'{d[\"k\"]}'"), "(f (fv ([] d 'k')))");
  EXPECT_EQ(E("f\"{d[\"k\"]}\""), "(f (fv ([] d 'k')))");
  EXPECT_EQ(E("f'{x:}'"), "(f (fv x (f)))");
  EXPECT_EQ(E("f'{x=}'"), "(f 'x=' (fv x !r))");
  EXPECT_EQ(E("f'{a != b}'"), "(f (fv (compare a != b)))");
  EXPECT_EQ(E("f'{f\"{x}\"}'"), "(f (fv (f (fv x))))");
  EXPECT_EQ(E("f'a' 'b'"), "(f 'ab')");
  EXPECT_EQ(E("'a' f'{x}' 'b'"), "(f 'a' (fv x) 'b')");
  EXPECT_EQ(E("rf'\\n{x}'"), "(f '\\\\n' (fv x))");
  EXPECT_EQ(E("f'\\n{x}'"), "(f '\\n' (fv x))");
  EXPECT_EQ(E("F'{x}' fR'{y}'"), "(f (fv x) (fv y))");
  EXPECT_EQ(E("f'''{\nx\n}'''"), "(f (fv x))");
  EXPECT_EQ(E("f'{x, y}'"), "(f (fv (tuple x y)))");
  EXPECT_EQ(E(R"(rf'{x:\\{y}}')"), R"((f (fv x (f '\\\\' (fv y)))))");
  EXPECT_EQ(E(R"(f'{x:\t}')"), R"((f (fv x (f '\x09'))))");
}

TEST(ParserTest, Numbers) {
  EXPECT_EQ(E("0"), "0");
  EXPECT_EQ(E("00"), "0");
  EXPECT_EQ(E("0x1F"), "31");
  EXPECT_EQ(E("0o17"), "15");
  EXPECT_EQ(E("0b101"), "5");
  EXPECT_EQ(E("1_000_000"), "1000000");
  EXPECT_EQ(E("0x_ff"), "255");
  EXPECT_EQ(E("9223372036854775807"), "9223372036854775807");
  EXPECT_EQ(E("1.5"), "1.5");
  EXPECT_EQ(E(".5"), "0.5");
  EXPECT_EQ(E("1."), "1.0");
  EXPECT_EQ(E("1e10"), "1e+10");
  EXPECT_EQ(E("1_000.5"), "1000.5");
  EXPECT_EQ(E("1E-2"), "0.01");
  EXPECT_EQ(E("012.5"), "12.5");
  EXPECT_EQ(E("1if x else 2"), "(if x 1 2)");
}

Constant ConstantOf(std::string_view source) {
  ParseResult result = Parse(source);
  EXPECT_NE(result.module, nullptr) << source;
  if (!result.module) return {};
  return std::get<Constant>(std::get<ExprStmt>(result.module->body[0]->node).value->node);
}

TEST(ParserTest, BigIntegers) {
  Constant c = ConstantOf("9223372036854775808");
  EXPECT_EQ(c.kind, Constant::Kind::kBigInt);
  EXPECT_EQ(c.text, "9223372036854775808");
  c = ConstantOf("0xFFFFFFFFFFFFFFFFFFFF");
  EXPECT_EQ(c.kind, Constant::Kind::kBigInt);
  EXPECT_EQ(c.text, "1208925819614629174706175");
  c = ConstantOf("0o1_000_000_000_000_000_000_000");
  EXPECT_EQ(c.kind, Constant::Kind::kBigInt);
  EXPECT_EQ(c.text, "9223372036854775808");
  c = ConstantOf("0b" + std::string(64, '1'));
  EXPECT_EQ(c.kind, Constant::Kind::kBigInt);
  EXPECT_EQ(c.text, "18446744073709551615");
  c = ConstantOf("0x7FFFFFFFFFFFFFFF");
  EXPECT_EQ(c.kind, Constant::Kind::kInt);
  EXPECT_EQ(c.integer, INT64_MAX);
  c = ConstantOf("000000000000000000000000000000");
  EXPECT_EQ(c.kind, Constant::Kind::kInt);
  EXPECT_EQ(c.integer, 0);
  c = ConstantOf("2.5e-3");
  EXPECT_EQ(c.kind, Constant::Kind::kFloat);
  EXPECT_DOUBLE_EQ(c.real, 2.5e-3);
  EXPECT_EQ(ConstantOf("1e400").real, std::numeric_limits<double>::infinity());
  EXPECT_EQ(ConstantOf("1e-400").real, 0.0);
  EXPECT_EQ(ConstantOf("0.1").real, 0.1);
  EXPECT_EQ(ConstantOf("1_0.2_5e1_0").real, 10.25e10);
}

// ============================================================================
// Statements
// ============================================================================

TEST(ParserTest, Assignments) {
  EXPECT_EQ(P("a = 1"), "(= a 1)");
  EXPECT_EQ(P("a = b = 1"), "(= a b 1)");
  EXPECT_EQ(P("a.b = c[d] = 1"), "(= (. a b) ([] c d) 1)");
  EXPECT_EQ(P("a, b = b, a"), "(= (tuple a b) (tuple b a))");
  EXPECT_EQ(P("a, *b = c"), "(= (tuple a (* b)) c)");
  EXPECT_EQ(P("[a, (b, c)] = d"), "(= (list a (tuple b c)) d)");
  EXPECT_EQ(P("(a) = 1"), "(= a 1)");
  EXPECT_EQ(P("x = *a, b"), "(= x (tuple (* a) b))");
  EXPECT_EQ(P("x: int = 5"), "(= x 5)");
  EXPECT_EQ(P("x: int"), "pass");
}

TEST(ParserTest, AugmentedAssignments) {
  const char* ops[] = {"+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^"};
  for (const char* op : ops) {
    EXPECT_EQ(P(std::string("a ") + op + "= 1"), std::string("(") + op + "= a 1)");
  }
  EXPECT_EQ(P("a.b += 1"), "(+= (. a b) 1)");
  EXPECT_EQ(P("a[0] -= 1, 2"), "(-= ([] a 0) (tuple 1 2))");
}

TEST(ParserTest, SimpleStatements) {
  EXPECT_EQ(P("pass; break; continue"), "pass\nbreak\ncontinue");
  EXPECT_EQ(P("x = 1;"), "(= x 1)");
  EXPECT_EQ(P("del a, b[0], c.d"), "(del a ([] b 0) (. c d))");
  EXPECT_EQ(P("del (a, b)"), "(del (tuple a b))");
  EXPECT_EQ(P("return"), "(return)");
  EXPECT_EQ(P("return 1, 2"), "(return (tuple 1 2))");
  EXPECT_EQ(P("raise"), "(raise)");
  EXPECT_EQ(P("raise E"), "(raise E)");
  EXPECT_EQ(P("raise E from C"), "(raise E C)");
  EXPECT_EQ(P("assert x"), "(assert x)");
  EXPECT_EQ(P("assert x, 'msg'"), "(assert x 'msg')");
  EXPECT_EQ(P("global a, b"), "(global a b)");
  EXPECT_EQ(P("nonlocal a"), "(nonlocal a)");
}

TEST(ParserTest, Imports) {
  EXPECT_EQ(P("import a.b as c, d"), "(import a.b:c d)");
  EXPECT_EQ(P("from a.b import x as y, z"), "(from a.b x:y z)");
  EXPECT_EQ(P("from m import (x,\n  y,)"), "(from m x y)");
  EXPECT_EQ(P("from m import *"), "(from m *)");
  EXPECT_EQ(P("from . import x"), "(from . x)");
  EXPECT_EQ(P("from ..a import x"), "(from ..a x)");
  EXPECT_EQ(P("from concurrent import interpreters"), "(from concurrent interpreters)");
}

TEST(ParserTest, IfWhileFor) {
  EXPECT_EQ(P("if a:\n  x\nelif b:\n  y\nelse:\n  z\n"),
            "(if a (body (expr x)) (else (if b (body (expr y)) (else (expr z)))))");
  EXPECT_EQ(P("if x: pass"), "(if x (body pass))");
  EXPECT_EQ(P("if x: a; b\n"), "(if x (body (expr a) (expr b)))");
  EXPECT_EQ(P("while n < 5:\n    n += 1\nelse:\n    print(n)\n"),
            "(while (compare n < 5) (body (+= n 1)) (else (expr (call print n))))");
  EXPECT_EQ(P("for k, v in d.items():\n  pass\nelse:\n  pass"),
            "(for (tuple k v) (call (. d items)) (body pass) (else pass))");
  EXPECT_EQ(P("for x in 1, 2: pass"), "(for x (tuple 1 2) (body pass))");
  EXPECT_EQ(P("for (a, *b) in c: pass"), "(for (tuple a (* b)) c (body pass))");
  EXPECT_EQ(P("for a.b in c: pass"), "(for (. a b) c (body pass))");
}

TEST(ParserTest, Definitions) {
  EXPECT_EQ(P("def f(a, b=1, /, c=2, *args, d, e=3, **kw):\n  return a\n"),
            "(def f (params a b=1 / c=2 *args d e=3 **kw) (body (return a)))");
  EXPECT_EQ(P("def f(): pass"), "(def f (params) (body pass))");
  EXPECT_EQ(P("def f(*, a): pass"), "(def f (params * a) (body pass))");
  EXPECT_EQ(P("def f(a: int = 1, *b: str) -> None: pass"), "(def f (params a=1 *b) (body pass))");
  EXPECT_EQ(P("@a.b\n@c(1)\ndef f(x,): pass"),
            "(def f (params x) (@ (. a b) (call c 1)) (body pass))");
  EXPECT_EQ(P("class A(B): pass"), "(class A (bases B) (body pass))");
  EXPECT_EQ(P("class A: pass"), "(class A (bases) (body pass))");
  EXPECT_EQ(P("class A(B, C, metaclass=M, **kw):\n  x = 1\n"),
            "(class A (bases B C) (keywords (kw metaclass M) (** kw)) (body (= x 1)))");
  EXPECT_EQ(P("@dataclass\nclass A(): pass"), "(class A (bases) (@ dataclass) (body pass))");
}

// Identifiers are their NFKC forms (PEP 3131); keywords are matched before
// that, on the source's own text, as CPython does.
TEST(ParserTest, UnicodeIdentifiers) {
  EXPECT_EQ(P("\uFB01 = \u00E9t\u00E9"), "(= fi \u00E9t\u00E9)");  // ﬁ = été
  EXPECT_EQ(P("e\u0301 = 1"), "(= \u00E9 1)");                     // composed
  EXPECT_EQ(E("x\u0661.\u2167"), "(. x\u0661 VIII)");              // x١.Ⅷ
  EXPECT_EQ(P("def \u210C(\u00AA, *, \uFB02=1): return \u00AA"),   // def ℌ(ª, *, ﬂ=1)
            "(def H (params a * fl=1) (body (return a)))");
  EXPECT_EQ(E("f(\uFB01=1)"), "(call f (kw fi 1))");
  EXPECT_EQ(P("import \uFB01.\uFB02 as \u01C5"), "(import fi.fl:D\u017E)");  // ǅ: D ž
  EXPECT_EQ(E("\u2118 + _\u0300"), "(+ \u2118 _\u0300)");                    // ℘: Other_ID_Start
  EXPECT_EQ(E("\uFF4C\uFF41\uFF4D\uFF42\uFF44\uFF41"), "lambda");  // ｌａｍｂｄａ: a name
}

TEST(ParserTest, Try) {
  EXPECT_EQ(P("try:\n  a\nexcept E as e:\n  b\nexcept (A, B):\n  c\nexcept:\n  d\n"
              "else:\n  e\nfinally:\n  f\n"),
            "(try (body (expr a)) (except E as e (body (expr b))) "
            "(except (tuple A B) (body (expr c))) (except _ (body (expr d))) "
            "(else (expr e)) (finally (expr f)))");
  EXPECT_EQ(P("try: a\nfinally: b"), "(try (body (expr a)) (finally (expr b)))");
  EXPECT_EQ(P("try:\n  a\nexcept (A, B) as e:\n  pass"),
            "(try (body (expr a)) (except (tuple A B) as e (body pass)))");
  EXPECT_EQ(P("try:\n  a\nexcept A, B:\n  pass"),
            "(try (body (expr a)) (except (tuple A B) (body pass)))");
}

TEST(ParserTest, LinesAndIndentation) {
  EXPECT_EQ(P(""), "");
  EXPECT_EQ(P("\n\n# only a comment\n   \n"), "");
  EXPECT_EQ(P("x = (1 +\n     2)\n"), "(= x (+ 1 2))");
  EXPECT_EQ(P("x = 1 + \\\n    2\n"), "(= x (+ 1 2))");
  EXPECT_EQ(P("if a:\n\tif b:\n\t\tx\n\ty\nz"),
            "(if a (body (if b (body (expr x))) (expr y)))\n(expr z)");
  EXPECT_EQ(P("if a:\n        x\n\ty\n"),
            "error: inconsistent use of tabs and spaces in indentation @3:3");
  EXPECT_EQ(P("if a:\n  x  # comment\n\n  # more\n  y\n"), "(if a (body (expr x) (expr y)))");
  EXPECT_EQ(P("x = 1\r\ny = 2\r\n"), "(= x 1)\n(= y 2)");
  EXPECT_EQ(P("\xEF\xBB\xBFx"), "(expr x)");
  EXPECT_EQ(P("def f():\n    return 1"), "(def f (params) (body (return 1)))");
}

TEST(ParserTest, Locations) {
  ParseResult result = Parse(
      "x = 1\nif y:\n    f(a, \xE2\x82\xAC"
      "1)\n");
  ASSERT_EQ(result.module, nullptr);  // € is not a name
  result = Parse("x = 1\nif y:\n    s = '\xE2\x82\xAC' + ab.cd\n");
  ASSERT_NE(result.module, nullptr);
  const Stmt& first = *result.module->body[0];
  EXPECT_EQ(first.location.line, 1);
  EXPECT_EQ(first.location.column, 1);
  const auto& assign1 = std::get<Assign>(first.node);
  EXPECT_EQ(assign1.value->location.column, 5);
  const Stmt& if_stmt = *result.module->body[1];
  EXPECT_EQ(if_stmt.location.line, 2);
  const Stmt& inner = *std::get<If>(if_stmt.node).body[0];
  EXPECT_EQ(inner.location.line, 3);
  EXPECT_EQ(inner.location.column, 5);
  const auto& sum = std::get<BinOp>(std::get<Assign>(inner.node).value->node);
  EXPECT_EQ(sum.left->location.column, 9);
  EXPECT_EQ(sum.right->location.column, 15);  // columns count code points
  const auto& attr = std::get<Attribute>(sum.right->node);
  EXPECT_EQ(attr.value->location.column, 15);

  result = Parse("print(f'ab{x + y}')");
  ASSERT_NE(result.module, nullptr);
  const auto& call = std::get<Call>(std::get<ExprStmt>(result.module->body[0]->node).value->node);
  const auto& joined = std::get<JoinedStr>(call.args[0]->node);
  const auto& field = std::get<FormattedValue>(joined.values[1]->node);
  EXPECT_EQ(field.value->location.line, 1);
  EXPECT_EQ(field.value->location.column, 12);

  result = Parse("s = f'''\n{\n  zz}'''");
  ASSERT_NE(result.module, nullptr);
  const auto& multi =
      std::get<JoinedStr>(std::get<Assign>(result.module->body[0]->node).value->node);
  const auto& zz = std::get<FormattedValue>(multi.values[1]->node);
  EXPECT_EQ(zz.value->location.line, 3);
  EXPECT_EQ(zz.value->location.column, 3);

  result = Parse("f(k=1)\n(1, 2)\n");
  ASSERT_NE(result.module, nullptr);
  const auto& kw = std::get<Call>(std::get<ExprStmt>(result.module->body[0]->node).value->node);
  EXPECT_EQ(kw.keywords[0].location.column, 3);
  EXPECT_EQ(result.module->body[1]->location.column, 1);
}

// ============================================================================
// Errors
// ============================================================================

TEST(ParserErrorTest, GenericAndColon) {
  ExpectError("x = = 1", "invalid syntax", 1, 5);
  ExpectError("if x\n    pass\n", "expected ':'", 1, 5);
  ExpectError("while x\n  pass", "expected ':'", 1, 8);
  ExpectError("for x in y\n  pass", "expected ':'", 1, 11);
  ExpectError("class A(B)\n  pass", "expected ':'", 1, 11);
  ExpectError("def f() x:\n  pass", "expected ':'", 1, 9);
  ExpectError("def f:\n  pass", "expected '('", 1, 6);
  ExpectError("try\n  pass", "expected ':'", 1, 4);
  ExpectError("try:\n  pass\nexcept E\n  pass", "expected ':'", 3, 9);
  ExpectError("if x:\n  pass\nelse\n  pass", "expected ':'", 3, 5);
  ExpectError("try:\n  pass\nx = 1", "expected 'except' or 'finally' block", 3, 1);
  ExpectError("a b", "invalid syntax", 1, 3);
  ExpectError("f(a b)", "invalid syntax. Perhaps you forgot a comma?", 1, 3);
  ExpectError("[1, 2 3]", "invalid syntax. Perhaps you forgot a comma?", 1, 5);
  ExpectError("x = a if b", "expected 'else' after 'if' expression", 1, 5);
  ExpectError("if x = 1: pass", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1,
              4);
  ExpectError("f(a.b=1)", "expression cannot contain assignment, perhaps you meant \"==\"?", 1, 3);
  ExpectError("f(a=1, b)", "positional argument follows keyword argument", 1, 9);
  ExpectError("f(a=1, a=2)", "keyword argument repeated: a", 1, 8);
  ExpectError("f(**a, b)", "positional argument follows keyword argument unpacking", 1, 9);
  ExpectError("print 'hello'", "Missing parentheses in call to 'print'. Did you mean print(...)?",
              1, 1);
  ExpectError("x = {'a': 1, 'b' 2}", "':' expected after dictionary key", 1, 16);
  ExpectError("f(*)", "Invalid star expression", 1, 4);
  ExpectError("x = [*]", "Invalid star expression", 1, 7);
  ExpectError("try:\n  pass", "expected 'except' or 'finally' block", 2, 7);
  ExpectError("@dec\n", "invalid syntax", 1, 0);
  ExpectError("f(x for x in y, 1)", "Generator expression must be parenthesized", 1, 3);
  ExpectError("f(1, x for x in y)", "Generator expression must be parenthesized", 1, 6);
  ExpectError("class A(x for x in y): pass", "invalid syntax", 1, 11);
  ExpectError("f(**a, *b)", "iterable argument unpacking follows keyword argument unpacking", 1, 6);
  ExpectError("if x:\n  pass\nelse:\n  pass\nelif y:\n  pass",
              "'elif' block follows an 'else' block", 5, 1);
  ExpectError("x = (*a)", "cannot use starred expression here", 1, 6);
  ExpectError("x = *a", "can't use starred expression here", 1, 5);
  ExpectError("print(f(x)", "'(' was never closed", 1, 6);
  ExpectError("import", "Expected one or more names after 'import'", 1, 7);
  ExpectError("yield x", "invalid syntax", 1, 1);
  ExpectError("x := 1", "invalid syntax", 1, 3);
  ExpectError("a $ b", "invalid syntax", 1, 3);
  ExpectError("a ? b", "invalid syntax", 1, 3);
}

TEST(ParserErrorTest, Indentation) {
  ExpectError("  x = 1", "unexpected indent", 1, 2);
  ExpectError("x = 1\n    y = 2\n", "unexpected indent", 2, 4);
  ExpectError("if x:\n        a\n    b\n", "unindent does not match any outer indentation level", 3,
              6);
  ExpectError("if x:\n\ta\n        b\n", "inconsistent use of tabs and spaces in indentation", 3,
              10);
  ExpectError("if x:\npass", "expected an indented block after 'if' statement on line 1", 2, 1);
  // At the end of input, CPython places the error at the end of the last line.
  ExpectError("if x:\n", "expected an indented block after 'if' statement on line 1", 1, 6);
  ExpectError("if x:\n  # c\n", "expected an indented block after 'if' statement on line 1", 2, 6);
  ExpectError("x = 1\n\nif x:\npass", "expected an indented block after 'if' statement on line 3",
              4, 1);
  ExpectError("if x:\n  pass\nelif y:\npass",
              "expected an indented block after 'elif' statement on line 3", 4, 1);
  ExpectError("if x:\n  pass\nelse:\npass",
              "expected an indented block after 'else' statement on line 3", 4, 1);
  ExpectError("for x in y:\npass", "expected an indented block after 'for' statement on line 1", 2,
              1);
  ExpectError("while x:\npass", "expected an indented block after 'while' statement on line 1", 2,
              1);
  ExpectError("def f():\npass", "expected an indented block after function definition on line 1", 2,
              1);
  ExpectError("class A:\npass", "expected an indented block after class definition on line 1", 2,
              1);
  ExpectError("try:\npass", "expected an indented block after 'try' statement on line 1", 2, 1);
  ExpectError("try:\n  pass\nexcept:\npass",
              "expected an indented block after 'except' statement on line 3", 4, 1);
  ExpectError("try:\n  pass\nfinally:\npass",
              "expected an indented block after 'finally' statement on line 3", 4, 1);
  ExpectError("def f():\n  if x:\n  y", "expected an indented block after 'if' statement on line 2",
              3, 3);
  ExpectError("def f():\n  def g():\nx",
              "expected an indented block after function definition on line 2", 3, 0);
  ExpectError("try:\n  pass\nx = 1\n", "expected 'except' or 'finally' block", 3, 1);
  ExpectError("if x:\n  try:\n    pass\ny = 1\n", "expected 'except' or 'finally' block", 4, 0);
}

TEST(ParserErrorTest, Brackets) {
  ExpectError("x = (1,\n2", "'(' was never closed", 1, 5);
  ExpectError("x = [1, {2", "'{' was never closed", 1, 9);
  ExpectError("x = 1)", "unmatched ')'", 1, 6);
  ExpectError("x = ]", "unmatched ']'", 1, 5);
  ExpectError("x = (1]", "closing parenthesis ']' does not match opening parenthesis '('", 1, 7);
  ExpectError("x = (1,\n2]",
              "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 2);
  // A tokenizer error later in the file wins over a generic error earlier,
  // but an unclosed bracket only if opened on an earlier line.
  ExpectError("x = = 1\ny = 'abc", "unterminated string literal (detected at line 2)", 2, 5);
  ExpectError("x = = 1\ny = (", "invalid syntax", 1, 5);
  ExpectError("x = (\n1 + * 2", "'(' was never closed", 1, 5);
  ExpectError("x = (1 + = 2", "invalid syntax", 1, 10);
  // A specific error earlier wins.
  ExpectError("if x\n  pass\ny = (", "expected ':'", 1, 5);
}

TEST(ParserErrorTest, Strings) {
  ExpectError("x = 'abc", "unterminated string literal (detected at line 1)", 1, 5);
  ExpectError("x = 1\ny = \"abc\nz = 2", "unterminated string literal (detected at line 2)", 2, 5);
  ExpectError("x = '''abc\n\ndef", "unterminated triple-quoted string literal (detected at line 3)",
              1, 5);
  ExpectError("x = f'{a'", "f-string: expecting '}'", 1, 9);
  ExpectError("x = b'a' 'b'", "cannot mix bytes and nonbytes literals", 1, 5);
  ExpectError("x = 'a' b'b'", "cannot mix bytes and nonbytes literals", 1, 5);
  ExpectError("x = b'\xE2\x82\xAC'", "bytes can only contain ASCII literal characters", 1, 5);
  ExpectError(R"(x = '\x4')",
              "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: "
              "truncated \\xXX escape",
              1, 5);
  ExpectError(R"(x = b'\x4')", "(value error) invalid \\x escape at position 0", 1, 5);
  ExpectError("f'{}'", "f-string: valid expression required before '}'", 1, 4);
  ExpectError("f'}'", "f-string: single '}' is not allowed", 1, 3);
  ExpectError("f'{x!z}'", "f-string: invalid conversion character 'z': expected 's', 'r', or 'a'",
              1, 6);
  ExpectError("f'{x!}'", "f-string: missing conversion character", 1, 6);
  ExpectError("f'{a b}'", "invalid syntax. Perhaps you forgot a comma?", 1, 4);
  ExpectError("f'{x;0}'", "f-string: expecting '=', or '!', or ':', or '}'", 1, 5);
  ExpectError("f'{x'", "f-string: expecting '}'", 1, 5);
  ExpectError("f'{'", "f-string: expecting '}'", 1, 4);
  ExpectError("x = f'abc", "unterminated f-string literal (detected at line 1)", 1, 5);
  ExpectError("x = f'{a}", "unterminated f-string literal (detected at line 1)", 1, 5);
  ExpectError("f'{lambda x: 1}'",
              "f-string: lambda expressions are not allowed without parentheses", 1, 4);
  EXPECT_EQ(E("f'{(lambda x: 1)}'"), "(f (fv (lambda (params x) 1)))");
  EXPECT_FALSE(Error("f'{x +}'").incomplete);
  ExpectError("f'{x!r x}'", "f-string: expecting '}'", 1, 7);
}

TEST(ParserErrorTest, Numbers) {
  ExpectError("x = 1abc", "invalid decimal literal", 1, 5);
  ExpectError("x = 12_", "invalid decimal literal", 1, 7);
  ExpectError("x = 1__0", "invalid decimal literal", 1, 6);
  ExpectError("x = 012",
              "leading zeros in decimal integer literals are not permitted; use an 0o prefix for "
              "octal integers",
              1, 5);
  ExpectError("x = 0x", "invalid hexadecimal literal", 1, 6);
  ExpectError("x = 0xg", "invalid hexadecimal literal", 1, 6);
  ExpectError("x = 0o8", "invalid digit '8' in octal literal", 1, 7);
  ExpectError("x = 0b12", "invalid digit '2' in binary literal", 1, 8);
  ExpectError("x = 1j", "complex numbers are not supported", 1, 5);
  ExpectError("x = 1.5e", "invalid decimal literal", 1, 7);
}

TEST(ParserErrorTest, Targets) {
  ExpectError("1 = x", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1);
  ExpectError("f() = 1",
              "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1);
  ExpectError("x = 1 = 2", "cannot assign to literal", 1, 5);
  ExpectError("x = f() = 2", "cannot assign to function call", 1, 5);
  ExpectError("a, 1 = x", "cannot assign to literal", 1, 4);
  ExpectError("[a, f()] = x", "cannot assign to function call", 1, 5);
  ExpectError("None = 1", "cannot assign to None", 1, 1);
  ExpectError("a + 1 = 2", "cannot assign to expression here. Maybe you meant '==' instead of '='?",
              1, 1);
  ExpectError("a < b = 1", "cannot assign to comparison", 1, 1);
  ExpectError("f() += 1", "'function call' is an illegal expression for augmented assignment", 1,
              1);
  ExpectError("a, b += 1", "'tuple' is an illegal expression for augmented assignment", 1, 1);
  ExpectError("del 1", "cannot delete literal", 1, 5);
  ExpectError("del f()", "cannot delete function call", 1, 5);
  ExpectError("del *a", "cannot delete starred", 1, 5);
  ExpectError("for 1 in x: pass", "cannot assign to literal", 1, 5);
  ExpectError("[x for 1 in y]", "cannot assign to literal", 1, 8);
  ExpectError("*a = b", "starred assignment target must be in a list or tuple", 1, 1);
  ExpectError("*a, *b = c", "multiple starred expressions in assignment", 1, 5);
  ExpectError("def f(a, a): pass", "duplicate argument 'a' in function definition", 1, 10);
  ExpectError("def f(a=1, b): pass", "parameter without a default follows parameter with a default",
              1, 12);
  ExpectError("def f(*): pass", "named parameters must follow bare *", 1, 7);
  ExpectError("def f(/): pass", "at least one parameter must precede /", 1, 7);
  ExpectError("lambda a, a: 1", "duplicate argument 'a' in function definition", 1, 11);
}

TEST(ParserErrorTest, Characters) {
  ExpectError("x = \xE2\x82\xAC", "invalid character '\xE2\x82\xAC' (U+20AC)", 1, 5);
  ExpectError("a\xE2\x82\xAC = 1", "invalid character '\xE2\x82\xAC' (U+20AC)", 1, 2);
  ExpectError("x = 1\xC2\xA0+ 2", "invalid non-printable character U+00A0", 1, 6);
  ExpectError("x = \x01", "invalid non-printable character U+0001", 1, 5);
  // Identifiers take XID_Start first and XID_Continue after it (CPython's
  // messages and columns).
  ExpectError("\xE2\x82\xAC = 1", "invalid character '\xE2\x82\xAC' (U+20AC)", 1, 1);
  ExpectError("x = 1 + \u2603", "invalid character '\u2603' (U+2603)", 1, 9);
  ExpectError("x = a\u2603b", "invalid character '\u2603' (U+2603)", 1, 6);
  ExpectError("x = ab\U0001F600cd", "invalid character '\U0001F600' (U+1F600)", 1, 7);
  ExpectError("\u0661 = 2", "invalid character '\u0661' (U+0661)", 1, 1);  // a digit first
  ExpectError("x = \u0300", "invalid character '\u0300' (U+0300)", 1, 5);
  ExpectError("x = 1\u0300", "invalid character '\u0300' (U+0300)", 1, 6);
  ExpectError("x = \u309B", "invalid character '\u309B' (U+309B)", 1, 5);  // not XID_Start
  ExpectError("x = ab\u200Bc", "invalid non-printable character U+200B", 1, 7);
  ExpectError("x = ab\u200B", "invalid non-printable character U+200B", 1, 7);
  ExpectError("x = \"a\" + \u2028", "invalid non-printable character U+2028", 1, 11);
  ExpectError("\u2003x = 1", "invalid non-printable character U+2003", 1, 1);
  ExpectError("x = a\x7F", "invalid non-printable character U+007F", 1, 6);
  // None, True and False cannot be spelled as identifiers (CPython raises
  // ValueError with this message).
  ExpectError("x = 1\n\uFF2E\uFF4F\uFF4E\uFF45 = 5",
              "identifier field can't represent 'None' constant", 2, 1);
  ExpectError("x.\uFF34\uFF52\uFF55\uFF45", "identifier field can't represent 'True' constant", 1,
              3);
  ExpectError("def f(\uFF26\uFF41\uFF4C\uFF53\uFF45): pass",
              "identifier field can't represent 'False' constant", 1, 7);
  // The first error in the source wins.
  ExpectError("\uFF2E\uFF4F\uFF4E\uFF45\nx = = 1",
              "identifier field can't represent 'None' constant", 1, 1);
  ExpectError("x = 1 \\ 2", "unexpected character after line continuation character", 1, 8);
  SyntaxErrorInfo error = Error("x = '\xFF'");
  EXPECT_NE(error.message.find("can't decode byte 0xff"), std::string::npos) << error.message;
  EXPECT_EQ(error.line, 1);
  error = Error(std::string("x = 1\0", 6));
  EXPECT_EQ(error.message, "source code cannot contain null bytes");
}

TEST(ParserErrorTest, CompileTimeErrorsComeAfterParseErrors) {
  // Errors CPython finds when compiling are reported only if parsing succeeds.
  ExpectError("*a = b\nx = = 1", "invalid syntax", 2, 5);
  ExpectError("f(a=1, a=2)\n(", "'(' was never closed", 2, 1);
  ExpectError("x = 1j\ny = *a", "complex numbers are not supported", 1, 5);
  // An invalid target is reported before an error in the value.
  ExpectError("a and b = f(1 2)", "cannot assign to expression", 1, 1);
}

TEST(ParserErrorTest, NewlineAfterComment) {
  ExpectError("def # comment\n", "invalid syntax", 1, 5);
  ExpectError("if x  # comment\n  pass", "expected ':'", 1, 7);
}

TEST(ParserErrorTest, ErrorText) {
  SyntaxErrorInfo error = Error("x = 1\ny = (1 +\n  2 3\n");
  EXPECT_EQ(error.line, 2);
  EXPECT_EQ(error.text, "y = (1 +");
  error = Error("a = 1\nb = = 2\nc = 3");
  EXPECT_EQ(error.text, "b = = 2");
}

TEST(ParserErrorTest, Incomplete) {
  EXPECT_TRUE(Error("if x:\n").incomplete);
  EXPECT_TRUE(Error("if x:").incomplete);
  EXPECT_TRUE(Error("def f():\n  if x:\n").incomplete);
  EXPECT_TRUE(Error("x = (1,\n").incomplete);
  EXPECT_TRUE(Error("x = [1, {2: (").incomplete);
  EXPECT_TRUE(Error("s = '''abc\n").incomplete);
  EXPECT_TRUE(Error("x = 1 + \\\n").incomplete);
  EXPECT_TRUE(Error("@decorator\n").incomplete);
  EXPECT_EQ(Error("x = 1 + \\\n").message, "unexpected EOF while parsing");
  EXPECT_TRUE(Error("x = 1 + \\").incomplete);
  EXPECT_EQ(Error("x = 1 + \\").message, "unexpected EOF while parsing");
  EXPECT_FALSE(Error("x = = 1").incomplete);
  EXPECT_FALSE(Error("x = 'abc").incomplete);
  EXPECT_FALSE(Error("x = 1 +\n").incomplete);
  EXPECT_FALSE(Error("if x:\npass").incomplete);
  EXPECT_FALSE(Error("x = (1]").incomplete);
}

// ============================================================================
// Limits and robustness
// ============================================================================

TEST(ParserLimitTest, DeepNesting) {
  ExpectError(std::string(100000, '('), "too many nested parentheses", 1, 201);
  ExpectError("x = " + std::string(300, '[') + std::string(300, ']'), "too many nested parentheses",
              1, 205);
  EXPECT_EQ(P("x = " + std::string(150, '(') + "1" + std::string(150, ')')), "(= x 1)");
  EXPECT_FALSE(Parse("x = " + std::string(100000, '-') + "1").module);
  EXPECT_FALSE(Parse("x = " + std::string(100000, '~') + "1").module);
  EXPECT_TRUE(Parse("x = " + std::string(50000, 'n')).module);
  std::string nots;
  for (int i = 0; i < 50000; ++i) nots += "not ";
  EXPECT_FALSE(Parse(nots + "x").module);
  std::string sum = "x = 1";
  for (int i = 0; i < 50000; ++i) sum += " + 1";
  EXPECT_FALSE(Parse(sum).module);
  std::string chain = "x = a";
  for (int i = 0; i < 50000; ++i) chain += ".b";
  EXPECT_FALSE(Parse(chain).module);
  std::string power = "x = 2";
  for (int i = 0; i < 50000; ++i) power += "**2";
  EXPECT_FALSE(Parse(power).module);
  std::string lambdas;
  for (int i = 0; i < 50000; ++i) lambdas += "lambda: ";
  EXPECT_FALSE(Parse(lambdas + "0").module);
  std::string ifs = "x = 1";
  for (int i = 0; i < 50000; ++i) ifs += " if a else 1";
  EXPECT_FALSE(Parse(ifs).module);
  std::string fstring = "x = ";
  for (int i = 0; i < 300; ++i) fstring += (i % 2 ? "f\"{" : "f'{");
  EXPECT_FALSE(Parse(fstring).module);
  // Long but shallow code is fine.
  std::string sum500 = "x = 1";
  for (int i = 0; i < 500; ++i) sum500 += " + 1";
  EXPECT_TRUE(Parse(sum500).module);
  std::string statements;
  for (int i = 0; i < 20000; ++i) statements += "x = 1\n";
  EXPECT_TRUE(Parse(statements).module);
}

TEST(ParserLimitTest, DeepBlocks) {
  std::string source;
  for (int i = 0; i < 150; ++i) source += std::string(i, ' ') + "if x:\n";
  source += std::string(150, ' ') + "pass\n";
  SyntaxErrorInfo error = Error(source);
  EXPECT_EQ(error.message, "too many levels of indentation");
  source.clear();
  for (int i = 0; i < 50; ++i) source += std::string(i, ' ') + "if x:\n";
  source += std::string(50, ' ') + "pass\n";
  EXPECT_TRUE(Parse(source).module);
}

TEST(ParserLimitTest, RandomInputsDoNotCrash) {
  std::mt19937 random(12345);
  const std::string alphabet =
      "abcdefxyz0123456789_ \t\n\r\\'\"#()[]{}:;,.+-*/%<>=!&|^~@$?`fbrujFBRUJeEoOxX";
  for (int i = 0; i < 3000; ++i) {
    std::string source;
    int length = random() % 80;
    for (int j = 0; j < length; ++j) {
      source.push_back(i % 5 == 0 ? static_cast<char>(random() % 256)
                                  : alphabet[random() % alphabet.size()]);
    }
    ParseResult result = Parse(source);
    if (!result.module) {
      EXPECT_FALSE(result.error.message.empty()) << source;
      EXPECT_GE(result.error.line, 1) << source;
    }
  }
}

const char* const kSeeds[] = {
    "def f(a, b=1, *c, d, **e):\n    return [x for x in a if x] + {k: v for k, v in e}\n",
    "class A(B, metaclass=M):\n    @property\n    def x(self): return f'{self.y!r:>{w}}'\n",
    "try:\n    a, *b = c\nexcept (E, F) as e:\n    raise G from e\nfinally:\n    pass\n",
    "for i in range(10):\n    if i % 2: continue\n    while x: x -= 1\nelse: print(i)\n",
    "x = 0x_ff + 0o17 + 0b1 + 1_000.5e-3 + .5 + 1. ; y = b'\\x00' rb'\\d'\nz = '\\u20ac'\n",
    "lambda a, /, b, *, c: (a if b else c) ** -2 // 3 % 4\n",
    "import a.b as c, d\nfrom .e import (f, g as h)\nglobal i; del j[k:l:m], n.o\n",
};

TEST(ParserLimitTest, MutatedInputsDoNotCrash) {
  std::mt19937 random(54321);
  for (const char* seed : kSeeds) {
    ASSERT_TRUE(Parse(seed).module) << seed << P(seed);
    for (int i = 0; i < 800; ++i) {
      std::string source = seed;
      int edits = 1 + random() % 4;
      for (int e = 0; e < edits && !source.empty(); ++e) {
        size_t at = random() % source.size();
        switch (random() % 4) {
          case 0:
            source.erase(at, 1 + random() % 3);
            break;
          case 1:
            source.insert(at, 1, seed[random() % std::string_view(seed).size()]);
            break;
          case 2:
            source[at] = static_cast<char>(random() % 128);
            break;
          default:
            source = source.substr(0, at);
            break;
        }
      }
      ParseResult result = Parse(source);
      if (!result.module) {
        EXPECT_FALSE(result.error.message.empty()) << source;
      }
    }
  }
}

// ============================================================================
// The CPython oracle scripts (tests/golden/cpython_oracle/*.py) all parse.
// ============================================================================

TEST(ParserTest, OracleScriptsParse) {
  int parsed = 0;
  for (const auto& entry : std::filesystem::directory_iterator("tests/golden/cpython_oracle")) {
    if (entry.path().extension() != ".py") continue;
    std::ifstream file(entry.path(), std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    ParseResult result = Parse(text);
    EXPECT_TRUE(result.module) << entry.path() << ": " << result.error.message << " at line "
                               << result.error.line << ":" << result.error.column;
    ++parsed;
  }
  EXPECT_GE(parsed, 6);
}

TEST(ParserTest, OracleScriptShapes) {
  EXPECT_EQ(P("print(2 ** 100, (2 ** 100) // 3, -(2 ** 64) % 7, hex(255) if False else 255)"),
            "(expr (call print (** 2 100) (// (** 2 100) 3) (% (neg (** 2 64)) 7) "
            "(if False (call hex 255) 255)))");
  EXPECT_EQ(P("print(repr(b\"\\x00ab\"))"), "(expr (call print (call repr b'\\x00ab')))");
  EXPECT_EQ(P("check(lambda: (1).foo)"), "(expr (call check (lambda (params) (. 1 foo))))");
  EXPECT_EQ(P("got = sorted(results.get() for _ in range(3))"),
            "(= got (call sorted (genexp (call (. results get)) (for _ (call range 3)))))");
  EXPECT_EQ(P("a.exec(\"value = 'from a'\\nclass OnlyA(str): pass\")"),
            "(expr (call (. a exec) 'value = \\'from a\\'\\nclass OnlyA(str): pass'))");
}

}  // namespace
}  // namespace islet::lang
