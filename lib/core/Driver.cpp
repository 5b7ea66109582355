//===--- Driver.cpp - the prodready command-line driver -------------------===//

#include "Driver.h"
#include "Catalog.h"
#include "Diff.h"
#include "Report.h"
#include "clang-tidy/ClangTidy.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/Signals.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"
#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <map>
#include <set>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace clang;
using nlohmann::json;

namespace prodready {

namespace {

llvm::raw_ostream &errs() { return llvm::errs(); }

int usageError(const llvm::Twine &Message) {
  llvm::WithColor::error(errs(), "prodready") << Message << "\n";
  return ExitUsage;
}

std::string normalise(llvm::StringRef Path, llvm::StringRef Base = "") {
  return absolutePath(Path, Base);
}

std::string readFile(llvm::StringRef Path, bool &Ok) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path, false, false);
  Ok = static_cast<bool>(Buffer);
  return Ok ? (*Buffer)->getBuffer().str() : std::string();
}

/// The directory holding `.git` above \p Dir, or empty.
std::string findGitRoot(llvm::StringRef Dir) {
  llvm::SmallString<256> Cur(Dir);
  while (!Cur.empty()) {
    llvm::SmallString<256> Git(Cur);
    llvm::sys::path::append(Git, ".git");
    if (llvm::sys::fs::exists(Git))
      return std::string(Cur);
    llvm::StringRef Parent = llvm::sys::path::parent_path(Cur);
    if (Parent == Cur)
      break;
    Cur = Parent;
  }
  return "";
}

struct Database {
  std::unique_ptr<tooling::CompilationDatabase> DB;
  std::string Directory; // where compile_commands.json lives ("" if fixed)
};

llvm::Expected<Database> loadDatabase(const DriverOptions &Opts) {
  Database Result;
  std::string Error;
  if (Opts.FixedArgs) {
    Result.DB = tooling::expandResponseFiles(
        std::make_unique<tooling::FixedCompilationDatabase>(".", *Opts.FixedArgs),
        llvm::vfs::getRealFileSystem());
    return std::move(Result);
  }
  std::vector<std::string> Candidates;
  if (!Opts.BuildPath.empty())
    Candidates.push_back(Opts.BuildPath);
  else
    Candidates = {".", "build"};
  for (const std::string &Candidate : Candidates) {
    std::string Path = normalise(Candidate);
    std::string File = Path;
    if (llvm::sys::fs::is_directory(Path))
      File = Path + "/compile_commands.json";
    else if (!Opts.BuildPath.empty() && !llvm::sys::fs::exists(Path))
      return llvm::createStringError(
          std::errc::no_such_file_or_directory,
          "compilation database '%s' does not exist; pass -p <build-dir> (a "
          "directory with compile_commands.json, e.g. from cmake "
          "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON) or give compile flags after '--'",
          Candidate.c_str());
    if (!llvm::sys::fs::exists(File)) {
      if (!Opts.BuildPath.empty())
        return llvm::createStringError(
            std::errc::no_such_file_or_directory,
            "no compile_commands.json in '%s'; generate one (cmake "
            "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON, or bear -- make) or give "
            "compile flags after '--'",
            Candidate.c_str());
      continue;
    }
    bool Ok;
    std::string Text = readFile(File, Ok);
    if (!Ok)
      return llvm::createStringError(std::errc::io_error, "cannot read '%s'", File.c_str());
    json Parsed = json::parse(Text, nullptr, false);
    if (Parsed.is_discarded() || !Parsed.is_array())
      return llvm::createStringError(
          std::errc::invalid_argument,
          "'%s' is not a valid compilation database (expected a JSON array of "
          "{directory, file, command|arguments} entries)",
          File.c_str());
    // A relative `directory` is relative to the database's own location (as
    // clangd reads it), not to wherever prodready happens to run.
    std::string DbDir(llvm::sys::path::parent_path(File));
    for (json &Entry : Parsed)
      if (Entry.is_object() && Entry.contains("directory") && Entry["directory"].is_string()) {
        std::string Dir = Entry["directory"].get<std::string>();
        if (!llvm::sys::path::is_absolute(Dir))
          Entry["directory"] = normalise(Dir, DbDir);
      }
    auto DB = tooling::JSONCompilationDatabase::loadFromBuffer(
        Parsed.dump(), Error, tooling::JSONCommandLineSyntax::AutoDetect);
    if (!DB)
      return llvm::createStringError(std::errc::invalid_argument, "'%s': %s",
                                     File.c_str(), Error.c_str());
    Result.Directory = std::string(llvm::sys::path::parent_path(File));
    // Files missing from the database get flags from their neighbours, as
    // clangd does.
    Result.DB = tooling::inferMissingCompileCommands(
        tooling::expandResponseFiles(std::move(DB), llvm::vfs::getRealFileSystem()));
    return std::move(Result);
  }
  return llvm::createStringError(
      std::errc::no_such_file_or_directory,
      "no compilation database found in '.' or 'build/'; pass -p <build-dir> "
      "or give compile flags after '--'");
}

