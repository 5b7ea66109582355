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
  Finder->addMatcher(
      cxxMemberCallExpr(InProject, callee(cxxMethodDecl(hasName("detach"),
                                                        ofClass(ThreadClass))))
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

void DetachedThreadCheck::checkCreationInLoop(
    const Expr &Creation, StringRef What,
    const MatchFinder::MatchResult &Result) {
  for (const Stmt *Loop : enclosingLoops(Creation, *Result.Context)) {
    if (isBoundedLoop(*Loop))
      continue;
    // A thread joined in the same iteration does not accumulate.
    const Stmt *Body = nullptr;
    if (const auto *For = dyn_cast<ForStmt>(Loop))
      Body = For->getBody();
    else if (const auto *While = dyn_cast<WhileStmt>(Loop))
      Body = While->getBody();
    else if (const auto *Do = dyn_cast<DoStmt>(Loop))
      Body = Do->getBody();
    if (joinsThread(Body))
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

void DetachedThreadCheck::check(const MatchFinder::MatchResult &Result) {
  const SourceManager &SM = *Result.SourceManager;
  if (const auto *Detach =
          Result.Nodes.getNodeAs<CXXMemberCallExpr>("detach")) {
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
