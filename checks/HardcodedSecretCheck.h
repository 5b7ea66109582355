//===--- HardcodedSecretCheck.h - prodready ---------------------*- C++ -*-===//

#ifndef PRODREADY_CHECKS_HARDCODEDSECRETCHECK_H
#define PRODREADY_CHECKS_HARDCODEDSECRETCHECK_H

#include "ProdReadyCheck.h"
#include "SecretUtils.h"
#include "clang-tidy/ClangTidyCheck.h"
#include <map>
#include <string>

namespace prodready {

/// Finds credentials written as string literals: bound to something named
/// like a secret, passed as a libcurl credential option, carried by an
/// Authorization header, inline in a connection string or URL, or in a
/// well-known credential format (AWS, GitHub, Slack, Google, Stripe, PEM,
/// JWT). Findings never repeat the secret. Skips test files.
///
/// For the user-facing documentation see docs/checks/hardcoded-secret.md.
class HardcodedSecretCheck : public ProdReadyCheck {
public:
  HardcodedSecretCheck(llvm::StringRef Name,
                       clang::tidy::ClangTidyContext *Context);
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;
  void registerPPCallbacks(const clang::SourceManager &SM,
                           clang::Preprocessor *PP,
                           clang::Preprocessor *ModuleExpanderPP) override;

  /// `#define API_KEY "..."`: a secret-named macro whose body is one string
  /// literal; reported at the literal in the definition.
  void checkMacroDefinition(llvm::StringRef Name, const clang::Token &Literal,
                            const clang::SourceManager &SM);

private:
  // Lower is more specific; one finding per literal, the most specific wins.
  enum Priority {
    KnownFormat,
    CurlOption,
    SigningKey,
    AuthHeader,
    InlineSecret,
    Named
  };

  void consider(const clang::StringLiteral &Literal, Priority P,
                std::string Message, clang::ASTContext &Ctx);
  void checkNamed(llvm::StringRef Name, const clang::Expr *Value,
                  llvm::StringRef What, bool ForceStrict,
                  clang::ASTContext &Ctx, llvm::StringRef Where = "");
  void checkCall(const clang::Expr &Call, const clang::FunctionDecl *Callee,
                 llvm::ArrayRef<const clang::Expr *> Args,
                 clang::ASTContext &Ctx);
  void checkAuthorizationValue(const clang::Expr *Value,
                               clang::ASTContext &Ctx);
  void checkSigningKey(const clang::FunctionDecl &Callee,
                       llvm::ArrayRef<const clang::Expr *> Args,
                       clang::ASTContext &Ctx);
  void checkLiteral(const clang::StringLiteral &Literal,
                    clang::ASTContext &Ctx);
  bool isSecret(llvm::StringRef Name) const;
  /// Whether \p Value, bound to the secret name \p Name, plausibly is the
  /// credential itself.
  bool isPlausibleFor(llvm::StringRef Name, llvm::StringRef Value,
                      bool ForceStrict) const;

  SecretNameOptions SecretNames;
  const std::string TestFilePattern;

  struct Candidate {
    clang::SourceLocation Loc;
    Priority P;
    std::string Message;
    clang::SourceLocation MacroLoc; // where a macro spells the literal
    std::string MacroName;
  };
  // Keyed by the literal's spelling location: a literal spelled once in a
  // macro and expanded many times is reported once.
  std::map<unsigned, Candidate> Candidates;
  const clang::SourceManager *SM = nullptr;
};

} // namespace prodready

#endif // PRODREADY_CHECKS_HARDCODEDSECRETCHECK_H
