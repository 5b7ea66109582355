//===--- LoopClassification.cpp - what a loop is, for the loop rules -----===//

#include "LoopClassification.h"
#include "AsyncUtils.h"
#include "CheckUtils.h"
#include "LogSinks.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Regex.h"
#include <map>
#include <memory>
#include <mutex>
#include <optional>

using namespace clang;

namespace prodready {
namespace {

/// Whether \p MD, without parameters, only returns a member of its object
/// (`KStatus status() { return status_; }`, `return flag_.load();`): a
/// getter, whether or not it is declared const (libhv's Status::status()).
bool returnsOnlyAMember(const CXXMethodDecl &MD) {
  if (MD.getNumParams() != 0 || MD.isStatic())
    return false;
  const FunctionDecl *Def = MD.getDefinition();
  const auto *Body =
      Def ? dyn_cast_or_null<CompoundStmt>(Def->getBody()) : nullptr;
  if (!Body || Body->size() != 1)
    return false;
  const auto *Return = dyn_cast<ReturnStmt>(Body->body_front());
  const Expr *Value = Return ? Return->getRetValue() : nullptr;
  if (!Value)
    return false;
  Value = Value->IgnoreImplicit()->IgnoreParenImpCasts();
  // `flag_.load()`, `count_.load(std::memory_order_acquire)`.
  if (const auto *Load = dyn_cast<CXXMemberCallExpr>(Value))
    if (const CXXMethodDecl *Callee = Load->getMethodDecl();
        Callee && Callee->getIdentifier() && Callee->getName() == "load")
      Value = Load->getImplicitObjectArgument()->IgnoreParenImpCasts();
  // std::atomic's conversion to its value.
  if (const auto *Convert = dyn_cast<CXXMemberCallExpr>(Value);
      Convert && isa_and_nonnull<CXXConversionDecl>(Convert->getMethodDecl()))
    Value = Convert->getImplicitObjectArgument()->IgnoreParenImpCasts();
  const auto *Member = dyn_cast<MemberExpr>(Value);
  return Member && isa<FieldDecl>(Member->getMemberDecl()) &&
         isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts());
}

/// Whether calling \p MD leaves its object as it was: a const member, or a
/// getter that is not declared const.
bool observesObject(const CXXMethodDecl &MD) {
  return MD.isConst() || returnsOnlyAMember(MD);
}

/// How a call made in a loop counts for the loop rules.
enum class CallRole { Sleep, TimedWait, Log, ClockRead, Query, Action };

/// What a condition's truth says about the retried operation.
enum class Outcome { NotAnOutcome, Success, Failure, Unknown };

Outcome opposite(Outcome P) {
  return P == Outcome::Success   ? Outcome::Failure
         : P == Outcome::Failure ? Outcome::Success
                                 : P;
}

Outcome combine(Outcome A, Outcome B) {
  if (A == Outcome::NotAnOutcome || A == B)
    return B;
  if (B == Outcome::NotAnOutcome)
    return A;
  if (A == Outcome::Unknown)
    return B;
  if (B == Outcome::Unknown)
    return A;
  return Outcome::Unknown; // success and failure mixed
}

bool matchesRe(llvm::StringRef Pattern, llvm::StringRef Text) {
  // The patterns are the fixed literals of this file: compile each once.
  static llvm::StringMap<std::unique_ptr<llvm::Regex>> Cache;
  auto &Re = Cache[Pattern];
  if (!Re)
    Re = std::make_unique<llvm::Regex>(Pattern);
  return Re->match(Text);
}

/// Names of functions that only observe state (never "real work", never the
/// operation of a retry loop). Matched on the unqualified name.
bool isQueryName(llvm::StringRef Name) {
  static const char *const Prefixes[] = {"is",
                                         "has",
                                         "can",
                                         "should",
                                         "get",
                                         "check",
                                         "poll",
                                         "query",
                                         "peek",
                                         "test",
                                         "status",
                                         "state",
                                         "load",
                                         "empty",
                                         "size",
                                         "count",
                                         "exists",
                                         "ready",
                                         "done",
                                         "finished",
                                         "running",
                                         "stopped",
                                         "valid",
                                         "available",
                                         "pending",
                                         "alive",
                                         "try_pop",
                                         "tryPop",
                                         "TryPop",
                                         "try_dequeue",
                                         "tryDequeue",
                                         "try_wait",
                                         "wait_for",
                                         "wait_until",
                                         "try_receive",
                                         "try_recv",
                                         "try_get",
                                         "try_take",
                                         "pop",
                                         "dequeue",
                                         "take",
                                         "access",
                                         "stat",
                                         "fstat",
                                         "lstat",
                                         "kill",
                                         "waitpid",
                                         "pthread_kill",
                                         "feof",
                                         "ferror",
                                         "__errno_location",
                                         "__error",
                                         "_errno",
                                         "stopRequested",
                                         "stop_requested",
                                         "elapsed",
                                         "remaining"};
  for (llvm::StringRef P : Prefixes) {
    if (Name.size() < P.size() ||
        !Name.take_front(P.size()).equals_insensitive(P))
      continue;
    if (Name.size() == P.size())
      return true;
    char Next = Name[P.size()];
    if (Next == '_' || (Next >= 'A' && Next <= 'Z'))
      return true;
  }
  return false;
}

bool isClockName(llvm::StringRef Qualified, llvm::StringRef Name) {
  return matchesRe("^(now|Now|NowNanos|NowMicros|time|clock|clock_gettime|"
                   "gettimeofday|GetTickCount|GetTickCount64|"
                   "QueryPerformanceCounter|steady_now|monotonic_now)$",
                   Name) ||
         // Project clocks: getMicroTickCount (oatpp), currentTimeMillis,
         // nowMicros, monotonicTime...
         matchesRe("^(get|current|Get|Current)?_?(Micro|Milli|Nano)?_?"
                   "(TickCount|Ticks|Time|Clock|Timestamp)(Micros?|Millis?|"
                   "Nanos?|Ms|Us|Ns|Sec)?$|[Tt]ick[Cc]ount|^(now|Now)_?"
                   "(Micros?|Millis?|Nanos?|Ms|Us|Ns)$|[Mm]onotonic",
                   Name) ||
         (Qualified.starts_with("std::chrono::") && Name == "now");
}

bool isRandomCall(const FunctionDecl &FD) {
  std::string Q = qualifiedName(FD);
  std::string Lower = llvm::StringRef(Q).lower();
  return matchesRe("rand|jitter|random|distribution|mersenne|minstd|engine",
                   Lower);
}

bool isErrorLikeRecord(QualType T) {
  const auto *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD)
    return false;
  return matchesRe("error_code|error_condition|ErrorCode|^Error$|^error$",
                   RD->getName());
}

bool isTimeType(QualType T) {
  std::string S = T.getNonReferenceType().getCanonicalType().getAsString();
  return llvm::StringRef(S).contains("time_point");
}

bool alwaysJumps(const Stmt *S) {
  if (!S)
    return false;
  if (const auto *CS = dyn_cast<CompoundStmt>(S))
    return !CS->body_empty() && alwaysJumps(CS->body_back());
  if (const auto *E = dyn_cast<Expr>(S))
    return isa<CXXThrowExpr>(E->IgnoreParenImpCasts());
  return isa<ContinueStmt, BreakStmt, ReturnStmt, GotoStmt, CoreturnStmt>(S);
}

bool isLoopStmt(const Stmt *S) {
  return isa<WhileStmt, DoStmt, ForStmt, CXXForRangeStmt>(S);
}

/// Whether \p S holds a `continue` of the loop being classified (not one of
/// a nested loop or a lambda).
bool continuesLoop(const Stmt *S) {
  if (!S || isa<LambdaExpr, BlockExpr>(S) || isLoopStmt(S))
    return false;
  if (isa<ContinueStmt>(S))
    return true;
  for (const Stmt *Child : S->children())
    if (continuesLoop(Child))
      return true;
  return false;
}

} // namespace

bool leavesLoop(const Stmt *S) {
  if (!S)
    return false;
  if (isa<BreakStmt, ReturnStmt, CoreturnStmt>(S))
    return true;
  if (const auto *E = dyn_cast<Expr>(S))
    return neverReturns(E);
  if (const auto *CS = dyn_cast<CompoundStmt>(S)) {
    for (const Stmt *Child : CS->body()) {
      if (leavesLoop(Child))
        return true;
      if (continuesLoop(Child))
        return false;
    }
    return false;
  }
  if (const auto *If = dyn_cast<IfStmt>(S))
    return If->getElse() && leavesLoop(If->getThen()) &&
           leavesLoop(If->getElse());
  if (const auto *Try = dyn_cast<CXXTryStmt>(S)) {
    if (!leavesLoop(Try->getTryBlock()))
      return false;
    for (unsigned I = 0; I < Try->getNumHandlers(); ++I)
      if (!leavesLoop(Try->getHandler(I)->getHandlerBlock()))
        return false;
    return true;
  }
  if (const auto *Attributed = dyn_cast<AttributedStmt>(S))
    return leavesLoop(Attributed->getSubStmt());
  if (const auto *Label = dyn_cast<LabelStmt>(S))
    return leavesLoop(Label->getSubStmt());
  return false;
}

namespace {

bool isGlobalCFunction(const FunctionDecl &FD) {
  return FD.getDeclName().isIdentifier() &&
         (FD.isExternC() ||
          FD.getDeclContext()->getRedeclContext()->isTranslationUnit());
}

/// The index of the timeout argument when \p FD waits for a descriptor to
/// become ready (select, poll, epoll_wait and their variants).
std::optional<unsigned> readinessTimeoutArgument(const FunctionDecl &FD) {
  if (!isGlobalCFunction(FD))
    return std::nullopt;
  return llvm::StringSwitch<std::optional<unsigned>>(FD.getName())
      .Cases("select", "pselect", 4u)
      .Cases("poll", "ppoll", "WSAPoll", 2u)
      .Cases("epoll_wait", "epoll_pwait", "epoll_pwait2", 3u)
      .Default(std::nullopt);
}

/// Whether the timeout argument \p Arg of a readiness wait bounds it: not a
/// null `timeval*`/`timespec*`, not a negative constant (-1 is infinite).
bool boundsReadinessWait(const Expr *Arg, ASTContext &Ctx) {
  if (!Arg)
    return true;
  Arg = Arg->IgnoreParenImpCasts();
  if (Arg->isValueDependent())
    return true;
  if (Arg->getType()->isPointerType() || isa<CXXNullPtrLiteralExpr>(Arg))
    return !Arg->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull);
  Expr::EvalResult R;
  if (Arg->EvaluateAsInt(R, Ctx))
    return !R.Val.getInt().isNegative();
  return true;
}

