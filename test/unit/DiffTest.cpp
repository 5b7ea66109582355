#include "Diff.h"
#include <gtest/gtest.h>

using namespace prodready;

TEST(Diff, AddedLinesPerFile) {
  const char *Text = "diff --git a/src/a.cpp b/src/a.cpp\n"
                     "--- a/src/a.cpp\n"
                     "+++ b/src/a.cpp\n"
                     "@@ -3,0 +4,2 @@\n"
                     "+int x;\n"
                     "+int y;\n"
                     "@@ -10 +12 @@\n"
                     "-old\n"
                     "+new\n"
                     "--- a/gone.cpp\n"
                     "+++ /dev/null\n"
                     "@@ -1 +0,0 @@\n"
                     "-bye\n";
  auto Lines = parseUnifiedDiff(Text, "t.diff");
  ASSERT_TRUE(static_cast<bool>(Lines));
  EXPECT_EQ((*Lines)["src/a.cpp"], (std::set<unsigned>{4, 5, 12}));
  EXPECT_EQ(Lines->count("gone.cpp"), 0u);
}

TEST(Diff, ContextLinesAdvanceTheCounter) {
  const char *Text = "--- a/f.c\n+++ b/f.c\n@@ -1,3 +1,4 @@\n a\n+b\n c\n+d\n";
  auto Lines = parseUnifiedDiff(Text, "t.diff");
  ASSERT_TRUE(static_cast<bool>(Lines));
  EXPECT_EQ((*Lines)["f.c"], (std::set<unsigned>{2, 4}));
}

TEST(Diff, MalformedHunkIsAnError) {
  auto Lines = parseUnifiedDiff("+++ b/f.c\n@@ -1,3 +x,4 @@\n", "bad.diff");
  ASSERT_FALSE(static_cast<bool>(Lines));
  std::string Message = llvm::toString(Lines.takeError());
  EXPECT_NE(Message.find("bad.diff:2"), std::string::npos) << Message;
}
