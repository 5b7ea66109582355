//===--- LoopClassification.h - what a loop is, for the loop rules -*- C++ -*-//
//
// One description per `while`, `do` or `for` loop, shared by
// prodready-polling-loop and prodready-retry-without-backoff: how the loop
// exits, what bounds it, which operation it retries, how and where it
// sleeps, and whether it turns at all. It is computed once per loop and
// translation unit (classifyLoop memoises it), and each rule only reads it:
//   * a retry loop exits when an operation called in the loop succeeds;
//   * a polling loop sleeps, does no real work on the sleeping path, and
//     waits for a flag, atomic, member or call result it does not change.
// A loop is never both: a retry loop is reported only by the retry rule.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_LIB_CHECKUTILS_LOOPCLASSIFICATION_H
#define PRODREADY_LIB_CHECKUTILS_LOOPCLASSIFICATION_H

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

/// The function lists a classification depends on (the checks' options).
struct LoopConfig {
  std::vector<std::string> SleepFunctions;
  std::vector<std::string> RemoteFunctions;
};

/// What the exits of a loop wait for.
enum class LoopExitKind {
  /// An exit is taken when an operation called in the loop succeeds (a
  /// retry loop), e.g. `while (!connect()) ...`, `if (rc == CURLE_OK) break;`.
  OperationSucceeds,
  /// The exits are taken when an operation fails, so the loop carries on
  /// while it succeeds (`while (ws.read(msg))`, `while ((n = read()) > 0)`).
  OperationFails,
  /// An exit waits for a flag, atomic, member or query result that the loop
  /// does not change (`while (!ready_)`, `if (isDone()) break;`).
  WatchedStateChanges,
  /// Anything else: only counters or deadlines, or no exit at all.
  Other,
};

/// What ends the attempts of a loop besides the operation's success.
enum class AttemptBound {
  None,
  /// A counter the loop changes or a deadline (`attempt < 5`, `now() < end`).
  CounterOrDeadline,
  /// A flag or query the loop does not change (`while (!stop_)`): the loop
  /// can be cancelled.
  StopCondition,
};

enum class DelayKind {
  /// A sleep function (SleepFunctions).
  Sleep,
  /// A timed wait on a condition variable or future (`wait_for`, ...).
  TimedWait,
};

enum class DelayDuration {
  /// The same in every iteration: no growth, no jitter.
  LoopInvariant,
  /// Refers to something the loop changes, or to a random number.
  Varying,
};

/// A sleep or timed wait in the loop.
struct LoopDelay {
  const clang::CallExpr *Call = nullptr;
  DelayKind Kind = DelayKind::Sleep;
  DelayDuration Duration = DelayDuration::LoopInvariant;
  /// In a loop nested in this one: not a delay of this loop's iterations.
  bool InNestedLoop = false;
  /// A sleep of this loop whose iteration does nothing else but read the
  /// watched state, log and read clocks (no periodic work on its path).
  bool OnIdlePath = false;
};

/// A wait for a socket to become ready (`select`, `poll`, `epoll_wait`).
struct ReadinessWait {
  const clang::CallExpr *Call = nullptr;
  /// The wait has a timeout (not an infinite one).
  bool Bounded = false;
};

/// The description of one loop that both loop rules read.
struct LoopClassification {
  LoopExitKind Exit = LoopExitKind::Other;
  AttemptBound Bound = AttemptBound::None;

  /// OperationSucceeds: the retried operation (a remote call in the loop is
  /// preferred when the exit tests a local one) and its name.
  const clang::CallExpr *RetriedOperation = nullptr;
  std::string RetriedOperationName;
  bool RetriedOperationIsRemote = false;
  /// Each iteration tries a different endpoint (failover, not a retry).
  bool TriesNextEndpoint = false;
  /// An exit condition tests EINTR: retrying an interrupted call at once is
  /// correct.
  bool RetriesOnEintr = false;

  /// Every sleep and timed wait in the loop, in source order.
  std::vector<LoopDelay> Delays;
  /// The first select/poll/epoll_wait of this loop (not of a nested one).
  ReadinessWait Readiness;

  /// WatchedStateChanges: the state the loop waits for, as written, and
  /// whether a signal handler sets it (a condition variable cannot be
  /// notified from a signal handler).
  const clang::Expr *Watched = nullptr;
  std::string WatchedText;
  bool WatchedIsSetBySignalHandler = false;

  /// Every path through the body leaves the loop (`break`, `return`,
  /// `throw`): the loop never turns.
  bool LeavesOnFirstTurn = false;

  /// The first delay of this loop (not of a nested loop), or null.
  const LoopDelay *firstDelay() const;
  /// The first sleep of this loop on a path without periodic work, or null.
  const LoopDelay *idleSleep() const;
  /// A retry loop: exits on an operation's success, does not fail over, and
  /// turns more than once.
  bool isRetry() const;
  /// A polling loop: waits for state it does not change by sleeping with no
  /// work in the iteration, and is not a retry loop.
  bool isPolling() const;
};

/// The classification of \p Loop (a WhileStmt, DoStmt or ForStmt) under
/// \p Config, computed on the first request and then shared by every check
/// that asks for the same loop in the same translation unit.
const LoopClassification &classifyLoop(const clang::Stmt &Loop,
                                       clang::ASTContext &Ctx,
                                       const LoopConfig &Config);

/// Computes the classification without the per-unit memo.
LoopClassification computeLoopClassification(const clang::Stmt &Loop,
                                             clang::ASTContext &Ctx,
                                             const LoopConfig &Config);

/// Whether every path through \p S, a statement of a loop body, leaves the
/// loop (`break`, `return`, `throw`, a call that does not return), so that
/// the loop never starts another turn from there.
bool leavesLoop(const clang::Stmt *S);

/// The qualified name of the function \p Call calls, for messages.
std::string calledFunctionName(const clang::CallExpr &Call);

} // namespace prodready

#endif // PRODREADY_LIB_CHECKUTILS_LOOPCLASSIFICATION_H