/// How many project functions deep a readiness wait is looked for: cpp-httplib
/// waits through wait_readable -> select_read -> a lambda -> poll_wrapper.
constexpr unsigned MaxReadinessDepth = 4;

/// The readiness wait made by the body of the project function \p FD or the
/// project functions and lambdas it calls, up to \p Depth calls deep.
const CallExpr *
findReadinessWaitIn(const FunctionDecl &FD, unsigned Depth, ASTContext &Ctx,
                    llvm::SmallPtrSetImpl<const FunctionDecl *> &Visited,
                    bool &Bounded) {
  const FunctionDecl *Def = FD.getDefinition();
  if (!Def || !Def->getBody() || !Visited.insert(Def).second ||
      Ctx.getSourceManager().isInSystemHeader(Def->getLocation()))
    return nullptr;
  llvm::SmallVector<const Stmt *, 32> Work{Def->getBody()};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *Inner = dyn_cast<CallExpr>(S))
      if (const FunctionDecl *Callee = Inner->getDirectCallee()) {
        if (std::optional<unsigned> Arg = readinessTimeoutArgument(*Callee)) {
          Bounded = boundsReadinessWait(
              *Arg < Inner->getNumArgs() ? Inner->getArg(*Arg) : nullptr, Ctx);
          return Inner;
        }
        if (Depth > 1)
          if (const CallExpr *Found = findReadinessWaitIn(
                  *Callee, Depth - 1, Ctx, Visited, Bounded))
            return Found;
      }
    // A lambda written in a helper is passed to something that calls it
    // (handle_EINTR([&] { return poll(...); })): its body waits too.
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return nullptr;
}

/// The readiness wait \p Call makes: itself, or one made in the body of the
/// project function it calls (`wait_readable(fd, 5000)`), a few calls deep.
/// Whether \p Call is awaited (`co_await sched->poll(sock, op, timeout)`).
/// (The awaited expression is also the child of the temporary the await
/// materialises: the call has two parents.)
bool isAwaitedCall(const CallExpr &Call, ASTContext &Ctx) {
  llvm::SmallVector<DynTypedNode, 4> Work = {DynTypedNode::create(Call)};
  for (int Steps = 0; !Work.empty() && Steps < 16; ++Steps) {
    DynTypedNode Node = Work.pop_back_val();
    for (const DynTypedNode &Parent : Ctx.getParents(Node)) {
      if (Parent.get<CoawaitExpr>())
        return true;
      if (const auto *E = Parent.get<Expr>();
          E && isa<ImplicitCastExpr, MaterializeTemporaryExpr,
                   CXXBindTemporaryExpr, ExprWithCleanups, ParenExpr>(E))
        Work.push_back(Parent);
    }
  }
  return false;
}

ReadinessWait readinessWaitOf(const CallExpr &Call, ASTContext &Ctx) {
  ReadinessWait Wait;
  const FunctionDecl *FD = Call.getDirectCallee();
  if (!FD)
    return Wait;
  // A coroutine scheduler's readiness wait, awaited (libcoro's
  // `co_await m_scheduler->poll(m_socket, op, timeout)` between
  // non-blocking SSL_connect attempts).
  if (FD->getIdentifier() &&
      llvm::is_contained({"poll", "wait_readable", "wait_writable"},
                         FD->getName()) &&
      !isGlobalCFunction(*FD) && isAwaitedCall(Call, Ctx)) {
    Wait.Call = &Call;
    Wait.Bounded = true;
    return Wait;
  }
  if (std::optional<unsigned> Arg = readinessTimeoutArgument(*FD)) {
    Wait.Call = &Call;
    Wait.Bounded = boundsReadinessWait(
        *Arg < Call.getNumArgs() ? Call.getArg(*Arg) : nullptr, Ctx);
    return Wait;
  }
  llvm::SmallPtrSet<const FunctionDecl *, 8> Visited;
  bool Bounded = true;
  if (findReadinessWaitIn(*FD, MaxReadinessDepth, Ctx, Visited, Bounded)) {
    Wait.Call = &Call;
    Wait.Bounded = Bounded;
  }
  return Wait;
}

/// Whether the loop exit \p Exit leaves with a failure: a throw, or a
/// return of a null pointer, `false` or a negative number.
bool exitReportsFailure(const Stmt &Exit, ASTContext &Ctx) {
  if (isa<CXXThrowExpr>(Exit))
    return true;
  const auto *Return = dyn_cast<ReturnStmt>(&Exit);
  const Expr *Value = Return ? Return->getRetValue() : nullptr;
  if (!Value || Value->isValueDependent())
    return false;
  Value = Value->IgnoreParenImpCasts();
  QualType T = Value->getType();
  if (T->isPointerType() || T->isNullPtrType())
    return Value->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull);
  bool Truth = true;
  if (T->isBooleanType())
    return Value->EvaluateAsBooleanCondition(Truth, Ctx) && !Truth;
  Expr::EvalResult R;
  if (T->isIntegerType() && Value->EvaluateAsInt(R, Ctx))
    return R.Val.getInt().isNegative();
  return false;
}

/// Whether \p Call moves a cursor over a list of endpoints:
/// `iter.next()`, `it.Next()`, `list.getNext()`.
bool advancesCursor(const CallExpr &Call) {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call);
  const CXXMethodDecl *MD = Member ? Member->getMethodDecl() : nullptr;
  if (!MD || !MD->getDeclName().isIdentifier())
    return false;
  return matchesRe("^([Nn]ext|get_?[Nn]ext|Get_?Next|advance|Advance)$",
                   MD->getName());
}

/// Operations whose non-zero result means that data arrived: the loop
/// `while (ws.read(buffer))` carries on while reads succeed.
bool isReadLikeName(llvm::StringRef Name) {
  std::string Lower = Name.lower();
  return matchesRe("^(f?read|recv|receive|fgets|gets|get_?line|next|step|"
                   "fetch|consume)",
                   Lower);
}

/// Whether \p T is a byte or item count (`size_t`, `ssize_t`,
/// `std::streamsize`) as written, through typedefs.
bool isCountType(QualType T) {
  for (int Depth = 0; Depth < 8 && !T.isNull(); ++Depth) {
    const auto *Typedef = dyn_cast<TypedefType>(T.getTypePtr());
    if (!Typedef) {
      if (const auto *Elaborated = dyn_cast<ElaboratedType>(T.getTypePtr())) {
        T = Elaborated->getNamedType();
        continue;
      }
      return false;
    }
    llvm::StringRef Name = Typedef->getDecl()->getName();
    if (Name == "size_t" || Name == "ssize_t" || Name == "streamsize" ||
        Name == "size_type")
      return true;
    T = Typedef->desugar();
  }
  return false;
}

/// The declaration an lvalue expression designates (a variable or field).
const ValueDecl *baseDecl(const Expr *E) {
  while (E) {
    E = E->IgnoreParenCasts();
    if (const auto *DR = dyn_cast<DeclRefExpr>(E))
      return DR->getDecl();
    if (const auto *ME = dyn_cast<MemberExpr>(E))
      return ME->getMemberDecl();
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
      E = AS->getBase();
      continue;
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
      if (UO->getOpcode() != UO_Deref && UO->getOpcode() != UO_AddrOf)
        return nullptr;
      E = UO->getSubExpr();
      continue;
    }
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
      auto K = OC->getOperator();
      if (OC->getNumArgs() == 0 ||
          (K != OO_Star && K != OO_Arrow && K != OO_Subscript))
        return nullptr;
      E = OC->getArg(0);
      continue;
    }
    if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(E)) {
      E = MT->getSubExpr();
      continue;
    }
    return nullptr;
  }
  return nullptr;
}

/// Strips what the user did not write, including implicit conversion
/// operator calls (`if (flag)` on a std::atomic or an error_code).
const Expr *strip(const Expr *E) {
  while (E) {
    const Expr *Prev = E;
    E = E->IgnoreParenImpCasts();
    if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
      E = EWC->getSubExpr();
    if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(E))
      E = MT->getSubExpr();
    if (const auto *BT = dyn_cast<CXXBindTemporaryExpr>(E))
      E = BT->getSubExpr();
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E))
      if (isa_and_nonnull<CXXConversionDecl>(MC->getMethodDecl()) &&
          MC->getImplicitObjectArgument())
        E = MC->getImplicitObjectArgument();
    if (const auto *RW = dyn_cast<CXXRewrittenBinaryOperator>(E))
      E = RW->getSemanticForm();
    // `(rc = op()) != 0` tests the value assigned; so does `(f(), x)`.
    if (const auto *BO = dyn_cast<BinaryOperator>(E);
        BO && (BO->getOpcode() == BO_Assign || BO->getOpcode() == BO_Comma))
      E = BO->getRHS();
    if (E == Prev)
      return E;
  }
  return E;
}

/// When an exit guarded by a condition is taken.
enum class GuardSense { ExitWhenTrue, ExitWhenFalse, Unknown };

/// A condition that must hold (in the given sense) for an exit to be taken.
struct ExitGuard {
  const Expr *Condition;
  GuardSense Sense;
};

/// A way out of the loop: the loop's own condition, a `break`, `return`,
/// `throw` or `goto`, with the conditions that lead to it.
struct LoopExitPoint {
  const Stmt *Exit;
  std::vector<ExitGuard> Guards;
  /// An operation earlier in the same try block: reaching the exit means it
  /// did not throw.
  const CallExpr *OperationBeforeInTry;
};

/// What a condition is made of.
struct ConditionOperands {
  /// The first operation whose result the condition tests.
  const CallExpr *Operation = nullptr;
  /// A counter the loop changes, a deadline or a clock read.
  bool Bound = false;
  /// Flags, members and query results the loop does not change.
  std::vector<const Expr *> WatchedState;
};

