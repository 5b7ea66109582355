#include "Redact.h"
#include <gtest/gtest.h>

using namespace prodready;

TEST(Redact, EveryKnownFormatInFreeText) {
  for (const char *Secret : {
           "AKIAQWERTYUIOPASDFGH",
           "ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3z5C7",
           "xoxb-2048675309-7Kq9Wz3Rt5YpLm",
           "AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q",
           "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
           "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbjEyMyJ9."
           "c2lnbmF0dXJlLXZhbHVlLTk4NzY1",
       }) {
    std::string Text =
        std::string("static assertion failed: ") + Secret + " (quoted)";
    std::string Out = redactCredentials(Text);
    EXPECT_EQ(Out.find(Secret), std::string::npos) << Out;
    EXPECT_NE(Out.find("[REDACTED]"), std::string::npos) << Out;
  }
  EXPECT_EQ(
      redactCredentials("Authorization: Bearer Zq8Wm3Np5Rt7Vx9Yb2Cd4Fg6Hj"),
      "Authorization: Bearer [REDACTED]");
  EXPECT_EQ(redactCredentials("-DTOKEN=\\\"Sloth-Pine-6543-Otter\\\""),
            "-DTOKEN=\\\"[REDACTED]\\\"");
  EXPECT_EQ(redactCredentials("postgres://admin:Wombat-Kite-7788@db/app"),
            "postgres://admin:[REDACTED]@db/app");
  EXPECT_EQ(
      redactCredentials(
          "key: -----BEGIN EC PRIVATE KEY-----\nMIIE\n-----END EC PRIVATE "
          "KEY----- after"),
      "key: [REDACTED] after");
}

TEST(Redact, ProseIsLeftAlone) {
  for (const char *Text :
       {"Basic authentication over plain HTTP sends the password",
        "the bearer credentials are logged", "'password' is logged here",
        "a secret store or the environment",
        "calls disk_test_harness1234567890 and basic_string<char>"})
    EXPECT_EQ(redactCredentials(Text), Text);
  // Placeholder words that also appear in messages are not masked.
  EXPECT_EQ(redactCredentials("load it from a secret store", {"secret"}),
            "load it from a secret store");
  EXPECT_EQ(
      redactCredentials("quotes Quokka-Zebra-4242 twice: Quokka-Zebra-4242",
                        {"Quokka-Zebra-4242"}),
      "quotes [REDACTED] twice: [REDACTED]");
}

TEST(Redact, PlainWordsOnlyInCompilerText) {
  EXPECT_EQ(
      redactCredentials("static assertion failed: sunshine", {"sunshine"}),
      "static assertion failed: sunshine");
  EXPECT_EQ(redactCredentials("static assertion failed: sunshine (sunshines)",
                              {"sunshine"},
                              /*CompilerText=*/true),
            "static assertion failed: [REDACTED] (sunshines)");
}

TEST(Redact, RedactingTwiceChangesNothing) {
  std::string Once =
      redactCredentials("password=Quokka-Zebra-4242 AKIAQWERTYUIOPASDFGH");
  EXPECT_EQ(redactCredentials(Once), Once);
}

TEST(Redact, LiteralExtentCoversAdjacentLiterals) {
  llvm::StringRef Source = "const char *Token = \"Marmot-\"\n"
                           "  \"Heron-8080\" /* two */ \"-Lynx\"; int after;\n";
  auto Extent = literalExtentAt(Source, Source.find("Token"));
  ASSERT_TRUE(Extent.has_value());
  EXPECT_EQ(Source.slice(Extent->Begin, Extent->End),
            "\"Marmot-\"\n  \"Heron-8080\" /* two */ \"-Lynx\"");
  EXPECT_NE(std::find(Extent->Texts.begin(), Extent->Texts.end(),
                      "Marmot-Heron-8080-Lynx"),
            Extent->Texts.end());
  // Raw literals span lines; escapes are decoded as a compiler quotes them.
  llvm::StringRef Raw = "auto k = R\"pem(line one\nline two)pem\"; \"x\\ny\"";
  auto RawExtent = literalExtentAt(Raw, 0);
  ASSERT_TRUE(RawExtent.has_value());
  EXPECT_EQ(RawExtent->Texts.front(), "line one\nline two");
  auto Escaped = literalExtentAt(Raw, Raw.find(';') + 1);
  ASSERT_TRUE(Escaped.has_value());
  EXPECT_NE(std::find(Escaped->Texts.begin(), Escaped->Texts.end(), "x\ny"),
            Escaped->Texts.end());
  // No literal before the end of the statement.
  EXPECT_FALSE(literalExtentAt("int password = 4; \"later\"", 0).has_value());
}
