//===--- Workers.h - units analysed in worker processes ---------*- C++ -*-===//
//
// Each unit is analysed in a forked worker process under a wall-clock and a
// memory budget: a crash, a hang or a runaway allocation in one unit costs
// that unit's findings (reported as an error notification) and never the
// run. SIGINT and SIGTERM stop the pool: the driver only sets a flag in its
// handler, and the pool and the pipeline poll it.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_LIB_CORE_WORKERS_H
#define PRODREADY_LIB_CORE_WORKERS_H

#include "Console.h"
#include "DriverOptions.h"
#include "Finding.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Error.h"
#include <functional>
#include <string>
#include <vector>

namespace prodready {

/// From now on SIGINT and SIGTERM only record the signal: workers are
/// killed, the temporary directory removed, no output is written and the
/// run exits 128 + the signal.
void installStopSignals();
/// Whether SIGINT or SIGTERM has arrived.
bool stopRequested();
/// The name of the signal that stopped the run ("SIGINT" or "SIGTERM").
const char *stopSignalName();
/// 128 + the signal that stopped the run.
int stopExitCode();

/// How many workers run at once and the address space each may use (0: no
/// limit), from --jobs and --max-memory; \p DefaultJobs when -j is absent.
struct WorkerBudget {
  unsigned Jobs;
  unsigned MaxMemoryMiB;
};
WorkerBudget workerBudget(const DriverOptions &Opts, unsigned DefaultJobs);

/// A private temporary directory the workers' results pass through,
/// removed with this object. Creating it proves that TMPDIR is usable
/// (exists, writable, not full): otherwise that is a setup error.
class WorkDirectory {
public:
  static llvm::Expected<WorkDirectory> create();
  WorkDirectory(WorkDirectory &&Other);
  ~WorkDirectory();
  llvm::StringRef path() const { return Path; }

private:
  WorkDirectory() = default;
  llvm::SmallString<128> Path;
};

/// Runs analyzeUnit for each of \p Files in a forked worker process, at
/// most \p Budget.Jobs at a time. A worker that crashes, fails to report,
/// exceeds the wall-clock budget (killed) or the memory budget (RLIMIT_AS)
/// yields an error notification for its unit; the others are unaffected. On
/// SIGINT or SIGTERM every worker is killed and the results are incomplete
/// (stopRequested() tells). Workers die with the driver (PR_SET_PDEATHSIG).
/// \p Bar counts from \p AlreadyDone. When \p Abandon (polled while the
/// workers run) returns true, the workers are killed and the results are
/// empty.
std::vector<UnitResult>
analyseInWorkers(const clang::tooling::CompilationDatabase &DB,
                 const std::vector<std::string> &Files,
                 const DriverOptions &Opts, WorkerBudget Budget,
                 llvm::StringRef TempDir, Progress &Bar, size_t AlreadyDone,
                 const std::function<bool()> &Abandon = nullptr);

/// Analyses \p Files as the driver does, each in a forked worker process
/// under the budgets of \p Opts (TimeoutSeconds, MaxMemoryMiB): a crash or a
/// budget overrun yields a notification in that unit's result and never
/// touches the caller. \p Opts.Analysis is used as given (ProjectRoot,
/// ResourceDir set by the caller). When \p Abandon (polled while the workers
/// run) returns true, the workers are killed and the results are empty.
std::vector<UnitResult>
analyseIsolated(const clang::tooling::CompilationDatabase &DB,
                const std::vector<std::string> &Files,
                const DriverOptions &Opts,
                const std::function<bool()> &Abandon = nullptr);

} // namespace prodready

#endif // PRODREADY_LIB_CORE_WORKERS_H
