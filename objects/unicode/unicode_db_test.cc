#include "objects/unicode/unicode_db.h"

#include <string>

#include "gtest/gtest.h"

namespace islet::unicode {
namespace {

std::string Upper(std::string_view text) {
  std::string out;
  AppendUpper(out, text);
  return out;
}
std::string Lower(std::string_view text) {
  std::string out;
  AppendLower(out, text);
  return out;
}
std::string Title(std::string_view text) {
  std::string out;
  AppendTitle(out, text);
  return out;
}
std::string Folded(std::string_view text) {
  std::string out;
  AppendFolded(out, text);
  return out;
}

// docs/language.md names this version; a Debian upgrade of ICU changes it.
TEST(UnicodeDbTest, VersionIsIcusUnicode) { EXPECT_EQ(Version(), "15.0.0"); }

// The inline ASCII table must say what ICU says, except where Python's
// definitions single ASCII characters out: ' ' is printable (though Zs), \v and
// \f are line breaks (though not paragraph separators).
TEST(UnicodeDbTest, AsciiTableAgreesWithIcu) {
  using internal::Property;
  for (char32_t c = 0; c < 0x80; ++c) {
    for (int bit = 0; bit < 14; ++bit) {
      const auto property = static_cast<Property>(1 << bit);
      bool expected = internal::NonAsciiHas(c, property);
      if (property == internal::kPrintable && c == ' ') expected = true;
      if (property == internal::kLineBreak && (c == '\v' || c == '\f')) expected = true;
      EXPECT_EQ((internal::kAsciiProperties[c] & property) != 0, expected)
          << "U+" << std::hex << static_cast<uint32_t>(c) << " property bit " << bit;
    }
  }
}

TEST(UnicodeDbTest, LettersAndNumbers) {
  EXPECT_TRUE(IsAlpha(U'α'));
  EXPECT_TRUE(IsAlpha(U'中'));
  EXPECT_TRUE(IsAlpha(U'ʰ'));  // Lm
  EXPECT_FALSE(IsAlpha(U'٣'));
  EXPECT_FALSE(IsAlpha(U'\u0300'));  // a combining mark

  EXPECT_TRUE(IsDecimal(U'٣'));
  EXPECT_TRUE(IsDecimal(U'𝟗'));
  EXPECT_FALSE(IsDecimal(U'²'));
  EXPECT_TRUE(IsDigit(U'²'));
  EXPECT_TRUE(IsDigit(U'①'));
  EXPECT_FALSE(IsDigit(U'½'));
  EXPECT_TRUE(IsNumeric(U'½'));
  EXPECT_TRUE(IsNumeric(U'Ⅷ'));
  EXPECT_TRUE(IsNumeric(U'七'));  // a Han numeral, from Unihan
  EXPECT_FALSE(IsNumeric(U'a'));
  EXPECT_TRUE(IsAlnum(U'½'));
  EXPECT_TRUE(IsAlnum(U'é'));
  EXPECT_FALSE(IsAlnum(U'€'));

  EXPECT_EQ(DecimalValue(U'7'), 7);
  EXPECT_EQ(DecimalValue(U'٣'), 3);
  EXPECT_EQ(DecimalValue(U'১'), 1);
  EXPECT_EQ(DecimalValue(U'𝟗'), 9);
  EXPECT_EQ(DecimalValue(U'²'), -1);
  EXPECT_EQ(DecimalValue(U'七'), -1);
  EXPECT_EQ(DecimalValue(U'a'), -1);
}

TEST(UnicodeDbTest, SpacesAndLineBreaks) {
  for (char32_t c :
       {U'\t', U'\x1f', U'\x85', U'\xa0', U'\u1680', U'\u2003', U'\u2028', U'\u202f', U'\u3000'}) {
    EXPECT_TRUE(IsSpace(c)) << static_cast<uint32_t>(c);
  }
  EXPECT_FALSE(IsSpace(U'\u200b'));  // zero width space: Cf, bidirectional BN
  EXPECT_FALSE(IsSpace(U'\u180e'));  // no longer a space since Unicode 6.3
  EXPECT_FALSE(IsSpace(U'x'));

  for (char32_t c : {U'\n', U'\v', U'\f', U'\r', U'\x1c', U'\x1e', U'\x85', U'\u2028', U'\u2029'}) {
    EXPECT_TRUE(IsLineBreak(c)) << static_cast<uint32_t>(c);
  }
  EXPECT_FALSE(IsLineBreak(U'\x1f'));
  EXPECT_FALSE(IsLineBreak(U'\t'));
  EXPECT_FALSE(IsLineBreak(U'\u2003'));
}

TEST(UnicodeDbTest, CaseProperties) {
  EXPECT_TRUE(IsUpper(U'Σ'));
  EXPECT_TRUE(IsUpper(U'Ⓐ'));  // So, but Other_Uppercase
  EXPECT_FALSE(IsLower(U'Σ'));
  EXPECT_TRUE(IsLower(U'ß'));
  EXPECT_TRUE(IsLower(U'ª'));
  EXPECT_TRUE(IsTitle(U'ǅ'));
  EXPECT_FALSE(IsUpper(U'ǅ'));
  EXPECT_FALSE(IsLower(U'ǅ'));
  EXPECT_FALSE(IsTitle(U'Σ'));

  EXPECT_TRUE(IsCased(U'ǅ'));
  EXPECT_TRUE(IsCased(U'ʰ'));
  EXPECT_FALSE(IsCased(U'中'));
  EXPECT_TRUE(IsCaseIgnorable(U'ʰ'));  // both cased and case-ignorable
  EXPECT_TRUE(IsCaseIgnorable(U'\u0301'));
  EXPECT_TRUE(IsCaseIgnorable(U'\''));
  EXPECT_TRUE(IsCaseIgnorable(U'\u2019'));
  EXPECT_FALSE(IsCaseIgnorable(U'a'));
}

TEST(UnicodeDbTest, Printable) {
  EXPECT_TRUE(IsPrintable(U' '));
  EXPECT_TRUE(IsPrintable(U'é'));
  EXPECT_TRUE(IsPrintable(U'😀'));
  EXPECT_FALSE(IsPrintable(U'\x7f'));
  EXPECT_FALSE(IsPrintable(U'\xa0'));        // Zs
  EXPECT_FALSE(IsPrintable(U'\xad'));        // Cf
  EXPECT_FALSE(IsPrintable(U'\u2028'));      // Zl
  EXPECT_FALSE(IsPrintable(U'\u0378'));      // unassigned
  EXPECT_FALSE(IsPrintable(U'\ue000'));      // private use
  EXPECT_FALSE(IsPrintable(U'\U000e0001'));  // a tag
}

TEST(UnicodeDbTest, Identifiers) {
  EXPECT_TRUE(IsXidStart(U'a'));
  EXPECT_FALSE(IsXidStart(U'_'));  // Python allows it first on its own
  EXPECT_TRUE(IsXidContinue(U'_'));
  EXPECT_TRUE(IsXidStart(U'℘'));    // Other_ID_Start
  EXPECT_FALSE(IsXidStart(U'゛'));  // ID_Start, but NFKC makes it a space and a mark
  EXPECT_FALSE(IsXidStart(U'٣'));
  EXPECT_TRUE(IsXidContinue(U'٣'));
  EXPECT_TRUE(IsXidContinue(U'·'));
  EXPECT_TRUE(IsXidContinue(U'\u0301'));
  EXPECT_FALSE(IsXidContinue(U'€'));
  EXPECT_FALSE(IsXidContinue(U'\u200b'));
}

TEST(UnicodeDbTest, FullCaseMappings) {
  EXPECT_EQ(Upper("ﬃ"), "FFI");
  EXPECT_EQ(Upper("aßb"), "ASSB");
  EXPECT_EQ(Upper("ŉ"), "ʼN");
  EXPECT_EQ(Upper("ΐ"), "\u0399\u0308\u0301");
  EXPECT_EQ(Upper("ᾳ"), "ΑΙ");
  EXPECT_EQ(Upper("𐐨x"), "𐐀X");  // four-byte UTF-8
  EXPECT_EQ(Upper("ǆ"), "Ǆ");
  EXPECT_EQ(Upper("1 + ü = ?"), "1 + Ü = ?");

  EXPECT_EQ(Lower("İ"), "i̇");
  EXPECT_EQ(Lower("ΑΣ"), "ασ");  // never ς: that is str.lower()'s to decide
  EXPECT_EQ(Lower("ΣΣΣ"), "σσσ");
  EXPECT_EQ(Lower("ÀΣÉ"), "àσé");
  EXPECT_EQ(Lower("Ꭰ"), "ꭰ");  // Cherokee
  EXPECT_EQ(Lower("ǅ"), "ǆ");

  EXPECT_EQ(Title("ǆ"), "ǅ");
  EXPECT_EQ(Title("ß"), "Ss");
  EXPECT_EQ(Title("ﬃ"), "Ffi");
  EXPECT_EQ(Title("\u0345"), "Ι");  // a combining mark with a titlecase mapping
  EXPECT_EQ(Title("aǆb"), "AǅB");   // each code point on its own

  EXPECT_EQ(Folded("ß"), "ss");
  EXPECT_EQ(Folded("ς"), "σ");
  EXPECT_EQ(Folded("ﬃ"), "ffi");
  EXPECT_EQ(Folded("ꭰ"), "Ꭰ");  // Cherokee folds to uppercase
  EXPECT_EQ(Folded("İ"), "i̇");    // the F entry, not the Turkic T one
  EXPECT_EQ(Folded("ABC"), "abc");

  std::string out = "kept ";
  AppendUpper(out, "ß");
  EXPECT_EQ(out, "kept SS");
}

TEST(UnicodeDbTest, Nfkc) {
  EXPECT_EQ(NormalizeNfkc("ﬁ"), "fi");
  EXPECT_EQ(NormalizeNfkc("ℌ"), "H");
  EXPECT_EQ(NormalizeNfkc("Ⅷ"), "VIII");
  EXPECT_EQ(NormalizeNfkc("e\u0301"), "é");
  EXPECT_EQ(NormalizeNfkc("x\u0301\u0323"), "x\u0323\u0301");  // canonical order
  EXPECT_EQ(NormalizeNfkc("plain_ascii"), "plain_ascii");
  EXPECT_EQ(NormalizeNfkc(""), "");
}

// Pieces end before a code point that starts a segment, so they never split
// a combining sequence that fits in one.
TEST(UnicodeDbTest, NfkcInPiecesEqualsWhole) {
  const std::string text = "ﬁe\u0301\u0323x\u0323\u0301ﬃa\u0308\u0301ℌ\U0001d400o\u0302";
  const std::string whole = NormalizeNfkc(text);
  EXPECT_EQ(whole, "fi\u1eb9\u0301x\u0323\u0301ffi\u00e4\u0301HA\u00f4");
  for (size_t piece = 8; piece <= text.size(); ++piece) {
    EXPECT_EQ(internal::NormalizeNfkcInPieces(text, piece), whole) << "pieces of " << piece;
  }
}

}  // namespace
}  // namespace islet::unicode
