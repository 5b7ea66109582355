//===--- AsyncUtils.cpp - helpers for the async/timeout rules -------------===//

#include "AsyncUtils.h"
#include "CheckUtils.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/Regex.h"

using namespace clang;

namespace prodready {

llvm::StringRef defaultBlockingFunctions() {
  return "std::this_thread::sleep_for;std::this_thread::sleep_until;"
         "boost::this_thread::sleep;boost::this_thread::sleep_for;"
         "boost::this_thread::sleep_until;"
         "sleep;usleep;nanosleep;clock_nanosleep;"
         "std::future::get;std::future::wait;std::future::wait_for;"
         "std::future::wait_until;std::shared_future::get;"
         "std::shared_future::wait;std::shared_future::wait_for;"
         "std::shared_future::wait_until;std::thread::join;std::jthread::join;"
         "std::condition_variable::wait;std::condition_variable::wait_for;"
         "std::condition_variable::wait_until;"
         "std::condition_variable_any::wait;"
         "std::condition_variable_any::wait_for;"
         "std::condition_variable_any::wait_until;"
         "system;popen;getaddrinfo;gethostbyname;gethostbyname_r;"
         "accept;accept4;connect;recv;recvfrom;recvmsg;select;pselect;poll;"
         "ppoll;epoll_wait;epoll_pwait;curl_easy_perform;"
         "asio::read;asio::write;asio::connect;asio::read_until;"
         "asio::read_at;asio::write_at;"
         "asio::basic_stream_socket::read_some;"
         "asio::basic_stream_socket::write_some;"
         "asio::basic_stream_socket::receive;asio::basic_stream_socket::send;"
         "asio::basic_datagram_socket::receive;"
         "asio::basic_datagram_socket::receive_from;"
         "asio::basic_datagram_socket::send;"
         "asio::basic_datagram_socket::send_to;"
         "asio::basic_socket::connect;asio::basic_socket_acceptor::accept;"
         "asio::ip::basic_resolver::resolve;asio::io_context::run;"
         "asio::io_context::run_one;asio::ssl::stream::read_some;"
         "asio::ssl::stream::write_some;asio::ssl::stream::handshake;"
         "asio::basic_waitable_timer::wait;asio::basic_deadline_timer::wait;"
         "beast::http::read;beast::http::write;beast::http::read_header;"
         "beast::websocket::stream::read;beast::websocket::stream::write;"
         "std::getline;"
         // Client libraries services call (RULES.md revision, async reach).
         "grpc::ClientReader::Read;grpc::ClientReader::Finish;"
         "grpc::ClientReader::WaitForInitialMetadata;"
         "grpc::ClientReaderWriter::Read;grpc::ClientReaderWriter::Write;"
         "grpc::ClientReaderWriter::Finish;grpc::ClientWriter::Write;"
         "grpc::ClientWriter::Finish;grpc::ChannelInterface::WaitForConnected;"
         "regex:pqxx::transaction_base::(exec.*|query.*|commit);"
         "regex:pqxx::(transaction|nontransaction|dbtransaction|work)::(exec.*|"
         "query.*|commit);"
         "redisConnect;redisConnectWithTimeout;redisConnectUnix;"
         "redisConnectUnixWithTimeout;redisConnectWithOptions;redisConnectFd;"
         "redisReconnect;redisCommand;redisvCommand;redisCommandArgv;"
         "redisGetReply;"
         "mysql_real_connect;mysql_query;mysql_real_query;mysql_store_result;"
         "mysql_stmt_execute;mysql_commit;"
         "sqlite3_exec;sqlite3_step;"
         "regex:httplib::(Client|SSLClient|ClientImpl)::(Get|Post|Put|Patch|"
         "Delete|Head|Options|send);"
         "std::basic_fstream::open;std::basic_ifstream::open;"
         "std::basic_ofstream::open";
}

llvm::StringRef defaultBlockingConstructors() {
  return "pqxx::connection;pqxx::basic_connection_base<pqxx::connect_direct>;"
         "regex:std::basic_(i|o)?fstream<.*>";
}

llvm::StringRef defaultCpuBoundFunctions() {
  return "crypto_pwhash;crypto_pwhash_str;crypto_pwhash_str_verify;"
         "crypto_pwhash_argon2i;crypto_pwhash_argon2id;"
         "crypto_pwhash_scryptsalsa208sha256;"
         "crypto_pwhash_scryptsalsa208sha256_str;"
         "crypto_pwhash_scryptsalsa208sha256_str_verify;"
         "PKCS5_PBKDF2_HMAC;PKCS5_PBKDF2_HMAC_SHA1;EVP_PBE_scrypt;"
         "bcrypt_hashpw;bcrypt_checkpw;bcrypt_gensalt;"
         "argon2_hash;argon2_verify;argon2i_hash_raw;argon2i_hash_encoded;"
         "argon2id_hash_raw;argon2id_hash_encoded;argon2d_hash_raw;"
         "argon2d_hash_encoded;argon2i_verify;argon2id_verify;argon2d_verify";
}

bool isSyncGrpcStubCall(const FunctionDecl &Callee) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&Callee);
  if (!Method || !Method->getParent()->getIdentifier() ||
      !Method->getParent()->getName().ends_with("Stub") ||
      Method->getNumParams() == 0)
    return false;
  QualType First = Method->getParamDecl(0)->getType();
  if (!First->isPointerType())
    return false;
  const CXXRecordDecl *Context = First->getPointeeCXXRecordDecl();
  if (!Context || recordName(*Context) != "grpc::ClientContext")
    return false;
  // The synchronous form returns grpc::Status; Async*/PrepareAsync* return
  // a reader, and the callback API returns void.
  const CXXRecordDecl *Result = Method->getReturnType()->getAsCXXRecordDecl();
  return Result && recordName(*Result) == "grpc::Status";
}

