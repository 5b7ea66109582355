//===--- MissingTimeoutCheck.cpp - prodready ------------------------------===//

#include "MissingTimeoutCheck.h"
#include "AsyncUtils.h"
#include "CheckUtils.h"
#include "CurlUtils.h"
#include "FixItUtils.h"
#include "HandleTracker.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/DenseSet.h"
#include <functional>
#include <optional>

using namespace clang;
using namespace clang::ast_matchers;

namespace prodready {

namespace {

enum CurlBits : unsigned {
  Timeout = 1,
  LowSpeedLimit = 2,
  LowSpeedTime = 4,
  Progress = 8,
  ConnectTimeout = 16,
  ZeroTimeout = 32,
};
enum GrpcBits : unsigned { Deadline = 1 };

StringRef identifierOf(const FunctionDecl *FD) {
  return FD && FD->getDeclName().isIdentifier() ? FD->getName() : StringRef();
}

bool isSystem(const Decl *D) {
  return D->getASTContext().getSourceManager().isInSystemHeader(
      D->getLocation());
}

bool hasProjectBody(const FunctionDecl *FD) {
  const FunctionDecl *Def = nullptr;
  return FD && FD->hasBody(Def) && Def && !isSystem(Def);
}

// unique_ptr<CURL, ...>(curl_easy_init(), ...) and similar owners: the origin
// of what they own.
const Expr *ownedValue(const Expr &E) {
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&E))
    if (isSystem(Construct->getConstructor()) && Construct->getNumArgs() >= 1 &&
        !Construct->getArg(0)->getType()->isRecordType())
      return stripValue(Construct->getArg(0))->IgnoreParenImpCasts();
  return nullptr;
}

HandlePolicy::Origin helperOrUnknown(const CallExpr &Call,
                                     const FunctionDecl *&Helper) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (hasProjectBody(Callee)) {
    Helper = Callee;
    return HandlePolicy::Origin::Helper;
  }
  return HandlePolicy::Origin::Unknown;
}

class CurlPolicy : public HandlePolicy {
public:
  explicit CurlPolicy(const ASTContext &Ctx) : Ctx(Ctx) {}
  unsigned configures(const CallExpr &Call, int ArgIndex) const override {
    std::optional<CurlSetopt> Setopt = getCurlSetopt(Call);
    // The handle is curl_easy_setopt's first argument, or the curlpp::Easy
    // a setOpt is called on.
    if (!Setopt || ArgIndex != (isa<CXXMemberCallExpr>(Call) ? -1 : 0))
      return 0;
    StringRef Option = Setopt->Option;
    bool Zero = isZeroDuration(Setopt->Value, Ctx);
    if (Option == "CURLOPT_TIMEOUT" || Option == "CURLOPT_TIMEOUT_MS")
      return Zero ? ZeroTimeout : Timeout;
    if (Option == "CURLOPT_LOW_SPEED_LIMIT")
      return Zero ? 0 : LowSpeedLimit;
    if (Option == "CURLOPT_LOW_SPEED_TIME")
      return Zero ? 0 : LowSpeedTime;
    if (Option == "CURLOPT_XFERINFOFUNCTION" ||
        Option == "CURLOPT_PROGRESSFUNCTION")
      return Setopt->Value->IgnoreParenImpCasts()->isNullPointerConstant(
                 const_cast<ASTContext &>(Ctx),
                 Expr::NPC_ValueDependentIsNotNull)
                 ? 0
                 : Progress;
    if (Option == "CURLOPT_CONNECTTIMEOUT" ||
        Option == "CURLOPT_CONNECTTIMEOUT_MS")
      return ConnectTimeout;
    return 0;
  }
  // curlpp::Easy's other members (perform, the options that bound
  // nothing) neither bound nor hide the transfer.
  bool isNeutral(const CallExpr &Call) const override {
    const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call);
    return Member &&
           isCurlppEasy(Member->getImplicitObjectArgument()->getType());
  }
  Origin originOf(const Expr &E, const FunctionDecl *&Helper) const override {
    // A default-constructed curlpp::Easy is a fresh handle; one made from
    // another's curl handle (curlpp's own `Easy r(h.getCurlHandle().clone())`)
    // carries that handle's options.
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(&E);
        Construct && isCurlppEasy(Construct->getType()))
      return Construct->getNumArgs() == 0 ? Origin::Fresh : Origin::Unknown;
    if (const Expr *Owned = ownedValue(E))
      return originOf(*Owned, Helper);
    if (isa<CXXConstructExpr>(E))
      return Origin::None;
    const auto *Call = dyn_cast<CallExpr>(&E);
    if (!Call)
      return Origin::Unknown;
    if (identifierOf(Call->getDirectCallee()) == "curl_easy_init")
      return Origin::Fresh;
    return helperOrUnknown(*Call, Helper);
  }

private:
  const ASTContext &Ctx;
};

bool isClientContext(QualType T) {
  if (T.isNull())
    return false;
  if (T->isPointerType())
    T = T->getPointeeType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD)
    return false;
  std::string Name = recordName(*RD);
  return Name == "grpc::ClientContext" || Name == "grpc_impl::ClientContext";
}

