//===--- Driver.cpp - the prodready command-line driver -------------------===//

#include "Driver.h"
#include "Fixes.h"
#include "Summaries.h"
#include "Catalog.h"
#include "Diff.h"
#include "Redact.h"
#include "FileIO.h"
#include "OutputFormats.h"
#include "Report.h"
#include "Sarif.h"
#include "Writers.h"
#include "clang-tidy/ClangTidy.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ConvertUTF.h"
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
#include <functional>
#include <csignal>
#include <fcntl.h>
#include <map>
#include <set>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace clang;
using nlohmann::json;

namespace prodready {

namespace {

llvm::raw_ostream &errs() { return llvm::errs(); }

/// The stop signal (SIGINT or SIGTERM) received, or 0. The worker loop polls
/// it: workers are killed, the temporary directory removed, no output is
/// written and the run exits 128 + the signal.
volatile sig_atomic_t PendingSignal = 0;

extern "C" void onStopSignal(int Signal) { PendingSignal = Signal; }

void installStopSignals() {
  struct sigaction Action = {};
  Action.sa_handler = onStopSignal;
  sigemptyset(&Action.sa_mask);
  Action.sa_flags = 0; // no SA_RESTART: a blocking wait returns at once
  sigaction(SIGINT, &Action, nullptr);
  sigaction(SIGTERM, &Action, nullptr);
}

int stopExitCode() { return 128 + PendingSignal; }

/// nlohmann's parser rejects text that is not UTF-8, but a compilation
/// database holds paths and arguments, which are bytes. Each byte of an
/// invalid sequence travels through parsing as a private-use code point
/// (U+10FF80..U+10FFFF) and is restored afterwards.
std::string hideInvalidUtf8(llvm::StringRef Text) {
  std::string Out;
  Out.reserve(Text.size());
  const auto *P = reinterpret_cast<const llvm::UTF8 *>(Text.begin());
  const auto *End = reinterpret_cast<const llvm::UTF8 *>(Text.end());
  while (P < End) {
    if (*P < 0x80) {
      Out += static_cast<char>(*P++);
      continue;
    }
    unsigned Length = llvm::getNumBytesForUTF8(*P);
    if (Length <= static_cast<size_t>(End - P) && llvm::isLegalUTF8Sequence(P, P + Length)) {
      Out.append(reinterpret_cast<const char *>(P), Length);
      P += Length;
      continue;
    }
    Out += "\xF4\x8F";
    Out += static_cast<char>(0xBE + ((*P >> 6) & 1));
    Out += static_cast<char>(0x80 | (*P & 0x3F));
    ++P;
  }
  return Out;
}

std::string restoreInvalidUtf8(llvm::StringRef Text) {
  std::string Out;
  Out.reserve(Text.size());
  for (size_t I = 0; I < Text.size(); ++I) {
    if (Text[I] == '\xF4' && I + 3 < Text.size() && Text[I + 1] == '\x8F' &&
        (Text[I + 2] == '\xBE' || Text[I + 2] == '\xBF')) {
      unsigned High = static_cast<unsigned char>(Text[I + 2]) - 0xBE;
      unsigned Low = static_cast<unsigned char>(Text[I + 3]) & 0x3F;
      Out += static_cast<char>(0x80 | High << 6 | Low);
      I += 3;
      continue;
    }
    Out += Text[I];
  }
  return Out;
}

int usageError(const llvm::Twine &Message) {
  // Errors quote configuration files and arguments: they pass the redaction
  // like every other byte on stderr.
  llvm::WithColor::error(errs(), "prodready") << redactCredentials(Message.str()) << "\n";
  return ExitUsage;
}

std::string normalise(llvm::StringRef Path, llvm::StringRef Base = "") {
  return absolutePath(Path, Base);
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
  std::vector<Notification> Problems; // entries that were skipped
  /// The entries' files as written (absolute): the JSON database's own list
  /// turns a backslash in a file name into a '/'.
  std::vector<std::string> Files;
};

/// Response files are read by the driver: only regular files, at most this
/// big (`@/dev/zero` would never end, `@fifo` would block).
constexpr uint64_t MaxResponseFileBytes = 16 << 20;

/// What is wrong with one compilation database entry, or "".
std::string entryProblem(const json &Entry) {
  if (!Entry.is_object())
    return "not an object";
  auto IsString = [&](const char *Key) {
    auto It = Entry.find(Key);
    return It != Entry.end() && It->is_string();
  };
  if (!IsString("directory"))
    return "no \"directory\" string";
  if (!IsString("file") || Entry["file"].get<std::string>().empty())
    return "no \"file\" string";
  if (Entry.contains("output") && !IsString("output"))
    return "\"output\" is not a string";
  if (Entry.contains("arguments")) {
    const json &Args = Entry["arguments"];
    if (!Args.is_array() || Args.empty())
      return "\"arguments\" is not a non-empty list";
    for (const json &Arg : Args)
      if (!Arg.is_string())
        return "\"arguments\" holds something other than strings";
    return "";
  }
  if (!IsString("command") || llvm::StringRef(Entry["command"].get<std::string>()).trim().empty())
    return "no \"command\" string or \"arguments\" list";
  return "";
}

llvm::Expected<Database> loadDatabase(const DriverOptions &Opts) {
  Database Result;
  std::string Error;
  if (Opts.FixedArgs) {
    Result.DB = tooling::expandResponseFiles(
        std::make_unique<tooling::FixedCompilationDatabase>(".", *Opts.FixedArgs),
        makeGuardedFileSystem(llvm::vfs::getRealFileSystem(), nullptr,
                              MaxResponseFileBytes));
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
    json Parsed = json::parse(hideInvalidUtf8(Text), nullptr, false);
    if (Parsed.is_discarded() || !Parsed.is_array())
      return llvm::createStringError(
          std::errc::invalid_argument,
          "'%s' is not a valid compilation database (expected a JSON array of "
          "{directory, file, command|arguments} entries)",
          File.c_str());
    // A relative `directory` is relative to the database's own location (as
    // clangd reads it), not to wherever prodready happens to run.
    std::string DbDir(llvm::sys::path::parent_path(File));
    // A malformed entry costs that entry, not the whole database.
    json Usable = json::array();
    std::string FirstProblem;
    for (size_t Index = 0; Index < Parsed.size(); ++Index) {
      const json &Entry = Parsed[Index];
      std::string Problem = entryProblem(Entry);
      if (!Problem.empty()) {
        Problem = "entry " + std::to_string(Index) + " (counting from 0): " + Problem;
        if (FirstProblem.empty())
          FirstProblem = Problem;
        Result.Problems.push_back(
            {File, "warning", Problem + "; that entry is skipped", "database-entry"});
        continue;
      }
      json Clean = json::object();
      for (const char *Key : {"directory", "file", "command", "arguments", "output"})
        if (Entry.contains(Key))
          Clean[Key] = Entry[Key];
      std::string Dir = restoreInvalidUtf8(Clean["directory"].get<std::string>());
      if (!llvm::sys::path::is_absolute(Dir))
        Clean["directory"] = hideInvalidUtf8(Dir = normalise(Dir, DbDir));
      Result.Files.push_back(normalise(restoreInvalidUtf8(Clean["file"].get<std::string>()), Dir));
      Usable.push_back(std::move(Clean));
    }
    if (Usable.empty() && !FirstProblem.empty())
      return llvm::createStringError(std::errc::invalid_argument,
                                     "'%s': no usable entry; %s", File.c_str(),
                                     FirstProblem.c_str());
    auto DB = tooling::JSONCompilationDatabase::loadFromBuffer(
        restoreInvalidUtf8(Usable.dump()), Error, tooling::JSONCommandLineSyntax::AutoDetect);
    if (!DB)
      return llvm::createStringError(std::errc::invalid_argument, "'%s': %s",
                                     File.c_str(), Error.c_str());
    Result.Directory = std::string(llvm::sys::path::parent_path(File));
    // Files missing from the database get flags from their neighbours, as
    // clangd does.
    Result.DB = tooling::inferMissingCompileCommands(tooling::expandResponseFiles(
        std::move(DB), makeGuardedFileSystem(llvm::vfs::getRealFileSystem(), nullptr,
                                             MaxResponseFileBytes)));
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

/// The tool by content: a rebuilt, byte-identical binary (the checks are
/// linked into it) keeps its cache; any change to it invalidates the cache.
/// Computed once per run.
const std::string &toolIdentity() {
  static const std::string Id = [] {
    std::string Exe = llvm::sys::fs::getMainExecutable(nullptr, nullptr);
    std::string Result = PRODREADY_VERSION;
    auto Buffer = llvm::MemoryBuffer::getFile(Exe, /*IsText=*/false,
                                              /*RequiresNullTerminator=*/false);
    if (Buffer)
      return Result + ":" + contentHash((*Buffer)->getBuffer());
    // Unreadable (unusual): fall back to the file's identity.
    llvm::sys::fs::file_status Status;
    if (!llvm::sys::fs::status(Exe, Status))
      Result += ":" + std::to_string(Status.getSize()) + ":" +
                std::to_string(Status.getLastModificationTime().time_since_epoch().count());
    return Result;
  }();
  return Id;
}

/// The cache: one file per unit (CBOR, which keeps paths that are not
/// UTF-8), keyed by the unit's path, compile command, extra arguments,
/// configuration and tool build; valid while every file the unit read still
/// has the recorded content and every header looked up and not found is
/// still absent. Units that failed to compile or crashed are never stored.
/// Bounded: after a run, the least recently used entries are removed until
/// the directory is within --cache-max-size.
class UnitCache {
public:
  UnitCache(std::string Dir, uint64_t MaxBytes) : Dir(std::move(Dir)), MaxBytes(MaxBytes) {}
  bool enabled() const { return !Dir.empty(); }

  std::string key(const std::string &File, const std::string &Command,
                  const std::string &Config, const AnalyzerOptions &Analysis) const {
    std::string Extra;
    for (const std::string &Arg : Analysis.ExtraArgsBefore)
      Extra += "before:" + Arg + "\x1f";
    for (const std::string &Arg : Analysis.ExtraArgs)
      Extra += "after:" + Arg + "\x1f";
    Extra += "resource-dir:" + Analysis.ResourceDir;
    return contentHash(toolIdentity() + "\n" + File + "\n" + Command + "\n" + Extra +
                       "\n" + Config);
  }

  std::optional<UnitResult> lookup(const std::string &Key) const {
    bool Ok;
    std::string Text = readFile(path(Key), Ok);
    if (!Ok)
      return std::nullopt;
    json J = json::from_cbor(Text, /*strict=*/true, /*allow_exceptions=*/false);
    UnitResult U;
    if (J.is_discarded() || !fromJson(J, U) || U.Crashed || !U.Parsed ||
        U.Dependencies.empty())
      return std::nullopt;
    for (const auto &[Path, Hash] : U.Dependencies) {
      if (Hash == AbsentDependency) {
        if (llvm::sys::fs::exists(Path))
          return std::nullopt;
        continue;
      }
      bool Read;
      std::string Now = readFile(Path, Read);
      if (!Read || contentHash(Now) != Hash)
        return std::nullopt;
    }
    // Recently used: pruning removes the oldest modification times first.
    utimensat(AT_FDCWD, path(Key).c_str(), nullptr, 0);
    return U;
  }

  void store(const std::string &Key, const UnitResult &U) const {
    // A unit that failed to compile is analysed again next time: its
    // result depends on what the compiler could recover.
    if (U.Crashed || !U.Parsed || U.Dependencies.empty())
      return;
    llvm::sys::fs::create_directories(Dir);
    std::vector<std::uint8_t> Bytes = json::to_cbor(toJson(U));
    llvm::StringRef Text(reinterpret_cast<const char *>(Bytes.data()), Bytes.size());
    if (llvm::Error E = writeFileAtomically(path(Key), Text))
      llvm::consumeError(std::move(E)); // a cache that cannot be written is only slower
  }

  /// Removes least recently used entries until the cache fits its bound.
  void prune() const {
    if (!enabled() || !MaxBytes)
      return;
    struct Entry {
      std::chrono::system_clock::time_point Used;
      uint64_t Size;
      std::string Path;
    };
    std::vector<Entry> Entries;
    uint64_t Total = 0;
    std::error_code EC;
    for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
         It.increment(EC)) {
      llvm::StringRef Name = llvm::sys::path::filename(It->path());
      if (Name.starts_with(".")) // another run's file being written
        continue;
      llvm::sys::fs::file_status Status;
      if (llvm::sys::fs::status(It->path(), Status, /*follow=*/false) ||
          Status.type() != llvm::sys::fs::file_type::regular_file)
        continue;
      Entries.push_back({Status.getLastModificationTime(), Status.getSize(), It->path()});
      Total += Status.getSize();
    }
    if (Total <= MaxBytes)
      return;
    llvm::sort(Entries, [](const Entry &A, const Entry &B) { return A.Used < B.Used; });
    for (const Entry &E : Entries) {
      if (Total <= MaxBytes)
        break;
      if (!llvm::sys::fs::remove(E.Path))
        Total -= E.Size;
    }
  }

  /// Whether the directory can be created and written.
  std::error_code probe() const {
    if (std::error_code EC = llvm::sys::fs::create_directories(Dir))
      return EC;
    int FD;
    llvm::SmallString<256> Probe;
    if (std::error_code EC =
            llvm::sys::fs::createUniqueFile(Dir + "/.probe-%%%%%%", FD, Probe))
      return EC;
    ::close(FD);
    llvm::sys::fs::remove(Probe);
    return {};
  }

private:
  std::string path(const std::string &Key) const { return Dir + "/" + Key + ".unit"; }
  std::string Dir;
  uint64_t MaxBytes;
};

std::string commandKey(const tooling::CompilationDatabase &DB, const std::string &File) {
  std::string Key;
  for (const tooling::CompileCommand &C : DB.getCompileCommands(File)) {
    Key += C.Directory + "\n";
    for (size_t I = 0; I < C.CommandLine.size(); ++I) {
      llvm::StringRef Arg = C.CommandLine[I];
      // Flags after `--` get a "clang-tool" compiler next to the driver
      // binary: where the binary lives must not change the key.
      if (I == 0 && llvm::sys::path::filename(Arg) == "clang-tool")
        Arg = "clang-tool";
      Key += Arg.str() + "\x1f";
    }
    Key += "\n";
  }
  return Key;
}

/// Live progress on a terminal.
/// Progress on stderr: a line redrawn in place on a terminal; without one
/// (CI logs), a plain line every LogInterval seconds, so that a long run is
/// not silent for minutes.
class Progress {
public:
  Progress(size_t Total, bool Enabled, double LogInterval)
      : Total(Total), Enabled(Enabled), LogInterval(LogInterval),
        NextLog(LogInterval),
        Terminal(llvm::sys::Process::StandardErrIsDisplayed()),
        Start(std::chrono::steady_clock::now()) {}
  void update(size_t Done, llvm::StringRef Current) {
    if (!Enabled)
      return;
    double Elapsed = seconds();
    double Eta = Done ? Elapsed / Done * (Total - Done) : 0;
    if (!Terminal) {
      if (Elapsed < NextLog || Done == Total)
        return;
      NextLog = Elapsed + LogInterval;
      errs() << "prodready: " << Done << "/" << Total << " file(s) analysed, "
             << llvm::format("%.0fs elapsed, about %.0fs to go\n", Elapsed, Eta);
      return;
    }
    std::string Name = llvm::sys::path::filename(Current).str();
    errs() << "\r\033[K[" << Done << "/" << Total << "] "
           << llvm::format("%.0fs elapsed, ETA %.0fs ", Elapsed, Eta) << Name;
    errs().flush();
  }
  void finish() {
    if (Enabled && Terminal)
      errs() << "\r\033[K";
  }
  double seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - Start).count();
  }

private:
  size_t Total;
  bool Enabled;
  double LogInterval;
  double NextLog;
  bool Terminal;
  std::chrono::steady_clock::time_point Start;
};

/// Whether address-space limits can be used: sanitizers reserve terabytes
/// of address space up front.
constexpr bool AddressSpaceLimitUsable =
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer) ||              \
    __has_feature(thread_sanitizer)
    false;
