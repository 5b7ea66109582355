//===--- InsecureTransportCheck.cpp - prodready ---------------------------===//

#include "InsecureTransportCheck.h"
#include "CurlUtils.h"
#include "FixItUtils.h"
#include "TransportUtils.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace prodready {

static constexpr llvm::StringLiteral DefaultHttpClientApis =
    "httplib::Client;httplib::ClientImpl;cpr::Url;"
    "web::http::client::http_client;drogon::HttpClient::newHttpClient";

// Hosts that only speak plain HTTP by design: the link-local cloud instance
// metadata services.
static constexpr llvm::StringLiteral DefaultAllowedHttpHostRegex =
    "^(169\\.254\\.169\\.254|metadata\\.google\\.internal|fd00:ec2::254)$";

// Names of OpenSSL's own API: passing a context to these does not hand it to
// code that might configure verification elsewhere.
static constexpr llvm::StringLiteral OpenSslApiRegex =
    "^::(SSL|TLS|DTLS|BIO|X509|EVP|OPENSSL|ERR|PEM|OSSL|CRYPTO)_";

static constexpr llvm::StringLiteral AsioSslClassRegex =
    "(asio::ssl::(context|stream)|beast::ssl_stream)$";

InsecureTransportCheck::InsecureTransportCheck(StringRef Name,
                                               tidy::ClangTidyContext *Context)
    : ProdReadyCheck(Name, Context),
      HttpClientApis(
          splitList(Options.get("HttpClientApis", DefaultHttpClientApis))),
      AllowedHttpHostPattern(
          Options.get("AllowedHttpHostRegex", DefaultAllowedHttpHostRegex)),
      AllowedHttpHostRegex(*this, "AllowedHttpHostRegex",
                           AllowedHttpHostPattern, /*IgnoreCase=*/true) {}

void InsecureTransportCheck::storeOptions(
    tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "HttpClientApis", joinList(HttpClientApis));
  Options.store(Opts, "AllowedHttpHostRegex", AllowedHttpHostPattern);
}

void InsecureTransportCheck::registerMatchers(MatchFinder *Finder) {
  // No isInTemplateInstantiation(): it walks every candidate's ancestors
  // (building the parent map of the whole TU); a finding in a template is
  // reported once because findings are de-duplicated by location.
  auto User = unless(isExpansionInSystemHeader());
  auto Fn = [](auto... Names) {
    return callee(functionDecl(hasAnyName(Names...)));
  };

  // libcurl.
  Finder->addMatcher(stmt(curlEasySetoptCall(), User).bind("setopt"), this);

  // OpenSSL.
  Finder->addMatcher(
      callExpr(Fn("::SSL_CTX_set_verify", "::SSL_set_verify"), User)
          .bind("set_verify"),
      this);
  Finder->addMatcher(
      callExpr(Fn("::SSL_CTX_new", "::SSL_CTX_new_ex"), User).bind("ctx_new"),
      this);
  Finder->addMatcher(callExpr(Fn("::SSL_new"), User).bind("ssl_new"), this);
  Finder->addMatcher(callExpr(Fn("::SSL_accept", "::SSL_set_accept_state",
                                 "::SSL_stateless", "::DTLSv1_listen"),
                              User)
                         .bind("server_evidence"),
                     this);
  Finder->addMatcher(callExpr(Fn("::SSL_connect", "::SSL_set_connect_state",
                                 "::BIO_new_ssl_connect", "::SSL_set1_host"),
                              User)
                         .bind("client_evidence"),
                     this);
  Finder->addMatcher(
      callExpr(Fn("::SSL_CTX_use_certificate", "::SSL_CTX_use_certificate_file",
                  "::SSL_CTX_use_certificate_chain_file",
                  "::SSL_CTX_use_PrivateKey", "::SSL_CTX_use_PrivateKey_file"),
               User)
          .bind("own_certificate"),
      this);
  Finder->addMatcher(callExpr(Fn("::SSL_CTX_set_cert_verify_callback",
                                 "::SSL_get_verify_result"),
                              User)
                         .bind("manual_verify"),
                     this);
  auto SslCtxPtr = hasType(hasCanonicalType(pointerType(
      pointee(hasDeclaration(recordDecl(hasName("::ssl_ctx_st")))))));
  auto CtxRef = ignoringParenImpCasts(expr(SslCtxPtr).bind("escape"));
  // Cheap predicates first: the type test, then the callee's name.
  Finder->addMatcher(
      callExpr(forEach(expr(CtxRef)),
               unless(callee(functionDecl(matchesName(OpenSslApiRegex.str())))),
               User),
      this);
  Finder->addMatcher(cxxConstructExpr(forEach(expr(CtxRef)), User), this);
  Finder->addMatcher(returnStmt(hasReturnValue(CtxRef), User), this);
  Finder->addMatcher(
      varDecl(hasInitializer(CtxRef), unless(isExpansionInSystemHeader())),
      this);
  Finder->addMatcher(
      binaryOperator(isAssignmentOperator(), hasRHS(CtxRef), User), this);

  // Boost.Asio / Beast.
  auto AsioSsl = cxxRecordDecl(matchesName(AsioSslClassRegex.str()));
  Finder->addMatcher(
      cxxMemberCallExpr(
          callee(cxxMethodDecl(hasName("set_verify_mode"), ofClass(AsioSsl))),
          User)
          .bind("asio_verify"),
      this);
  Finder->addMatcher(
      cxxConstructExpr(
          hasArgument(0, ignoringParenImpCasts(declRefExpr(
                             to(enumConstantDecl().bind("asio_method"))))),
          hasType(cxxRecordDecl(hasName("context"),
                                matchesName("asio::ssl::context$"))),
          User)
          .bind("asio_ctx"),
      this);
  Finder->addMatcher(
      cxxConstructExpr(
          argumentCountIs(2),
          hasType(cxxRecordDecl(
              hasAnyName("stream", "ssl_stream"),
              matchesName("(asio::ssl::stream|beast::ssl_stream)$"))),
          User)
          .bind("asio_stream"),
      this);
  Finder->addMatcher(
      cxxMemberCallExpr(
          callee(cxxMethodDecl(hasAnyName("handshake", "async_handshake"),
                               ofClass(AsioSsl))),
          hasArgument(0, ignoringParenImpCasts(declRefExpr(
                             to(enumConstantDecl().bind("handshake_type"))))),
          User)
          .bind("handshake"),
      this);

  // cpp-httplib.
  Finder->addMatcher(
      cxxMemberCallExpr(callee(cxxMethodDecl(
                            hasName("enable_server_certificate_verification"))),
                        argumentCountIs(1), User)
          .bind("httplib_verify"),
      this);

  // HTTP clients given a literal URL.
  if (!HttpClientApis.empty()) {
    std::vector<StringRef> Names(HttpClientApis.begin(), HttpClientApis.end());
    auto Client = cxxRecordDecl(hasAnyName(Names));
    Finder->addMatcher(
        cxxConstructExpr(hasDeclaration(cxxConstructorDecl(ofClass(Client))),
                         User)
            .bind("client_ctor"),
        this);
    Finder->addMatcher(
        callExpr(
            callee(functionDecl(anyOf(
                hasAnyName(Names),
                allOf(hasAnyName("::std::make_unique", "::std::make_shared"),
                      hasTemplateArgument(
                          0, refersToType(hasUnqualifiedDesugaredType(
                                 recordType(hasDeclaration(Client))))))))),
            User)
            .bind("client_call"),
        this);
  }
}

