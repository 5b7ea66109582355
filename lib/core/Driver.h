//===--- Driver.h - the prodready command-line driver -----------*- C++ -*-===//
//
// Everything the `prodready` executable does, behind a thin main(): find the
// compilation database, pick the translation units, analyse them in parallel
// worker processes (a crash in one unit cannot take down the run), replay
// unchanged units from the cache, merge, link, filter and write the outputs.
// It knows no rule: rules come from the registered clang-tidy module.
//
// runDriver is the pipeline; each stage lives in its own file:
//   DatabaseLoader.h  the compilation database
//   Configuration.h   the clang-tidy configuration, checked before any work
//   Scheduling.h      which units, from the cache or analysed in workers
//   Workers.h         the worker processes and their budgets
//   UnitCache.h       the cache of unit results
//   Merge.h           the units' results merged into one Report
//   LinkPhase.h       findings whose path crosses units
//   Baseline.h, Diff.h  baselines and --diff/--diff-base
//   Fixes.h           --fix
//   OutputFormats.h   the writers, one table row per --format
//   Console.h         what the run says on stderr
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_LIB_CORE_DRIVER_H
#define PRODREADY_LIB_CORE_DRIVER_H

#include "DatabaseLoader.h"
#include "DriverOptions.h"
#include "Workers.h"
#include <optional>
#include <string>
#include <vector>

namespace prodready {

/// Runs the driver; returns the process exit code.
int runDriver(const DriverOptions &Opts);

/// `prodready merge -o OUT IN...`
int runMerge(const std::vector<std::string> &Inputs, const std::string &Output,
             const std::string &ChecklistPath);

/// What `prodready report` is asked for besides its input.
struct ReportOptions {
  std::string Format, Output, ChecklistPath;
  std::string LinkBase; // --link-base
  /// --project-name, --commit; default: from the log's
  /// versionControlProvenance (the repository's name, revisionId), else the
  /// source root's name and no commit. "" omits them.
  std::optional<std::string> ProjectName, Commit;
  std::string Color = "auto"; // --color, for --format=text
};

/// `prodready report [--format=markdown|text|...] IN`
int runReport(const std::string &Input, const ReportOptions &Opts);

} // namespace prodready

#endif // PRODREADY_LIB_CORE_DRIVER_H
