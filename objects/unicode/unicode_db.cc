#include "objects/unicode/unicode_db.h"

#include <unicode/bytestream.h>
#include <unicode/casemap.h>
#include <unicode/normalizer2.h>
#include <unicode/stringoptions.h>
#include <unicode/stringpiece.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <unicode/utypes.h>
#include <unicode/uversion.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <new>
#include <stdexcept>

namespace islet::unicode {
namespace {

// ICU's failures. With valid UTF-8 in, the only one ICU can meet is running
// out of memory, reported as every other allocation failure is; anything else
// means the installed ICU is broken, which no program can recover from.
void CheckIcu(UErrorCode error) {
  if (U_SUCCESS(error)) return;
  if (error == U_MEMORY_ALLOCATION_ERROR) throw std::bad_alloc();
  std::fprintf(stderr, "islet: ICU failed: %s\n", u_errorName(error));
  std::abort();
}

// Appends ICU's output to a string. ICU is not exception-safe, so an
// allocation failure must not unwind through its frames: it is remembered and
// thrown by Finish, once ICU has returned.
class AppendingSink final : public icu::ByteSink {
 public:
  explicit AppendingSink(std::string& out) : out_(out) {}

  void Append(const char* bytes, int32_t n) override {
    if (failed_) return;
    try {
      out_.append(bytes, static_cast<size_t>(n));
    } catch (const std::bad_alloc&) {
      failed_ = true;
    } catch (const std::length_error&) {
      failed_ = true;
    }
  }

  void Finish(UErrorCode error) const {
    if (failed_) throw std::bad_alloc();
    CheckIcu(error);
  }