llvm::StringRef defaultMutexLockFunctions() {
  return "std::mutex::lock;std::timed_mutex::lock;std::recursive_mutex::lock;"
         "std::recursive_timed_mutex::lock;std::shared_mutex::lock;"
         "std::shared_mutex::lock_shared;std::shared_timed_mutex::lock;"
         "std::shared_timed_mutex::lock_shared;std::lock;"
         "std::lock_guard::lock_guard;std::unique_lock::unique_lock;"
         "std::scoped_lock::scoped_lock;std::shared_lock::shared_lock;"
         "pthread_mutex_lock;pthread_rwlock_rdlock;pthread_rwlock_wrlock";
}

// Appends the scope of \p DC (namespaces and records, no template
// arguments, no inline or anonymous namespaces) to \p Parts, outermost first.
static void scopeParts(const DeclContext *DC,
                       llvm::SmallVectorImpl<std::string> &Parts) {
  llvm::SmallVector<std::string, 4> Reversed;
  for (; DC && !DC->isTranslationUnit(); DC = DC->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
      if (NS->isInline() || NS->isAnonymousNamespace())
        continue;
      Reversed.push_back(NS->getNameAsString());
    } else if (const auto *RD = dyn_cast<RecordDecl>(DC)) {
      if (RD->getIdentifier())
        Reversed.push_back(RD->getNameAsString());
    }
  }
  Parts.append(Reversed.rbegin(), Reversed.rend());
}

static std::string joinParts(llvm::ArrayRef<std::string> Parts) {
  std::string Result;
  for (const std::string &P : Parts) {
    if (!Result.empty())
      Result += "::";
    Result += P;
  }
  return Result;
}

std::string recordName(const CXXRecordDecl &RD) {
  llvm::SmallVector<std::string, 6> Parts;
  scopeParts(RD.getDeclContext(), Parts);
  Parts.push_back(RD.getNameAsString());
  return joinParts(Parts);
}

std::string qualifiedNameWithoutTemplateArgs(const FunctionDecl &FD) {
  llvm::SmallVector<std::string, 6> Parts;
  scopeParts(FD.getDeclContext(), Parts);
  if (isa<CXXConstructorDecl>(FD))
    Parts.push_back(
        cast<CXXConstructorDecl>(FD).getParent()->getNameAsString());
  else if (FD.getDeclName().isIdentifier())
    Parts.push_back(FD.getName().str());
  else
    Parts.push_back(FD.getNameAsString());
  return joinParts(Parts);
}

static bool isGlobalCFunction(const FunctionDecl &FD) {
  return FD.getDeclContext()->getRedeclContext()->isTranslationUnit() ||
         FD.isExternC();
}

bool matchesFunctionList(const FunctionDecl &FD,
                         const std::vector<std::string> &Names) {
  std::string Qualified;
  for (llvm::StringRef Entry : Names) {
    if (Entry.starts_with("regex:") || Entry.contains("::")) {
      if (Qualified.empty())
        Qualified = qualifiedNameWithoutTemplateArgs(FD);
      if (matchesAnyName(Qualified, {Entry.str()}))
        return true;
      continue;
    }
    if (FD.getDeclName().isIdentifier() && FD.getName() == Entry &&
        isGlobalCFunction(FD))
      return true;
  }
  return false;
}

