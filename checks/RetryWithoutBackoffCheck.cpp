//===--- RetryWithoutBackoffCheck.cpp - prodready -------------------------===//

#include "RetryWithoutBackoffCheck.h"
#include "CheckUtils.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace prodready {

RetryWithoutBackoffCheck::RetryWithoutBackoffCheck(
    StringRef Name, tidy::ClangTidyContext *Context)
    : ProdReadyCheck(Name, Context) {
  Config.SleepFunctions =
      splitList(Options.get("SleepFunctions", DefaultSleepFunctions));
  Config.RemoteFunctions =
      splitList(Options.get("RemoteFunctions", DefaultRemoteFunctions));
}

void RetryWithoutBackoffCheck::storeOptions(
    tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "SleepFunctions", joinList(Config.SleepFunctions));
  Options.store(Opts, "RemoteFunctions", joinList(Config.RemoteFunctions));
}

void RetryWithoutBackoffCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(stmt(anyOf(whileStmt(), doStmt(), forStmt()),
                          unless(isExpansionInSystemHeader()),
                          unless(isInTemplateInstantiation()))
                         .bind("loop"),
                     this);
}

// Whether the value of \p Call (perhaps through an assignment) is compared
// with a null pointer.
static bool comparedWithNull(const Expr &Call, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(Call);
  for (int Guard = 0; Guard < 6; ++Guard) {
    auto Parents = Ctx.getParents(Node);
    if (Parents.size() != 1)
      return false;
    Node = Parents[0];
    if (const auto *Bin = Node.get<BinaryOperator>();
        Bin && (Bin->getOpcode() == BO_EQ || Bin->getOpcode() == BO_NE))
      return isa<CXXNullPtrLiteralExpr, GNUNullExpr>(
                 Bin->getLHS()->IgnoreParenImpCasts()) ||
             isa<CXXNullPtrLiteralExpr, GNUNullExpr>(
                 Bin->getRHS()->IgnoreParenImpCasts());
    if (!Node.get<Expr>())
      return false;
  }
  return false;
}

// Whether \p Op acquires a lock in local memory: an atomic exchange,
// compare-exchange or test_and_set, a standard mutex's try_lock, or the
// try_lock of the class whose own lock() spins (`this->try_lock()`). A
// lock held elsewhere (a Redis Redlock's `mtx.try_lock(...)`) is a remote
// dependency and stays a retry.
static bool isLocalLockAcquisition(const CallExpr &Op) {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(&Op);
  const CXXMethodDecl *Method = Member ? Member->getMethodDecl() : nullptr;
  if (!Method || !Method->getIdentifier())
    return false;
  StringRef Name = Method->getName();
  bool Acquires = Name.starts_with("try_lock") ||
                  Name.starts_with("compare_exchange") || Name == "exchange" ||
                  Name == "test_and_set" ||
                  Name.contains_insensitive("trylock");
  if (!Acquires)
    return false;
  if (Method->getParent()->isInStdNamespace())
    return true;
  return isa<CXXThisExpr>(
      Member->getImplicitObjectArgument()->IgnoreParenImpCasts());
}

// The variable the retried operation's result is stored in
// (`auto r = ::send(...)`, `rv = make_socket(addr)`).
static const VarDecl *resultVariable(const CallExpr &Op, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(Op);
  for (int Depth = 0; Depth < 4; ++Depth) {
    auto Parents = Ctx.getParents(Node);
    if (Parents.size() != 1)
      return nullptr;
    Node = Parents[0];
    if (const auto *Var = Node.get<VarDecl>())
      return Var;
    if (const auto *Assign = Node.get<BinaryOperator>();
        Assign && Assign->getOpcode() == BO_Assign)
      if (const auto *Ref =
              dyn_cast<DeclRefExpr>(Assign->getLHS()->IgnoreParenCasts()))
        return dyn_cast<VarDecl>(Ref->getDecl());
    if (!Node.get<Expr>())
      return nullptr;
  }
  return nullptr;
}

