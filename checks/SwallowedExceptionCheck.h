//===--- SwallowedExceptionCheck.h - prodready ------------------*- C++ -*-===//

#ifndef PRODREADY_CHECKS_SWALLOWEDEXCEPTIONCHECK_H
#define PRODREADY_CHECKS_SWALLOWEDEXCEPTIONCHECK_H

#include "ProdReadyCheck.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseSet.h"
#include <string>
#include <vector>

namespace prodready {

/// Finds `catch` handlers that make an error disappear: an empty body, or one
/// holding only `;`, `continue;`, `break;` or a bare `return;`.
///
/// For the user-facing documentation see docs/checks/swallowed-exception.md.
class SwallowedExceptionCheck : public ProdReadyCheck {
public:
  SwallowedExceptionCheck(llvm::StringRef Name,
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
  bool isAllowedType(const clang::CXXCatchStmt &Catch) const;

  const std::vector<std::string> AllowedExceptionTypes;
  llvm::DenseSet<clang::SourceLocation> Reported;
};

} // namespace prodready

#endif // PRODREADY_CHECKS_SWALLOWEDEXCEPTIONCHECK_H
