//===--- SecretFlow.cpp - where a secret travels within a function -------===//

#include "SecretFlow.h"
#include "CredentialUtils.h"
#include "LogSinks.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/Analyses/ExprMutationAnalyzer.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Regex.h"
#include <functional>

using namespace clang;

namespace prodready {

namespace {

/// Values of JSON and configuration libraries. A secret looked up by key in
/// one (`root["token"]`, `j.at("api_key")`) stays a secret until it is
/// converted to text (`.asString()`, `.get<std::string>()`) and logged.
bool isDocumentType(QualType T) {
  const CXXRecordDecl *RD = T.isNull() ? nullptr : recordThroughPointer(T);
  if (!RD)
    return false;
  static const std::vector<std::string> Documents = {
      "Json::Value",        "nlohmann::basic_json",
      "boost::json::value", "rapidjson::GenericValue",
      "QJsonValue",         "QJsonValueRef",
      "QJsonValueConstRef", "YAML::Node",
      "toml::basic_value",  "picojson::value",
      "json11::Json",       "web::json::value",
      "Poco::Dynamic::Var"};
  return matchesAnyName(qualifiedName(*RD), Documents);
}

/// Types a secret can travel in: text, streams, formatting helpers and
/// documents.
bool isTextType(QualType T) {
  if (T.isNull())
    return false;
  if (isStringLikeType(T) || isDocumentType(T))
    return true;
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD)
    return false;
  StringRef N = RD->getName();
  return llvm::StringSwitch<bool>(N)
             .Cases("basic_format_string", "format_string", "basic_runtime",
                    "runtime_format_string", "basic_format", true)
             .Cases("AlphaNum", "QLatin1String", "QStringBuilder",
                    "QLatin1StringView", "QUtf8StringView", true)
             .Cases("basic_memory_buffer", "basic_string_view", "Cord", true)
             .Default(false) ||
         isOutputStreamClass(RD);
}

/// The variable an output argument writes to: `buf`, `&buf[0]`, `buf.data()`,
/// `std::back_inserter(buf)`, `&str`.
const ValueDecl *destinationDecl(const Expr *E) {
  for (int Depth = 0; E && Depth < 8; ++Depth) {
    E = stripFullValue(E);
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
      return dyn_cast<VarDecl>(Ref->getDecl());
    if (const auto *Un = dyn_cast<UnaryOperator>(E)) {
      E = Un->getSubExpr();
      continue;
    }
    if (const auto *Sub = dyn_cast<ArraySubscriptExpr>(E)) {
      E = Sub->getBase();
      continue;
    }
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E)) {
      E = Member->getImplicitObjectArgument();
      continue;
    }
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
      if (Construct->getNumArgs() == 0)
        return nullptr;
      E = Construct->getArg(0);
      continue;
    }
    if (const auto *Call = dyn_cast<CallExpr>(E)) {
      if (Call->getNumArgs() == 0)
        return nullptr;
      StringRef Name = identifierOf(Call->getDirectCallee());
      if (Name != "back_inserter" && Name != "inserter" && Name != "data" &&
          Name != "begin")
        return nullptr;
      E = Call->getArg(0);
      continue;
    }
    return nullptr;
  }
  return nullptr;
}

/// Functions whose (text) result carries the text of their arguments.
bool propagatesArguments(StringRef Qualified) {
  static const std::vector<std::string> Names = {"std::move",
                                                 "std::forward",
                                                 "std::as_const",
                                                 "std::format",
                                                 "std::vformat",
                                                 "std::quoted",
                                                 "std::basic_string_view",
                                                 "fmt::format",
                                                 "fmt::sprintf",
                                                 "fmt::to_string",
                                                 "fmt::runtime",
                                                 "fmt::vformat",
                                                 "fmt::join",
                                                 "absl::StrCat",
                                                 "absl::StrFormat",
                                                 "absl::Substitute",
                                                 "absl::StrJoin",
                                                 "absl::StrReplaceAll",
                                                 "boost::str",
                                                 "boost::lexical_cast",
                                                 "boost::algorithm::join",
                                                 "folly::sformat",
                                                 "folly::to",
                                                 "strdup",
                                                 "strndup",
                                                 "QString::fromStdString",
                                                 "QString::fromUtf8",
                                                 "QString::fromLatin1",
                                                 "QString::fromLocal8Bit",
                                                 "QString::asprintf",
                                                 "QByteArray::fromStdString",
                                                 "spdlog::fmt_lib::format"};
  return matchesAnyName(Qualified, Names);
}