#else
    true;
#endif
#else
    true;
#endif

/// --max-memory's default: the machine's memory shared by the jobs, but
/// never below 8 GiB of address space (clang maps more than it uses, and a
/// large unit that parses today must not start failing).
unsigned defaultMaxMemoryMiB(unsigned Jobs) {
  long Pages = sysconf(_SC_PHYS_PAGES), PageSize = sysconf(_SC_PAGE_SIZE);
  uint64_t TotalMiB =
      Pages > 0 && PageSize > 0 ? (uint64_t(Pages) * uint64_t(PageSize)) >> 20 : 0;
  return static_cast<unsigned>(
      std::min<uint64_t>(UINT32_MAX, std::max<uint64_t>(8192, TotalMiB / std::max(1u, Jobs))));
}

/// Runs analyzeUnit for each file in a forked worker process, at most
/// \p Jobs at a time. A worker that crashes, fails to report, exceeds the
/// wall-clock budget (killed) or the memory budget (RLIMIT_AS) yields an
/// error notification for its unit; the others are unaffected. On SIGINT or
/// SIGTERM every worker is killed and the results are incomplete
/// (PendingSignal tells). Workers die with the driver (PR_SET_PDEATHSIG).
std::vector<UnitResult> analyseInWorkers(const tooling::CompilationDatabase &DB,
                                         const std::vector<std::string> &Files,
                                         const DriverOptions &Opts, unsigned Jobs,
                                         unsigned MaxMemoryMiB, llvm::StringRef TempDir,
                                         Progress &Bar, size_t AlreadyDone,
                                         const std::function<bool()> &Abandon = nullptr) {
  std::vector<UnitResult> Results(Files.size());
  struct Worker {
    size_t Index;
    std::chrono::steady_clock::time_point Started;
    bool TimedOut = false;
    /// The read end of the pipe that is the worker's stdout and stderr, and
    /// what came through it. The output is kept in memory, never in a file:
    /// a crash dump quotes the command line (`-DTOKEN="..."`) and nothing
    /// unredacted may reach the disk.
    int Output = -1;
    std::string Captured;
  };
  std::map<pid_t, Worker> Running;
  size_t Next = 0, Done = 0;
  auto ResultPath = [&](size_t I) { return (TempDir + "/unit-" + llvm::Twine(I) + ".cbor").str(); };
  const pid_t Driver = getpid();
  // Reads what the worker wrote so far (all of it once it has exited),
  // keeping the first 64 KiB: the cause of a crash comes first.
  auto Drain = [](Worker &W) {
    char Buffer[4096];
    while (W.Output >= 0) {
      ssize_t N = read(W.Output, Buffer, sizeof(Buffer));
      if (N > 0) {
        if (W.Captured.size() < 65536)
          W.Captured.append(Buffer, std::min<size_t>(N, 65536 - W.Captured.size()));
        continue;
      }
      if (N < 0 && errno == EINTR)
        continue;
      if (N == 0 || errno != EAGAIN) {
        close(W.Output);
        W.Output = -1;
      }
      break;
    }
  };

  auto Collect = [&](pid_t Pid, int Status) {
    Worker W = std::move(Running[Pid]);
    size_t I = W.Index;
    Running.erase(Pid);
    Drain(W);
    if (W.Output >= 0)
      close(W.Output); // a descendant still holds the pipe: do not wait for it
    UnitResult &U = Results[I];
    bool Ok;
    std::string Text = readFile(ResultPath(I), Ok);
    json J = Ok ? json::from_cbor(Text, /*strict=*/true, /*allow_exceptions=*/false) : json();
    bool Clean = WIFEXITED(Status) && WEXITSTATUS(Status) == 0;
    if (W.TimedOut || !Clean || !Ok || J.is_discarded() || !fromJson(J, U)) {
      U = UnitResult();
      U.File = Files[I];
      U.Crashed = true;
      U.Parsed = false;
      // Crash output quotes the command line (`-DTOKEN="..."`) and source.
      std::string Detail = redactCredentials(W.Captured);
      llvm::StringRef Tail = llvm::StringRef(Detail).trim();
      if (W.TimedOut) {
        U.Notifications.push_back(
            {Files[I], "error",
             "the analysis of this file did not finish within the budget (--timeout " +
                 std::to_string(Opts.TimeoutSeconds) +
                 " s) and was stopped; its findings are missing, every other file was "
                 "analysed",
             "timeout"});
      } else if (MaxMemoryMiB && (Tail.contains("out of memory") ||
                                  Tail.contains("Allocation failed") ||
                                  Tail.contains("bad_alloc"))) {
        U.Notifications.push_back(
            {Files[I], "error",
             "the analysis of this file needed more memory than the budget (--max-memory " +
                 std::to_string(MaxMemoryMiB) +
                 " MiB) and was stopped; its findings are missing, every other file was "
                 "analysed",
             "memory-limit"});
      } else {
        std::string Why = WIFSIGNALED(Status)
                              ? "signal " + std::to_string(WTERMSIG(Status)) + " (" +
                                    strsignal(WTERMSIG(Status)) + ")"
                              : "exit code " + std::to_string(WEXITSTATUS(Status));
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
    }
    llvm::sys::fs::remove(ResultPath(I));
    Bar.update(AlreadyDone + ++Done, Files[I]);
  };

  llvm::outs().flush();
  errs().flush();
  bool Abandoned = false;
  while ((Next < Files.size() || !Running.empty()) && !PendingSignal && !Abandoned) {
    if (Abandon && Abandon()) {
      Abandoned = true;
      break;
    }
    while (Next < Files.size() && Running.size() < Jobs && !PendingSignal) {
      size_t I = Next++;
      int Pipe[2] = {-1, -1};
      if (pipe2(Pipe, O_CLOEXEC) != 0)
        Pipe[0] = Pipe[1] = -1;
      pid_t Pid = fork();
      if (Pid == 0) {
        // The worker dies with the driver, even a SIGKILLed one, and obeys
        // SIGINT/SIGTERM itself (the driver's handler only sets a flag).
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != Driver)
          _exit(5);
        signal(SIGINT, SIG_DFL);
        signal(SIGTERM, SIG_DFL);
        // Its stdout and stderr go to the driver through a pipe, so that
        // compiler chatter never mixes with the report and passes the
        // redaction before it is shown. Without a pipe they are discarded.
        int Fd = Pipe[1] >= 0 ? Pipe[1] : open("/dev/null", O_WRONLY);
        if (Fd >= 0) {
          dup2(Fd, 1);
          dup2(Fd, 2);
          close(Fd);
        }
        if (Pipe[0] >= 0)
          close(Pipe[0]);
        for (const auto &[OtherPid, Other] : Running)
          if (Other.Output >= 0)
            close(Other.Output);
        if (MaxMemoryMiB) {
          struct rlimit Limit;
          Limit.rlim_cur = Limit.rlim_max = rlim_t(MaxMemoryMiB) << 20;
          setrlimit(RLIMIT_AS, &Limit);
        }
        if (!Opts.DebugCrashOn.empty() &&
            llvm::StringRef(Files[I]).contains(Opts.DebugCrashOn)) {
          // A real fault (raise() would return through LLVM's handler).
          volatile int *Null = nullptr;
          *Null = 1;
        }
        UnitResult U = analyzeUnit(DB, Files[I], Opts.Analysis);
        std::vector<std::uint8_t> Bytes = json::to_cbor(toJson(U));
        std::error_code EC;
        llvm::raw_fd_ostream OS(ResultPath(I), EC);
        if (EC)
          _exit(4);
        OS.write(reinterpret_cast<const char *>(Bytes.data()), Bytes.size());
        OS.close();
        _exit(OS.has_error() ? 4 : 0);
      }
      if (Pipe[1] >= 0)
        close(Pipe[1]);
      if (Pid < 0) {
        if (Pipe[0] >= 0)
          close(Pipe[0]);
        UnitResult &U = Results[I];
        U.File = Files[I];
        U.Crashed = true;
        U.Parsed = false;
        U.Notifications.push_back({Files[I], "error", "cannot start a worker process", "internal"});
        continue;
      }
      if (Pipe[0] >= 0)
        fcntl(Pipe[0], F_SETFL, fcntl(Pipe[0], F_GETFL) | O_NONBLOCK);
      Worker &W = Running[Pid];
      W.Index = I;
      W.Started = std::chrono::steady_clock::now();
      W.Output = Pipe[0];
    }
    // A worker that writes more than a pipe holds waits until it is read.
    for (auto &[WorkerPid, W] : Running)
      Drain(W);
    int Status = 0;
    pid_t Pid = waitpid(-1, &Status, WNOHANG);
    if (Pid > 0) {
      if (Running.count(Pid))
        Collect(Pid, Status);
      continue;
    }
    if (Pid < 0 && errno == ECHILD)
      break;
    if (Opts.TimeoutSeconds) {
      auto Now = std::chrono::steady_clock::now();
      for (auto &[WorkerPid, W] : Running)
        if (!W.TimedOut && Now - W.Started > std::chrono::seconds(Opts.TimeoutSeconds)) {
          kill(WorkerPid, SIGKILL);
          W.TimedOut = true;
        }
    }
    usleep(10000); // a signal ends the sleep early
  }
  if (PendingSignal || Abandoned) {
    for (const auto &[Pid, W] : Running)
      kill(Pid, SIGKILL);
    for (const auto &[Pid, W] : Running) {
      waitpid(Pid, nullptr, 0);
      if (W.Output >= 0)
        close(W.Output);
    }
    Running.clear();
  }
  return Results;
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
    // The revision is never an option to git (`--output=FILE` would
    // truncate FILE): rejected here, and --end-of-options besides.
    if (llvm::StringRef(Opts.DiffBase).starts_with("-"))
      return llvm::createStringError(std::errc::invalid_argument,
                                     "--diff-base '%s' is not a revision (it starts with '-')",
                                     Opts.DiffBase.c_str());
    auto Git = llvm::sys::findProgramByName("git");
    if (!Git)
      return llvm::createStringError(std::errc::no_such_file_or_directory,
                                     "--diff-base needs git on PATH");
    llvm::SmallString<128> Out;
    llvm::sys::fs::createTemporaryFile("prodready-diff", "patch", Out);
    std::optional<llvm::StringRef> Redirects[] = {std::nullopt, llvm::StringRef(Out),
                                                   llvm::StringRef("")};
    std::string Error;
    bool Ok;
    // Blame only the branch: diff against the merge base with REV (what
    // `git diff REV...` means), not REV's moving tip, whose own new commits
    // would otherwise count as changed lines.
    std::vector<llvm::StringRef> BaseArgs = {*Git,         "-C",   Root, "merge-base",
                                             "--end-of-options", Opts.DiffBase, "HEAD"};
    int RC = llvm::sys::ExecuteAndWait(*Git, BaseArgs, std::nullopt, Redirects, 0, 0, &Error);
    std::string MergeBase = llvm::StringRef(readFile(Out, Ok)).trim().str();
    if (RC != 0 || MergeBase.empty()) {
      llvm::sys::fs::remove(Out);
      return llvm::createStringError(
          std::errc::invalid_argument,
          "--diff-base %s: no merge base with HEAD in '%s' (is '%s' a valid "
          "revision, and is the history deep enough? In CI, fetch with "
          "fetch-depth: 0)",
          Opts.DiffBase.c_str(), Root.c_str(), Opts.DiffBase.c_str());
    }
    llvm::sys::fs::remove(Out); // a redirect does not truncate
    // Nothing configured in the analysed repository may run: no external
    // diff drivers, no textconv filters, no fsmonitor hook.
    std::vector<llvm::StringRef> Args = {*Git, "-C", Root, "-c", "core.fsmonitor=false",
                                         "-c", "diff.external=", "diff", "--no-ext-diff",
                                         "--no-textconv", "--no-color", "--relative",
                                         "-U0", "--end-of-options", MergeBase, "--"};
    RC = llvm::sys::ExecuteAndWait(*Git, Args, std::nullopt, Redirects, 0, 0, &Error);
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

llvm::Expected<const Checklist *> checklistFor(const std::string &Path, Checklist &Storage) {
  if (Path.empty())
    return &defaultChecklist();
  auto Loaded = loadChecklist(Path);
  if (!Loaded)
    return Loaded.takeError();
  Storage = std::move(*Loaded);
  return &Storage;
}

/// The .clang-tidy files clang-tidy would read for \p Files (each directory
/// up to the root), refused when nested too deeply for the YAML reader.
llvm::Error checkClangTidyFiles(const std::vector<std::string> &Files) {
  std::set<std::string> Seen;
  for (const std::string &File : Files) {
    for (llvm::StringRef Dir = llvm::sys::path::parent_path(File); !Dir.empty();
         Dir = llvm::sys::path::parent_path(Dir)) {
      if (!Seen.insert(Dir.str()).second)
        break; // its ancestors were checked too
      std::string Config = (Dir + "/.clang-tidy").str();
      if (!llvm::sys::fs::is_regular_file(Config))
        continue;
      bool Ok;
      std::string Text = readFile(Config, Ok);
      if (!Ok)
        continue;
      if (llvm::Error E = checkNestingDepth(Text, Config))
        return E;
      // A file clang-tidy cannot parse is skipped, as clang-tidy skips it
      // (a project's .clang-tidy may use a key of a newer clang-tidy); the
      // user is told once, redacted like every message.
      std::string Problems;
      auto Parsed = tidy::parseConfigurationWithDiags(
          llvm::MemoryBufferRef(Text, Config), [&](const llvm::SMDiagnostic &D) {
            llvm::raw_string_ostream OS(Problems);
            D.print("prodready", OS, /*ShowColors=*/false);
          });
      if (!Parsed)
        llvm::WithColor::warning(errs(), "prodready")
            << redactCredentials(
                   "ignoring " + Config + ", which clang-tidy 19 cannot read either: " +
                   (Problems.empty() ? Parsed.getError().message()
                                     : llvm::StringRef(Problems).rtrim().str()))
            << "\n";
    }
  }
  return llvm::Error::success();
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
  installStopSignals();
  const OutputFormat *Format = findOutputFormat(Opts.Format);
  if (!Format)
    return usageError("unknown --format '" + Opts.Format + "'; use " +
                      joinAsAlternatives(driverFormatNames()));
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
    if (!Opts.Analysis.ConfigText && Opts.Analysis.ConfigFile.empty())
      if (llvm::Error E = checkClangTidyFiles({normalise("dummy.cpp")}))
        return usageError(llvm::toString(std::move(E)));
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
    Requested = DB->Files.empty() ? DB->DB->getAllFiles() : DB->Files;
    if (Requested.empty())
      return usageError("the compilation database has no entries");
  }
  std::vector<Notification> Notifications = DB->Problems;
  for (const std::string &File : Requested) {
    std::string Path = normalise(File);
    if (!Seen.insert(Path).second)
      continue;
    llvm::sys::fs::file_status Status;
    bool Exists = !llvm::sys::fs::status(Path, Status, /*follow=*/true);
    bool Regular = Exists && Status.type() == llvm::sys::fs::file_type::regular_file;
    if (!Opts.Files.empty() && !Regular)
      // A named file that cannot be analysed is a setup error, not a pass.
      return usageError("'" + File + "': " +
                        (Exists ? "not a regular file" : "no such file") +
                        "; nothing was analysed");
    if (!Regular) {
      Notifications.push_back({Path, "error",
                               Exists ? "not a regular file; skipped"
                                      : "file does not exist; skipped",
                               "missing-file"});
      continue;
    }
    Files.push_back(Path);
  }
  if (Files.empty())
    return usageError("none of the " + llvm::Twine(Requested.size()) +
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

  // Reject bad configuration before any work, with nothing written.
  if (!Files.empty()) {
    if (!Analysis.ConfigText && Analysis.ConfigFile.empty())
      if (llvm::Error E = checkClangTidyFiles(Files))
        return usageError(llvm::toString(std::move(E)));
    std::vector<std::string> Problems = verifyConfiguration(Analysis, Files.front());
    if (!Problems.empty()) {
      for (const std::string &P : Problems)
        llvm::WithColor::error(errs(), "prodready") << redactCredentials(P) << "\n";
      return ExitUsage;
    }
    // A gate that runs no check passes everything.
    auto Provider = makeOptionsProvider(Analysis);
    if (!Provider)
      return usageError(llvm::toString(Provider.takeError()));
    bool AnyCheck = false;
    std::set<std::string> Dirs;
    for (const std::string &File : Files)
      if (Dirs.insert(llvm::sys::path::parent_path(File).str()).second &&
          !tidy::getCheckNames((*Provider)->getOptions(File), false).empty()) {
        AnyCheck = true;
        break;
      }
    if (!AnyCheck)
      return usageError(
          "no prodready check is enabled" +
          (Analysis.Checks ? " by --checks '" + *Analysis.Checks + "'" : std::string()) +
          " (or by the .clang-tidy configuration); run 'prodready --list-checks' to see "
          "what a configuration enables");
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

  // Everything the run will write must be writable before it starts.
  for (const std::string *Path : {&Opts.Output, &Opts.SarifOutput, &Opts.WriteBaseline})
    if (llvm::Error E = checkWritable(*Path))
      return usageError(llvm::toString(std::move(E)));
  std::string CacheDir = Opts.NoCache ? std::string() : Opts.CacheDir;
  if (!CacheDir.empty())
    if (std::error_code EC = UnitCache(CacheDir, 0).probe())
      return usageError("cannot use cache directory '" + CacheDir + "': " + EC.message());
  if (CacheDir.empty() && !Opts.NoCache && !DB->Directory.empty()) {
    // The default cache is best effort: a read-only build directory only
    // makes runs slower.
    CacheDir = DB->Directory + "/.prodready-cache";
    if (UnitCache(CacheDir, 0).probe())
      CacheDir.clear();
  }
  UnitCache Cache(CacheDir, Opts.CacheMaxBytes);

  // The workers' results pass through a private temporary directory; an
  // unusable TMPDIR (missing, read-only, full) is a setup error.
  llvm::SmallString<128> TempDir;
  {
    llvm::SmallString<128> System;
    llvm::sys::path::system_temp_directory(/*ErasedOnReboot=*/true, System);
    auto TempProblem = [&](std::error_code EC) {
      return usageError("cannot use the temporary directory '" + System + "': " +
                        EC.message() + "; set TMPDIR to a writable directory");
    };
    if (std::error_code EC = llvm::sys::fs::createUniqueDirectory("prodready", TempDir))
      return TempProblem(EC);
    std::error_code EC;
    {
      llvm::raw_fd_ostream Probe((TempDir + "/probe").str(), EC);
      if (!EC) {
        Probe << std::string(64 << 10, '\0');
        Probe.close();
        EC = Probe.error();
        Probe.clear_error();
      }
    }
    llvm::sys::fs::remove((TempDir + "/probe").str());
    if (EC) {
      llvm::sys::fs::remove_directories(TempDir);
      return TempProblem(EC);
    }
  }
  struct RemoveTempDir {
    llvm::SmallString<128> &Dir;
    ~RemoveTempDir() { llvm::sys::fs::remove_directories(Dir); }
  } TempDirCleanup{TempDir};

  unsigned Jobs = Opts.Jobs ? Opts.Jobs : std::max(1u, std::thread::hardware_concurrency());
  unsigned MaxMemoryMiB = Opts.MaxMemoryMiB ? *Opts.MaxMemoryMiB : defaultMaxMemoryMiB(Jobs);
  if (!AddressSpaceLimitUsable)
    MaxMemoryMiB = 0;
  Progress Bar(Files.size(), !Opts.Quiet, Opts.ProgressIntervalSeconds);

  std::vector<UnitResult> Units(Files.size());
  std::vector<std::string> Keys(Files.size());
  std::vector<std::string> ToAnalyse;
  std::vector<size_t> ToAnalyseIndex;
  size_t FromCache = 0;
  for (size_t I = 0; I < Files.size(); ++I) {
    if (Cache.enabled()) {
      Keys[I] = Cache.key(Files[I], commandKey(*DB->DB, Files[I]),
                          effectiveConfiguration(Analysis, Files[I]), Analysis);
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
      analyseInWorkers(*DB->DB, ToAnalyse, WorkerOpts, Jobs, MaxMemoryMiB, TempDir, Bar,
                       FromCache);
  if (PendingSignal) {
    // Stopped: no output is written (previous files stay as they were).
    Bar.finish();
    llvm::WithColor::warning(errs(), "prodready")
        << "stopped by " << (PendingSignal == SIGINT ? "SIGINT" : "SIGTERM")
        << "; nothing was written\n";
    return stopExitCode();
  }
  for (size_t K = 0; K < Fresh.size(); ++K) {
    size_t I = ToAnalyseIndex[K];
    if (Cache.enabled())
      Cache.store(Keys[I], Fresh[K]);
    Units[I] = std::move(Fresh[K]);
  }
  Cache.prune();
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
  // The link phase: paths from async contexts to blocking calls that cross
  // units, found in the summaries the units (fresh or cached) recorded.
  // They join the units' findings here, so that deduplication, baselines,
  // --diff, redaction and the outputs treat them like every other finding.
  CallSummaries Summaries;
  for (UnitResult &U : Units)
    Summaries.append(std::move(U.Summaries));
  LinkStatistics Link;
  for (Finding &F : linkCallSummaries(Summaries, R.Findings, &Link))
    R.Findings.push_back(std::move(F));
  // A shard's SARIF carries the summaries: `prodready merge` links across
  // shards.
  if (Opts.ShardCount)
    R.Summaries = std::move(Summaries);
  llvm::sort(R.Findings);
  R.Findings.erase(std::unique(R.Findings.begin(), R.Findings.end(), sameFinding),
                   R.Findings.end());
  assignFingerprints(R.Findings);

  for (const Finding &F : R.Findings) {
    const RuleInfo *Info = findRule(F.Rule);
    if (Info && Info->RedactSource)
      for (unsigned Line = F.Where.Line; Line <= std::max(F.Where.Line, F.Where.EndLine); ++Line)
        R.SecretLines.insert({F.Where.File, Line});
    // A linked secret-in-log finding: where the secret comes from is never
    // echoed (the units mark the lines of their own findings' notes).
    if (Info && Info->RedactNotes && Link.Findings)
      for (const FindingNote &N : F.Notes)
        if (N.Where.Line)
          R.SecretLines.insert({N.Where.File, N.Where.Line});
  }
  for (const UnitResult &U : Units)
    R.SecretLines.insert(U.SecretLines.begin(), U.SecretLines.end());
  if (PendingSignal)
    return stopExitCode();
  if (!Opts.WriteBaseline.empty()) {
    if (llvm::Error E = writeFileAtomically(Opts.WriteBaseline,
                                            jsonText(baselineJson(R.Findings, Root), 2) + "\n"))
      return usageError(llvm::toString(std::move(E)));
  }
  if (Baseline || Changed) {
    std::vector<Finding> Kept;
    for (Finding &F : R.Findings) {
      llvm::StringRef Rel(F.Where.File);
      if (Rel.starts_with(Root + "/"))
        Rel = Rel.drop_front(Root.size() + 1);
      // Baselined findings stay in the report, marked, so that code
      // scanning keeps their alerts open; only new ones gate and print.
      if (Baseline)
        F.BaselineState = Baseline->count(F.Rule + "\n" + Rel.str() + "\n" + F.Fingerprint)
                              ? "unchanged"
                              : "new";
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

  // --fix: the fix-its of the findings the run reports, taken before the
  // redaction (which may rewrite texts) and applied once the outputs are
  // written (the text output quotes the lines as they were analysed).
  std::vector<Finding> ToFix;
  std::map<std::string, std::string> Analysed;
  if (Opts.Fix) {
    for (const UnitResult &U : Units)
      for (const auto &[Path, Hash] : U.Dependencies)
        Analysed.emplace(Path, Hash);
    for (const Finding &F : R.Findings)
      if (F.BaselineState != "unchanged" && !F.Fixes.empty())
        ToFix.push_back(F);
  }

  // The last redaction before any byte leaves the driver (outputs and the
  // notifications on stderr), whatever produced the texts: workers, the
  // cache, the driver itself.
  redactReport(R);
  // SARIF carries every result with its baselineState; the other formats
  // show what is new unless --show-baselined.
  Report Shown = R;
  if (!Opts.ShowBaselined)
    llvm::erase_if(Shown.Findings,
                   [](const Finding &F) { return F.BaselineState == "unchanged"; });
  OutputContext Context;
  Context.SourceRoot = Root;
  Context.Category = Opts.Category;
  Context.Items = *Items;
  Context.ShowSource = true;
  std::string Text = renderReport(Format->KeepsBaselined ? R : Shown, *Format, Context);
  if (PendingSignal)
    return stopExitCode();
  if (llvm::Error E = writeOutput(Opts.Output, Text))
    return usageError(llvm::toString(std::move(E)));
  if (!Opts.SarifOutput.empty())
    if (llvm::Error E = writeOutput(Opts.SarifOutput,
                                    renderReport(R, *findOutputFormat("sarif"), Context)))
      return usageError(llvm::toString(std::move(E)));
  if (Opts.Fix) {
    // Each file rewritten once, and only while it still holds the bytes
    // that were analysed.
    FixOutcome Fixed = applyFixes(ToFix, Analysed);
    for (const std::string &Problem : Fixed.Problems)
      llvm::WithColor::warning(errs(), "prodready") << Problem << "\n";
    if (!Opts.Quiet)
      errs() << "prodready: applied the fix-its of " << Fixed.FindingsFixed
             << " finding(s) to " << Fixed.FilesChanged.size() << " file(s)\n";
  }
  for (const Notification &N : R.Notifications)
    if ((!Opts.Quiet || N.Level == "error") && N.Id != "out-of-scope")
      llvm::WithColor::warning(errs(), "prodready")
          << (N.File.empty() ? std::string() : N.File + ": ") << N.Message << "\n";
  std::map<std::string, unsigned> Statistics;
  for (const UnitResult &U : Units)
    for (const auto &[Name, Count] : U.Statistics)
      Statistics[Name] += Count;
  printSummary(Shown, Statistics,
               std::chrono::duration<double>(std::chrono::steady_clock::now() - Start).count(),
               Opts.Quiet);
  if (!Opts.Quiet && (Link.Functions || Link.Sites)) {
    double AnalysisSeconds = 0;
    for (const UnitResult &U : Units)
      AnalysisSeconds += U.Seconds;
    errs() << llvm::format("prodready: link phase: %.4fs for %zu function summaries and "
                           "%zu call site(s), %zu cross-unit finding(s); units' "
                           "analysis %.2fs (%.2f%%)\n",
                           Link.Seconds, Link.Functions, Link.Sites, Link.Findings,
                           AnalysisSeconds,
                           AnalysisSeconds > 0 ? 100 * Link.Seconds / AnalysisSeconds : 0.0);
  }

  unsigned Threshold = levelRank(Opts.FailOn);
  bool Failing = Opts.FailOn != "none" &&
                 llvm::any_of(R.Findings, [&](const Finding &F) {
                   return F.BaselineState != "unchanged" &&
                          levelRank(F.Level) >= Threshold;
                 });
  if (Failing)
    return ExitFindings;
  if (Opts.Strict && R.FilesFailed > 0)
    return ExitIncomplete;
  return ExitClean;
}

llvm::Expected<LoadedDatabase> loadCompilationDatabase(const DriverOptions &Opts) {
  auto DB = loadDatabase(Opts);
  if (!DB)
    return DB.takeError();
  LoadedDatabase Out;
  Out.DB = std::move(DB->DB);
  Out.Directory = std::move(DB->Directory);
  Out.Files = std::move(DB->Files);
  return std::move(Out);
}

std::string defaultSourceRoot(llvm::StringRef Dir) {
  llvm::SmallString<256> Start(Dir);
  if (Start.empty())
    llvm::sys::fs::current_path(Start);
  std::string Root = findGitRoot(Start);
  return Root.empty() ? std::string(Start) : Root;
}

std::vector<UnitResult> analyseIsolated(const tooling::CompilationDatabase &DB,
                                        const std::vector<std::string> &Files,
                                        const DriverOptions &Opts,
                                        const std::function<bool()> &Abandon) {
  llvm::SmallString<128> TempDir;
  if (std::error_code EC = llvm::sys::fs::createUniqueDirectory("prodready", TempDir)) {
    std::vector<UnitResult> Failed(Files.size());
    for (size_t I = 0; I < Files.size(); ++I) {
      Failed[I].File = Files[I];
      Failed[I].Parsed = false;
      Failed[I].Crashed = true;
      Failed[I].Notifications.push_back(
          {Files[I], "error",
           "cannot use the temporary directory: " + EC.message() +
               "; set TMPDIR to a writable directory",
           "internal"});
    }
    return Failed;
  }
  unsigned Jobs = Opts.Jobs ? Opts.Jobs : 1;
  unsigned MaxMemoryMiB = Opts.MaxMemoryMiB ? *Opts.MaxMemoryMiB : defaultMaxMemoryMiB(Jobs);
  if (!AddressSpaceLimitUsable)
    MaxMemoryMiB = 0;
  Progress Bar(Files.size(), /*Enabled=*/false, 0);
  std::vector<UnitResult> Results =
      analyseInWorkers(DB, Files, Opts, Jobs, MaxMemoryMiB, TempDir, Bar, 0, Abandon);
  llvm::sys::fs::remove_directories(TempDir);
  return Results;
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
  Merged.Findings.erase(std::unique(Merged.Findings.begin(), Merged.Findings.end(),
                                    [](const Finding &A, const Finding &B) {
                                      return sameFinding(A, B) && A.Fingerprint == B.Fingerprint;
                                    }),
                        Merged.Findings.end());
  // Shards carry their units' call summaries: linked together they show
  // the paths that cross shards, as one run over all units would.
  std::vector<Finding> Linked = linkCallSummaries(Merged.Summaries, Merged.Findings);
  Merged.Summaries = CallSummaries();
  if (!Linked.empty()) {
    // Fingerprints as one run numbers them: the findings with the same
    // rule and line hash in a file, in order; the groups a linked finding
    // joins are numbered again.
    assignFingerprints(Linked);
    auto Group = [](const Finding &F) {
      return std::make_tuple(F.Where.File, F.Rule,
                             F.Fingerprint.substr(0, F.Fingerprint.rfind(':')));
    };
    std::set<std::tuple<std::string, std::string, std::string>> Renumber;
    for (Finding &F : Linked) {
      Renumber.insert(Group(F));
      Merged.Findings.push_back(std::move(F));
    }
    llvm::sort(Merged.Findings);
    std::map<std::tuple<std::string, std::string, std::string>, unsigned> Seen;
    for (Finding &F : Merged.Findings) {
      auto Key = Group(F);
      if (Renumber.count(Key))
        F.Fingerprint = std::get<2>(Key) + ":" + std::to_string(++Seen[Key]);
    }
  }
  llvm::erase_if(Merged.Notifications,
                 [](const Notification &N) { return N.Id == "out-of-scope"; });
  if (!Merged.OutOfScope.empty())
    Merged.Notifications.push_back(
        {"", "note", outOfScopeMessage(Merged.OutOfScope), "out-of-scope"});
  llvm::stable_sort(Merged.Notifications, [](const Notification &A, const Notification &B) {
    return std::tie(A.File, A.Id, A.Message) < std::tie(B.File, B.Id, B.Message);
  });
  redactReport(Merged);
  OutputContext Context;
  Context.SourceRoot = Root;
  Context.Items = *Items;
  if (llvm::Error E =
          writeOutput(Output, renderReport(Merged, *findOutputFormat("sarif"), Context)))
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
  const OutputFormat *Writer = findOutputFormat(Format);
  if (!Writer || !Writer->RenderedFromSarif)
    return usageError("report: unknown --format '" + Format + "'; use " +
                      joinAsAlternatives(reportFormatNames()));
  redactReport(*Log);
  // As in the driver's own outputs: results a baseline already holds are
  // kept in SARIF for code scanning, not shown again.
  llvm::erase_if(Log->Findings,
                 [](const Finding &F) { return F.BaselineState == "unchanged"; });
  OutputContext Context;
  Context.SourceRoot = Root;
  Context.Items = *Items;
  // The sources may not be where the log was written.
  Context.ShowSource = false;
  std::string Out = renderReport(*Log, *Writer, Context);
  if (llvm::Error E = writeOutput(Output, Out))
    return usageError(llvm::toString(std::move(E)));
  return ExitClean;
}

} // namespace prodready
