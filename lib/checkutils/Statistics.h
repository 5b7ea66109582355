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

} // namespace prodready

#endif // PRODREADY_LIB_CHECKUTILS_STATISTICS_H