// A call into generated gRPC stub code that takes a ClientContext*: a member
// of a generated `Stub` / `StubInterface` class (or of their nested `async`
// classes of the callback API).
bool isStubCall(const CallExpr &Call, const FunctionDecl *Callee) {
  const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Callee);
  if (!MD || isSystem(MD))
    return false;
  StringRef Class = MD->getParent()->getName();
  return Class.ends_with("Stub") || Class.ends_with("StubInterface") ||
         Class == "async" || Class == "async_interface" ||
         Class == "experimental_async" ||
         Class == "experimental_async_interface";
}

class GrpcPolicy : public HandlePolicy {
public:
  unsigned configures(const CallExpr &Call, int ArgIndex) const override {
    const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call);
    if (!Member || ArgIndex != -1)
      return 0;
    const CXXMethodDecl *MD = Member->getMethodDecl();
    if (MD && identifierOf(MD) == "set_deadline" &&
        isClientContext(QualType(MD->getParent()->getTypeForDecl(), 0)))
      return Deadline;
    return 0;
  }
  bool isNeutral(const CallExpr &Call) const override {
    return isStubCall(Call, Call.getDirectCallee());
  }
  Origin originOf(const Expr &E, const FunctionDecl *&Helper) const override {
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(&E)) {
      if (isClientContext(Construct->getType()))
        return Origin::Fresh;
      if (const Expr *Owned = ownedValue(E))
        return originOf(*Owned, Helper);
      return Origin::None;
    }
    if (const auto *New = dyn_cast<CXXNewExpr>(&E))
      return isClientContext(New->getAllocatedType()) ? Origin::Fresh
                                                      : Origin::Unknown;
    const auto *Call = dyn_cast<CallExpr>(&E);
    if (!Call)
      return Origin::Unknown;
    StringRef Name = identifierOf(Call->getDirectCallee());
    if (Name == "FromServerContext" || Name == "FromClientContext" ||
        Name == "FromCallbackServerContext")
      return Origin::Exempt;
    if ((Name == "make_unique" || Name == "make_shared") &&
        Call->getDirectCallee()->isInStdNamespace())
      return Origin::Fresh;
    return helperOrUnknown(*Call, Helper);
  }
};

} // namespace

MissingTimeoutCheck::MissingTimeoutCheck(StringRef Name,
                                         tidy::ClangTidyContext *Context)
    : ProdReadyCheck(Name, Context),
      ReportUnboundedWaits(Options.get("ReportUnboundedWaits", false)),
      DefaultTimeoutMs(Options.get("DefaultTimeoutMs", 30000u)),
      DefaultDeadlineMs(Options.get("DefaultDeadlineMs", 30000u)),
      AsioSyncOperations(splitList(
          "asio::read;asio::write;asio::connect;asio::read_until;"
          "asio::basic_stream_socket::read_some;"
          "asio::basic_stream_socket::receive;"
          "asio::basic_datagram_socket::receive;"
          "asio::basic_socket::connect;asio::ip::basic_resolver::resolve;"
          "asio::ssl::stream::read_some;asio::ssl::stream::handshake;"
          "beast::http::read;beast::http::write;beast::http::read_header;"
          "beast::http::read_some;beast::http::write_header;"
          "beast::http::write_some;beast::basic_stream::connect;"
          "beast::websocket::stream::read;beast::websocket::stream::read_some;"
          "beast::websocket::stream::write;"
          "beast::websocket::stream::write_some;"
          "beast::websocket::stream::handshake;"
          "beast::websocket::stream::accept;beast::ssl_stream::handshake;"
          "beast::ssl_stream::read_some;beast::ssl_stream::write_some")),
      UnboundedWaits(
          splitList("std::future::get;std::future::wait;"
                    "std::shared_future::get;std::shared_future::wait;"
                    "std::condition_variable::wait;"
                    "std::condition_variable_any::wait")) {}

void MissingTimeoutCheck::storeOptions(
    tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "ReportUnboundedWaits", ReportUnboundedWaits);
  Options.store(Opts, "DefaultTimeoutMs", DefaultTimeoutMs);
  Options.store(Opts, "DefaultDeadlineMs", DefaultDeadlineMs);
}

// The statement of \p Call's function that holds it and sits directly in a
// block: where a statement can be inserted before it. nullptr when the call
// is not in a block of its function (a default argument, a member
// initializer).
static std::pair<const Stmt *, const Stmt *>
statementInBlock(const CallExpr &Call, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(Call);
  for (int Guard = 0; Guard < 256; ++Guard) {
    DynTypedNodeList Parents = Ctx.getParents(Node);
    if (Parents.size() != 1)
      return {};
    if (const auto *Block = Parents[0].get<CompoundStmt>())
      return {Node.get<Stmt>(), Block};
    // `case 1: curl_easy_perform(h);`: after the label, not before it
    // (where the statement would never run).
    if (Parents[0].get<SwitchCase>() || Parents[0].get<LabelStmt>() ||
        Parents[0].get<AttributedStmt>())
      return {Node.get<Stmt>(), Parents[0].get<Stmt>()};
    // `CURLcode rc = curl_easy_perform(h);`: the variable, then its
    // declaration statement.
    const auto *Var = Parents[0].get<VarDecl>();
    if (Var && Var->isLocalVarDecl()) {
      Node = Parents[0];
      continue;
    }
    if (!Parents[0].get<Stmt>() || Parents[0].get<LambdaExpr>() ||
        Parents[0].get<StmtExpr>())
      return {};
    Node = Parents[0];
  }
  return {};
}

