#include "tools/bench/report_format.h"

#include "gtest/gtest.h"

namespace islet::bench {
namespace {

TEST(FormatNumberTest, IntegersStayIntegersOthersKeepThreeDigits) {
  EXPECT_EQ(FormatNumber(264), "264");
  EXPECT_EQ(FormatNumber(0.6041), "0.604");
  EXPECT_EQ(FormatNumber(2.494), "2.49");
  EXPECT_EQ(FormatNumber(38.04), "38.0");
  EXPECT_EQ(FormatNumber(1234.4), "1234");
}

TEST(FiguresJsonTest, FiguresThenTargetsThenMachine) {
  std::vector<Figure> figures = {
      {"fast_ns", 1.5, Target{true, 2}, ""},
      {"scaling", 1.8, Target{false, 1.9}, ""},
      {"info", 7, std::nullopt, ""},
  };
  EXPECT_EQ(FiguresJson(figures, {{"cores", "2"}}),
            "{\"fast_ns\": 1.50, \"scaling\": 1.80, \"info\": 7, "
            "\"targets\": {\"fast_ns\": \"met\", \"scaling\": \"MISSED\"}, "
            "\"machine\": {\"cores\": \"2\"}}");
}

TEST(ReportSectionTest, SaysPlainlyWhatWasMissed) {
  std::string section = ReportSection({{"scaling", 1.8, Target{false, 1.9}, "ratio"}},
                                      {{"cores", "2"}}, "2026-01-01", "run it", {});
  EXPECT_NE(section.find("| `scaling` | 1.80 | ≥ 1.90 | MISSED | ratio |"), std::string::npos)
      << section;
  EXPECT_NE(section.find("Machine: cores 2."), std::string::npos) << section;
  EXPECT_NE(section.find("```sh\nrun it\n```"), std::string::npos) << section;
}

TEST(ReplaceMarkedSectionTest, ReplacesOnlyBetweenTheMarkers) {
  std::string document =
      "# Title\n\n<!-- report:begin -->\nold\nlines\n<!-- report:end -->\n\n## CI\nkept\n";
  EXPECT_EQ(ReplaceMarkedSection(document, "new\n"),
            "# Title\n\n<!-- report:begin -->\nnew\n<!-- report:end -->\n\n## CI\nkept\n");
  // Twice gives the same document.
  EXPECT_EQ(ReplaceMarkedSection(*ReplaceMarkedSection(document, "new"), "new"),
            ReplaceMarkedSection(document, "new"));
}

TEST(ReplaceMarkedSectionTest, RefusesADocumentWithoutBothMarkers) {
  EXPECT_EQ(ReplaceMarkedSection("no markers\n", "x"), std::nullopt);
  EXPECT_EQ(ReplaceMarkedSection("<!-- report:begin -->\nx\n", "x"), std::nullopt);
  EXPECT_EQ(ReplaceMarkedSection("<!-- report:end -->\n<!-- report:begin -->\n", "x"),
            std::nullopt);
}

TEST(BuildFlavorTest, OnlyAnOptimizedNdebugBuildIsPublished) {
  const BuildFlavor opt{.optimized = true, .ndebug = true, .checked = false, .sanitizers = {}};
  EXPECT_EQ(DescribeBuild(opt), "optimized, NDEBUG");
  EXPECT_EQ(WhyNotPublishable(opt), std::nullopt);

  const BuildFlavor fastbuild;
  EXPECT_EQ(DescribeBuild(fastbuild), "not optimized, assertions on");
  EXPECT_EQ(WhyNotPublishable(fastbuild),
            "this build is not optimized (no __OPTIMIZE__); assertions on (no NDEBUG): build "
            "with --config=opt alone");

  const BuildFlavor tsan_checked{
      .optimized = true, .ndebug = true, .checked = true, .sanitizers = {"TSan"}};
  EXPECT_EQ(DescribeBuild(tsan_checked), "optimized, NDEBUG, checked (ISLET_CHECKED), TSan");
  EXPECT_EQ(WhyNotPublishable(tsan_checked),
            "this build is ownership checks of --config=checked on; built with a sanitizer: "
            "build with --config=opt alone");
}

}  // namespace
}  // namespace islet::bench
