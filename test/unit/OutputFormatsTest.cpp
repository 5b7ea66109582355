#include "OutputFormats.h"
#include <gtest/gtest.h>
#include <set>

using namespace prodready;

TEST(OutputFormats, EveryRowIsUsable) {
  std::set<std::string> Names;
  for (const OutputFormat &Format : outputFormats()) {
    EXPECT_TRUE(Names.insert(Format.Name.str()).second) << Format.Name.str();
    EXPECT_NE(Format.Write, nullptr) << Format.Name.str();
    EXPECT_EQ(findOutputFormat(Format.Name), &Format);
  }
  EXPECT_EQ(findOutputFormat("html"), nullptr);
  ASSERT_NE(findOutputFormat(DefaultFormat), nullptr);
  ASSERT_NE(findOutputFormat(DefaultReportFormat), nullptr);
  EXPECT_TRUE(findOutputFormat(DefaultReportFormat)->RenderedFromSarif);
}

// Code scanning keeps the alerts of baselined findings open only if SARIF
// carries them; every other format shows only new findings.
TEST(OutputFormats, OnlySarifKeepsBaselinedFindings) {
  for (const OutputFormat &Format : outputFormats())
    EXPECT_EQ(Format.KeepsBaselined, Format.Name == "sarif")
        << Format.Name.str();
}

TEST(OutputFormats, NamesAndHelpComeFromTheTable) {
  EXPECT_EQ(joinAsAlternatives(driverFormatNames()),
            "text, sarif, markdown, json, github or codeclimate");
  EXPECT_EQ(joinAsAlternatives(reportFormatNames()),
            "markdown, text, github or codeclimate");
  EXPECT_EQ(formatHelp(),
            "Output format: text, sarif, markdown, json, github (workflow "
            "annotations), codeclimate (GitLab Code Quality)");
  EXPECT_EQ(joinAsAlternatives({"a"}), "a");
}

TEST(OutputFormats, RendersWithTheRowsWriter) {
  Report R;
  Finding F;
  F.Rule = "prodready-process-exit";
  F.Level = "warning";
  F.Message = "exit outside main";
  F.Where.File = "/src/a.cpp";
  F.Where.Line = 3;
  F.Where.Column = 5;
  R.Findings.push_back(F);
  OutputContext Context;
  Context.SourceRoot = "/src";
  Context.Items = &defaultChecklist();
  EXPECT_EQ(renderReport(R, *findOutputFormat("github"), Context),
            "::warning file=a.cpp,line=3,endLine=3,col=5,title=prodready-"
            "process-exit::exit outside main\n");
  EXPECT_EQ(renderReport(R, *findOutputFormat("text"), Context),
            "/src/a.cpp:3:5: warning: exit outside main "
            "[prodready-process-exit]\n");
}
