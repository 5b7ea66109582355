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

void HardcodedSecretCheck::checkNamed(StringRef Name, const Expr *Value,
                                      StringRef What, bool ForceStrict,
                                      ASTContext &Ctx, StringRef Where) {
  if (Name.empty() || !Value || !isSecret(Name))
    return;
  SmallVector<const StringLiteral *, 2> Literals;
  collectLiterals(Value, Literals);
  std::string Normalised = Name.str();
  std::replace(Normalised.begin(), Normalised.end(), '-', '_');
  bool Strict = ForceStrict || (WeakSecretName.match(Normalised) &&
                                !StrongSecretName.match(Normalised));
  for (const StringLiteral *Literal : Literals) {
    if (Literal->getCharByteWidth() != 1 ||
        !isPlausibleSecretValue(Literal->getString(), Strict,
                                SecretNames.include()))
      continue;
    consider(*Literal, Named,
             (What + " '" + Name + "'" + Where +
              " is a hard-coded credential (" +
              redactSecret(Literal->getString()) + "); " + Consequence)
                 .str(),
             Ctx);
  }
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
  // Key/value pairs: emplace("password", "..."), {"api_key", "..."}.
  for (unsigned I = 0; I + 1 < Args.size(); ++I) {
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
  if (const auto *Assign = Nodes.getNodeAs<BinaryOperator>("assign"))
    return checkNamed(targetName(Assign->getLHS()), Assign->getRHS(),
                      "the value assigned to", /*ForceStrict=*/false, Ctx);
  if (const auto *Call = Nodes.getNodeAs<CallExpr>("call")) {
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
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
