//===--- SecretUtils.h - secret-name classification -------------*- C++ -*-===//
//
// Shared by the security checks (secret-in-log, hardcoded-secret,
// insecure-transport): which identifiers name a secret, and which types can
// carry one.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_LIB_CHECKUTILS_SECRETUTILS_H
#define PRODREADY_LIB_CHECKUTILS_SECRETUTILS_H

#include "CheckUtils.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang/AST/Type.h"
#include "llvm/ADT/StringRef.h"

namespace prodready {

/// Default of the `SecretNameRegex` option (matched case-insensitively).
inline constexpr llvm::StringLiteral DefaultSecretNameRegex =
    "pass(word|wd|phrase)?|pwd|secret|token|api_?key|apikey|access_?key|"
    "private_?key|credential|bearer|jwt|auth_?(header|token)|"
    "session_?(id|key)|cookie|client_?secret";

/// Default of the `SecretNameExcludeRegex` option (matched
/// case-insensitively). RULES.md's list, plus words found on real code that
/// contain a secret word without naming a secret (tokenizer, bypass,
/// passthrough, ...), a bare `pwd`, which in real code is far more often
/// the working directory (FTP/shell PWD) than a password, and metadata about
/// a secret (token_base, token_host, secrets_dir, API_TOKEN_ENV_VAR,
/// key_id, token_error, password_message, ...), and the stop list of names
/// that contain a secret word without being a credential (RULES.md
/// revisions 2026-12-01): pagination and continuation tokens
/// (`next_page_token`, `continuation_token`, `nextToken`, `cursor`), CSRF
/// and OAuth state, nonces, cancellation/stop/resume/sync tokens, and token
/// counts and budgets (`tokens_used`, `max_tokens`, `completion_tokens`).
inline constexpr llvm::StringLiteral DefaultSecretNameExcludeRegex =
    "(count|len|length|size|num|max|min|limit|index|idx|type|kind|expir|ttl|"
    "timeout|file|path|prompt|field|name|hash|policy|hint|enabled|required|"
    "valid|^is_|^has_|url|endpoint|header_name|"
    "tokeni[sz]|detoken|bypass|passthr|pass_?through|passive|passe[ds]|"
    "passenger|compass|surpass|passage|^_?pwd_?$|old_?pwd|cwd|base$|host|"
    "domain|realm|scope|audience|issuer|dir$|directory|env_?var|env_?name|"
    "(token|key|secret|credential)_?ids?$|label|format|status|error|msg|"
    "message|"
    "page_?token|next_?token|continuation|pagination|cursor|csrf|xsrf|nonce|"
    "oauth_?state|cancel|stop_?token|resume_?token|sync_?token|tokens?_?used|"
    "usage|remaining|budget|(prompt|completion|input|output|total)_?tokens)";

/// Whether \p Name (an identifier: variable, parameter, field, function) names
/// a secret: \p Include matches it and \p Exclude does not. Both regexes are
/// expected to be case-insensitive (construct them with IgnoreCase = true).
/// A leading `get`/`Get` of a getter is irrelevant to the result.
bool isSecretName(llvm::StringRef Name, const OptionRegex &Include,
                  const OptionRegex &Exclude);

/// The `SecretNameRegex` and `SecretNameExcludeRegex` options, read,
/// stored and compiled (case-insensitively) alike by every check that
/// recognises secrets by name.
class SecretNameOptions {
public:
  SecretNameOptions(clang::tidy::ClangTidyCheck &Check,
                    clang::tidy::ClangTidyCheck::OptionsView &Options);
  void store(clang::tidy::ClangTidyCheck::OptionsView &Options,
             clang::tidy::ClangTidyOptions::OptionMap &Opts) const;
  /// Whether \p Name names a secret, as isSecretName().
  bool isSecret(llvm::StringRef Name) const {
    return isSecretName(Name, Include, Exclude);
  }
  /// The `SecretNameRegex` alone.
  const OptionRegex &include() const { return Include; }
  /// Whether `SecretNameExcludeRegex` matches \p Name: the name says what
  /// the value is, and it is no credential (`token_path`, `next_page_token`).
  bool isExcluded(llvm::StringRef Name) const { return Exclude.match(Name); }

private:
  const std::string IncludePattern;
  const std::string ExcludePattern;
  OptionRegex Include;
  OptionRegex Exclude;
};

/// The label a secret is announced with at the end of \p Text, the literal
/// text a log call writes right before a value: `"PASSWORD: "`,
/// `"password="`, `"token: '"`, `"JWT="`. Returns the label as written
/// (`PASSWORD`), or an empty string when \p Text does not end in one, the
/// label's words are excluded by \p Names (`"CSRF token: "`,
/// `"next token="`), or the prose says the value is not the secret
/// (`"invalid password: "`, `"wrong token for user: "`).
llvm::StringRef secretLabelAtEnd(llvm::StringRef Text,
                                 const SecretNameOptions &Names);

/// Whether \p T can carry a secret as text: std::string / std::string_view
/// (any basic_string*), `char *` / `const char *`, char arrays, QString /
/// QByteArray, absl::string_view / absl::Cord, boost string types, or any
/// class with a `c_str()` member; references, cv-qualifiers and
/// std::optional of those included. Integers, booleans, enums never count.
bool isStringLikeType(clang::QualType T);

} // namespace prodready

#endif // PRODREADY_LIB_CHECKUTILS_SECRETUTILS_H