bool InsecureTransportCheck::firstAt(SourceLocation Loc) {
  return Reported.insert(Loc.getRawEncoding()).second;
}

void InsecureTransportCheck::onStartOfTranslationUnit() {
  Reported.clear();
  Creations.clear();
  VerifyNones.clear();
  VerifiedCtx.clear();
  EscapedCtx.clear();
  CtxRoles.clear();
  ObjectCtx.clear();
  ServerObjects.clear();
  ClientObjects.clear();
  CurlUrls.clear();
  UnixSocketHandles.clear();
  AnyVerificationWithoutCtx = false;
  ServerEvidence = ClientEvidence = false;
  OwnCertificateCtx.clear();
  AsioVerificationSeen = false;
}

// The variable or field an SSL_CTX* / Asio context expression refers to:
// `ctx`, `this->ctx_`, `ctx_.get()`, `*ctx` (for smart pointers).
static const ValueDecl *contextDecl(const Expr *E) {
  for (int Depth = 0; E && Depth < 6; ++Depth) {
    E = stripValue(E);
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
      return cast<ValueDecl>(Ref->getDecl()->getCanonicalDecl());
    if (const auto *Member = dyn_cast<MemberExpr>(E))
      return cast<ValueDecl>(Member->getMemberDecl()->getCanonicalDecl());
    E = unwrappedPointer(E);
  }
  return nullptr;
}