// The class of the object a member function is called on, when it differs
// from the class that declares the member.
static const CXXRecordDecl *objectClass(const CallExpr &Call,
                                        const FunctionDecl &Callee) {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call);
  if (!Member || !Callee.getDeclName().isIdentifier())
    return nullptr;
  const Expr *Obj = Member->getImplicitObjectArgument();
  if (!Obj)
    return nullptr;
  QualType T = Obj->IgnoreParenImpCasts()->getType();
  if (T->isPointerType())
    T = T->getPointeeType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD || RD == cast<CXXMethodDecl>(Callee).getParent())
    return nullptr;
  return RD;
}

std::string callDisplayName(const CallExpr &Call, const FunctionDecl &Callee) {
  if (const CXXRecordDecl *Object = objectClass(Call, Callee))
    return recordName(*Object) + "::" + Callee.getName().str();
  return qualifiedNameWithoutTemplateArgs(Callee);
}

bool matchesCallList(const CallExpr &Call, const FunctionDecl &Callee,
                     const std::vector<std::string> &Names) {
  if (matchesFunctionList(Callee, Names))
    return true;
  const CXXRecordDecl *Object = objectClass(Call, Callee);
  if (!Object)
    return false;
  std::string Qualified = recordName(*Object) + "::" + Callee.getName().str();
  for (const std::string &Entry : Names)
    if ((StringRef(Entry).contains("::") ||
         StringRef(Entry).starts_with("regex:")) &&
        matchesAnyName(Qualified, {Entry}))
      return true;
  return false;
}

bool isAsioName(llvm::StringRef Qualified) {
  return Qualified.starts_with("asio::") ||
         Qualified.starts_with("boost::asio::") ||
         Qualified.starts_with("boost::beast::");
}

// Calls that wrap a handler and hand it on: binders and executor/strand
// wrappers. Their arguments are searched for the handler.
static bool isHandlerWrapper(llvm::StringRef Name) {
  static const char *const Wrappers[] = {"bind",
                                         "bind_front",
                                         "bind_back",
                                         "bind_front_handler",
                                         "bind_handler",
                                         "bind_executor",
                                         "wrap",
                                         "consign",
                                         "append",
                                         "prepend",
                                         "redirect_error",
                                         "as_tuple",
                                         "bind_allocator",
                                         "bind_cancellation_slot",
                                         "bind_immediate_executor",
                                         "make_shared_handler"};
  for (const char *W : Wrappers)
    if (Name == W)
      return true;
  return false;
}

static void addCallOperators(const CXXRecordDecl *RD,
                             llvm::SmallVectorImpl<const FunctionDecl *> &Out) {
  if (!RD || !RD->hasDefinition())
    return;
  RD = RD->getDefinition();
  if (RD->isLambda()) {
    if (const CXXMethodDecl *Op = RD->getLambdaCallOperator())
      Out.push_back(Op);
    return;
  }
  // Function objects of project classes only: std::function and Asio's own
  // wrappers are looked through by the caller instead.
  const SourceManager &SM = RD->getASTContext().getSourceManager();
  if (SM.isInSystemHeader(RD->getLocation()))
    return;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
    if (const CXXRecordDecl *Pattern =
            Spec->getSpecializedTemplate()->getTemplatedDecl())
      RD = Pattern;
  for (const Decl *D : RD->decls()) {
    const FunctionDecl *FD = D->getAsFunction();
    if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(FD))
      if (MD->getOverloadedOperator() == OO_Call)
        Out.push_back(MD);
  }
}