/// A deterministic shard for a file: stable across machines and runs.
unsigned shardOf(llvm::StringRef RelativePath, unsigned Count) {
  return llvm::xxh3_64bits(RelativePath) % Count;
}

std::string toolIdentity() {
  std::string Exe = llvm::sys::fs::getMainExecutable(nullptr, nullptr);
  llvm::sys::fs::file_status Status;
  std::string Id = PRODREADY_VERSION;
  if (!llvm::sys::fs::status(Exe, Status))
    Id += ":" + std::to_string(Status.getSize()) + ":" +
          std::to_string(Status.getLastModificationTime().time_since_epoch().count());
  return Id;
}

/// The cache: one file per unit, keyed by the unit's path, compile command,
/// configuration and tool build; valid while every file the unit read still
/// has the recorded content.
class UnitCache {
public:
  explicit UnitCache(std::string Dir) : Dir(std::move(Dir)) {}
  bool enabled() const { return !Dir.empty(); }

  std::string key(const std::string &File, const std::string &Command,
                  const std::string &Config) const {
    return contentHash(toolIdentity() + "\n" + File + "\n" + Command + "\n" + Config);
  }

  std::optional<UnitResult> lookup(const std::string &Key) const {
    bool Ok;
    std::string Text = readFile(path(Key), Ok);
    if (!Ok)
      return std::nullopt;
    json J = json::parse(Text, nullptr, false);
    UnitResult U;
    if (J.is_discarded() || !fromJson(J, U) || U.Crashed || U.Dependencies.empty())
      return std::nullopt;
    for (const auto &[Path, Hash] : U.Dependencies) {
      bool Read;
      std::string Now = readFile(Path, Read);
      if (!Read || contentHash(Now) != Hash)
        return std::nullopt;
    }
    return U;
  }

  void store(const std::string &Key, const UnitResult &U) const {
    if (U.Crashed || U.Dependencies.empty())
      return;
    llvm::sys::fs::create_directories(Dir);
    if (llvm::Error E = writeFileAtomically(path(Key), toJson(U).dump()))
      llvm::consumeError(std::move(E)); // a cache that cannot be written is only slower
  }

private:
  std::string path(const std::string &Key) const { return Dir + "/" + Key + ".json"; }
  std::string Dir;
};

std::string commandKey(const tooling::CompilationDatabase &DB, const std::string &File) {
  std::string Key;
  for (const tooling::CompileCommand &C : DB.getCompileCommands(File)) {
    Key += C.Directory + "\n";
    for (const std::string &Arg : C.CommandLine)
      Key += Arg + "\x1f";
    Key += "\n";
  }
  return Key;
}

/// Live progress on a terminal.
class Progress {
public:
  Progress(size_t Total, bool Enabled)
      : Total(Total), Enabled(Enabled && llvm::sys::Process::StandardErrIsDisplayed()),
        Start(std::chrono::steady_clock::now()) {}
  void update(size_t Done, llvm::StringRef Current) {
    if (!Enabled)
      return;
    double Elapsed = seconds();
    double Eta = Done ? Elapsed / Done * (Total - Done) : 0;
    std::string Name = llvm::sys::path::filename(Current).str();
    errs() << "\r\033[K[" << Done << "/" << Total << "] "
           << llvm::format("%.0fs elapsed, ETA %.0fs ", Elapsed, Eta) << Name;
    errs().flush();
  }
  void finish() {
    if (Enabled)
      errs() << "\r\033[K";
  }
  double seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - Start).count();
  }

