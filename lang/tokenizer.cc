#include "lang/tokenizer.h"

#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>
#include <system_error>

#include "absl/strings/str_format.h"
#include "objects/unicode/unicode_db.h"

namespace islet::lang {
namespace {

// CPython's limit on indentation levels (MAXINDENT); deeper is an IndentationError.
constexpr int kMaxIndentLevels = 100;
constexpr int kTabSize = 8;

// ============================================================================
// UTF-8 and characters
// ============================================================================

// Length of the UTF-8 sequence starting at s[pos] (1 for ASCII), or 0 if it is
// not valid UTF-8 (overlong forms and surrogates included).
size_t Utf8Length(std::string_view s, size_t pos, char32_t* code_point) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  unsigned char lead = byte(pos);
  if (lead < 0x80) {
    *code_point = lead;
    return 1;
  }
  size_t length;
  char32_t value;
  char32_t min;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, value = lead & 0x1F, min = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, value = lead & 0x0F, min = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, value = lead & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (pos + length > s.size()) return 0;
  for (size_t i = 1; i < length; ++i) {
    if ((byte(pos + i) & 0xC0) != 0x80) return 0;
    value = (value << 6) | (byte(pos + i) & 0x3F);
  }
  if (value < min || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0;
  *code_point = value;
  return length;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHexDigit(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
// Could start or continue an identifier (non-ASCII is checked after scanning).
bool IsNameChar(char c) {
  return IsAsciiLetter(c) || IsDigit(c) || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

// Whether the code point may be part of an identifier (PEP 3131), at its
// start or after it; NFKC comes later (Parser::Identifier).
bool IsIdentifierChar(char32_t cp, bool first) {
  return first ? unicode::IsXidStart(cp) || cp == '_' : unicode::IsXidContinue(cp);
}

std::string InvalidCharacterMessage(char32_t cp) {
  if (!unicode::IsPrintable(cp)) {
    return absl::StrFormat("invalid non-printable character U+%04X", cp);
  }
  std::string text;
  AppendUtf8(cp, &text);
  return absl::StrFormat("invalid character '%s' (U+%04X)", text, cp);
}

bool IsStringPrefix(std::string_view name) {
  if (name.size() > 2) return false;
  int r = 0, b = 0, f = 0, u = 0;
  for (char c : name) {
    switch (c | 0x20) {
      case 'r':
        ++r;
        break;
      case 'b':
        ++b;
        break;
      case 'f':
        ++f;
        break;
      case 'u':
        ++u;
        break;
      default:
        return false;
    }
  }
  if (r > 1 || b > 1 || f > 1 || u > 1) return false;
  if (u == 1) return name.size() == 1;
  return !(b == 1 && f == 1);
}

bool IsQuote(char c) { return c == '\'' || c == '"'; }

// ============================================================================
// Scanning string literals (pure functions over the text, shared with the
// parser's f-string handling)
// ============================================================================

size_t StringEnd(std::string_view s, size_t pos, int depth);
size_t ReplacementFieldEnd(std::string_view s, size_t pos, char quote, int quote_size, int depth);
size_t FormatSpecEnd(std::string_view s, size_t pos, char quote, int quote_size, int depth);

// Where the string literal whose prefix starts at `pos` ends: just past its
// closing quote, or npos if it is unterminated (or nested too deeply).
size_t StringEnd(std::string_view s, size_t pos, int depth) {
  if (depth > kMaxNesting) return std::string_view::npos;
  bool formatted = false;
  while (pos < s.size() && !IsQuote(s[pos])) {
    formatted |= (s[pos] | 0x20) == 'f';
    ++pos;
  }
  if (pos >= s.size()) return std::string_view::npos;
  char quote = s[pos];
  int quote_size = s.substr(pos, 3) == std::string(3, quote) ? 3 : 1;
  pos += quote_size;
  while (pos < s.size()) {
    char c = s[pos];
    if (c == '\\') {
      // A backslash escapes the next character, but not an f-string's '{'.
      pos += (formatted && pos + 1 < s.size() && s[pos + 1] == '{') ? 1 : 2;
    } else if ((c == '\n' || c == '\r') && quote_size == 1) {
      return std::string_view::npos;
    } else if (formatted && c == '{') {
      if (pos + 1 < s.size() && s[pos + 1] == '{') {
        pos += 2;
      } else {
        pos = ReplacementFieldEnd(s, pos + 1, quote, quote_size, depth + 1);
        if (pos == std::string_view::npos) return pos;
      }
    } else if (c == quote && (quote_size == 1 || s.substr(pos, 3) == std::string(3, quote))) {
      return pos + quote_size;
    } else {
      ++pos;
    }
  }
  return std::string_view::npos;
}

// The expression of a replacement field, from `pos`: where it stops (see
// FindFieldEnd), or npos.
size_t FieldExpressionEnd(std::string_view s, size_t pos, int depth) {
  int brackets = 0;
  while (pos < s.size()) {
    char c = s[pos];
    if (IsQuote(c)) {
      pos = StringEnd(s, pos, depth + 1);
      if (pos == std::string_view::npos) return pos;
      continue;
    }
    if (IsNameChar(c)) {
      size_t start = pos;
      while (pos < s.size() && IsNameChar(s[pos])) ++pos;
      if (pos < s.size() && IsQuote(s[pos]) && IsStringPrefix(s.substr(start, pos - start))) {
        pos = StringEnd(s, start, depth + 1);
        if (pos == std::string_view::npos) return pos;
      }
      continue;
    }
    bool followed_by_equal = pos + 1 < s.size() && s[pos + 1] == '=';
    switch (c) {
      case '(':
      case '[':
      case '{':
        ++brackets;
        break;
      case ')':
      case ']':
      case '}':
        if (brackets == 0) return pos;
        --brackets;
        break;
      case ':':
        if (brackets == 0) return pos;
        break;
      case '!':
      case '=':
      case '<':
      case '>':
        if (followed_by_equal) {
          ++pos;
        } else if (brackets == 0 && (c == '!' || c == '=')) {
          return pos;
        }
        break;
      case '#':
        while (pos < s.size() && s[pos] != '\n') ++pos;
        continue;
      case '\\':
        ++pos;
        break;
      default:
        break;
    }
    ++pos;
  }
  return std::string_view::npos;
}

// A whole replacement field from just past its '{': just past its '}', or npos.
// Lenient: only the field's end matters here; the parser reports bad fields.
size_t ReplacementFieldEnd(std::string_view s, size_t pos, char quote, int quote_size, int depth) {
  if (depth > kMaxNesting) return std::string_view::npos;
  for (pos = FieldExpressionEnd(s, pos, depth); pos != std::string_view::npos;
       pos = FieldExpressionEnd(s, pos + 1, depth)) {
    if (s[pos] == '}') return pos + 1;
    if (s[pos] == ':') return FormatSpecEnd(s, pos + 1, quote, quote_size, depth);
    // '=' or '!': the field goes on.
  }
  return pos;
}

// A format spec from just past its ':': just past the field's '}', or npos.
size_t FormatSpecEnd(std::string_view s, size_t pos, char quote, int quote_size, int depth) {
  while (pos < s.size() && s[pos] != '}') {
    char c = s[pos];
    if ((c == '\n' && quote_size == 1) ||
        (c == quote && (quote_size == 1 || s.substr(pos, 3) == std::string(3, quote)))) {
      return std::string_view::npos;
    }
    if (c == '{') {
      pos = ReplacementFieldEnd(s, pos + 1, quote, quote_size, depth + 1);
      if (pos == std::string_view::npos) return pos;
    } else {
      // A backslash escapes the next character, but never a brace.
      bool escapes = c == '\\' && pos + 1 < s.size() && s[pos + 1] != '{' && s[pos + 1] != '}';
      pos += escapes ? 2 : 1;
    }
  }
  return pos < s.size() ? pos + 1 : std::string_view::npos;
}

// ============================================================================
// The tokenizer
// ============================================================================

constexpr std::string_view kThreeCharOps[] = {"**=", "//=", ">>=", "<<=", "..."};
constexpr std::string_view kTwoCharOps[] = {
    "!=", "%=", "&=", "**", "*=", "+=", "-=", "->", "//", "/=",
    ":=", "<<", "<=", "==", ">=", ">>", "@=", "^=", "|="};
constexpr std::string_view kOneCharOps = "!%&()*+,-./:;<=>@[]^{|}~$?`";

class Tokenizer {
 public:
  Tokenizer(std::string_view source, TokenizeOptions options)
      : source_(source), options_(options), location_(options.start) {}

  TokenizeResult Run();

 private:
  // --- The cursor ---
  bool AtEnd() const { return pos_ >= source_.size(); }
  char Peek(size_t ahead = 0) const {
    return pos_ + ahead < source_.size() ? source_[pos_ + ahead] : '\0';
  }
  bool AtNewline() const { return Peek() == '\n' || Peek() == '\r'; }
  void Bump();              // one code point
  void BumpNewline();       // \n, \r\n or \r
  void BumpTo(size_t end);  // up to a byte offset
  char32_t PeekCodePoint() const;

  // --- Producing tokens and errors ---
  void Emit(TokenKind kind, size_t start, Location start_location);
  void EmitAt(TokenKind kind, Location location);
  void Fail(std::string message, Location location, bool incomplete = false,
            SyntaxErrorInfo::Kind kind = SyntaxErrorInfo::Kind::kSyntax);
  bool InBrackets() const { return options_.in_brackets || !brackets_.empty(); }

  // --- One step each ---
  void Step();
  void HandleIndentation();
  bool MeasureIndentation(int* column, int* alt_column);
  bool ChangeIndentation(int column, int alt_column);
  int LineLengthFromHere() const;
  void HandleNewline();
  void HandleContinuation();
  void ScanNameOrString();
  void ScanString(size_t start, Location start_location);
  size_t ClosingQuote(size_t start, const StringParts& parts) const;
  bool VerifyName(size_t start, Location start_location);
  void ScanNumber();
  bool ScanDigits(bool (*is_digit)(char), const char* kind);
  bool ScanDecimalTail();
  bool VerifyEndOfNumber(const char* kind);
  void ScanOperator();
  bool OpenBracket(char c, Location location);
  bool CloseBracket(char c, Location location);
  void Finish();

  std::string_view source_;
  TokenizeOptions options_;
  size_t pos_ = 0;
  Location location_;
  TokenizeResult result_;
  bool at_line_start_ = true;
  bool line_has_tokens_ = false;
  bool after_comment_ = false;  // the last thing scanned was a comment
  Location last_newline_;       // where the last newline consumed was
  Location comment_start_;
  std::vector<int> indents_ = {0};
  std::vector<int> alt_indents_ = {0};
  struct Bracket {
    char c;
    Location location;
  };
  std::vector<Bracket> brackets_;
};

void Tokenizer::Bump() {
  if (AtEnd()) return;
  if (AtNewline()) return BumpNewline();
  char32_t cp;
  size_t length = Utf8Length(source_, pos_, &cp);
  pos_ += length == 0 ? 1 : length;
  ++location_.column;
}

void Tokenizer::BumpNewline() {
  last_newline_ = location_;
  if (Peek() == '\r' && Peek(1) == '\n') ++pos_;
  ++pos_;
  ++location_.line;
  location_.column = 1;
}

void Tokenizer::BumpTo(size_t end) {
  while (pos_ < end && !AtEnd()) Bump();
}

char32_t Tokenizer::PeekCodePoint() const {
  char32_t cp = 0;
  if (!AtEnd() && Utf8Length(source_, pos_, &cp) == 0) cp = 0xFFFD;
  return cp;
}

void Tokenizer::Emit(TokenKind kind, size_t start, Location start_location) {
  result_.tokens.push_back(
      Token{kind, source_.substr(start, pos_ - start), start_location, location_});
  line_has_tokens_ = true;
}

void Tokenizer::EmitAt(TokenKind kind, Location location) {
  result_.tokens.push_back(Token{kind, {}, location, location});
}

void Tokenizer::Fail(std::string message, Location location, bool incomplete,
                     SyntaxErrorInfo::Kind kind) {
  SyntaxErrorInfo error;
  error.kind = kind;
  error.message = std::move(message);
  error.line = location.line;
  error.column = location.column;
  error.incomplete = incomplete;
  result_.error = std::move(error);
  EmitAt(TokenKind::kError, location);
}

TokenizeResult Tokenizer::Run() {
  while (!result_.error) {
    if (at_line_start_ && !InBrackets()) {
      at_line_start_ = false;
      HandleIndentation();
      continue;
    }
    if (AtEnd()) {
      Finish();
      break;
    }
    Step();
  }
  return std::move(result_);
}

void Tokenizer::Step() {
  char c = Peek();
  if (c != '#' && c != '\n' && c != '\r') after_comment_ = false;
  if (c == ' ' || c == '\t' || c == '\f') {
    Bump();
  } else if (c == '#') {
    comment_start_ = location_;
    while (!AtEnd() && !AtNewline()) Bump();
    after_comment_ = true;
    return;
  } else if (c == '\n' || c == '\r') {
    HandleNewline();
  } else if (c == '\\') {
    HandleContinuation();
  } else if (IsNameChar(c)) {
    if (IsDigit(c)) return ScanNumber();
    ScanNameOrString();
  } else if (IsQuote(c)) {
    ScanString(pos_, location_);
  } else if (c == '.' && IsDigit(Peek(1))) {
    ScanNumber();
  } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
    Fail(InvalidCharacterMessage(static_cast<unsigned char>(c)), location_);
  } else {
    ScanOperator();
  }
}

// --- Indentation ---

bool Tokenizer::MeasureIndentation(int* column, int* alt_column) {
  *column = 0;
  *alt_column = 0;
  for (;; Bump()) {
    char c = Peek();
    if (c == ' ') {
      ++*column, ++*alt_column;
    } else if (c == '\t') {
      *column = (*column / kTabSize + 1) * kTabSize;
      ++*alt_column;
    } else if (c == '\f') {
      *column = *alt_column = 0;
    } else {
      break;
    }
  }
  // A blank or comment-only line does not change the indentation.
  return !(AtEnd() || AtNewline() || Peek() == '#');
}

int Tokenizer::LineLengthFromHere() const {
  int length = location_.column - 1;
  for (size_t i = pos_; i < source_.size() && source_[i] != '\n' && source_[i] != '\r'; ++i) {
    if ((static_cast<unsigned char>(source_[i]) & 0xC0) != 0x80) ++length;
  }
  return length;
}

void Tokenizer::HandleIndentation() {
  int column, alt_column;
  if (!MeasureIndentation(&column, &alt_column)) return;
  ChangeIndentation(column, alt_column);
}

bool Tokenizer::ChangeIndentation(int column, int alt_column) {
  const char* kTabError = "inconsistent use of tabs and spaces in indentation";
  if (column > indents_.back()) {
    if (alt_column <= alt_indents_.back()) {
      Fail(kTabError, {location_.line, LineLengthFromHere() + 1}, false,
           SyntaxErrorInfo::Kind::kTab);
      return false;
    }
    if (static_cast<int>(indents_.size()) > kMaxIndentLevels) {
      Fail("too many levels of indentation", location_, false, SyntaxErrorInfo::Kind::kIndentation);
      return false;
    }
    indents_.push_back(column);
    alt_indents_.push_back(alt_column);
    EmitAt(TokenKind::kIndent, location_);
    return true;
  }
  while (column < indents_.back()) {
    indents_.pop_back();
    alt_indents_.pop_back();
    EmitAt(TokenKind::kDedent, location_);
  }
  if (column != indents_.back()) {
    Fail("unindent does not match any outer indentation level",
         {location_.line, LineLengthFromHere() + 1}, false, SyntaxErrorInfo::Kind::kIndentation);
    return false;
  }
  if (alt_column != alt_indents_.back()) {
    Fail(kTabError, {location_.line, LineLengthFromHere() + 1}, false, SyntaxErrorInfo::Kind::kTab);
    return false;
  }
  return true;
}

// --- Lines ---

void Tokenizer::HandleNewline() {
  if (InBrackets() || !line_has_tokens_) {
    BumpNewline();
    if (!InBrackets()) at_line_start_ = true;
    return;
  }
  size_t start = pos_;
  // As CPython, a NEWLINE after a comment starts where the comment does.
  Location start_location = after_comment_ ? comment_start_ : location_;
  BumpNewline();
  result_.tokens.push_back(
      Token{TokenKind::kNewline, source_.substr(start, pos_ - start), start_location, location_});
  line_has_tokens_ = false;
  at_line_start_ = true;
}

void Tokenizer::HandleContinuation() {
  Location backslash = location_;
  Bump();
  if (!AtNewline() && !AtEnd()) {
    Fail("unexpected character after line continuation character",
         {backslash.line, backslash.column + 1});
    return;
  }
  if (!AtEnd()) BumpNewline();
  if (AtEnd()) {
    if (!brackets_.empty()) {
      const Bracket& open = brackets_.back();
      Fail(absl::StrFormat("'%c' was never closed", open.c), open.location, true);
      result_.error_kind = TokenizeResult::ErrorKind::kUnclosedBracket;
    } else {
      Fail("unexpected EOF while parsing", {backslash.line, backslash.column + 1}, true);
      result_.error_kind = TokenizeResult::ErrorKind::kEndOfInput;
    }
  }
}

void Tokenizer::Finish() {
  if (!brackets_.empty()) {
    const Bracket& open = brackets_.back();
    Fail(absl::StrFormat("'%c' was never closed", open.c), open.location, true);
    result_.error_kind = TokenizeResult::ErrorKind::kUnclosedBracket;
    return;
  }
  Location end = location_;
  if (options_.in_brackets) {
    EmitAt(TokenKind::kEndMarker, end);
    return;
  }
  if (line_has_tokens_) EmitAt(TokenKind::kNewline, end);
  // As CPython, the end of input is at the end of the last line.
  if (end.column == 1 && pos_ > 0) end = last_newline_;
  for (size_t i = 1; i < indents_.size(); ++i) EmitAt(TokenKind::kDedent, end);
  EmitAt(TokenKind::kEndMarker, end);
}

// --- Names and strings ---

void Tokenizer::ScanNameOrString() {
  size_t start = pos_;
  Location start_location = location_;
  while (!AtEnd() && IsNameChar(Peek())) Bump();
  std::string_view name = source_.substr(start, pos_ - start);
  if (IsQuote(Peek()) && IsStringPrefix(name)) return ScanString(start, start_location);
  if (!VerifyName(start, start_location)) return;
  Emit(TokenKind::kName, start, start_location);
}

bool Tokenizer::VerifyName(size_t start, Location start_location) {
  Location location = start_location;
  for (size_t i = start; i < pos_;) {
    char32_t cp;
    size_t length = Utf8Length(source_, i, &cp);
    if (length == 0) length = 1, cp = 0xFFFD;
    if (!IsIdentifierChar(cp, i == start)) {
      Fail(InvalidCharacterMessage(cp), location);
      return false;
    }
    i += length;
    ++location.column;
  }
  return true;
}

void Tokenizer::ScanString(size_t start, Location start_location) {
  size_t end = StringEnd(source_, start, 0);
  StringParts parts = SplitString(source_.substr(start));
  if (end == std::string_view::npos) {
    size_t closing = parts.formatted ? ClosingQuote(start, parts) : std::string_view::npos;
    // The error names the line where the literal ran out (EOF, or the end of
    // a line for a single-quoted literal).
    size_t stop = source_.size();
    if (parts.quote_size == 1) {
      stop = source_.find_first_of("\r\n", start + parts.body_offset);
      while (stop != std::string_view::npos && stop > 0 && source_[stop - 1] == '\\') {
        stop = source_.find_first_of("\r\n", stop + 1);
      }
      if (stop == std::string_view::npos) stop = source_.size();
    }
    if (stop == source_.size() && stop > start && source_[stop - 1] == '\n') --stop;
    BumpTo(stop);
    int detected = location_.line;
    if (closing != std::string_view::npos) {
      // A broken f-string that has a closing quote: the parser reports what
      // is wrong in its fields, as CPython does; if nothing is, the error
      // token after it reports the literal as unterminated.
      pos_ = start;
      location_ = start_location;
      BumpTo(closing);
      Emit(TokenKind::kString, start, start_location);
    }
    const char* kind = parts.formatted ? "f-string" : "string";
    const char* triple = parts.quote_size == 3 ? "triple-quoted " : "";
    Fail(absl::StrFormat("unterminated %s%s literal (detected at line %d)", triple, kind, detected),
         start_location, parts.quote_size == 3);
    if (parts.formatted) result_.error_kind = TokenizeResult::ErrorKind::kInFString;
    return;
  }
  BumpTo(end);
  Emit(TokenKind::kString, start, start_location);
}

// Just past the first closing quote of the literal at `start`, ignoring
// f-string fields (on its line for a single-quoted literal), or npos.
size_t Tokenizer::ClosingQuote(size_t start, const StringParts& parts) const {
  char quote = source_[start + parts.body_offset - 1];
  for (size_t pos = start + parts.body_offset; pos < source_.size(); ++pos) {
    char c = source_[pos];
    if (c == '\\') {
      ++pos;
    } else if ((c == '\n' || c == '\r') && parts.quote_size == 1) {
      return std::string_view::npos;
    } else if (c == quote &&
               (parts.quote_size == 1 || source_.substr(pos, 3) == std::string(3, quote))) {
      return pos + parts.quote_size;
    }
  }
  return std::string_view::npos;
}

// --- Numbers ---

bool IsOctalDigit(char c) { return c >= '0' && c <= '7'; }
bool IsBinaryDigit(char c) { return c == '0' || c == '1'; }

// Digits of a 0x/0o/0b literal, single underscores between them.
bool Tokenizer::ScanDigits(bool (*is_digit)(char), const char* kind) {
  bool any = false;
  for (;;) {
    if (Peek() == '_') Bump();
    if (!is_digit(Peek())) {
      if (IsDigit(Peek())) {
        Bump();
        Fail(absl::StrFormat("invalid digit '%c' in %s literal", source_[pos_ - 1], kind),
             {location_.line, location_.column - 1});
        return false;
      }
      if (!any || source_[pos_ - 1] == '_') {
        Fail(absl::StrFormat("invalid %s literal", kind), {location_.line, location_.column - 1});
        return false;
      }
      return true;
    }
    while (is_digit(Peek())) Bump();
    any = true;
  }
}

// Decimal digits after the first: `_` only between digits.
bool Tokenizer::ScanDecimalTail() {
  for (;;) {
    while (IsDigit(Peek())) Bump();
    if (Peek() != '_') return true;
    Bump();
    if (!IsDigit(Peek())) {
      Fail("invalid decimal literal", {location_.line, location_.column - 1});
      return false;
    }
  }
}

// After a number, a letter is an error unless it starts a keyword that can
// follow a number in valid code (`1if x else y`, `0x1for`).
bool Tokenizer::VerifyEndOfNumber(const char* kind) {
  static constexpr std::string_view kKeywords[] = {"and", "else", "for", "if",
                                                   "in",  "is",   "not", "or"};
  for (std::string_view keyword : kKeywords) {
    if (source_.substr(pos_, keyword.size()) == keyword) return true;
  }
  char c = Peek();
  if (IsAsciiLetter(c) || IsDigit(c) || c == '_') {
    Fail(absl::StrFormat("invalid %s literal", kind), {location_.line, location_.column - 1});
    return false;
  }
  return true;
}

void Tokenizer::ScanNumber() {
  size_t start = pos_;
  Location start_location = location_;
  char prefix = Peek() == '0' ? static_cast<char>(Peek(1) | 0x20) : 0;
  if (prefix == 'x' || prefix == 'o' || prefix == 'b') {
    Bump(), Bump();
    bool ok = prefix == 'x'   ? ScanDigits(IsHexDigit, "hexadecimal")
              : prefix == 'o' ? ScanDigits(IsOctalDigit, "octal")
                              : ScanDigits(IsBinaryDigit, "binary");
    const char* kind = prefix == 'x' ? "hexadecimal" : prefix == 'o' ? "octal" : "binary";
    if (ok && VerifyEndOfNumber(kind)) Emit(TokenKind::kNumber, start, start_location);
    return;
  }
  bool nonzero_after_zero = false;
  if (Peek() == '0') {
    // 0, 00, 0_0; 012 is only valid as the integer part of a float.
    while (Peek() == '0' || (Peek() == '_' && Peek(1) == '0')) Bump();
    if (Peek() == '_') {
      Bump();
      Fail("invalid decimal literal", {location_.line, location_.column - 1});
      return;
    }
    if (IsDigit(Peek())) {
      nonzero_after_zero = true;
      if (!ScanDecimalTail()) return;
    }
  } else if (IsDigit(Peek())) {
    if (!ScanDecimalTail()) return;
  }
  bool is_float = false;
  if (Peek() == '.') {
    is_float = true;
    Bump();
    if (IsDigit(Peek()) && !ScanDecimalTail()) return;
  }
  char e = Peek();
  if (e == 'e' || e == 'E') {
    size_t sign = (Peek(1) == '+' || Peek(1) == '-') ? 1 : 0;
    if (IsDigit(Peek(1 + sign))) {
      is_float = true;
      Bump();
      if (sign) Bump();
      if (!ScanDecimalTail()) return;
    } else if (!VerifyEndOfNumber("decimal")) {
      return;
    }
  }
  bool imaginary = Peek() == 'j' || Peek() == 'J';
  if (imaginary) Bump();
  if (nonzero_after_zero && !is_float && !imaginary) {
    Fail(
        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for "
        "octal integers",
        start_location);
    return;
  }
  if (VerifyEndOfNumber(imaginary ? "imaginary" : "decimal")) {
    Emit(TokenKind::kNumber, start, start_location);
  }
}

// --- Operators and brackets ---

bool Tokenizer::OpenBracket(char c, Location location) {
  if (static_cast<int>(brackets_.size()) >= kMaxNesting) {
    Fail("too many nested parentheses", location);
    return false;
  }
  brackets_.push_back({c, location});
  return true;
}

bool Tokenizer::CloseBracket(char c, Location location) {
  if (brackets_.empty()) {
    Fail(absl::StrFormat("unmatched '%c'", c), location);
    return false;
  }
  Bracket open = brackets_.back();
  char expected = open.c == '(' ? ')' : open.c == '[' ? ']' : '}';
  if (c != expected) {
    if (open.location.line != location.line) {
      Fail(absl::StrFormat(
               "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d", c,
               open.c, open.location.line),
           location);
    } else {
      Fail(absl::StrFormat("closing parenthesis '%c' does not match opening parenthesis '%c'", c,
                           open.c),
           location);
    }
    return false;
  }
  brackets_.pop_back();
  return true;
}

void Tokenizer::ScanOperator() {
  size_t start = pos_;
  Location start_location = location_;
  std::string_view rest = source_.substr(pos_);
  size_t length = 0;
  for (std::string_view op : kThreeCharOps) {
    if (rest.substr(0, 3) == op) length = 3;
  }
  for (std::string_view op : kTwoCharOps) {
    if (length == 0 && rest.substr(0, 2) == op) length = 2;
  }
  char c = Peek();
  if (length == 0) {
    if (kOneCharOps.find(c) == std::string_view::npos) {
      Fail(InvalidCharacterMessage(PeekCodePoint()), location_);
      return;
    }
    length = 1;
    if ((c == '(' || c == '[' || c == '{') && !OpenBracket(c, location_)) return;
    if ((c == ')' || c == ']' || c == '}') && !CloseBracket(c, location_)) return;
  }
  BumpTo(pos_ + length);
  Emit(TokenKind::kOp, start, start_location);
}

// Where the first invalid UTF-8 sequence or null byte is, or npos.
size_t FindBadByte(std::string_view source, std::string* message) {
  for (size_t pos = 0; pos < source.size();) {
    char32_t cp;
    size_t length = Utf8Length(source, pos, &cp);
    if (length == 0) {
      *message = absl::StrFormat(
          "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %d: invalid "
          "utf-8",
          static_cast<unsigned char>(source[pos]), pos);
      return pos;
    }
    if (cp == 0) {
      *message = "source code cannot contain null bytes";
      return pos;
    }
    pos += length;
  }
  return std::string_view::npos;
}

}  // namespace

// ============================================================================
// Public entry points
// ============================================================================

Location Advance(Location location, std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n' || (c == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
      ++location.line;
      location.column = 1;
    } else if (c != '\r' && (static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++location.column;
    }
  }
  return location;
}

TokenizeResult Tokenize(std::string_view source, TokenizeOptions options) {
  std::string message;
  size_t bad = FindBadByte(source, &message);
  if (bad != std::string_view::npos) {
    TokenizeResult result;
    SyntaxErrorInfo error;
    error.message = message;
    Location location = Advance(options.start, source.substr(0, bad));
    error.line = location.line;
    // CPython reports a null byte with its line but no column.
    error.column = source[bad] == '\0' ? SyntaxErrorInfo::kNoColumn : location.column;
    result.error = error;
    result.tokens.push_back(Token{TokenKind::kError, {}, location, location});
    return result;
  }
  if (options.start.line == 1 && options.start.column == 1 &&
      source.substr(0, 3) == "\xEF\xBB\xBF") {
    source.remove_prefix(3);  // a UTF-8 byte order mark
  }
  return Tokenizer(source, options).Run();
}

bool IsKeyword(std::string_view name) {
  static constexpr std::string_view kKeywords[] = {
      "False", "None",     "True",  "and",    "as",   "assert", "async",  "await",    "break",
      "class", "continue", "def",   "del",    "elif", "else",   "except", "finally",  "for",
      "from",  "global",   "if",    "import", "in",   "is",     "lambda", "nonlocal", "not",
      "or",    "pass",     "raise", "return", "try",  "while",  "with",   "yield"};
  for (std::string_view keyword : kKeywords) {
    if (name == keyword) return true;
  }
  return false;
}

StringParts SplitString(std::string_view text) {
  StringParts parts;
  size_t pos = 0;
  while (pos < text.size() && !IsQuote(text[pos])) {
    char c = static_cast<char>(text[pos] | 0x20);
    parts.raw |= c == 'r';
    parts.bytes |= c == 'b';
    parts.formatted |= c == 'f';
    ++pos;
  }
  if (pos >= text.size()) return parts;
  char quote = text[pos];
  parts.quote_size = text.substr(pos, 3) == std::string(3, quote) ? 3 : 1;
  parts.body_offset = pos + parts.quote_size;
  size_t body_size = text.size() >= parts.body_offset + parts.quote_size
                         ? text.size() - parts.body_offset - parts.quote_size
                         : 0;
  if (parts.body_offset <= text.size()) parts.body = text.substr(parts.body_offset, body_size);
  return parts;
}

size_t FindFieldEnd(std::string_view text, size_t pos) {
  size_t end = FieldExpressionEnd(text, pos, 0);
  return end == std::string_view::npos ? text.size() : end;
}

// --- Escapes ---

namespace {

// Reads up to `count` hex digits at text[pos...]; false unless exactly `count`.
bool ReadHex(std::string_view text, size_t pos, int count, uint32_t* value) {
  *value = 0;
  for (int i = 0; i < count; ++i) {
    if (pos + i >= text.size() || !IsHexDigit(text[pos + i])) return false;
    char c = text[pos + i];
    *value = *value * 16 + (IsDigit(c) ? c - '0' : (c | 0x20) - 'a' + 10);
  }
  return true;
}

// One escape at text[pos] (just past the backslash); advances pos.
bool DecodeEscape(std::string_view text, size_t* pos, bool bytes, std::string* out,
                  std::string* error) {
  size_t start = *pos - 1;
  char c = text[*pos];
  ++*pos;
  auto emit = [&](uint32_t value) {
    if (bytes) {
      out->push_back(static_cast<char>(value & 0xFF));
    } else {
      AppendUtf8(value, out);
    }
  };
  switch (c) {
    case '\n':
      return true;
    case '\r':
      if (*pos < text.size() && text[*pos] == '\n') ++*pos;
      return true;
    case '\\':
      emit('\\');
      return true;
    case '\'':
      emit('\'');
      return true;
    case '"':
      emit('"');
      return true;
    case 'a':
      emit('\a');
      return true;
    case 'b':
      emit('\b');
      return true;
    case 'f':
      emit('\f');
      return true;
    case 'n':
      emit('\n');
      return true;
    case 'r':
      emit('\r');
      return true;
    case 't':
      emit('\t');
      return true;
    case 'v':
      emit('\v');
      return true;
    default:
      break;
  }
  if (IsOctalDigit(c)) {
    uint32_t value = c - '0';
    for (int i = 0; i < 2 && *pos < text.size() && IsOctalDigit(text[*pos]); ++i, ++*pos) {
      value = value * 8 + (text[*pos] - '0');
    }
    emit(value);
    return true;
  }
  int hex_count = c == 'x' ? 2 : (!bytes && c == 'u') ? 4 : (!bytes && c == 'U') ? 8 : 0;
  if (hex_count > 0) {
    uint32_t value;
    if (!ReadHex(text, *pos, hex_count, &value)) {
      const char* what = c == 'x' ? "\\xXX" : c == 'u' ? "\\uXXXX" : "\\UXXXXXXXX";
      *error = bytes ? absl::StrFormat("(value error) invalid \\x escape at position %d", start)
                     : absl::StrFormat(
                           "(unicode error) 'unicodeescape' codec can't decode bytes in "
                           "position %d-%d: truncated %s escape",
                           start, *pos, what);
      return false;
    }
    *pos += hex_count;
    if (!bytes && (value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))) {
      *error = absl::StrFormat(
          "(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: %s", start,
          *pos - 1,
          value > 0x10FFFF ? "illegal Unicode character" : "surrogates not supported by islet");
      return false;
    }
    emit(value);
    return true;
  }
  if (!bytes && c == 'N') {
    *error = absl::StrFormat(
        "(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: \\N{...} "
        "escapes are not supported by islet",
        start, *pos - 1);
    return false;
  }
  // Not an escape: the backslash stays (CPython warns).
  out->push_back('\\');
  --*pos;
  return true;
}

}  // namespace

bool DecodeLiteral(std::string_view text, bool raw, bool bytes, std::string* out,
                   std::string* error) {
  for (size_t pos = 0; pos < text.size();) {
    char c = text[pos];
    if (bytes && static_cast<unsigned char>(c) >= 0x80) {
      *error = "bytes can only contain ASCII literal characters";
      return false;
    }
    if (c == '\r') {  // newlines in literals are \n
      out->push_back('\n');
      pos += (pos + 1 < text.size() && text[pos + 1] == '\n') ? 2 : 1;
      continue;
    }
    if (c != '\\' || raw || pos + 1 >= text.size()) {
      out->push_back(c);
      ++pos;
      if (raw && c == '\\' && pos < text.size()) out->push_back(text[pos++]);
      continue;
    }
    ++pos;
    if (!DecodeEscape(text, &pos, bytes, out, error)) return false;
  }
  return true;
}

// --- Numbers ---

namespace {

// Decimal digits of the number whose base-`base` digits are given.
std::string ToDecimal(std::string_view digits, int base) {
  std::vector<uint32_t> limbs;  // little-endian, base 10^9
  for (char c : digits) {
    uint32_t digit = IsDigit(c) ? c - '0' : (c | 0x20) - 'a' + 10;
    uint64_t carry = digit;
    for (uint32_t& limb : limbs) {
      uint64_t value = static_cast<uint64_t>(limb) * base + carry;
      limb = static_cast<uint32_t>(value % 1000000000);
      carry = value / 1000000000;
    }
    while (carry > 0) {
      limbs.push_back(static_cast<uint32_t>(carry % 1000000000));
      carry /= 1000000000;
    }
  }
  if (limbs.empty()) return "0";
  std::string result = std::to_string(limbs.back());
  for (size_t i = limbs.size() - 1; i-- > 0;) result += absl::StrFormat("%09u", limbs[i]);
  return result;
}

// The value of a decimal float literal (no underscores), independent of the
// C locale; too large is infinity, too small zero (as CPython).
double FloatValue(std::string_view digits) {
  double value = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error == std::errc::result_out_of_range) {
    bool tiny =
        digits.find("e-") != std::string_view::npos || digits.find("E-") != std::string_view::npos;
    value = tiny ? 0.0 : std::numeric_limits<double>::infinity();
  }
  return value;
}

}  // namespace