/// Functions of unknown body whose name says they re-encode or reshape their
/// text argument (trim, escape, base64, to_upper, ...), so the secret is
/// still in the result. Other unknown functions (lookups, validations) are
/// assumed to return something else.
bool isTransform(StringRef Name) {
  static const llvm::Regex Transform(
      "encode|decode|decrypt|escape|quote|trim|strip|lower|upper|to_?str|"
      "utf8|utf16|wide|"
      "narrow|convert|base64|b64|hex|concat|join|format|append|dup$|copy|"
      "substr|truncat|pad|wrap|replace",
      llvm::Regex::IgnoreCase);
  return !Name.empty() && Transform.match(Name);
}

/// Free functions that write their text arguments into their first one.
bool isTextWriter(const FunctionDecl *FD) {
  if (!FD || identifierOf(FD).empty())
    return false;
  static const std::vector<std::string> Writers = {"snprintf",
                                                   "sprintf",
                                                   "swprintf",
                                                   "strcpy",
                                                   "strncpy",
                                                   "strcat",
                                                   "strncat",
                                                   "stpcpy",
                                                   "stpncpy",
                                                   "strlcpy",
                                                   "strlcat",
                                                   "memcpy",
                                                   "memmove",
                                                   "wcscpy",
                                                   "wcsncpy",
                                                   "wcscat",
                                                   "wcsncat",
                                                   "fmt::format_to",
                                                   "fmt::format_to_n",
                                                   "std::format_to",
                                                   "std::format_to_n",
                                                   "absl::StrAppend",
                                                   "absl::StrAppendFormat",
                                                   "absl::SNPrintF"};
  return matchesAnyName(qualifiedName(*FD), Writers);
}

/// Members that write their text arguments into their object.
bool isTextWriterMember(StringRef Name) {
  return llvm::is_contained({"append", "insert", "assign", "push_back",
                             "prepend", "replace", "write", "operator+="},
                            Name);
}

} // namespace

bool canCarrySecret(QualType T) {
  if (T.isNull())
    return false;
  T = T.getNonReferenceType().getCanonicalType();
  if (T->isPointerType() || T->isArrayType())
    return isStringLikeType(T);
  if (T->isRecordType())
    return isTextType(T);
  return false;
}

SecretFlow::SecretFlow(ASTContext &Ctx, const SecretNameOptions &SecretNames,
                       const OptionRegex &Sanitizer)
    : Ctx(Ctx), SecretNames(SecretNames), Sanitizer(Sanitizer) {}

SecretFlow::~SecretFlow() = default;

void SecretFlow::walk(const Stmt *S,
                      llvm::function_ref<void(const CallExpr *)> OnCall) {
  AtCall = OnCall;
  Root = S;
  Mutations.reset();
  findProbedDocuments(S);
  visit(S);
  AtCall = nullptr;
}

std::optional<SecretTrace> SecretFlow::secretIn(const Expr *E) {
  return traceOf(E, 0);
}

bool SecretFlow::holdsNoSecret(const Expr *E) { return isCleanValue(E, 0); }

std::optional<SecretTrace> SecretFlow::variableTrace(const ValueDecl *D) {
  auto It = Variables.find(D);
  if (It == Variables.end() || isCleanHere(D))
    return std::nullopt;
  return It->second.Secret;
}

//===--- Reaching definitions -------------------------------------------===//

bool SecretFlow::isTrackedLocal(const ValueDecl *D) const {
  const auto *VD = dyn_cast_or_null<VarDecl>(D);
  if (!VD || !VD->hasLocalStorage() || VD->getType()->isReferenceType() ||
      !canCarrySecret(VD->getType()))
    return false;
  // Only the variables whose value decides a finding: secrets by name,
  // copies of a secret, and streams (`os << "utoken_" << uid`).
  if (isSourceDecl(VD))
    return true;
  if (const CXXRecordDecl *RD = VD->getType()->getAsCXXRecordDecl();
      RD && isOutputStreamClass(RD))
    return true;
  auto It = Variables.find(VD);
  return It != Variables.end() && It->second.Secret;
}

/// Whether the branch chain \p Prefix starts \p Chain.
static bool startsWith(llvm::ArrayRef<const Stmt *> Chain,
                       llvm::ArrayRef<const Stmt *> Prefix) {
  return Prefix.size() <= Chain.size() &&
         Chain.take_front(Prefix.size()) == Prefix;
}

bool SecretFlow::isCleanHere(const ValueDecl *D) const {
  auto It = Variables.find(D);
  return It != Variables.end() && It->second.CleanIn &&
         startsWith(Branches, *It->second.CleanIn);
}

void SecretFlow::recordDefinition(const ValueDecl *D, bool Clean,
                                  bool Replaces) {
  if (!isTrackedLocal(D))
    return;
  VariableState &State = Variables[D];
  if (!Clean) {
    State.CleanIn.reset();
    return;
  }
  if (!Replaces)
    return; // clean text appended keeps whatever was there
  if (State.CleanIn && startsWith(Branches, *State.CleanIn))
    return; // an earlier clean definition reaches here already
  State.CleanIn.emplace(Branches.begin(), Branches.end());
}

