//===--- HardcodedSecretCheck.cpp - prodready -----------------------------===//

#include "HardcodedSecretCheck.h"
#include "CredentialUtils.h"
#include "CurlUtils.h"
#include "SecretUtils.h"
#include "TransportUtils.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/Support/Regex.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace prodready {

// Secret names that are also everyday words in parsers, HTTP and web code
// (token, cookie, session, bearer, auth) need a value that looks generated;
// names such as password, secret or api_key do not.
static const llvm::Regex StrongSecretName(
    "pass(word|wd|phrase)|passwd|pwd|secret|api_?key|apikey|access_?key|"
    "private_?key|credential",
    llvm::Regex::IgnoreCase);
static const llvm::Regex WeakSecretName("token|cookie|session|bearer|auth",
                                        llvm::Regex::IgnoreCase);

static constexpr llvm::StringLiteral Consequence =
    "anyone who can read the source or the binary has it and rotating it "
    "takes a release; load it at run time from a secret store or the "
    "environment";

HardcodedSecretCheck::HardcodedSecretCheck(StringRef Name,
                                           tidy::ClangTidyContext *Context)
    : ProdReadyCheck(Name, Context), SecretNames(*this, Options),
      TestFilePattern(Options.get("TestFileRegex", DefaultTestFilePattern)) {}

void HardcodedSecretCheck::storeOptions(
    tidy::ClangTidyOptions::OptionMap &Opts) {
  SecretNames.store(Options, Opts);
  Options.store(Opts, "TestFileRegex", TestFilePattern);
}

void HardcodedSecretCheck::registerMatchers(MatchFinder *Finder) {
  // No isInTemplateInstantiation() here: it walks the ancestors of every
  // node (building the parent map of the whole TU), and findings are keyed by
  // the literal's spelling location anyway, so a literal in a template is
  // reported once however often the template is instantiated.
  auto UserStmt = unless(isExpansionInSystemHeader());
  auto UserDecl = unless(isExpansionInSystemHeader());
  // Named things initialized or assigned with a literal.
  Finder->addMatcher(
      varDecl(unless(parmVarDecl()), hasInitializer(expr()), UserDecl)
          .bind("var"),
      this);
  Finder->addMatcher(parmVarDecl(hasDefaultArgument(), UserDecl).bind("param"),
                     this);
  Finder->addMatcher(
      fieldDecl(hasInClassInitializer(expr()), UserDecl).bind("field"), this);
  Finder->addMatcher(
      cxxConstructorDecl(
          UserDecl, forEachConstructorInitializer(
                        cxxCtorInitializer(isWritten(),
                                           forField(fieldDecl().bind("member")))
                            .bind("ctor_init"))),
      this);
  Finder->addMatcher(
      binaryOperator(isAssignmentOperator(), UserStmt).bind("assign"), this);
  // Calls: libcurl options, arguments for secret-named parameters, key/value
  // pairs, `operator=` of string classes, aggregate initialization.
  Finder->addMatcher(callExpr(UserStmt).bind("call"), this);
  Finder->addMatcher(cxxConstructExpr(UserStmt).bind("construct"), this);
  Finder->addMatcher(initListExpr(hasType(recordDecl()), UserStmt).bind("init"),
                     this);
  // Any literal: well-known formats, Authorization headers, inline passwords.
  Finder->addMatcher(stringLiteral(UserStmt).bind("literal"), this);
}

bool HardcodedSecretCheck::isSecret(StringRef Name) const {
  // Header and key names use dashes: "X-Api-Key".
  std::string Normalised = Name.str();
  std::replace(Normalised.begin(), Normalised.end(), '-', '_');
  return SecretNames.isSecret(Normalised);
}

// The literals \p E may evaluate to: through string constructors and both
// arms of `?:` (`env ? env : "fallback"`).
static void collectLiterals(const Expr *E,
                            SmallVectorImpl<const StringLiteral *> &Out,
                            int Depth = 0) {
  if (!E || Depth > 4)
    return;
  if (const StringLiteral *Literal = getStringLiteral(E)) {
    Out.push_back(Literal);
    return;
  }
  E = stripValue(E);
  if (const auto *Cond = dyn_cast<AbstractConditionalOperator>(E)) {
    collectLiterals(Cond->getTrueExpr(), Out, Depth + 1);
    collectLiterals(Cond->getFalseExpr(), Out, Depth + 1);
  }
}

