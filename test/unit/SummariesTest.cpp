#include "Summaries.h"
#include <gtest/gtest.h>

using namespace prodready;

static SummaryPoint at(const std::string &File, unsigned Line) {
  SummaryPoint P;
  P.File = File;
  P.Offset = Line * 10;
  P.Line = Line;
  P.Column = P.CharColumn = 3;
  return P;
}

static FunctionSummary function(const std::string &Key,
                                std::vector<std::string> Callees,
                                bool Blocks = false) {
  FunctionSummary F;
  F.Key = F.Name = Key;
  F.At = at("/p/" + Key + ".cpp", 1);
  if (Blocks) {
    F.Blocking = "sleep";
    F.BlockingAt = at(F.At.File, 2);
  }
  unsigned Line = 3;
  for (std::string &Callee : Callees)
    F.Calls.push_back({Callee, Callee, at(F.At.File, Line++)});
  return F;
}

static AsyncCallSite site(const std::string &Callee, unsigned Line,
                          unsigned MaxDepth = 4) {
  AsyncCallSite S;
  S.Call = {Callee, Callee, at("/p/main.cpp", Line)};
  S.Context = "coroutine 'run'";
  S.ContextNote = "async context: coroutine 'run'";
  S.ContextAt = at("/p/main.cpp", 1);
  S.MaxDepth = MaxDepth;
  S.LineHash = "h";
  return S;
}

TEST(Summaries, JsonRoundTrip) {
  CallSummaries S;
  S.Functions.push_back(function("f", {"g"}));
  S.Functions.push_back(function("g", {}, true));
  S.Functions.back().CpuBound = true;
  S.AsyncCalls.push_back(site("f", 7, 3));
  CallSummaries Back;
  ASSERT_TRUE(fromJson(nlohmann::json::parse(toJson(S).dump()), Back));
  ASSERT_EQ(Back.Functions.size(), 2u);
  EXPECT_EQ(Back.Functions[0].Calls[0].Callee, "g");
  EXPECT_EQ(Back.Functions[1].Blocking, "sleep");
  EXPECT_TRUE(Back.Functions[1].CpuBound);
  ASSERT_EQ(Back.AsyncCalls.size(), 1u);
  EXPECT_EQ(Back.AsyncCalls[0].MaxDepth, 3u);
  EXPECT_EQ(Back.AsyncCalls[0].Call.At.Line, 7u);
  EXPECT_FALSE(fromJson(nlohmann::json::parse(R"({"functions": 1})"), Back));
  EXPECT_FALSE(fromJson(
      nlohmann::json::parse(R"({"functions": [{"key": 1}], "asyncCalls": []})"),
      Back));
}

TEST(Summaries, LinksShortestPathAndEndsCycles) {
  CallSummaries S;
  // a -> b -> c (blocks); a -> d -> b: the first shortest path is a, b, c.
  S.Functions.push_back(function("a", {"d", "b"}));
  S.Functions.push_back(function("b", {"c"}));
  S.Functions.push_back(function("c", {}, true));
  S.Functions.push_back(function("d", {"b"}));
  // x <-> y: a cycle that never blocks.
  S.Functions.push_back(function("x", {"y"}));
  S.Functions.push_back(function("y", {"x"}));
  S.AsyncCalls.push_back(site("a", 5));
  S.AsyncCalls.push_back(site("x", 6));
  S.AsyncCalls.push_back(site("unknown", 8));
  std::vector<Finding> Found = linkCallSummaries(S, {});
  ASSERT_EQ(Found.size(), 1u);
  EXPECT_EQ(Found[0].Rule, BlockingInAsyncRule);
  EXPECT_EQ(Found[0].Where.Line, 5u);
  EXPECT_NE(Found[0].Message.find("('a' -> 'b' -> 'c' -> 'sleep')"),
            std::string::npos);
  ASSERT_EQ(Found[0].Notes.size(), 4u);
  EXPECT_EQ(Found[0].Notes[0].Message, "'a' calls 'b' here");
  EXPECT_EQ(Found[0].Notes[0].Where.Line, 4u);
  EXPECT_EQ(Found[0].Notes[1].Message, "'b' calls 'c' here");
  EXPECT_EQ(Found[0].Notes[2].Message,
            "'c' makes the blocking call to 'sleep' here");
  EXPECT_EQ(Found[0].Notes[2].Where.Line, 2u);
  EXPECT_EQ(Found[0].Notes[3].Message, "async context: coroutine 'run'");
  EXPECT_EQ(Found[0].LineHash, "h");
}

