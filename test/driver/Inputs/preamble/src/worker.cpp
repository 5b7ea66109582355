// Its preamble holds no credential: stored, then reused.
#include "legacy.h"
#include "util.h"
#include <vector>

int work(std::vector<int> &Items) {
  try {
    mayThrow();
  } catch (...) {
  }
  return static_cast<int>(Items.size());
}