// Whether \p Inner is \p Outer or lies inside it.
static bool isWithin(const Stmt *Inner, const Stmt *Outer, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(*Inner);
  for (int Guard = 0; Guard < 256; ++Guard) {
    if (Node.get<Stmt>() == Outer)
      return true;
    DynTypedNodeList Parents = Ctx.getParents(Node);
    if (Parents.size() != 1 || Parents[0].get<FunctionDecl>())
      return false;
    Node = Parents[0];
  }
  return false;
}

std::optional<FixItHint>
MissingTimeoutCheck::curlTimeoutFix(const CallExpr &Perform,
                                    const ValueDecl &Handle) {
  const SourceManager &SM = Ctx->getSourceManager();
  const Expr *HandleArg = Perform.getArg(0);
  std::optional<std::string> HandleText =
      writtenText(*HandleArg, SM, getLangOpts());
  auto [Before, Block] = statementInBlock(Perform, *Ctx);
  if (!HandleText || !isRepeatableHandle(*HandleArg) || !Before)
    return std::nullopt;
  // A timeout already inserted earlier in an enclosing block for the same
  // handle covers this perform too.
  for (const InsertedTimeout &Done : InsertedTimeouts)
    if (Done.Handle == &Handle &&
        SM.isBeforeInTranslationUnit(Done.At, Before->getBeginLoc()) &&
        isWithin(Before, Done.Block, *Ctx))
      return std::nullopt;
  std::optional<SourceLocation> At =
      rewritableLocation(Before->getBeginLoc(), SM, getLangOpts());
  if (!At)
    return std::nullopt;
  // A local handle must be in scope where the statement goes (not one
  // declared in the condition of the `if` that holds the perform).
  if (const auto *Var = dyn_cast<VarDecl>(&Handle);
      Var && Var->isLocalVarDecl() &&
      !SM.isBeforeInTranslationUnit(Var->getEndLoc(), *At))
    return std::nullopt;
  // One insertion per place: several performs of the statement share it.
  if (!TimeoutFixes.insert(At->getRawEncoding()).second)
    return std::nullopt;
  InsertedTimeouts.push_back({&Handle, Block, *At});
  std::string Text = "curl_easy_setopt(" + *HandleText +
                     ", CURLOPT_TIMEOUT_MS, " +
                     std::to_string(DefaultTimeoutMs) + "L);";
  Text += startsLine(*At, SM) ? "\n" + lineIndentation(*At, SM) : " ";
  return FixItHint::CreateInsertion(*At, Text);
}

// `.` or `->`: how a member of the grpc::ClientContext held by \p T is
// reached; empty when \p T holds it in no known way.
static StringRef contextAccess(QualType T) {
  if (T.isNull() || T->isReferenceType())
    return {};
  if (!T->isPointerType() && isClientContext(T))
    return ".";
  if (T->isPointerType())
    return isClientContext(T) ? "->" : "";
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T->getAsCXXRecordDecl());
  if (Spec && Spec->isInStdNamespace() && Spec->getIdentifier() &&
      (Spec->getName() == "unique_ptr" || Spec->getName() == "shared_ptr") &&
      Spec->getTemplateArgs().size() >= 1 &&
      Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type &&
      isClientContext(Spec->getTemplateArgs()[0].getAsType()))
    return "->";
  return {};
}

std::optional<FixItHint>
MissingTimeoutCheck::grpcDeadlineFix(const ValueDecl &Holder) {
  const auto *Var = dyn_cast<VarDecl>(&Holder);
  if (!Var || !Var->isLocalVarDecl() || !Var->getDeclName().isIdentifier())
    return std::nullopt;
  StringRef Access = contextAccess(Var->getType());
  if (Access.empty())
    return std::nullopt;
  DynTypedNodeList Parents = Ctx->getParents(*Var);
  const auto *Decl = Parents.size() == 1 ? Parents[0].get<DeclStmt>() : nullptr;
  if (!Decl)
    return std::nullopt;
  DynTypedNodeList Block = Ctx->getParents(*Decl);
  if (Block.size() != 1 || !Block[0].get<CompoundStmt>())
    return std::nullopt;
  const SourceManager &SM = Ctx->getSourceManager();
  SourceLocation Semi = Decl->getEndLoc();
  if (Semi.isInvalid() || Semi.isMacroID() || Decl->getBeginLoc().isMacroID())
    return std::nullopt;
  SourceLocation After = Lexer::getLocForEndOfToken(Semi, 0, SM, getLangOpts());
  if (After.isInvalid() || !TimeoutFixes.insert(After.getRawEncoding()).second)
    return std::nullopt;
  std::string Text = "\n" + lineIndentation(Decl->getBeginLoc(), SM) +
                     Var->getName().str() + Access.str() +
                     "set_deadline(std::chrono::system_clock::now() + "
                     "std::chrono::milliseconds(" +
                     std::to_string(DefaultDeadlineMs) + "));";
  return FixItHint::CreateInsertion(After, Text);
}

void MissingTimeoutCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(callExpr(unless(isExpansionInSystemHeader()),
                              unless(isInTemplateInstantiation()),
                              callee(functionDecl().bind("callee")))
                         .bind("call"),
                     this);
}

// Whether the function that clears \p Setopt's transfer timeout bounds
// the same handle another way: a low-speed limit with its time, or a
// progress callback (azure-storage-cpplite's set_data_rate_timeout clears
// CURLOPT_TIMEOUT because it switches to the low-speed pair).
static bool boundedOtherwise(const CurlSetopt &Setopt, ASTContext &Ctx) {
  const ValueDecl *Handle = HandleTracker::handleDecl(Setopt.Handle);
  if (!Handle)
    return false;
  DynTypedNode Node = DynTypedNode::create(*Setopt.Call);
  const Stmt *Body = nullptr;
  while (!Body) {
    DynTypedNodeList Parents = Ctx.getParents(Node);
    if (Parents.empty())
      return false;
    Node = Parents[0];
    if (const auto *Func = Node.get<FunctionDecl>())
      Body = Func->getBody();
    else if (const auto *Lambda = Node.get<LambdaExpr>())
      Body = Lambda->getBody();
  }
  CurlPolicy Policy(Ctx);
  unsigned Mask = 0;
  for (const auto &Found :
       match(findAll(callExpr().bind("setopt")), *Body, Ctx)) {
    const auto *Call = Found.getNodeAs<CallExpr>("setopt");
    std::optional<CurlSetopt> Other = getCurlSetopt(*Call);
    if (Other && HandleTracker::handleDecl(Other->Handle) == Handle)
      Mask |= Policy.configures(*Call, 0);
  }
  return (Mask & (LowSpeedLimit | LowSpeedTime)) ==
             (LowSpeedLimit | LowSpeedTime) ||
         (Mask & Progress);
}

void MissingTimeoutCheck::checkCurlSetopt(const CallExpr &Call,
                                          const SourceManager &SM) {
  std::optional<CurlSetopt> Setopt = getCurlSetopt(Call);
  if (!Setopt || (Setopt->Option != "CURLOPT_TIMEOUT" &&
                  Setopt->Option != "CURLOPT_TIMEOUT_MS"))
    return;
  if (!isZeroDuration(Setopt->Value, *Ctx) || boundedOtherwise(*Setopt, *Ctx))
    return;
  diag(reportLocation(Call.getBeginLoc(), SM),
       "%0 set to 0 disables libcurl's transfer timeout, so a server that "
       "stalls "
       "blocks the transfer forever; set a positive timeout")
      << Setopt->Option;
}

void MissingTimeoutCheck::checkHttplib(const CXXMemberCallExpr &Call,
                                       const SourceManager &SM,
                                       ASTContext &Context) {
  const CXXMethodDecl *MD = Call.getMethodDecl();
  StringRef Name = identifierOf(MD);
  StringRef Kind = Name == "set_connection_timeout" ? "connection"
                   : Name == "set_read_timeout"     ? "read"
                   : Name == "set_write_timeout"    ? "write"
                                                    : "";
  if (Kind.empty())
    return;
  std::string Class = recordName(*MD->getParent());
  if (Class != "httplib::Client" && Class != "httplib::ClientImpl" &&
      Class != "httplib::SSLClient")
    return;
  unsigned Explicit = 0;
  for (const Expr *Arg : Call.arguments()) {
    if (isa<CXXDefaultArgExpr>(Arg))
      continue;
    ++Explicit;
    if (!isZeroDuration(Arg, Context))
      return;
  }
  if (Explicit == 0)
    return;
  diag(reportLocation(Call.getBeginLoc(), SM),
       "'%0' sets cpp-httplib's %1 timeout to 0, which leaves the client "
       "without a "
       "usable bound on waiting for the server; set a positive timeout")
      << Name << Kind;
}

// A stream that wraps another (its first template argument): TLS and
// WebSocket layers.
static bool isLayeredStream(StringRef RecordName) {
  return RecordName.ends_with("ssl::stream") ||
         RecordName.ends_with("beast::ssl_stream") ||
         RecordName.ends_with("websocket::stream");
}

// The lowest layer of a stream type, through references, pointers and the
// TLS and WebSocket layers: `websocket::stream<ssl_stream<tcp_stream>>` is a
// tcp_stream (beast::basic_stream) underneath.
static const CXXRecordDecl *lowestLayer(QualType T) {
  for (int Guard = 0; Guard < 6; ++Guard) {
    T = T.getNonReferenceType();
    if (T->isPointerType())
      T = T->getPointeeType();
    const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
    if (!RD)
      return nullptr;
    const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
    if (Spec && Spec->getTemplateArgs().size() >= 1 &&
        Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type &&
        isLayeredStream(recordName(*RD))) {
      T = Spec->getTemplateArgs()[0].getAsType();
      continue;
    }
    return RD;
  }
  return nullptr;
}

// Beast's basic_stream (tcp_stream): the one Asio-family stream with a
// timeout of its own (expires_after / expires_at).
static bool isBeastBasicStream(const CXXRecordDecl *RD) {
  return RD && StringRef(recordName(*RD)).ends_with("beast::basic_stream");
}