bool NumberValue(std::string_view text, Constant* value, std::string* error) {
  std::string digits;
  for (char c : text) {
    if (c != '_') digits.push_back(c);
  }
  char last = digits.empty() ? 0 : static_cast<char>(digits.back() | 0x20);
  if (last == 'j') {
    *error = "complex numbers are not supported";
    return false;
  }
  int base = 10;
  if (digits.size() > 1 && digits[0] == '0') {
    char prefix = static_cast<char>(digits[1] | 0x20);
    base = prefix == 'x' ? 16 : prefix == 'o' ? 8 : prefix == 'b' ? 2 : 10;
  }
  bool is_float = base == 10 && digits.find_first_of(".eE") != std::string::npos;
  if (is_float) {
    value->kind = Constant::Kind::kFloat;
    value->real = FloatValue(digits);
    return true;
  }
  std::string_view body = digits;
  if (base != 10) body.remove_prefix(2);
  size_t first = body.find_first_not_of('0');
  body = first == std::string_view::npos ? std::string_view("0") : body.substr(first);
  std::string decimal = base == 10 ? std::string(body) : ToDecimal(body, base);
  constexpr std::string_view kInt64Max = "9223372036854775807";
  bool fits = decimal.size() < kInt64Max.size() ||
              (decimal.size() == kInt64Max.size() && decimal <= kInt64Max);
  if (fits) {
    value->kind = Constant::Kind::kInt;
    value->integer = std::strtoll(decimal.c_str(), nullptr, 10);
  } else {
    value->kind = Constant::Kind::kBigInt;
    value->text = std::move(decimal);
  }
  return true;
}

}  // namespace islet::lang
