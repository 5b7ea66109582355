//===--- ProcessExitCheck.cpp - prodready ---------------------------------===//

#include "ProcessExitCheck.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace prodready {

ProcessExitCheck::ProcessExitCheck(StringRef Name,
                                   tidy::ClangTidyContext *Context)
    : ProdReadyCheck(Name, Context),
      AllowedFunctionPattern(Options.get("AllowedFunctionRegex", "")),
      TestFilePattern(Options.get("TestFileRegex", DefaultTestFilePattern)),
      AllowedFunctionRegex(*this, "AllowedFunctionRegex",
                           AllowedFunctionPattern) {}

void ProcessExitCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "AllowedFunctionRegex", AllowedFunctionPattern);
  Options.store(Opts, "TestFileRegex", TestFilePattern);
}

void ProcessExitCheck::registerMatchers(MatchFinder *Finder) {
  // The C functions are matched in the global namespace and in std (<cstdlib>
  // re-declares them there with using-declarations, which resolve to the same
  // declaration).
  auto ExitFunction = functionDecl(hasAnyName(
      "::exit", "::_Exit", "::quick_exit", "::abort", "::std::exit",
      "::std::_Exit", "::std::quick_exit", "::std::abort", "::std::terminate"));
  Finder->addMatcher(callExpr(callee(ExitFunction.bind("callee")),
                              unless(isInTemplateInstantiation()),
                              optionally(forCallable(decl().bind("caller"))))
                         .bind("call"),
                     this);
}

// The function a user would recognise as the caller: for a lambda, the
// function that contains it (a lambda in main is part of main).
static const FunctionDecl *enclosingNamedFunction(const Decl *D) {
  const auto *FD = dyn_cast_or_null<FunctionDecl>(D);
  while (FD) {
    const auto *Method = dyn_cast<CXXMethodDecl>(FD);
    if (!Method || !Method->getParent()->isLambda())
      return FD;
    FD = dyn_cast_or_null<FunctionDecl>(
        Method->getParent()->getParentFunctionOrMethod());
  }
  return FD;
}

void ProcessExitCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  const auto *Callee = Result.Nodes.getNodeAs<FunctionDecl>("callee");
  const SourceManager &SM = *Result.SourceManager;
  SourceLocation Loc = reportLocation(Call->getBeginLoc(), SM);
  if (SM.isInSystemHeader(Loc))
    return;
  const FunctionDecl *Caller =
      enclosingNamedFunction(Result.Nodes.getNodeAs<Decl>("caller"));
  if (Caller) {
    if (Caller->isMain())
      return;
    if (!AllowedFunctionRegex.empty() &&
        (AllowedFunctionRegex.match(qualifiedName(*Caller)) ||
         AllowedFunctionRegex.match(Caller->getNameAsString())))
      return;
  }
  std::string Where = Caller ? "'" + qualifiedName(*Caller) + "'"
                             : std::string("this initializer");
  diag(Loc, "'%0' called in %1 kills the process without unwinding, so "
            "in-flight requests, buffered logs and resources are lost and the "
            "caller cannot report or recover; return or throw an error and let "
            "main decide how to exit")
      << qualifiedName(*Callee) << Where;
}

} // namespace prodready
