//===--- Scheduling.h - which units a run analyses, and how -----*- C++ -*-===//
//
// The units of a run: the files named on the command line or every file of
// the database, each once, those of this --shard only, minus the units out
// of scope (generated, test, vendored, --exclude). Each is then replayed
// from the cache or analysed in a worker process.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_LIB_CORE_SCHEDULING_H
#define PRODREADY_LIB_CORE_SCHEDULING_H

#include "DatabaseLoader.h"
#include "DriverOptions.h"
#include "Finding.h"
#include "UnitCache.h"
#include "Workers.h"
#include "llvm/Support/Error.h"
#include <map>
#include <string>
#include <vector>

namespace prodready {

struct UnitSelection {
  std::vector<std::string> Files; // absolute, sorted, this shard's
  /// Files of the database that cannot be analysed (missing, not regular).
  std::vector<Notification> Skipped;
};

/// The units of a run (see above; --shard relative to \p Root). A file named
/// on the command line that cannot be analysed is an error, and so is a
/// database none of whose files exists.
llvm::Expected<UnitSelection> selectUnits(const DriverOptions &Opts,
                                          const LoadedDatabase &DB,
                                          const std::string &Root);

/// Removes the units that are out of scope from \p Files (before any
/// parsing); returns them with the reason (generated, test, ...).
std::map<std::string, std::string>
removeOutOfScopeUnits(std::vector<std::string> &Files, const LoadedDatabase &DB,
                      const AnalyzerOptions &Analysis);

struct AnalysedUnits {
  std::vector<UnitResult> Units; // in the order of the files
  size_t FromCache = 0;
};

/// Each of \p Files replayed from \p Cache when it is still valid, else
/// analysed in the worker pool (and stored). Incomplete when
/// stopRequested() afterwards.
AnalysedUnits analyseUnits(const LoadedDatabase &DB,
                           const std::vector<std::string> &Files,
                           const DriverOptions &Opts,
                           const AnalyzerOptions &Analysis,
                           const UnitCache &Cache, llvm::StringRef TempDir);

} // namespace prodready

#endif // PRODREADY_LIB_CORE_SCHEDULING_H
