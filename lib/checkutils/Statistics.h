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

namespace prodready {

/// Adds \p N to the counter \p Name (e.g. "unchecked-value-access.functions-over-budget").
void countStatistic(llvm::StringRef Name, unsigned N = 1);

/// Returns the counters and resets them.
std::map<std::string, unsigned> takeStatistics();

/// Records that findings in the file \p Path were dropped because the file
/// is out of scope (\p Reason: generated, test, vendored, excluded).
void recordOutOfScope(llvm::StringRef Path, llvm::StringRef Reason);

/// Returns the files recorded by recordOutOfScope (path -> reason) and
/// resets them.
std::map<std::string, std::string> takeOutOfScope();

} // namespace prodready

#endif // PRODREADY_LIB_CHECKUTILS_STATISTICS_H