bool SecretFlow::allArgumentsClean(const CallExpr *Call, unsigned From,
                                   unsigned Depth) {
  for (unsigned I = From, N = Call->getNumArgs(); I < N; ++I)
    if (!isCleanValue(Call->getArg(I), Depth + 1))
      return false;
  return true;
}

bool SecretFlow::isCleanValue(const Expr *E, unsigned Depth) {
  if (!E || Depth > 20)
    return false;
  E = E->IgnoreParens();
  QualType T = E->getType();
  if (T.isNull())
    return false;
  if (!canCarrySecret(T) || isa<CXXDefaultArgExpr, CXXDefaultInitExpr>(E))
    return !T->isDependentType(); // numbers, flags, allocators, defaults
  if (const auto *Full = dyn_cast<FullExpr>(E))
    return isCleanValue(Full->getSubExpr(), Depth + 1);
  if (const auto *Mat = dyn_cast<MaterializeTemporaryExpr>(E))
    return isCleanValue(Mat->getSubExpr(), Depth + 1);
  if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E))
    return isCleanValue(Bind->getSubExpr(), Depth + 1);
  if (const auto *Cast = dyn_cast<CastExpr>(E))
    return isCleanValue(Cast->getSubExpr(), Depth + 1);
  if (const auto *Lit = dyn_cast<StringLiteral>(E))
    return Lit->getCharByteWidth() != 1 ||
           knownCredentialFormat(Lit->getString()).empty();
  if (isa<UserDefinedLiteral, PredefinedExpr, CXXNullPtrLiteralExpr,
          GNUNullExpr>(E))
    return true;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    for (const Expr *Arg : Construct->arguments())
      if (!isCleanValue(Arg, Depth + 1))
        return false;
    return true;
  }
  if (const auto *Init = dyn_cast<InitListExpr>(E)) {
    for (const Expr *Sub : Init->inits())
      if (!isCleanValue(Sub, Depth + 1))
        return false;
    return true;
  }
  if (const auto *Cond = dyn_cast<AbstractConditionalOperator>(E))
    return isCleanValue(Cond->getTrueExpr(), Depth + 1) &&
           isCleanValue(Cond->getFalseExpr(), Depth + 1);
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (BO->getOpcode() == BO_Comma || BO->isAssignmentOp())
      return isCleanValue(BO->getRHS(), Depth + 1);
    return isCleanValue(BO->getLHS(), Depth + 1) &&
           isCleanValue(BO->getRHS(), Depth + 1);
  }
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(Ref->getDecl());
    if (!VD)
      return false;
    if (isTrackedLocal(VD))
      return isCleanHere(VD);
    // A constant: `const char *kPrefix = "utoken_";`.
    QualType VT = VD->getType().getNonReferenceType();
    bool Constant =
        VT.isConstQualified() || VD->isConstexpr() ||
        (VT->isPointerType() && VT->getPointeeType().isConstQualified());
    return Constant && VD->getInit() && !isSourceDecl(VD) &&
           isCleanValue(VD->getInit(), Depth + 1);
  }
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    if (sourceCall(Call))
      return false;
    if (isa<CXXOperatorCallExpr>(Call))
      return allArgumentsClean(Call, 0, Depth);
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
      return !isDocumentType(Member->getImplicitObjectArgument()->getType()) &&
             isCleanValue(Member->getImplicitObjectArgument(), Depth + 1) &&
             allArgumentsClean(Call, 0, Depth);
    const FunctionDecl *FD = Call->getDirectCallee();
    if (!FD)
      return false;
    StringRef Name = identifierOf(FD);
    bool Builds = Name == "to_string" || Name == "to_wstring" ||
                  propagatesArguments(qualifiedName(*FD)) ||
                  isTransform(Name) || FD->isVariadic();
    return Builds && allArgumentsClean(Call, 0, Depth);
  }
  return false;
}

bool SecretFlow::isRecognizedWrite(const Stmt *By, const DeclRefExpr *Ref) {
  const ValueDecl *D = Ref->getDecl();
  auto IsRef = [&](const Expr *E) {
    const auto *R = dyn_cast_or_null<DeclRefExpr>(stripFullValue(E));
    return R && R->getDecl() == D;
  };
  if (const auto *BO = dyn_cast<BinaryOperator>(By))
    return BO->isAssignmentOp() && IsRef(BO->getLHS());
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(By)) {
    OverloadedOperatorKind Kind = Op->getOperator();
    return Op->getNumArgs() == 2 &&
           (((Kind == OO_Equal || Kind == OO_PlusEqual) &&
             IsRef(Op->getArg(0))) ||
            (Kind == OO_LessLess && IsRef(streamChainBase(Op->getArg(0)))));
  }
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(By))
    return isTextWriterMember(identifierOf(Member->getMethodDecl())) &&
           IsRef(Member->getImplicitObjectArgument());
  if (const auto *Call = dyn_cast<CallExpr>(By))
    return Call->getNumArgs() >= 2 && isTextWriter(Call->getDirectCallee()) &&
           destinationDecl(Call->getArg(0)) == D;
  return false;
}

