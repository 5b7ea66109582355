//===--- CredentialUtils.h - what a credential literal looks like -*- C++
//-*-===//
//
// Classification of string VALUES (not names; see SecretUtils.h for names):
// well-known credential formats, Authorization headers, inline passwords in
// connection strings and URLs, placeholders, and redaction for messages.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_LIB_CHECKUTILS_CREDENTIALUTILS_H
#define PRODREADY_LIB_CHECKUTILS_CREDENTIALUTILS_H

#include "CheckUtils.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace prodready {

/// What may be shown of a secret: at most its first 4 characters (fewer for
/// short values: a quarter of its length) followed by a fixed mask, so
/// neither the value nor its length leaks. Non-printable characters end the
/// shown prefix.
std::string redactSecret(llvm::StringRef Value);

/// `<...>`, `${...}`, `$(...)`, `%...%`, `{{...}}`, masks such as `****` or
/// `xxxx`, stand-ins ("changeme", "secret", "password", "todo"), and
/// obviously fake values (containing "example", "placeholder", "dummy",
/// "sample", "fake", or starting with "your").
bool isPlaceholderValue(llvm::StringRef Value);

/// ALL_CAPS_WITH_UNDERSCORES: the name of an environment variable.
bool isEnvironmentVariableName(llvm::StringRef Value);

/// Whether \p Value is itself a secret NAME used as a stand-in or a key:
/// an identifier without digits matched by \p SecretName ("password",
/// "secret", "access_token", "X-Api-Key").
bool isSecretNameLiteral(llvm::StringRef Value, const OptionRegex &SecretName);

/// Whether \p Value, bound to something named like a secret, plausibly is the
/// secret itself rather than a label, key name, path, URL, format string or
/// message. \p Strict (for weak names such as `token`, `cookie` or
/// `session_id`) also requires a generated-looking token: at least 16
/// characters of letters, digits and `-._~+/=:`, with letters and digits. \p
/// SecretName is the secret-name regex: a value that is itself a secret NAME
/// ("password", "X-Auth-Token") is a key, not a credential.
bool isPlausibleSecretValue(llvm::StringRef Value, bool Strict,
                            const OptionRegex &SecretName);

/// The well-known credential format \p Text contains, as a phrase for
/// messages ("an AWS access key id", "a PEM private key", ...); empty if none.
llvm::StringRef knownCredentialFormat(llvm::StringRef Text);

/// Whether \p Text is an `Authorization:` / `Proxy-Authorization:` header,
/// or a bare `Bearer ...` / `Basic ...` value with a generated-looking token,
/// that carries a literal token. With \p HeaderContext (the value of a header
/// set under the key "Authorization") the other schemes count too (`Bot`,
/// `token`, `apikey`), and so does a raw key.
bool isAuthorizationWithToken(llvm::StringRef Text, bool HeaderContext = false);

/// Whether \p Value, passed as a signing or encryption key (`hs256{"..."}`,
/// `HMAC(md, "...", ...)`), is a key: any non-empty literal, even a stand-in
/// such as "secret" (it IS the key in use), but not a template or the name of
/// an environment variable.
bool isSigningKeyLiteral(llvm::StringRef Value);

/// Inline passwords: `password=...` / `pwd=...` in a connection string, or
/// `scheme://user:pass@host` in a URL.
enum class InlinePassword { None, ConnectionString, Url };
InlinePassword findInlinePassword(llvm::StringRef Text,
                                  const OptionRegex &SecretName);

} // namespace prodready

#endif // PRODREADY_LIB_CHECKUTILS_CREDENTIALUTILS_H