// The variable or field that holds the stream \p E works on, seen through
// the layers (`ws.next_layer()`, `beast::get_lowest_layer(ws)`,
// `stream.socket()`), smart pointers and references bound to them.
static const ValueDecl *streamHolder(const Expr *E) {
  for (int Guard = 0; E && Guard < 16; ++Guard) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E)) {
      StringRef Name = identifierOf(Member->getMethodDecl());
      if (Name != "next_layer" && Name != "lowest_layer" && Name != "socket")
        return nullptr;
      E = Member->getImplicitObjectArgument();
      continue;
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
      if ((Op->getOperator() != OO_Arrow && Op->getOperator() != OO_Star) ||
          Op->getNumArgs() < 1)
        return nullptr;
      E = Op->getArg(0);
      continue;
    }
    if (const auto *Call = dyn_cast<CallExpr>(E)) {
      if (identifierOf(Call->getDirectCallee()) != "get_lowest_layer" ||
          Call->getNumArgs() != 1)
        return nullptr;
      E = Call->getArg(0);
      continue;
    }
    if (const auto *Unary = dyn_cast<UnaryOperator>(E)) {
      if (Unary->getOpcode() != UO_Deref && Unary->getOpcode() != UO_AddrOf)
        return nullptr;
      E = Unary->getSubExpr();
      continue;
    }
    if (const auto *Member = dyn_cast<MemberExpr>(E))
      return Member->getMemberDecl();
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
      const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
      // `auto &stream = beast::get_lowest_layer(ws);` is ws.
      if (Var && Var->getType()->isReferenceType() && Var->getInit() &&
          !isa<ParmVarDecl>(Var)) {
        E = Var->getInit();
        continue;
      }
      return Ref->getDecl();
    }
    return nullptr;
  }
  return nullptr;
}

// The function whose body holds \p S (through lambdas, to the outermost
// function, where a captured stream's timeout is set).
static const FunctionDecl *enclosingFunction(const Stmt &S, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(S);
  for (int Guard = 0; Guard < 512; ++Guard) {
    auto Parents = Ctx.getParents(Node);
    if (Parents.empty())
      return nullptr;
    Node = Parents[0];
    if (const auto *FD = Node.get<FunctionDecl>()) {
      const auto *Method = dyn_cast<CXXMethodDecl>(FD);
      if (!Method || !Method->getParent()->isLambda())
        return FD;
    }
  }
  return nullptr;
}

// expires_after / expires_at / expires_never on a Beast stream.
static StringRef expiryCall(const Stmt &S, const Expr *&Object) {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(&S);
  if (!Member)
    return StringRef();
  const CXXMethodDecl *MD = Member->getMethodDecl();
  StringRef Name = identifierOf(MD);
  if ((Name != "expires_after" && Name != "expires_at" &&
       Name != "expires_never") ||
      !isBeastBasicStream(MD->getParent()))
    return StringRef();
  Object = Member->getImplicitObjectArgument();
  return Name;
}

bool MissingTimeoutCheck::hasDeadlineBefore(const ValueDecl &Holder,
                                            const CallExpr &Call,
                                            ASTContext &Context) {
  const auto *Local = dyn_cast<VarDecl>(&Holder);
  if (!Local || !Local->isLocalVarDecl()) {
    // A member or global stream: its deadline may be set in any function of
    // the unit (a connect() that arms it for the session).
    if (!ExpiringStreams) {
      ExpiringStreams.emplace();
      std::function<void(const Stmt *)> Collect = [&](const Stmt *S) {
        if (!S)
          return;
        const Expr *Object = nullptr;
        StringRef Name = expiryCall(*S, Object);
        if (!Name.empty() && Name != "expires_never")
          if (const ValueDecl *D = streamHolder(Object))
            ExpiringStreams->insert(D->getCanonicalDecl());
        for (const Stmt *Child : S->children())
          Collect(Child);
      };
      for (const Decl *D : Context.getTranslationUnitDecl()->decls())
        if (!Context.getSourceManager().isInSystemHeader(D->getLocation())) {
          std::function<void(const Decl *)> Visit = [&](const Decl *Inner) {
            if (const auto *FD = dyn_cast<FunctionDecl>(Inner))
              Collect(FD->getBody());
            if (const auto *DC = dyn_cast<DeclContext>(Inner))
              for (const Decl *Child : DC->decls())
                Visit(Child);
          };
          Visit(D);
        }
    }
    return ExpiringStreams->contains(Holder.getCanonicalDecl());
  }
  const FunctionDecl *FD = enclosingFunction(Call, Context);
  if (!FD || !FD->getBody())
    return true; // cannot see the function: not judged
  const SourceManager &SM = Context.getSourceManager();
  // The last expiry call on the stream before the I/O decides.
  const CallExpr *Last = nullptr;
  StringRef LastName;
  std::function<void(const Stmt *)> Find = [&](const Stmt *S) {
    if (!S)
      return;
    const Expr *Object = nullptr;
    StringRef Name = expiryCall(*S, Object);
    if (!Name.empty() && streamHolder(Object) == &Holder &&
        SM.isBeforeInTranslationUnit(S->getBeginLoc(), Call.getBeginLoc()) &&
        (!Last ||
         SM.isBeforeInTranslationUnit(Last->getBeginLoc(), S->getBeginLoc()))) {
      Last = cast<CallExpr>(S);
      LastName = Name;
    }
    for (const Stmt *Child : S->children())
      Find(Child);
  };
  Find(FD->getBody());
  return Last && LastName != "expires_never";
}

