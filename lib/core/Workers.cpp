//===--- Workers.cpp - units analysed in worker processes -----------------===//

#include "Workers.h"
#include "FileIO.h"
#include "Redact.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace clang;
using nlohmann::json;

namespace prodready {

namespace {

llvm::raw_ostream &errs() { return llvm::errs(); }

/// The stop signal (SIGINT or SIGTERM) received, or 0.
volatile sig_atomic_t PendingSignal = 0;

extern "C" void onStopSignal(int Signal) { PendingSignal = Signal; }

/// Whether address-space limits can be used: sanitizers reserve terabytes
/// of address space up front.
constexpr bool AddressSpaceLimitUsable =
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer) ||     \
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
  uint64_t TotalMiB = Pages > 0 && PageSize > 0
                          ? (uint64_t(Pages) * uint64_t(PageSize)) >> 20
                          : 0;
  return static_cast<unsigned>(std::min<uint64_t>(
      UINT32_MAX, std::max<uint64_t>(8192, TotalMiB / std::max(1u, Jobs))));
}

} // namespace

void installStopSignals() {
  struct sigaction Action = {};
  Action.sa_handler = onStopSignal;
  sigemptyset(&Action.sa_mask);
  Action.sa_flags = 0; // no SA_RESTART: a blocking wait returns at once
  sigaction(SIGINT, &Action, nullptr);
  sigaction(SIGTERM, &Action, nullptr);
}

bool stopRequested() { return PendingSignal != 0; }

const char *stopSignalName() {
  return PendingSignal == SIGINT ? "SIGINT" : "SIGTERM";
}

int stopExitCode() { return 128 + PendingSignal; }

WorkerBudget workerBudget(const DriverOptions &Opts, unsigned DefaultJobs) {
  WorkerBudget Budget;
  Budget.Jobs = Opts.Jobs ? Opts.Jobs : DefaultJobs;
  Budget.MaxMemoryMiB =
      Opts.MaxMemoryMiB ? *Opts.MaxMemoryMiB : defaultMaxMemoryMiB(Budget.Jobs);
  if (!AddressSpaceLimitUsable)
    Budget.MaxMemoryMiB = 0;
  return Budget;
}

llvm::Expected<WorkDirectory> WorkDirectory::create() {
  llvm::SmallString<128> System;
  llvm::sys::path::system_temp_directory(/*ErasedOnReboot=*/true, System);
  auto Unusable = [&](std::error_code EC) {
    return llvm::createStringError(
        EC,
        "cannot use the temporary directory '%s': %s; set TMPDIR to a "
        "writable directory",
        System.c_str(), EC.message().c_str());
  };
  WorkDirectory Dir;
  if (std::error_code EC =
          llvm::sys::fs::createUniqueDirectory("prodready", Dir.Path))
    return Unusable(EC);
  // A full disk shows only when something is written.
  std::error_code EC;
  {
    llvm::raw_fd_ostream Probe((Dir.Path + "/probe").str(), EC);
    if (!EC) {
      Probe << std::string(64 << 10, '\0');
      Probe.close();
      EC = Probe.error();
      Probe.clear_error();
    }
  }
  llvm::sys::fs::remove((Dir.Path + "/probe").str());
  if (EC)
    return Unusable(EC); // Dir's destructor removes the directory
  return std::move(Dir);
}

WorkDirectory::WorkDirectory(WorkDirectory &&Other) : Path(Other.Path) {
  Other.Path.clear();
}

WorkDirectory::~WorkDirectory() {
  if (!Path.empty())
    llvm::sys::fs::remove_directories(Path);
}

std::vector<UnitResult> analyseInWorkers(const tooling::CompilationDatabase &DB,
                                         const std::vector<std::string> &Files,
                                         const DriverOptions &Opts,
                                         WorkerBudget Budget,
                                         llvm::StringRef TempDir, Progress &Bar,
                                         size_t AlreadyDone,
                                         const std::function<bool()> &Abandon) {
  const unsigned Jobs = Budget.Jobs, MaxMemoryMiB = Budget.MaxMemoryMiB;
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
  auto ResultPath = [&](size_t I) {
    return (TempDir + "/unit-" + llvm::Twine(I) + ".cbor").str();
  };
  const pid_t Driver = getpid();
  // Reads what the worker wrote so far (all of it once it has exited),
  // keeping the first 64 KiB: the cause of a crash comes first.
  auto Drain = [](Worker &W) {
    char Buffer[4096];
    while (W.Output >= 0) {
      ssize_t N = read(W.Output, Buffer, sizeof(Buffer));
      if (N > 0) {
        if (W.Captured.size() < 65536)
          W.Captured.append(Buffer,
                            std::min<size_t>(N, 65536 - W.Captured.size()));
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
    json J =
        Ok ? json::from_cbor(Text, /*strict=*/true, /*allow_exceptions=*/false)
           : json();
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
        U.Notifications.push_back({Files[I], "error",
                                   "the analysis of this file did not finish "
                                   "within the budget (--timeout " +
                                       std::to_string(Opts.TimeoutSeconds) +
                                       " s) and was stopped; its findings are "
                                       "missing, every other file was "
                                       "analysed",
                                   "timeout"});
      } else if (MaxMemoryMiB && (Tail.contains("out of memory") ||
                                  Tail.contains("Allocation failed") ||
                                  Tail.contains("bad_alloc"))) {
        U.Notifications.push_back({Files[I], "error",
                                   "the analysis of this file needed more "
                                   "memory than the budget (--max-memory " +
                                       std::to_string(MaxMemoryMiB) +
                                       " MiB) and was stopped; its findings "
                                       "are missing, every other file was "
                                       "analysed",
                                   "memory-limit"});
      } else {
        std::string Why =
            WIFSIGNALED(Status)
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
  while ((Next < Files.size() || !Running.empty()) && !PendingSignal &&
         !Abandoned) {
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
        if (!Opts.DebugStallOn.empty() &&
            llvm::StringRef(Files[I]).contains(Opts.DebugStallOn))
          sleep(2); // a slow unit, for the progress heartbeat's test

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
        U.Notifications.push_back(
            {Files[I], "error", "cannot start a worker process", "internal"});
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
        if (!W.TimedOut &&
            Now - W.Started > std::chrono::seconds(Opts.TimeoutSeconds)) {
          kill(WorkerPid, SIGKILL);
          W.TimedOut = true;
        }
    }
    if (!Running.empty()) {
      // No file finished: say which one the run waits for, so that a CI log
      // is not silent while a long unit is analysed.
      auto Oldest = std::min_element(
          Running.begin(), Running.end(), [](const auto &A, const auto &B) {
            return A.second.Started < B.second.Started;
          });
      Bar.heartbeat(
          AlreadyDone + Done, Files[Oldest->second.Index],
          std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                        Oldest->second.Started)
              .count());
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

std::vector<UnitResult> analyseIsolated(const tooling::CompilationDatabase &DB,
                                        const std::vector<std::string> &Files,
                                        const DriverOptions &Opts,
                                        const std::function<bool()> &Abandon) {
  llvm::SmallString<128> TempDir;
  if (std::error_code EC =
          llvm::sys::fs::createUniqueDirectory("prodready", TempDir)) {
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
  Progress Bar(Files.size(), /*Enabled=*/false, 0);
  std::vector<UnitResult> Results =
      analyseInWorkers(DB, Files, Opts, workerBudget(Opts, /*DefaultJobs=*/1),
                       TempDir, Bar, 0, Abandon);
  llvm::sys::fs::remove_directories(TempDir);
  return Results;
}

} // namespace prodready
