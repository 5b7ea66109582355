//===--- DetachedThreadCheck.cpp - prodready ------------------------------===//

#include "DetachedThreadCheck.h"
#include "AsyncUtils.h"
#include "CheckUtils.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace prodready {

static const auto ThreadClass = cxxRecordDecl(
    hasAnyName("::std::thread", "::std::jthread", "::boost::thread"));

void DetachedThreadCheck::registerMatchers(MatchFinder *Finder) {
  auto InProject = allOf(unless(isExpansionInSystemHeader()),
                         unless(isInTemplateInstantiation()));
  // A class's own detach() that detaches the thread it wraps (oatpp's
  // executor workers) forwards its caller's choice: the caller opted in.
  auto NotForwardingDetach =
      unless(forCallable(functionDecl(hasAnyName("detach", "Detach"))));
  // So is a detach under the caller's option (`if (detached_)
  // thread_->detach();`, thrift's Thread::start with the factory's
  // setDetached): a flag whose name says detach.
  auto DetachOption = ifStmt(hasCondition(ignoringParenImpCasts(
      anyOf(memberExpr(member(namedDecl(matchesName("[Dd]etach")))),
            declRefExpr(to(varDecl(matchesName("[Dd]etach"))))))));
  // Or the other branch of a join: `if (block) t.join(); else t.detach();`
  // (served's server::run(n, block)): the caller chose not to wait.
  auto JoinOrDetach = ifStmt(
      hasThen(anyOf(cxxMemberCallExpr(callee(cxxMethodDecl(hasName("join")))),
                    hasDescendant(cxxMemberCallExpr(
                        callee(cxxMethodDecl(hasName("join"))))))));
  auto NotUnderDetachOption = unless(anyOf(
      hasParent(DetachOption), hasParent(compoundStmt(hasParent(DetachOption))),
      hasParent(JoinOrDetach),
      hasParent(compoundStmt(hasParent(JoinOrDetach)))));
  Finder->addMatcher(
      cxxMemberCallExpr(
          InProject, NotForwardingDetach, NotUnderDetachOption,
          callee(cxxMethodDecl(hasName("detach"), ofClass(ThreadClass))),
          optionally(forCallable(
              cxxMethodDecl(ofClass(cxxRecordDecl().bind("owner"))))))
          .bind("detach"),
      this);
  Finder->addMatcher(
      callExpr(
          InProject,
          callee(functionDecl(hasAnyName("::pthread_detach", "::pthread_create",
                                         "::pthread_attr_setdetachstate"))
                     .bind("pthread")))
          .bind("pcall"),
      this);
  // A thread started with a callable (not default- or move-constructed).
  Finder->addMatcher(
      cxxConstructExpr(
          InProject,
          hasDeclaration(
              cxxConstructorDecl(ofClass(ThreadClass.bind("class")))),
          hasArgument(0, unless(hasType(hasUnqualifiedDesugaredType(
                             recordType(hasDeclaration(ThreadClass)))))))
          .bind("construct"),
      this);
  // `threads.emplace_back(work)`: the thread is constructed inside the
  // container's code.
  auto IsThread =
      hasUnqualifiedDesugaredType(recordType(hasDeclaration(ThreadClass)));
  auto ThreadContainer = hasUnqualifiedDesugaredType(recordType(
      hasDeclaration(classTemplateSpecializationDecl(hasTemplateArgument(
          0, refersToType(hasUnqualifiedDesugaredType(
                 recordType(hasDeclaration(ThreadClass.bind("class"))))))))));
  Finder->addMatcher(
      cxxMemberCallExpr(InProject,
                        callee(cxxMethodDecl(hasAnyName(
                            "emplace_back", "emplace", "emplace_front"))),
                        on(hasType(ThreadContainer)),
                        hasArgument(0, unless(hasType(IsThread))))
          .bind("emplace"),
      this);
}