// Whether the stream of an Asio operation is a network one (not a local
// socket, serial port or file): \p T is the stream or socket type.
static bool isNetworkStream(QualType T) {
  for (int Guard = 0; Guard < 4; ++Guard) {
    T = T.getNonReferenceType();
    if (T->isPointerType())
      T = T->getPointeeType();
    const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
    if (!RD)
      return true; // dependent or unknown: judge by the operation
    std::string Name = recordName(*RD);
    const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
    // ssl::stream<Next>, beast::ssl_stream<Next>, websocket::stream<Next>,
    // beast::basic_stream<Protocol, ...>: look inside.
    if (Spec && Spec->getTemplateArgs().size() >= 1 &&
        Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type) {
      QualType Arg = Spec->getTemplateArgs()[0].getAsType();
      if (const CXXRecordDecl *ArgRD = Arg->getAsCXXRecordDecl())
        if (StringRef(recordName(*ArgRD)).contains("local::"))
          return false;
      if (isLayeredStream(Name)) {
        T = Arg;
        continue;
      }
    }
    StringRef N(Name);
    return N.contains("socket") || N.contains("basic_stream") ||
           N.contains("tcp_stream") || N.contains("resolver");
  }
  return true;
}

// Whether a resolve() call looks up the local address a server listens on:
// it sits in a function named like `listen`/`bind`, or in a function that
// also sets up an acceptor (bind/listen/open on a basic_socket_acceptor).
static bool resolvesListenAddress(const CallExpr &Call, ASTContext &Context) {
  DynTypedNode Node = DynTypedNode::create(Call);
  const FunctionDecl *FD = nullptr;
  for (int Guard = 0; Guard < 256 && !FD; ++Guard) {
    auto Parents = Context.getParents(Node);
    if (Parents.empty())
      return false;
    Node = Parents[0];
    if (Node.get<LambdaExpr>())
      return false;
    FD = Node.get<FunctionDecl>();
  }
  if (!FD)
    return false;
  std::string Name = StringRef(FD->getNameAsString()).lower();
  if (StringRef(Name).contains("listen") || StringRef(Name).contains("bind"))
    return true;
  std::function<bool(const Stmt *)> UsesAcceptor = [&](const Stmt *S) {
    if (!S)
      return false;
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(S))
      if (const CXXMethodDecl *MD = Member->getMethodDecl()) {
        StringRef M = identifierOf(MD);
        if ((M == "bind" || M == "listen" || M == "open") &&
            MD->getParent()->getName() == "basic_socket_acceptor")
          return true;
      }
    for (const Stmt *Child : S->children())
      if (UsesAcceptor(Child))
        return true;
    return false;
  };
  return UsesAcceptor(FD->getBody());
}

// Whether \p F has an overload beside it that takes a timeout
// (`Send(buffer, size)` next to `Send(buffer, size, const Timespan &timeout)`,
// CppServer): the untimed form is the caller's explicit choice.
static bool hasTimedOverload(const FunctionDecl &F) {
  if (!F.getIdentifier())
    return false;
  auto IsTimeout = [](const ParmVarDecl *P) {
    if (P->getName().contains_insensitive("timeout") ||
        P->getName().contains_insensitive("deadline"))
      return true;
    const CXXRecordDecl *RD =
        P->getType().getNonReferenceType()->getAsCXXRecordDecl();
    return RD && RD->getIdentifier() &&
           (RD->getName() == "duration" || RD->getName() == "time_point" ||
            RD->getName().contains_insensitive("timespan") ||
            RD->getName().contains_insensitive("timeout"));
  };
  for (const NamedDecl *D : F.getDeclContext()->lookup(F.getDeclName())) {
    const auto *Other = dyn_cast<FunctionDecl>(D->getUnderlyingDecl());
    if (const auto *Template = dyn_cast<FunctionTemplateDecl>(D))
      Other = Template->getTemplatedDecl();
    if (Other && Other->getCanonicalDecl() != F.getCanonicalDecl() &&
        llvm::any_of(Other->parameters(), IsTimeout))
      return true;
  }
  return false;
}