/// Calls that take their arguments by forwarding reference only to read
/// them: loggers and formatters (`spdlog::info("{}", token)`).
static bool onlyReads(const Stmt *By) {
  const auto *Call = dyn_cast<CallExpr>(By);
  const FunctionDecl *FD = Call ? Call->getDirectCallee() : nullptr;
  StringRef Name = identifierOf(FD);
  if (Name.empty())
    return false;
  std::string Qualified = qualifiedName(*FD);
  return isLogFunctionName(Qualified, Name, LogNameMatch::WholeName) ||
         propagatesArguments(Qualified);
}

void SecretFlow::noteUse(const DeclRefExpr *Ref) {
  const ValueDecl *D = Ref->getDecl();
  auto It = Variables.find(D);
  if (It == Variables.end() || !It->second.CleanIn || !isTrackedLocal(D) ||
      !Root)
    return;
  // Anything else that may change it (`std::getline(in, token)`,
  // `read_into(&token)`) makes its value unknown again.
  if (!Mutations)
    Mutations = std::make_unique<ExprMutationAnalyzer>(*Root, Ctx);
  const Stmt *By = Mutations->findMutation(Ref);
  if (By && !isRecognizedWrite(By, Ref) && !onlyReads(By))
    Variables[D].CleanIn.reset();
}

bool SecretFlow::isSecretIdentifier(StringRef Name) const {
  if (!SecretNames.isSecret(Name))
    return false;
  // A masked_password or redacted_token is the result of sanitizing.
  return !Sanitizer.match(Name) && !Name.contains_insensitive("placeholder");
}

/// A string literal, possibly converted to a string class.
static const StringLiteral *asStringLiteral(const Expr *E) {
  E = stripFullValue(E);
  if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(E))
    if (Construct->getNumArgs() >= 1)
      E = stripFullValue(Construct->getArg(0));
  return dyn_cast_or_null<StringLiteral>(E);
}

bool SecretFlow::isSourceDecl(const ValueDecl *D) const {
  StringRef Name = identifierOf(D);
  if (Name.empty() || !isa<VarDecl, FieldDecl, BindingDecl>(D))
    return false;
  if (!isStringLikeType(D->getType()) || !isSecretIdentifier(Name))
    return false;
  // A constant initialized from a non-empty literal (`const char *kTokenKey =
  // "token"`) is a name, a placeholder or a hard-coded secret (the business
  // of prodready-hardcoded-secret), not a secret read at run time.
  if (const auto *VD = dyn_cast<VarDecl>(D); VD && !isa<ParmVarDecl>(VD)) {
    QualType T = VD->getType().getNonReferenceType();
    bool Constant =
        T.isConstQualified() || VD->isConstexpr() ||
        (T->isPointerType() && T->getPointeeType().isConstQualified());
    if (Constant && VD->getInit())
      if (const StringLiteral *Lit = asStringLiteral(VD->getInit()))
        if (Lit->getLength() > 0)
          return false;
    // `CString sPass = AskSaltedHashPass();`, `auto token = sha256(raw);`:
    // the variable holds the sanitized value.
    if (const auto *Init =
            dyn_cast_or_null<CallExpr>(stripFullValue(VD->getInit())))
      if (StringRef Callee = identifierOf(Init->getDirectCallee());
          !Callee.empty() && Sanitizer.match(Callee))
        return false;
  }
  return true;
}

SecretTrace SecretFlow::sourceAt(StringRef Secret, SourceLocation Loc) const {
  SecretTrace T;
  T.Secret = Secret.str();
  T.Steps.push_back({Loc, "secret '" + T.Secret + "' comes from here"});
  return T;
}

/// A key-like string literal argument: `"password"`, `"db.api_key"`.
static const StringLiteral *keyLiteral(const Expr *E) {
  const StringLiteral *Lit = asStringLiteral(E);
  if (!Lit || Lit->getCharByteWidth() != 1)
    return nullptr;
  static const llvm::Regex Key("^[A-Za-z][A-Za-z0-9_.-]*$");
  return Key.match(Lit->getString()) ? Lit : nullptr;
}

