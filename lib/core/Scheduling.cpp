//===--- Scheduling.cpp - which units a run analyses, and how -------------===//

#include "Scheduling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"
#include <set>
#include <thread>

using namespace clang;

namespace prodready {

namespace {

/// A deterministic shard for a file: stable across machines and runs.
unsigned shardOf(llvm::StringRef RelativePath, unsigned Count) {
  return llvm::xxh3_64bits(RelativePath) % Count;
}

llvm::Error selectionError(const llvm::Twine &Message) {
  return llvm::make_error<llvm::StringError>(Message,
                                             llvm::inconvertibleErrorCode());
}

} // namespace

llvm::Expected<UnitSelection> selectUnits(const DriverOptions &Opts,
                                          const LoadedDatabase &DB,
                                          const std::string &Root) {
  // The units: given files, or every file in the database; each once.
  UnitSelection Selection;
  std::vector<std::string> &Files = Selection.Files;
  std::set<std::string> Seen;
  std::vector<std::string> Requested = Opts.Files;
  if (Requested.empty()) {
    if (Opts.FixedArgs)
      return selectionError(
          "no input files; name the files to analyse before '--'");
    Requested = DB.Files.empty() ? DB.DB->getAllFiles() : DB.Files;
    if (Requested.empty())
      return selectionError("the compilation database has no entries");
  }
  for (const std::string &File : Requested) {
    std::string Path = absolutePath(File, "");
    if (!Seen.insert(Path).second)
      continue;
    llvm::sys::fs::file_status Status;
    bool Exists = !llvm::sys::fs::status(Path, Status, /*follow=*/true);
    bool Regular =
        Exists && Status.type() == llvm::sys::fs::file_type::regular_file;
    if (!Opts.Files.empty() && !Regular)
      // A named file that cannot be analysed is a setup error, not a pass.
      return selectionError("'" + File + "': " +
                            (Exists ? "not a regular file" : "no such file") +
                            "; nothing was analysed");
    if (!Regular) {
      Selection.Skipped.push_back({Path, "error",
                                   Exists ? "not a regular file; skipped"
                                          : "file does not exist; skipped",
                                   "missing-file"});
      continue;
    }
    Files.push_back(Path);
  }
  if (Files.empty())
    return selectionError(
        "none of the " + llvm::Twine(Requested.size()) +
        " file(s) in the compilation database exists (e.g. '" +
        Requested.front() +
        "'); was it generated on another machine or before a clean?");
  llvm::sort(Files);
  if (Opts.ShardCount) {
    std::vector<std::string> Mine;
    for (const std::string &File : Files) {
      llvm::StringRef Rel(File);
      if (Rel.starts_with(Root + "/"))
        Rel = Rel.drop_front(Root.size() + 1);
      if (shardOf(Rel, Opts.ShardCount) == Opts.ShardIndex - 1)
        Mine.push_back(File);
    }
    Files = std::move(Mine);
  }
  return std::move(Selection);
}

std::map<std::string, std::string>
removeOutOfScopeUnits(std::vector<std::string> &Files, const LoadedDatabase &DB,
                      const AnalyzerOptions &Analysis) {
  // Generated, test and vendored units are not judged (nor parsed).
  std::map<std::string, std::string> OutOfScope;
  UnitScopeFilter Scope(Analysis);
  std::vector<std::string> Judged;
  for (const std::string &File : Files) {
    std::vector<tooling::CompileCommand> Commands =
        DB.DB->getCompileCommands(File);
    std::string BuildDir =
        Commands.empty() ? std::string() : Commands.front().Directory;
    std::string Reason = Scope.outOfScope(File, BuildDir);
    if (Reason.empty())
      Judged.push_back(File);
    else
      OutOfScope.emplace(File, Reason);
  }
  Files = std::move(Judged);
  return OutOfScope;
}

AnalysedUnits analyseUnits(const LoadedDatabase &DB,
                           const std::vector<std::string> &Files,
                           const DriverOptions &Opts,
                           const AnalyzerOptions &Analysis,
                           const UnitCache &Cache, llvm::StringRef TempDir) {
  WorkerBudget Budget =
      workerBudget(Opts, std::max(1u, std::thread::hardware_concurrency()));
  Progress Bar(Files.size(), !Opts.Quiet, Opts.ProgressIntervalSeconds);

  AnalysedUnits Result;
  Result.Units.resize(Files.size());
  std::vector<std::string> Keys(Files.size());
  std::vector<std::string> ToAnalyse;
  std::vector<size_t> ToAnalyseIndex;
  // --preamble=changed: a preamble pays off for the units analysed again
  // (a stale result: the edit loop, a pre-commit run); a first analysis
  // parses whole and stores nothing.
  std::set<std::string> Changed;
  for (size_t I = 0; I < Files.size(); ++I) {
    if (Cache.enabled()) {
      Keys[I] = Cache.key(Files[I], commandKey(*DB.DB, Files[I]),
                          effectiveConfiguration(Analysis, Files[I]), Analysis);
      if (auto Hit = Cache.lookup(Keys[I])) {
        Result.Units[I] = std::move(*Hit);
        ++Result.FromCache;
        continue;
      }
      if (Cache.hasEntry(Keys[I]))
        Changed.insert(Files[I]);
    }
    ToAnalyse.push_back(Files[I]);
    ToAnalyseIndex.push_back(I);
  }
  DriverOptions WorkerOpts = Opts;
  WorkerOpts.Analysis = Analysis;
  if (Opts.Preamble == "changed")
    WorkerOpts.Analysis.PreambleOnlyFor = std::move(Changed);
  std::vector<UnitResult> Fresh = analyseInWorkers(
      *DB.DB, ToAnalyse, WorkerOpts, Budget, TempDir, Bar, Result.FromCache);
  if (stopRequested()) {
    Bar.finish();
    return Result;
  }
  for (size_t K = 0; K < Fresh.size(); ++K) {
    size_t I = ToAnalyseIndex[K];
    if (Cache.enabled())
      Cache.store(Keys[I], Fresh[K]);
    Result.Units[I] = std::move(Fresh[K]);
  }
  Cache.prune();
  Bar.finish();
  return Result;
}

} // namespace prodready
