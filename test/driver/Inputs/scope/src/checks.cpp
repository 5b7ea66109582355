#include <gtest/gtest.h>
void work();
void includes_a_test_framework() {
  try { work(); } catch (...) {}
}
