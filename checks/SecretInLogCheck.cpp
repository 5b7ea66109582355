//===--- SecretInLogCheck.cpp - prodready ---------------------------------===//
//
// A small intraprocedural taint analysis. Every function body is walked once,
// in evaluation order (children before parents, statements in sequence):
//  * sources are string-typed variables, parameters, fields and getter calls
//    whose names say they hold a secret (SecretUtils.h), plus getenv() of a
//    secret-named variable;
//  * taint moves through copies, concatenation, formatting functions,
//    member calls on a tainted string (c_str, substr, str, ...), and into
//    local variables, streams and buffers by initialization, assignment,
//    `+=`, append, `<<` and snprintf/strcpy/format_to-like writers; every move
//    into a variable is remembered as a step for the notes;
//  * sanitizers (SanitizerRegex, size/length/empty) and any value that is not
//    text (integers, booleans, enums, ...) end the flow;
//  * at every log or console sink the arguments are judged.
//
//===----------------------------------------------------------------------===//

#include "SecretInLogCheck.h"
#include "SecretUtils.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringSwitch.h"
#include <optional>

using namespace clang;
using namespace clang::ast_matchers;

namespace prodready {

static constexpr llvm::StringLiteral DefaultSanitizerRegex =
    "mask|redact|scrub|sanitize|obfuscate|hash|sha[0-9]*|hmac|digest|elide|"
    "fingerprint";

SecretInLogCheck::SecretInLogCheck(StringRef Name,
                                   tidy::ClangTidyContext *Context)
    : ProdReadyCheck(Name, Context), SecretNames(*this, Options),
      SanitizerPattern(Options.get("SanitizerRegex", DefaultSanitizerRegex)),
      LogFunctions(splitList(Options.get("LogFunctions", ""))),
      Sanitizer(*this, "SanitizerRegex", SanitizerPattern, true) {}

void SecretInLogCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  SecretNames.store(Options, Opts);
  Options.store(Opts, "SanitizerRegex", SanitizerPattern);
  Options.store(Opts, "LogFunctions", joinList(LogFunctions));
}

void SecretInLogCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(functionDecl(isDefinition(),
                                  unless(isExpansionInSystemHeader()),
                                  unless(isTemplateInstantiation()))
                         .bind("fn"),
                     this);
}

