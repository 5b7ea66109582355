// Stand-in for a test framework's fatal assertions: the macros expand the way
// googletest 1.12's do (an if on a testing::AssertionResult inside
// `switch (0) case 0: default:`, whose failure branch returns), so checks see
// the same AST as in a real gtest unit.
#pragma once
#include <type_traits>

namespace testing {
class Message {};
class AssertionResult {
public:
  template <typename T>
  explicit AssertionResult(
      const T &success,
      typename std::enable_if<
          !std::is_convertible<T, AssertionResult>::value>::type * = nullptr)
      : success_(success) {}
  AssertionResult(const AssertionResult &other);
  explicit operator bool() const { return success_; }
  const char *failure_message() const;

private:
  bool success_;
};
namespace internal {
struct AssertHelper {
  explicit AssertHelper(const char *message);
  void operator=(const Message &) const;
};
template <typename T1, typename T2>
AssertionResult CmpHelperNE(const char *, const char *, const T1 &val1,
                            const T2 &val2) {
  return AssertionResult(val1 != val2);
}
} // namespace internal
} // namespace testing

#define GTEST_AMBIGUOUS_ELSE_BLOCKER_ \
  switch (0)                          \
  case 0:                             \
  default:
#define GTEST_FATAL_FAILURE_(message) \
  return ::testing::internal::AssertHelper(message) = ::testing::Message()
#define GTEST_NONFATAL_FAILURE_(message) \
  ::testing::internal::AssertHelper(message) = ::testing::Message()
#define GTEST_TEST_BOOLEAN_(expression, text, actual, expected, fail) \
  GTEST_AMBIGUOUS_ELSE_BLOCKER_                                       \
  if (const ::testing::AssertionResult gtest_ar_ =                    \
          ::testing::AssertionResult(expression))                     \
    ;                                                                 \
  else                                                                \
    fail(text)
#define GTEST_ASSERT_(expression, on_failure)                   \
  GTEST_AMBIGUOUS_ELSE_BLOCKER_                                 \
  if (const ::testing::AssertionResult gtest_ar = (expression)) \
    ;                                                           \
  else                                                          \
    on_failure(gtest_ar.failure_message())
#define ASSERT_TRUE(condition) \
  GTEST_TEST_BOOLEAN_(condition, #condition, false, true, GTEST_FATAL_FAILURE_)
#define ASSERT_FALSE(condition)                                 \
  GTEST_TEST_BOOLEAN_(!(condition), #condition, true, false,   \
                      GTEST_FATAL_FAILURE_)
#define EXPECT_TRUE(condition)                                  \
  GTEST_TEST_BOOLEAN_(condition, #condition, false, true,       \
                      GTEST_NONFATAL_FAILURE_)
#define ASSERT_NE(val1, val2)                                            \
  GTEST_ASSERT_(::testing::internal::CmpHelperNE(#val1, #val2, val1, val2), \
                GTEST_FATAL_FAILURE_)