// Where the value of \p E (a call creating a context) is stored: a variable,
// a field (assignment, constructor initializer, in-class initializer, smart
// pointer `reset`). nullptr when it is passed on, returned or discarded.
static const ValueDecl *storedInto(const Expr &E, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(E);
  for (int Depth = 0; Depth < 8; ++Depth) {
    DynTypedNodeList Parents = Ctx.getParents(Node);
    if (Parents.size() != 1)
      return nullptr;
    const DynTypedNode &Parent = Parents[0];
    if (const auto *Var = Parent.get<VarDecl>())
      return cast<ValueDecl>(Var->getCanonicalDecl());
    if (const auto *Field = Parent.get<FieldDecl>())
      return cast<ValueDecl>(Field->getCanonicalDecl());
    // The parent map reports a constructor initializer's expression as a
    // child of the constructor itself.
    if (const auto *Ctor = Parent.get<CXXConstructorDecl>()) {
      for (const CXXCtorInitializer *Init : Ctor->inits())
        if (Init->getInit() == Node.get<Expr>() && Init->getMember())
          return cast<ValueDecl>(Init->getMember()->getCanonicalDecl());
      return nullptr;
    }
    const auto *P = Parent.get<Expr>();
    if (!P)
      return nullptr;
    if (isa<ImplicitCastExpr, ParenExpr, CXXBindTemporaryExpr,
            MaterializeTemporaryExpr, ExprWithCleanups, CXXConstructExpr,
            CXXFunctionalCastExpr, ExplicitCastExpr, InitListExpr>(P)) {
      Node = Parent;
      continue;
    }
    if (const auto *Assign = dyn_cast<BinaryOperator>(P))
      return Assign->isAssignmentOp() ? contextDecl(Assign->getLHS()) : nullptr;
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(P))
      return Op->getOperator() == OO_Equal ? contextDecl(Op->getArg(0))
                                           : nullptr;
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(P)) {
      const CXXMethodDecl *Method = Call->getMethodDecl();
      if (Method && Method->getDeclName().isIdentifier() &&
          Method->getName() == "reset")
        return contextDecl(Call->getImplicitObjectArgument());
    }
    return nullptr;
  }
  return nullptr;
}

static std::string unqualifiedCalleeName(const CallExpr &Call) {
  if (const FunctionDecl *Callee = Call.getDirectCallee())
    return Callee->getNameAsString();
  return "";
}

// Whether \p S contains a call that \p Enables says turns verification on.
static bool containsCall(const Stmt *S,
                         llvm::function_ref<bool(const CallExpr &)> Enables) {
  if (!S)
    return false;
  if (const auto *Call = dyn_cast<CallExpr>(S); Call && Enables(*Call))
    return true;
  for (const Stmt *Child : S->children())
    if (containsCall(Child, Enables))
      return true;
  return false;
}

// Whether \p Call sits in one arm of an if/else whose other arm turns
// verification back on with the same API: the implementation of a
// "verify certificates" setting (found in cpprestsdk's Asio client), like
// `verify ? 1L : 0L`, which is not a constant and not reported either.
static bool
isVerificationToggle(const CallExpr &Call, ASTContext &Ctx,
                     llvm::function_ref<bool(const CallExpr &)> Enables) {
  DynTypedNode Node = DynTypedNode::create(Call);
  for (int Depth = 0; Depth < 16; ++Depth) {
    DynTypedNodeList Parents = Ctx.getParents(Node);
    if (Parents.empty())
      return false;
    const DynTypedNode &Parent = Parents[0];
    if (Parent.get<FunctionDecl>() || Parent.get<LambdaExpr>())
      return false;
    if (const auto *If = Parent.get<IfStmt>()) {
      const Stmt *Here = Node.get<Stmt>();
      const Stmt *Other = If->getThen() == Here   ? If->getElse()
                          : If->getElse() == Here ? If->getThen()
                                                  : nullptr;
      if (containsCall(Other, Enables))
        return true;
    }
    Node = Parent;
  }
  return false;
}

// The same API called with a mode / value that is not a zero constant.
static bool sameCallNotZero(const CallExpr &Other, const CallExpr &Call,
                            unsigned ModeArg, ASTContext &Ctx) {
  const FunctionDecl *A = Other.getDirectCallee(), *B = Call.getDirectCallee();
  return A && B && A->getDeclName() == B->getDeclName() &&
         Other.getNumArgs() > ModeArg &&
         !isZeroConstant(Other.getArg(ModeArg), Ctx);
}