/// Where the value of a variable tested in an exit condition comes from.
enum class VariableOrigin {
  /// Not assigned in the loop.
  NotSetInLoop,
  /// The result (or out-parameter) of an operation called in the loop.
  OperationResult,
  /// A copy of observed state (a query result, a flag).
  ObservedState,
  /// Computed by the loop (a counter, an accumulator).
  ComputedByLoop,
};

class LoopClassifier {
public:
  LoopClassifier(const Stmt &Loop, ASTContext &Ctx, const LoopConfig &Cfg)
      : Loop(Loop), Ctx(Ctx), Cfg(Cfg) {}
  LoopClassification run();

private:
  const Stmt &Loop;
  ASTContext &Ctx;
  const LoopConfig &Cfg;
  const Expr *Cond = nullptr;
  const Stmt *Body = nullptr;
  const Expr *Inc = nullptr;

  llvm::DenseMap<const FunctionDecl *, CallRole> RoleCache;
  llvm::DenseMap<const FunctionDecl *, bool> RemoteCache;
  llvm::SmallPtrSet<const ValueDecl *, 16> Modified;
  llvm::SmallPtrSet<const ValueDecl *, 16> TopModified;
  /// Definitions of variables inside the loop: (variable, value or call).
  llvm::DenseMap<const ValueDecl *, std::vector<const Expr *>> Defs;
  llvm::DenseMap<const ValueDecl *, VariableOrigin> Origins;
  llvm::DenseMap<const ValueDecl *, const CallExpr *> OriginOperation;
  std::vector<LoopExitPoint> Exits;
  /// The guards of `throw`s inside try blocks of the loop.
  std::vector<std::vector<ExitGuard>> GuardedThrowsInTry;
  /// Every call the loop makes, outside lambdas, in source order.
  struct CallSite {
    const CallExpr *Call;
    CallRole Role;
    bool InNestedLoop;
  };
  std::vector<CallSite> Calls;
  ReadinessWait Readiness;

  CallRole roleOf(const CallExpr &C);
  bool wrapsSleep(const FunctionDecl &FD);
  bool isRemote(const CallExpr &C);
  bool isRemoteDecl(const FunctionDecl *FD);
  void markModified(const Expr *E, int Nested);
  void scanEffects(const Stmt *S, int Nested);
  void addDef(const Expr *Target, const Expr *Value);
  VariableOrigin originOf(const ValueDecl *D);
  /// How deep the walk is in nested loops, switches and try blocks.
  struct WalkState {
    int Nested = 0, Switch = 0, Try = 0;
    const CallExpr *OperationInTry = nullptr;
    std::vector<ExitGuard> Guards;
  };
  void walk(const Stmt *S, WalkState &St);
  void collectOperands(const Expr *E, ConditionOperands &A);
  bool holdsOperationResult(const Expr *E);
  Outcome outcomeWhenTrue(const Expr *E);
  Outcome outcomeOfComparison(const Expr *V, BinaryOperatorKind Op,
                              const Expr *K);
  Outcome outcomeOf(const Expr *E);
  bool isLoopInvariant(const Expr *E);
  bool delayIsLoopInvariant(const CallExpr &C);
  bool pathToSleepDoesWork(const CallExpr &Sleep, const Expr *&PathCond);
  bool leavesLoopAfter(const CallExpr &Delay);
  bool isCalledForItsEffect(const CallExpr &Call, const ParentMap &PM);
  bool triesNextEndpoint(const CallExpr &Op);
  std::string writtenText(const Expr *E);
};

bool LoopClassifier::wrapsSleep(const FunctionDecl &FD) {
  // A project helper that only sleeps (and perhaps logs) is a sleep:
  // cpp_redis's `sleep_before_reconnect()` paces its reconnect loop.
  const FunctionDecl *Def = FD.getDefinition();
  const auto *Body =
      Def ? dyn_cast_or_null<CompoundStmt>(Def->getBody()) : nullptr;
  if (!Body || Body->body_empty() || Body->size() > 3 ||
      Ctx.getSourceManager().isInSystemHeader(Def->getLocation()))
    return false;
  bool Sleeps = false;
  for (const Stmt *S : Body->body()) {
    const auto *E = dyn_cast<Expr>(S);
    const auto *Call =
        E ? dyn_cast<CallExpr>(E->IgnoreImplicit()->IgnoreParens()) : nullptr;
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    if (!Callee)
      return false;
    std::string Qualified = qualifiedName(*Callee);
    if (matchesAnyName(Qualified, Cfg.SleepFunctions))
      Sleeps = true;
    else if (!Callee->getDeclName().isIdentifier() ||
             !isLogFunctionName(Qualified, Callee->getName(),
                                LogNameMatch::WholeName))
      return false;
  }
  return Sleeps;
}

CallRole LoopClassifier::roleOf(const CallExpr &C) {
  // A callable held in a variable named like a query
  // (`isCancellationRequested()` on a std::function member) asks a question.
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&C);
      Op && Op->getOperator() == OO_Call && Op->getNumArgs() >= 1)
    if (const ValueDecl *Callable = baseDecl(Op->getArg(0));
        Callable && Callable->getDeclName().isIdentifier() &&
        isQueryName(Callable->getName()))
      return CallRole::Query;
  const FunctionDecl *FD = C.getDirectCallee();
  if (!FD) {
    // A call in a template that depends on a template parameter: judge it by
    // the name written.
    const Expr *Callee = C.getCallee()->IgnoreParenImpCasts();
    DeclarationName DN;
    if (const auto *DM = dyn_cast<CXXDependentScopeMemberExpr>(Callee))
      DN = DM->getMember();
    else if (const auto *OE = dyn_cast<OverloadExpr>(Callee))
      DN = OE->getName();
    // An empty name (a call through a pointer or a dependent expression)
    // claims to be an identifier but has no IdentifierInfo.
    const IdentifierInfo *II =
        DN.isIdentifier() ? DN.getAsIdentifierInfo() : nullptr;
    if (!II)
      return CallRole::Action;
    llvm::StringRef Name = II->getName();
    for (llvm::StringRef Entry : Cfg.SleepFunctions)
      if (!Entry.starts_with("regex:") &&
          (Entry == Name || Entry.ends_with(("::" + Name).str())))
        return CallRole::Sleep;
    if (isLogFunctionName(Name, Name, LogNameMatch::WholeName))
      return CallRole::Log;
    if (isQueryName(Name))
      return CallRole::Query;
    return CallRole::Action;
  }
  auto It = RoleCache.find(FD);
  if (It != RoleCache.end())
    return It->second;
  CallRole K = CallRole::Action;
  std::string Q = qualifiedName(*FD);
  llvm::StringRef Name = FD->getDeclName().isIdentifier() ? FD->getName() : "";
  if (isa<CXXMethodDecl>(FD) && !FD->getDeclName().isIdentifier())
    Name = "";
  llvm::StringRef Op = FD->getDeclName().isIdentifier()
                           ? llvm::StringRef()
                           : llvm::StringRef(Q).rsplit("::").second;
  bool InStd = llvm::StringRef(Q).starts_with("std::") ||
               llvm::StringRef(Q).starts_with("__gnu_cxx::");
  if (matchesAnyName(Q, Cfg.SleepFunctions) || wrapsSleep(*FD))
    K = CallRole::Sleep;
  else if ((Name == "wait_for" || Name == "wait_until" ||
            Name == "timed_wait") &&
           (InStd || llvm::StringRef(Q).starts_with("boost::")))
    K = CallRole::TimedWait;
  else if (isRemoteDecl(FD))
    K = CallRole::Action;
  else if (isLogFunctionName(Q, Name.empty() ? Op : Name,
                             LogNameMatch::WholeName))
    K = CallRole::Log;
  else if (isClockName(Q, Name))
    K = CallRole::ClockRead;
  else if (InStd)
    K = (llvm::StringRef(Q).starts_with("std::function") || Name == "invoke" ||
         Name == "system")
            ? CallRole::Action
            : CallRole::Query;
  else if (const auto *MD = dyn_cast<CXXMethodDecl>(FD);
           MD && observesObject(*MD))
    K = CallRole::Query;
  // An event loop's or a queue's poll() runs ready handlers or takes an
  // item (Poco's SocketProactor::poll(int *handled), Asio's
  // io_context::poll()): work, not a question. One given a timeout waits
  // for readiness (Poco's PollSet::poll(timeout)) and, like poll(2), stays
  // a query.
  else if (isa<CXXMethodDecl>(FD) &&
           (Name == "poll" || Name == "poll_one" || Name == "pollOne") &&
           llvm::all_of(FD->parameters(), [](const ParmVarDecl *P) {
             return P->getType()->isPointerType();
           }))
    K = CallRole::Action;
  else if (!Name.empty() && isQueryName(Name))
    K = CallRole::Query;
  RoleCache[FD] = K;
  return K;
}

bool LoopClassifier::isRemoteDecl(const FunctionDecl *FD) {
  if (!FD)
    return false;
  if (matchesAnyName(qualifiedName(*FD), Cfg.RemoteFunctions))
    return true;
  for (const ParmVarDecl *P : FD->parameters()) {
    QualType T = P->getType();
    if (T->isPointerType())
      if (const auto *RD = T->getPointeeType()->getAsCXXRecordDecl())
        if (qualifiedName(*RD) == "grpc::ClientContext")
          return true; // a gRPC stub call
  }
  return false;
}