void collectHandlerCallables(const Expr *E,
                             llvm::SmallVectorImpl<const FunctionDecl *> &Out,
                             int Depth) {
  if (!E || Depth > 6)
    return;
  E = stripValue(E)->IgnoreParenImpCasts();
  if (const auto *Lambda = dyn_cast<LambdaExpr>(E)) {
    Out.push_back(Lambda->getCallOperator());
    return;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() == UO_AddrOf || UO->getOpcode() == UO_Deref)
      collectHandlerCallables(UO->getSubExpr(), Out, Depth + 1);
    return;
  }
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *FD = dyn_cast<FunctionDecl>(Ref->getDecl())) {
      Out.push_back(FD);
      return;
    }
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl())) {
      if (Var->hasLocalStorage() && Var->getInit() && !isa<ParmVarDecl>(Var)) {
        size_t Before = Out.size();
        collectHandlerCallables(Var->getInit(), Out, Depth + 1);
        if (Out.size() != Before)
          return;
      }
    }
  }
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      if (Callee->getDeclName().isIdentifier() &&
          isHandlerWrapper(Callee->getName()))
        for (const Expr *Arg : Call->arguments())
          collectHandlerCallables(Arg, Out, Depth + 1);
    return;
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    const CXXRecordDecl *RD = Construct->getConstructor()->getParent();
    size_t Before = Out.size();
    addCallOperators(RD, Out);
    if (Out.size() != Before)
      return;
    // std::function, any_completion_handler, ...: look at what they wrap.
    for (const Expr *Arg : Construct->arguments())
      collectHandlerCallables(Arg, Out, Depth + 1);
    return;
  }
  if (const CXXRecordDecl *RD = E->getType()->getAsCXXRecordDecl())
    addCallOperators(RD, Out);
}

// The variable or member an object expression names: `s`, `m_Socket`,
// `*m_Socket`, `p->sock` (the member), `p.get()`.
static const ValueDecl *objectDecl(const Expr *E) {
  if (!E)
    return nullptr;
  E = stripValue(E)->IgnoreParenImpCasts();
  if (const Expr *Pointer = unwrappedPointer(E))
    E = stripValue(Pointer)->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return Ref->getDecl();
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return Member->getMemberDecl();
  return nullptr;
}

// The object a call works on: the object of a member call, or the first
// argument of a free stream function (`boost::asio::read(sock, ...)`).
const ValueDecl *callObjectDecl(const CallExpr &Call) {
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call))
    return objectDecl(Member->getImplicitObjectArgument());
  return Call.getNumArgs() > 0 ? objectDecl(Call.getArg(0)) : nullptr;
}

// Whether \p Body has a member call before \p Before on the object \p Object
// that \p Matches accepts.
static bool hasEarlierMemberCall(
    const Stmt *Body, const ValueDecl *Object, SourceLocation Before,
    const SourceManager &SM,
    llvm::function_ref<bool(const CXXMemberCallExpr &)> Matches) {
  return Object && anyStmtIn(Body, [&](const Stmt &S) {
           const auto *Member = dyn_cast<CXXMemberCallExpr>(&S);
           return Member &&
                  SM.isBeforeInTranslationUnit(Member->getBeginLoc(), Before) &&
                  objectDecl(Member->getImplicitObjectArgument()) == Object &&
                  Matches(*Member);
         });
}

static StringRef methodName(const CXXMemberCallExpr &Member) {
  const CXXMethodDecl *Method = Member.getMethodDecl();
  return Method ? identifierOf(Method) : StringRef();
}

// The sockets a reference stands for: `auto &s = v6 ? m_SocketV6 :
// m_SocketV4;` names both members.
static void aliasedObjects(const ValueDecl *D,
                           llvm::DenseSet<const ValueDecl *> &Out) {
  const auto *Var = dyn_cast_or_null<VarDecl>(D);
  if (!Var || !Var->getType()->isReferenceType() || !Var->getInit()) {
    if (D)
      Out.insert(D);
    return;
  }
  const Expr *Init = Var->getInit()->IgnoreParenImpCasts();
  if (const auto *Choice = dyn_cast<ConditionalOperator>(Init)) {
    if (const ValueDecl *T = objectDecl(Choice->getTrueExpr()))
      Out.insert(T);
    if (const ValueDecl *F = objectDecl(Choice->getFalseExpr()))
      Out.insert(F);
    return;
  }
  if (const ValueDecl *Target = objectDecl(Init))
    Out.insert(Target);
}

void collectNonBlockingSockets(ASTContext &Ctx,
                               llvm::DenseSet<const ValueDecl *> &Out) {
  struct Finder : RecursiveASTVisitor<Finder> {
    llvm::DenseSet<const ValueDecl *> &Out;
    ASTContext &Ctx;
    Finder(llvm::DenseSet<const ValueDecl *> &Out, ASTContext &Ctx)
        : Out(Out), Ctx(Ctx) {}
    bool VisitCXXMemberCallExpr(CXXMemberCallExpr *Call) {
      const CXXMethodDecl *Method = Call->getMethodDecl();
      StringRef Name = Method ? identifierOf(Method) : StringRef();
      bool On = false;
      if ((Name == "non_blocking" || Name == "native_non_blocking") &&
          Call->getNumArgs() >= 1 &&
          Call->getArg(0)->EvaluateAsBooleanCondition(On, Ctx) && On)
        aliasedObjects(objectDecl(Call->getImplicitObjectArgument()), Out);
      return true;
    }
  } Visitor(Out, Ctx);
  const SourceManager &SM = Ctx.getSourceManager();
  for (Decl *D : Ctx.getTranslationUnitDecl()->decls())
    if (!SM.isInSystemHeader(D->getLocation()))
      Visitor.TraverseDecl(D);
}

