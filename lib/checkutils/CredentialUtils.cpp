//===--- CredentialUtils.cpp - what a credential literal looks like -------===//

#include "CredentialUtils.h"
#include "TransportUtils.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Base64.h"
#include "llvm/Support/Regex.h"
#include <algorithm>
#include <bitset>
#include <vector>

namespace prodready {

std::string redactSecret(llvm::StringRef Value) {
  size_t Shown = std::min<size_t>(4, Value.size() / 4);
  std::string Result;
  for (char C : Value.take_front(Shown)) {
    if (!llvm::isPrint(C))
      break;
    Result += C;
  }
  return Result + "****";
}

bool isPlaceholderValue(llvm::StringRef Value) {
  llvm::StringRef V = Value.trim();
  if (V.empty())
    return true;
  if ((V.starts_with("<") && V.ends_with(">")) ||
      (V.starts_with("${") && V.ends_with("}")) ||
      (V.starts_with("$(") && V.ends_with(")")) ||
      (V.size() >= 3 && V.starts_with("%") && V.ends_with("%")) ||
      (V.starts_with("{{") && V.ends_with("}}")))
    return true;
  // Masks: ****, xxxx, XXXX-XXXX, ..., ####.
  if (llvm::all_of(
          V, [](char C) { return llvm::StringRef("*xX.#?-_ ").contains(C); }))
    return true;
  std::string Lower = V.lower();
  llvm::StringRef L(Lower);
  for (llvm::StringRef Fake :
       {"example", "placeholder", "dummy", "sample", "fake", "redacted"})
    if (L.contains(Fake))
      return true;
  for (llvm::StringRef Stand :
       {"changeme", "change_me", "change-me", "changeit", "secret", "password",
        "passwd", "todo", "tbd", "none", "null", "xxx",
        // Settings, not secrets: a header such as
        // Access-Control-Allow-Credentials: true.
        "true", "false", "yes", "no", "on", "off", "enabled", "disabled",
        "required", "optional"})
    if (L == Stand)
      return true;
  // A command-line option spelled out (`#define CRYPT_ASK_PASS
  // "--ask-pass"`, znc) names a flag, not a secret.
  if (L.starts_with("-") && L.size() > 2 &&
      llvm::all_of(L.ltrim('-'), [](char C) {
        return llvm::isLower(C) || llvm::isDigit(C) || C == '-';
      }))
    return true;
  return L.starts_with("your") || L.starts_with("insert") ||
         L.starts_with("replace") || L.starts_with("enter");
}

bool isEnvironmentVariableName(llvm::StringRef Value) {
  if (Value.empty() || !llvm::isUpper(Value.front()) || !Value.contains('_'))
    return false;
  return llvm::all_of(Value, [](char C) {
    return llvm::isUpper(C) || llvm::isDigit(C) || C == '_';
  });
}

static bool isIdentifierLike(llvm::StringRef V) {
  return !V.empty() && llvm::isAlpha(V.front()) && llvm::all_of(V, [](char C) {
    return llvm::isAlnum(C) || C == '_' || C == '-' || C == '.';
  });
}

static bool hasFormatDirective(llvm::StringRef V) {
  for (size_t I = V.find('%'); I != llvm::StringRef::npos;
       I = V.find('%', I + 1)) {
    llvm::StringRef Rest = V.drop_front(I + 1).ltrim("-+ #0123456789.*hlLqjzt");
    if (!Rest.empty() &&
        llvm::StringRef("sdiuxXcpfgeaoS@").contains(Rest.front()))
      return true;
  }
  return V.contains("{}") || V.contains("{0}") || V.contains("{:");
}

static bool looksLikePathOrUrl(llvm::StringRef V) {
  if (V.starts_with("/") || V.starts_with("./") || V.starts_with("../") ||
      V.starts_with("~/") || V.contains("://") || V.contains('\\'))
    return true;
  for (llvm::StringRef Ext : {".pem", ".key", ".crt", ".cer", ".p12", ".pfx",
                              ".txt", ".json", ".yaml", ".yml", ".ini", ".conf",
                              ".cfg", ".env", ".jks", ".der", ".gpg", ".asc"})
    if (V.ends_with_insensitive(Ext))
      return true;
  return false;
}

bool isSecretNameLiteral(llvm::StringRef Value, const OptionRegex &SecretName) {
  // Digits make "password123" or "k3y-pass" a credential, unless the value
  // is made of words like a key name: "oauth2_access_token" (found in
  // cpprestsdk), "api_key_v2" -- each part a word, at most one digit after it.
  if (!isIdentifierLike(Value))
    return false;
  if (llvm::any_of(Value, llvm::isDigit)) {
    std::string Words = Value.str();
    std::replace(Words.begin(), Words.end(), '-', '_');
    std::replace(Words.begin(), Words.end(), '.', '_');
    llvm::SmallVector<llvm::StringRef, 4> Parts;
    llvm::StringRef(Words).split(Parts, '_', -1, /*KeepEmpty=*/false);
    if (Parts.size() < 2)
      return false;
    for (llvm::StringRef Part : Parts) {
      llvm::StringRef Letters = Part.rtrim("0123456789");
      if (Letters.empty() || Part.size() - Letters.size() > 1 ||
          !llvm::all_of(Letters, llvm::isAlpha))
        return false;
    }
  }
  std::string Normalised = Value.str();
  std::replace(Normalised.begin(), Normalised.end(), '-', '_');
  return SecretName.match(Normalised);
}

bool isPlausibleSecretValue(llvm::StringRef Value, bool Strict,
                            const OptionRegex &SecretName) {
  if (Value.size() < 4 || isPlaceholderValue(Value) ||
      isEnvironmentVariableName(Value))
    return false;
  if (llvm::any_of(
          Value, [](char C) { return llvm::isSpace(C) || !llvm::isPrint(C); }))
    return false;
  if (!llvm::any_of(Value, llvm::isAlnum) || hasFormatDirective(Value) ||
      looksLikePathOrUrl(Value))
    return false;
  // "password", "access_token", "X-Auth-Token": a key or header name.
  if (isSecretNameLiteral(Value, SecretName))
    return false;
  if (!Strict)
    return true;
  // A generated token: long, letters and digits, token characters only
  // ("100-continue" for an HTTP header token parameter is not one).
  return Value.size() >= 16 && llvm::any_of(Value, llvm::isAlpha) &&
         llvm::any_of(Value, llvm::isDigit) && llvm::all_of(Value, [](char C) {
           return llvm::isAlnum(C) || llvm::StringRef("-._~+/=:").contains(C);
         });
}

namespace {
struct KnownFormat {
  const char *Needle; // cheap substring prefilter
  const char *Pattern;
  const char *Phrase;
};
} // namespace

static const KnownFormat KnownFormats[] = {
    {"AKIA", "(^|[^A-Z0-9])AKIA[A-Z0-9]{16}([^A-Z0-9]|$)",
     "an AWS access key id"},
    {"ASIA", "(^|[^A-Z0-9])ASIA[A-Z0-9]{16}([^A-Z0-9]|$)",
     "an AWS temporary access key id"},
    {"gh", "(^|[^A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36,}", "a GitHub token"},
    {"github_pat_", "github_pat_[A-Za-z0-9_]{40,}", "a GitHub token"},
    {"xox", "(^|[^A-Za-z0-9])xox[abprs]-[A-Za-z0-9]+-[A-Za-z0-9-]{8,}",
     "a Slack token"},
    {"AIza", "AIza[0-9A-Za-z_-]{35}", "a Google API key"},
    {"_live_", "(^|[^A-Za-z0-9])(sk|rk)_live_[0-9A-Za-z]{16,}",
     "a Stripe live key"},
    {"eyJ",
     "(^|[^A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\."
     "[A-Za-z0-9_-]+",
     "a JSON Web Token"},
};

// "-----BEGIN [RSA |EC |OPENSSH |ENCRYPTED ]PRIVATE KEY-----" followed by key
// material (a parser looking for the header alone is not a secret).
static bool containsPemPrivateKey(llvm::StringRef Text) {
  static const llvm::Regex Header("-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY-----");
  llvm::SmallVector<llvm::StringRef, 2> Match;
  if (!Text.contains("PRIVATE KEY-----") || !Header.match(Text, &Match))
    return false;
  llvm::StringRef Body = Text.drop_front(Text.find(Match[0]) + Match[0].size());
  Body = Body.take_front(Body.find("-----END"));
  unsigned Base64 = 0;
  std::bitset<128> Distinct;
  for (llvm::StringRef Line : llvm::split(Body, '\n')) {
    if (Line.contains(':')) // Proc-Type:, DEK-Info: headers
      continue;
    for (char C : Line)
      if (llvm::isAlnum(C) || C == '+' || C == '/' || C == '=') {
        ++Base64;
        Distinct.set(static_cast<unsigned char>(C));
      }
  }
  // Key material, not a template such as "XXXX...XXXX".
  return Base64 >= 40 && Distinct.count() >= 16;
}

llvm::StringRef knownCredentialFormat(llvm::StringRef Text) {
  if (containsPemPrivateKey(Text))
    return "a PEM private key";
  static const std::vector<llvm::Regex> Compiled = [] {
    std::vector<llvm::Regex> Result;
    for (const KnownFormat &F : KnownFormats)
      Result.emplace_back(F.Pattern);
    return Result;
  }();
  for (size_t I = 0; I < std::size(KnownFormats); ++I) {
    const KnownFormat &F = KnownFormats[I];
    if (!Text.contains(F.Needle))
      continue;
    llvm::SmallVector<llvm::StringRef, 2> Match;
    if (!Compiled[I].match(Text, &Match))
      continue;
    // Documentation keys: AKIAIOSFODNN7EXAMPLE and friends.
    if (Match[0].contains("EXAMPLE") || Match[0].contains("example"))
      continue;
    return F.Phrase;
  }
  return {};
}

static bool isTokenValue(llvm::StringRef Token) {
  Token = Token.trim().rtrim("\r\n\"'");
  if (Token.size() < 8 || isPlaceholderValue(Token) ||
      hasFormatDirective(Token) || isEnvironmentVariableName(Token))
    return false;
  // "username:", "token." -- a word of prose, not a token.
  if (llvm::StringRef(":.").contains(Token.back()))
    return false;
  return llvm::all_of(Token, [](char C) {
    return llvm::isAlnum(C) || llvm::StringRef("-._~+/=:").contains(C);
  });
}

// A token that looks generated: digits, or both letter cases
// (base64 credentials), not a word.
static bool looksGenerated(llvm::StringRef Token) {
  return llvm::any_of(Token, llvm::isDigit) ||
         (llvm::any_of(Token, llvm::isUpper) &&
          llvm::any_of(Token, llvm::isLower) && !llvm::isUpper(Token.front()));
}

// Whether \p Token is the base64 of a `user:password` pair (HTTP Basic),
// however short: "YmVuOjEyMzQ=" is ben:1234.
static bool isBasicCredential(llvm::StringRef Token) {
  std::vector<char> Decoded;
  if (llvm::Error E = llvm::decodeBase64(Token.trim(), Decoded)) {
    llvm::consumeError(std::move(E));
    return false;
  }
  llvm::StringRef Pair(Decoded.data(), Decoded.size());
  auto [User, Password] = Pair.split(':');
  return !User.empty() && !Password.empty() && Pair.contains(':') &&
         llvm::all_of(Pair, [](char C) { return llvm::isPrint(C); });
}

bool isAuthorizationWithToken(llvm::StringRef Text, bool HeaderContext) {
  llvm::StringRef T = Text.trim();
  bool Header = HeaderContext;
  if (T.starts_with_insensitive("proxy-authorization:")) {
    T = T.drop_front(20).trim();
    Header = true;
  } else if (T.starts_with_insensitive("authorization:")) {
    T = T.drop_front(14).trim();
    Header = true;
  }
  auto [Scheme, Rest] = T.split(' ');
  Rest = Rest.trim();
  // Without header context only the two schemes that cannot be prose
  // ("Bearer <token>", "Basic <base64>") say that this is a credential;
  // "Bot username: " or "token expired" are words.
  bool BareScheme = Scheme == "Bearer" || Scheme == "Basic";
  bool KnownScheme = Scheme.equals_insensitive("bearer") ||
                     Scheme.equals_insensitive("basic") ||
                     Scheme.equals_insensitive("token") ||
                     Scheme.equals_insensitive("bot") ||
                     Scheme.equals_insensitive("apikey");
  if (KnownScheme && (Header || BareScheme))
    return !Rest.contains(' ') && isTokenValue(Rest) &&
           (Header || looksGenerated(Rest) ||
            (Scheme == "Basic" && isBasicCredential(Rest)));
  // "Authorization: <raw api key>"
  return Header && Rest.empty() && isTokenValue(Scheme) &&
         llvm::any_of(Scheme, llvm::isDigit);
}

bool isSigningKeyLiteral(llvm::StringRef Value) {
  llvm::StringRef V = Value.trim();
  if (V.empty() || isEnvironmentVariableName(V))
    return false;
  // Templates filled in at run time are not keys.
  return !((V.starts_with("<") && V.ends_with(">")) ||
           (V.starts_with("${") && V.ends_with("}")) ||
           (V.starts_with("{{") && V.ends_with("}}")) || hasFormatDirective(V));
}

InlinePassword findInlinePassword(llvm::StringRef Text,
                                  const OptionRegex &SecretName) {
  auto IsRealPassword = [&](llvm::StringRef Password) {
    if (Password.empty() || isPlaceholderValue(Password) ||
        hasFormatDirective(Password) || isEnvironmentVariableName(Password) ||
        llvm::StringRef("?:$@{").contains(Password.front()))
      return false;
    // "user:password@host", "password=PASSWORD": a template, not a secret.
    return !isSecretNameLiteral(Password, SecretName);
  };

  // Connection strings: "host=db user=app password=s3cret",
  // "Server=db;Uid=app;Pwd=s3cret;", "...?user=app&password=s3cret".
  std::string Lower = Text.lower();
  llvm::StringRef L(Lower);
  for (llvm::StringRef Key : {"password", "passwd", "pwd"}) {
    for (size_t I = L.find(Key); I != llvm::StringRef::npos;
         I = L.find(Key, I + 1)) {
      if (I > 0 && !llvm::StringRef(" \t;?&,\"'").contains(L[I - 1]))
        continue;
      llvm::StringRef After = Text.drop_front(I + Key.size()).ltrim(' ');
      if (!After.consume_front("="))
        continue;
      After = After.ltrim(' ');
      llvm::StringRef Value;
      if (After.consume_front("'"))
        Value = After.take_until([](char C) { return C == '\''; });
      else
        Value = After.take_until(
            [](char C) { return llvm::StringRef(";& \t\"',)\n").contains(C); });
      if (IsRealPassword(Value))
        return InlinePassword::ConnectionString;
    }
  }

  // URLs: "postgres://app:s3cret@db/x", "amqp://guest:guest@mq".
  for (size_t I = Text.find("://"); I != llvm::StringRef::npos;
       I = Text.find("://", I + 3)) {
    size_t Start = I;
    while (Start > 0 && (llvm::isAlnum(Text[Start - 1]) ||
                         llvm::StringRef("+-.").contains(Text[Start - 1])))
      --Start;
    std::optional<UrlParts> Url = parseUrl(Text.drop_front(Start));
    if (!Url || !Url->HasUserInfo)
      continue;
    auto [User, Password] = Url->UserInfo.split(':');
    if (Url->UserInfo.contains(':') && IsRealPassword(Password))
      return InlinePassword::Url;
  }
  return InlinePassword::None;
}

} // namespace prodready
