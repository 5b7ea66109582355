// A project header read through the preamble: its #defines reach the
// checks only by the preamble's replay, its functions only through the PCH.
#pragma once
#include <string>

#define SERVICE_PASSWORD "hunter22xyz"
#define BACKUP_PASSWORD "sw0rdfish99" // NOLINT(prodready-hardcoded-secret)

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