bool readsOnlyAvailableBytes(const CallExpr &Call, const FunctionDecl &Callee,
                             const Stmt *Body, const SourceManager &SM) {
  StringRef Name = identifierOf(&Callee);
  if (!llvm::is_contained(
          {"read", "read_some", "receive", "receive_from", "recv", "recvfrom"},
          Name))
    return false;
  return hasEarlierMemberCall(
      Body, callObjectDecl(Call), Call.getBeginLoc(), SM,
      [](const CXXMemberCallExpr &M) { return methodName(M) == "available"; });
}

bool futureKnownReady(const CallExpr &Call, const FunctionDecl &Callee,
                      const Stmt *Body, const ASTContext &Ctx) {
  StringRef Name = identifierOf(&Callee);
  const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call);
  if (!Member || (Name != "get" && Name != "wait"))
    return false;
  const CXXRecordDecl *Class = Member->getRecordDecl();
  if (!Class || !StringRef(recordName(*Class)).contains("future"))
    return false;
  return hasEarlierMemberCall(
      Body, callObjectDecl(Call), Call.getBeginLoc(), Ctx.getSourceManager(),
      [&](const CXXMemberCallExpr &M) {
        StringRef Poll = methodName(M);
        if (Poll == "is_ready")
          return true;
        return (Poll == "wait_for" || Poll == "wait_until") &&
               M.getNumArgs() >= 1 &&
               isZeroDuration(M.getArg(M.getNumArgs() - 1), Ctx);
      });
}

bool isZeroDuration(const Expr *E, const ASTContext &Ctx) {
  for (int Depth = 0; E && Depth < 8; ++Depth) {
    E = stripValue(E)->IgnoreParenImpCasts();
    if (E->isValueDependent() || E->isTypeDependent())
      return false;
    if (E->getType()->isIntegralOrEnumerationType() ||
        E->getType()->isRealFloatingType()) {
      Expr::EvalResult Result;
      if (!E->EvaluateAsRValue(Result, Ctx))
        return false;
      if (Result.Val.isInt())
        return Result.Val.getInt().isZero();
      if (Result.Val.isFloat())
        return Result.Val.getFloat().isZero();
      return false;
    }
    if (const auto *UDL = dyn_cast<UserDefinedLiteral>(E)) {
      const Expr *Cooked = UDL->getCookedLiteral();
      if (const auto *Int = dyn_cast_or_null<IntegerLiteral>(Cooked))
        return Int->getValue().isZero();
      if (const auto *Float = dyn_cast_or_null<FloatingLiteral>(Cooked))
        return Float->getValue().isZero();
      // `0s` binds to a literal operator template: read the digits.
      const SourceManager &SM = Ctx.getSourceManager();
      SourceLocation Loc = SM.getSpellingLoc(UDL->getBeginLoc());
      const char *Text = SM.getCharacterData(Loc);
      bool SawDigit = false;
      for (; *Text; ++Text) {
        if (*Text == '0')
          SawDigit = true;
        else if (*Text != '.' && *Text != '\'')
          break;
      }
      return SawDigit && !(*Text >= '1' && *Text <= '9');
    }
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
      if (Construct->getNumArgs() != 1)
        return false;
      E = Construct->getArg(0);
      continue;
    }
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E)) {
      E = Cast->getSubExpr();
      continue;
    }
    if (const auto *Init = dyn_cast<InitListExpr>(E)) {
      if (Init->getNumInits() != 1)
        return false;
      E = Init->getInit(0);
      continue;
    }
    return false;
  }
  return false;
}