 private:
  std::string& out_;
  bool failed_ = false;
};

unsigned char ByteAt(std::string_view text, size_t pos) {
  return static_cast<unsigned char>(text[pos]);
}

// The length of the UTF-8 sequence a (valid) lead byte starts.
size_t SequenceLength(unsigned char lead) {
  return lead < 0x80 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
}

// ICU measures text in int32_t: longer text goes to it in pieces of at most
// this many bytes, each ending at a code point boundary.
constexpr size_t kMaxPiece = std::numeric_limits<int32_t>::max() - 4;

icu::StringPiece Piece(std::string_view text) {
  return icu::StringPiece(text.data(), static_cast<int32_t>(text.size()));
}

// U+03A3 GREEK CAPITAL LETTER SIGMA, whose lowercase depends on its context.
constexpr std::string_view kCapitalSigma = "\xce\xa3";
constexpr std::string_view kSmallSigma = "\xcf\x83";

enum class Mapping { kUpper, kLower, kFold };

char MapAscii(char c, Mapping mapping) {
  if (mapping == Mapping::kUpper) return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c;
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
}

// Maps a run of non-ASCII code points. ICU's mappings for the root locale
// depend on no context except capital sigma's, which never reaches here, so
// mapping a run at once equals mapping its code points one by one.
void MapRun(std::string& out, std::string_view run, Mapping mapping) {
  AppendingSink sink(out);
  UErrorCode error = U_ZERO_ERROR;
  switch (mapping) {
    case Mapping::kUpper:
      icu::CaseMap::utf8ToUpper("", 0, Piece(run), sink, nullptr, error);
      break;
    case Mapping::kLower:
      icu::CaseMap::utf8ToLower("", 0, Piece(run), sink, nullptr, error);
      break;
    case Mapping::kFold:
      icu::CaseMap::utf8Fold(U_FOLD_CASE_DEFAULT, Piece(run), sink, nullptr, error);
      break;
  }
  sink.Finish(error);
}

// ASCII byte by byte, everything else in runs through ICU.
void Map(std::string& out, std::string_view text, Mapping mapping) {
  out.reserve(out.size() + text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    if (ByteAt(text, pos) < 0x80) {
      out.push_back(MapAscii(text[pos], mapping));
      ++pos;
      continue;
    }
    const bool lower = mapping == Mapping::kLower;
    if (lower && text.substr(pos, 2) == kCapitalSigma) {
      out.append(kSmallSigma);
      pos += 2;
      continue;
    }
    size_t end = pos;
    do {
      end += SequenceLength(ByteAt(text, end));
    } while (end < text.size() && ByteAt(text, end) >= 0x80 && end - pos < kMaxPiece &&
             !(lower && text.substr(end, 2) == kCapitalSigma));
    MapRun(out, text.substr(pos, end - pos), mapping);
    pos = end;
  }
}

// ICU's NFKC normalizer, which ICU sets up on first use. Reached through a
// function-local static, so that every thread's first use synchronizes with
// that set-up in a way ThreadSanitizer sees (ICU's own is uninstrumented).
const icu::Normalizer2* NfkcInstance() {
  static const icu::Normalizer2* const nfkc = [] {
    UErrorCode error = U_ZERO_ERROR;
    const icu::Normalizer2* instance = icu::Normalizer2::getNFKCInstance(error);
    CheckIcu(error);
    return instance;
  }();
  return nfkc;
}

// Where the piece of `text` that starts at `pos` ends, for text longer than
// `max_piece` bytes from there: before the last code point within the limit
// that starts a normalization segment, so that normalizing the pieces one by
// one equals normalizing the text; failing one (a run of combining marks that
// long), at the last code point boundary.
size_t PieceEnd(const icu::Normalizer2& nfkc, std::string_view text, size_t pos, size_t max_piece) {
  size_t at = pos + SequenceLength(ByteAt(text, pos));  // at least one code point
  size_t cut = at;
  size_t boundary = 0;
  while (at <= pos + max_piece) {
    cut = at;
    size_t next = at;
    UChar32 c;
    U8_NEXT_UNSAFE(text.data(), next, c);
    if (nfkc.hasBoundaryBefore(c)) boundary = at;
    at = next;
  }
  return boundary != 0 ? boundary : cut;
}

}  // namespace

std::string Version() {
  UVersionInfo version;
  u_getUnicodeVersion(version);
  char text[U_MAX_VERSION_STRING_LENGTH];
  u_versionToString(version, text);
  // ICU drops trailing zero fields ("15.0"); unicodedata.unidata_version
  // has three ("15.0.0").
  std::string result = text;
  for (size_t dots = std::count(result.begin(), result.end(), '.'); dots < 2; ++dots) {
    result += ".0";
  }
  return result;
}

namespace internal {

bool NonAsciiHas(char32_t c, Property property) {
  const UChar32 ch = static_cast<UChar32>(c);
  switch (property) {
    case kAlpha:
      return (U_GET_GC_MASK(ch) & U_GC_L_MASK) != 0;
    case kDecimal:
      return u_getIntPropertyValue(ch, UCHAR_NUMERIC_TYPE) == U_NT_DECIMAL;
    case kDigit: {
      const int32_t type = u_getIntPropertyValue(ch, UCHAR_NUMERIC_TYPE);
      return type == U_NT_DECIMAL || type == U_NT_DIGIT;
    }
    case kNumeric:
      return u_getIntPropertyValue(ch, UCHAR_NUMERIC_TYPE) != U_NT_NONE;
    case kSpace: {
      if ((U_GET_GC_MASK(ch) & U_GC_ZS_MASK) != 0) return true;
      const UCharDirection direction = u_charDirection(ch);
      return direction == U_WHITE_SPACE_NEUTRAL || direction == U_BLOCK_SEPARATOR ||
             direction == U_SEGMENT_SEPARATOR;
    }
    case kLineBreak:
      // Above ASCII, Python's list is Unicode's: paragraph separators
      // (bidirectional class B) and the line separator.
      return u_charDirection(ch) == U_BLOCK_SEPARATOR || u_charType(ch) == U_LINE_SEPARATOR;
    case kUpper:
      return u_hasBinaryProperty(ch, UCHAR_UPPERCASE);
    case kLower:
      return u_hasBinaryProperty(ch, UCHAR_LOWERCASE);
    case kTitle:
      return u_charType(ch) == U_TITLECASE_LETTER;
    case kCased:
      return u_hasBinaryProperty(ch, UCHAR_CASED);
    case kCaseIgnorable:
      return u_hasBinaryProperty(ch, UCHAR_CASE_IGNORABLE);
    case kPrintable:
      return (U_GET_GC_MASK(ch) & (U_GC_C_MASK | U_GC_Z_MASK)) == 0;
    case kXidStart:
      return u_hasBinaryProperty(ch, UCHAR_XID_START);
    case kXidContinue:
      return u_hasBinaryProperty(ch, UCHAR_XID_CONTINUE);
  }
  return false;
}

}  // namespace internal

int DecimalValue(char32_t c) {
  if (c < 0x80) return c >= '0' && c <= '9' ? static_cast<int>(c - '0') : -1;
  return u_charDigitValue(static_cast<UChar32>(c));
}

void AppendUpper(std::string& out, std::string_view text) { Map(out, text, Mapping::kUpper); }
void AppendLower(std::string& out, std::string_view text) { Map(out, text, Mapping::kLower); }
void AppendFolded(std::string& out, std::string_view text) { Map(out, text, Mapping::kFold); }

// ICU titlecases only the first code point of a segment, so each code point
// is a segment of its own: the whole string (no word breaks), the first code
// point itself (no moving on to the first cased letter), nothing lowercased.
// Code points that titlecasing leaves alone (most) skip the case mapper.
void AppendTitle(std::string& out, std::string_view text) {
  constexpr uint32_t kOptions =
      U_TITLECASE_WHOLE_STRING | U_TITLECASE_NO_BREAK_ADJUSTMENT | U_TITLECASE_NO_LOWERCASE;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t start = pos;
    UChar32 c;
    U8_NEXT_UNSAFE(text.data(), pos, c);
    const std::string_view code_point = text.substr(start, pos - start);
    if (c < 0x80) {
      out.push_back(MapAscii(static_cast<char>(c), Mapping::kUpper));
    } else if (!u_hasBinaryProperty(c, UCHAR_CHANGES_WHEN_TITLECASED)) {
      out.append(code_point);
    } else {
      AppendingSink sink(out);
      UErrorCode error = U_ZERO_ERROR;
      icu::CaseMap::utf8ToTitle("", kOptions, nullptr, Piece(code_point), sink, nullptr, error);
      sink.Finish(error);
    }
  }
}

namespace internal {

std::string NormalizeNfkcInPieces(std::string_view text, size_t max_piece) {
  const icu::Normalizer2* nfkc = NfkcInstance();
  UErrorCode error = U_ZERO_ERROR;
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t end =
        text.size() - pos > max_piece ? PieceEnd(*nfkc, text, pos, max_piece) : text.size();
    AppendingSink sink(out);
    nfkc->normalizeUTF8(0, Piece(text.substr(pos, end - pos)), sink, nullptr, error);
    sink.Finish(error);
    pos = end;
  }
  return out;
}

}  // namespace internal

std::string NormalizeNfkc(std::string_view text) {
  return internal::NormalizeNfkcInPieces(text, kMaxPiece);
}

}  // namespace islet::unicode