TEST(Summaries, DepthBoundAndDeduplication) {
  CallSummaries S;
  S.Functions.push_back(function("a", {"b"}));
  S.Functions.push_back(function("b", {}, true));
  S.AsyncCalls.push_back(site("a", 5, /*MaxDepth=*/1));
  S.AsyncCalls.push_back(site("a", 6, /*MaxDepth=*/2));
  S.AsyncCalls.push_back(site("a", 6, /*MaxDepth=*/2)); // a header, 2 units
  S.AsyncCalls.push_back(site("b", 7));
  Finding Existing;
  Existing.Rule = BlockingInAsyncRule;
  Existing.Where.File = "/p/main.cpp";
  Existing.Where.Line = 7;
  Existing.Where.Column = 3;
  std::vector<Finding> Found = linkCallSummaries(S, {Existing});
  ASSERT_EQ(Found.size(), 1u);
  EXPECT_EQ(Found[0].Where.Line, 6u);
}

TEST(Summaries, NoLint) {
  const char *Check = "prodready-blocking-in-async";
  llvm::StringRef Source = "a();\n"
                           "b(); // NOLINT\n"
                           "c(); // NOLINT(prodready-blocking-*)\n"
                           "d(); // NOLINT(prodready-other)\n"
                           "// NOLINTNEXTLINE(prodready-blocking-in-async)\n"
                           "e();\n"
                           "// NOLINTBEGIN(prodready-blocking-in-async)\n"
                           "f();\n"
                           "// NOLINTEND(prodready-blocking-in-async)\n"
                           "g(); // NOLINT(*,-prodready-blocking-in-async)\n";
  auto Line = [&](unsigned N) {
    size_t Offset = 0;
    for (unsigned I = 1; I < N; ++I)
      Offset = Source.find('\n', Offset) + 1;
    return suppressedByNoLint(Source, Offset, Check);
  };
  EXPECT_FALSE(Line(1));
  EXPECT_TRUE(Line(2));
  EXPECT_TRUE(Line(3));
  EXPECT_FALSE(Line(4));
  EXPECT_TRUE(Line(6));
  EXPECT_TRUE(Line(8));
  EXPECT_FALSE(Line(10));
}

TEST(Summaries, SecretArgumentsReachALogThroughParameters) {
  CallSummaries S;
  ParameterSummary Audit;
  Audit.Key = Audit.Name = "audit";
  Audit.Logs.push_back({1, "detail", "printf", at("/p/audit.cpp", 5)});
  ParameterSummary Record;
  Record.Key = Record.Name = "record";
  Record.Forwards.push_back(
      {0, "credential", {"audit", "audit", at("/p/audit.cpp", 9)}, 1});
  // A cycle that never logs.
  ParameterSummary Tell;
  Tell.Key = Tell.Name = "tell";
  Tell.Forwards.push_back(
      {0, "text", {"relay", "relay", at("/p/t.cpp", 1)}, 0});
  ParameterSummary Relay;
  Relay.Key = Relay.Name = "relay";
  Relay.Forwards.push_back({0, "text", {"tell", "tell", at("/p/t.cpp", 2)}, 0});
  for (ParameterSummary *P : {&Audit, &Record, &Tell, &Relay})
    S.Parameters.push_back(*P);
  auto Site = [](const std::string &Callee, unsigned Index, unsigned Line) {
    SecretArgumentSite Site;
    Site.Call = {Callee, Callee, at("/p/main.cpp", Line)};
    Site.Index = Index;
    Site.Secret = "password";
    Site.ArgumentAt = at("/p/main.cpp", Line);
    Site.Steps.push_back(
        {"secret 'password' comes from here", at("/p/main.cpp", 1)});
    return Site;
  };
  S.SecretArguments.push_back(Site("record", 0, 8));
  S.SecretArguments.push_back(Site("audit", 0, 9)); // parameter 0 is not logged
  S.SecretArguments.push_back(Site("tell", 0, 10));
  CallSummaries Back;
  ASSERT_TRUE(fromJson(nlohmann::json::parse(toJson(S).dump()), Back));
  ASSERT_EQ(Back.Parameters.size(), 4u);
  ASSERT_EQ(Back.SecretArguments.size(), 3u);
  std::vector<Finding> Found = linkCallSummaries(Back, {});
  ASSERT_EQ(Found.size(), 1u);
  EXPECT_EQ(Found[0].Rule, "prodready-secret-in-log");
  EXPECT_EQ(Found[0].Where.Line, 8u);
  EXPECT_NE(Found[0].Message.find("passed to 'record' as its parameter "
                                  "'credential', which writes it to a log by "
                                  "'printf'"),
            std::string::npos);
  ASSERT_EQ(Found[0].Notes.size(), 3u);
  EXPECT_EQ(Found[0].Notes[1].Message,
            "'record' passes its parameter 'credential' to 'audit' here");
  EXPECT_EQ(Found[0].Notes[2].Message,
            "'audit' writes its parameter 'detail' to a log by 'printf' here");
}