private:
  size_t Total;
  bool Enabled;
  std::chrono::steady_clock::time_point Start;
};

/// Runs analyzeUnit for each file in a forked worker process, at most
/// \p Jobs at a time. A worker that crashes or fails to report yields a
/// "crash" notification for its unit; the others are unaffected.
std::vector<UnitResult> analyseInWorkers(const tooling::CompilationDatabase &DB,
                                         const std::vector<std::string> &Files,
                                         const DriverOptions &Opts, unsigned Jobs,
                                         Progress &Bar, size_t AlreadyDone) {
  std::vector<UnitResult> Results(Files.size());
  llvm::SmallString<128> TempDir;
  if (llvm::sys::fs::createUniqueDirectory("prodready", TempDir)) {
    for (size_t I = 0; I < Files.size(); ++I) {
      Results[I].File = Files[I];
      Results[I].Crashed = true;
      Results[I].Parsed = false;
      Results[I].Notifications.push_back(
          {Files[I], "error", "cannot create a temporary directory", "internal"});
    }
    return Results;
  }
  std::map<pid_t, size_t> Running;
  size_t Next = 0, Done = 0;
  auto ResultPath = [&](size_t I) { return (TempDir + "/unit-" + llvm::Twine(I) + ".json").str(); };
  auto ErrPath = [&](size_t I) { return (TempDir + "/unit-" + llvm::Twine(I) + ".err").str(); };

  auto Collect = [&](pid_t Pid, int Status) {
    size_t I = Running[Pid];
    Running.erase(Pid);
    UnitResult &U = Results[I];
    bool Ok;
    std::string Text = readFile(ResultPath(I), Ok);
    json J = Ok ? json::parse(Text, nullptr, false) : json();
    bool Clean = WIFEXITED(Status) && WEXITSTATUS(Status) == 0;
    if (!Clean || !Ok || J.is_discarded() || !fromJson(J, U)) {
      U = UnitResult();
      U.File = Files[I];
      U.Crashed = true;
      U.Parsed = false;
      std::string Why = WIFSIGNALED(Status)
                            ? "signal " + std::to_string(WTERMSIG(Status)) + " (" +
                                  strsignal(WTERMSIG(Status)) + ")"
                            : "exit code " + std::to_string(WEXITSTATUS(Status));
      std::string Detail = readFile(ErrPath(I), Ok);
      llvm::StringRef Tail = llvm::StringRef(Detail).trim();
      // The first lines say what went wrong; the stack trace follows.
      if (Tail.size() > 400)
        Tail = Tail.take_front(400);
      U.Notifications.push_back(
          {Files[I], "error",
           "the analysis of this file crashed (" + Why +
               "); its findings are missing, every other file was analysed" +
               (Tail.empty() ? std::string() : ": " + Tail.str()),
           "crash"});
    }
    llvm::sys::fs::remove(ResultPath(I));
    llvm::sys::fs::remove(ErrPath(I));
    Bar.update(AlreadyDone + ++Done, Files[I]);
  };

  llvm::outs().flush();
  errs().flush();
  while (Next < Files.size() || !Running.empty()) {
    while (Next < Files.size() && Running.size() < Jobs) {
      size_t I = Next++;
      pid_t Pid = fork();
      if (Pid == 0) {
        // The worker: its stdout and stderr go to a file so that compiler
        // chatter never mixes with the report.
        int Fd = open(ErrPath(I).c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (Fd >= 0) {
          dup2(Fd, 1);
          dup2(Fd, 2);
          close(Fd);
        }
        if (!Opts.DebugCrashOn.empty() &&
            llvm::StringRef(Files[I]).contains(Opts.DebugCrashOn)) {
          // A real fault (raise() would return through LLVM's handler).
          volatile int *Null = nullptr;
          *Null = 1;
        }
        UnitResult U = analyzeUnit(DB, Files[I], Opts.Analysis);
        std::string Text = toJson(U).dump();
        std::error_code EC;
        llvm::raw_fd_ostream OS(ResultPath(I), EC);
        if (EC)
          _exit(4);
        OS << Text;
        OS.close();
        _exit(OS.has_error() ? 4 : 0);
      }
      if (Pid < 0) {
        UnitResult &U = Results[I];
        U.File = Files[I];
        U.Crashed = true;
        U.Parsed = false;
        U.Notifications.push_back({Files[I], "error", "cannot start a worker process", "internal"});
        continue;
      }
      Running[Pid] = I;
    }
    int Status = 0;
    pid_t Pid = waitpid(-1, &Status, 0);
    if (Pid > 0 && Running.count(Pid))
      Collect(Pid, Status);
    else if (Pid < 0 && errno != EINTR)
      break;
  }
  llvm::sys::fs::remove_directories(TempDir);
  return Results;
}

unsigned levelRank(llvm::StringRef Level) {
  return llvm::StringSwitch<unsigned>(Level)
      .Case("error", 3)
      .Case("warning", 2)
      .Case("note", 1)
      .Default(0);
}

/// Baselines: the rule, the file relative to the source root, and the
/// fingerprint of every finding. No messages, so no secret can leak there.
json baselineJson(const std::vector<Finding> &Findings, const std::string &Root) {
  json Items = json::array();
  for (const Finding &F : Findings) {
    llvm::StringRef File(F.Where.File);
    if (!Root.empty() && File.starts_with(Root + "/"))
      File = File.drop_front(Root.size() + 1);
    Items.push_back({{"rule", F.Rule}, {"file", File.str()}, {"fingerprint", F.Fingerprint}});
  }
  return {{"tool", "prodready"}, {"version", 1}, {"findings", Items}};
}

llvm::Expected<std::set<std::string>> loadBaseline(const std::string &Path,
                                                   const std::string &Root) {
  bool Ok;
  std::string Text = readFile(Path, Ok);
  if (!Ok)
    return llvm::createStringError(std::errc::no_such_file_or_directory,
                                   "cannot read baseline '%s'", Path.c_str());
  std::set<std::string> Keys;
  json J = json::parse(Text, nullptr, false);
  if (!J.is_discarded() && J.is_object() && J.contains("findings") &&
      J["findings"].is_array()) {
    for (const json &F : J["findings"]) {
      auto Str = [&](const char *Key) {
        auto It = F.is_object() ? F.find(Key) : F.end();
        return It != F.end() && It->is_string() ? It->get<std::string>() : std::string();
      };
      Keys.insert(Str("rule") + "\n" + Str("file") + "\n" + Str("fingerprint"));
    }
    return Keys;
  }
  // A SARIF log works as a baseline too.
  std::string SarifRoot;
  auto Log = readSarif(Text, Path, SarifRoot);
  if (!Log)
    return llvm::createStringError(
        std::errc::invalid_argument,
        "baseline '%s' is neither a prodready baseline nor a SARIF log: %s", Path.c_str(),
        llvm::toString(Log.takeError()).c_str());
  for (const Finding &F : Log->Findings) {
    llvm::StringRef File(F.Where.File);
    if (!SarifRoot.empty() && File.starts_with(SarifRoot + "/"))
      File = File.drop_front(SarifRoot.size() + 1);
    Keys.insert(F.Rule + "\n" + File.str() + "\n" + F.Fingerprint);
  }
  return Keys;
}

llvm::Expected<ChangedLines> changedLines(const DriverOptions &Opts, const std::string &Root) {
  std::string Text;
  std::string Origin;
  if (!Opts.DiffFile.empty()) {
    bool Ok;
    Text = readFile(Opts.DiffFile, Ok);
    Origin = Opts.DiffFile;
    if (!Ok)
      return llvm::createStringError(std::errc::no_such_file_or_directory,
                                     "cannot read diff '%s'", Opts.DiffFile.c_str());
  } else {
    auto Git = llvm::sys::findProgramByName("git");
    if (!Git)
      return llvm::createStringError(std::errc::no_such_file_or_directory,
                                     "--diff-base needs git on PATH");
    llvm::SmallString<128> Out;
    llvm::sys::fs::createTemporaryFile("prodready-diff", "patch", Out);
    // Nothing configured in the analysed repository may run: no external
    // diff drivers, no textconv filters, no fsmonitor hook.
    std::vector<llvm::StringRef> Args = {*Git, "-C", Root, "-c", "core.fsmonitor=false",
                                         "-c", "diff.external=", "diff", "--no-ext-diff",
                                         "--no-textconv", "--no-color", "--relative",
                                         "-U0", Opts.DiffBase, "--"};
    std::optional<llvm::StringRef> Redirects[] = {std::nullopt, llvm::StringRef(Out),
                                                   llvm::StringRef("")};
    std::string Error;
    int RC = llvm::sys::ExecuteAndWait(*Git, Args, std::nullopt, Redirects, 0, 0, &Error);
    bool Ok;
    Text = readFile(Out, Ok);
    llvm::sys::fs::remove(Out);
    if (RC != 0)
      return llvm::createStringError(std::errc::invalid_argument,
                                     "git diff %s failed in '%s' (is it a git "
                                     "repository and '%s' a valid revision?)",
                                     Opts.DiffBase.c_str(), Root.c_str(),
                                     Opts.DiffBase.c_str());
    Origin = "git diff " + Opts.DiffBase;
  }
  return parseUnifiedDiff(Text, Origin);
}

/// "N file(s) not judged: 2 generated, 5 test, ...".
std::string outOfScopeMessage(const std::map<std::string, unsigned> &Counts) {
  unsigned Total = 0;
  std::string Parts;
  for (const auto &[Reason, Count] : Counts) {
    Total += Count;
    Parts += (Parts.empty() ? "" : ", ") + std::to_string(Count) + " " + Reason;
  }
  return std::to_string(Total) + " file(s) out of scope, not judged (" + Parts +
         "); --include-tests, --include GLOB or .prodready.yaml bring them back";
}

void printSummary(const Report &R, const std::map<std::string, unsigned> &Statistics,
                  double Seconds, bool Quiet) {
  if (Quiet)
    return;
  std::map<std::string, unsigned> PerRule;
  for (const Finding &F : R.Findings)
    ++PerRule[F.Rule];
  errs() << "prodready: " << R.FilesAnalysed << " file(s) analysed, " << R.FilesFromCache
         << " from cache, " << R.FilesFailed << " failed; " << R.Findings.size()
         << " finding(s)";
  if (!PerRule.empty()) {
    errs() << " (";
    bool First = true;
    for (const auto &[Rule, Count] : PerRule) {
      errs() << (First ? "" : ", ") << Rule << ": " << Count;
      First = false;
    }
    errs() << ")";
  }
  errs() << llvm::format(" in %.1fs\n", Seconds);
  if (!R.OutOfScope.empty())
    errs() << "prodready: " << outOfScopeMessage(R.OutOfScope) << "\n";
  for (const auto &[Name, Count] : Statistics)
    errs() << "prodready: statistic " << Name << ": " << Count << "\n";
}

llvm::Error emit(const std::string &Path, const std::string &Text) {
  if (Path.empty() || Path == "-") {
    llvm::outs() << Text;
    llvm::outs().flush();
    return llvm::Error::success();
  }
  return writeFileAtomically(Path, Text);
}

llvm::Expected<const Checklist *> checklistFor(const std::string &Path, Checklist &Storage) {
  if (Path.empty())
    return &defaultChecklist();
  auto Loaded = loadChecklist(Path);
  if (!Loaded)
    return Loaded.takeError();
  Storage = std::move(*Loaded);
  return &Storage;
}

std::string render(const Report &R, const std::string &Format, const std::string &Root,
                   const std::string &Category, const Checklist &Items, bool ShowSource) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  if (Format == "sarif") {
    SarifOptions S;
    S.SourceRoot = Root;
    S.Category = Category;
    S.Items = &Items;
    OS << toSarif(R, S).dump(2) << "\n";
  } else if (Format == "markdown") {
    writeMarkdown(R, Items, Root, OS);
  } else if (Format == "json") {
    json Findings = json::array();
    for (const Finding &F : R.Findings)
      Findings.push_back(toJson(F));
    OS << json({{"findings", Findings}}).dump(2) << "\n";
  } else {
    writeText(R, OS, ShowSource);
  }
  return OS.str();
}

