//===--- RetryWithoutBackoffCheck.h - prodready -----------------*- C++ -*-===//

#ifndef PRODREADY_CHECKS_RETRYWITHOUTBACKOFFCHECK_H
#define PRODREADY_CHECKS_RETRYWITHOUTBACKOFFCHECK_H

#include "LoopClassification.h"
#include "ProdReadyCheck.h"
#include "clang-tidy/ClangTidyCheck.h"

namespace prodready {

/// Finds retry loops (the loop exits when an operation succeeds) that have no
/// attempt bound, sleep a loop-invariant duration, or do not sleep at all
/// between attempts of a remote call.
///
/// For the user-facing documentation see docs/checks/retry-without-backoff.md.
class RetryWithoutBackoffCheck : public ProdReadyCheck {
public:
  RetryWithoutBackoffCheck(llvm::StringRef Name,
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
  LoopConfig Config;
};

} // namespace prodready

#endif // PRODREADY_CHECKS_RETRYWITHOUTBACKOFFCHECK_H