std::optional<SecretTrace> SecretFlow::sourceCall(const CallExpr *Call) const {
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD)
    return std::nullopt;
  // A keyed lookup of a secret: req->getParameter("password"),
  // headers["cookie"], cfg.get<std::string>("db.password").
  if (isStringLikeType(Call->getType()) || isDocumentType(Call->getType())) {
    const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
    bool Subscript = Op && Op->getOperator() == OO_Subscript;
    static const llvm::Regex Lookup(
        "get|value|param|header|cookie|query|field|attr|setting|option|env|"
        "lookup|find|read|load|fetch|^at$",
        llvm::Regex::IgnoreCase);
    StringRef Callee = identifierOf(FD);
    if (Subscript ||
        (!Callee.empty() && Lookup.match(Callee) && !Sanitizer.match(Callee))) {
      for (unsigned I = Subscript ? 1 : 0, N = Call->getNumArgs(); I < N; ++I)
        if (const StringLiteral *Key = keyLiteral(Call->getArg(I));
            Key && isSecretIdentifier(Key->getString()))
          return sourceAt(((Subscript ? "[\"" : Callee + "(\"") +
                           Key->getString() + (Subscript ? "\"]" : "\")"))
                              .str(),
                          Call->getBeginLoc());
    }
  }
  StringRef Name = identifierOf(FD);
  if (Name.empty())
    return std::nullopt;
  // A freshly signed JWT is a bearer credential:
  // `jwt::create().set_issuer(...).sign(jwt::algorithm::hs256{key})`.
  if ((Name == "sign" || Name == "signature") &&
      isStringLikeType(Call->getType()) &&
      StringRef(qualifiedName(*FD)).contains_insensitive("jwt"))
    return sourceAt("a signed JWT", Call->getBeginLoc());
  // getenv("DB_PASSWORD"): the value of a secret environment variable.
  if ((Name == "getenv" || Name == "secure_getenv" || Name == "qgetenv") &&
      Call->getNumArgs() >= 1) {
    if (const StringLiteral *Lit = asStringLiteral(Call->getArg(0));
        Lit && Lit->getCharByteWidth() == 1 &&
        isSecretIdentifier(Lit->getString()))
      return sourceAt((Name + "(\"" + Lit->getString() + "\")").str(),
                      Call->getBeginLoc());
    return std::nullopt;
  }
  if (!isStringLikeType(FD->getReturnType()) || !isSecretIdentifier(Name))
    return std::nullopt;
  // strip_password(url), verify_token(t), parse_token(s): not getters.
  static const llvm::Regex NotGetter(
      "strip|remove|without|erase|clear|drop|hide|verify|check|compare|equal|"
      "match|parse|split|next|peek",
      llvm::Regex::IgnoreCase);
  if (NotGetter.match(Name))
    return std::nullopt;
  // An index argument makes it a tokenizer accessor (`line.Token(1)`), not a
  // getter of a secret.
  for (const ParmVarDecl *Param : FD->parameters())
    if (!Param->hasDefaultArg() &&
        Param->getType().getNonReferenceType()->isIntegralOrEnumerationType())
      return std::nullopt;
  return sourceAt((Name + "()").str(), Call->getBeginLoc());
}

/// The text variable \p E reads: `resp`, `resp.c_str()`,
/// `std::stringstream(resp)`.
static const VarDecl *textVariableIn(const Expr *E, unsigned Depth = 0) {
  E = E ? stripFullValue(E) : nullptr;
  if (!E || Depth > 3)
    return nullptr;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(Ref->getDecl());
    return VD && isStringLikeType(VD->getType()) ? VD : nullptr;
  }
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E))
    return textVariableIn(Cast->getSubExpr(), Depth + 1);
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    return Construct->getNumArgs() >= 1
               ? textVariableIn(Construct->getArg(0), Depth + 1)
               : nullptr;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E))
    return Member->getNumArgs() == 0
               ? textVariableIn(Member->getImplicitObjectArgument(), Depth + 1)
               : nullptr;
  return nullptr;
}

/// The document variable \p E names.
static const ValueDecl *documentVariableIn(const Expr *E) {
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E ? stripFullValue(E) : E);
  return Ref && isDocumentType(Ref->getType()) ? Ref->getDecl() : nullptr;
}

