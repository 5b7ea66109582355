//===--- PollingLoopCheck.h - prodready -------------------------*- C++ -*-===//

#ifndef PRODREADY_CHECKS_POLLINGLOOPCHECK_H
#define PRODREADY_CHECKS_POLLINGLOOPCHECK_H

#include "LoopClassification.h"
#include "ProdReadyCheck.h"
#include "clang-tidy/ClangTidyCheck.h"

namespace prodready {

/// Finds loops that wait for a state change by sleeping and re-checking a
/// flag, atomic, member or call result the loop itself does not change.
///
/// For the user-facing documentation see docs/checks/polling-loop.md.
class PollingLoopCheck : public ProdReadyCheck {
public:
  PollingLoopCheck(llvm::StringRef Name,
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

#endif // PRODREADY_CHECKS_POLLINGLOOPCHECK_H
