//===--- ProdReadyCheck.h - the base of every prodready check ---*- C++ -*-===//
//
// What RULES.md asks of every rule, in one place:
//   - findings only in production code: never in generated, test or
//     vendored files (ProjectScope), nor anywhere in a unit that includes a
//     test framework;
//   - no finding from code that did not parse: not from a function whose
//     body holds recovery expressions or invalid declarations, nor from code
//     after the point where a fatal error (a missing header) stopped the
//     parse.
// A check derives from ProdReadyCheck instead of ClangTidyCheck and reports
// with diag() as usual; a finding out of scope is emitted at the "ignored"
// level, which drops it together with its notes.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_LIB_CHECKUTILS_PRODREADYCHECK_H
#define PRODREADY_LIB_CHECKUTILS_PRODREADYCHECK_H

#include "ProjectScope.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang/Basic/SourceLocation.h"
#include <memory>
#include <vector>

namespace prodready {

class ProdReadyCheck : public clang::tidy::ClangTidyCheck {
public:
  ProdReadyCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);

  /// Checks that need preprocessor callbacks of their own override this and
  /// call ProdReadyCheck::registerPPCallbacks first.
  void registerPPCallbacks(const clang::SourceManager &SM,
                           clang::Preprocessor *PP,
                           clang::Preprocessor *ModuleExpanderPP) override;

  /// As ClangTidyCheck::diag, but a finding outside the project's production
  /// code, or in code that did not parse, is dropped with its notes.
  clang::DiagnosticBuilder
  diag(clang::SourceLocation Loc, llvm::StringRef Description,
       clang::DiagnosticIDs::Level Level = clang::DiagnosticIDs::Warning);

  /// Whether a finding at \p Loc would be reported.
  bool inScope(clang::SourceLocation Loc);

  /// As inScope, without counting or recording anything: for what a check
  /// records besides findings (the driver's call summaries).
  bool wouldReport(clang::SourceLocation Loc);

private:
  void
  run(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  bool inScope(clang::SourceLocation Loc, bool Quiet);
  bool inParsedCode(clang::SourceLocation Loc);
  void collectBrokenFunctions();

  clang::tidy::ClangTidyContext *TidyContext;
  ScopeSettings Settings;
  std::string SourceRoot;
  // Per translation unit.
  std::unique_ptr<ProjectScope> Scope;
  std::string MainPath;
  const clang::SourceManager *Sources = nullptr;
  clang::Preprocessor *PP = nullptr;
  clang::ASTContext *AST = nullptr;
  std::shared_ptr<clang::SourceLocation> FatalPoint;
  std::shared_ptr<bool> UnitIncludesTestFramework;
  bool BrokenCollected = false;
  std::vector<clang::SourceRange> BrokenFunctions;
  bool ConfigurationReported = false;
};

} // namespace prodready

#endif // PRODREADY_LIB_CHECKUTILS_PRODREADYCHECK_H
