//===--- HardcodedSecretCheck.h - prodready ---------------------*- C++ -*-===//

#ifndef PRODREADY_CHECKS_HARDCODEDSECRETCHECK_H
#define PRODREADY_CHECKS_HARDCODEDSECRETCHECK_H

#include "SecretUtils.h"
#include "ProdReadyCheck.h"
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

private:
  // Lower is more specific; one finding per literal, the most specific wins.
  enum Priority { KnownFormat, CurlOption, AuthHeader, InlineSecret, Named };

  void consider(const clang::StringLiteral &Literal, Priority P,
                std::string Message, clang::ASTContext &Ctx);
  void checkNamed(llvm::StringRef Name, const clang::Expr *Value,
                  llvm::StringRef What, bool ForceStrict,
                  clang::ASTContext &Ctx, llvm::StringRef Where = "");
  void checkCall(const clang::Expr &Call, const clang::FunctionDecl *Callee,
                 llvm::ArrayRef<const clang::Expr *> Args,
                 clang::ASTContext &Ctx);
  void checkLiteral(const clang::StringLiteral &Literal,
                    clang::ASTContext &Ctx);
  bool isSecret(llvm::StringRef Name) const;

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
