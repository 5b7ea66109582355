//===--- LoopUtils.cpp - loop classification for the async checks --------===//

#include "LoopUtils.h"
#include "CheckUtils.h"
#include "LogSinks.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Regex.h"

using namespace clang;

namespace prodready {
namespace {

enum class CallKind { Sleep, Delay, Log, Clock, Query, Action };

/// What a condition's truth says about the retried operation.
enum Pol { PNone, PSuccess, PFailure, PUnknown };

Pol flip(Pol P) {
  return P == PSuccess ? PFailure : P == PFailure ? PSuccess : P;
}

Pol combine(Pol A, Pol B) {
  if (A == PNone || A == B)
    return B;
  if (B == PNone)
    return A;
  if (A == PUnknown)
    return B;
  if (B == PUnknown)
    return A;
  return PUnknown; // success and failure mixed
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
                                         "try_lock",
                                         "tryLock",
                                         "try_acquire",
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

struct Guard {
  const Expr *E;
  int When; // 1: exit taken when E is true, 0: when false, -1: unknown
};

struct ExitInfo {
  const Stmt *S;
  std::vector<Guard> Guards;
  const CallExpr *TryOp; // an operation earlier in the same try block
};

struct Atoms {
  const CallExpr *Op = nullptr;
  bool Bound = false;
  std::vector<const Expr *> External;
};

class LoopAnalyzer {
public:
  LoopAnalyzer(const Stmt &Loop, ASTContext &Ctx, const LoopConfig &Cfg)
      : Loop(Loop), Ctx(Ctx), Cfg(Cfg) {}
  LoopAnalysis run();

private:
  const Stmt &Loop;
  ASTContext &Ctx;
  const LoopConfig &Cfg;
  const Expr *Cond = nullptr;
  const Stmt *Body = nullptr;
  const Expr *Inc = nullptr;

  llvm::DenseMap<const FunctionDecl *, CallKind> KindCache;
  llvm::DenseMap<const FunctionDecl *, bool> RemoteCache;
  llvm::SmallPtrSet<const ValueDecl *, 16> Modified;
  llvm::SmallPtrSet<const ValueDecl *, 16> TopModified;
  /// Definitions of variables inside the loop: (variable, value or call).
  llvm::DenseMap<const ValueDecl *, std::vector<const Expr *>> Defs;
  llvm::DenseMap<const ValueDecl *, int> ProxyState; // 1 op, 2 query, 3 other
  llvm::DenseMap<const ValueDecl *, const CallExpr *> ProxyOp;
  std::vector<ExitInfo> Exits;
  struct Site {
    const CallExpr *C;
    CallKind K;
    bool Nested;
  };
  std::vector<Site> Calls;

  CallKind kind(const CallExpr &C);
  bool isRemote(const CallExpr &C);
  bool isRemoteDecl(const FunctionDecl *FD);
  void markModified(const Expr *E, int Nested);
  void scanEffects(const Stmt *S, int Nested);
  void addDef(const Expr *Target, const Expr *Value);
  int proxyState(const ValueDecl *D);
  struct WalkState {
    int Nested = 0, Switch = 0, Try = 0;
    const CallExpr *TryOp = nullptr;
    std::vector<Guard> Guards;
  };
  void walk(const Stmt *S, WalkState &St);
  void collectAtoms(const Expr *E, Atoms &A);
  bool opValued(const Expr *E);
  Pol truthiness(const Expr *E);
  Pol compare(const Expr *V, BinaryOperatorKind Op, const Expr *K);
  Pol pol(const Expr *E);
  bool invariant(const Expr *E);
  bool delayIsInvariant(const CallExpr &C);
  bool hasWorkOnPath(const CallExpr &Sleep, const Expr *&PathCond);
  bool isFailover(const CallExpr &Op);
  std::string text(const Expr *E);
};

CallKind LoopAnalyzer::kind(const CallExpr &C) {
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
      return CallKind::Action;
    llvm::StringRef Name = II->getName();
    for (llvm::StringRef Entry : Cfg.SleepFunctions)
      if (!Entry.starts_with("regex:") &&
          (Entry == Name || Entry.ends_with(("::" + Name).str())))
        return CallKind::Sleep;
    if (isLogFunctionName(Name, Name, LogNameMatch::WholeName))
      return CallKind::Log;
    if (isQueryName(Name))
      return CallKind::Query;
    return CallKind::Action;
  }
  auto It = KindCache.find(FD);
  if (It != KindCache.end())
    return It->second;
  CallKind K = CallKind::Action;
  std::string Q = qualifiedName(*FD);
  llvm::StringRef Name = FD->getDeclName().isIdentifier() ? FD->getName() : "";
  if (isa<CXXMethodDecl>(FD) && !FD->getDeclName().isIdentifier())
    Name = "";
  llvm::StringRef Op = FD->getDeclName().isIdentifier()
                           ? llvm::StringRef()
                           : llvm::StringRef(Q).rsplit("::").second;
  bool InStd = llvm::StringRef(Q).starts_with("std::") ||
               llvm::StringRef(Q).starts_with("__gnu_cxx::");
  if (matchesAnyName(Q, Cfg.SleepFunctions))
    K = CallKind::Sleep;
  else if ((Name == "wait_for" || Name == "wait_until" ||
            Name == "timed_wait") &&
           (InStd || llvm::StringRef(Q).starts_with("boost::")))
    K = CallKind::Delay;
  else if (isRemoteDecl(FD))
    K = CallKind::Action;
  else if (isLogFunctionName(Q, Name.empty() ? Op : Name,
                             LogNameMatch::WholeName))
    K = CallKind::Log;
  else if (isClockName(Q, Name))
    K = CallKind::Clock;
  else if (InStd)
    K = (llvm::StringRef(Q).starts_with("std::function") || Name == "invoke" ||
         Name == "system")
            ? CallKind::Action
            : CallKind::Query;
  else if (const auto *MD = dyn_cast<CXXMethodDecl>(FD); MD && MD->isConst())
    K = CallKind::Query;
  else if (!Name.empty() && isQueryName(Name))
    K = CallKind::Query;
  KindCache[FD] = K;
  return K;
}

bool LoopAnalyzer::isRemoteDecl(const FunctionDecl *FD) {
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
bool LoopAnalyzer::isRemote(const CallExpr &C) {
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

void LoopAnalyzer::markModified(const Expr *E, int Nested) {
  if (const ValueDecl *D = baseDecl(E)) {
    Modified.insert(D);
    if (Nested == 0)
      TopModified.insert(D);
  }
}

void LoopAnalyzer::addDef(const Expr *Target, const Expr *Value) {
  const Expr *T = Target->IgnoreParenImpCasts();
  if (const auto *DR = dyn_cast<DeclRefExpr>(T))
    Defs[DR->getDecl()].push_back(Value);
}

/// Records every variable or field the loop may change, and where local
/// values come from.
void LoopAnalyzer::scanEffects(const Stmt *S, int Nested) {
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
        if (!MD->isConst() && OC->getNumArgs() > 0 &&
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
      if (MD && !MD->isConst() && MC->getImplicitObjectArgument())
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

/// 1: the variable holds an operation's result, 2: it holds observed state
/// (a query result), 3: the loop computes it, 0: not defined in the loop.
int LoopAnalyzer::proxyState(const ValueDecl *D) {
  auto It = ProxyState.find(D);
  if (It != ProxyState.end())
    return It->second;
  ProxyState[D] = 3; // recursion guard
  auto DefIt = Defs.find(D);
  if (DefIt == Defs.end()) {
    int State = Modified.count(D) ? 3 : 0;
    ProxyState[D] = State;
    return State;
  }
  int State = 0;
  for (const Expr *V : DefIt->second) {
    if (!V) {
      State = 3;
      continue;
    }
    if (const auto *Call = dyn_cast<CallExpr>(V);
        Call && !isa<CXXMemberCallExpr>(Call) &&
        kind(*Call) == CallKind::Action) {
      // Passed as an out-parameter of, or assigned from, an operation.
      ProxyOp[D] = Call;
      State = 1;
      break;
    }
    Atoms A;
    collectAtoms(V, A);
    if (A.Op) {
      ProxyOp[D] = A.Op;
      State = 1;
      break;
    }
    if (!A.Bound && !A.External.empty() && State != 3)
      State = 2;
    else
      State = 3;
  }
  ProxyState[D] = State;
  return State;
}

void LoopAnalyzer::walk(const Stmt *S, WalkState &St) {
  if (!S || isa<LambdaExpr, BlockExpr>(S))
    return;
  auto AddExit = [&](const Stmt *E) {
    Exits.push_back({E, St.Guards, St.Try > 0 ? St.TryOp : nullptr});
  };
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    CallKind K = kind(*Call);
    Calls.push_back({Call, K, St.Nested > 0});
    if (St.Try > 0 && !St.TryOp && K == CallKind::Action)
      St.TryOp = Call;
  }
  if (const auto *If = dyn_cast<IfStmt>(S)) {
    walk(If->getInit(), St);
    if (If->getConditionVariableDeclStmt())
      walk(If->getConditionVariableDeclStmt(), St);
    walk(If->getCond(), St);
    St.Guards.push_back({If->getCond(), 1});
    walk(If->getThen(), St);
    St.Guards.back().When = 0;
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
          St.Guards.push_back({If->getCond(), 0});
        else if (ElseJumps && !ThenJumps)
          St.Guards.push_back({If->getCond(), 1});
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
      St.Guards.push_back({C, 1});
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
    St.Guards.push_back({Sw->getCond(), -1});
    walk(Sw->getBody(), St);
    St.Guards.pop_back();
    --St.Switch;
    return;
  }
  if (const auto *Try = dyn_cast<CXXTryStmt>(S)) {
    const CallExpr *SavedOp = St.TryOp;
    ++St.Try;
    St.TryOp = nullptr;
    walk(Try->getTryBlock(), St);
    --St.Try;
    St.TryOp = SavedOp;
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
  for (const Stmt *Child : S->children())
    walk(Child, St);
}

void LoopAnalyzer::collectAtoms(const Expr *E, Atoms &A) {
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
    Atoms T;
    collectAtoms(L, T);
    collectAtoms(R, T);
    if (T.Bound || isTimeType(L->getType()) || isTimeType(R->getType())) {
      A.Bound = true;
      if (!A.Op)
        A.Op = T.Op;
      return;
    }
    if (!A.Op)
      A.Op = T.Op;
    A.Bound |= T.Bound;
    A.External.insert(A.External.end(), T.External.begin(), T.External.end());
    return;
  }
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    switch (kind(*Call)) {
    case CallKind::Action:
      if (!A.Op)
        A.Op = Call;
      return;
    case CallKind::Clock:
      A.Bound = true;
      return;
    case CallKind::Query: {
      Atoms T;
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
        collectAtoms(MC->getImplicitObjectArgument(), T);
      for (const Expr *Arg : Call->arguments())
        collectAtoms(Arg, T);
      if (T.Op) {
        if (!A.Op)
          A.Op = T.Op;
      } else if (T.Bound) {
        A.Bound = true;
      } else {
        A.External.push_back(Call);
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
    switch (proxyState(VD)) {
    case 1:
      if (!A.Op)
        A.Op = ProxyOp[VD];
      return;
    case 2:
      A.External.push_back(E);
      return;
    case 3:
      A.Bound = true;
      return;
    default:
      break;
    }
    QualType T = VD->getType();
    if (!T->isReferenceType() && T.isConstQualified() &&
        !T.isVolatileQualified())
      return; // a constant
    A.External.push_back(E);
    return;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    if (!isa<FieldDecl, VarDecl>(ME->getMemberDecl()))
      return;
    Atoms T;
    collectAtoms(ME->getBase(), T);
    if (T.Op) {
      if (!A.Op)
        A.Op = T.Op;
      return;
    }
    if (Modified.count(ME->getMemberDecl()) || T.Bound) {
      A.Bound = true;
      return;
    }
    A.External.push_back(E);
    return;
  }
  if (isa<LambdaExpr>(E))
    return;
  for (const Stmt *Child : E->children())
    if (const auto *CE = dyn_cast_or_null<Expr>(Child))
      collectAtoms(CE, A);
}

bool LoopAnalyzer::opValued(const Expr *E) {
  E = strip(E);
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
      if (kind(*Call) != CallKind::Action)
        return opValued(MC->getImplicitObjectArgument());
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(Call))
      if ((OC->getOperator() == OO_Arrow || OC->getOperator() == OO_Star) &&
          OC->getNumArgs() == 1)
        return opValued(OC->getArg(0));
    return kind(*Call) == CallKind::Action;
  }
  if (const auto *DR = dyn_cast<DeclRefExpr>(E))
    return isa<VarDecl>(DR->getDecl()) && proxyState(DR->getDecl()) == 1;
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    return opValued(ME->getBase());
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    return UO->getOpcode() == UO_Deref && opValued(UO->getSubExpr());
  return false;
}

Pol LoopAnalyzer::truthiness(const Expr *E) {
  E = strip(E);
  // A flag that records the outcome of a comparison: `ok = rc == 0`.
  if (const auto *DR = dyn_cast<DeclRefExpr>(E)) {
    auto It = Defs.find(DR->getDecl());
    if (It != Defs.end() && DR->getType()->isBooleanType())
      for (const Expr *V : It->second)
        if (V && !opValued(V)) {
          Pol P = pol(V);
          if (P == PSuccess || P == PFailure)
            return P;
        }
  }
  QualType T = E->getType();
  if (T->isBooleanType() || T->isPointerType() || T->isNullPtrType())
    return PSuccess;
  if (T->isIntegralOrEnumerationType())
    return PFailure; // the C convention: non-zero is an error code
  if (isErrorLikeRecord(T))
    return PFailure;
  if (T->isRecordType())
    return PSuccess; // optional, expected, unique_ptr, result types
  return PUnknown;
}

Pol LoopAnalyzer::compare(const Expr *V, BinaryOperatorKind Op, const Expr *K) {
  const Expr *KS = strip(K);
  bool Ptr = strip(V)->getType()->isPointerType();
  if (isa<CXXNullPtrLiteralExpr, GNUNullExpr>(KS))
    Ptr = true;
  if (const auto *DR = dyn_cast<DeclRefExpr>(KS))
    if (const auto *EC = dyn_cast<EnumConstantDecl>(DR->getDecl())) {
      llvm::StringRef N = EC->getName();
      Pol P = PUnknown;
      if (matchesRe("(^|_|^k)(OK|Ok|ok)$|SUCCESS|Success|SUCCEEDED|Succeeded|"
                    "(^|_)DONE$|^k?Done$|COMPLETE|Complete|CONNECTED|Connected",
                    N))
        P = PSuccess;
      else if (matchesRe("ERR|Err|FAIL|Fail|AGAIN|Again|TIMEOUT|Timeout|"
                         "TimedOut|BUSY|Busy|RETRY|Retry|UNAVAILABLE|"
                         "Unavailable|REFUSED|Refused|INVALID|Invalid|ABORT|"
                         "Abort|COULDNT|Couldnt",
                         N))
        P = PFailure;
      if (Op == BO_EQ)
        return P;
      if (Op == BO_NE)
        return flip(P);
      return PUnknown;
    }
  if (const auto *BL = dyn_cast<CXXBoolLiteralExpr>(KS)) {
    Pol P = truthiness(V);
    if (!BL->getValue())
      P = flip(P);
    return Op == BO_EQ ? P : Op == BO_NE ? flip(P) : PUnknown;
  }
  Expr::EvalResult R;
  llvm::APSInt Val(64);
  if (Ptr && !KS->isValueDependent() &&
      KS->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
    Val = 0;
  else if (!KS->isValueDependent() && KS->EvaluateAsInt(R, Ctx))
    Val = R.Val.getInt();
  else
    return PUnknown;
  int64_t N = Val.getExtValue();
  switch (Op) {
  case BO_EQ:
    if (Ptr)
      return N == 0 ? PFailure : PUnknown;
    return N < 0 ? PFailure : PSuccess;
  case BO_NE:
    if (Ptr)
      return N == 0 ? PSuccess : PUnknown;
    return N < 0 ? PSuccess : PFailure;
  case BO_LT:
    return N <= 0 ? PFailure : PUnknown;
  case BO_LE:
    return N <= 0 ? PFailure : PUnknown;
  case BO_GT:
    return N >= 0 ? PSuccess : PUnknown;
  case BO_GE:
    return N >= 0 ? PSuccess : PUnknown;
  default:
    return PUnknown;
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

Pol LoopAnalyzer::pol(const Expr *E) {
  E = strip(E);
  if (!E)
    return PNone;
  auto Fallback = [&] {
    Atoms A;
    collectAtoms(E, A);
    return A.Op ? PUnknown : PNone;
  };
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_LNot)
    return flip(pol(UO->getSubExpr()));
  BinaryOperatorKind Opc = BO_Comma;
  const Expr *L = nullptr, *R = nullptr;
  if (const auto *BO = dyn_cast<BinaryOperator>(E))
    Opc = BO->getOpcode(), L = BO->getLHS(), R = BO->getRHS();
  else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (OC->getOperator() == OO_Exclaim && OC->getNumArgs() == 1)
      return flip(pol(OC->getArg(0)));
    if (OC->isComparisonOp() && OC->getNumArgs() == 2)
      Opc = BinaryOperator::getOverloadedOpcode(OC->getOperator()),
      L = OC->getArg(0), R = OC->getArg(1);
  }
  if (L && (Opc == BO_LAnd || Opc == BO_LOr))
    return combine(pol(L), pol(R));
  if (L && BinaryOperator::isComparisonOp(Opc)) {
    bool LV = opValued(L), RV = opValued(R);
    if (LV && !RV)
      return compare(L, Opc, R);
    if (RV && !LV)
      return compare(R, mirror(Opc), L);
    return Fallback();
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E))
    if (const CXXMethodDecl *MD = MC->getMethodDecl();
        MD && MD->getDeclName().isIdentifier() &&
        opValued(MC->getImplicitObjectArgument())) {
      llvm::StringRef N = MD->getName();
      if (matchesRe("^(ok|is_ok|isOk|IsOk|IsOK|has_value|succeeded|success|"
                    "is_success|isSuccess|IsSuccess|good|Succeeded)$",
                    N))
        return PSuccess;
      if (matchesRe("^(failed|fail|is_error|isError|IsError|has_error|bad|"
                    "is_err|Failed|IsFailure)$",
                    N))
        return PFailure;
    }
  if (opValued(E))
    return truthiness(E);
  return Fallback();
}

/// Whether \p E has the same value in every iteration (no counter, no
/// growing delay, no random jitter, no unknown call).
bool LoopAnalyzer::invariant(const Expr *E) {
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
    CallKind K = kind(*Call);
    std::string Q = qualifiedName(*FD);
    bool Pure = K == CallKind::Clock ||
                llvm::StringRef(Q).starts_with("std::") ||
                isa<UserDefinedLiteral>(Call) || FD->isConstexpr();
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
      Pure |= MD->isConst();
    if (!Pure)
      return false;
  }
  if (isa<LambdaExpr>(E))
    return true;
  for (const Stmt *Child : E->children())
    if (const auto *CE = dyn_cast_or_null<Expr>(Child))
      if (!invariant(CE))
        return false;
  return true;
}

bool LoopAnalyzer::delayIsInvariant(const CallExpr &C) {
  for (const Expr *Arg : C.arguments()) {
    const Expr *A = Arg->IgnoreParenImpCasts();
    if (isa<LambdaExpr>(A))
      continue;
    QualType T = A->getType().getNonReferenceType();
    if (const auto *RD = T->getAsCXXRecordDecl())
      if (llvm::StringRef(RD->getName()).contains("lock"))
        continue;
    if (!invariant(Arg))
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
bool LoopAnalyzer::hasWorkOnPath(const CallExpr &Sleep, const Expr *&PathCond) {
  ParentMap PM(const_cast<Stmt *>(&Loop));
  llvm::SmallVector<const Stmt *, 16> Path;
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
    if (const auto *Call = dyn_cast<CallExpr>(S))
      if (kind(*Call) == CallKind::Action)
        return true;
    for (const Stmt *C : S->children())
      Work.push_back(C);
  }
  return false;
}

/// A loop that tries the next host / replica each iteration is failover, not
/// a retry of the same operation.
bool LoopAnalyzer::isFailover(const CallExpr &Op) {
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
        if (TopModified.count(D) && proxyState(D) != 1)
          return true;
    for (const Stmt *C : S->children())
      Work.push_back(C);
  }
  return false;
}

std::string LoopAnalyzer::text(const Expr *E) {
  const SourceManager &SM = Ctx.getSourceManager();
  CharSourceRange Range = CharSourceRange::getTokenRange(E->getSourceRange());
  Range = Lexer::makeFileCharRange(Range, SM, Ctx.getLangOpts());
  std::string T = Range.isValid()
                      ? Lexer::getSourceText(Range, SM, Ctx.getLangOpts()).str()
                      : std::string();
  if (T.empty() || T.size() > 60 || llvm::StringRef(T).contains('\n')) {
    if (const auto *Call = dyn_cast<CallExpr>(E))
      return calleeName(*Call) + "()";
    return "the loop condition";
  }
  return T;
}

LoopAnalysis LoopAnalyzer::run() {
  LoopAnalysis Result;
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
    Exits.push_back({&Loop, {{Cond, 0}}, nullptr});

  // Retry: some exit is taken when an operation called in the loop succeeds.
  const CallExpr *Op = nullptr;
  for (const ExitInfo &Exit : Exits) {
    if (Exit.TryOp && !isa<CXXThrowExpr>(Exit.S)) {
      Op = Exit.TryOp;
      break;
    }
    Pol P = PNone;
    for (const Guard &G : Exit.Guards) {
      Pol GP = G.When == 1 ? pol(G.E) : G.When == 0 ? flip(pol(G.E)) : PUnknown;
      if (G.When == -1) {
        Atoms A;
        collectAtoms(G.E, A);
        GP = A.Op ? PUnknown : PNone;
      }
      P = combine(P, GP);
    }
    if (P == PSuccess) {
      for (const Guard &G : Exit.Guards) {
        Atoms A;
        collectAtoms(G.E, A);
        if (A.Op) {
          Op = A.Op;
          break;
        }
      }
      if (Op)
        break;
    }
  }
  if (Op && isFailover(*Op))
    return Result;

  const SourceManager &SM = Ctx.getSourceManager();
  if (Op) {
    Result.Kind = LoopAnalysis::Retry;
    Result.Operation = Op;
    Result.Remote = isRemote(*Op);
    if (!Result.Remote)
      for (const Site &S : Calls)
        if (S.K == CallKind::Action && isRemote(*S.C)) {
          Result.Operation = S.C;
          Result.Remote = true;
          break;
        }
    Result.OperationName = calleeName(*Result.Operation);
    bool Bounded = false;
    for (const ExitInfo &Exit : Exits)
      for (const Guard &G : Exit.Guards) {
        Atoms A;
        collectAtoms(G.E, A);
        Bounded |= A.Bound || !A.External.empty();
        CharSourceRange Range =
            CharSourceRange::getTokenRange(G.E->getSourceRange());
        if (Lexer::getSourceText(
                Lexer::makeFileCharRange(Range, SM, Ctx.getLangOpts()), SM,
                Ctx.getLangOpts())
                .contains("EINTR"))
          Result.RetriesOnEintr = true;
      }
    Result.Unbounded = !Bounded;
    bool AllInvariant = true;
    for (const Site &S : Calls)
      if ((S.K == CallKind::Sleep || S.K == CallKind::Delay) && !S.Nested) {
        if (!Result.Sleep)
          Result.Sleep = S.C;
        AllInvariant &= delayIsInvariant(*S.C);
      }
    Result.InvariantDelay = Result.Sleep && AllInvariant;
    Result.NoDelay = !Result.Sleep && Result.Remote;
    return Result;
  }

  // Polling: a sleep with no work on its path, while an exit waits for state
  // the loop does not change.
  std::vector<const Expr *> Watched;
  for (const ExitInfo &Exit : Exits)
    for (const Guard &G : Exit.Guards) {
      Atoms A;
      collectAtoms(G.E, A);
      if (!A.Op)
        Watched.insert(Watched.end(), A.External.begin(), A.External.end());
    }
  if (Watched.empty())
    return Result;
  for (const Site &S : Calls) {
    if (S.K != CallKind::Sleep || S.Nested)
      continue;
    const Expr *PathCond = nullptr;
    if (hasWorkOnPath(*S.C, PathCond))
      continue;
    Result.Kind = LoopAnalysis::Polling;
    Result.Sleep = S.C;
    Result.Watched = Watched.front();
    if (PathCond) {
      Atoms A;
      collectAtoms(PathCond, A);
      if (!A.External.empty())
        Result.Watched = A.External.front();
    }
    Result.WatchedText = text(Result.Watched);
    return Result;
  }
  return Result;
}

} // namespace

std::string calleeName(const CallExpr &Call) {
  if (const FunctionDecl *FD = Call.getDirectCallee())
    return qualifiedName(*FD);
  return "the callee";
}

LoopAnalysis analyzeLoop(const Stmt &Loop, ASTContext &Ctx,
                         const LoopConfig &Config) {
  return LoopAnalyzer(Loop, Ctx, Config).run();
}

} // namespace prodready
