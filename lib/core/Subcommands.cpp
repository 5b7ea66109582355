//===--- Subcommands.cpp - `prodready merge` and `prodready report` -------===//
//
// Both start from SARIF logs a run wrote: merge joins the logs of the
// shards of a --shard run (linking across them), report renders a log in
// another format.
//
//===----------------------------------------------------------------------===//

#include "Ansi.h"
#include "Configuration.h"
#include "Console.h"
#include "Driver.h"
#include "FileIO.h"
#include "LinkPhase.h"
#include "OutputFormats.h"
#include "Redact.h"
#include "Sarif.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Path.h"
#include <tuple>
#include <unistd.h>

namespace prodready {

namespace {

llvm::Expected<Report> loadSarifFile(const std::string &Path,
                                     std::string &Root) {
  bool Ok;
  std::string Text = readFile(Path, Ok);
  if (!Ok)
    return llvm::createStringError(std::errc::no_such_file_or_directory,
                                   "cannot read '%s'", Path.c_str());
  return readSarif(Text, Path, Root);
}

} // namespace

int runMerge(const std::vector<std::string> &Inputs, const std::string &Output,
             const std::string &ChecklistPath) {
  if (Inputs.empty())
    return usageError("merge: no input SARIF files");
  Checklist CustomChecklist;
  auto Items = checklistFor(ChecklistPath, CustomChecklist);
  if (!Items)
    return usageError(Items.takeError());
  Report Merged;
  std::string Root;
  for (const std::string &Input : Inputs) {
    std::string InputRoot;
    auto Log = loadSarifFile(Input, InputRoot);
    if (!Log)
      return usageError("merge: " + llvm::toString(Log.takeError()));
    if (Root.empty())
      Root = InputRoot;
    for (Finding &F : Log->Findings)
      Merged.Findings.push_back(std::move(F));
    Merged.Summaries.append(std::move(Log->Summaries));
    for (Notification &N : Log->Notifications)
      Merged.Notifications.push_back(std::move(N));
    Merged.FilesAnalysed += Log->FilesAnalysed;
    for (const std::string &Rule : Log->Rules)
      if (!llvm::is_contained(Merged.Rules, Rule))
        Merged.Rules.push_back(Rule);
    Merged.FilesFromCache += Log->FilesFromCache;
    for (const auto &[Reason, Count] : Log->OutOfScope)
      Merged.OutOfScope[Reason] += Count;
    Merged.FilesFailed += Log->FilesFailed;
    Merged.ExecutionSuccessful &= Log->ExecutionSuccessful;
  }
  llvm::sort(Merged.Rules);
  llvm::sort(Merged.Findings);
  Merged.Findings.erase(
      std::unique(Merged.Findings.begin(), Merged.Findings.end(),
                  [](const Finding &A, const Finding &B) {
                    return sameFinding(A, B) && A.Fingerprint == B.Fingerprint;
                  }),
      Merged.Findings.end());
  linkAcrossShards(Merged);
  // The shards' out-of-scope notes become one for the whole run.
  llvm::erase_if(Merged.Notifications,
                 [](const Notification &N) { return N.Id == "out-of-scope"; });
  if (!Merged.OutOfScope.empty())
    Merged.Notifications.push_back(
        {"", "note", outOfScopeMessage(Merged.OutOfScope), "out-of-scope"});
  llvm::stable_sort(Merged.Notifications,
                    [](const Notification &A, const Notification &B) {
                      return std::tie(A.File, A.Id, A.Message) <
                             std::tie(B.File, B.Id, B.Message);
                    });
  redactReport(Merged);
  OutputContext Context;
  Context.SourceRoot = Root;
  Context.Items = *Items;
  if (llvm::Error E = writeOutput(
          Output, renderReport(Merged, *findOutputFormat("sarif"), Context)))
    return usageError(std::move(E));
  return ExitClean;
}

/// The project's name in \p RepositoryUri (".../org/name.git" -> "name").
static std::string repositoryName(llvm::StringRef RepositoryUri) {
  llvm::StringRef Name = RepositoryUri.rtrim("/");
  Name = Name.substr(Name.find_last_of("/:") + 1);
  Name.consume_back(".git");
  return Name.str();
}

int runReport(const std::string &Input, const ReportOptions &Opts) {
  std::optional<ColorChoice> Color = parseColorChoice(Opts.Color);
  if (!Color)
    return usageError("report: unknown --color '" + Opts.Color +
                      "'; use auto, always or never");
  Checklist CustomChecklist;
  auto Items = checklistFor(Opts.ChecklistPath, CustomChecklist);
  if (!Items)
    return usageError(Items.takeError());
  std::string Root;
  auto Log = loadSarifFile(Input, Root);
  if (!Log)
    return usageError("report: " + llvm::toString(Log.takeError()));
  const OutputFormat *Format = findOutputFormat(Opts.Format);
  if (!Format || !Format->RenderedFromSarif)
    return usageError("report: unknown --format '" + Opts.Format + "'; use " +
                      joinAsAlternatives(reportFormatNames()));
  redactReport(*Log);
  // As in the driver's own outputs: results a baseline already holds are
  // kept in SARIF for code scanning, not shown again.
  llvm::erase_if(Log->Findings, [](const Finding &F) {
    return F.BaselineState == "unchanged";
  });
  OutputContext Context;
  Context.SourceRoot = Root;
  Context.Items = *Items;
  // The sources may not be where the log was written.
  Context.ShowSource = false;
  Context.LinkBase = Opts.LinkBase;
  Context.Color = Opts.Output.empty() || Opts.Output == "-"
                      ? colorFor(*Color, STDOUT_FILENO)
                      : *Color == ColorChoice::Always;
  std::string Named = !Log->RepositoryUri.empty()
                          ? repositoryName(Log->RepositoryUri)
                          : llvm::sys::path::filename(Root).str();
  Context.ProjectName = Opts.ProjectName ? *Opts.ProjectName : Named;
  Context.Commit = Opts.Commit ? *Opts.Commit : Log->Commit;
  if (llvm::Error E =
          writeOutput(Opts.Output, renderReport(*Log, *Format, Context)))
    return usageError(std::move(E));
  return ExitClean;
}

} // namespace prodready