void SecretFlow::findProbedDocuments(const Stmt *Top) {
  ParsedSecretText.clear();
  // Documents the function probes for a secret key: `tree["access_token"]`,
  // `tree.isMember("access_token")`, `j.contains("password")`.
  llvm::DenseMap<const ValueDecl *, const CallExpr *> Probed;
  std::function<void(const Stmt *)> FindProbes = [&](const Stmt *S) {
    if (!S)
      return;
    for (const Stmt *Child : S->children())
      FindProbes(Child);
    const auto *Call = dyn_cast<CallExpr>(S);
    if (!Call)
      return;
    const ValueDecl *Document = nullptr;
    unsigned FirstKey = 0;
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
      Document = documentVariableIn(Member->getImplicitObjectArgument());
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
               Op && Op->getOperator() == OO_Subscript &&
               Op->getNumArgs() == 2) {
      Document = documentVariableIn(Op->getArg(0));
      FirstKey = 1;
    }
    if (!Document)
      return;
    for (unsigned I = FirstKey, N = Call->getNumArgs(); I < N; ++I)
      if (const StringLiteral *Key = keyLiteral(Call->getArg(I));
          Key && isSecretIdentifier(Key->getString()))
        Probed.try_emplace(Document, Call);
  };
  FindProbes(Top);
  if (Probed.empty())
    return;
  // The text each was parsed from: `reader.parse(resp, tree)`,
  // `std::stringstream(resp) >> tree`, `auto j = json::parse(resp)`.
  auto Record = [&](const VarDecl *Text, const ValueDecl *Document) {
    auto It = Probed.find(Document);
    if (!Text || It == Probed.end() || ParsedSecretText.count(Text))
      return;
    const CallExpr *Probe = It->second;
    SecretTrace T;
    T.Secret = Text->getName().str();
    T.Steps.push_back(
        {Probe->getBeginLoc(), "secret '" + T.Secret +
                                   "' is parsed into a document that holds a "
                                   "secret, read here"});
    ParsedSecretText[Text] = std::move(T);
  };
  auto ParsedFrom = [&](const CallExpr *Call) -> const VarDecl * {
    for (const Expr *Arg : Call->arguments())
      if (const VarDecl *Text = textVariableIn(Arg))
        return Text;
    return nullptr;
  };
  std::function<void(const Stmt *)> FindParses = [&](const Stmt *S) {
    if (!S)
      return;
    for (const Stmt *Child : S->children())
      FindParses(Child);
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D); VD && Probed.count(VD))
          if (const auto *Init =
                  dyn_cast_or_null<CallExpr>(stripFullValue(VD->getInit())))
            Record(ParsedFrom(Init), VD);
      return;
    }
    const auto *Call = dyn_cast<CallExpr>(S);
    if (!Call)
      return;
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
        Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2) {
      if (const auto *Parse = dyn_cast<CallExpr>(stripFullValue(Op->getArg(1))))
        Record(ParsedFrom(Parse), documentVariableIn(Op->getArg(0)));
      return;
    }
    for (const Expr *Arg : Call->arguments())
      if (const ValueDecl *Document = documentVariableIn(Arg))
        Record(ParsedFrom(Call), Document);
  };
  FindParses(Top);
}

std::optional<SecretTrace> SecretFlow::mappedValue(const MemberExpr *Member) {
  // `m.find("password")->second`: the value stored under a secret's key.
  if (identifierOf(Member->getMemberDecl()) != "second")
    return std::nullopt;
  const Expr *Base = stripFullValue(Member->getBase());
  if (const auto *Arrow = dyn_cast<CXXOperatorCallExpr>(Base);
      Arrow && Arrow->getOperator() == OO_Arrow && Arrow->getNumArgs() >= 1)
    Base = stripFullValue(Arrow->getArg(0));
  const auto *Find = dyn_cast<CXXMemberCallExpr>(Base);
  if (!Find || identifierOf(Find->getMethodDecl()) != "find" ||
      Find->getNumArgs() < 1)
    return std::nullopt;
  const StringLiteral *Key = keyLiteral(Find->getArg(0));
  if (!Key || !isSecretIdentifier(Key->getString()))
    return std::nullopt;
  return sourceAt(("find(\"" + Key->getString() + "\")->second").str(),
                  Find->getBeginLoc());
}

std::optional<SecretTrace>
SecretFlow::anyArgument(const CallExpr *Call, unsigned Depth, unsigned From) {
  for (unsigned I = From, N = Call->getNumArgs(); I < N; ++I)
    if (std::optional<SecretTrace> T = traceOf(Call->getArg(I), Depth + 1))
      return T;
  return std::nullopt;
}

std::optional<SecretTrace> SecretFlow::callTrace(const CallExpr *Call,
                                                 unsigned Depth) {
  const FunctionDecl *FD = Call->getDirectCallee();
  StringRef Name = identifierOf(FD);
  if (!Name.empty() && (Sanitizer.match(Name) || Name == "size" ||
                        Name == "length" || Name == "empty"))
    return std::nullopt;
  if (std::optional<SecretTrace> T = sourceCall(Call))
    return T;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
    const Expr *Object = Member->getImplicitObjectArgument();
    if (!Object || !isTextType(Object->getType()->isPointerType()
                                   ? Object->getType()->getPointeeType()
                                   : Object->getType()))
      return std::nullopt;
    // A lookup by a key that names no secret (`j.at("user")`): the
    // key, not the document, says what the value is.
    if (isDocumentType(Object->getType()) && Call->getNumArgs() >= 1 &&
        asStringLiteral(Call->getArg(0)))
      return std::nullopt;
    if (std::optional<SecretTrace> T = traceOf(Object, Depth + 1))
      return T;
    if (llvm::is_contained({"arg", "append", "prepend", "insert", "replace",
                            "assign", "concat"},
                           Name))
      return anyArgument(Call, Depth);
    return std::nullopt;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
    switch (Op->getOperator()) {
    case OO_Plus:
    case OO_PlusEqual:
    case OO_Equal:
    case OO_LessLess:
    case OO_Percent:
    case OO_Star:
    case OO_Arrow:
      return anyArgument(Call, Depth);
    default:
      return std::nullopt;
    }
  }
  // Known formatters, reshaping helpers, and printf-style wrappers of the
  // project (`std::string fmt(const char *format, ...)`).
  if (FD && (propagatesArguments(qualifiedName(*FD)) || isTransform(Name) ||
             FD->isVariadic()))
    return anyArgument(Call, Depth);
  return std::nullopt;
}