// `set_verify_mode(mode)` where `mode` is a parameter of the enclosing
// function: the callers in this unit that pass verify_none, or rely on a
// verify_none default, turn verification off (cinatra's
// `init_ssl(int verify_mode = verify_none)`, called as
// `init_ssl(asio::ssl::verify_none, host)` on the default https path).
void InsecureTransportCheck::reportCallersPassingVerifyNone(
    const CXXMemberCallExpr &SetMode, const ValueDecl *Target,
    ASTContext &Ctx) {
  const auto *Ref =
      dyn_cast<DeclRefExpr>(SetMode.getArg(0)->IgnoreParenImpCasts());
  const auto *Param = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
  const auto *Setter =
      Param ? dyn_cast<FunctionDecl>(Param->getDeclContext()) : nullptr;
  if (!Setter || !Setter->getIdentifier())
    return;
  unsigned Index = Param->getFunctionScopeIndex();
  std::string Class = qualifiedName(*SetMode.getMethodDecl()->getParent());
  struct CallerFinder : RecursiveASTVisitor<CallerFinder> {
    const FunctionDecl *Setter;
    std::vector<const CallExpr *> Calls;
    bool VisitCallExpr(CallExpr *Call) {
      if (const FunctionDecl *Callee = Call->getDirectCallee())
        if (Callee->getCanonicalDecl() == Setter->getCanonicalDecl())
          Calls.push_back(Call);
      return true;
    }
  } Finder;
  Finder.Setter = Setter;
  Finder.TraverseDecl(Ctx.getTranslationUnitDecl());
  const SourceManager &SM = Ctx.getSourceManager();
  for (const CallExpr *Caller : Finder.Calls) {
    unsigned ArgIndex =
        Index + (isa<CXXOperatorCallExpr>(Caller) && isa<CXXMethodDecl>(Setter)
                     ? 1
                     : 0);
    if (ArgIndex >= Caller->getNumArgs())
      continue;
    const Expr *Mode = Caller->getArg(ArgIndex);
    if (const auto *Default = dyn_cast<CXXDefaultArgExpr>(Mode))
      Mode = Default->getExpr();
    if (!isZeroConstant(Mode, Ctx) ||
        isVerificationToggle(*Caller, Ctx, [&](const CallExpr &Other) {
          return sameCallNotZero(Other, *Caller, ArgIndex, Ctx);
        }))
      continue;
    SourceLocation Loc = reportLocation(Caller->getBeginLoc(), SM);
    if (SM.isInSystemHeader(Loc))
      continue;
    VerifyNones.push_back(
        {Loc,
         "'" + qualifiedName(*Setter) +
             "' is called with verify_none, which it passes to "
             "set_verify_mode on '" +
             Class +
             "', turning off TLS peer certificate verification, so a "
             "man-in-the-middle can impersonate the server and read or alter "
             "the traffic; pass ssl::verify_peer and verify the host name",
         Target});
  }
}