// Whether \p S joins a thread (`t.join()`, `pthread_join`): threads joined
// within the same iteration do not accumulate.
static bool joinsThread(const Stmt *S) {
  if (!S)
    return false;
  if (const auto *Call = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      if (Callee->getDeclName().isIdentifier() &&
          (Callee->getName() == "pthread_join" ||
           (Callee->getName() == "join" && isa<CXXMethodDecl>(Callee) &&
            StringRef(recordName(*cast<CXXMethodDecl>(Callee)->getParent()))
                .ends_with("thread"))))
        return true;
  for (const Stmt *Child : S->children())
    if (joinsThread(Child))
      return true;
  return false;
}

// Whether \p E names a count of live work or a limit on it
// (`getConnectedClientsCount()`, `workers.size()`, `_maxConnections`).
static bool namesCountOrLimit(const Stmt *S) {
  if (!S)
    return false;
  const NamedDecl *Named = nullptr;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    Named = Ref->getDecl();
  else if (const auto *Member = dyn_cast<MemberExpr>(S))
    Named = Member->getMemberDecl();
  else if (const auto *Call = dyn_cast<CallExpr>(S))
    Named = Call->getDirectCallee();
  if (Named && Named->getDeclName().isIdentifier()) {
    std::string Name = Named->getName().lower();
    for (StringRef Word : {"count", "size", "max", "limit", "capacity",
                           "active", "running", "pending"})
      if (StringRef(Name).contains(Word))
        return true;
  }
  return llvm::any_of(S->children(), namesCountOrLimit);
}

// Whether \p Cond is an admission test: a count compared against a limit
// (`count() >= max`, `n == limit`), not a result check against zero.
static bool isLimitComparison(const Expr *Cond, const ASTContext &Ctx) {
  const auto *Op = dyn_cast<BinaryOperator>(Cond->IgnoreParenImpCasts());
  if (const auto *Call =
          dyn_cast<CXXOperatorCallExpr>(Cond->IgnoreParenImpCasts());
      Call && Call->getNumArgs() == 2 && Call->isComparisonOp())
    return namesCountOrLimit(Call);
  if (!Op)
    return false;
  if (Op->isLogicalOp())
    return isLimitComparison(Op->getLHS(), Ctx) ||
           isLimitComparison(Op->getRHS(), Ctx);
  if (!Op->isRelationalOp() && !Op->isEqualityOp())
    return false;
  for (const Expr *Side : {Op->getLHS(), Op->getRHS()}) {
    Expr::EvalResult R;
    if (!Side->isValueDependent() && Side->EvaluateAsInt(R, Ctx) &&
        R.Val.getInt().getSExtValue() <= 0)
      return false;
  }
  return namesCountOrLimit(Op);
}

// Whether \p S leaves the iteration on every path: `continue`, `break`,
// `return`, `throw`, or a block ending in one.
static bool leavesIteration(const Stmt *S) {
  if (const auto *Block = dyn_cast_or_null<CompoundStmt>(S))
    return !Block->body_empty() && leavesIteration(Block->body_back());
  return isa_and_nonnull<ContinueStmt, BreakStmt, ReturnStmt>(S) ||
         (isa_and_nonnull<Expr>(S) &&
          isa<CXXThrowExpr>(cast<Expr>(S)->IgnoreParenImpCasts()));
}

// Whether, before \p Creation in the body of \p Loop, the iteration is left
// when a count of live work reaches a limit (IXWebSocket's accept loop:
// `if (getConnectedClientsCount() >= _maxConnections) { ...; continue; }`):
// the threads are bounded by admission control.
static bool admittedUnderLimit(const Stmt &Creation, const Stmt &Loop,
                               ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(Creation);
  for (int Guard = 0; Guard < 64; ++Guard) {
    auto Parents = Ctx.getParents(Node);
    if (Parents.empty())
      return false;
    const Stmt *Child = Node.get<Stmt>();
    Node = Parents[0];
    const Stmt *Parent = Node.get<Stmt>();
    if (!Parent)
      continue;
    if (Parent == &Loop)
      return false;
    const auto *Block = dyn_cast<CompoundStmt>(Parent);
    if (!Block || !Child)
      continue;
    for (const Stmt *Before : Block->body()) {
      if (Before == Child)
        break;
      if (const auto *If = dyn_cast<IfStmt>(Before))
        if (!If->getElse() && If->getCond() &&
            isLimitComparison(If->getCond(), Ctx) &&
            leavesIteration(If->getThen()))
          return true;
    }
  }
  return false;
}

void DetachedThreadCheck::checkCreationInLoop(
    const Expr &Creation, StringRef What,
    const MatchFinder::MatchResult &Result) {
  for (const Stmt *Loop : enclosingLoops(Creation, *Result.Context)) {
    if (isBoundedLoop(*Loop))
      continue;
    // A thread joined in the same iteration does not accumulate.
    if (joinsThread(loopBody(*Loop)) ||
        admittedUnderLimit(Creation, *Loop, *Result.Context))
      return;
    diag(reportLocation(Creation.getBeginLoc(), *Result.SourceManager),
         "a new %0 is started on every iteration of a loop with no bound, so "
         "load "
         "creates threads without limit (thread per request) until the process "
         "runs out "
         "of memory or thread ids; hand the work to a bounded thread pool or "
         "queue")
        << What;
    return;
  }
}

// Whether the destructor of \p Owner waits for something (a condition
// variable's wait, a join): a pool that counts the threads it detaches and
// waits in its destructor until the count is zero (znc's CThreadPool) owns
// them after all.
static bool destructorWaits(const CXXRecordDecl *Owner) {
  const CXXDestructorDecl *Dtor = Owner ? Owner->getDestructor() : nullptr;
  const FunctionDecl *Def = Dtor ? Dtor->getDefinition() : nullptr;
  return Def && anyStmtIn(Def->getBody(), [](const Stmt &S) {
           const auto *Call = dyn_cast<CallExpr>(&S);
           const FunctionDecl *Callee =
               Call ? Call->getDirectCallee() : nullptr;
           return Callee && Callee->getIdentifier() &&
                  llvm::is_contained({"wait", "wait_for", "wait_until", "join"},
                                     Callee->getName());
         });
}

void DetachedThreadCheck::check(const MatchFinder::MatchResult &Result) {
  const SourceManager &SM = *Result.SourceManager;
  if (const auto *Detach =
          Result.Nodes.getNodeAs<CXXMemberCallExpr>("detach")) {
    if (destructorWaits(Result.Nodes.getNodeAs<CXXRecordDecl>("owner")))
      return;
    diag(reportLocation(Detach->getExprLoc(), SM),
         "'%0::detach' leaves the thread unowned, so it cannot be joined at "
         "shutdown "
         "and its in-flight work is lost or races with static destruction; "
         "keep the "
         "thread object and join it on shutdown (or use std::jthread or a "
         "thread pool)")
        << recordName(*Detach->getMethodDecl()->getParent());
    return;
  }
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("pcall")) {
    StringRef Name = Result.Nodes.getNodeAs<FunctionDecl>("pthread")->getName();
    if (Name == "pthread_create") {
      checkCreationInLoop(*Call, "POSIX thread", Result);
      return;
    }
    if (Name == "pthread_attr_setdetachstate") {
      // PTHREAD_CREATE_DETACHED (1 in glibc and musl).
      Expr::EvalResult Value;
      if (Call->getNumArgs() != 2 ||
          !Call->getArg(1)->EvaluateAsInt(Value, *Result.Context) ||
          Value.Val.getInt() != 1)
        return;
    }
    diag(reportLocation(Call->getBeginLoc(), SM),
         "'%0' makes the thread unjoinable, so it cannot be waited for at "
         "shutdown "
         "and its in-flight work is lost; keep threads joinable and join them "
         "on "
         "shutdown, or use a thread pool")
        << Name;
    return;
  }
  if (const auto *Construct =
          Result.Nodes.getNodeAs<CXXConstructExpr>("construct")) {
    if (Construct->getNumArgs() == 0)
      return;
    const auto *Class = Result.Nodes.getNodeAs<CXXRecordDecl>("class");
    // A local std::jthread joins when the iteration ends: no accumulation.
    if (Class->getName() == "jthread") {
      auto Parents = Result.Context->getParents(*Construct);
      while (!Parents.empty() && Parents[0].get<ExprWithCleanups>())
        Parents = Result.Context->getParents(Parents[0]);
      if (!Parents.empty() && Parents[0].get<VarDecl>())
        return;
    }
    checkCreationInLoop(*Construct, "'" + recordName(*Class) + "'", Result);
    return;
  }
  if (const auto *Emplace =
          Result.Nodes.getNodeAs<CXXMemberCallExpr>("emplace")) {
    const auto *Class = Result.Nodes.getNodeAs<CXXRecordDecl>("class");
    checkCreationInLoop(*Emplace, "'" + recordName(*Class) + "'", Result);
  }
}

} // namespace prodready