/// Whether \p C is a remote call, or calls one (two levels deep) in a body
/// defined in this translation unit.
bool LoopClassifier::isRemote(const CallExpr &C) {
  const FunctionDecl *FD = C.getDirectCallee();
  if (!FD)
    return false;
  if (isRemoteDecl(FD))
    return true;
  auto It = RemoteCache.find(FD);
  if (It != RemoteCache.end())
    return It->second;
  RemoteCache[FD] = false;
  bool Result = false;
  if (const FunctionDecl *Def = FD->getDefinition())
    if (const Stmt *B = Def->getBody()) {
      llvm::SmallVector<std::pair<const Stmt *, int>, 32> Work{{B, 0}};
      while (!Work.empty() && !Result) {
        auto [S, Depth] = Work.pop_back_val();
        if (!S)
          continue;
        if (const auto *Call = dyn_cast<CallExpr>(S)) {
          const FunctionDecl *Callee = Call->getDirectCallee();
          if (isRemoteDecl(Callee)) {
            Result = true;
            break;
          }
          if (Callee && Depth == 0)
            if (const FunctionDecl *CD = Callee->getDefinition())
              if (CD != Def && CD->getBody() &&
                  !Ctx.getSourceManager().isInSystemHeader(CD->getLocation()))
                Work.push_back({CD->getBody(), 1});
        }
        for (const Stmt *Child : S->children())
          Work.push_back({Child, Depth});
      }
    }
  RemoteCache[FD] = Result;
  return Result;
}

void LoopClassifier::markModified(const Expr *E, int Nested) {
  if (const ValueDecl *D = baseDecl(E)) {
    Modified.insert(D);
    if (Nested == 0)
      TopModified.insert(D);
  }
}

void LoopClassifier::addDef(const Expr *Target, const Expr *Value) {
  const Expr *T = Target->IgnoreParenImpCasts();
  if (const auto *DR = dyn_cast<DeclRefExpr>(T))
    Defs[DR->getDecl()].push_back(Value);
}

/// Records every variable or field the loop may change, and where local
/// values come from.
void LoopClassifier::scanEffects(const Stmt *S, int Nested) {
  if (!S)
    return;
  if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D)) {
        Modified.insert(VD);
        TopModified.insert(VD);
        Defs[VD].push_back(VD->getInit());
      }
  } else if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
    if (BO->isAssignmentOp()) {
      markModified(BO->getLHS(), Nested);
      addDef(BO->getLHS(),
             BO->getOpcode() == BO_Assign ? BO->getRHS() : nullptr);
    }
  } else if (const auto *UO = dyn_cast<UnaryOperator>(S)) {
    if (UO->isIncrementDecrementOp()) {
      markModified(UO->getSubExpr(), Nested);
      addDef(UO->getSubExpr(), nullptr);
    } else if (UO->getOpcode() == UO_AddrOf) {
      markModified(UO->getSubExpr(), Nested);
    }
  } else if (const auto *Call = dyn_cast<CallExpr>(S)) {
    const FunctionDecl *FD = Call->getDirectCallee();
    unsigned Shift = 0;
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(Call)) {
      if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(FD)) {
        Shift = 1;
        if (!observesObject(*MD) && OC->getNumArgs() > 0 &&
            OC->getOperator() != OO_Call && OC->getOperator() != OO_Subscript &&
            OC->getOperator() != OO_Arrow && OC->getOperator() != OO_Star) {
          markModified(OC->getArg(0), Nested);
          addDef(OC->getArg(0),
                 OC->getOperator() == OO_Equal && OC->getNumArgs() > 1
                     ? OC->getArg(1)
                     : nullptr);
        }
      }
    } else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call)) {
      const CXXMethodDecl *MD = MC->getMethodDecl();
      if (MD && !observesObject(*MD) && MC->getImplicitObjectArgument())
        markModified(MC->getImplicitObjectArgument(), Nested);
    }
    if (FD) {
      for (unsigned I = Shift; I < Call->getNumArgs(); ++I) {
        unsigned PI = I - Shift;
        if (PI >= FD->getNumParams())
          break;
        QualType PT = FD->getParamDecl(PI)->getType();
        bool Out =
            (PT->isReferenceType() &&
             !PT.getNonReferenceType().isConstQualified()) ||
            (PT->isPointerType() && !PT->getPointeeType().isConstQualified());
        if (Out) {
          markModified(Call->getArg(I), Nested);
          const Expr *A = Call->getArg(I)->IgnoreParenImpCasts();
          if (const auto *UO = dyn_cast<UnaryOperator>(A);
              UO && UO->getOpcode() == UO_AddrOf)
            A = UO->getSubExpr();
          addDef(A, Call);
        }
      }
    }
  }
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(S)) {
    Modified.insert(Range->getLoopVariable());
    scanEffects(Range->getBody(), Nested + 1);
    scanEffects(Range->getRangeInit(), Nested);
    return;
  }
  int ChildNested = Nested + (isLoopStmt(S) ? 1 : 0);
  for (const Stmt *Child : S->children())
    scanEffects(Child, ChildNested);
}

/// Where the value of \p D, tested in an exit condition, comes from.
VariableOrigin LoopClassifier::originOf(const ValueDecl *D) {
  auto It = Origins.find(D);
  if (It != Origins.end())
    return It->second;
  Origins[D] = VariableOrigin::ComputedByLoop; // recursion guard
  auto DefIt = Defs.find(D);
  if (DefIt == Defs.end()) {
    VariableOrigin Origin = Modified.count(D) ? VariableOrigin::ComputedByLoop
                                              : VariableOrigin::NotSetInLoop;
    Origins[D] = Origin;
    return Origin;
  }
  VariableOrigin Origin = VariableOrigin::NotSetInLoop;
  for (const Expr *V : DefIt->second) {
    if (!V) {
      Origin = VariableOrigin::ComputedByLoop;
      continue;
    }
    if (const auto *Call = dyn_cast<CallExpr>(V);
        Call && !isa<CXXMemberCallExpr>(Call) &&
        roleOf(*Call) == CallRole::Action) {
      // Passed as an out-parameter of, or assigned from, an operation.
      OriginOperation[D] = Call;
      Origin = VariableOrigin::OperationResult;
      break;
    }
    ConditionOperands A;
    collectOperands(V, A);
    if (A.Operation) {
      OriginOperation[D] = A.Operation;
      Origin = VariableOrigin::OperationResult;
      break;
    }
    if (!A.Bound && !A.WatchedState.empty() &&
        Origin != VariableOrigin::ComputedByLoop)
      Origin = VariableOrigin::ObservedState;
    else
      Origin = VariableOrigin::ComputedByLoop;
  }
  Origins[D] = Origin;
  return Origin;
}

void LoopClassifier::walk(const Stmt *S, WalkState &St) {
  if (!S || isa<LambdaExpr, BlockExpr>(S))
    return;
  auto AddExit = [&](const Stmt *E) {
    Exits.push_back({E, St.Guards, St.Try > 0 ? St.OperationInTry : nullptr});
  };
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    CallRole Role = roleOf(*Call);
    Calls.push_back({Call, Role, St.Nested > 0});
    if (St.Nested == 0 && !Readiness.Call)
      Readiness = readinessWaitOf(*Call, Ctx);
    if (St.Try > 0 && !St.OperationInTry && Role == CallRole::Action)
      St.OperationInTry = Call;
  }
  if (const auto *If = dyn_cast<IfStmt>(S)) {
    walk(If->getInit(), St);
    if (If->getConditionVariableDeclStmt())
      walk(If->getConditionVariableDeclStmt(), St);
    walk(If->getCond(), St);
    St.Guards.push_back({If->getCond(), GuardSense::ExitWhenTrue});
    walk(If->getThen(), St);
    St.Guards.back().Sense = GuardSense::ExitWhenFalse;
    walk(If->getElse(), St);
    St.Guards.pop_back();
    return;
  }
  if (const auto *CS = dyn_cast<CompoundStmt>(S)) {
    size_t Saved = St.Guards.size();
    for (const Stmt *Child : CS->body()) {
      walk(Child, St);
      if (const auto *If = dyn_cast<IfStmt>(Child)) {
        bool ThenJumps = alwaysJumps(If->getThen());
        bool ElseJumps = alwaysJumps(If->getElse());
        if (ThenJumps && !ElseJumps)
          St.Guards.push_back({If->getCond(), GuardSense::ExitWhenFalse});
        else if (ElseJumps && !ThenJumps)
          St.Guards.push_back({If->getCond(), GuardSense::ExitWhenTrue});
      }
    }
    St.Guards.resize(Saved);
    return;
  }
  if (isLoopStmt(S)) {
    ++St.Nested;
    int SavedSwitch = St.Switch;
    St.Switch = 0;
    const Expr *C = nullptr;
    const Stmt *B = nullptr;
    if (const auto *W = dyn_cast<WhileStmt>(S))
      C = W->getCond(), B = W->getBody();
    else if (const auto *D = dyn_cast<DoStmt>(S))
      C = D->getCond(), B = D->getBody();
    else if (const auto *F = dyn_cast<ForStmt>(S)) {
      walk(F->getInit(), St);
      C = F->getCond(), B = F->getBody();
      walk(F->getInc(), St);
    } else if (const auto *R = dyn_cast<CXXForRangeStmt>(S)) {
      walk(R->getRangeInit(), St);
      B = R->getBody();
    }
    walk(C, St);
    if (C)
      St.Guards.push_back({C, GuardSense::ExitWhenTrue});
    walk(B, St);
    if (C)
      St.Guards.pop_back();
    St.Switch = SavedSwitch;
    --St.Nested;
    return;
  }
  if (const auto *Sw = dyn_cast<SwitchStmt>(S)) {
    walk(Sw->getCond(), St);
    ++St.Switch;
    St.Guards.push_back({Sw->getCond(), GuardSense::Unknown});
    walk(Sw->getBody(), St);
    St.Guards.pop_back();
    --St.Switch;
    return;
  }
  if (const auto *Try = dyn_cast<CXXTryStmt>(S)) {
    const CallExpr *SavedOp = St.OperationInTry;
    ++St.Try;
    St.OperationInTry = nullptr;
    walk(Try->getTryBlock(), St);
    --St.Try;
    St.OperationInTry = SavedOp;
    for (unsigned I = 0; I < Try->getNumHandlers(); ++I)
      walk(Try->getHandler(I)->getHandlerBlock(), St);
    return;
  }
  if (isa<BreakStmt>(S)) {
    if (St.Nested == 0 && St.Switch == 0)
      AddExit(S);
    return;
  }
  if (isa<ReturnStmt, CoreturnStmt, GotoStmt>(S))
    AddExit(S);
  if (isa<CXXThrowExpr>(S) && St.Try == 0)
    AddExit(S);
  // A throw inside the try block may be caught by the loop's own handlers,
  // but its guard (`if (++retries > max) throw ...`) still shows a bound.
  if (isa<CXXThrowExpr>(S) && St.Try > 0)
    GuardedThrowsInTry.push_back(St.Guards);
  for (const Stmt *Child : S->children())
    walk(Child, St);
}