void InsecureTransportCheck::check(const MatchFinder::MatchResult &Result) {
  this->SM = Result.SourceManager;
  const SourceManager &SM = *Result.SourceManager;
  ASTContext &Ctx = *Result.Context;
  const auto &Nodes = Result.Nodes;

  if (const auto *Call = Nodes.getNodeAs<CallExpr>("setopt"))
    return checkCurlSetopt(*Call, Result);

  if (const auto *Call = Nodes.getNodeAs<CallExpr>("set_verify")) {
    if (Call->getNumArgs() < 2)
      return;
    std::string Callee = unqualifiedCalleeName(*Call);
    const ValueDecl *Target = contextDecl(Call->getArg(0));
    if (!isZeroConstant(Call->getArg(1), Ctx)) {
      if (Target && Callee == "SSL_CTX_set_verify")
        VerifiedCtx.insert(Target);
      else
        AnyVerificationWithoutCtx = true;
      return;
    }
    if (isVerificationToggle(*Call, Ctx, [&](const CallExpr &Other) {
          return sameCallNotZero(Other, *Call, 1, Ctx);
        }))
      return;
    VerifyNones.push_back(
        {reportLocation(Call->getBeginLoc(), SM),
         Callee + "(..., SSL_VERIFY_NONE, ...) turns off TLS peer certificate "
                  "verification, so a man-in-the-middle can impersonate the "
                  "server and read or alter the traffic; use SSL_VERIFY_PEER "
                  "and load trust anchors (SSL_CTX_set_default_verify_paths)",
         Target, rewritableRange(*Call->getArg(1), SM, getLangOpts()),
         "SSL_VERIFY_PEER"});
    return;
  }

  if (const auto *Call = Nodes.getNodeAs<CallExpr>("ctx_new"))
    return checkCtxNew(*Call, Ctx);

  if (const auto *Call = Nodes.getNodeAs<CallExpr>("ssl_new")) {
    if (Call->getNumArgs() == 1)
      if (const ValueDecl *Ssl = storedInto(*Call, Ctx))
        ObjectCtx[Ssl] = contextDecl(Call->getArg(0));
    return;
  }
  if (const auto *Call = Nodes.getNodeAs<CallExpr>("server_evidence")) {
    ServerEvidence = true;
    if (Call->getNumArgs() > 0)
      if (const ValueDecl *Object = contextDecl(Call->getArg(0)))
        ServerObjects.insert(Object);
    return;
  }
  if (const auto *Call = Nodes.getNodeAs<CallExpr>("own_certificate")) {
    if (Call->getNumArgs() > 0)
      if (const ValueDecl *Object = contextDecl(Call->getArg(0)))
        OwnCertificateCtx.insert(Object);
    return;
  }
  if (const auto *Call = Nodes.getNodeAs<CallExpr>("client_evidence")) {
    ClientEvidence = true;
    if (Call->getNumArgs() > 0)
      if (const ValueDecl *Object = contextDecl(Call->getArg(0)))
        ClientObjects.insert(Object);
    return;
  }
  if (const auto *Call = Nodes.getNodeAs<CallExpr>("manual_verify")) {
    // A verification callback, or a check of the verification result after
    // the handshake, is verification done by hand.
    const ValueDecl *Target =
        unqualifiedCalleeName(*Call) == "SSL_CTX_set_cert_verify_callback" &&
                Call->getNumArgs() > 0
            ? contextDecl(Call->getArg(0))
            : nullptr;
    if (Target)
      VerifiedCtx.insert(Target);
    else
      AnyVerificationWithoutCtx = true;
    return;
  }
  if (const auto *Escape = Nodes.getNodeAs<Expr>("escape")) {
    if (const ValueDecl *D = contextDecl(Escape))
      EscapedCtx.insert(D);
    return;
  }

  if (const auto *Call = Nodes.getNodeAs<CXXMemberCallExpr>("asio_verify")) {
    if (Call->getNumArgs() < 1)
      return;
    const ValueDecl *Target = contextDecl(Call->getImplicitObjectArgument());
    const CXXRecordDecl *Class = Call->getMethodDecl()->getParent();
    if (!isZeroConstant(Call->getArg(0), Ctx)) {
      AsioVerificationSeen = true;
      reportCallersPassingVerifyNone(*Call, Target, Ctx);
      return;
    }
    if (isVerificationToggle(*Call, Ctx, [&](const CallExpr &Other) {
          return isa<CXXMemberCallExpr>(Other) &&
                 sameCallNotZero(Other, *Call, 0, Ctx);
        }))
      return;
    // `ssl::verify_none` -> `ssl::verify_peer`, keeping the qualifier as
    // written; any other spelling (0, a variable) gets no fix-it.
    std::optional<CharSourceRange> Mode;
    if (std::optional<CharSourceRange> Arg =
            rewritableRange(*Call->getArg(0), SM, getLangOpts())) {
      StringRef Written = Lexer::getSourceText(*Arg, SM, getLangOpts());
      if (Written.ends_with("verify_none"))
        Mode = CharSourceRange::getCharRange(
            Arg->getEnd().getLocWithOffset(-(int)strlen("verify_none")),
            Arg->getEnd());
    }
    VerifyNones.push_back(
        {reportLocation(Call->getBeginLoc(), SM),
         "set_verify_mode(verify_none) on '" + qualifiedName(*Class) +
             "' turns off TLS peer certificate verification, so a "
             "man-in-the-middle can impersonate the server and read or alter "
             "the traffic; use ssl::verify_peer with "
             "set_default_verify_paths() and host-name verification",
         Target, Mode, "verify_peer"});
    return;
  }
  if (const auto *Construct = Nodes.getNodeAs<CXXConstructExpr>("asio_ctx")) {
    StringRef Method =
        Nodes.getNodeAs<EnumConstantDecl>("asio_method")->getName();
    const ValueDecl *Target = storedInto(*Construct, Ctx);
    if (Target)
      CtxRoles[Target] = Method.ends_with("_server")   ? TlsRole::Server
                         : Method.ends_with("_client") ? TlsRole::Client
                                                       : TlsRole::Generic;
    // A client context whose every use is visible here: Asio's default is
    // verify_none, so one never asked to verify accepts any certificate.
    if (Method.ends_with("_client") && onlyUsedLocally(Target, Ctx))
      Creations.push_back({reportLocation(Construct->getBeginLoc(), SM), Target,
                           TlsRole::Client,
                           "asio::ssl::context::" + Method.str(),
                           /*Asio=*/true});
    return;
  }
  if (const auto *Construct =
          Nodes.getNodeAs<CXXConstructExpr>("asio_stream")) {
    if (const ValueDecl *Stream = storedInto(*Construct, Ctx))
      ObjectCtx[Stream] = contextDecl(Construct->getArg(1));
    return;
  }
  if (const auto *Type = Nodes.getNodeAs<EnumConstantDecl>("handshake_type")) {
    const auto *Call = Nodes.getNodeAs<CXXMemberCallExpr>("handshake");
    const ValueDecl *Stream = contextDecl(Call->getImplicitObjectArgument());
    if (Type->getName() == "server") {
      ServerEvidence = true;
      if (Stream)
        ServerObjects.insert(Stream);
    } else if (Type->getName() == "client") {
      ClientEvidence = true;
      if (Stream)
        ClientObjects.insert(Stream);
    }
    return;
  }

  if (const auto *Call = Nodes.getNodeAs<CXXMemberCallExpr>("httplib_verify")) {
    if (!isZeroConstant(Call->getArg(0), Ctx) ||
        isVerificationToggle(*Call, Ctx, [&](const CallExpr &Other) {
          return isa<CXXMemberCallExpr>(Other) &&
                 sameCallNotZero(Other, *Call, 0, Ctx);
        }))
      return;
    const CXXRecordDecl *Class = Call->getMethodDecl()->getParent();
    if (!firstAt(reportLocation(Call->getBeginLoc(), SM)))
      return;
    auto Diag =
        diag(reportLocation(Call->getBeginLoc(), SM),
             "enable_server_certificate_verification(false) on '%0' makes the "
             "client accept any server certificate, so a man-in-the-middle "
             "can read and alter the traffic; keep verification on and point "
             "the client at a CA bundle (set_ca_cert_path) for private "
             "certificates");
    Diag << qualifiedName(*Class);
    // The flag turned back on; a client verifies its server whatever the
    // program does with it.
    if (std::optional<CharSourceRange> Flag =
            rewritableRange(*Call->getArg(0), SM, getLangOpts()))
      Diag << FixItHint::CreateReplacement(*Flag, "true");
    return;
  }

  if (const auto *Construct =
          Nodes.getNodeAs<CXXConstructExpr>("client_ctor")) {
    std::string Api = qualifiedName(*Construct->getConstructor()->getParent());
    for (const Expr *Arg : Construct->arguments())
      checkHttpUrl(Arg, Api, SM);
    return;
  }
  if (const auto *Call = Nodes.getNodeAs<CallExpr>("client_call")) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    std::string Api = qualifiedName(*Callee);
    if (const TemplateArgumentList *Args =
            Callee->getTemplateSpecializationArgs();
        Args && Args->size() > 0 &&
        Args->get(0).getKind() == TemplateArgument::Type)
      Api = Args->get(0).getAsType().getAsString(Ctx.getPrintingPolicy());
    for (const Expr *Arg : Call->arguments())
      checkHttpUrl(Arg, Api, SM);
    return;
  }
}

