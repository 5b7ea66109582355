//===--- UncheckedErrorCheck.h - prodready ----------------------*- C++ -*-===//

#ifndef PRODREADY_CHECKS_UNCHECKEDERRORCHECK_H
#define PRODREADY_CHECKS_UNCHECKEDERRORCHECK_H

#include "CheckUtils.h"
#include "ProdReadyCheck.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseSet.h"
#include <string>
#include <vector>

namespace prodready {

/// Finds errors that are produced and then dropped: discarded error-carrying
/// results and C/POSIX return codes, `error_code` out-parameters that are
/// never looked at, and Asio/Beast completion handlers that ignore their
/// error_code but still act on the result.
///
/// For the user-facing documentation see docs/checks/unchecked-error.md.
class UncheckedErrorCheck : public ProdReadyCheck {
public:
  UncheckedErrorCheck(llvm::StringRef Name,
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
  void checkDiscarded(const clang::Expr *E, clang::ASTContext &Ctx);
  void checkDiscardedAwait(const clang::CoawaitExpr &Await,
                           clang::ASTContext &Ctx);
  void checkOutParam(const clang::Expr *Call, const clang::VarDecl *Var,
                     clang::ASTContext &Ctx);
  void checkHandler(const clang::CallExpr *AsyncCall, clang::ASTContext &Ctx);
  bool isCheckedFunction(const clang::FunctionDecl &FD,
                         const clang::SourceManager &SM) const;
  bool isTeardownCall(const clang::FunctionDecl &FD,
                      const clang::CallExpr &Call, clang::ASTContext &Ctx);
  bool isSignalTimerWait(const clang::CallExpr &AsyncWait,
                         const clang::FunctionDecl *Handler,
                         clang::ASTContext &Ctx);
  /// Declarations (variables, members) that the unit fills from socket(),
  /// accept(), pipe() and the like, and timers that the unit sets to
  /// expire never or wakes with cancel_one(); computed once per unit.
  void collectUnitFacts(clang::ASTContext &Ctx);

  const std::vector<std::string> CheckedFunctions;
  const std::vector<std::string> IgnoredOutParamFunctions;
  const std::string ErrorTypePattern;
  const bool ReportVoidCasts;
  OptionRegex ErrorTypeRegex;
  /// Locations already reported (a template and its instantiations).
  llvm::DenseSet<unsigned> Reported;
  const clang::ASTContext *FactsFor = nullptr;
  llvm::DenseSet<const clang::Decl *> SocketLikeDecls;
  llvm::DenseSet<const clang::Decl *> SignalTimers;
  /// Descriptors written to in the unit (write/send/fsync..., or opened
  /// for writing): only their close can lose data.
  llvm::DenseSet<const clang::Decl *> WrittenDecls;
  /// Whether the unit opens a stdio stream, and whether it opens one that
  /// can be written or writes through one (the console aside).
  bool UnitOpensStreams = false;
  bool UnitWritesStreams = false;
};

} // namespace prodready

#endif // PRODREADY_CHECKS_UNCHECKEDERRORCHECK_H