namespace {

//===--- Type and name classification ------------------------------------===//

/// Classes whose objects are log streams or produce them (the `<<` base of
/// glog, absl, Boost.Log, Qt, log4cxx, easylogging++, plog, folly, loguru).
const std::vector<std::string> &logClasses() {
  static const std::vector<std::string> Names = {
      "google::LogMessage",
      "google::NullStream",
      "absl::log_internal::LogMessage",
      "boost::log::basic_record_ostream",
      "boost::log::aux::record_pump",
      "QDebug",
      "QMessageLogger",
      "log4cxx::helpers::MessageBuffer",
      "log4cxx::helpers::CharMessageBuffer",
      "el::base::Writer",
      "plog::Record",
      "folly::LogStream",
      "folly::LogStreamProcessor",
      "loguru::StreamLogger"};
  return Names;
}

template <typename Pred>
bool anyClassInHierarchy(const CXXRecordDecl *RD, Pred P, unsigned Depth = 0) {
  if (!RD || Depth > 8)
    return false;
  if (P(RD))
    return true;
  if (!RD->hasDefinition())
    return false;
  for (const CXXBaseSpecifier &Base : RD->getDefinition()->bases())
    if (anyClassInHierarchy(Base.getType()->getAsCXXRecordDecl(), P, Depth + 1))
      return true;
  return false;
}

bool isLogClass(const CXXRecordDecl *RD) {
  return anyClassInHierarchy(RD, [](const CXXRecordDecl *C) {
    return matchesAnyName(qualifiedName(*C), logClasses());
  });
}

const CXXRecordDecl *recordOf(QualType T) {
  if (T.isNull())
    return nullptr;
  T = T.getNonReferenceType();
  if (const auto *Ptr = T->getAs<PointerType>())
    T = Ptr->getPointeeType();
  return T->getAsCXXRecordDecl();
}

bool isStreamClass(const CXXRecordDecl *RD) {
  return anyClassInHierarchy(RD, [](const CXXRecordDecl *C) {
    StringRef N = C->getName();
    return N == "basic_ios" || N == "basic_ostream" || N == "basic_streambuf" ||
           N == "QTextStream" || N == "QDebug" || isLogClass(C);
  });
}

/// Types a secret can travel in: text, streams and formatting helpers.
bool isTextType(QualType T) {
  if (T.isNull())
    return false;
  if (isStringLikeType(T))
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
         isStreamClass(RD);
}

/// Whether a value of type \p T can carry (part of) a secret: char pointers
/// and arrays, and text classes. Integers, booleans, enums, floating point,
/// and other classes cannot.
bool canCarry(QualType T) {
  if (T.isNull())
    return false;
  T = T.getNonReferenceType().getCanonicalType();
  if (T->isPointerType() || T->isArrayType())
    return isStringLikeType(T);
  if (T->isRecordType())
    return isTextType(T);
  return false;
}

StringRef identifierOf(const NamedDecl *D) {
  if (!D || !D->getDeclName().isIdentifier())
    return {};
  return D->getName();
}

bool isCOrStdFunction(const FunctionDecl *FD) {
  const DeclContext *DC = FD->getDeclContext()->getRedeclContext();
  if (DC->isTranslationUnit() || DC->isExternCContext())
    return true;
  if (const auto *NS = dyn_cast<NamespaceDecl>(DC))
    return NS->isStdNamespace() ||
           (NS->getName() == "std" && NS->getParent()->isTranslationUnit());
  return false;
}

const Expr *strip(const Expr *E) {
  while (E) {
    const Expr *Next = stripValue(E);
    if (const auto *FE = dyn_cast<FullExpr>(Next))
      Next = FE->getSubExpr();
    if (const auto *Cast = dyn_cast<ImplicitCastExpr>(Next))
      Next = Cast->getSubExpr();
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

/// The base of a `a << b << c` chain (`a`).
const Expr *streamChainBase(const Expr *E) {
  while (true) {
    E = strip(E);
    const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(E);
    if (!Op || Op->getOperator() != OO_LessLess || Op->getNumArgs() != 2)
      return E;
    E = Op->getArg(0);
  }
}

/// The variable an output argument writes to: `buf`, `&buf[0]`, `buf.data()`,
/// `std::back_inserter(buf)`, `&str`.
const ValueDecl *destinationDecl(const Expr *E) {
  for (int Depth = 0; E && Depth < 8; ++Depth) {
    E = strip(E);
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

//===--- The analysis -----------------------------------------------------===//

struct Step {
  SourceLocation Loc;
  std::string Text;
};

struct Taint {
  std::string Secret;
  llvm::SmallVector<Step, 4> Steps; // Steps[0] is the source.
};

using MaybeTaint = std::optional<Taint>;

class Analysis {
public:
  Analysis(SecretInLogCheck &Check, ASTContext &Ctx,
           llvm::DenseSet<unsigned> &Reported)
      : Check(Check), Ctx(Ctx), SM(Ctx.getSourceManager()), Reported(Reported) {
  }

  void visit(const Stmt *S);

private:
  // Classification.
  bool isSecretIdentifier(StringRef Name) const;
  bool isSourceDecl(const ValueDecl *D) const;
  MaybeTaint sourceCall(const CallExpr *Call) const;
  Taint sourceAt(StringRef Secret, SourceLocation Loc) const;

  // Data flow.
  MaybeTaint taintOf(const Expr *E, unsigned Depth = 0);
  MaybeTaint callTaint(const CallExpr *Call, unsigned Depth);
  MaybeTaint anyArg(const CallExpr *Call, unsigned Depth, unsigned From = 0);
  void taintVar(const ValueDecl *D, const Taint &T, SourceLocation Loc,
                const std::string &Text);
  void handleVarInit(const VarDecl *VD);
  void handleWrites(const CallExpr *Call);
  void handleAssignment(const BinaryOperator *BO);

  // Sinks.
  void handleSink(const CallExpr *Call);
  bool sinkArgs(const CallExpr *Call, llvm::SmallVectorImpl<const Expr *> &Args,
                std::string &SinkName);
  bool isLogStream(const Expr *Base, std::string &Name) const;
  bool isConsoleFile(const Expr *E) const;
  bool isConsoleFd(const Expr *E) const;
  StringRef macroNameAt(SourceLocation Loc) const;
  bool isLogMacroName(StringRef Name) const;
  bool isUserSpelled(SourceLocation Loc) const;
  SourceLocation userLoc(SourceLocation Loc) const;
  void report(const Expr *Arg, const Taint &T, StringRef SinkName);

  SecretInLogCheck &Check;
  ASTContext &Ctx;
  const SourceManager &SM;
  llvm::DenseSet<unsigned> &Reported;
  llvm::DenseMap<const ValueDecl *, Taint> Vars;
};

bool Analysis::isSecretIdentifier(StringRef Name) const {
  if (!Check.SecretNames.isSecret(Name))
    return false;
  // A masked_password or redacted_token is the result of sanitizing.
  return !Check.Sanitizer.match(Name) &&
         !Name.contains_insensitive("placeholder");
}

/// A string literal, possibly converted to a string class.
static const StringLiteral *asStringLiteral(const Expr *E) {
  E = strip(E);
  if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(E))
    if (Construct->getNumArgs() >= 1)
      E = strip(Construct->getArg(0));
  return dyn_cast_or_null<StringLiteral>(E);
}

bool Analysis::isSourceDecl(const ValueDecl *D) const {
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
    if (const auto *Init = dyn_cast_or_null<CallExpr>(strip(VD->getInit())))
      if (StringRef Callee = identifierOf(Init->getDirectCallee());
          !Callee.empty() && Check.Sanitizer.match(Callee))
        return false;
  }
  return true;
}

Taint Analysis::sourceAt(StringRef Secret, SourceLocation Loc) const {
  Taint T;
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

MaybeTaint Analysis::sourceCall(const CallExpr *Call) const {
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD)
    return std::nullopt;
  // A keyed lookup of a secret: req->getParameter("password"),
  // headers["cookie"], cfg.get<std::string>("db.password").
  if (isStringLikeType(Call->getType())) {
    const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
    bool Subscript = Op && Op->getOperator() == OO_Subscript;
    static const llvm::Regex Lookup(
        "get|value|param|header|cookie|query|field|attr|setting|option|env|"
        "lookup|find|read|load|fetch|^at$",
        llvm::Regex::IgnoreCase);
    StringRef Callee = identifierOf(FD);
    if (Subscript || (!Callee.empty() && Lookup.match(Callee) &&
                      !Check.Sanitizer.match(Callee))) {
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

MaybeTaint Analysis::anyArg(const CallExpr *Call, unsigned Depth,
                            unsigned From) {
  for (unsigned I = From, N = Call->getNumArgs(); I < N; ++I)
    if (MaybeTaint T = taintOf(Call->getArg(I), Depth + 1))
      return T;
  return std::nullopt;
}

/// Functions whose (text) result carries the text of their arguments.
static bool propagatesArguments(StringRef Qualified) {
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
static bool isTransform(StringRef Name) {
  static const llvm::Regex Transform(
      "encode|decode|decrypt|escape|quote|trim|strip|lower|upper|to_?str|"
      "utf8|utf16|wide|"
      "narrow|convert|base64|b64|hex|concat|join|format|append|dup$|copy|"
      "substr|truncat|pad|wrap|replace",
      llvm::Regex::IgnoreCase);
  return !Name.empty() && Transform.match(Name);
}

MaybeTaint Analysis::callTaint(const CallExpr *Call, unsigned Depth) {
  const FunctionDecl *FD = Call->getDirectCallee();
  StringRef Name = identifierOf(FD);
  if (!Name.empty() && (Check.Sanitizer.match(Name) || Name == "size" ||
                        Name == "length" || Name == "empty"))
    return std::nullopt;
  if (MaybeTaint T = sourceCall(Call))
    return T;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
    const Expr *Object = Member->getImplicitObjectArgument();
    if (!Object || !isTextType(Object->getType()->isPointerType()
                                   ? Object->getType()->getPointeeType()
                                   : Object->getType()))
      return std::nullopt;
    if (MaybeTaint T = taintOf(Object, Depth + 1))
      return T;
    if (llvm::is_contained({"arg", "append", "prepend", "insert", "replace",
                            "assign", "concat"},
                           Name))
      return anyArg(Call, Depth);
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
      return anyArg(Call, Depth);
    default:
      return std::nullopt;
    }
  }
  // Known formatters, reshaping helpers, and printf-style wrappers of the
  // project (`std::string fmt(const char *format, ...)`).
  if (FD && (propagatesArguments(qualifiedName(*FD)) || isTransform(Name) ||
             FD->isVariadic()))
    return anyArg(Call, Depth);
  return std::nullopt;
}

MaybeTaint Analysis::taintOf(const Expr *E, unsigned Depth) {
  if (!E || Depth > 40)
    return std::nullopt;
  E = E->IgnoreParens();
  if (!canCarry(E->getType()))
    return std::nullopt;
  if (const auto *Full = dyn_cast<FullExpr>(E))
    return taintOf(Full->getSubExpr(), Depth + 1);
  if (const auto *Mat = dyn_cast<MaterializeTemporaryExpr>(E))
    return taintOf(Mat->getSubExpr(), Depth + 1);
  if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E))
    return taintOf(Bind->getSubExpr(), Depth + 1);
  if (const auto *Cast = dyn_cast<CastExpr>(E))
    return taintOf(Cast->getSubExpr(), Depth + 1);
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    const ValueDecl *D = Ref->getDecl();
    if (isSourceDecl(D))
      return sourceAt(D->getName(), D->getLocation());
    auto It = Vars.find(D);
    if (It != Vars.end())
      return It->second;
    return std::nullopt;
  }
  if (const auto *Member = dyn_cast<MemberExpr>(E)) {
    const ValueDecl *D = Member->getMemberDecl();
    if (isSourceDecl(D))
      return sourceAt(D->getName(), Member->getMemberLoc());
    return std::nullopt;
  }
  if (const auto *Call = dyn_cast<CallExpr>(E))
    return callTaint(Call, Depth);
  if (const auto *Cond = dyn_cast<AbstractConditionalOperator>(E)) {
    if (MaybeTaint T = taintOf(Cond->getTrueExpr(), Depth + 1))
      return T;
    return taintOf(Cond->getFalseExpr(), Depth + 1);
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    for (const Expr *Arg : Construct->arguments())
      if (MaybeTaint T = taintOf(Arg, Depth + 1))
        return T;
    return std::nullopt;
  }
  if (const auto *Init = dyn_cast<InitListExpr>(E)) {
    for (const Expr *Sub : Init->inits())
      if (MaybeTaint T = taintOf(Sub, Depth + 1))
        return T;
    return std::nullopt;
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (BO->getOpcode() == BO_Comma || BO->isAssignmentOp())
      return taintOf(BO->getRHS(), Depth + 1);
    if (BO->isAdditiveOp()) {
      if (MaybeTaint T = taintOf(BO->getLHS(), Depth + 1))
        return T;
      return taintOf(BO->getRHS(), Depth + 1);
    }
    return std::nullopt;
  }
  if (const auto *Un = dyn_cast<UnaryOperator>(E)) {
    const Expr *Sub = Un->getSubExpr()->IgnoreParenImpCasts();
    if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(Sub))
      Sub = Subscript->getBase();
    return taintOf(Sub, Depth + 1);
  }
  if (const auto *Opaque = dyn_cast<OpaqueValueExpr>(E))
    return taintOf(Opaque->getSourceExpr(), Depth + 1);
  return std::nullopt;
}

void Analysis::taintVar(const ValueDecl *D, const Taint &T, SourceLocation Loc,
                        const std::string &Text) {
  if (!D || isSourceDecl(D) || Vars.count(D))
    return;
  Taint New = T;
  New.Steps.push_back({Loc, Text});
  Vars[D] = std::move(New);
}

void Analysis::handleVarInit(const VarDecl *VD) {
  if (!VD->getInit() || !canCarry(VD->getType()) || isSourceDecl(VD))
    return;
  if (MaybeTaint T = taintOf(VD->getInit()))
    taintVar(VD, *T, VD->getLocation(),
             "secret flows into '" + VD->getName().str() + "' here");
}

void Analysis::handleAssignment(const BinaryOperator *BO) {
  if (!BO->isAssignmentOp())
    return;
  const auto *Ref = dyn_cast<DeclRefExpr>(strip(BO->getLHS()));
  if (!Ref || !canCarry(Ref->getType()))
    return;
  if (MaybeTaint T = taintOf(BO->getRHS()))
    taintVar(Ref->getDecl(), *T, BO->getOperatorLoc(),
             "secret flows into '" + Ref->getDecl()->getName().str() +
                 "' here");
}

void Analysis::handleWrites(const CallExpr *Call) {
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
    OverloadedOperatorKind Kind = Op->getOperator();
    if (Op->getNumArgs() != 2 ||
        (Kind != OO_Equal && Kind != OO_PlusEqual && Kind != OO_LessLess))
      return;
    const Expr *Target = Kind == OO_LessLess ? streamChainBase(Op->getArg(0))
                                             : strip(Op->getArg(0));
    const auto *Ref = dyn_cast<DeclRefExpr>(Target);
    if (!Ref || !isTextType(Ref->getType()))
      return;
    MaybeTaint T = taintOf(Op->getArg(1));
    if (!T)
      return;
    std::string Var = Ref->getDecl()->getName().str();
    std::string Text = Kind == OO_Equal ? "secret flows into '" + Var + "' here"
                       : Kind == OO_PlusEqual
                           ? "secret is appended to '" + Var + "' here"
                           : "secret is written into stream '" + Var + "' here";
    taintVar(Ref->getDecl(), *T, Op->getArg(1)->getBeginLoc(), Text);
    return;
  }
  const FunctionDecl *FD = Call->getDirectCallee();
  StringRef Name = identifierOf(FD);
  if (Name.empty())
    return;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
    if (!llvm::is_contained({"append", "insert", "assign", "push_back",
                             "prepend", "replace", "write", "operator+="},
                            Name))
      return;
    const auto *Ref = dyn_cast_or_null<DeclRefExpr>(
        strip(Member->getImplicitObjectArgument()));
    if (!Ref || !isTextType(Ref->getType()))
      return;
    if (MaybeTaint T = anyArg(Call, 0))
      taintVar(Ref->getDecl(), *T, Call->getBeginLoc(),
               (Name == "assign" ? "secret flows into '"
                                 : "secret is appended to '") +
                   Ref->getDecl()->getName().str() + "' here");
    return;
  }
  // Free functions that write their text arguments into their first one.
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
  if (Call->getNumArgs() < 2 || !matchesAnyName(qualifiedName(*FD), Writers))
    return;
  const ValueDecl *Dest = destinationDecl(Call->getArg(0));
  if (!Dest)
    return;
  if (MaybeTaint T = anyArg(Call, 0, 1))
    taintVar(Dest, *T, Call->getBeginLoc(),
             "secret is copied into '" + Dest->getName().str() + "' by '" +
                 Name.str() + "' here");
}

