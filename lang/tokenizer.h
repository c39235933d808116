// The tokenizer of islet's Python subset: source text to tokens, the first half
// of lang/parser.h. It follows CPython's tokenizer: INDENT/DEDENT from leading
// whitespace (tabs to multiples of 8), NEWLINE only outside brackets, and
// errors with CPython's messages and positions ("unterminated string literal
// (detected at line 1)", "unmatched ')'", "invalid decimal literal", ...).
//
//   TokenizeResult tokens = Tokenize(source);
//   for (const Token& token : tokens.tokens) ...   // ends with kEndMarker or kError
//   if (tokens.error) report(*tokens.error);
//
// Tokenizing stops at the first error: the last token is then kError, at the
// error's place, so a parser reports the error when it reaches it (as CPython,
// which tokenizes lazily). String and number tokens keep their source text; the
// helpers at the end of this file turn them into values (escapes, f-string
// fields, big integers).

#ifndef ISLET_LANG_TOKENIZER_H_
#define ISLET_LANG_TOKENIZER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lang/ast.h"
#include "lang/parser.h"

namespace islet::lang {

enum class TokenKind : uint8_t {
  kName,       // identifiers and keywords
  kNumber,     // 12, 0x1F, 1.5e3 (validated; see NumberValue)
  kString,     // one literal with its prefix and quotes: rb'\x00', f"{x}"
  kOp,         // operators and delimiters: + ** //= ( ) : -> ...
  kNewline,    // the end of a logical line
  kIndent,     // the line is indented deeper than the enclosing block
  kDedent,     // one per block the line closes
  kEndMarker,  // the end of the input
  kError,      // tokenizing stopped here; see TokenizeResult::error
};

// Token is one token; `text` is its source text (empty for kIndent, kDedent,
// kEndMarker and a NEWLINE added at the end of input).
struct Token {
  TokenKind kind = TokenKind::kEndMarker;
  std::string_view text;
  Location start;
  Location end;  // just past the token

  bool Is(TokenKind k, std::string_view t) const { return kind == k && text == t; }
  bool IsOp(std::string_view op) const { return Is(TokenKind::kOp, op); }
};

// TokenizeOptions place the text inside a larger source (f-string fields).
struct TokenizeOptions {
  Location start = {1, 1};  // where the text's first character is
  // The text is a bracketed expression (an f-string field): newlines join lines
  // and no NEWLINE, INDENT or DEDENT is produced.
  bool in_brackets = false;
};

struct TokenizeResult {
  std::vector<Token> tokens;
  std::optional<SyntaxErrorInfo> error;  // `text` is left empty: Parse fills it in
  // What the error is, for a parser that found a generic "invalid syntax"
  // earlier: CPython then looks for a tokenizer error in the rest of the
  // source and reports it instead, except an unclosed bracket opened on the
  // same line or later, the end of input after a backslash, and errors
  // inside f-strings.
  enum class ErrorKind : uint8_t { kToken, kUnclosedBracket, kEndOfInput, kInFString };
  ErrorKind error_kind = ErrorKind::kToken;
};

// Tokenize splits `source` (UTF-8) into tokens.
TokenizeResult Tokenize(std::string_view source, TokenizeOptions options = {});

// IsKeyword says whether `name` is a reserved word (`if`, `None`, `lambda`, ...).
bool IsKeyword(std::string_view name);

// --- Literal values ---

// NumberValue turns a kNumber token's text into a Constant (kInt, kBigInt or
// kFloat). Returns false, with `error` set, for imaginary literals (islet has
// no complex numbers).
bool NumberValue(std::string_view text, Constant* value, std::string* error);

// StringParts splits a kString token: prefix flags, quote length and body.
struct StringParts {
  bool raw = false;
  bool bytes = false;
  bool formatted = false;
  int quote_size = 1;      // 1 or 3
  size_t body_offset = 0;  // where the body starts in the token text
  std::string_view body;   // between the quotes
};
StringParts SplitString(std::string_view token_text);

// DecodeLiteral appends the value of literal text (a string body, or a literal
// stretch of an f-string) to `out`, decoding escapes unless `raw`. In bytes
// only ASCII characters are allowed and \u, \U, \N are not escapes. Returns
// false with `error` set (CPython's message) for a bad escape.
bool DecodeLiteral(std::string_view text, bool raw, bool bytes, std::string* out,
                   std::string* error);

// FindFieldEnd scans the expression of an f-string replacement field starting
// at `pos` (just past its '{') and returns where it ends: the position of the
// first '}', ':', '!' (not '!=') or self-documenting '=' outside brackets and
// nested strings; text.size() if there is none.
size_t FindFieldEnd(std::string_view text, size_t pos);

// Advance moves `location` over `text` (lines, code points).
Location Advance(Location location, std::string_view text);

}  // namespace islet::lang

#endif  // ISLET_LANG_TOKENIZER_H_
