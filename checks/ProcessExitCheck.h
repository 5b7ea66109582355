//===--- ProcessExitCheck.h - prodready -------------------------*- C++ -*-===//

#ifndef PRODREADY_CHECKS_PROCESSEXITCHECK_H
#define PRODREADY_CHECKS_PROCESSEXITCHECK_H

#include "CheckUtils.h"
#include "ProdReadyCheck.h"
#include "clang-tidy/ClangTidyCheck.h"

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
  bool isLanguageVersionSupported(
      const clang::LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }

private:
  const std::string AllowedFunctionPattern;
  const std::string TestFilePattern;
  OptionRegex AllowedFunctionRegex;
};

} // namespace prodready

#endif // PRODREADY_CHECKS_PROCESSEXITCHECK_H