//===--- Sinks ------------------------------------------------------------===//

StringRef Analysis::macroNameAt(SourceLocation Loc) const {
  if (!Loc.isMacroID())
    return {};
  SourceLocation Expansion = SM.getExpansionLoc(Loc);
  return Lexer::getSourceText(CharSourceRange::getTokenRange(Expansion), SM,
                              Ctx.getLangOpts());
}

bool Analysis::isLogMacroName(StringRef Name) const {
  if (Name.empty())
    return false;
  if (llvm::is_contained({"qDebug", "qInfo", "qWarning", "qCritical", "qFatal",
                          "qCDebug", "qCInfo", "qCWarning", "qCCritical"},
                         Name))
    return true;
  if (matchesAnyName(Name, Check.LogFunctions))
    return true;
  static const llvm::Regex LogMacro(
      "(^|_)[A-Z]{0,3}LOG[A-Z0-9]{0,6}(_|$)|"
      "^(DEBUG|DBG|TRACE|DPRINTF?|DEBUG_?(PRINT|MSG|LOG))$");
  static const llvm::Regex NotLog(
      "LOGIN|LOGON|LOGOUT|LOGOFF|DIALOG|CATALOG|BACKLOG|PROLOG|EPILOG|ANALOG");
  return LogMacro.match(Name) && !NotLog.match(Name);
}

