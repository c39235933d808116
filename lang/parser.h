// Parsing islet's Python subset: source text to a syntax tree (lang/ast.h).
//
//   ParseResult parsed = Parse(source);
//   if (!parsed.module) report(parsed.error);   // SyntaxError: message, line, column
//
// The parser never crashes on any input: every problem is a SyntaxError with
// CPython's message where CPython has a well-known one ("invalid syntax",
// "unexpected indent", "expected ':'", "unterminated string literal (detected at
// line 1)", "'(' was never closed", ...). Nesting deeper than kMaxNesting is a
// SyntaxError too ("too many nested parentheses"), and so is nesting deeper
// than the thread's stack holds (runtime/stack_limit.h: a host thread's stack
// may be small), as CPython's MemoryError, so deep input cannot overflow the C++
// stack.

#ifndef ISLET_LANG_PARSER_H_
#define ISLET_LANG_PARSER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "lang/ast.h"

namespace islet::lang {

// The deepest nesting of brackets, blocks and expressions the parser accepts.
inline constexpr int kMaxNesting = 200;

struct SyntaxErrorInfo {
  // Which SyntaxError: IndentationError for a block's indentation, TabError
  // for tabs and spaces mixed inconsistently. Or, for nesting deeper than the
  // thread's stack holds, not a SyntaxError but what CPython raises: from the
  // parser MemoryError "Parser stack overflowed - Python source too complex to
  // parse", from name resolution RecursionError "Stack overflow (used 220 kB)
  // during compilation".
  enum class Kind : uint8_t {
    kSyntax,
    kIndentation,
    kTab,
    kParserStackOverflow,
    kCompilerStackOverflow,
  };
  std::string message;  // "invalid syntax"
  int line = 0;         // 1-based
  // 1-based, in code points, as CPython's offset; 0 at the end of the input
  // (CPython's offset 0); kNoColumn when CPython gives none (a null byte).
  int column = 0;
  static constexpr int kNoColumn = -1;
  std::string text;  // the source line, without its newline
  // The input ended inside a block, bracket or triple-quoted string: an
  // interactive prompt should read another line instead of reporting it.
  bool incomplete = false;
  Kind kind = Kind::kSyntax;
};

struct ParseResult {
  std::unique_ptr<Module> module;  // null on error
  SyntaxErrorInfo error;           // meaningful only when module is null
};

// Parses a whole file (`exec` mode).
ParseResult Parse(std::string_view source);

}  // namespace islet::lang

#endif  // ISLET_LANG_PARSER_H_
