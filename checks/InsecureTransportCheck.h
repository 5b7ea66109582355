//===--- InsecureTransportCheck.h - prodready -------------------*- C++ -*-===//

#ifndef PRODREADY_CHECKS_INSECURETRANSPORTCHECK_H
#define PRODREADY_CHECKS_INSECURETRANSPORTCHECK_H

#include "CheckUtils.h"
#include "ProdReadyCheck.h"
#include "TransportUtils.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <optional>
#include <string>
#include <vector>

namespace prodready {

/// Finds TLS peer verification switched off (libcurl VERIFYPEER/VERIFYHOST
/// set to 0, OpenSSL SSL_VERIFY_NONE, Asio verify_none, cpp-httplib
/// enable_server_certificate_verification(false)), OpenSSL client contexts
/// never asked to verify their peer, and literal http:// URLs given to
/// CURLOPT_URL or an HTTP client.
///
/// For the user-facing documentation see docs/checks/insecure-transport.md.
class InsecureTransportCheck : public ProdReadyCheck {
public:
  InsecureTransportCheck(llvm::StringRef Name,
                         clang::tidy::ClangTidyContext *Context);
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override;
  void onEndOfTranslationUnit() override;

private:
  enum class TlsRole { Unknown, Client, Server, Generic };

  void
  checkCurlSetopt(const clang::CallExpr &Call,
                  const clang::ast_matchers::MatchFinder::MatchResult &Result);
  void checkHttpUrl(const clang::Expr *Arg, llvm::StringRef Api,
                    const clang::SourceManager &SM);
  const clang::StringLiteral *plainHttpUrl(const clang::Expr *Arg) const;
  std::optional<clang::FixItHint>
  httpsFix(const clang::StringLiteral &Literal,
           const std::optional<UrlParts> &Url,
           const clang::SourceManager &SM) const;
  void reportHttpUrl(const clang::StringLiteral &Literal, llvm::StringRef Api,
                     const clang::SourceManager &SM);
  void checkCtxNew(const clang::CallExpr &Call, clang::ASTContext &Ctx);
  void reportCallersPassingVerifyNone(const clang::CXXMemberCallExpr &SetMode,
                                      const clang::ValueDecl *Target,
                                      clang::ASTContext &Ctx);
  bool onlyUsedLocally(const clang::ValueDecl *Target, clang::ASTContext &Ctx);
  /// With \p UseUnitEvidence, an object nothing is known about takes the
  /// role the unit shows (it only accepts, or only connects).
  TlsRole roleOf(const clang::ValueDecl *Object,
                 bool UseUnitEvidence = true) const;
  /// False if a finding was already reported at \p Loc (template
  /// instantiations repeat the pattern's code).
  bool firstAt(clang::SourceLocation Loc);

  const std::vector<std::string> HttpClientApis;
  const std::string AllowedHttpHostPattern;
  OptionRegex AllowedHttpHostRegex;

  // Per translation unit: OpenSSL and Asio findings depend on what the rest
  // of the unit does with the context, so they are decided at its end.
  struct CtxCreation {
    clang::SourceLocation Loc;
    const clang::ValueDecl *Target; // where the SSL_CTX* is stored
    TlsRole Role;
    std::string Method;
    bool Asio = false; // an asio::ssl::context, not an SSL_CTX*
  };
  struct VerifyNone {
    clang::SourceLocation Loc;
    std::string Message;
    const clang::ValueDecl *Object; // the context / SSL / stream, if known
    /// The mode argument as written, replaced by Verified in the fix-it.
    std::optional<clang::CharSourceRange> Mode;
    std::string Verified;
  };
  std::vector<CtxCreation> Creations;
  std::vector<VerifyNone> VerifyNones;
  llvm::DenseSet<const clang::ValueDecl *> VerifiedCtx, EscapedCtx;
  /// Contexts given their own certificate or private key.
  llvm::DenseSet<const clang::ValueDecl *> OwnCertificateCtx;
  // Role of a context by its method (TLS_client_method, tls_server, ...).
  llvm::DenseMap<const clang::ValueDecl *, TlsRole> CtxRoles;
  // SSL objects and Asio streams -> the context they were created from.
  llvm::DenseMap<const clang::ValueDecl *, const clang::ValueDecl *> ObjectCtx;
  // Objects (SSL, stream, context) seen accepting / connecting.
  llvm::DenseSet<const clang::ValueDecl *> ServerObjects, ClientObjects;
  // libcurl: CURLOPT_URL literals, judged at the end of the unit, and the
  // handles that talk over a Unix domain socket.
  struct CurlUrl {
    const clang::StringLiteral *Literal;
    const clang::ValueDecl *Handle;
  };
  std::vector<CurlUrl> CurlUrls;
  llvm::DenseSet<const clang::ValueDecl *> UnixSocketHandles;
  const clang::SourceManager *SM = nullptr;
  llvm::DenseSet<unsigned> Reported;
  bool AnyVerificationWithoutCtx = false;
  /// Some set_verify_mode(verify_peer) / set_verify_callback on an Asio
  /// context or stream in the unit: Asio client contexts are not judged.
  bool AsioVerificationSeen = false;
  bool ServerEvidence = false, ClientEvidence = false;
};

} // namespace prodready

#endif // PRODREADY_CHECKS_INSECURETRANSPORTCHECK_H