bool Analysis::isLogStream(const Expr *Base, std::string &Name) const {
  Base = strip(Base);
  if (!Base)
    return false;
  StringRef Macro = macroNameAt(Base->getBeginLoc());
  bool FromMacroBody = !Macro.empty() && !isUserSpelled(Base->getBeginLoc());
  auto Found = [&](StringRef What) {
    // Name what the user wrote: the macro (LOG, CHECK, BOOST_LOG_TRIVIAL,
    // qDebug, ...) rather than the class it expands to.
    Name = FromMacroBody ? Macro.str() : What.str();
    return true;
  };
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Base)) {
    StringRef Var = identifierOf(Ref->getDecl());
    if (Ref->getDecl()->isInStdNamespace() &&
        llvm::is_contained({"cout", "cerr", "clog", "wcout", "wcerr", "wclog"},
                           Var))
      return Found(("std::" + Var).str());
  }
  if (const CXXRecordDecl *RD = recordOf(Base->getType()); RD && isLogClass(RD))
    return Found(qualifiedName(*RD));
  if (const auto *Call = dyn_cast<CallExpr>(Base)) {
    if (const FunctionDecl *FD = Call->getDirectCallee()) {
      std::string Qualified = qualifiedName(*FD);
      if (matchesAnyName(Qualified, Check.LogFunctions))
        return Found(Qualified);
    }
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
      if (const Expr *Object = Member->getImplicitObjectArgument())
        if (const CXXRecordDecl *RD = recordOf(Object->getType());
            RD && isLogClass(RD))
          return Found(qualifiedName(*RD));
  }
  // Any other stream obtained from a logging macro (`MY_LOG(INFO) << ...`).
  if (isLogMacroName(Macro) && !isUserSpelled(Base->getBeginLoc()) &&
      recordOf(Base->getType()))
    return Found(Macro);
  return false;
}

