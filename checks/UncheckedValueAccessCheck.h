//===--- UncheckedValueAccessCheck.h - prodready ----------------*- C++ -*-===//

#ifndef PRODREADY_CHECKS_UNCHECKEDVALUEACCESSCHECK_H
#define PRODREADY_CHECKS_UNCHECKEDVALUEACCESSCHECK_H

#include "ProdReadyCheck.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseSet.h"

namespace prodready {

/// Finds `.value()`, `operator*` and `operator->` on optional/expected/
/// StatusOr-like objects that no check dominates on every path: the C++ form
/// of Rust's unwrap(). Runs clang's dataflow framework per function: clang's
/// UncheckedOptionalAccessModel for std/absl/base/folly optional, and
/// prodready's ValueHolderModel for std::expected, tl::expected,
/// folly::Expected, absl::StatusOr and boost::optional.
///
/// For the user-facing documentation see docs/checks/unchecked-value-access.md.
class UncheckedValueAccessCheck : public ProdReadyCheck {
public:
  UncheckedValueAccessCheck(llvm::StringRef Name,
                            clang::tidy::ClangTidyContext *Context)
      : ProdReadyCheck(Name, Context) {}
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  bool isLanguageVersionSupported(
      const clang::LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }

private:
  llvm::DenseSet<unsigned> Reported;
};

} // namespace prodready

#endif // PRODREADY_CHECKS_UNCHECKEDVALUEACCESSCHECK_H