void LoopClassifier::collectOperands(const Expr *E, ConditionOperands &A) {
  if (!E)
    return;
  E = strip(E);
  BinaryOperatorKind Opc = BO_Comma;
  const Expr *L = nullptr, *R = nullptr;
  if (const auto *BO = dyn_cast<BinaryOperator>(E))
    Opc = BO->getOpcode(), L = BO->getLHS(), R = BO->getRHS();
  else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E);
           OC && OC->isComparisonOp() && OC->getNumArgs() == 2)
    Opc = BinaryOperator::getOverloadedOpcode(OC->getOperator()),
    L = OC->getArg(0), R = OC->getArg(1);
  if (L && BinaryOperator::isRelationalOp(Opc)) {
    ConditionOperands T;
    collectOperands(L, T);
    collectOperands(R, T);
    if (T.Bound || isTimeType(L->getType()) || isTimeType(R->getType())) {
      A.Bound = true;
      if (!A.Operation)
        A.Operation = T.Operation;
      return;
    }
    if (!A.Operation)
      A.Operation = T.Operation;
    A.Bound |= T.Bound;
    A.WatchedState.insert(A.WatchedState.end(), T.WatchedState.begin(),
                          T.WatchedState.end());
    return;
  }
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    switch (roleOf(*Call)) {
    case CallRole::Action:
      if (!A.Operation)
        A.Operation = Call;
      return;
    case CallRole::ClockRead:
      A.Bound = true;
      return;
    case CallRole::Query: {
      if (isa<UserDefinedLiteral>(Call))
        return; // a constant such as `0ms`
      ConditionOperands T;
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
        collectOperands(MC->getImplicitObjectArgument(), T);
      for (const Expr *Arg : Call->arguments())
        collectOperands(Arg, T);
      if (T.Operation) {
        if (!A.Operation)
          A.Operation = T.Operation;
      } else if (T.Bound) {
        A.Bound = true;
      } else {
        A.WatchedState.push_back(Call);
      }
      return;
    }
    default:
      return;
    }
  }
  if (const auto *DR = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DR->getDecl());
    if (!VD)
      return;
    switch (originOf(VD)) {
    case VariableOrigin::OperationResult:
      if (!A.Operation)
        A.Operation = OriginOperation[VD];
      return;
    case VariableOrigin::ObservedState:
      A.WatchedState.push_back(E);
      return;
    case VariableOrigin::ComputedByLoop:
      A.Bound = true;
      return;
    case VariableOrigin::NotSetInLoop:
      break;
    }
    QualType T = VD->getType();
    if (!T->isReferenceType() && T.isConstQualified() &&
        !T.isVolatileQualified())
      return; // a constant
    A.WatchedState.push_back(E);
    return;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    if (!isa<FieldDecl, VarDecl>(ME->getMemberDecl()))
      return;
    ConditionOperands T;
    collectOperands(ME->getBase(), T);
    if (T.Operation) {
      if (!A.Operation)
        A.Operation = T.Operation;
      return;
    }
    if (Modified.count(ME->getMemberDecl()) || T.Bound) {
      A.Bound = true;
      return;
    }
    A.WatchedState.push_back(E);
    return;
  }
  if (isa<LambdaExpr>(E))
    return;
  for (const Stmt *Child : E->children())
    if (const auto *CE = dyn_cast_or_null<Expr>(Child))
      collectOperands(CE, A);
}

bool LoopClassifier::holdsOperationResult(const Expr *E) {
  E = strip(E);
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
      if (roleOf(*Call) != CallRole::Action)
        return holdsOperationResult(MC->getImplicitObjectArgument());
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(Call))
      if ((OC->getOperator() == OO_Arrow || OC->getOperator() == OO_Star) &&
          OC->getNumArgs() == 1)
        return holdsOperationResult(OC->getArg(0));
    return roleOf(*Call) == CallRole::Action;
  }
  if (const auto *DR = dyn_cast<DeclRefExpr>(E))
    return isa<VarDecl>(DR->getDecl()) &&
           originOf(DR->getDecl()) == VariableOrigin::OperationResult;
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    return holdsOperationResult(ME->getBase());
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    return UO->getOpcode() == UO_Deref &&
           holdsOperationResult(UO->getSubExpr());
  return false;
}

Outcome LoopClassifier::outcomeWhenTrue(const Expr *E) {
  E = strip(E);
  // A flag that records the outcome of a comparison: `ok = rc == 0`.
  if (const auto *DR = dyn_cast<DeclRefExpr>(E)) {
    auto It = Defs.find(DR->getDecl());
    if (It != Defs.end() && DR->getType()->isBooleanType())
      for (const Expr *V : It->second)
        if (V && !holdsOperationResult(V)) {
          Outcome P = outcomeOf(V);
          if (P == Outcome::Success || P == Outcome::Failure)
            return P;
        }
  }
  QualType T = E->getType();
  if (T->isBooleanType() || T->isPointerType() || T->isNullPtrType())
    return Outcome::Success;
  // A count of bytes or items, or the result of a read: non-zero means
  // that data arrived (`while (ws.read(buffer))`).
  if (T->isIntegerType() && !T->isEnumeralType()) {
    if (isCountType(T))
      return Outcome::Success;
    if (const auto *Call = dyn_cast<CallExpr>(E))
      if (const FunctionDecl *FD = Call->getDirectCallee();
          FD && FD->getDeclName().isIdentifier() &&
          isReadLikeName(FD->getName()))
        return Outcome::Success;
  }
  // A read whose result is an enum with a failure-named zero value
  // (`enum ReadResult { Fail = 0, Text, Binary }`): non-zero means data.
  if (const auto *Enum = T->getAs<EnumType>())
    if (const auto *Call = dyn_cast<CallExpr>(E))
      if (const FunctionDecl *FD = Call->getDirectCallee();
          FD && FD->getDeclName().isIdentifier() &&
          isReadLikeName(FD->getName()))
        for (const EnumConstantDecl *Constant : Enum->getDecl()->enumerators())
          if (Constant->getInitVal() == 0 &&
              matchesRe("^(k?(Fail|Failure|Error|Eof|EOF|Closed|None|Timeout)|"
                        "(FAIL|FAILURE|ERROR|EOF|CLOSED|NONE|TIMEOUT))",
                        Constant->getName()))
            return Outcome::Success;
  if (T->isIntegralOrEnumerationType())
    return Outcome::Failure; // the C convention: non-zero is an error code
  if (isErrorLikeRecord(T))
    return Outcome::Failure;
  if (T->isRecordType())
    return Outcome::Success; // optional, expected, unique_ptr, result types
  return Outcome::Unknown;
}

Outcome LoopClassifier::outcomeOfComparison(const Expr *V,
                                            BinaryOperatorKind Op,
                                            const Expr *K) {
  const Expr *KS = strip(K);
  bool Ptr = strip(V)->getType()->isPointerType();
  if (isa<CXXNullPtrLiteralExpr, GNUNullExpr>(KS))
    Ptr = true;
  if (const auto *DR = dyn_cast<DeclRefExpr>(KS))
    if (const auto *EC = dyn_cast<EnumConstantDecl>(DR->getDecl())) {
      llvm::StringRef N = EC->getName();
      Outcome P = Outcome::Unknown;
      if (matchesRe("(^|_|^k)(OK|Ok|ok)$|SUCCESS|Success|SUCCEEDED|Succeeded|"
                    "(^|_)DONE$|^k?Done$|COMPLETE|Complete|CONNECTED|Connected",
                    N))
        P = Outcome::Success;
      else if (matchesRe("ERR|Err|FAIL|Fail|AGAIN|Again|TIMEOUT|Timeout|"
                         "TimedOut|BUSY|Busy|RETRY|Retry|UNAVAILABLE|"
                         "Unavailable|REFUSED|Refused|INVALID|Invalid|ABORT|"
                         "Abort|COULDNT|Couldnt",
                         N))
        P = Outcome::Failure;
      if (Op == BO_EQ)
        return P;
      if (Op == BO_NE)
        return opposite(P);
      return Outcome::Unknown;
    }
  if (const auto *BL = dyn_cast<CXXBoolLiteralExpr>(KS)) {
    Outcome P = outcomeWhenTrue(V);
    if (!BL->getValue())
      P = opposite(P);
    return Op == BO_EQ ? P : Op == BO_NE ? opposite(P) : Outcome::Unknown;
  }
  Expr::EvalResult R;
  llvm::APSInt Val(64);
  if (Ptr && !KS->isValueDependent() &&
      KS->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
    Val = 0;
  else if (!KS->isValueDependent() && KS->EvaluateAsInt(R, Ctx))
    Val = R.Val.getInt();
  else if (!KS->isValueDependent() && isZeroDuration(KS, Ctx))
    Val = 0; // `time_left > 0ms`
  else
    return Outcome::Unknown;
  int64_t N = Val.getExtValue();
  switch (Op) {
  case BO_EQ:
    if (Ptr)
      return N == 0 ? Outcome::Failure : Outcome::Unknown;
    return N < 0 ? Outcome::Failure : Outcome::Success;
  case BO_NE:
    if (Ptr)
      return N == 0 ? Outcome::Success : Outcome::Unknown;
    return N < 0 ? Outcome::Success : Outcome::Failure;
  case BO_LT:
    return N <= 0 ? Outcome::Failure : Outcome::Unknown;
  case BO_LE:
    return N <= 0 ? Outcome::Failure : Outcome::Unknown;
  case BO_GT:
    return N >= 0 ? Outcome::Success : Outcome::Unknown;
  case BO_GE:
    return N >= 0 ? Outcome::Success : Outcome::Unknown;
  default:
    return Outcome::Unknown;
  }
}

static BinaryOperatorKind mirror(BinaryOperatorKind Op) {
  switch (Op) {
  case BO_LT:
    return BO_GT;
  case BO_GT:
    return BO_LT;
  case BO_LE:
    return BO_GE;
  case BO_GE:
    return BO_LE;
  default:
    return Op;
  }
}

Outcome LoopClassifier::outcomeOf(const Expr *E) {
  E = strip(E);
  if (!E)
    return Outcome::NotAnOutcome;
  auto Fallback = [&] {
    ConditionOperands A;
    collectOperands(E, A);
    return A.Operation ? Outcome::Unknown : Outcome::NotAnOutcome;
  };
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_LNot)
    return opposite(outcomeOf(UO->getSubExpr()));
  BinaryOperatorKind Opc = BO_Comma;
  const Expr *L = nullptr, *R = nullptr;
  if (const auto *BO = dyn_cast<BinaryOperator>(E))
    Opc = BO->getOpcode(), L = BO->getLHS(), R = BO->getRHS();
  else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (OC->getOperator() == OO_Exclaim && OC->getNumArgs() == 1)
      return opposite(outcomeOf(OC->getArg(0)));
    if (OC->isComparisonOp() && OC->getNumArgs() == 2)
      Opc = BinaryOperator::getOverloadedOpcode(OC->getOperator()),
      L = OC->getArg(0), R = OC->getArg(1);
  }
  if (L && (Opc == BO_LAnd || Opc == BO_LOr))
    return combine(outcomeOf(L), outcomeOf(R));
  if (L && BinaryOperator::isComparisonOp(Opc)) {
    bool LV = holdsOperationResult(L), RV = holdsOperationResult(R);
    if (LV && !RV)
      return outcomeOfComparison(L, Opc, R);
    if (RV && !LV)
      return outcomeOfComparison(R, mirror(Opc), L);
    return Fallback();
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E))
    if (const CXXMethodDecl *MD = MC->getMethodDecl();
        MD && MD->getDeclName().isIdentifier() &&
        holdsOperationResult(MC->getImplicitObjectArgument())) {
      llvm::StringRef N = MD->getName();
      if (matchesRe("^(ok|is_ok|isOk|IsOk|IsOK|has_value|succeeded|success|"
                    "is_success|isSuccess|IsSuccess|good|Succeeded)$",
                    N))
        return Outcome::Success;
      if (matchesRe("^(failed|fail|is_error|isError|IsError|has_error|bad|"
                    "is_err|Failed|IsFailure)$",
                    N))
        return Outcome::Failure;
    }
  if (holdsOperationResult(E))
    return outcomeWhenTrue(E);
  return Fallback();
}

