#include "Sarif.h"
#include <gtest/gtest.h>

using namespace prodready;

static Report sampleReport() {
  Report R;
  Finding F;
  F.Rule = "prodready-swallowed-exception";
  F.Level = "warning";
  F.Message = "m";
  F.Where = {"/repo/src/a b.cpp", 10, 2, 3, 5, 3, 7, 5, 7};
  F.Fingerprint = "abc:1";
  F.Notes.push_back({"note", F.Where});
  R.Findings.push_back(F);
  Finding Outside = F;
  Outside.Where.File = "/elsewhere/x.cpp";
  R.Findings.push_back(Outside);
  R.Notifications.push_back(
      {"/repo/src/b.cpp", "error", "broken", "parse-error"});
  R.Rules = {"prodready-swallowed-exception"};
  R.FilesAnalysed = 2;
  return R;
}

TEST(Sarif, ResultsAreRelativeToTheSourceRoot) {
  SarifOptions Opts;
  Opts.SourceRoot = "/repo";
  Opts.Items = &defaultChecklist();
  auto Log = toSarif(sampleReport(), Opts);
  const auto &Run = Log["runs"][0];
  ASSERT_EQ(Run["results"].size(), 1u);
  const auto &Loc = Run["results"][0]["locations"][0]["physicalLocation"];
  EXPECT_EQ(Loc["artifactLocation"]["uri"], "src/a%20b.cpp");
  EXPECT_EQ(Loc["artifactLocation"]["uriBaseId"], "%SRCROOT%");
  EXPECT_EQ(Loc["region"]["startColumn"], 5);
  EXPECT_EQ(Run["originalUriBaseIds"]["%SRCROOT%"]["uri"], "file:///repo/");
  // The result outside the root is counted in a notification.
  const auto &Notes = Run["invocations"][0]["toolExecutionNotifications"];
  ASSERT_EQ(Notes.size(), 2u);
  EXPECT_EQ(Notes[1]["descriptor"]["id"], "outside-source-root");
  // Every relationship points at a taxon of the run.
  std::set<std::string> Taxa;
  for (const auto &Taxonomy : Run["taxonomies"])
    for (const auto &T : Taxonomy["taxa"])
      Taxa.insert(Taxonomy["name"].get<std::string>() + "/" +
                  T["id"].get<std::string>());
  for (const auto &Rule : Run["tool"]["driver"]["rules"])
    for (const auto &Rel : Rule["relationships"])
      EXPECT_TRUE(
          Taxa.count(Rel["target"]["toolComponent"]["name"].get<std::string>() +
                     "/" + Rel["target"]["id"].get<std::string>()))
          << Rule["id"];
}

TEST(Sarif, DeterministicAndReadableBack) {
  SarifOptions Opts;
  Opts.SourceRoot = "/repo";
  Opts.Items = &defaultChecklist();
  std::string A = toSarif(sampleReport(), Opts).dump(2);
  std::string B = toSarif(sampleReport(), Opts).dump(2);
  EXPECT_EQ(A, B);
  std::string Root;
  auto Back = readSarif(A, "a.sarif", Root);
  ASSERT_TRUE(static_cast<bool>(Back)) << llvm::toString(Back.takeError());
  EXPECT_EQ(Root, "/repo");
  ASSERT_EQ(Back->Findings.size(), 1u);
  EXPECT_EQ(Back->Findings[0].Where.File, "/repo/src/a b.cpp");
  EXPECT_EQ(Back->Findings[0].Fingerprint, "abc:1");
  EXPECT_EQ(Back->Rules,
            std::vector<std::string>{"prodready-swallowed-exception"});
}

TEST(Sarif, MalformedLogsAreErrorsNotCrashes) {
  std::string Root;
  for (
      const char *Text :
      {"", "{", "[]", R"({"version":"2.1.0"})",
       R"({"version":"2.1.0","runs":[1]})",
       R"({"version":"2.1.0","runs":[{"results":[{"ruleId":"x"}]}]})",
       R"({"version":"2.1.0","runs":[{"results":[{"ruleId":"x","locations":[{"physicalLocation":{"artifactLocation":{"uri":1}}}]}]}]})",
       R"({"version":"2.1.0","runs":[{"invocations":[{"properties":{"filesAnalysed":"x"}}]}]})"}) {
    auto Log = readSarif(Text, "bad.sarif", Root);
    if (!Log)
      EXPECT_NE(llvm::toString(Log.takeError()).find("bad.sarif"),
                std::string::npos)
          << Text;
  }
}
