//===--- LoopUtils.h - loop classification for the async checks -*- C++ -*-===//
//
// Shared analysis behind prodready-polling-loop and
// prodready-retry-without-backoff. A `while`, `do` or `for` loop is classified
// as
//   * a retry loop: it exits when an operation called in the loop succeeds;
//   * a polling loop: it sleeps, does no real work on the sleeping path, and
//     its exit depends on a flag, atomic, member or call result that the loop
//     body does not change;
//   * anything else (periodic worker, counting loop, ...).
// A loop is never both: a retry loop is reported only by the retry check.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_LIB_CHECKUTILS_LOOPUTILS_H
#define PRODREADY_LIB_CHECKUTILS_LOOPUTILS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace prodready {

/// Default of the `SleepFunctions` option of both loop checks.
inline constexpr llvm::StringLiteral DefaultSleepFunctions =
    "std::this_thread::sleep_for;std::this_thread::sleep_until;sleep;usleep;"
    "nanosleep;clock_nanosleep;boost::this_thread::sleep_for;"
    "boost::this_thread::sleep_until;boost::this_thread::sleep;Sleep;SleepEx;"
    "absl::SleepFor;QThread::sleep;QThread::msleep;QThread::usleep;"
    "regex:(.*::)?[Ss]leep_?([Ff]or|[Mm]s|[Mm]illis|[Mm]illiseconds|[Mm]icros|"
    "[Mm]icroseconds|[Ss]econds|ForMicroseconds|ForMilliseconds|ForSeconds)";

/// Default of the `RemoteFunctions` option of prodready-retry-without-backoff:
/// calls that talk to another process or host.
inline constexpr llvm::StringLiteral DefaultRemoteFunctions =
    "curl_easy_perform;connect;getaddrinfo;gethostbyname;SSL_connect;"
    "SSL_do_handshake;send;sendto;sendmsg;resolve;"
    "regex:^(httplib::Client|httplib::SSLClient|httplib::ClientImpl)::"
    "(Get|Post|Put|Patch|Delete|Head|Options|send)$;"
    "regex:^cpr::(Get|Post|Put|Patch|Delete|Head|Options)$";

struct LoopConfig {
  std::vector<std::string> SleepFunctions;
  std::vector<std::string> RemoteFunctions;
};

struct LoopAnalysis {
  enum KindTy { Other, Polling, Retry };
  KindTy Kind = Other;

  /// Polling: a sleep with no real work on its path. Retry: the first delay
  /// (sleep or timed wait) in the loop, or null.
  const clang::CallExpr *Sleep = nullptr;
  /// Polling: the state the loop waits for, as written.
  const clang::Expr *Watched = nullptr;
  std::string WatchedText;

  /// Retry: the retried operation.
  const clang::CallExpr *Operation = nullptr;
  std::string OperationName;
  bool Remote = false;
  /// (a) no attempt counter, deadline or stop condition bounds the loop.
  bool Unbounded = false;
  /// (b) every delay between attempts has a loop-invariant duration.
  bool InvariantDelay = false;
  /// (c) no delay at all between attempts of a remote call.
  bool NoDelay = false;
  /// Retrying on EINTR is correct and never reported.
  bool RetriesOnEintr = false;
};

/// Classifies \p Loop (a WhileStmt, DoStmt or ForStmt).
LoopAnalysis analyzeLoop(const clang::Stmt &Loop, clang::ASTContext &Ctx,
                         const LoopConfig &Config);

/// The name to show for the function called by \p Call.
std::string calleeName(const clang::CallExpr &Call);

} // namespace prodready

#endif // PRODREADY_LIB_CHECKUTILS_LOOPUTILS_H
