#include "Finding.h"
#include <gtest/gtest.h>

using namespace prodready;

static Finding makeFinding(const std::string &File, unsigned Line,
                           const std::string &Hash) {
  Finding F;
  F.Rule = "prodready-swallowed-exception";
  F.Level = "warning";
  F.Message = "m";
  F.Where.File = File;
  F.Where.Line = Line;
  F.Where.Column = 3;
  F.LineHash = Hash;
  return F;
}

TEST(Finding, JsonRoundTrip) {
  UnitResult U;
  U.File = "/p/a.cpp";
  Finding F = makeFinding("/p/a.cpp", 4, "abc");
  F.Notes.push_back({"note here", F.Where});
  F.Fixes.push_back({F.Where, "x"});
  U.Findings.push_back(F);
  U.Notifications.push_back({"/p/a.cpp", "error", "broken", "parse-error"});
  U.Dependencies.push_back({"/p/a.cpp", "0123"});
  UnitResult Back;
  ASSERT_TRUE(fromJson(nlohmann::json::parse(toJson(U).dump()), Back));
  ASSERT_EQ(Back.Findings.size(), 1u);
  EXPECT_EQ(Back.Findings[0].Notes[0].Message, "note here");
  EXPECT_EQ(Back.Findings[0].Fixes[0].Text, "x");
  EXPECT_EQ(Back.Notifications[0].Id, "parse-error");
  EXPECT_EQ(Back.Dependencies[0].second, "0123");
}

TEST(Finding, MalformedJsonIsRejectedNotFatal) {
  UnitResult U;
  EXPECT_FALSE(fromJson(nlohmann::json::parse(R"({"file": 3})"), U));
  EXPECT_FALSE(fromJson(nlohmann::json::parse(R"([1,2])"), U));
  EXPECT_FALSE(fromJson(
      nlohmann::json::parse(
          R"({"file":"a","parsed":true,"crashed":false,"findings":[{"rule":1}],"notifications":[],"dependencies":[]})"),
      U));
}

TEST(Finding, FingerprintIgnoresLineNumbers) {
  std::vector<Finding> Before = {makeFinding("/p/a.cpp", 10, "h1"),
                                 makeFinding("/p/a.cpp", 20, "h1")};
  std::vector<Finding> After = {makeFinding("/p/a.cpp", 15, "h1"),
                                makeFinding("/p/a.cpp", 25, "h1")};
  assignFingerprints(Before);
  assignFingerprints(After);
  EXPECT_EQ(Before[0].Fingerprint, After[0].Fingerprint);
  EXPECT_EQ(Before[1].Fingerprint, After[1].Fingerprint);
  // Same line text twice: told apart by the occurrence index.
  EXPECT_NE(Before[0].Fingerprint, Before[1].Fingerprint);
  EXPECT_NE(Before[0].Fingerprint.find(":1"), std::string::npos);
}
