//===--- SwallowedExceptionCheck.cpp - prodready --------------------------===//

#include "SwallowedExceptionCheck.h"
#include "CheckUtils.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace prodready {

SwallowedExceptionCheck::SwallowedExceptionCheck(StringRef Name,
                                                 tidy::ClangTidyContext *Context)
    : ProdReadyCheck(Name, Context),
      AllowedExceptionTypes(splitList(Options.get("AllowedExceptionTypes", ""))) {}

void SwallowedExceptionCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "AllowedExceptionTypes", joinList(AllowedExceptionTypes));
}

void SwallowedExceptionCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(
      cxxCatchStmt(unless(isExpansionInSystemHeader())).bind("catch"), this);
}

// Whether \p S does nothing that could record, report or translate the error:
// `;`, `continue;`, `break;`, a value-less `return;`, or a block of those.
static bool discardsError(const Stmt *S) {
  if (isa<NullStmt, ContinueStmt, BreakStmt>(S))
    return true;
  if (const auto *Return = dyn_cast<ReturnStmt>(S))
    return Return->getRetValue() == nullptr;
  if (const auto *Block = dyn_cast<CompoundStmt>(S))
    return llvm::all_of(Block->body(), discardsError);
  return false;
}

bool SwallowedExceptionCheck::isAllowedType(const CXXCatchStmt &Catch) const {
  if (AllowedExceptionTypes.empty())
    return false;
  QualType Caught = Catch.getCaughtType();
  if (Caught.isNull())
    return llvm::is_contained(AllowedExceptionTypes, "...");
  Caught = Caught.getNonReferenceType().getUnqualifiedType();
  if (const auto *Pointer = Caught->getAs<PointerType>())
    Caught = Pointer->getPointeeType().getUnqualifiedType();
  if (const auto *Record = Caught->getAsCXXRecordDecl())
    return matchesAnyName(qualifiedName(*Record), AllowedExceptionTypes);
  return llvm::is_contained(AllowedExceptionTypes, Caught.getAsString());
}

void SwallowedExceptionCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Catch = Result.Nodes.getNodeAs<CXXCatchStmt>("catch");
  const Stmt *Handler = Catch->getHandlerBlock();
  if (!Handler || !discardsError(Handler) || isAllowedType(*Catch))
    return;
  const SourceManager &SM = *Result.SourceManager;
  // A handler in a template is seen in the pattern and in every
  // instantiation (which may share its nodes); report it once.
  if (!Reported.insert(Catch->getCatchLoc()).second)
    return;
  std::string What = "exception";
  if (const VarDecl *Var = Catch->getExceptionDecl())
    What = "'" +
           Var->getType().getNonReferenceType().getCanonicalType().getUnqualifiedType()
               .getAsString(Result.Context->getPrintingPolicy()) +
           "'";
  else
    What = "every exception ('...')";
  diag(reportLocation(Catch->getCatchLoc(), SM),
       "%0 is caught and silently discarded, so the failure vanishes in "
       "production without a log, metric or error result; log it, rethrow it, "
       "or translate it into an error value")
      << What;
}

} // namespace prodready