// The name of what \p E designates: a variable, a field, or a string-literal
// key (`config["password"]`, `json.at("token")`).
static std::string targetName(const Expr *E) {
  E = stripValue(E);
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return Ref->getDecl()->getNameAsString();
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return Member->getMemberDecl()->getNameAsString();
  const Expr *Key = nullptr;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
      Op && Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2)
    Key = Op->getArg(1);
  if (const auto *Sub = dyn_cast<ArraySubscriptExpr>(E))
    Key = Sub->getIdx();
  if (const StringLiteral *Literal = getStringLiteral(Key))
    if (Literal->getCharByteWidth() == 1)
      return Literal->getString().str();
  return "";
}

void HardcodedSecretCheck::consider(const StringLiteral &Literal, Priority P,
                                    std::string Message, ASTContext &Ctx) {
  const SourceManager &Sources = Ctx.getSourceManager();
  SourceLocation Begin = Literal.getBeginLoc();
  unsigned Key = Sources.getSpellingLoc(Begin).getRawEncoding();
  auto It = Candidates.find(Key);
  if (It != Candidates.end() && It->second.P <= P)
    return;
  // A secret-named macro already reported at its definition keeps that
  // location: the definition is what to fix (a more specific finding,
  // such as a known format, still replaces the message).
  if (It != Candidates.end() && It->second.MacroName.empty() &&
      It->second.Loc == Sources.getSpellingLoc(Begin) && Begin.isMacroID()) {
    It->second.P = P;
    It->second.Message = std::move(Message);
    return;
  }
  Candidate C{Sources.getFileLoc(Begin), P, std::move(Message), {}, {}};
  if (Begin.isMacroID() && Sources.isMacroBodyExpansion(Begin)) {
    SourceLocation Spelling = Sources.getSpellingLoc(Begin);
    if (!Sources.isInSystemHeader(Spelling)) {
      C.MacroLoc = Spelling;
      C.MacroName =
          Lexer::getImmediateMacroName(Begin, Sources, Ctx.getLangOpts()).str();
    }
  }
  Candidates[Key] = std::move(C);
}

bool HardcodedSecretCheck::isPlausibleFor(StringRef Name, StringRef Value,
                                          bool ForceStrict) const {
  std::string Normalised = Name.str();
  std::replace(Normalised.begin(), Normalised.end(), '-', '_');
  bool Strict = ForceStrict || (WeakSecretName.match(Normalised) &&
                                !StrongSecretName.match(Normalised));
  return isPlausibleSecretValue(Value, Strict, SecretNames.include());
}

void HardcodedSecretCheck::checkNamed(StringRef Name, const Expr *Value,
                                      StringRef What, bool ForceStrict,
                                      ASTContext &Ctx, StringRef Where) {
  if (Name.empty() || !Value || !isSecret(Name))
    return;
  SmallVector<const StringLiteral *, 2> Literals;
  collectLiterals(Value, Literals);
  for (const StringLiteral *Literal : Literals) {
    if (Literal->getCharByteWidth() != 1 ||
        !isPlausibleFor(Name, Literal->getString(), ForceStrict))
      continue;
    consider(*Literal, Named,
             (What + " '" + Name + "'" + Where +
              " is a hard-coded credential (" +
              redactSecret(Literal->getString()) + "); " + Consequence)
                 .str(),
             Ctx);
  }
}

namespace {
class SecretMacroCallbacks : public PPCallbacks {
public:
  SecretMacroCallbacks(HardcodedSecretCheck &Check, const SourceManager &SM)
      : Check(Check), SM(SM) {}
  void MacroDefined(const Token &MacroName, const MacroDirective *MD) override {
    const MacroInfo *Info = MD->getMacroInfo();
    if (!Info || Info->isFunctionLike() || Info->getNumTokens() == 0)
      return;
    // The body is one string literal, possibly in parentheses.
    ArrayRef<Token> Tokens = Info->tokens();
    while (Tokens.size() >= 3 && Tokens.front().is(tok::l_paren) &&
           Tokens.back().is(tok::r_paren))
      Tokens = Tokens.drop_front().drop_back();
    if (Tokens.size() != 1 || !Tokens.front().is(tok::string_literal))
      return;
    if (SM.isInSystemHeader(MacroName.getLocation()))
      return;
    Check.checkMacroDefinition(MacroName.getIdentifierInfo()->getName(),
                               Tokens.front(), SM);
  }

private:
  HardcodedSecretCheck &Check;
  const SourceManager &SM;
};
} // namespace