llvm::SmallVector<const Stmt *, 4> enclosingLoops(const Stmt &S,
                                                  ASTContext &Ctx) {
  llvm::SmallVector<const Stmt *, 4> Loops;
  DynTypedNode Node = DynTypedNode::create(S);
  const Stmt *Child = &S;
  for (int Guard = 0; Guard < 256; ++Guard) {
    auto Parents = Ctx.getParents(Node);
    if (Parents.empty())
      break;
    Node = Parents[0];
    if (Node.get<FunctionDecl>() || Node.get<RecordDecl>() ||
        Node.get<LambdaExpr>() || Node.get<BlockExpr>())
      break;
    const Stmt *P = Node.get<Stmt>();
    if (!P)
      continue; // e.g. the VarDecl a construction initialises
    const Stmt *Body = loopBody(*P);
    if (Body && Body == Child)
      Loops.push_back(P);
    Child = P;
  }
  return Loops;
}

// Whether \p S increments, decrements or compound-assigns \p Var.
// The variable or member of `this` that \p E names (`n`, `running_`,
// `this->count`), or null.
static const ValueDecl *countedVar(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return Ref->getDecl();
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    if (isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts()))
      return Member->getMemberDecl();
  return nullptr;
}

static bool stepsVar(const Stmt *S, const ValueDecl *Var) {
  if (!S)
    return false;
  auto RefersTo = [Var](const Expr *E) { return countedVar(E) == Var; };
  if (const auto *UO = dyn_cast<UnaryOperator>(S))
    if (UO->isIncrementDecrementOp() && RefersTo(UO->getSubExpr()))
      return true;
  if (const auto *BO = dyn_cast<BinaryOperator>(S))
    if (BO->isCompoundAssignmentOp() && RefersTo(BO->getLHS()))
      return true;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S))
    if (Op->getNumArgs() >= 1 &&
        (Op->getOperator() == OO_PlusPlus ||
         Op->getOperator() == OO_MinusMinus ||
         Op->getOperator() == OO_PlusEqual ||
         Op->getOperator() == OO_MinusEqual) &&
        RefersTo(Op->getArg(0)))
      return true;
  for (const Stmt *Child : S->children())
    if (stepsVar(Child, Var))
      return true;
  return false;
}

static void conditionVars(const Expr *Cond,
                          llvm::SmallVectorImpl<const ValueDecl *> &Vars) {
  if (!Cond)
    return;
  Cond = Cond->IgnoreParenImpCasts();
  if (const auto *BO = dyn_cast<BinaryOperator>(Cond)) {
    if (BO->isLogicalOp()) {
      conditionVars(BO->getLHS(), Vars);
      conditionVars(BO->getRHS(), Vars);
      return;
    }
    if (BO->isRelationalOp() || BO->isEqualityOp()) {
      for (const Expr *Side : {BO->getLHS(), BO->getRHS()})
        if (const ValueDecl *Var = countedVar(Side))
          Vars.push_back(Var);
    }
    return;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Cond)) {
    if (Op->isComparisonOp())
      for (const Expr *Side : Op->arguments())
        if (const ValueDecl *Var = countedVar(Side))
          Vars.push_back(Var);
    return;
  }
  // `while (n--)`, `while (--n > 0)`.
  if (const auto *UO = dyn_cast<UnaryOperator>(Cond))
    if (UO->isIncrementDecrementOp())
      if (const auto *Ref =
              dyn_cast<DeclRefExpr>(UO->getSubExpr()->IgnoreParenImpCasts()))
        Vars.push_back(Ref->getDecl());
}

bool isBoundedLoop(const Stmt &Loop) {
  if (isa<CXXForRangeStmt>(Loop))
    return true;
  const Expr *Cond = nullptr;
  const Stmt *Step = nullptr;
  const Stmt *Body = nullptr;
  if (const auto *For = dyn_cast<ForStmt>(&Loop)) {
    Cond = For->getCond();
    Step = For->getInc();
    Body = For->getBody();
  } else if (const auto *While = dyn_cast<WhileStmt>(&Loop)) {
    Cond = While->getCond();
    Body = While->getBody();
  } else if (const auto *Do = dyn_cast<DoStmt>(&Loop)) {
    Cond = Do->getCond();
    Body = Do->getBody();
  }
  llvm::SmallVector<const ValueDecl *, 4> Vars;
  conditionVars(Cond, Vars);
  if (const auto *UO = dyn_cast_or_null<UnaryOperator>(
          Cond ? Cond->IgnoreParenImpCasts() : nullptr))
    if (UO->isIncrementDecrementOp() && !Vars.empty())
      return true;
  for (const ValueDecl *Var : Vars)
    if (stepsVar(Step, Var) || stepsVar(Body, Var))
      return true;
  return false;
}

} // namespace prodready
