// REQUIRES: gtest
// RUN: %check_prodready %s prodready-unchecked-value-access -config="{CheckOptions: {prodready.IncludeTests: true}}" -- -std=c++20

// googletest's real fatal assertions before an access are checks
// (RULES.md, revision of 2026-12-01); EXPECT_* does not return and is not.

#include <gtest/gtest.h>
#include <optional>
#include <string>

std::optional<int> find(int);
struct Reply { std::optional<std::string> body; };
Reply *fetch();

TEST(Lookup, Finds) {
  auto r = find(1);
  ASSERT_TRUE(r);
  EXPECT_EQ(*r, 1);
  auto s = find(2);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s.value(), 2);
  auto t = find(3);
  ASSERT_NE(t, std::nullopt);
  EXPECT_EQ(*t, 3);
  auto u = find(4);
  ASSERT_FALSE(!u);
  EXPECT_EQ(*u, 4);
  Reply *reply = fetch();
  ASSERT_TRUE(reply->body);
  EXPECT_EQ(*reply->body, "ok");
}

TEST(Lookup, ExpectDoesNotReturn) {
  auto r = find(1);
  EXPECT_TRUE(r);
  EXPECT_EQ(*r, 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: operator* of 'std::optional<int>' is not preceded by a check
}