void HardcodedSecretCheck::registerPPCallbacks(const SourceManager &Sources,
                                               Preprocessor *PP,
                                               Preprocessor *ModuleExpanderPP) {
  ProdReadyCheck::registerPPCallbacks(Sources, PP, ModuleExpanderPP);
  PP->addPPCallbacks(std::make_unique<SecretMacroCallbacks>(*this, Sources));
}

void HardcodedSecretCheck::checkMacroDefinition(StringRef Name,
                                                const Token &Literal,
                                                const SourceManager &Sources) {
  if (!isSecret(Name) || !Literal.getLiteralData())
    return;
  StringRef Spelling(Literal.getLiteralData(), Literal.getLength());
  // Plain "..." literals without escapes: the spelling is the value.
  if (Spelling.size() < 2 || !Spelling.starts_with("\"") ||
      !Spelling.ends_with("\"") || Spelling.contains('\\'))
    return;
  StringRef Value = Spelling.drop_front().drop_back();
  SourceLocation Loc = Literal.getLocation();
  // Not from the command line (-D) or a built-in buffer.
  if (!Loc.isFileID() ||
      !Sources.getFileEntryRefForID(Sources.getFileID(Loc)) ||
      !isPlausibleFor(Name, Value, /*ForceStrict=*/false))
    return;
  unsigned Key = Loc.getRawEncoding();
  auto It = Candidates.find(Key);
  if (It != Candidates.end() && It->second.P <= Named)
    return;
  Candidates[Key] = Candidate{Loc,
                              Named,
                              ("the value of macro '" + Name +
                               "' is a hard-coded credential (" +
                               redactSecret(Value) + "); " + Consequence)
                                  .str(),
                              {},
                              {}};
  SM = &Sources;
}

static bool isAuthorizationKey(StringRef Key) {
  return Key.equals_insensitive("authorization") ||
         Key.equals_insensitive("proxy-authorization") ||
         Key.equals_insensitive("proxy_authorization");
}

// The header name \p E designates as a key: a string literal
// ("Authorization") or an enumerator (Beast's `http::field::authorization`).
static StringRef headerKey(const Expr *E) {
  if (const StringLiteral *Literal = getStringLiteral(E))
    return Literal->getCharByteWidth() == 1 ? Literal->getString() : "";
  if (const auto *Ref = dyn_cast<DeclRefExpr>(stripValue(E)))
    if (isa<EnumConstantDecl>(Ref->getDecl()) &&
        Ref->getDecl()->getIdentifier())
      return Ref->getDecl()->getName();
  return "";
}

void HardcodedSecretCheck::checkAuthorizationValue(const Expr *Value,
                                                   ASTContext &Ctx) {
  SmallVector<const StringLiteral *, 2> Literals;
  collectLiterals(Value, Literals);
  for (const StringLiteral *Literal : Literals)
    // A literal that says it is a credential by itself ("Bearer 0123...")
    // is reported as such by checkLiteral.
    if (Literal->getCharByteWidth() == 1 &&
        isAuthorizationWithToken(Literal->getString(),
                                 /*HeaderContext=*/true) &&
        !isAuthorizationWithToken(Literal->getString()))
      consider(*Literal, AuthHeader,
               ("Authorization header value carries a hard-coded token (" +
                redactSecret(Literal->getString()) + "); " + Consequence)
                   .str(),
               Ctx);
}

// Whether \p Callee takes a signing or encryption key: jwt-cpp's HMAC
// algorithms (`jwt::algorithm::hs256{"..."}`), OpenSSL's HMAC, MAC-key and
// cipher-init functions; the key is then the argument for a parameter named
// like a key.
static bool takesSigningKey(const FunctionDecl &Callee) {
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(&Callee)) {
    const CXXRecordDecl *Class = Ctor->getParent();
    if (!Class->getIdentifier())
      return false;
    static const llvm::Regex HmacAlgorithm("^hs(256|384|512)$",
                                           llvm::Regex::IgnoreCase);
    return HmacAlgorithm.match(Class->getName()) &&
           StringRef(qualifiedName(*Class)).starts_with("jwt::");
  }
  if (!Callee.getIdentifier())
    return false;
  static const llvm::Regex KeyedFunction(
      "^(HMAC|HMAC_Init(_ex)?|EVP_PKEY_new_(mac|raw_private)_key|"
      "EVP_(Encrypt|Decrypt|Cipher)Init(_ex2?)?|AES_set_(en|de)crypt_key|"
      "CMAC_Init|EVP_MAC_init)$");
  return KeyedFunction.match(Callee.getName());
}