llvm::Expected<Report> loadSarifFile(const std::string &Path, std::string &Root) {
  bool Ok;
  std::string Text = readFile(Path, Ok);
  if (!Ok)
    return llvm::createStringError(std::errc::no_such_file_or_directory, "cannot read '%s'",
                                   Path.c_str());
  return readSarif(Text, Path, Root);
}

} // namespace

int runDriver(const DriverOptions &Opts) {
  auto Start = std::chrono::steady_clock::now();
  if (!llvm::is_contained({"text", "sarif", "markdown", "json"}, Opts.Format))
    return usageError("unknown --format '" + Opts.Format +
                      "'; use text, sarif, markdown or json");
  if (!llvm::is_contained({"error", "warning", "note", "none"}, Opts.FailOn))
    return usageError("unknown --fail-on '" + Opts.FailOn +
                      "'; use error, warning, note or none");
  if (!Opts.DiffBase.empty() && !Opts.DiffFile.empty())
    return usageError("--diff-base and --diff cannot be combined");

  Checklist CustomChecklist;
  auto Items = checklistFor(Opts.ChecklistPath, CustomChecklist);
  if (!Items)
    return usageError(llvm::toString(Items.takeError()));

  if (Opts.ListChecks) {
    auto Provider = makeOptionsProvider(Opts.Analysis);
    if (!Provider)
      return usageError(llvm::toString(Provider.takeError()));
    tidy::ClangTidyOptions Effective = (*Provider)->getOptions(normalise("dummy.cpp"));
    for (const std::string &Name : tidy::getCheckNames(Effective, false))
      llvm::outs() << Name << "\n";
    return ExitClean;
  }

  auto DB = loadDatabase(Opts);
  if (!DB)
    return usageError(llvm::toString(DB.takeError()));

  std::string Root = Opts.SourceRoot.empty() ? std::string() : normalise(Opts.SourceRoot);
  if (Root.empty()) {
    llvm::SmallString<256> Cwd;
    llvm::sys::fs::current_path(Cwd);
    Root = findGitRoot(Cwd);
    if (Root.empty())
      Root = std::string(Cwd);
  }
  AnalyzerOptions Analysis = Opts.Analysis;
  if (Analysis.ProjectRoot.empty())
    Analysis.ProjectRoot = Root;
  if (!Opts.SourceRoot.empty())
    Analysis.ScopeRoot = Root;
  if (Analysis.ResourceDir.empty())
    Analysis.ResourceDir = PRODREADY_CLANG_RESOURCE_DIR;

  // The units: given files, or every file in the database; each once.
  std::vector<std::string> Files;
  std::set<std::string> Seen;
  std::vector<std::string> Requested = Opts.Files;
  if (Requested.empty()) {
    if (Opts.FixedArgs)
      return usageError("no input files; name the files to analyse before '--'");
    Requested = DB->DB->getAllFiles();
    if (Requested.empty())
      return usageError("the compilation database has no entries");
  }
  std::vector<Notification> Notifications;
  for (const std::string &File : Requested) {
    std::string Path = normalise(File);
    if (!Seen.insert(Path).second)
      continue;
    if (!llvm::sys::fs::exists(Path)) {
      Notifications.push_back({Path, "error", "file does not exist; skipped", "missing-file"});
      continue;
    }
    Files.push_back(Path);
  }
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

  // Reject bad configuration before any work, with nothing written.
  if (!Files.empty()) {
    std::vector<std::string> Problems = verifyConfiguration(Analysis, Files.front());
    if (!Problems.empty()) {
      for (const std::string &P : Problems)
        llvm::WithColor::error(errs(), "prodready") << P << "\n";
      return ExitUsage;
    }
  }

  // Generated, test and vendored units are not judged (nor parsed).
  std::map<std::string, std::string> OutOfScope;
  {
    UnitScopeFilter Scope(Analysis);
    std::vector<std::string> Judged;
    for (const std::string &File : Files) {
      std::vector<tooling::CompileCommand> Commands =
          DB->DB->getCompileCommands(File);
      std::string BuildDir = Commands.empty() ? std::string() : Commands.front().Directory;
      std::string Reason = Scope.outOfScope(File, BuildDir);
      if (Reason.empty())
        Judged.push_back(File);
      else
        OutOfScope.emplace(File, Reason);
    }
    Files = std::move(Judged);
  }

  std::optional<std::set<std::string>> Baseline;
  if (!Opts.Baseline.empty()) {
    auto Loaded = loadBaseline(Opts.Baseline, Root);
    if (!Loaded)
      return usageError(llvm::toString(Loaded.takeError()));
    Baseline = std::move(*Loaded);
  }
  std::optional<ChangedLines> Changed;
  if (!Opts.DiffBase.empty() || !Opts.DiffFile.empty()) {
    auto Lines = changedLines(Opts, Root);
    if (!Lines)
      return usageError(llvm::toString(Lines.takeError()));
    Changed = std::move(*Lines);
  }

  std::string CacheDir = Opts.NoCache ? std::string() : Opts.CacheDir;
  if (CacheDir.empty() && !Opts.NoCache && !DB->Directory.empty())
    CacheDir = DB->Directory + "/.prodready-cache";
  UnitCache Cache(CacheDir);

  unsigned Jobs = Opts.Jobs ? Opts.Jobs : std::max(1u, std::thread::hardware_concurrency());
  Progress Bar(Files.size(), !Opts.Quiet);

  std::vector<UnitResult> Units(Files.size());
  std::vector<std::string> Keys(Files.size());
  std::vector<std::string> ToAnalyse;
  std::vector<size_t> ToAnalyseIndex;
  size_t FromCache = 0;
  for (size_t I = 0; I < Files.size(); ++I) {
    if (Cache.enabled()) {
      Keys[I] = Cache.key(Files[I], commandKey(*DB->DB, Files[I]),
                          effectiveConfiguration(Analysis, Files[I]));
      if (auto Hit = Cache.lookup(Keys[I])) {
        Units[I] = std::move(*Hit);
        ++FromCache;
        continue;
      }
    }
    ToAnalyse.push_back(Files[I]);
    ToAnalyseIndex.push_back(I);
  }
  DriverOptions WorkerOpts = Opts;
  WorkerOpts.Analysis = Analysis;
  std::vector<UnitResult> Fresh =
      analyseInWorkers(*DB->DB, ToAnalyse, WorkerOpts, Jobs, Bar, FromCache);
  for (size_t K = 0; K < Fresh.size(); ++K) {
    size_t I = ToAnalyseIndex[K];
    if (Cache.enabled())
      Cache.store(Keys[I], Fresh[K]);
    Units[I] = std::move(Fresh[K]);
  }
  Bar.finish();

  // Merge: a header's finding seen from several units is reported once.
  Report R;
  R.FilesAnalysed = Files.size();
  R.FilesFromCache = FromCache;
  for (UnitResult &U : Units) {
    if (!U.Parsed || U.Crashed)
      ++R.FilesFailed;
    for (Finding &F : U.Findings)
      R.Findings.push_back(std::move(F));
    for (Notification &N : U.Notifications)
      Notifications.push_back(std::move(N));
    for (auto &[Path, Reason] : U.OutOfScope)
      OutOfScope.emplace(Path, Reason);
  }
  for (const auto &[Path, Reason] : OutOfScope)
    ++R.OutOfScope[Reason];
  if (!OutOfScope.empty())
    Notifications.push_back({"", "note", outOfScopeMessage(R.OutOfScope), "out-of-scope"});
  llvm::sort(R.Findings);
  R.Findings.erase(std::unique(R.Findings.begin(), R.Findings.end(), sameFinding),
                   R.Findings.end());
  assignFingerprints(R.Findings);

  if (!Opts.WriteBaseline.empty()) {
    if (llvm::Error E = writeFileAtomically(Opts.WriteBaseline,
                                            baselineJson(R.Findings, Root).dump(2) + "\n"))
      return usageError(llvm::toString(std::move(E)));
  }
  if (Baseline || Changed) {
    std::vector<Finding> Kept;
    for (Finding &F : R.Findings) {
      llvm::StringRef Rel(F.Where.File);
      if (Rel.starts_with(Root + "/"))
        Rel = Rel.drop_front(Root.size() + 1);
      if (Baseline && Baseline->count(F.Rule + "\n" + Rel.str() + "\n" + F.Fingerprint))
        continue;
      if (Changed) {
        auto It = Changed->find(Rel.str());
        if (It == Changed->end() || !It->second.count(F.Where.Line))
          continue;
      }
      Kept.push_back(std::move(F));
    }
    R.Findings = std::move(Kept);
  }

  llvm::stable_sort(Notifications, [](const Notification &A, const Notification &B) {
    return std::tie(A.File, A.Id) < std::tie(B.File, B.Id);
  });
  R.Notifications = std::move(Notifications);
  R.ExecutionSuccessful = llvm::none_of(Units, [](const UnitResult &U) { return U.Crashed; });
  {
    auto Provider = makeOptionsProvider(Analysis);
    if (Provider && !Files.empty())
      R.Rules = tidy::getCheckNames((*Provider)->getOptions(Files.front()), false);
  }

  std::string Text = render(R, Opts.Format, Root, Opts.Category, **Items,
                            /*ShowSource=*/Opts.Format == "text");
  if (llvm::Error E = emit(Opts.Output, Text))
    return usageError(llvm::toString(std::move(E)));
  if (!Opts.SarifOutput.empty())
    if (llvm::Error E = emit(Opts.SarifOutput, render(R, "sarif", Root, Opts.Category,
                                                      **Items, false)))
      return usageError(llvm::toString(std::move(E)));
  for (const Notification &N : R.Notifications)
    if ((!Opts.Quiet || N.Level == "error") && N.Id != "out-of-scope")
      llvm::WithColor::warning(errs(), "prodready")
          << (N.File.empty() ? std::string() : N.File + ": ") << N.Message << "\n";
  std::map<std::string, unsigned> Statistics;
  for (const UnitResult &U : Units)
    for (const auto &[Name, Count] : U.Statistics)
      Statistics[Name] += Count;
  printSummary(R, Statistics,
               std::chrono::duration<double>(std::chrono::steady_clock::now() - Start).count(),
               Opts.Quiet);

  unsigned Threshold = levelRank(Opts.FailOn);
  bool Failing = Opts.FailOn != "none" &&
                 llvm::any_of(R.Findings, [&](const Finding &F) {
                   return levelRank(F.Level) >= Threshold;
                 });
  if (Failing)
    return ExitFindings;
  if (Opts.Strict && R.FilesFailed > 0)
    return ExitIncomplete;
  return ExitClean;
}

