// A project header read through the preamble: its #defines reach the
// checks only by the preamble's replay, its functions only through the PCH.
#pragma once
#include <string>

void mayThrow();

inline void headerSwallow() {
  try {
    mayThrow();
  } catch (...) {
  }
}

inline void silencedSwallow() {
  try {
    mayThrow();
  } catch (...) { // NOLINT(prodready-swallowed-exception)
  }
}
