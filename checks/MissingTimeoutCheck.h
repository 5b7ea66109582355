//===--- MissingTimeoutCheck.h - prodready ----------------------*- C++ -*-===//

#ifndef PRODREADY_CHECKS_MISSINGTIMEOUTCHECK_H
#define PRODREADY_CHECKS_MISSINGTIMEOUTCHECK_H

#include "ProdReadyCheck.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseSet.h"
#include <optional>
#include <string>
#include <vector>

namespace prodready {

/// Finds remote calls that can block forever: curl_easy_perform on a handle
/// without a transfer timeout, gRPC stub calls on a ClientContext without a
/// deadline, cpp-httplib clients whose timeouts are set to 0, synchronous
/// Asio network operations, and (with ReportUnboundedWaits) unbounded
/// future/condition-variable waits.
///
/// For the user-facing documentation see docs/checks/missing-timeout.md.
class MissingTimeoutCheck : public ProdReadyCheck {
public:
  MissingTimeoutCheck(llvm::StringRef Name,
                      clang::tidy::ClangTidyContext *Context);
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  struct Pending {
    const clang::CallExpr *Call;
    const clang::ValueDecl *Handle;
    const clang::Stmt *Body;
    bool IsGrpc;
    std::string Callee;
  };
  void checkCurlSetopt(const clang::CallExpr &Call,
                       const clang::SourceManager &SM);
  void checkHttplib(const clang::CXXMemberCallExpr &Call,
                    const clang::SourceManager &SM, clang::ASTContext &Ctx);
  void checkAsioSync(const clang::CallExpr &Call,
                     const clang::FunctionDecl &Callee,
                     const clang::SourceManager &SM);
  bool hasDeadlineBefore(const clang::ValueDecl &Holder,
                         const clang::CallExpr &Call, clang::ASTContext &Ctx);
  void checkUnboundedWait(const clang::CallExpr &Call,
                          const clang::FunctionDecl &Callee,
                          const clang::SourceManager &SM,
                          clang::ASTContext &Ctx);

  /// The fix-its: a transfer timeout inserted before the perform, a
  /// deadline set right after the ClientContext's declaration.
  std::optional<clang::FixItHint>
  curlTimeoutFix(const clang::CallExpr &Perform,
                 const clang::ValueDecl &Handle);
  std::optional<clang::FixItHint>
  grpcDeadlineFix(const clang::ValueDecl &Holder);

  const bool ReportUnboundedWaits;
  /// The values the fix-its write (milliseconds).
  const unsigned DefaultTimeoutMs, DefaultDeadlineMs;
  /// Insertion points already given a fix-it in this unit.
  llvm::DenseSet<unsigned> TimeoutFixes;
  struct InsertedTimeout {
    const clang::ValueDecl *Handle;
    const clang::Stmt *Block;
    clang::SourceLocation At;
  };
  std::vector<InsertedTimeout> InsertedTimeouts;
  std::vector<std::string> AsioSyncOperations;
  std::vector<std::string> UnboundedWaits;
  clang::ASTContext *Ctx = nullptr;
  std::vector<Pending> PendingCalls;
  /// Members and globals of the unit whose Beast stream gets a deadline
  /// somewhere (computed on first need).
  std::optional<llvm::DenseSet<const clang::Decl *>> ExpiringStreams;
};

} // namespace prodready

#endif // PRODREADY_CHECKS_MISSINGTIMEOUTCHECK_H