// Whether \p Cond tests \p Result for a failure: `r < 0`, `r <= 0` (an
// error, or nothing written), `r == -1`, also with the operands swapped.
static bool testsFailure(const Expr *Cond, const VarDecl &Result,
                         ASTContext &Ctx) {
  const auto *Compare =
      dyn_cast_or_null<BinaryOperator>(Cond->IgnoreParenImpCasts());
  if (!Compare || !Compare->isComparisonOp())
    return false;
  const Expr *Var = Compare->getLHS(), *Constant = Compare->getRHS();
  BinaryOperatorKind Op = Compare->getOpcode();
  if (isa<IntegerLiteral, UnaryOperator>(Var->IgnoreParenImpCasts())) {
    std::swap(Var, Constant);
    Op = BinaryOperator::reverseComparisonOp(Op);
  }
  const auto *Ref = dyn_cast<DeclRefExpr>(Var->IgnoreParenImpCasts());
  std::optional<llvm::APSInt> Value = Constant->getIntegerConstantExpr(Ctx);
  if (!Ref || Ref->getDecl() != &Result || !Value)
    return false;
  return (Op == BO_LT && *Value <= 0) || (Op == BO_LE && *Value <= 0) ||
         (Op == BO_EQ && Value->isNegative());
}

// Whether the body leaves the loop when the operation fails
// (`if (r < 0) { close(); throw ...; }`): it repeats only while the
// operation succeeds -- a partial-write loop, not a retry (spdlog's
// tcp_client::send).
static bool leavesOnFailure(const Stmt &Loop, const CallExpr &Op,
                            ASTContext &Ctx) {
  const VarDecl *Result = resultVariable(Op, Ctx);
  if (!Result)
    return false;
  llvm::SmallVector<const Stmt *, 16> Work = {loopBody(Loop)};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S || isa<LambdaExpr>(S))
      continue;
    if (const auto *If = dyn_cast<IfStmt>(S);
        If && testsFailure(If->getCond(), *Result, Ctx) &&
        leavesLoop(If->getThen()))
      return true;
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return false;
}

// Whether the loop walks a linked list (`while (next) { addr = next;
// next = next->ai_next; try(addr); }`): each turn tries another element of
// a finite list, an address fallback rather than a retry (nghttp2's h2load).
static bool walksList(const Stmt &Loop) {
  const Expr *Cond = loopCondition(Loop);
  const auto *Walked =
      Cond ? dyn_cast<DeclRefExpr>(Cond->IgnoreParenImpCasts()) : nullptr;
  const auto *WalkedMember =
      Cond ? dyn_cast<MemberExpr>(Cond->IgnoreParenImpCasts()) : nullptr;
  const ValueDecl *List = Walked         ? Walked->getDecl()
                          : WalkedMember ? WalkedMember->getMemberDecl()
                                         : nullptr;
  if (!List || !List->getType()->isPointerType())
    return false;
  auto Names = [&](const Expr *E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
      return Ref->getDecl() == List;
    if (const auto *Member = dyn_cast<MemberExpr>(E))
      return Member->getMemberDecl() == List;
    return false;
  };
  llvm::SmallVector<const Stmt *, 16> Work = {loopBody(Loop)};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *Assign = dyn_cast<BinaryOperator>(S);
        Assign && Assign->getOpcode() == BO_Assign && Names(Assign->getLHS()))
      if (const auto *Next =
              dyn_cast<MemberExpr>(Assign->getRHS()->IgnoreParenImpCasts());
          Next && Next->isArrow() && Names(Next->getBase()))
        return true;
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return false;
}

