//===--- DriverOptions.h - what the command line asks for -------*- C++ -*-===//

#ifndef PRODREADY_LIB_CORE_DRIVEROPTIONS_H
#define PRODREADY_LIB_CORE_DRIVEROPTIONS_H

#include "Analyzer.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace prodready {

/// 130 and 143 (128 + signal) after SIGINT and SIGTERM.
enum ExitCode {
  ExitClean = 0,
  ExitFindings = 1,
  ExitUsage = 2,
  ExitIncomplete = 3
};

struct DriverOptions {
  std::string BuildPath;                             // -p
  std::vector<std::string> Files;                    // positional
  std::optional<std::vector<std::string>> FixedArgs; // after `--`
  AnalyzerOptions Analysis;
  unsigned Jobs = 0;           // 0: all cores
  std::string Format = "text"; // a row of the OutputFormats.h table
  std::string Output;          // -o, "-" or empty: stdout
  std::string SarifOutput;     // --sarif-output alongside text
  std::string Category;
  std::string ChecklistPath;
  std::string SourceRoot; // --source-root, default: git top or cwd
  std::string CacheDir;   // --cache
  bool NoCache = false;
  /// --preamble: which units are parsed with a precompiled preamble
  /// (PreambleStore.h): "changed" (analysed before and changed since: the
  /// edit loop, without costing a first run anything), "always" or "never"
  /// (--no-preamble).
  std::string Preamble = "changed";
  bool NoPreamble = false;
  uint64_t CacheMaxBytes = 2ull << 30;  // --cache-max-size, 0: unbounded
  unsigned TimeoutSeconds = 300;        // --timeout, per unit, 0: none
  std::optional<unsigned> MaxMemoryMiB; // --max-memory, per worker, 0: none
  std::string Baseline, WriteBaseline;
  bool ShowBaselined = false; // --show-baselined: also in text
  double ProgressIntervalSeconds =
      10; // without a TTY: a progress line at least this often
  std::string DiffBase, DiffFile;
  unsigned ShardIndex = 0, ShardCount = 0; // --shard K/N (1-based K)
  std::string FailOn = "warning";
  bool Quiet = false, Strict = false, ListChecks = false;
  bool Fix = false;           // --fix: apply the fix-its
  std::string Color = "auto"; // --color: auto, always or never
  /// The scorecard: links under --link-base; --project-name and --commit
  /// (default: the source root's name and its git HEAD; "" omits them).
  std::string LinkBase;
  std::optional<std::string> ProjectName, Commit;
  std::string DebugCrashOn; // hidden: crash in units matching it
  std::string DebugStallOn; // hidden: units matching it take 2 s longer
};

} // namespace prodready

#endif // PRODREADY_LIB_CORE_DRIVEROPTIONS_H