static bool isKeyParameter(const ParmVarDecl &Param) {
  if (!Param.getIdentifier())
    return false;
  std::string Lower = Param.getName().lower();
  StringRef L(Lower);
  return (L.ends_with("key") && !L.contains("len") && L != "evp_pkey") ||
         L == "secret";
}

void HardcodedSecretCheck::checkSigningKey(const FunctionDecl &Callee,
                                           ArrayRef<const Expr *> Args,
                                           ASTContext &Ctx) {
  if (!takesSigningKey(Callee))
    return;
  bool Ctor = isa<CXXConstructorDecl>(Callee);
  for (unsigned I = 0; I < Args.size() && I < Callee.getNumParams(); ++I) {
    if (!(Ctor && I == 0) && !isKeyParameter(*Callee.getParamDecl(I)))
      continue;
    SmallVector<const StringLiteral *, 2> Literals;
    // Keys are bytes: `(const unsigned char *)"..."`.
    const Expr *Arg = Args[I]->IgnoreParenImpCasts();
    while (const auto *Cast = dyn_cast<ExplicitCastExpr>(Arg))
      Arg = Cast->getSubExpr()->IgnoreParenImpCasts();
    collectLiterals(Arg, Literals);
    for (const StringLiteral *Literal : Literals)
      if (Literal->getCharByteWidth() == 1 &&
          isSigningKeyLiteral(Literal->getString()))
        consider(*Literal, SigningKey,
                 ("the key passed to '" + qualifiedName(Callee) +
                  "' is a hard-coded signing/encryption key (" +
                  redactSecret(Literal->getString()) +
                  "); anyone who can read the source or the binary can forge "
                  "or decrypt with it, and rotating it takes a release; load "
                  "it at run time from a secret store or the environment"),
                 Ctx);
  }
}

// gettext and Qt's and znc's translation helpers: `_("...")`, `tr(...)`,
// `t_s(...)`, `dgettext(...)`.
static bool isTranslationFunction(const FunctionDecl &F) {
  static const llvm::Regex Translation(
      "^(_|N_|tr|trUtf8|t_[a-z]|[dn]?gettext|dc?n?gettext|translate|i18n)$",
      llvm::Regex::IgnoreCase);
  return F.getIdentifier() && Translation.match(F.getName());
}