void InsecureTransportCheck::checkCurlSetopt(
    const CallExpr &Call, const MatchFinder::MatchResult &Result) {
  std::optional<CurlSetopt> Setopt = getCurlSetopt(Call);
  if (!Setopt || Setopt->Option.empty())
    return;
  StringRef Option = Setopt->Option;
  SourceLocation Loc =
      reportLocation(Call.getBeginLoc(), *Result.SourceManager);
  if (Option == "CURLOPT_UNIX_SOCKET_PATH" ||
      Option == "CURLOPT_ABSTRACT_UNIX_SOCKET") {
    // http:// over a Unix domain socket never leaves the machine.
    if (const ValueDecl *Handle = contextDecl(Setopt->Handle))
      UnixSocketHandles.insert(Handle);
    return;
  }
  if (Option == "CURLOPT_URL") {
    // Decided at the end of the unit: the handle may use a Unix socket.
    if (const StringLiteral *Literal = plainHttpUrl(Setopt->Value))
      CurlUrls.push_back({Literal, contextDecl(Setopt->Handle)});
    return;
  }

  StringRef Target;
  if (Option.consume_front("CURLOPT_PROXY_"))
    Target = "HTTPS proxy";
  else if (Option.consume_front("CURLOPT_DOH_"))
    Target = "DNS-over-HTTPS server";
  else if (Option.consume_front("CURLOPT_"))
    Target = "server";
  bool Peer = Option == "SSL_VERIFYPEER", Host = Option == "SSL_VERIFYHOST";
  if ((!Peer && !Host) || !isZeroConstant(Setopt->Value, *Result.Context) ||
      isVerificationToggle(Call, *Result.Context, [&](const CallExpr &Other) {
        std::optional<CurlSetopt> O = getCurlSetopt(Other);
        return O && O->Option == Setopt->Option &&
               !isZeroConstant(O->Value, *Result.Context);
      }))
    return;
  if (!firstAt(Loc))
    return;
  auto Diag =
      diag(Loc, "%0 set to 0 turns off %select{certificate|host-name}1 "
                "verification of the %2, so a man-in-the-middle can read and "
                "alter the traffic; keep the default (%select{1|2}1) and point "
                "libcurl at a CA bundle (CURLOPT_CAINFO) for private "
                "certificates");
  Diag << Setopt->Option << (Peer ? 0 : 1) << Target;
  // The fix restores libcurl's default: certain, whatever the handle does.
  if (std::optional<CharSourceRange> Value =
          rewritableRange(*Setopt->Value, *Result.SourceManager, getLangOpts()))
    Diag << FixItHint::CreateReplacement(*Value, Peer ? "1L" : "2L");
}

const StringLiteral *
InsecureTransportCheck::plainHttpUrl(const Expr *Arg) const {
  const StringLiteral *Literal = getStringLiteral(Arg);
  if (!Literal || Literal->getCharByteWidth() != 1)
    return nullptr;
  StringRef Text = Literal->getString().trim();
  if (!Text.starts_with_insensitive("http://"))
    return nullptr;
  std::optional<UrlParts> Url = parseUrl(Text);
  if (!Url || Url->Host.empty() || isLoopbackHost(Url->Host) ||
      AllowedHttpHostRegex.match(Url->Host) ||
      Url->Host.find_first_of("%{}<>$") != StringRef::npos)
    return nullptr;
  return Literal;
}

