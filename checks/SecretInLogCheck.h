//===--- SecretInLogCheck.h - prodready -------------------------*- C++ -*-===//

#ifndef PRODREADY_CHECKS_SECRETINLOGCHECK_H
#define PRODREADY_CHECKS_SECRETINLOGCHECK_H

#include "ProdReadyCheck.h"
#include "SecretUtils.h"
#include "clang-tidy/ClangTidyCheck.h"
#include <string>
#include <vector>

namespace prodready {

/// Finds a secret (a string-typed variable, parameter, field or getter whose
/// name says it is a password, token, key, ...) that reaches a log or console
/// sink, directly or through formatting, concatenation, streams, buffers and
/// local copies within the function. Reported at the sink argument, with
/// notes for the source and every propagation step (flow order).
///
/// For the user-facing documentation see docs/checks/secret-in-log.md.
class SecretInLogCheck : public ProdReadyCheck {
public:
  SecretInLogCheck(llvm::StringRef Name,
                   clang::tidy::ClangTidyContext *Context);
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  bool isLanguageVersionSupported(
      const clang::LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }

  // Read by the per-function analysis (SecretFlow, LogSinkFinder).
  SecretNameOptions SecretNames;
  const std::string SanitizerPattern;
  const std::vector<std::string> LogFunctions;
  OptionRegex Sanitizer;
};

} // namespace prodready

#endif // PRODREADY_CHECKS_SECRETINLOGCHECK_H