// Whether the loop walks a container with an iterator (`while (it !=
// end)`): each turn handles another element, not another attempt (Poco's
// SocketProactor::send over its handler list).
static bool walksContainer(const Stmt &Loop) {
  const Expr *Cond = loopCondition(Loop);
  if (!Cond)
    return false;
  Cond = Cond->IgnoreParenImpCasts();
  const Expr *Lhs = nullptr;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Cond);
      Op && Op->getNumArgs() == 2 &&
      (Op->getOperator() == OO_ExclaimEqual || Op->getOperator() == OO_Less))
    Lhs = Op->getArg(0);
  else if (const auto *Bin = dyn_cast<BinaryOperator>(Cond);
           Bin && (Bin->getOpcode() == BO_NE || Bin->getOpcode() == BO_LT))
    Lhs = Bin->getLHS();
  // C++20 rewrites `it != end` as `!(it == end)`.
  else if (const auto *Rewritten = dyn_cast<CXXRewrittenBinaryOperator>(Cond);
           Rewritten && (Rewritten->getOperator() == BO_NE ||
                         Rewritten->getOperator() == BO_LT))
    Lhs = Rewritten->getLHS();
  if (!Lhs)
    return false;
  QualType T = Lhs->IgnoreParenImpCasts()->getType().getNonReferenceType();
  const auto *Record = T->getAsCXXRecordDecl();
  if (!Record)
    return false;
  std::string Name = T.getUnqualifiedType().getAsString();
  return StringRef(Name).contains_insensitive("iterator") ||
         (Record->getIdentifier() &&
          Record->getName().contains_insensitive("iterator"));
}

void RetryWithoutBackoffCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *LoopStmt = Result.Nodes.getNodeAs<Stmt>("loop");
  const LoopClassification &Loop =
      classifyLoop(*LoopStmt, *Result.Context, Config);
  if (!Loop.isRetry() || Loop.RetriesOnEintr)
    return;
  // An operation whose callee is only known once the template is
  // instantiated, compared with a null pointer (`(self = weak.lock()) ==
  // nullptr`, cinatra's pool reaper): the loop leaves when it fails, which a
  // dependent comparison hides from the classification. Not a retry.
  if (const auto *Op = dyn_cast_or_null<CallExpr>(Loop.RetriedOperation);
      Op && !Op->getDirectCallee() && Op->isTypeDependent() &&
      comparedWithNull(*Op, *Result.Context))
    return;
  // Acquiring a lock (`try_lock`, an atomic exchange or compare-exchange)
  // spins on local memory, not on a dependency: a spin lock's lock() that
  // yields and naps (opentelemetry-cpp's SpinLockMutex).
  if (!Loop.RetriedOperationIsRemote && Loop.RetriedOperation &&
      isLocalLockAcquisition(*Loop.RetriedOperation))
    return;
  if (walksList(*LoopStmt) || walksContainer(*LoopStmt) ||
      (Loop.RetriedOperation &&
       leavesOnFailure(*LoopStmt, *Loop.RetriedOperation, *Result.Context)))
    return;
  const LoopDelay *Delay = Loop.firstDelay();
  // A retry of a local operation without any delay (a compare-and-swap or
  // try_lock loop) is not this rule's concern.
  if (!Delay && !Loop.RetriedOperationIsRemote)
    return;
  bool Unbounded = Loop.Bound == AttemptBound::None;
  bool InvariantDelay =
      Delay && llvm::all_of(Loop.Delays, [](const LoopDelay &D) {
        return D.InNestedLoop || D.Duration == DelayDuration::LoopInvariant;
      });
  bool NoDelay = !Delay && Loop.RetriedOperationIsRemote;
  llvm::SmallVector<std::string, 3> Problems;
  if (Unbounded)
    Problems.push_back("has no bound on attempts (no counter or deadline)");
  if (InvariantDelay)
    Problems.push_back("sleeps a loop-invariant duration between attempts "
                       "(no exponential growth, no jitter)");
  if (NoDelay)
    Problems.push_back("does not sleep between attempts of a remote call");
  if (Problems.empty())
    return;
  std::string What = Problems[0];
  for (size_t I = 1; I < Problems.size(); ++I)
    What += (I + 1 == Problems.size() ? " and " : ", ") + Problems[I];
  const SourceManager &SM = *Result.SourceManager;
  diag(reportLocation(LoopStmt->getBeginLoc(), SM),
       "retry loop around '%0' %1, so during an outage its clients %2; %3")
      << Loop.RetriedOperationName << What
      << (Unbounded ? "retry forever and hammer the failing dependency"
                    : "hammer the recovering dependency in lockstep")
      << (Unbounded ? "cap the attempts or add a deadline, and back off "
                      "exponentially with jitter between attempts"
                    : "back off exponentially with jitter between attempts");
  diag(reportLocation(Loop.RetriedOperation->getBeginLoc(), SM),
       "operation retried here", DiagnosticIDs::Note);
}

} // namespace prodready