void MissingTimeoutCheck::checkAsioSync(const CallExpr &Call,
                                        const FunctionDecl &Callee,
                                        const SourceManager &SM) {
  if (!isAsioName(qualifiedNameWithoutTemplateArgs(Callee)) ||
      !matchesCallList(Call, Callee, AsioSyncOperations))
    return;
  StringRef Name = identifierOf(&Callee);
  // Resolving a local listen address (`resolver::passive`) is not remote.
  if (Name == "resolve") {
    std::function<bool(const Stmt *)> MentionsPassive = [&](const Stmt *S) {
      if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(S))
        if (Ref->getDecl()->getName() == "passive")
          return true;
      for (const Stmt *Child :
           S ? S->children() : Stmt::const_child_range(nullptr, nullptr))
        if (MentionsPassive(Child))
          return true;
      return false;
    };
    for (const Expr *Arg : Call.arguments())
      if (MentionsPassive(Arg))
        return;
    if (resolvesListenAddress(Call, *Ctx))
      return;
  }
  QualType Stream;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call)) {
    Stream =
        Member->getImplicitObjectArgument()->IgnoreParenImpCasts()->getType();
    // connect() on a datagram socket only records the default peer.
    if (Name == "connect")
      if (const CXXRecordDecl *RD =
              Stream.getNonReferenceType()->getAsCXXRecordDecl())
        if (RD->getName() == "basic_datagram_socket" ||
            RD->getName() == "basic_raw_socket")
          return;
  } else if (Call.getNumArgs() >= 1)
    Stream = Call.getArg(0)->IgnoreParenImpCasts()->getType();
  if (Stream.isNull() || !isNetworkStream(Stream))
    return;
  if (isBeastBasicStream(lowestLayer(Stream))) {
    // A Beast tcp_stream underneath has a deadline of its own.
    const Expr *StreamExpr =
        isa<CXXMemberCallExpr>(Call)
            ? cast<CXXMemberCallExpr>(Call).getImplicitObjectArgument()
            : Call.getArg(0);
    const ValueDecl *Holder = streamHolder(StreamExpr);
    // A stream received as a parameter is not judged: the caller owns it and
    // its deadline.
    if (!Holder || isa<ParmVarDecl>(Holder) ||
        hasDeadlineBefore(*Holder, Call, *Ctx))
      return;
    diag(reportLocation(Call.getBeginLoc(), SM),
         "synchronous operation '%0' on Beast stream '%1' runs without a "
         "deadline (no expires_after or expires_at on the stream before it), "
         "so a peer that stops responding blocks this thread forever; set one "
         "with beast::get_lowest_layer(%1).expires_after(...) and use the "
         "async_* form, which honours it")
        << callDisplayName(Call, Callee) << Holder->getName();
    return;
  }
  // A read of what `available()` said has arrived does not wait.
  if (const FunctionDecl *Caller = enclosingFunction(Call, *Ctx);
      Caller && (hasTimedOverload(*Caller) ||
                 readsOnlyAvailableBytes(Call, Callee, Caller->getBody(), SM)))
    return;
  diag(reportLocation(Call.getBeginLoc(), SM),
       "synchronous Asio operation '%0' has no timeout, so a peer or DNS "
       "server that "
       "stops responding blocks this thread forever; use the async_* form with "
       "a "
       "deadline (a steady_timer that cancels it, or beast's expires_after)")
      << callDisplayName(Call, Callee);
}

// Whether \p Call (`f.get()`) follows a `f.wait_for`/`f.wait_until` on the
// same variable in the same function: the wait bounded it.
static bool guardedByTimedWait(const CallExpr &Call, ASTContext &Ctx) {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call);
  if (!Member)
    return false;
  const ValueDecl *Var =
      HandleTracker::handleDecl(Member->getImplicitObjectArgument());
  if (!Var)
    return false;
  const auto *Local = dyn_cast<VarDecl>(Var);
  const DeclContext *DC = Local ? Local->getParentFunctionOrMethod() : nullptr;
  const auto *FD = dyn_cast_or_null<FunctionDecl>(DC);
  if (!FD || !FD->getBody())
    return false;
  const SourceManager &SM = Ctx.getSourceManager();
  std::function<bool(const Stmt *)> Find = [&](const Stmt *S) {
    if (!S)
      return false;
    if (const auto *Other = dyn_cast<CXXMemberCallExpr>(S)) {
      StringRef Name = identifierOf(Other->getMethodDecl());
      if ((Name == "wait_for" || Name == "wait_until") &&
          HandleTracker::handleDecl(Other->getImplicitObjectArgument()) ==
              Var &&
          SM.isBeforeInTranslationUnit(Other->getBeginLoc(),
                                       Call.getBeginLoc()))
        return true;
    }
    for (const Stmt *Child : S->children())
      if (Find(Child))
        return true;
    return false;
  };
  return Find(FD->getBody());
}

void MissingTimeoutCheck::checkUnboundedWait(const CallExpr &Call,
                                             const FunctionDecl &Callee,
                                             const SourceManager &SM,
                                             ASTContext &Context) {
  if (!matchesCallList(Call, Callee, UnboundedWaits))
    return;
  if (identifierOf(&Callee) == "get" && guardedByTimedWait(Call, Context))
    return;
  diag(reportLocation(Call.getBeginLoc(), SM),
       "'%0' waits without a bound, so this thread hangs forever if the result "
       "or "
       "notification never arrives; use wait_for/wait_until with a deadline "
       "and handle "
       "the timeout")
      << callDisplayName(Call, Callee);
}

