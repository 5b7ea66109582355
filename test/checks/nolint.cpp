// The NOLINT comment family suppresses findings in the driver exactly as in
// clang-tidy.
// RUN: %check_prodready %s prodready-swallowed-exception

void work();

void suppressed() {
  try { work(); } catch (...) {} // NOLINT
  try { work(); } catch (...) {} // NOLINT(prodready-swallowed-exception)
  try { work(); } catch (...) {} // NOLINT(prodready-*)
  // NOLINTNEXTLINE(prodready-swallowed-exception)
  try { work(); } catch (...) {}
  // NOLINTBEGIN(prodready-swallowed-exception)
  try { work(); } catch (...) {}
  try { work(); } catch (int) {}
  // NOLINTEND(prodready-swallowed-exception)
}

void notSuppressed() {
  try { work(); } catch (...) {} // NOLINT(bugprone-empty-catch)
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: every exception ('...') is caught
  // NOLINTNEXTLINE(prodready-process-exit)
  try { work(); } catch (...) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: every exception ('...') is caught
}