bool Analysis::isConsoleFile(const Expr *E) const {
  E = strip(E);
  const ValueDecl *D = nullptr;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    D = Ref->getDecl();
  else if (const auto *Member = dyn_cast<MemberExpr>(E))
    D = Member->getMemberDecl();
  StringRef Name = identifierOf(D);
  return Name == "stdout" || Name == "stderr" ||
         Name.contains_insensitive("log");
}

bool Analysis::isConsoleFd(const Expr *E) const {
  Expr::EvalResult Result;
  if (E->EvaluateAsInt(Result, Ctx))
    return Result.Val.getInt() == 1 || Result.Val.getInt() == 2;
  return isConsoleFile(E);
}

bool Analysis::sinkArgs(const CallExpr *Call,
                        llvm::SmallVectorImpl<const Expr *> &Args,
                        std::string &SinkName) {
  auto From = [&](unsigned First) {
    for (unsigned I = First, N = Call->getNumArgs(); I < N; ++I)
      Args.push_back(Call->getArg(I));
    return !Args.empty();
  };
  // Stream insertion into a log or console stream.
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
    if (Op->getOperator() != OO_LessLess || Op->getNumArgs() != 2)
      return false;
    if (!isLogStream(streamChainBase(Op->getArg(0)), SinkName))
      return false;
    Args.push_back(Op->getArg(1));
    return true;
  }
  const FunctionDecl *FD = Call->getDirectCallee();
  StringRef Name = identifierOf(FD);
  if (Name.empty())
    return false;
  std::string Qualified = qualifiedName(*FD);
  SinkName = Qualified;
  if (matchesAnyName(Qualified, Check.LogFunctions))
    return From(0);

  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
    const CXXRecordDecl *Class = Member->getMethodDecl()->getParent();
    std::string ClassName = qualifiedName(*Class);
    bool Level = llvm::is_contained(
        {"trace", "debug", "info", "warn", "error", "critical", "log"}, Name);
    if (ClassName == "spdlog::logger" && Level)
      return From(0);
    if (ClassName == "QMessageLogger" &&
        llvm::is_contained({"debug", "info", "warning", "critical", "fatal"},
                           Name))
      return From(0);
    std::string Stream;
    if ((Name == "write" || Name == "put") &&
        isLogStream(Member->getImplicitObjectArgument(), Stream)) {
      SinkName = Stream + "." + Name.str();
      return From(0);
    }
  } else if (isCOrStdFunction(FD)) {
    SinkName = Name.str();
    unsigned N = Call->getNumArgs();
    if (llvm::is_contained({"printf", "vprintf", "wprintf", "vwprintf", "puts",
                            "perror", "warn", "warnx", "vwarn", "vwarnx",
                            "OutputDebugStringA", "OutputDebugStringW"},
                           Name))
      return From(0);
    if (llvm::is_contained({"syslog", "vsyslog", "err", "errx", "verr", "verrx",
                            "sd_journal_print"},
                           Name))
      return From(1);
    if (llvm::is_contained({"__android_log_print", "__android_log_write"},
                           Name))
      return From(1);
    if (llvm::is_contained({"fprintf", "vfprintf", "fwprintf", "vfwprintf"},
                           Name))
      return N >= 1 && isConsoleFile(Call->getArg(0)) && From(1);
    if (llvm::is_contained({"fputs", "fputws"}, Name))
      return N == 2 && isConsoleFile(Call->getArg(1)) && From(0);
    if (Name == "fwrite")
      return N == 4 && isConsoleFile(Call->getArg(3)) &&
             (Args.push_back(Call->getArg(0)), true);
    if (Name == "dprintf" || Name == "vdprintf")
      return N >= 1 && isConsoleFd(Call->getArg(0)) && From(1);
    if (Name == "write")
      return N == 3 && isConsoleFd(Call->getArg(0)) &&
             (Args.push_back(Call->getArg(1)), true);
    SinkName = Qualified;
  }
  if (FD->getDeclContext()->isNamespace() &&
      llvm::StringRef(Qualified).starts_with("spdlog::") &&
      Qualified.rfind("::") == 6 &&
      llvm::is_contained(
          {"trace", "debug", "info", "warn", "error", "critical", "log"}, Name))
    return From(0);
  if (llvm::is_contained(
          {"fmt::print", "fmt::println", "fmt::vprint", "fmt::printf",
           "fmt::fprintf", "std::print", "std::println", "std::vprint_unicode",
           "std::vprint_nonunicode", "absl::PrintF", "absl::FPrintF"},
          Qualified)) {
    if (Call->getNumArgs() == 0)
      return false;
    QualType First = FD->getParamDecl(0)->getType();
    if (First->isPointerType() && !isStringLikeType(First))
      return isConsoleFile(Call->getArg(0)) && From(1); // FILE *
    if (const CXXRecordDecl *RD = recordOf(First); RD && isStreamClass(RD)) {
      std::string Stream;
      return isLogStream(Call->getArg(0), Stream) && From(1);
    }
    return From(0);
  }
  if (llvm::is_contained({"google::RawLog__", "absl::raw_log_internal::RawLog"},
                         Qualified))
    return From(0);
  // A printing call made by a logging macro with the user's arguments:
  // `#define LOG_INFO(...) my_log_write(LEVEL_INFO, __VA_ARGS__)`.
  SourceLocation CallLoc = Call->getBeginLoc();
  if (CallLoc.isMacroID() && !isUserSpelled(CallLoc) &&
      isLogMacroName(macroNameAt(CallLoc))) {
    static const llvm::Regex Printing(
        "log|print|write|out|emit|msg|message|trace|debug|info|warn|err|fatal|"
        "crit|notice",
        llvm::Regex::IgnoreCase);
    if (!Printing.match(Name))
      return false;
    SinkName = macroNameAt(CallLoc).str();
    for (const Expr *Arg : Call->arguments())
      if (isUserSpelled(Arg->getBeginLoc()))
        Args.push_back(Arg);
    return !Args.empty();
  }
  return false;
}