void MissingTimeoutCheck::check(const MatchFinder::MatchResult &Result) {
  Ctx = Result.Context;
  const SourceManager &SM = *Result.SourceManager;
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  const auto *Callee = Result.Nodes.getNodeAs<FunctionDecl>("callee");
  StringRef Name = identifierOf(Callee);

  if (Name == "curl_easy_setopt") {
    checkCurlSetopt(*Call, SM);
    return;
  }
  if (Name == "curl_easy_perform" && Call->getNumArgs() == 1) {
    if (const ValueDecl *Handle = HandleTracker::handleDecl(Call->getArg(0)))
      PendingCalls.push_back(
          {Call, Handle, nullptr, false, "curl_easy_perform"});
    return;
  }
  // curlpp: `request.perform()`, and `std::cout << request`, which performs.
  const Expr *CurlppHandle = nullptr;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
      Member && Name == "perform" &&
      isCurlppEasy(Member->getImplicitObjectArgument()->getType()))
    CurlppHandle = Member->getImplicitObjectArgument();
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
      Op && Op->getOperator() == OO_LessLess && Op->getNumArgs() == 2 &&
      isCurlppEasy(Op->getArg(1)->getType()))
    CurlppHandle = Op->getArg(1);
  if (CurlppHandle) {
    if (const ValueDecl *Handle = HandleTracker::handleDecl(CurlppHandle))
      PendingCalls.push_back(
          {Call, Handle, nullptr, false, "curlpp::Easy::perform"});
    return;
  }
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
    checkHttplib(*Member, SM, *Result.Context);
  if (getLangOpts().CPlusPlus) {
    checkAsioSync(*Call, *Callee, SM);
    if (ReportUnboundedWaits)
      checkUnboundedWait(*Call, *Callee, SM, *Result.Context);
    // gRPC: a stub call taking a ClientContext*.
    if (isStubCall(*Call, Callee)) {
      for (const Expr *Arg : Call->arguments()) {
        if (!Arg->getType()->isPointerType() ||
            !isClientContext(Arg->getType()))
          continue;
        if (const ValueDecl *Handle = HandleTracker::handleDecl(Arg))
          PendingCalls.push_back(
              {Call, Handle, nullptr, true, Callee->getNameAsString()});
        break;
      }
    }
  }
}

void MissingTimeoutCheck::onEndOfTranslationUnit() {
  if (!Ctx || PendingCalls.empty()) {
    PendingCalls.clear();
    ExpiringStreams.reset();
    return;
  }
  CurlPolicy Curl(*Ctx);
  GrpcPolicy Grpc;
  HandleTracker CurlTracker(*Ctx, Curl);
  HandleTracker GrpcTracker(*Ctx, Grpc);
  const SourceManager &SM = Ctx->getSourceManager();
  for (const Pending &P : PendingCalls) {
    const Stmt *Body = nullptr;
    if (const auto *Var = dyn_cast<VarDecl>(P.Handle))
      if (const auto *FD =
              dyn_cast_or_null<FunctionDecl>(Var->getParentFunctionOrMethod()))
        Body = FD->getBody();
    HandleFacts Facts =
        (P.IsGrpc ? GrpcTracker : CurlTracker)
            .factsAt(*P.Handle, Body, *P.Call, /*OnlyBefore=*/P.IsGrpc);
    if (Facts.NotJudged || Facts.Unknown || !Facts.Fresh)
      continue;
    SourceLocation Loc = reportLocation(P.Call->getBeginLoc(), SM);
    if (P.IsGrpc) {
      if (!(Facts.Mask & Deadline)) {
        auto Diag =
            diag(Loc, "gRPC call '%0' uses ClientContext '%1', which has no "
                      "deadline, so an "
                      "unresponsive server or a network partition blocks it "
                      "forever; call "
                      "set_deadline() on the context before the call");
        Diag << P.Callee << P.Handle->getName();
        if (inScope(Loc))
          if (std::optional<FixItHint> Fix = grpcDeadlineFix(*P.Handle))
            Diag << *Fix;
      }
      continue;
    }
    unsigned M = Facts.Mask;
    if ((M & (Timeout | Progress | ZeroTimeout)) ||
        ((M & LowSpeedLimit) && (M & LowSpeedTime)))
      continue;
    auto Diag =
        M & ConnectTimeout
            ? diag(Loc,
                   "'%1' on handle '%0' has only a connect "
                   "timeout, which "
                   "does not bound the transfer, so a server that stalls "
                   "after connecting "
                   "blocks this thread forever; also set CURLOPT_TIMEOUT_MS "
                   "(or CURLOPT_LOW_SPEED_LIMIT with CURLOPT_LOW_SPEED_TIME)")
            : diag(Loc,
                   "'%1' on handle '%0' has no transfer "
                   "timeout, so a server "
                   "that stalls blocks this thread forever; set "
                   "CURLOPT_TIMEOUT_MS (or "
                   "CURLOPT_LOW_SPEED_LIMIT with CURLOPT_LOW_SPEED_TIME, or a "
                   "progress callback that aborts) before the transfer");
    Diag << P.Handle->getName() << P.Callee;
    // The certain fix is a curl_easy_setopt line: libcurl's C API only.
    if (inScope(Loc) && P.Callee == "curl_easy_perform")
      if (std::optional<FixItHint> Fix = curlTimeoutFix(*P.Call, *P.Handle))
        Diag << *Fix;
  }
  PendingCalls.clear();
  TimeoutFixes.clear();
  InsertedTimeouts.clear();
  ExpiringStreams.reset();
  Ctx = nullptr;
}

} // namespace prodready
