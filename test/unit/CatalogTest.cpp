#include "Catalog.h"
#include "Sarif.h"
#include <gtest/gtest.h>

using namespace prodready;

TEST(Catalog, BuiltInRulesAndChecklist) {
  ASSERT_FALSE(ruleCatalog().empty());
  const RuleInfo *Rule = findRule("prodready-swallowed-exception");
  ASSERT_NE(Rule, nullptr);
  EXPECT_EQ(Rule->Cwe, std::vector<int>{390});
  const Checklist &Items = defaultChecklist();
  ASSERT_FALSE(Items.Items.empty());
  // Every rule evidences at least one checklist item.
  for (const RuleInfo &R : ruleCatalog())
    EXPECT_FALSE(Items.itemsForRule(R.Id).empty()) << R.Id;
}

TEST(Catalog, UserChecklistYamlAndJson) {
  auto Yaml =
      parseChecklist("title: Ours\nsections:\n  - title: Errors\n    items:\n"
                     "      - id: OURS-1\n        title: No swallowed errors\n"
                     "        rules: [swallowed-exception]\n"
                     "      - id: OURS-2\n        title: Runbook\n",
                     "ours.yaml");
  ASSERT_TRUE(static_cast<bool>(Yaml)) << llvm::toString(Yaml.takeError());
  ASSERT_EQ(Yaml->Items.size(), 2u);
  EXPECT_EQ(Yaml->Items[0].Rules,
            std::vector<std::string>{"prodready-swallowed-exception"});
  EXPECT_FALSE(Yaml->Items[1].automated());
  auto Json = parseChecklist(
      R"({"sections":[{"title":"S","items":[{"id":"A","title":"t"}]}]})",
      "ours.json");
  EXPECT_TRUE(static_cast<bool>(Json));
}

static std::string errorOf(const char *Text, const char *Origin) {
  auto Parsed = parseChecklist(Text, Origin);
  if (Parsed)
    return "";
  return llvm::toString(Parsed.takeError());
}

TEST(Catalog, MalformedChecklistNamesFileLineAndProblem) {
  EXPECT_EQ(
      errorOf("{\"sections\": [\n  {\"title\": \"S\",\n   \"items\": [}\n]}",
              "c.json")
          .substr(0, 9),
      "c.json:3:");
  std::string Unknown =
      errorOf("sections:\n  - title: S\n    items:\n      - id: X-1\n"
              "        title: t\n        rules: [no-such-rule]\n",
              "c.yaml");
  EXPECT_NE(Unknown.find("c.yaml:4"), std::string::npos) << Unknown;
  EXPECT_NE(Unknown.find("unknown rule 'no-such-rule'"), std::string::npos)
      << Unknown;
  std::string Dup =
      errorOf("sections:\n  - title: S\n    items:\n      - {id: A, title: t}\n"
              "      - {id: A, title: u}\n",
              "d.yaml");
  EXPECT_NE(Dup.find("used twice"), std::string::npos) << Dup;
  std::string Syntax = errorOf("sections: [\n  - oops\n", "e.yaml");
  EXPECT_NE(Syntax.find("e.yaml:"), std::string::npos) << Syntax;
}

TEST(Report, UriEncoding) {
  EXPECT_EQ(encodeUriPath("src/a b/ü.cpp"), "src/a%20b/%C3%BC.cpp");
  EXPECT_EQ(encodeUriPath("x#y?.cpp"), "x%23y%3F.cpp");
}