void HardcodedSecretCheck::checkCall(const Expr &Call,
                                     const FunctionDecl *Callee,
                                     ArrayRef<const Expr *> Args,
                                     ASTContext &Ctx) {
  // libcurl credential options.
  if (const auto *CE = dyn_cast<CallExpr>(&Call)) {
    if (std::optional<CurlSetopt> Setopt = getCurlSetopt(*CE)) {
      StringRef Option = Setopt->Option;
      bool UserPwd =
          Option == "CURLOPT_USERPWD" || Option == "CURLOPT_PROXYUSERPWD";
      if (!UserPwd && Option != "CURLOPT_PASSWORD" &&
          Option != "CURLOPT_PROXYPASSWORD" &&
          Option != "CURLOPT_XOAUTH2_BEARER" && Option != "CURLOPT_KEYPASSWD")
        return;
      SmallVector<const StringLiteral *, 2> Literals;
      collectLiterals(Setopt->Value, Literals);
      for (const StringLiteral *Literal : Literals) {
        StringRef Secret = Literal->getString();
        // "user:password"; a lone ":" asks for the current user's Kerberos
        // / NTLM credentials.
        if (UserPwd)
          Secret = Secret.split(':').second;
        // "secret", "password": the stand-ins of documentation examples.
        if (Literal->getCharByteWidth() != 1 || Secret.empty() ||
            isPlaceholderValue(Secret) || isEnvironmentVariableName(Secret) ||
            isSecretNameLiteral(Secret, SecretNames.include()))
          continue;
        consider(*Literal, CurlOption,
                 ("the " + Option + " value is a hard-coded credential (" +
                  redactSecret(Literal->getString()) + "); " + Consequence)
                     .str(),
                 Ctx);
      }
      return;
    }
  }
  if (!Callee)
    return;
  checkSigningKey(*Callee, Args, Ctx);
  // Arguments for parameters named like a secret ("named arguments").
  unsigned NumParams = Callee->getNumParams();
  std::string Of;
  for (unsigned I = 0; I < Args.size() && I < NumParams; ++I) {
    if (isa<CXXDefaultArgExpr>(Args[I]))
      continue;
    if (const IdentifierInfo *Param =
            Callee->getParamDecl(I)->getIdentifier()) {
      if (Of.empty())
        Of = " of '" + qualifiedName(*Callee) + "'";
      checkNamed(Param->getName(), Args[I], "the argument for parameter",
                 /*ForceStrict=*/false, Ctx, Of);
    }
  }
  // strcpy(password, "..."), password.assign("...").
  if (Callee->getDeclName().isIdentifier()) {
    StringRef Fn = Callee->getName();
    if ((Fn == "strcpy" || Fn == "strncpy" || Fn == "strlcpy" ||
         Fn == "stpcpy" || Fn == "memcpy" || Fn == "wcscpy") &&
        Args.size() >= 2)
      checkNamed(targetName(Args[0]), Args[1], "the value copied into",
                 /*ForceStrict=*/false, Ctx);
    if (Fn == "assign" && Args.size() == 1)
      if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call))
        checkNamed(targetName(Member->getImplicitObjectArgument()), Args[0],
                   "the value assigned to", /*ForceStrict=*/false, Ctx);
    // set_password("..."), withApiKey("...").
    if (Args.size() == 1) {
      StringRef Rest = Fn;
      if (Rest.consume_front("set") || Rest.consume_front("Set") ||
          Rest.consume_front("with") || Rest.consume_front("With")) {
        Rest.consume_front("_");
        if (!Rest.empty())
          checkNamed(Fn, Args[0], "the argument of", /*ForceStrict=*/false,
                     Ctx);
      }
    }
  }
  // Key/value pairs: emplace("password", "..."), {"api_key", "..."}. A
  // translation call's second string is a context or a plural, not a value
  // (znc's t_s("Password", "listservers") is a column label).
  if (isTranslationFunction(*Callee))
    return;
  for (unsigned I = 0; I + 1 < Args.size(); ++I) {
    // Header setters: set("Authorization", "..."), insert/emplace,
    // add_header, Beast's set(http::field::authorization, "...").
    if (isAuthorizationKey(headerKey(Args[I])))
      checkAuthorizationValue(Args[I + 1], Ctx);
    const StringLiteral *Key = getStringLiteral(Args[I]);
    if (!Key || Key->getCharByteWidth() != 1)
      continue;
    StringRef Name = Key->getString();
    if (llvm::all_of(Name, [](char C) {
          return llvm::isAlnum(C) || C == '_' || C == '-' || C == '.';
        }))
      checkNamed(Name, Args[I + 1], "the value for key", /*ForceStrict=*/false,
                 Ctx);
  }
}

void HardcodedSecretCheck::checkLiteral(const StringLiteral &Literal,
                                        ASTContext &Ctx) {
  if (Literal.getCharByteWidth() != 1 || Literal.getLength() < 8)
    return;
  StringRef Text = Literal.getString();
  StringRef Format = knownCredentialFormat(Text);
  if (!Format.empty()) {
    consider(Literal, KnownFormat,
             ("string literal contains " + Format + " (" + redactSecret(Text) +
              "); anyone who can read the source or the binary can use it; "
              "revoke it and load its replacement at run time from a secret "
              "store or the environment")
                 .str(),
             Ctx);
    return;
  }
  if (isAuthorizationWithToken(Text)) {
    consider(Literal, AuthHeader,
             ("Authorization header literal carries a hard-coded token (" +
              redactSecret(Text) + "); " + Consequence)
                 .str(),
             Ctx);
    return;
  }
  InlinePassword Inline = findInlinePassword(Text, SecretNames.include());
  if (Inline != InlinePassword::None)
    consider(Literal, InlineSecret,
             ((Inline == InlinePassword::Url ? "URL" : "connection string") +
              Twine(" literal carries a hard-coded password (") +
              redactSecret(Text) + "); " + Consequence)
                 .str(),
             Ctx);
}

void HardcodedSecretCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  SM = Result.SourceManager;
  const auto &Nodes = Result.Nodes;
  if (const auto *Literal = Nodes.getNodeAs<StringLiteral>("literal"))
    return checkLiteral(*Literal, Ctx);
  if (const auto *Var = Nodes.getNodeAs<VarDecl>("var"))
    return checkNamed(Var->getName(), Var->getInit(), "the value of",
                      /*ForceStrict=*/false, Ctx);
  if (const auto *Param = Nodes.getNodeAs<ParmVarDecl>("param"))
    return checkNamed(Param->getName(), Param->getDefaultArg(),
                      "the default of parameter", /*ForceStrict=*/false, Ctx);
  if (const auto *Field = Nodes.getNodeAs<FieldDecl>("field"))
    return checkNamed(Field->getName(), Field->getInClassInitializer(),
                      "the value of", /*ForceStrict=*/false, Ctx);
  if (const auto *Init = Nodes.getNodeAs<CXXCtorInitializer>("ctor_init")) {
    if (SM->isInSystemHeader(Init->getSourceLocation()))
      return;
    return checkNamed(Nodes.getNodeAs<FieldDecl>("member")->getName(),
                      Init->getInit(), "the value of", /*ForceStrict=*/false,
                      Ctx);
  }
  if (const auto *Assign = Nodes.getNodeAs<BinaryOperator>("assign")) {
    if (isAuthorizationKey(targetName(Assign->getLHS())))
      checkAuthorizationValue(Assign->getRHS(), Ctx);
    return checkNamed(targetName(Assign->getLHS()), Assign->getRHS(),
                      "the value assigned to", /*ForceStrict=*/false, Ctx);
  }
  if (const auto *Call = Nodes.getNodeAs<CallExpr>("call")) {
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
      if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 &&
          isAuthorizationKey(targetName(Op->getArg(0))))
        checkAuthorizationValue(Op->getArg(1), Ctx);
      if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
        checkNamed(targetName(Op->getArg(0)), Op->getArg(1),
                   "the value assigned to", /*ForceStrict=*/false, Ctx);
      return;
    }
    SmallVector<const Expr *, 4> Args(Call->arguments());
    return checkCall(*Call, Call->getDirectCallee(), Args, Ctx);
  }
  if (const auto *Construct = Nodes.getNodeAs<CXXConstructExpr>("construct")) {
    SmallVector<const Expr *, 4> Args(Construct->arguments());
    return checkCall(*Construct, Construct->getConstructor(), Args, Ctx);
  }
  if (const auto *Init = Nodes.getNodeAs<InitListExpr>("init")) {
    // Aggregate initialization, designated or positional: each initializer
    // belongs to a field.
    const InitListExpr *Semantic =
        Init->isSemanticForm() ? Init : Init->getSemanticForm();
    if (!Semantic)
      return;
    const RecordDecl *Record = Semantic->getType()->getAsRecordDecl();
    if (!Record || Record->isUnion())
      return;
    unsigned Index = 0;
    if (const auto *CXXRecord = dyn_cast<CXXRecordDecl>(Record))
      Index = CXXRecord->getNumBases();
    for (const FieldDecl *Field : Record->fields()) {
      if (Index >= Semantic->getNumInits())
        break;
      checkNamed(Field->getName(), Semantic->getInit(Index++), "the value of",
                 /*ForceStrict=*/false, Ctx);
    }
  }
}

void HardcodedSecretCheck::onEndOfTranslationUnit() {
  std::vector<const Candidate *> Ordered;
  for (const auto &[Key, C] : Candidates)
    Ordered.push_back(&C);
  if (SM)
    llvm::sort(Ordered, [&](const Candidate *A, const Candidate *B) {
      return SM->isBeforeInTranslationUnit(A->Loc, B->Loc);
    });
  for (const Candidate *C : Ordered) {
    diag(C->Loc, "%0") << C->Message;
    if (C->MacroLoc.isValid())
      diag(C->MacroLoc,
           "the literal is spelled in the definition of macro '%0'",
           DiagnosticIDs::Note)
          << C->MacroName;
  }
  Candidates.clear();
  SM = nullptr;
}

} // namespace prodready