std::optional<SecretTrace> SecretFlow::traceOf(const Expr *E, unsigned Depth) {
  if (!E || Depth > 40)
    return std::nullopt;
  E = E->IgnoreParens();
  if (!canCarrySecret(E->getType()))
    return std::nullopt;
  if (const auto *Full = dyn_cast<FullExpr>(E))
    return traceOf(Full->getSubExpr(), Depth + 1);
  if (const auto *Mat = dyn_cast<MaterializeTemporaryExpr>(E))
    return traceOf(Mat->getSubExpr(), Depth + 1);
  if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E))
    return traceOf(Bind->getSubExpr(), Depth + 1);
  if (const auto *Cast = dyn_cast<CastExpr>(E))
    return traceOf(Cast->getSubExpr(), Depth + 1);
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    const ValueDecl *D = Ref->getDecl();
    if (isSourceDecl(D))
      return isCleanHere(D)
                 ? std::nullopt
                 : std::optional(sourceAt(D->getName(), D->getLocation()));
    if (auto Parsed = ParsedSecretText.find(D);
        Parsed != ParsedSecretText.end() && !isCleanHere(D))
      return Parsed->second;
    return variableTrace(D);
  }
  if (const auto *Member = dyn_cast<MemberExpr>(E)) {
    const ValueDecl *D = Member->getMemberDecl();
    if (isSourceDecl(D))
      return sourceAt(D->getName(), Member->getMemberLoc());
    return mappedValue(Member);
  }
  if (const auto *Call = dyn_cast<CallExpr>(E))
    return callTrace(Call, Depth);
  if (const auto *Cond = dyn_cast<AbstractConditionalOperator>(E)) {
    if (std::optional<SecretTrace> T = traceOf(Cond->getTrueExpr(), Depth + 1))
      return T;
    return traceOf(Cond->getFalseExpr(), Depth + 1);
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    for (const Expr *Arg : Construct->arguments())
      if (std::optional<SecretTrace> T = traceOf(Arg, Depth + 1))
        return T;
    return std::nullopt;
  }
  if (const auto *Init = dyn_cast<InitListExpr>(E)) {
    for (const Expr *Sub : Init->inits())
      if (std::optional<SecretTrace> T = traceOf(Sub, Depth + 1))
        return T;
    return std::nullopt;
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (BO->getOpcode() == BO_Comma || BO->isAssignmentOp())
      return traceOf(BO->getRHS(), Depth + 1);
    if (BO->isAdditiveOp()) {
      if (std::optional<SecretTrace> T = traceOf(BO->getLHS(), Depth + 1))
        return T;
      return traceOf(BO->getRHS(), Depth + 1);
    }
    return std::nullopt;
  }
  if (const auto *Un = dyn_cast<UnaryOperator>(E)) {
    const Expr *Sub = Un->getSubExpr()->IgnoreParenImpCasts();
    if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(Sub))
      Sub = Subscript->getBase();
    return traceOf(Sub, Depth + 1);
  }
  if (const auto *Opaque = dyn_cast<OpaqueValueExpr>(E))
    return traceOf(Opaque->getSourceExpr(), Depth + 1);
  return std::nullopt;
}

void SecretFlow::recordSecret(const ValueDecl *D, const SecretTrace &T,
                              SourceLocation Loc, const std::string &Text) {
  if (!D || isSourceDecl(D))
    return;
  VariableState &State = Variables[D];
  State.CleanIn.reset();
  if (State.Secret)
    return; // the first path is the one shown
  SecretTrace New = T;
  New.Steps.push_back({Loc, Text});
  State.Secret = std::move(New);
}

void SecretFlow::visitVarInit(const VarDecl *VD) {
  // No initializer: an empty string or stream, or a buffer filled later.
  recordDefinition(VD,
                   VD->getInit() ? isCleanValue(VD->getInit(), 0)
                                 : VD->getType()->isRecordType(),
                   /*Replaces=*/true);
  if (!VD->getInit() || !canCarrySecret(VD->getType()) || isSourceDecl(VD))
    return;
  if (std::optional<SecretTrace> T = traceOf(VD->getInit()))
    recordSecret(VD, *T, VD->getLocation(),
                 "secret flows into '" + VD->getName().str() + "' here");
}

