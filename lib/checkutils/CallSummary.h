//===--- CallSummary.h - per-unit call summaries for the driver -*- C++ -*-===//
//
// A check that follows calls (prodready-blocking-in-async) sees one
// translation unit. In the prodready driver it also records a small summary
// of the functions the unit defines (does it block directly, which project
// functions does it call, where) and of the calls made in async contexts;
// the driver links the summaries of all units after the per-unit phase and
// reports the paths that cross units (lib/core/Summaries.h). The model is
// plain data; the check fills it only when the driver asks for it, so the
// clang-tidy plugin pays nothing.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_LIB_CHECKUTILS_CALLSUMMARY_H
#define PRODREADY_LIB_CHECKUTILS_CALLSUMMARY_H

#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace clang {
class Decl;
class FunctionDecl;
class SourceLocation;
class SourceManager;
} // namespace clang

namespace prodready {

/// A point in a file. The check fills File (absolute) and Offset; the
/// driver adds the line and columns (1-based; CharColumn in code points)
/// while the file is at hand.
struct SummaryPoint {
  std::string File;
  unsigned Offset = 0;
  unsigned Line = 0, Column = 0, CharColumn = 0;
};

/// A call to a project function: its cross-unit key, its name as findings
/// print it, and where the call is.
struct SummaryCall {
  std::string Callee;
  std::string Name;
  SummaryPoint At;
};

/// What a unit knows about one function it defines.
struct FunctionSummary {
  std::string Key;  // summaryKey()
  std::string Name; // qualified, as findings print it
  SummaryPoint At;
  /// The first blocking (or CPU-bound) call the function makes itself;
  /// empty when it makes none.
  std::string Blocking;
  bool CpuBound = false;
  SummaryPoint BlockingAt;
  /// The project functions it calls, in source order (only when it does not
  /// block directly: the shortest path then ends here). Work handed to
  /// another executor (a lambda posted to a pool, ...) is not among them.
  std::vector<SummaryCall> Calls;
};

/// A call made in an async context (a coroutine, a handler) to a project
/// function whose path to a blocking call the unit alone could not show.
struct AsyncCallSite {
  SummaryCall Call;
  std::string Context;     // "completion handler of 'async_read'"
  std::string ContextNote; // the text of the "async context" note
  SummaryPoint ContextAt;
  unsigned MaxDepth = 4; // the check's MaxCallDepth for this unit
  /// Filled by the driver: as Finding::LineHash, for fingerprints, and
  /// whether the unit's WarningsAsErrors raises the rule.
  std::string LineHash;
  bool WarningAsError = false;
};

/// For prodready-secret-in-log: what a function does with its parameters.
struct ParameterSummary {
  std::string Key;  // summaryKey()
  std::string Name; // qualified, as findings print it
  /// A parameter the function writes to a log itself.
  struct Logged {
    unsigned Index = 0; // 0-based, as the call's arguments count
    std::string Param;
    std::string Sink; // as secret-in-log names it (`spdlog::info`)
    SummaryPoint At;
  };
  /// A parameter passed on, as it is, to another project function.
  struct Forwarded {
    unsigned Index = 0;
    std::string Param;
    SummaryCall Call;
    unsigned CalleeIndex = 0;
  };
  std::vector<Logged> Logs;
  std::vector<Forwarded> Forwards;
};

/// A secret passed as an argument to a project function.
struct SecretArgumentSite {
  SummaryCall Call;
  unsigned Index = 0; // of the argument
  std::string Secret; // its name as written, never its value
  SummaryPoint ArgumentAt;
  /// Where the secret comes from and where it went (the notes).
  std::vector<std::pair<std::string, SummaryPoint>> Steps;
  /// Filled by the driver: as in AsyncCallSite.
  std::string LineHash;
  bool WarningAsError = false;
};

struct CallSummaries {
  std::vector<FunctionSummary> Functions;
  std::vector<AsyncCallSite> AsyncCalls;
  std::vector<ParameterSummary> Parameters;
  std::vector<SecretArgumentSite> SecretArguments;
  bool empty() const {
    return Functions.empty() && AsyncCalls.empty() && Parameters.empty() &&
           SecretArguments.empty();
  }
  void append(CallSummaries Other) {
    for (FunctionSummary &F : Other.Functions)
      Functions.push_back(std::move(F));
    for (AsyncCallSite &S : Other.AsyncCalls)
      AsyncCalls.push_back(std::move(S));
    for (ParameterSummary &P : Other.Parameters)
      Parameters.push_back(std::move(P));
    for (SecretArgumentSite &S : Other.SecretArguments)
      SecretArguments.push_back(std::move(S));
  }
};

/// The driver asks the checks to record summaries for the next unit(s).
void requestCallSummaries(bool On);
bool callSummariesRequested();
void recordFunctionSummary(FunctionSummary Summary);
void recordAsyncCallSite(AsyncCallSite Site);
void recordParameterSummary(ParameterSummary Summary);
void recordSecretArgument(SecretArgumentSite Site);
/// Returns what was recorded and resets it.
CallSummaries takeCallSummaries();

/// A key naming \p FD in every unit that declares it: its USR; for a
/// function without external linkage (static, anonymous namespace) the USR
/// qualified by the unit's main file, since another unit's function of the
/// same name is another function. Empty when clang has no USR for it.
std::string summaryKey(const clang::FunctionDecl &FD,
                       const clang::SourceManager &SM);

/// \p Loc (its expansion) as a summary point.
SummaryPoint summaryPoint(clang::SourceLocation Loc,
                          const clang::SourceManager &SM);

/// The texts of a blocking-path finding, shared by the check (paths within
/// a unit) and the driver's link phase (paths across units). \p Chain is
/// "'handle' -> 'fetch' -> 'std::this_thread::sleep_for'".
std::string reachesBlockingMessage(llvm::StringRef Callee,
                                   llvm::StringRef Context,
                                   llvm::StringRef Chain, bool CpuBound);
/// The note at one step of the path; \p Last: the blocking call itself.
std::string pathStepNote(llvm::StringRef Caller, llvm::StringRef Callee,
                         bool Last);
std::string asyncContextNote(llvm::StringRef Context);

} // namespace prodready

#endif // PRODREADY_LIB_CHECKUTILS_CALLSUMMARY_H