/// Whether \p E has the same value in every iteration (no counter, no
/// growing delay, no random jitter, no unknown call).
bool LoopClassifier::isLoopInvariant(const Expr *E) {
  if (!E)
    return true;
  if (const auto *DR = dyn_cast<DeclRefExpr>(E)) {
    if (isa<VarDecl>(DR->getDecl()) && Modified.count(DR->getDecl()))
      return false;
    return true;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    if (Modified.count(ME->getMemberDecl()))
      return false;
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *FD = Call->getDirectCallee();
    if (!FD || isRandomCall(*FD))
      return false;
    CallRole K = roleOf(*Call);
    std::string Q = qualifiedName(*FD);
    bool Pure = K == CallRole::ClockRead ||
                llvm::StringRef(Q).starts_with("std::") ||
                isa<UserDefinedLiteral>(Call) || FD->isConstexpr();
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
      Pure |= observesObject(*MD);
    if (!Pure)
      return false;
  }
  if (isa<LambdaExpr>(E))
    return true;
  for (const Stmt *Child : E->children())
    if (const auto *CE = dyn_cast_or_null<Expr>(Child))
      if (!isLoopInvariant(CE))
        return false;
  return true;
}

bool LoopClassifier::delayIsLoopInvariant(const CallExpr &C) {
  for (const Expr *Arg : C.arguments()) {
    const Expr *A = Arg->IgnoreParenImpCasts();
    if (isa<LambdaExpr>(A))
      continue;
    QualType T = A->getType().getNonReferenceType();
    if (const auto *RD = T->getAsCXXRecordDecl())
      if (llvm::StringRef(RD->getName()).contains("lock"))
        continue;
    if (!isLoopInvariant(Arg))
      return false;
  }
  return true;
}

/// Adds to \p Path the parts of \p S, which runs before the sleep, that an
/// iteration reaching the sleep may execute: a branch that always leaves the
/// iteration (`continue`, `break`, `return`) never reaches the sleep.
static void addReaching(const Stmt *S,
                        llvm::SmallVectorImpl<const Stmt *> &Path) {
  if (!S)
    return;
  if (const auto *If = dyn_cast<IfStmt>(S)) {
    Path.push_back(If->getInit());
    Path.push_back(If->getConditionVariableDeclStmt());
    Path.push_back(If->getCond());
    if (!alwaysJumps(If->getThen()))
      addReaching(If->getThen(), Path);
    if (!alwaysJumps(If->getElse()))
      addReaching(If->getElse(), Path);
    return;
  }
  if (const auto *CS = dyn_cast<CompoundStmt>(S)) {
    for (const Stmt *Child : CS->body())
      addReaching(Child, Path);
    return;
  }
  Path.push_back(S);
}

/// Whether the path through one iteration that reaches \p Sleep does real
/// work (calls anything that is not a sleep, a log, a query or a clock).
bool LoopClassifier::pathToSleepDoesWork(const CallExpr &Sleep,
                                         const Expr *&PathCond) {
  ParentMap PM(const_cast<Stmt *>(&Loop));
  // The sleep's own arguments run first each turn (Poco's SocketProactor:
  // `sleep(poll(&handled) || handled)`).
  llvm::SmallVector<const Stmt *, 16> Path(Sleep.arg_begin(), Sleep.arg_end());
  const Stmt *Child = &Sleep;
  bool Jumped = false;
  PathCond = nullptr;
  while (const Stmt *P = PM.getParent(Child)) {
    if (P == &Loop) {
      Path.push_back(Cond);
      Path.push_back(Inc);
      break;
    }
    if (const auto *CS = dyn_cast<CompoundStmt>(P)) {
      bool After = false;
      for (const Stmt *S : CS->body()) {
        if (S == Child) {
          After = true;
          continue;
        }
        if (!After) {
          addReaching(S, Path);
        } else if (!Jumped) {
          if (alwaysJumps(S))
            Jumped = true;
          else
            Path.push_back(S);
        }
      }
    } else if (const auto *If = dyn_cast<IfStmt>(P)) {
      if (Child == If->getThen() || Child == If->getElse()) {
        Path.push_back(If->getCond());
        if (!PathCond)
          PathCond = If->getCond();
      }
    }
    Child = P;
  }
  llvm::SmallVector<const Stmt *, 32> Work(Path.begin(), Path.end());
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S || isa<LambdaExpr>(S))
      continue;
    if (const auto *Call = dyn_cast<CallExpr>(S)) {
      CallRole Role = roleOf(*Call);
      if (Role == CallRole::Action ||
          (Role == CallRole::Query && isCalledForItsEffect(*Call, PM)))
        return true;
    }
    for (const Stmt *C : S->children())
      Work.push_back(C);
  }
  return false;
}

/// Whether every path from \p Delay leaves the loop before the next turn
/// (`sleep(1); break;`): the delay is not between attempts or polls
/// (handy's benchmark forks N children, each sleeping then breaking out).
bool LoopClassifier::leavesLoopAfter(const CallExpr &Delay) {
  ParentMap PM(const_cast<Stmt *>(&Loop));
  const Stmt *Child = &Delay;
  while (const Stmt *P = PM.getParent(Child)) {
    if (P == &Loop)
      return false;
    if (const auto *CS = dyn_cast<CompoundStmt>(P)) {
      bool After = false;
      for (const Stmt *S : CS->body()) {
        if (S == Child) {
          After = true;
          continue;
        }
        if (!After)
          continue;
        if (leavesLoop(S))
          return true;
        if (continuesLoop(S))
          return false;
      }
    } else if (isa<SwitchStmt, WhileStmt, DoStmt, ForStmt, CXXForRangeStmt>(
                   P)) {
      // `break` there leaves the inner statement, not this loop.
      return false;
    }
    Child = P;
  }
  return false;
}

/// Whether a call that looks like a query (`CheckConnection()`, `pollEvents()`,
/// `out.flush()`) is made for its effect: its result is discarded, so the
/// call is periodic work, not a read of the watched state.
bool LoopClassifier::isCalledForItsEffect(const CallExpr &Call,
                                          const ParentMap &PM) {
  const FunctionDecl *FD = Call.getDirectCallee();
  if (!FD || isa<CXXOperatorCallExpr>(Call))
    return false;
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD); MD && observesObject(*MD))
    return false;
  const Stmt *Child = &Call;
  const Stmt *Parent = PM.getParent(Child);
  while (Parent &&
         (isa<ImplicitCastExpr, ExprWithCleanups, ParenExpr,
              CXXBindTemporaryExpr, MaterializeTemporaryExpr>(Parent) ||
          (isa<CStyleCastExpr>(Parent) &&
           cast<CStyleCastExpr>(Parent)->getType()->isVoidType()))) {
    Child = Parent;
    Parent = PM.getParent(Child);
  }
  bool Discarded =
      !Parent || isa<CompoundStmt>(Parent) ||
      (isa<IfStmt>(Parent) && Child != cast<IfStmt>(Parent)->getCond()) ||
      (isLoopStmt(Parent) && Child == loopBody(*Parent));
  if (!Discarded)
    return false;
  std::string Q = qualifiedName(*FD);
  if (!llvm::StringRef(Q).starts_with("std::"))
    return true;
  // The standard library: only calls that produce or move data are work,
  // not lock(), unlock() or yield().
  llvm::StringRef Name =
      FD->getDeclName().isIdentifier() ? FD->getName() : llvm::StringRef();
  return matchesRe("^(flush|write|put|push|push_back|push_front|emplace|"
                   "emplace_back|emplace_front|insert|erase|pop|pop_back|"
                   "pop_front|notify_one|notify_all|send)$",
                   Name);
}

