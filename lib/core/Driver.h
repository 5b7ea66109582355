//===--- Driver.h - the prodready command-line driver -----------*- C++ -*-===//
//
// Everything the `prodready` executable does, behind a thin main(): find the
// compilation database, pick the translation units, analyse them in parallel
// worker processes (a crash in one unit cannot take down the run), replay
// unchanged units from the cache, merge, filter and write the outputs. It
// knows no rule: rules come from the registered clang-tidy module.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_LIB_CORE_DRIVER_H
#define PRODREADY_LIB_CORE_DRIVER_H

#include "Analyzer.h"
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace prodready {

/// 130 and 143 (128 + signal) after SIGINT and SIGTERM.
enum ExitCode { ExitClean = 0, ExitFindings = 1, ExitUsage = 2, ExitIncomplete = 3 };

struct DriverOptions {
  std::string BuildPath;                  // -p
  std::vector<std::string> Files;         // positional
  std::optional<std::vector<std::string>> FixedArgs; // after `--`
  AnalyzerOptions Analysis;
  unsigned Jobs = 0;                      // 0: all cores
  std::string Format = "text";            // text | sarif | markdown | json | github | codeclimate
  std::string Output;                     // -o, "-" or empty: stdout
  std::string SarifOutput;                // --sarif-output alongside text
  std::string Category;
  std::string ChecklistPath;
  std::string SourceRoot;                 // --source-root, default: git top or cwd
  std::string CacheDir;                   // --cache
  bool NoCache = false;
  uint64_t CacheMaxBytes = 2ull << 30;    // --cache-max-size, 0: unbounded
  unsigned TimeoutSeconds = 300;          // --timeout, per unit, 0: none
  std::optional<unsigned> MaxMemoryMiB;   // --max-memory, per worker, 0: none
  std::string Baseline, WriteBaseline;
  bool ShowBaselined = false;             // --show-baselined: also in text
  double ProgressIntervalSeconds = 30;    // without a TTY: a progress line this often
  std::string DiffBase, DiffFile;
  unsigned ShardIndex = 0, ShardCount = 0; // --shard K/N (1-based K)
  std::string FailOn = "warning";
  bool Quiet = false, Strict = false, ListChecks = false, Stats = false;
  bool Fix = false;                       // --fix: apply the fix-its
  std::string DebugCrashOn;               // hidden: crash in units matching it
};

/// The compilation database the driver uses for \p Opts: -p (BuildPath),
/// the flags after `--`, or ./ and ./build/ of the working directory; files
/// missing from it get flags from their neighbours.
struct LoadedDatabase {
  std::unique_ptr<clang::tooling::CompilationDatabase> DB;
  std::string Directory; // of compile_commands.json, "" for fixed flags
  std::vector<std::string> Files;
};
llvm::Expected<LoadedDatabase> loadCompilationDatabase(const DriverOptions &Opts);

/// The driver's default source root: the git root of \p Dir (default: the
/// working directory), or that directory.
std::string defaultSourceRoot(llvm::StringRef Dir = "");

/// Analyses \p Files as the driver does, each in a forked worker process
/// under the budgets of \p Opts (TimeoutSeconds, MaxMemoryMiB): a crash or a
/// budget overrun yields a notification in that unit's result and never
/// touches the caller. \p Opts.Analysis is used as given (ProjectRoot,
/// ResourceDir set by the caller). When \p Abandon (polled while the workers
/// run) returns true, the workers are killed and the results are empty.
std::vector<UnitResult> analyseIsolated(const clang::tooling::CompilationDatabase &DB,
                                        const std::vector<std::string> &Files,
                                        const DriverOptions &Opts,
                                        const std::function<bool()> &Abandon = nullptr);

/// Runs the driver; returns the process exit code.
int runDriver(const DriverOptions &Opts);

/// `prodready merge -o OUT IN...`
int runMerge(const std::vector<std::string> &Inputs, const std::string &Output,
             const std::string &ChecklistPath);

/// `prodready report [--format=markdown|text] IN`
int runReport(const std::string &Input, const std::string &Format,
              const std::string &Output, const std::string &ChecklistPath);

} // namespace prodready

#endif // PRODREADY_LIB_CORE_DRIVER_H
