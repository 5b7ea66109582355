//===--- Driver.cpp - the prodready command-line driver -------------------===//
//
// runDriver is the pipeline: each step is one call into the stage that owns
// it (see Driver.h). What stays here is the order of the stages, which is
// part of the contract: every setup error is reported before any unit is
// analysed, and nothing is written once a stop signal has arrived.
//
//===----------------------------------------------------------------------===//

#include "Driver.h"
#include "Ansi.h"
#include "Baseline.h"
#include "Configuration.h"
#include "Console.h"
#include "Diff.h"
#include "FileIO.h"
#include "Fixes.h"
#include "LinkPhase.h"
#include "Merge.h"
#include "OutputFormats.h"
#include "Redact.h"
#include "Scheduling.h"
#include "UnitCache.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"
#include <chrono>
#include <optional>
#include <unistd.h>

namespace prodready {

namespace {

/// The option values runDriver checks before it reads anything.
llvm::Error checkOptionValues(const DriverOptions &Opts) {
  auto Invalid = [](const std::string &Message) {
    return llvm::make_error<llvm::StringError>(Message,
                                               llvm::inconvertibleErrorCode());
  };
  if (!findOutputFormat(Opts.Format))
    return Invalid("unknown --format '" + Opts.Format + "'; use " +
                   joinAsAlternatives(driverFormatNames()));
  if (!llvm::is_contained({"error", "warning", "note", "none"}, Opts.FailOn))
    return Invalid("unknown --fail-on '" + Opts.FailOn +
                   "'; use error, warning, note or none");
  if (!Opts.DiffBase.empty() && !Opts.DiffFile.empty())
    return Invalid("--diff-base and --diff cannot be combined");
  if (!llvm::is_contained({"changed", "always", "never"}, Opts.Preamble))
    return Invalid("unknown --preamble '" + Opts.Preamble +
                   "'; use changed, always or never");
  if (!parseColorChoice(Opts.Color))
    return Invalid("unknown --color '" + Opts.Color +
                   "'; use auto, always or never");
  return llvm::Error::success();
}

/// Everything the run will write must be writable before it starts.
llvm::Error checkOutputsWritable(const DriverOptions &Opts) {
  for (const std::string *Path :
       {&Opts.Output, &Opts.SarifOutput, &Opts.WriteBaseline})
    if (llvm::Error E = checkWritable(*Path))
      return E;
  return llvm::Error::success();
}

/// What --baseline and --diff/--diff-base make of the findings, read before
/// the analysis so that a wrong path or revision costs no run.
struct ReportFilters {
  std::optional<BaselineKeys> Baseline;
  std::optional<ChangedLines> Changed;
};

llvm::Expected<ReportFilters> loadFilters(const DriverOptions &Opts,
                                          const std::string &Root) {
  ReportFilters Filters;
  if (!Opts.Baseline.empty()) {
    auto Loaded = loadBaseline(Opts.Baseline);
    if (!Loaded)
      return Loaded.takeError();
    Filters.Baseline = std::move(*Loaded);
  }
  if (!Opts.DiffBase.empty() || !Opts.DiffFile.empty()) {
    auto Lines = changedLines(Opts.DiffFile, Opts.DiffBase, Root);
    if (!Lines)
      return Lines.takeError();
    Filters.Changed = std::move(*Lines);
  }
  return std::move(Filters);
}

/// Baselined findings are marked (and stay, for SARIF); findings off the
/// changed lines are dropped.
void applyFilters(Report &R, const ReportFilters &Filters,
                  const std::string &Root) {
  if (Filters.Baseline)
    markBaselined(R.Findings, *Filters.Baseline, Root);
  if (Filters.Changed)
    keepChangedLines(R.Findings, *Filters.Changed, Root);
}

/// The units' results as one report: merged, linked across units,
/// deduplicated, with the lines of credentials recorded.
Report assembleReport(AnalysedUnits &Analysed, const LoadedDatabase &DB,
                      const UnitSelection &Selection,
                      std::map<std::string, std::string> OutOfScope,
                      const DriverOptions &Opts, LinkStatistics &Link) {
  std::vector<Notification> Notifications = DB.Problems;
  llvm::append_range(Notifications, Selection.Skipped);
  Report R = mergeUnitResults(Analysed.Units, std::move(Notifications),
                              std::move(OutOfScope), Analysed.FromCache);
  Link = linkAcrossUnits(Analysed.Units, R, Opts.ShardCount != 0);
  deduplicateFindings(R.Findings);
  recordSecretLines(R, Analysed.Units, Link.Findings != 0);
  return R;
}

/// The report as the formats other than SARIF show it: without the findings
/// a baseline already holds, unless --show-baselined.
Report shownReport(const Report &R, bool ShowBaselined) {
  Report Shown = R;
  if (!ShowBaselined)
    llvm::erase_if(Shown.Findings, [](const Finding &F) {
      return F.BaselineState == "unchanged";
    });
  return Shown;
}

/// The checks' statistics, summed over the units.
std::map<std::string, unsigned>
sumStatistics(const std::vector<UnitResult> &Units) {
  std::map<std::string, unsigned> Statistics;
  for (const UnitResult &U : Units)
    for (const auto &[Name, Count] : U.Statistics)
      Statistics[Name] += Count;
  return Statistics;
}

/// --fail-on and --strict: whether the run fails.
int exitCodeFor(const Report &R, const DriverOptions &Opts) {
  unsigned Threshold = levelRank(Opts.FailOn);
  bool Failing =
      Opts.FailOn != "none" && llvm::any_of(R.Findings, [&](const Finding &F) {
        return F.BaselineState != "unchanged" &&
               levelRank(F.Level) >= Threshold;
      });
  if (Failing)
    return ExitFindings;
  if (Opts.Strict && R.FilesFailed > 0)
    return ExitIncomplete;
  return ExitClean;
}

} // namespace

int runDriver(const DriverOptions &Opts) {
  auto Start = std::chrono::steady_clock::now();
  installStopSignals();

  // Setup: every mistake in the options, the configuration, the database,
  // the baseline, the diff or the output paths is reported before any work,
  // with nothing written.
  if (llvm::Error E = checkOptionValues(Opts))
    return usageError(std::move(E));
  const OutputFormat &Format = *findOutputFormat(Opts.Format);
  ColorChoice Color = *parseColorChoice(Opts.Color);
  setStderrColor(colorFor(Color, STDERR_FILENO));
  Checklist CustomChecklist;
  auto Items = checklistFor(Opts.ChecklistPath, CustomChecklist);
  if (!Items)
    return usageError(Items.takeError());
  if (Opts.ListChecks) {
    if (llvm::Error E = listChecks(Opts.Analysis))
      return usageError(std::move(E));
    return ExitClean;
  }
  auto DB = loadCompilationDatabase(Opts);
  if (!DB)
    return usageError(DB.takeError());
  std::string Root = sourceRootFor(Opts);
  AnalyzerOptions Analysis = analysisOptionsFor(Opts, Root);
  auto Selection = selectUnits(Opts, *DB, Root);
  if (!Selection)
    return usageError(Selection.takeError());
  std::vector<std::string> &Files = Selection->Files;
  if (llvm::Error E = checkConfiguration(Analysis, Files))
    return usageError(std::move(E));
  std::map<std::string, std::string> OutOfScope =
      removeOutOfScopeUnits(Files, *DB, Analysis);
  auto Filters = loadFilters(Opts, Root);
  if (!Filters)
    return usageError(Filters.takeError());
  if (llvm::Error E = checkOutputsWritable(Opts))
    return usageError(std::move(E));
  auto Cache = openUnitCache(Opts, DB->Directory);
  if (!Cache)
    return usageError(Cache.takeError());
  // Preambles live in the cache: without one (--no-cache) every unit is
  // parsed whole.
  if (Cache->enabled())
    Analysis.PreambleDir = preambleDirectory(Opts, Cache->directory(), "");
  auto TempDir = WorkDirectory::create();
  if (!TempDir)
    return usageError(TempDir.takeError());

  // Analysis: each unit from the cache or in a worker process.
  AnalysedUnits Analysed =
      analyseUnits(*DB, Files, Opts, Analysis, *Cache, TempDir->path());
  if (stopRequested()) {
    // Stopped: no output is written (previous files stay as they were).
    llvm::WithColor::warning(llvm::errs(), "prodready")
        << "stopped by " << stopSignalName() << "; nothing was written\n";
    return stopExitCode();
  }
  std::vector<UnitResult> &Units = Analysed.Units;

  // One report: merged, linked across units, deduplicated.
  LinkStatistics Link;
  Report R = assembleReport(Analysed, *DB, *Selection, std::move(OutOfScope),
                            Opts, Link);
  if (stopRequested())
    return stopExitCode();

  // Filters: the baseline marks, the diff drops.
  if (!Opts.WriteBaseline.empty())
    if (llvm::Error E = writeBaseline(Opts.WriteBaseline, R.Findings, Root))
      return usageError(std::move(E));
  applyFilters(R, *Filters, Root);
  sortNotifications(R);
  R.Rules = enabledRules(Analysis, Files);
  FixPlan Fixes;
  if (Opts.Fix)
    Fixes = planFixes(Units, R.Findings);

  // The last redaction before any byte leaves the driver (outputs and the
  // notifications on stderr), whatever produced the texts: workers, the
  // cache, the driver itself.
  redactReport(R);

  // Outputs: SARIF carries every result with its baselineState; the other
  // formats show what is new unless --show-baselined.
  Report Shown = shownReport(R, Opts.ShowBaselined);
  OutputContext Context;
  Context.SourceRoot = Root;
  Context.Category = Opts.Category;
  Context.Items = *Items;
  Context.ShowSource = true;
  Context.LinkBase = Opts.LinkBase;
  Context.ProjectName = Opts.ProjectName
                            ? *Opts.ProjectName
                            : llvm::sys::path::filename(Root).str();
  if (Format.Name == "markdown")
    Context.Commit = Opts.Commit ? *Opts.Commit : gitHeadCommit(Root);
  bool ToStdout = Opts.Output.empty() || Opts.Output == "-";
  Context.Color =
      ToStdout ? colorFor(Color, STDOUT_FILENO) : Color == ColorChoice::Always;
  std::string Text =
      renderReport(Format.KeepsBaselined ? R : Shown, Format, Context);
  if (stopRequested())
    return stopExitCode();
  if (llvm::Error E = writeOutput(Opts.Output, Text))
    return usageError(std::move(E));
  if (!Opts.SarifOutput.empty())
    if (llvm::Error E =
            writeOutput(Opts.SarifOutput,
                        renderReport(R, *findOutputFormat("sarif"), Context)))
      return usageError(std::move(E));
  if (Opts.Fix)
    applyFixPlan(Fixes, Opts.Quiet);
  printNotifications(R.Notifications, Opts.Quiet);
  printSummary(
      Shown, sumStatistics(Units),
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
          .count(),
      Opts.Quiet);
  printLinkStatistics(Link, Units, Opts.Quiet);
  return exitCodeFor(R, Opts);
}

} // namespace prodready
