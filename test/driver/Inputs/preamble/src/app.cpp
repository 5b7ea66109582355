// The preamble: the includes and the #define below, up to the first
// declaration.
#include "secrets.h"
#define API_KEY "abc123def456ghi789"
#include <vector>

void mayThrow() {}

int run() {
  try {
    mayThrow();
  } catch (...) {
  }
  return 0;
}