/// A loop that tries the next host / replica each iteration is failover, not
/// a retry of the same operation.
bool LoopClassifier::triesNextEndpoint(const CallExpr &Op) {
  llvm::SmallVector<const Stmt *, 16> Work{&Op};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    const Expr *Index = nullptr;
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(S))
      Index = AS->getIdx();
    else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S)) {
      if (OC->getOperator() == OO_Subscript && OC->getNumArgs() == 2)
        Index = OC->getArg(1);
      else if ((OC->getOperator() == OO_Star ||
                OC->getOperator() == OO_Arrow) &&
               OC->getNumArgs() >= 1)
        Index = OC->getArg(0);
    } else if (const auto *UO = dyn_cast<UnaryOperator>(S);
               UO && UO->getOpcode() == UO_Deref) {
      Index = UO->getSubExpr();
    } else if (const auto *ME = dyn_cast<MemberExpr>(S); ME && ME->isArrow()) {
      Index = ME->getBase(); // res->ai_addr while walking a list
    } else if (const auto *DR = dyn_cast<DeclRefExpr>(S);
               DR && DR->getType()->isPointerType()) {
      Index = DR; // a cursor pointer the loop advances
    }
    if (Index)
      if (const ValueDecl *D = baseDecl(Index))
        if (TopModified.count(D) &&
            originOf(D) != VariableOrigin::OperationResult)
          return true;
    // An endpoint taken from a cursor the loop advances (`auto &s =
    // iter.next(); connect(s)`).
    if (const auto *DR = dyn_cast<DeclRefExpr>(S))
      if (originOf(DR->getDecl()) == VariableOrigin::OperationResult)
        if (const CallExpr *Origin = OriginOperation.lookup(DR->getDecl());
            Origin && Origin != &Op && advancesCursor(*Origin))
          return true;
    for (const Stmt *C : S->children())
      Work.push_back(C);
  }
  return false;
}

std::string LoopClassifier::writtenText(const Expr *E) {
  const SourceManager &SM = Ctx.getSourceManager();
  CharSourceRange Range = CharSourceRange::getTokenRange(E->getSourceRange());
  Range = Lexer::makeFileCharRange(Range, SM, Ctx.getLangOpts());
  std::string T = Range.isValid()
                      ? Lexer::getSourceText(Range, SM, Ctx.getLangOpts()).str()
                      : std::string();
  if (T.empty() || T.size() > 60 || llvm::StringRef(T).contains('\n')) {
    if (const auto *Call = dyn_cast<CallExpr>(E))
      return calledFunctionName(*Call) + "()";
    return "the loop condition";
  }
  return T;
}

LoopClassification LoopClassifier::run() {
  LoopClassification Result;
  if (const auto *W = dyn_cast<WhileStmt>(&Loop))
    Cond = W->getCond(), Body = W->getBody();
  else if (const auto *D = dyn_cast<DoStmt>(&Loop))
    Cond = D->getCond(), Body = D->getBody();
  else if (const auto *F = dyn_cast<ForStmt>(&Loop))
    Cond = F->getCond(), Body = F->getBody(), Inc = F->getInc();
  else
    return Result;
  if (Cond && !Cond->isValueDependent()) {
    bool Value = false;
    if (Cond->EvaluateAsBooleanCondition(Value, Ctx) && Value &&
        !Cond->HasSideEffects(Ctx))
      Cond = nullptr; // while (true)
  }

  scanEffects(Cond, 0);
  scanEffects(Body, 0);
  scanEffects(Inc, 0);
  if (const auto *W = dyn_cast<WhileStmt>(&Loop))
    scanEffects(W->getConditionVariableDeclStmt(), 0);

  WalkState St;
  walk(Cond, St);
  walk(Inc, St);
  walk(Body, St);
  if (Cond)
    Exits.push_back({&Loop, {{Cond, GuardSense::ExitWhenFalse}}, nullptr});
  Result.Readiness = Readiness;
  Result.LeavesOnFirstTurn = leavesLoop(Body);

  // The delays, and whether the iteration that reaches a sleep does work.
  const Expr *IdlePathCond = nullptr;
  bool FoundIdleSleep = false;
  for (const CallSite &Site : Calls) {
    if (Site.Role != CallRole::Sleep && Site.Role != CallRole::TimedWait)
      continue;
    if (!Site.InNestedLoop && leavesLoopAfter(*Site.Call))
      continue;
    // `f.wait_for(0s)` asks whether a future is ready; it waits for nothing
    // (i2pd's NetDb thread polls its background saves that way).
    if (Site.Role == CallRole::TimedWait && Site.Call->getNumArgs() >= 1 &&
        isZeroDuration(Site.Call->getArg(Site.Call->getNumArgs() - 1), Ctx))
      continue;
    LoopDelay Delay;
    Delay.Call = Site.Call;
    Delay.Kind =
        Site.Role == CallRole::Sleep ? DelayKind::Sleep : DelayKind::TimedWait;
    Delay.Duration = delayIsLoopInvariant(*Site.Call)
                         ? DelayDuration::LoopInvariant
                         : DelayDuration::Varying;
    Delay.InNestedLoop = Site.InNestedLoop;
    if (Delay.Kind == DelayKind::Sleep && !Delay.InNestedLoop) {
      const Expr *PathCond = nullptr;
      Delay.OnIdlePath = !pathToSleepDoesWork(*Site.Call, PathCond);
      if (Delay.OnIdlePath && !FoundIdleSleep) {
        FoundIdleSleep = true;
        IdlePathCond = PathCond;
      }
    }
    Result.Delays.push_back(Delay);
  }

  // What bounds the loop, and whether an exit tests EINTR.
  const SourceManager &SM = Ctx.getSourceManager();
  bool CounterOrDeadline = false, StopCondition = false;
  for (const LoopExitPoint &Exit : Exits)
    for (const ExitGuard &G : Exit.Guards) {
      ConditionOperands A;
      collectOperands(G.Condition, A);
      CounterOrDeadline |= A.Bound;
      StopCondition |= !A.WatchedState.empty();
      CharSourceRange Range =
          CharSourceRange::getTokenRange(G.Condition->getSourceRange());
      StringRef Text = Lexer::getSourceText(
          Lexer::makeFileCharRange(Range, SM, Ctx.getLangOpts()), SM,
          Ctx.getLangOpts());
      // EINTR, WSAEINTR, std::errc::interrupted (sockpp's write_n).
      if (Text.contains("EINTR") || Text.contains("errc::interrupted"))
        Result.RetriesOnEintr = true;
    }
  for (const std::vector<ExitGuard> &Guards : GuardedThrowsInTry)
    for (const ExitGuard &G : Guards) {
      ConditionOperands A;
      collectOperands(G.Condition, A);
      CounterOrDeadline |= A.Bound;
    }
  Result.Bound = CounterOrDeadline ? AttemptBound::CounterOrDeadline
                 : StopCondition   ? AttemptBound::StopCondition
                                   : AttemptBound::None;

  // Retry: some exit is taken when an operation called in the loop succeeds.
  const CallExpr *Op = nullptr;
  bool ExitsOnFailure = false;
  for (const LoopExitPoint &Exit : Exits) {
    if (Exit.OperationBeforeInTry && !isa<CXXThrowExpr>(Exit.Exit)) {
      Op = Exit.OperationBeforeInTry;
      break;
    }
    Outcome P = Outcome::NotAnOutcome;
    for (const ExitGuard &G : Exit.Guards) {
      Outcome GuardOutcome = Outcome::Unknown;
      if (G.Sense == GuardSense::ExitWhenTrue) {
        GuardOutcome = outcomeOf(G.Condition);
      } else if (G.Sense == GuardSense::ExitWhenFalse) {
        GuardOutcome = opposite(outcomeOf(G.Condition));
      } else {
        ConditionOperands A;
        collectOperands(G.Condition, A);
        GuardOutcome = A.Operation ? Outcome::Unknown : Outcome::NotAnOutcome;
      }
      P = combine(P, GuardOutcome);
    }
    if (P == Outcome::Failure)
      ExitsOnFailure = true;
    // Leaving with a failure value (`return nullptr;`, `return false;`,
    // `return -1;`) or an exception is giving up (a cancellation), not the
    // success a retry waits for.
    if (P == Outcome::Success && exitReportsFailure(*Exit.Exit, Ctx))
      continue;
    if (P == Outcome::Success) {
      for (const ExitGuard &G : Exit.Guards) {
        ConditionOperands A;
        collectOperands(G.Condition, A);
        if (A.Operation) {
          Op = A.Operation;
          break;
        }
      }
      if (Op)
        break;
    }
  }

  if (Op) {
    Result.Exit = LoopExitKind::OperationSucceeds;
    Result.TriesNextEndpoint = triesNextEndpoint(*Op) || advancesCursor(*Op);
    Result.RetriedOperation = Op;
    Result.RetriedOperationIsRemote = isRemote(*Op);
    if (!Result.RetriedOperationIsRemote)
      for (const CallSite &Site : Calls)
        if (Site.Role == CallRole::Action && isRemote(*Site.Call)) {
          Result.RetriedOperation = Site.Call;
          Result.RetriedOperationIsRemote = true;
          break;
        }
    if (Result.RetriedOperation != Op)
      Result.TriesNextEndpoint |= triesNextEndpoint(*Result.RetriedOperation);
    Result.RetriedOperationName = calledFunctionName(*Result.RetriedOperation);
    return Result;
  }

  // Otherwise the exits may wait for state the loop does not change.
  // The loop's own condition names the state it waits for best: it comes
  // first.
  std::vector<const LoopExitPoint *> OrderedExits;
  for (const LoopExitPoint &Exit : Exits)
    if (Exit.Exit == &Loop)
      OrderedExits.push_back(&Exit);
  for (const LoopExitPoint &Exit : Exits)
    if (Exit.Exit != &Loop)
      OrderedExits.push_back(&Exit);
  std::vector<const Expr *> Watched;
  for (const LoopExitPoint *Exit : OrderedExits)
    for (const ExitGuard &G : Exit->Guards) {
      ConditionOperands A;
      collectOperands(G.Condition, A);
      if (!A.Operation)
        Watched.insert(Watched.end(), A.WatchedState.begin(),
                       A.WatchedState.end());
    }
  if (Watched.empty()) {
    if (ExitsOnFailure)
      Result.Exit = LoopExitKind::OperationFails;
    return Result;
  }
  Result.Exit = LoopExitKind::WatchedStateChanges;
  Result.Watched = Watched.front();
  // The state tested on the way to the idle sleep names the wait best.
  if (IdlePathCond) {
    ConditionOperands A;
    collectOperands(IdlePathCond, A);
    if (!A.WatchedState.empty())
      Result.Watched = A.WatchedState.front();
  }
  Result.WatchedText = writtenText(Result.Watched);
  return Result;
}

