//===--- Statistics.h - counters checks report to the driver ----*- C++ -*-===//
//
// A check counts what it deliberately skipped (e.g. functions over a
// dataflow budget) here; the prodready driver collects the counters of each
// translation unit and reports them in its summary. In the clang-tidy plugin
// nobody reads them.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_LIB_CHECKUTILS_STATISTICS_H
#define PRODREADY_LIB_CHECKUTILS_STATISTICS_H

#include "llvm/ADT/StringRef.h"
#include <map>
#include <string>
#include <vector>

namespace prodready {

/// Adds \p N to the counter \p Name (e.g.
/// "unchecked-value-access.functions-over-budget").
void countStatistic(llvm::StringRef Name, unsigned N = 1);

/// Returns the counters and resets them.
std::map<std::string, unsigned> takeStatistics();

/// Records that findings in the file \p Path were dropped because the file
/// is out of scope (\p Reason: generated, test, vendored, excluded).
void recordOutOfScope(llvm::StringRef Path, llvm::StringRef Reason);

/// Returns the files recorded by recordOutOfScope (path -> reason) and
/// resets them.
std::map<std::string, std::string> takeOutOfScope();

/// A warning a check did not report because its file is out of scope or
/// its code did not parse. The driver's redaction still needs it: a
/// credential detected there must not leak through a compiler message
/// (`static_assert(..., "the secret")`) of the same unit.
struct DroppedFinding {
  std::string Check;   // e.g. "prodready-hardcoded-secret"
  std::string File;    // absolute path
  unsigned Line = 0;   // 1-based, of the expansion location
  unsigned Offset = 0; // the same location as a byte offset
  std::string Message; // the warning as the check worded it
};

void recordDroppedFinding(DroppedFinding Finding);

/// Returns the findings recorded by recordDroppedFinding and resets them.
std::vector<DroppedFinding> takeDroppedFindings();

} // namespace prodready

#endif // PRODREADY_LIB_CHECKUTILS_STATISTICS_H