bool Analysis::isUserSpelled(SourceLocation Loc) const {
  while (Loc.isMacroID()) {
    if (!SM.isMacroArgExpansion(Loc))
      return false;
    Loc = SM.getImmediateSpellingLoc(Loc);
  }
  return true;
}

SourceLocation Analysis::userLoc(SourceLocation Loc) const {
  if (Loc.isMacroID() && isUserSpelled(Loc))
    return SM.getSpellingLoc(Loc);
  return reportLocation(Loc, SM);
}

void Analysis::report(const Expr *Arg, const Taint &T, StringRef SinkName) {
  const Expr *Shown = Arg;
  while (true) { // `(x)` in a macro body: point at the user's `x`
    const Expr *Inner = strip(Shown)->IgnoreParens();
    if (Inner == Shown)
      break;
    Shown = Inner;
  }
  SourceLocation Loc = userLoc(Shown->getBeginLoc());
  if (Loc.isInvalid() || SM.isInSystemHeader(Loc) ||
      !Reported.insert(Loc.getRawEncoding()).second)
    return;
  Check.diag(Loc, "secret '%0' is written to a log by '%1', exposing it to "
                  "everyone who can read the logs; log a redacted form "
                  "(mask, hash) or only its length instead")
      << T.Secret << SinkName;
  for (const Step &S : T.Steps)
    Check.diag(userLoc(S.Loc), "%0", DiagnosticIDs::Note) << S.Text;
}