void InsecureTransportCheck::reportHttpUrl(const StringLiteral &Literal,
                                           StringRef Api,
                                           const SourceManager &SM) {
  std::optional<UrlParts> Url = parseUrl(Literal.getString().trim());
  if (!firstAt(reportLocation(Literal.getBeginLoc(), SM)))
    return;
  auto Diag =
      diag(reportLocation(Literal.getBeginLoc(), SM),
           "plain-text URL 'http://%0' given to %1 sends the request, its "
           "credentials and the response unencrypted and unauthenticated, "
           "open to eavesdropping and tampering; use https://");
  Diag << (Url ? Url->Host : StringRef()) << Api;
  if (std::optional<FixItHint> Fix = httpsFix(Literal, Url, SM))
    Diag << *Fix;
}

// `"http://host/..."` -> `"https://host/..."`, offered only where the
// change is certain: one plain literal written in the file that starts with
// the scheme, and no explicit port (a server on :8080 or :80 speaks plain
// HTTP there; https on that port would not reach it).
std::optional<FixItHint>
InsecureTransportCheck::httpsFix(const StringLiteral &Literal,
                                 const std::optional<UrlParts> &Url,
                                 const SourceManager &SM) const {
  if (!Url || !Url->Port.empty() || Literal.getNumConcatenated() != 1)
    return std::nullopt;
  std::optional<CharSourceRange> Range =
      rewritableRange(Literal, SM, getLangOpts());
  if (!Range)
    return std::nullopt;
  bool Invalid = false;
  StringRef Written = Lexer::getSourceText(*Range, SM, getLangOpts(), &Invalid);
  if (Invalid || !Written.starts_with("\"") || Written.size() < 8)
    return std::nullopt;
  StringRef Scheme = Written.substr(1, 4);
  if (Scheme != "http" && Scheme != "HTTP")
    return std::nullopt;
  if (!Written.substr(5).starts_with("://"))
    return std::nullopt;
  return FixItHint::CreateInsertion(Range->getBegin().getLocWithOffset(5),
                                    Scheme == "http" ? "s" : "S");
}

void InsecureTransportCheck::checkHttpUrl(const Expr *Arg, StringRef Api,
                                          const SourceManager &SM) {
  if (const StringLiteral *Literal = plainHttpUrl(Arg))
    reportHttpUrl(*Literal, Api, SM);
}

void InsecureTransportCheck::checkCtxNew(const CallExpr &Call,
                                         ASTContext &Ctx) {
  std::string Callee = unqualifiedCalleeName(Call);
  unsigned MethodArg = Callee == "SSL_CTX_new_ex" ? 2 : 0;
  if (Call.getNumArgs() <= MethodArg)
    return;
  const auto *MethodCall =
      dyn_cast<CallExpr>(Call.getArg(MethodArg)->IgnoreParenImpCasts());
  if (!MethodCall)
    return;
  std::string Method = unqualifiedCalleeName(*MethodCall);
  StringRef M(Method);
  TlsRole Role = TlsRole::Unknown;
  if (M.ends_with("_server_method"))
    Role = TlsRole::Server;
  else if (M.ends_with("_client_method"))
    Role = TlsRole::Client;
  else if (M.ends_with("_method"))
    Role = TlsRole::Generic;
  const ValueDecl *Target = storedInto(Call, Ctx);
  if (Target)
    CtxRoles[Target] = Role;
  Creations.push_back(
      {reportLocation(Call.getBeginLoc(), Ctx.getSourceManager()), Target, Role,
       Method});
}

InsecureTransportCheck::TlsRole
InsecureTransportCheck::roleOf(const ValueDecl *Object,
                               bool UseUnitEvidence) const {
  const ValueDecl *Context = Object;
  if (auto It = ObjectCtx.find(Object); Object && It != ObjectCtx.end())
    Context = It->second;
  TlsRole ByMethod = Context ? CtxRoles.lookup(Context) : TlsRole::Unknown;
  if (ByMethod == TlsRole::Server || ByMethod == TlsRole::Client)
    return ByMethod;
  // A generic context: what its SSL objects / streams do decides.
  bool Accepts = false, Connects = false;
  auto Mark = [&](const ValueDecl *D) {
    Accepts |= ServerObjects.contains(D);
    Connects |= ClientObjects.contains(D);
  };
  if (Object) {
    Mark(Object);
    if (Context)
      Mark(Context);
    for (const auto &[Child, ItsCtx] : ObjectCtx)
      if (ItsCtx && ItsCtx == Context)
        Mark(Child);
  }
  if (!Accepts && !Connects && UseUnitEvidence) {
    // Nothing known about this object: a unit that only accepts is a server.
    Accepts = ServerEvidence;
    Connects = ClientEvidence;
  }
  if (Accepts && !Connects)
    return TlsRole::Server;
  if (Connects && !Accepts)
    return TlsRole::Client;
  return TlsRole::Generic;
}

