//===--- ProcessExitCheck.h - prodready -------------------------*- C++ -*-===//

#ifndef PRODREADY_CHECKS_PROCESSEXITCHECK_H
#define PRODREADY_CHECKS_PROCESSEXITCHECK_H

#include "CheckUtils.h"
#include "ProdReadyCheck.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace prodready {

/// Finds `exit`, `_Exit`, `quick_exit`, `abort` and `std::terminate` called
/// outside `main` (and outside functions matching `AllowedFunctionRegex`) in
/// non-test code.
///
/// For the user-facing documentation see docs/checks/process-exit.md.
class ProcessExitCheck : public ProdReadyCheck {
public:
  ProcessExitCheck(llvm::StringRef Name,
                   clang::tidy::ClangTidyContext *Context);
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;
  bool isLanguageVersionSupported(
      const clang::LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }

private:
  /// Whether \p F is reached only from `main` in this unit: every caller is
  /// `main` or such a function, and its address is never taken.
  bool reachedOnlyFromMain(const clang::FunctionDecl &F,
                           clang::ASTContext &Ctx);
  void buildCallGraph(clang::ASTContext &Ctx);

  /// The unit's call graph, built on first need: callers of each function
  /// (a null caller is an initializer outside any function), and the
  /// functions whose address is taken.
  bool CallGraphBuilt = false;
  const clang::FunctionDecl *Main = nullptr;
  llvm::DenseMap<const clang::FunctionDecl *,
                 llvm::SmallPtrSet<const clang::FunctionDecl *, 2>>
      Callers;
  llvm::DenseSet<const clang::FunctionDecl *> AddressTaken;
  llvm::DenseMap<const clang::FunctionDecl *, bool> OnlyFromMain;

  /// Exit calls written in the body of a project macro, reported once per
  /// macro at the end of the unit: keyed by the call's spelling location.
  struct MacroExit {
    clang::SourceLocation Spelling;
    std::string Macro, Callee, FirstCaller;
    unsigned Expansions = 0;
    bool InMainFile = false;
  };
  llvm::MapVector<unsigned, MacroExit> MacroExits;

  const std::string AllowedFunctionPattern;
  const std::string TestFilePattern;
  OptionRegex AllowedFunctionRegex;
};

} // namespace prodready

#endif // PRODREADY_CHECKS_PROCESSEXITCHECK_H
