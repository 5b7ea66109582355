// The preamble: the includes and the #define below, up to the first
// declaration. A credential is detected in it, so its PCH is never stored.
#include "secrets.h"
#include "util.h"
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