// Whether the Asio context \p Target is a local variable used only by
// member calls and by the TLS streams built on it in its function: nothing
// else can configure it out of sight.
bool InsecureTransportCheck::onlyUsedLocally(const ValueDecl *Target,
                                             ASTContext &Ctx) {
  const auto *Var = dyn_cast_or_null<VarDecl>(Target);
  const auto *Fn =
      Var ? dyn_cast_or_null<FunctionDecl>(Var->getParentFunctionOrMethod())
          : nullptr;
  if (!Var || !Var->hasLocalStorage() || !Fn || !Fn->getBody() ||
      Var->getType()->isReferenceType())
    return false;
  auto Refs =
      match(findAll(declRefExpr(to(varDecl(equalsNode(Var)))).bind("ref")),
            *Fn->getBody(), Ctx);
  for (const auto &Node : Refs) {
    const auto *Ref = Node.getNodeAs<DeclRefExpr>("ref");
    auto Parents = Ctx.getParents(*Ref);
    while (Parents.size() == 1 && Parents[0].get<ImplicitCastExpr>())
      Parents = Ctx.getParents(Parents[0]);
    if (Parents.size() != 1)
      return false;
    if (const auto *Member = Parents[0].get<MemberExpr>();
        Member && Member->getBase()->IgnoreParenImpCasts() == Ref)
      continue; // ctx.set_options(...), ctx.load_verify_file(...)
    if (const auto *Construct = Parents[0].get<CXXConstructExpr>()) {
      const CXXRecordDecl *RD = Construct->getConstructor()->getParent();
      if (RD->getIdentifier() &&
          (RD->getName() == "stream" || RD->getName() == "ssl_stream"))
        continue; // the stream inherits the context's verify mode
    }
    return false;
  }
  return true;
}

void InsecureTransportCheck::onEndOfTranslationUnit() {
  struct Pending {
    SourceLocation Loc;
    std::string Message;
    std::optional<FixItHint> Fix;
  };
  std::vector<Pending> Out;
  for (const VerifyNone &V : VerifyNones) {
    // SSL_VERIFY_NONE / verify_none on a server only means "no client
    // certificates", which is the normal server configuration.
    TlsRole Role = roleOf(V.Object);
    if (AnyVerificationWithoutCtx || Role == TlsRole::Server)
      continue;
    // Verifying the peer is the certain fix on a client only: on a context
    // that may also accept connections it would ask clients for
    // certificates. The client is known by its method or by what its own
    // objects do, not by the unit connecting somewhere.
    std::optional<FixItHint> Fix;
    if (V.Mode &&
        roleOf(V.Object, /*UseUnitEvidence=*/false) == TlsRole::Client)
      Fix = FixItHint::CreateReplacement(*V.Mode, V.Verified);
    Out.push_back({V.Loc, V.Message, Fix});
  }
  for (const CtxCreation &C : Creations) {
    if (C.Role != TlsRole::Client &&
        (C.Role != TlsRole::Generic || roleOf(C.Target) == TlsRole::Server))
      continue;
    // Only a context whose every use is visible can be judged.
    if (!C.Target || EscapedCtx.contains(C.Target) ||
        VerifiedCtx.contains(C.Target) || AnyVerificationWithoutCtx ||
        (C.Asio && AsioVerificationSeen))
      continue;
    // A generic context that loads its own certificate or key and whose
    // objects connect nowhere serves or only parses the file (i2pd reads a
    // certificate through SSL_new + SSL_get_certificate).
    if (C.Role == TlsRole::Generic && OwnCertificateCtx.contains(C.Target) &&
        roleOf(C.Target, /*UseUnitEvidence=*/false) != TlsRole::Client)
      continue;
    // A context configured with SSL_VERIFY_NONE is already reported there.
    if (llvm::any_of(VerifyNones, [&](const VerifyNone &V) {
          return V.Object == C.Target ||
                 (V.Object && ObjectCtx.lookup(V.Object) == C.Target);
        }))
      continue;
    if (C.Asio) {
      Out.push_back(
          {C.Loc,
           "TLS client context " + C.Method +
               " is never asked to verify its peer in this translation unit "
               "and Asio verifies nothing by default (verify_none), so any "
               "certificate is accepted; call "
               "set_verify_mode(ssl::verify_peer) with "
               "set_default_verify_paths() and host-name verification"});
      continue;
    }
    Out.push_back(
        {C.Loc, "TLS client context created with " + C.Method +
                    "() is never asked to verify its peer in this translation "
                    "unit and OpenSSL verifies nothing by default, so any "
                    "certificate is accepted; call SSL_CTX_set_verify(ctx, "
                    "SSL_VERIFY_PEER, ...) and load trust anchors "
                    "(SSL_CTX_set_default_verify_paths)"});
  }
  for (const Pending &P : Out)
    if (firstAt(P.Loc)) {
      auto Diag = diag(P.Loc, "%0");
      Diag << P.Message;
      if (P.Fix)
        Diag << *P.Fix;
    }
  if (SM)
    for (const CurlUrl &U : CurlUrls)
      if (!U.Handle || !UnixSocketHandles.contains(U.Handle))
        reportHttpUrl(*U.Literal, "CURLOPT_URL", *SM);
  onStartOfTranslationUnit();
}

} // namespace prodready