int runMerge(const std::vector<std::string> &Inputs, const std::string &Output,
             const std::string &ChecklistPath) {
  if (Inputs.empty())
    return usageError("merge: no input SARIF files");
  Checklist CustomChecklist;
  auto Items = checklistFor(ChecklistPath, CustomChecklist);
  if (!Items)
    return usageError(llvm::toString(Items.takeError()));
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
  Merged.Findings.erase(std::unique(Merged.Findings.begin(), Merged.Findings.end(),
                                    [](const Finding &A, const Finding &B) {
                                      return sameFinding(A, B) && A.Fingerprint == B.Fingerprint;
                                    }),
                        Merged.Findings.end());
  llvm::erase_if(Merged.Notifications,
                 [](const Notification &N) { return N.Id == "out-of-scope"; });
  if (!Merged.OutOfScope.empty())
    Merged.Notifications.push_back(
        {"", "note", outOfScopeMessage(Merged.OutOfScope), "out-of-scope"});
  llvm::stable_sort(Merged.Notifications, [](const Notification &A, const Notification &B) {
    return std::tie(A.File, A.Id, A.Message) < std::tie(B.File, B.Id, B.Message);
  });
  SarifOptions S;
  S.SourceRoot = Root;
  S.Items = *Items;
  if (llvm::Error E = emit(Output, toSarif(Merged, S).dump(2) + "\n"))
    return usageError(llvm::toString(std::move(E)));
  return ExitClean;
}

int runReport(const std::string &Input, const std::string &Format, const std::string &Output,
              const std::string &ChecklistPath) {
  Checklist CustomChecklist;
  auto Items = checklistFor(ChecklistPath, CustomChecklist);
  if (!Items)
    return usageError(llvm::toString(Items.takeError()));
  std::string Root;
  auto Log = loadSarifFile(Input, Root);
  if (!Log)
    return usageError("report: " + llvm::toString(Log.takeError()));
  if (Format != "markdown" && Format != "text")
    return usageError("report: unknown --format '" + Format + "'; use markdown or text");
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  if (Format == "markdown")
    writeMarkdown(*Log, **Items, Root, OS);
  else
    writeText(*Log, OS, false);
  if (llvm::Error E = emit(Output, OS.str()))
    return usageError(llvm::toString(std::move(E)));
  return ExitClean;
}

} // namespace prodready
