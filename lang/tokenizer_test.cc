#include "lang/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace islet::lang {
namespace {

const char* KindName(TokenKind kind) {
  switch (kind) {
    case TokenKind::kName:
      return "NAME";
    case TokenKind::kNumber:
      return "NUMBER";
    case TokenKind::kString:
      return "STRING";
    case TokenKind::kOp:
      return "OP";
    case TokenKind::kNewline:
      return "NEWLINE";
    case TokenKind::kIndent:
      return "INDENT";
    case TokenKind::kDedent:
      return "DEDENT";
    case TokenKind::kEndMarker:
      return "END";
    case TokenKind::kError:
      return "ERROR";
  }
  return "?";
}

// "KIND:text@line:column" for each token, space-separated.
std::string Tokens(std::string_view source, TokenizeOptions options = {}) {
  TokenizeResult result = Tokenize(source, options);
  std::string out;
  for (const Token& token : result.tokens) {
    if (!out.empty()) out += " ";
    out += KindName(token.kind);
    if (!token.text.empty() && token.kind != TokenKind::kNewline) {
      out += ":" + std::string(token.text);
    }
    out += "@" + std::to_string(token.start.line) + ":" + std::to_string(token.start.column);
  }
  if (result.error) out += " [" + result.error->message + "]";
  return out;
}

TEST(TokenizerTest, SimpleLine) {
  EXPECT_EQ(Tokens("x = 1"), "NAME:x@1:1 OP:=@1:3 NUMBER:1@1:5 NEWLINE@1:6 END@1:6");
  EXPECT_EQ(Tokens("x=1\n"), "NAME:x@1:1 OP:=@1:2 NUMBER:1@1:3 NEWLINE@1:4 END@1:4");
  EXPECT_EQ(Tokens(""), "END@1:1");
  EXPECT_EQ(Tokens("\n\n  # comment\n"), "END@3:12");
}

TEST(TokenizerTest, Operators) {
  EXPECT_EQ(Tokens("a**=b//=c>>=d<<=e...f->g!=h:=i"),
            "NAME:a@1:1 OP:**=@1:2 NAME:b@1:5 OP://=@1:6 NAME:c@1:9 OP:>>=@1:10 NAME:d@1:13 "
            "OP:<<=@1:14 NAME:e@1:17 OP:...@1:18 NAME:f@1:21 OP:->@1:22 NAME:g@1:24 OP:!=@1:25 "
            "NAME:h@1:27 OP::=@1:28 NAME:i@1:30 NEWLINE@1:31 END@1:31");
  EXPECT_EQ(Tokens("a.b"), "NAME:a@1:1 OP:.@1:2 NAME:b@1:3 NEWLINE@1:4 END@1:4");
}

TEST(TokenizerTest, Indentation) {
  EXPECT_EQ(Tokens("if x:\n  y\n  z\nw\n"),
            "NAME:if@1:1 NAME:x@1:4 OP::@1:5 NEWLINE@1:6 INDENT@2:3 NAME:y@2:3 NEWLINE@2:4 "
            "NAME:z@3:3 NEWLINE@3:4 DEDENT@4:1 NAME:w@4:1 NEWLINE@4:2 END@4:2");
  EXPECT_EQ(Tokens("if x:\n  if y:\n    z"),
            "NAME:if@1:1 NAME:x@1:4 OP::@1:5 NEWLINE@1:6 INDENT@2:3 NAME:if@2:3 NAME:y@2:6 "
            "OP::@2:7 NEWLINE@2:8 INDENT@3:5 NAME:z@3:5 NEWLINE@3:6 DEDENT@3:6 DEDENT@3:6 "
            "END@3:6");
  // A tab moves to the next multiple of 8: a tab and 8 spaces are the same level.
  EXPECT_EQ(Tokens("if x:\n\ty\n\tz\n"),
            "NAME:if@1:1 NAME:x@1:4 OP::@1:5 NEWLINE@1:6 INDENT@2:2 NAME:y@2:2 NEWLINE@2:3 "
            "NAME:z@3:2 NEWLINE@3:3 DEDENT@3:3 END@3:3");
  // Blank and comment lines do not change the indentation.
  EXPECT_EQ(Tokens("if x:\n  y\n\n# c\n      \n  z\n"),
            "NAME:if@1:1 NAME:x@1:4 OP::@1:5 NEWLINE@1:6 INDENT@2:3 NAME:y@2:3 NEWLINE@2:4 "
            "NAME:z@6:3 NEWLINE@6:4 DEDENT@6:4 END@6:4");
  EXPECT_EQ(Tokens("if x:\n    a\n  b\n"),
            "NAME:if@1:1 NAME:x@1:4 OP::@1:5 NEWLINE@1:6 INDENT@2:5 NAME:a@2:5 NEWLINE@2:6 "
            "DEDENT@3:3 ERROR@3:4 [unindent does not match any outer indentation level]");
}

TEST(TokenizerTest, LineJoining) {
  EXPECT_EQ(Tokens("(a,\n  b)\n"),
            "OP:(@1:1 NAME:a@1:2 OP:,@1:3 NAME:b@2:3 OP:)@2:4 NEWLINE@2:5 END@2:5");
  EXPECT_EQ(Tokens("a = \\\n  b\n"), "NAME:a@1:1 OP:=@1:3 NAME:b@2:3 NEWLINE@2:4 END@2:4");
  EXPECT_EQ(Tokens("[\n  # c\n]"), "OP:[@1:1 OP:]@3:1 NEWLINE@3:2 END@3:2");
}

TEST(TokenizerTest, Numbers) {
  EXPECT_EQ(Tokens("0x1F 0o7 0b1 1_0 1.5 .5 1. 1e5 1E-5 1j 0 00 0_0"),
            "NUMBER:0x1F@1:1 NUMBER:0o7@1:6 NUMBER:0b1@1:10 NUMBER:1_0@1:14 NUMBER:1.5@1:18 "
            "NUMBER:.5@1:22 NUMBER:1.@1:25 NUMBER:1e5@1:28 NUMBER:1E-5@1:32 NUMBER:1j@1:37 "
            "NUMBER:0@1:40 NUMBER:00@1:42 NUMBER:0_0@1:45 NEWLINE@1:48 END@1:48");
  EXPECT_EQ(Tokens("1if"), "NUMBER:1@1:1 NAME:if@1:2 NEWLINE@1:4 END@1:4");
  EXPECT_EQ(Tokens("1abc"), "ERROR@1:1 [invalid decimal literal]");
}

TEST(TokenizerTest, Strings) {
  EXPECT_EQ(Tokens("'a' \"b\" '''c\nd''' rb'x' F\"y\" u'z'"),
            "STRING:'a'@1:1 STRING:\"b\"@1:5 STRING:'''c\nd'''@1:9 STRING:rb'x'@2:6 "
            "STRING:F\"y\"@2:12 STRING:u'z'@2:17 NEWLINE@2:21 END@2:21");
  EXPECT_EQ(Tokens(R"('a\'b')"), R"(STRING:'a\'b'@1:1 NEWLINE@1:7 END@1:7)");
  EXPECT_EQ(Tokens(R"(r'a\'b')"), R"(STRING:r'a\'b'@1:1 NEWLINE@1:8 END@1:8)");
  // An f-string's fields may hold strings with the same quotes (PEP 701).
  EXPECT_EQ(Tokens(R"(f"{d["k"]}" x)"),
            R"(STRING:f"{d["k"]}"@1:1 NAME:x@1:13 NEWLINE@1:14 END@1:14)");
  EXPECT_EQ(Tokens("br'x'"), "STRING:br'x'@1:1 NEWLINE@1:6 END@1:6");
  // Not prefixes: names followed by strings.
  EXPECT_EQ(Tokens("bf'x'"), "NAME:bf@1:1 STRING:'x'@1:3 NEWLINE@1:6 END@1:6");
  EXPECT_EQ(Tokens("'abc"), "ERROR@1:1 [unterminated string literal (detected at line 1)]");
}

TEST(TokenizerTest, Unicode) {
  EXPECT_EQ(Tokens("\xC3\xA9t\xC3\xA9 = '\xE2\x82\xAC' + x"),
            "NAME:\xC3\xA9t\xC3\xA9@1:1 OP:=@1:5 STRING:'\xE2\x82\xAC'@1:7 OP:+@1:11 "
            "NAME:x@1:13 NEWLINE@1:14 END@1:14");
  EXPECT_EQ(Tokens("\xE2\x82\xAC"), "ERROR@1:1 [invalid character '\xE2\x82\xAC' (U+20AC)]");
  EXPECT_EQ(Tokens("\xF0\x9F\x98\x80"),
            "ERROR@1:1 [invalid character '\xF0\x9F\x98\x80' (U+1F600)]");
}

TEST(TokenizerTest, FieldExpressions) {
  TokenizeOptions options;
  options.start = {3, 7};
  options.in_brackets = true;
  EXPECT_EQ(Tokens("a +\n b", options), "NAME:a@3:7 OP:+@3:9 NAME:b@4:2 END@4:3");
}

TEST(TokenizerTest, LiteralHelpers) {
  std::string out, error;
  EXPECT_TRUE(DecodeLiteral(R"(a\tb\x41\101\u00e9\q)", false, false, &out, &error)) << error;
  EXPECT_EQ(out, "a\tbAA\xC3\xA9\\q");
  out.clear();
  EXPECT_TRUE(DecodeLiteral(R"(\u00e9)", false, true, &out, &error));
  EXPECT_EQ(out, R"(\u00e9)");
  out.clear();
  EXPECT_FALSE(DecodeLiteral(R"(\U00110000)", false, false, &out, &error));
  EXPECT_NE(error.find("illegal Unicode character"), std::string::npos);

  StringParts parts = SplitString("Rb'''x'''");
  EXPECT_TRUE(parts.raw);
  EXPECT_TRUE(parts.bytes);
  EXPECT_FALSE(parts.formatted);
  EXPECT_EQ(parts.quote_size, 3);
  EXPECT_EQ(parts.body, "x");

  std::string_view field = "a[':'] + {'k': 1}['k']!r:>10}";
  EXPECT_EQ(FindFieldEnd(field, 0), field.find('!'));
  EXPECT_EQ(FindFieldEnd("x == y}", 0), 6u);
  EXPECT_EQ(FindFieldEnd("x=}", 0), 1u);

  Constant value;
  EXPECT_TRUE(NumberValue("0b1111", &value, &error));
  EXPECT_EQ(value.integer, 15);
  EXPECT_TRUE(NumberValue("1_0.0_1", &value, &error));
  EXPECT_DOUBLE_EQ(value.real, 10.01);
  EXPECT_FALSE(NumberValue("2J", &value, &error));

  EXPECT_TRUE(IsKeyword("lambda"));
  EXPECT_FALSE(IsKeyword("match"));
}

}  // namespace
}  // namespace islet::lang
