//===--- DetachedThreadCheck.h - prodready ----------------------*- C++ -*-===//

#ifndef PRODREADY_CHECKS_DETACHEDTHREADCHECK_H
#define PRODREADY_CHECKS_DETACHEDTHREADCHECK_H

#include "ProdReadyCheck.h"
#include "clang-tidy/ClangTidyCheck.h"

namespace prodready {

/// Finds threads that cannot be joined at shutdown (`std::thread::detach`,
/// `pthread_detach`, PTHREAD_CREATE_DETACHED) and threads started on every
/// iteration of a loop without a bound (thread per request).
///
/// For the user-facing documentation see docs/checks/detached-thread.md.
class DetachedThreadCheck : public ProdReadyCheck {
public:
  DetachedThreadCheck(llvm::StringRef Name,
                      clang::tidy::ClangTidyContext *Context)
      : ProdReadyCheck(Name, Context) {}
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  void checkCreationInLoop(
      const clang::Expr &Creation, llvm::StringRef What,
      const clang::ast_matchers::MatchFinder::MatchResult &Result);
};

} // namespace prodready

#endif // PRODREADY_CHECKS_DETACHEDTHREADCHECK_H