/// The function a handler argument of signal() or a `sa_handler` /
/// `sa_sigaction` assignment denotes: a function, its address, or a lambda.
const FunctionDecl *handlerFunction(const Expr *E) {
  llvm::SmallVector<const Stmt *, 8> Work{E};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *Lambda = dyn_cast<LambdaExpr>(S))
      return Lambda->getCallOperator();
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
      if (const auto *FD = dyn_cast<FunctionDecl>(Ref->getDecl()))
        return FD;
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return nullptr;
}

/// Adds to \p Writes the variables and fields \p Body assigns, increments or
/// changes through a non-const member (`flag.store(true)`), following calls
/// into project functions \p Depth more levels.
void collectWrites(const Stmt *Body, ASTContext &Ctx, int Depth,
                   llvm::DenseSet<const Decl *> &Writes) {
  llvm::SmallVector<const Stmt *, 32> Work{Body};
  auto Add = [&](const Expr *E) {
    if (const ValueDecl *D = baseDecl(E))
      Writes.insert(D->getCanonicalDecl());
  };
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *BO = dyn_cast<BinaryOperator>(S);
        BO && BO->isAssignmentOp())
      Add(BO->getLHS());
    if (const auto *UO = dyn_cast<UnaryOperator>(S);
        UO && UO->isIncrementDecrementOp())
      Add(UO->getSubExpr());
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S)) {
      const auto *MD = dyn_cast_or_null<CXXMethodDecl>(OC->getDirectCallee());
      if (MD && !observesObject(*MD) && OC->getNumArgs() > 0)
        Add(OC->getArg(0));
    } else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S)) {
      const CXXMethodDecl *MD = MC->getMethodDecl();
      if (MD && !observesObject(*MD) && MC->getImplicitObjectArgument())
        Add(MC->getImplicitObjectArgument());
    }
    if (const auto *Call = dyn_cast<CallExpr>(S); Call && Depth > 0)
      if (const FunctionDecl *Callee = Call->getDirectCallee())
        if (const FunctionDecl *Def = Callee->getDefinition();
            Def && Def->getBody() &&
            !Ctx.getSourceManager().isInSystemHeader(Def->getLocation()))
          collectWrites(Def->getBody(), Ctx, Depth - 1, Writes);
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
}

/// The variables and fields that the functions registered as signal
/// handlers in the unit (signal(), sigaction()'s sa_handler/sa_sigaction)
/// write.
llvm::DenseSet<const Decl *> signalHandlerWrites(ASTContext &Ctx) {
  using namespace clang::ast_matchers;
  llvm::SmallPtrSet<const FunctionDecl *, 4> Handlers;
  auto Registrations =
      match(translationUnitDecl(forEachDescendant(expr(anyOf(
                callExpr(callee(functionDecl(hasAnyName(
                             "::signal", "::std::signal", "::bsd_signal",
                             "::sysv_signal", "::sigset"))),
                         hasArgument(1, expr().bind("handler"))),
                binaryOperator(isAssignmentOperator(),
                               hasLHS(ignoringParenImpCasts(memberExpr(member(
                                   hasAnyName("sa_handler", "sa_sigaction"))))),
                               hasRHS(expr().bind("handler"))))))),
            *Ctx.getTranslationUnitDecl(), Ctx);
  for (const BoundNodes &Node : Registrations)
    if (const FunctionDecl *FD =
            handlerFunction(Node.getNodeAs<Expr>("handler")))
      Handlers.insert(FD);
  llvm::DenseSet<const Decl *> Writes;
  for (const FunctionDecl *Handler : Handlers)
    if (const FunctionDecl *Def = Handler->getDefinition())
      collectWrites(Def->getBody(), Ctx, /*Depth=*/1, Writes);
  return Writes;
}

/// Whether \p T is written as `sig_atomic_t` (through typedefs).
bool isSigAtomic(QualType T) {
  for (int Depth = 0; Depth < 8 && !T.isNull(); ++Depth) {
    if (const auto *Elaborated = dyn_cast<ElaboratedType>(T.getTypePtr())) {
      T = Elaborated->getNamedType();
      continue;
    }
    const auto *Typedef = dyn_cast<TypedefType>(T.getTypePtr());
    if (!Typedef)
      return false;
    if (Typedef->getDecl()->getName() == "sig_atomic_t")
      return true;
    T = Typedef->desugar();
  }
  return false;
}

/// The variable or field a watched expression reads: `flag`, `obj.flag_`,
/// `flag.load()`, `*flag`.
const ValueDecl *watchedDecl(const Expr *E) {
  E = strip(E);
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E))
    E = MC->getImplicitObjectArgument();
  else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E);
           OC && OC->getNumArgs() > 0)
    E = OC->getArg(0);
  return E ? baseDecl(E) : nullptr;
}

/// The classifications of one translation unit, keyed by the configuration
/// they were computed under (the two checks' options may differ), and the
/// unit-wide facts they need.
struct UnitLoopClassifications {
  std::map<std::string,
           llvm::DenseMap<const Stmt *, std::unique_ptr<LoopClassification>>>
      ByConfig;
  std::optional<llvm::DenseSet<const Decl *>> SignalHandlerWrites;
};

/// The loop's classification with the facts that need the whole unit: is
/// the state a polling loop watches set by a signal handler?
LoopClassification classify(const Stmt &Loop, ASTContext &Ctx,
                            const LoopConfig &Config,
                            UnitLoopClassifications &Unit) {
  LoopClassification Result = LoopClassifier(Loop, Ctx, Config).run();
  if (!Result.isPolling() || !Result.Watched)
    return Result;
  const ValueDecl *Watched = watchedDecl(Result.Watched);
  if (!Watched)
    return Result;
  if (isSigAtomic(
          Watched->getType().getNonReferenceType().getUnqualifiedType())) {
    Result.WatchedIsSetBySignalHandler = true;
    return Result;
  }
  if (!Unit.SignalHandlerWrites)
    Unit.SignalHandlerWrites = signalHandlerWrites(Ctx);
  Result.WatchedIsSetBySignalHandler =
      Unit.SignalHandlerWrites->contains(Watched->getCanonicalDecl());
  return Result;
}

std::mutex UnitsMutex;
llvm::DenseMap<const ASTContext *, std::unique_ptr<UnitLoopClassifications>>
    Units;

/// Drops a unit's classifications when its ASTContext is destroyed, so a
/// later unit whose context reuses the address starts empty.
void forgetUnit(void *Context) {
  std::lock_guard<std::mutex> Lock(UnitsMutex);
  Units.erase(static_cast<const ASTContext *>(Context));
}

UnitLoopClassifications &classificationsOf(ASTContext &Ctx) {
  std::lock_guard<std::mutex> Lock(UnitsMutex);
  std::unique_ptr<UnitLoopClassifications> &Unit = Units[&Ctx];
  if (!Unit) {
    Unit = std::make_unique<UnitLoopClassifications>();
    Ctx.AddDeallocation(forgetUnit, &Ctx);
  }
  return *Unit;
}

} // namespace

const LoopDelay *LoopClassification::firstDelay() const {
  for (const LoopDelay &Delay : Delays)
    if (!Delay.InNestedLoop)
      return &Delay;
  return nullptr;
}

const LoopDelay *LoopClassification::idleSleep() const {
  for (const LoopDelay &Delay : Delays)
    if (Delay.OnIdlePath)
      return &Delay;
  return nullptr;
}

bool LoopClassification::isRetry() const {
  // A loop that waits for a descriptor to become ready each turn (the
  // non-blocking TLS handshake: SSL_connect, WANT_READ, select) is pacing
  // itself on the peer, not hammering it.
  return Exit == LoopExitKind::OperationSucceeds && !TriesNextEndpoint &&
         !LeavesOnFirstTurn && !Readiness.Call;
}

bool LoopClassification::isPolling() const {
  // A loop that also sleeps after periodic work on another path is a
  // scheduler whose start-up branch waits (websocketpp's telemetry client
  // sends one message per turn, and `if (!open) { wait(); continue; }`).
  bool SleepsAfterWork = llvm::any_of(Delays, [](const LoopDelay &Delay) {
    return Delay.Kind == DelayKind::Sleep && !Delay.InNestedLoop &&
           !Delay.OnIdlePath;
  });
  return Exit == LoopExitKind::WatchedStateChanges && idleSleep() &&
         !SleepsAfterWork && !LeavesOnFirstTurn;
}

std::string calledFunctionName(const CallExpr &Call) {
  if (const FunctionDecl *FD = Call.getDirectCallee())
    return qualifiedName(*FD);
  // A call that depends on a template parameter: the name written.
  const Expr *Callee = Call.getCallee()->IgnoreParenImpCasts();
  if (const auto *Member = dyn_cast<CXXDependentScopeMemberExpr>(Callee))
    return Member->getMember().getAsString();
  if (const auto *Overloads = dyn_cast<OverloadExpr>(Callee))
    return Overloads->getName().getAsString();
  return "the callee";
}

LoopClassification computeLoopClassification(const Stmt &Loop, ASTContext &Ctx,
                                             const LoopConfig &Config) {
  UnitLoopClassifications Unit;
  return classify(Loop, Ctx, Config, Unit);
}

const LoopClassification &classifyLoop(const Stmt &Loop, ASTContext &Ctx,
                                       const LoopConfig &Config) {
  std::string ConfigKey =
      joinList(Config.SleepFunctions) + "\n" + joinList(Config.RemoteFunctions);
  auto &Loops = classificationsOf(Ctx).ByConfig[ConfigKey];
  std::unique_ptr<LoopClassification> &Entry = Loops[&Loop];
  if (!Entry)
    Entry = std::make_unique<LoopClassification>(
        classify(Loop, Ctx, Config, classificationsOf(Ctx)));
  return *Entry;
}

} // namespace prodready