void SecretFlow::visitAssignment(const BinaryOperator *BO) {
  if (!BO->isAssignmentOp())
    return;
  const auto *Ref = dyn_cast<DeclRefExpr>(stripFullValue(BO->getLHS()));
  if (!Ref || !canCarrySecret(Ref->getType()))
    return;
  recordDefinition(Ref->getDecl(), isCleanValue(BO->getRHS(), 0),
                   /*Replaces=*/BO->getOpcode() == BO_Assign);
  if (std::optional<SecretTrace> T = traceOf(BO->getRHS()))
    recordSecret(Ref->getDecl(), *T, BO->getOperatorLoc(),
                 "secret flows into '" + Ref->getDecl()->getName().str() +
                     "' here");
}

void SecretFlow::visitWrites(const CallExpr *Call) {
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
    OverloadedOperatorKind Kind = Op->getOperator();
    if (Op->getNumArgs() != 2 ||
        (Kind != OO_Equal && Kind != OO_PlusEqual && Kind != OO_LessLess))
      return;
    const Expr *Target = Kind == OO_LessLess ? streamChainBase(Op->getArg(0))
                                             : stripFullValue(Op->getArg(0));
    const auto *Ref = dyn_cast<DeclRefExpr>(Target);
    if (!Ref || !isTextType(Ref->getType()))
      return;
    recordDefinition(Ref->getDecl(), isCleanValue(Op->getArg(1), 0),
                     /*Replaces=*/Kind == OO_Equal);
    std::optional<SecretTrace> T = traceOf(Op->getArg(1));
    if (!T)
      return;
    std::string Var = Ref->getDecl()->getName().str();
    std::string Text = Kind == OO_Equal ? "secret flows into '" + Var + "' here"
                       : Kind == OO_PlusEqual
                           ? "secret is appended to '" + Var + "' here"
                           : "secret is written into stream '" + Var + "' here";
    recordSecret(Ref->getDecl(), *T, Op->getArg(1)->getBeginLoc(), Text);
    return;
  }
  const FunctionDecl *FD = Call->getDirectCallee();
  StringRef Name = identifierOf(FD);
  if (Name.empty())
    return;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
    if (!isTextWriterMember(Name))
      return;
    const auto *Ref = dyn_cast_or_null<DeclRefExpr>(
        stripFullValue(Member->getImplicitObjectArgument()));
    if (!Ref || !isTextType(Ref->getType()))
      return;
    recordDefinition(Ref->getDecl(), allArgumentsClean(Call, 0, 0),
                     /*Replaces=*/Name == "assign");
    if (std::optional<SecretTrace> T = anyArgument(Call, 0))
      recordSecret(Ref->getDecl(), *T, Call->getBeginLoc(),
                   (Name == "assign" ? "secret flows into '"
                                     : "secret is appended to '") +
                       Ref->getDecl()->getName().str() + "' here");
    return;
  }
  if (Call->getNumArgs() < 2 || !isTextWriter(FD))
    return;
  const ValueDecl *Dest = destinationDecl(Call->getArg(0));
  if (!Dest)
    return;
  recordDefinition(Dest, allArgumentsClean(Call, 1, 0),
                   /*Replaces=*/!Name.contains("cat") &&
                       !Name.contains("Append"));
  if (std::optional<SecretTrace> T = anyArgument(Call, 0, 1))
    recordSecret(Dest, *T, Call->getBeginLoc(),
                 "secret is copied into '" + Dest->getName().str() + "' by '" +
                     Name.str() + "' here");
}

//===--- Statements -------------------------------------------------------===//

void SecretFlow::visit(const Stmt *S) {
  if (!S)
    return;
  if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D)) {
        visit(VD->getInit());
        visitVarInit(VD);
      }
    return;
  }
  // The parts of a branching statement run conditionally (or later, for
  // a lambda): a definition made in one reaches only that part.
  const auto *Logical = dyn_cast<BinaryOperator>(S);
  bool Branching =
      isa<IfStmt, ForStmt, WhileStmt, DoStmt, CXXForRangeStmt, SwitchStmt,
          AbstractConditionalOperator, CXXTryStmt, CXXCatchStmt, LambdaExpr>(
          S) ||
      (Logical && Logical->isLogicalOp());
  for (const Stmt *Child : S->children()) {
    if (Branching)
      Branches.push_back(Child);
    visit(Child);
    if (Branching)
      Branches.pop_back();
  }
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    noteUse(Ref);
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    visitWrites(Call);
    AtCall(Call);
  } else if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
    visitAssignment(BO);
  }
}

} // namespace prodready