void Analysis::handleSink(const CallExpr *Call) {
  llvm::SmallVector<const Expr *, 8> Args;
  std::string SinkName;
  if (!sinkArgs(Call, Args, SinkName))
    return;
  SourceLocation CallLoc = Call->getBeginLoc();
  if (!isa<CXXOperatorCallExpr>(Call) && CallLoc.isMacroID() &&
      !isUserSpelled(CallLoc))
    if (StringRef Macro = macroNameAt(CallLoc); !Macro.empty())
      SinkName = Macro.str(); // SPDLOG_INFO rather than spdlog::logger::log
  for (const Expr *Arg : Args)
    if (MaybeTaint T = taintOf(Arg))
      report(Arg, *T, SinkName);
}

void Analysis::visit(const Stmt *S) {
  if (!S)
    return;
  if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D)) {
        visit(VD->getInit());
        handleVarInit(VD);
      }
    return;
  }
  for (const Stmt *Child : S->children())
    visit(Child);
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    handleWrites(Call);
    handleSink(Call);
  } else if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
    handleAssignment(BO);
  }
}

} // namespace

void SecretInLogCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *FD = Result.Nodes.getNodeAs<FunctionDecl>("fn");
  if (!FD || !FD->hasBody())
    return;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(FD);
      Method && Method->getParent()->isLambda())
    return; // walked as part of the enclosing function
  llvm::DenseSet<unsigned> Reported;
  Analysis A(*this, *Result.Context, Reported);
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->isWritten())
        A.visit(Init->getInit());
  A.visit(FD->getBody());
}

} // namespace prodready
