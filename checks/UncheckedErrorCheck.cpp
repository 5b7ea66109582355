//===--- UncheckedErrorCheck.cpp - prodready ------------------------------===//

#include "UncheckedErrorCheck.h"
#include "ErrorUtils.h"
#include "LogSinks.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/QualTypeNames.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Regex.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace prodready {

static constexpr llvm::StringLiteral DefaultCheckedFunctions =
    "close;write;pwrite;read;pread;fsync;fdatasync;ftruncate;rename;renameat;"
    "unlink;remove;mkdir;rmdir;chmod;chown;chdir;dup2;pipe;setuid;setgid;"
    "seteuid;setegid;setsockopt;bind;listen;connect;shutdown;send;sendto;"
    "sendmsg;fclose;fflush;fsetpos;fseek;pthread_create;pthread_join;"
    "pthread_detach;pthread_setspecific;sqlite3_exec;sqlite3_step;"
    "sqlite3_finalize;curl_easy_perform;curl_multi_perform;SSL_write;SSL_read;"
    "SSL_connect;SSL_accept;EVP_*Final*;RAND_bytes;wordexp;inet_pton;"
    "getaddrinfo;mysql_query;mysql_real_query;mysql_real_connect;"
    "mysql_select_db;mysql_set_character_set;mysql_options;"
    "mysql_store_result;mysql_commit;redisCommand;redisvCommand;"
    "redisCommandArgv;redisGetReply;redisAppendCommand;redisAppendCommandArgv";
// Catalogue functions whose discarded result also leaks what they allocate.
static constexpr llvm::StringLiteral LeakingFunctions =
    "redisCommand;redisvCommand;redisCommandArgv;mysql_store_result";
// A timer's expires_*(..., ec) reports only the failure to cancel the waits
// pending on it: the same error as cancel(ec).
static constexpr llvm::StringLiteral DefaultIgnoredOutParamFunctions =
    "shutdown;close;cancel;expires_from_now;expires_at;expires_after";
static constexpr llvm::StringLiteral DefaultErrorTypeRegex =
    "^(Status|StatusOr|Result|Expected|Error|ErrorCode)$";

namespace {
AST_MATCHER(VarDecl, isLocalErrorCodeVar) {
  return Node.hasLocalStorage() && !isa<ParmVarDecl>(Node) &&
         !Node.getType()->isReferenceType() && isErrorCodeType(Node.getType());
}
AST_MATCHER(QualType, isMutableErrorCodeRef) {
  return Node->isLValueReferenceType() &&
         !Node.getNonReferenceType().isConstQualified() &&
         isErrorCodeType(Node.getNonReferenceType());
}
} // namespace

UncheckedErrorCheck::UncheckedErrorCheck(StringRef Name,
                                         tidy::ClangTidyContext *Context)
    : ProdReadyCheck(Name, Context),
      CheckedFunctions(
          splitList(Options.get("CheckedFunctions", DefaultCheckedFunctions))),
      IgnoredOutParamFunctions(splitList(Options.get(
          "IgnoredOutParamFunctions", DefaultIgnoredOutParamFunctions))),
      ErrorTypePattern(Options.get("ErrorTypeRegex", DefaultErrorTypeRegex)),
      ReportVoidCasts(Options.get("ReportVoidCasts", false)),
      ErrorTypeRegex(*this, "ErrorTypeRegex", ErrorTypePattern) {}

void UncheckedErrorCheck::storeOptions(
    tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "CheckedFunctions", joinList(CheckedFunctions));
  Options.store(Opts, "IgnoredOutParamFunctions",
                joinList(IgnoredOutParamFunctions));
  Options.store(Opts, "ErrorTypeRegex", ErrorTypePattern);
  Options.store(Opts, "ReportVoidCasts", ReportVoidCasts);
}

void UncheckedErrorCheck::registerMatchers(MatchFinder *Finder) {
  // 1. Expressions whose value is discarded: statements of a block or of a
  // control statement, and `for` increments. Comma and conditional operands
  // are unpacked in check().
  // Template instantiations are included (calls and handlers that are
  // dependent in the template resolve there); findings are deduplicated by
  // location, so each is reported once.
  auto D = expr(unless(isExpansionInSystemHeader())).bind("discarded");
  Finder->addMatcher(compoundStmt(forEach(D)), this);
  Finder->addMatcher(ifStmt(eachOf(hasThen(D), hasElse(D))), this);
  Finder->addMatcher(
      forStmt(eachOf(hasLoopInit(D), hasIncrement(D), hasBody(D))), this);
  Finder->addMatcher(whileStmt(hasBody(D)), this);
  Finder->addMatcher(doStmt(hasBody(D)), this);
  Finder->addMatcher(cxxForRangeStmt(hasBody(D)), this);
  Finder->addMatcher(switchCase(forEach(D)), this);
  Finder->addMatcher(labelStmt(forEach(D)), this);

  // 2. A local error_code passed to a mutable error_code& parameter.
  auto OutArg = ignoringParenImpCasts(
      declRefExpr(to(varDecl(isLocalErrorCodeVar()).bind("var"))));
  auto OutParam = parmVarDecl(hasType(qualType(isMutableErrorCodeRef())));
  Finder->addMatcher(callExpr(unless(isExpansionInSystemHeader()),
                              forEachArgumentWithParam(OutArg, OutParam))
                         .bind("outcall"),
                     this);
  Finder->addMatcher(
      cxxConstructExpr(unless(isExpansionInSystemHeader()),
                       forEachArgumentWithParam(OutArg, OutParam))
          .bind("outcall"),
      this);

  // 3. Asio/Beast initiating functions and their completion handlers.
  Finder->addMatcher(
      callExpr(unless(isExpansionInSystemHeader()),
               callee(functionDecl(matchesName("::async_[A-Za-z0-9_]*$"))))
          .bind("async"),
      this);
}

void UncheckedErrorCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  if (const auto *E = Result.Nodes.getNodeAs<Expr>("discarded"))
    checkDiscarded(E, Ctx);
  else if (const auto *Call = Result.Nodes.getNodeAs<Expr>("outcall"))
    checkOutParam(Call, Result.Nodes.getNodeAs<VarDecl>("var"), Ctx);
  else if (const auto *Async = Result.Nodes.getNodeAs<CallExpr>("async"))
    checkHandler(Async, Ctx);
}

//===-- 1. Discarded results ----------------------------------------------===//

// The built-in catalogue names the C library's functions: they match the C
// library's declaration only (C linkage, global namespace, and for plain
// words such as `close` or `send` a system header), so a project's own
// `read()` or `Conn::send()` is not mistaken for read(2) or send(2).
static bool isBuiltinCatalogueEntry(StringRef Entry) {
  static const llvm::StringSet<> Builtin = [] {
    llvm::StringSet<> Set;
    for (const std::string &Name : splitList(DefaultCheckedFunctions))
      Set.insert(Name);
    return Set;
  }();
  return Builtin.contains(Entry);
}

static bool isCLibraryDeclaration(const FunctionDecl &FD,
                                  const SourceManager &SM) {
  if (!FD.isExternC())
    return false;
  // A library-prefixed name (sqlite3_exec, SSL_write, redisCommand) is the
  // library's even from a copy of its header in the source tree; a plain
  // word must come from a system header.
  StringRef Name = FD.getName();
  bool PlainWord = llvm::all_of(Name, [](char C) { return llvm::isLower(C); });
  if (!PlainWord)
    return true;
  return llvm::any_of(FD.redecls(), [&](const FunctionDecl *Redecl) {
    return SM.isInSystemHeader(SM.getExpansionLoc(Redecl->getLocation()));
  });
}

bool UncheckedErrorCheck::isCheckedFunction(const FunctionDecl &FD,
                                            const SourceManager &SM) const {
  if (!FD.getIdentifier())
    return false;
  const DeclContext *Context = FD.getDeclContext()->getRedeclContext();
  bool IsFree = !isa<CXXMethodDecl>(FD) &&
                (Context->isTranslationUnit() || Context->isStdNamespace());
  std::string Qualified;
  for (StringRef Entry : CheckedFunctions) {
    if (Entry.contains("::")) {
      if (Qualified.empty())
        Qualified = qualifiedName(FD);
      Entry.consume_front("::");
      if (matchesGlob(Qualified, Entry))
        return true;
    } else if (IsFree && matchesGlob(FD.getName(), Entry)) {
      // A project's own C API added to the list matches by name.
      if (!isBuiltinCatalogueEntry(Entry) || isCLibraryDeclaration(FD, SM))
        return true;
    }
  }
  return false;
}

//===-- Teardown and socket descriptors ----------------------------------===//

static const Decl *referencedDecl(const Expr *E) {
  E = E->IgnoreParenCasts();
  if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(E))
    return referencedDecl(Subscript->getBase());
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return Ref->getDecl();
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return Member->getMemberDecl();
  return nullptr;
}

// Whether an open/openat/creat call opens for writing: creat always; open
// unless its flags are a constant with no access mode but O_RDONLY and no
// O_CREAT/O_TRUNC/O_APPEND (flags that cannot be evaluated count as writing).
static bool opensForWriting(const CallExpr &Open, ASTContext &Ctx) {
  const FunctionDecl *FD = Open.getDirectCallee();
  if (!FD || !FD->getIdentifier() || FD->getName() == "creat")
    return true;
  unsigned FlagsArg = FD->getName() == "openat" ? 2 : 1;
  if (Open.getNumArgs() <= FlagsArg)
    return true;
  // /dev/null (a daemon's spare descriptor for dup2 onto 0/1/2) has no
  // data to lose.
  if (const auto *Path = dyn_cast<StringLiteral>(
          Open.getArg(FlagsArg - 1)->IgnoreParenImpCasts());
      Path && Path->getCharByteWidth() == 1 && Path->getString() == "/dev/null")
    return false;
  Expr::EvalResult R;
  if (Open.getArg(FlagsArg)->isValueDependent() ||
      !Open.getArg(FlagsArg)->EvaluateAsInt(R, Ctx))
    return true;
  // Linux: O_WRONLY 01, O_RDWR 02, O_CREAT 0100, O_TRUNC 01000,
  // O_APPEND 02000.
  return (R.Val.getInt().getZExtValue() & (03 | 0100 | 01000 | 02000)) != 0;
}

static bool isConsoleStream(const Expr *E, int Depth);

// Whether the stdio mode argument \p ModeArg opens for reading only ("r",
// "rb", not "r+"); std::nullopt when it is not a narrow string literal.
static std::optional<bool> readOnlyStreamMode(const Expr *ModeArg) {
  const auto *Mode = dyn_cast<StringLiteral>(ModeArg->IgnoreParenImpCasts());
  if (!Mode || Mode->getCharByteWidth() != 1)
    return std::nullopt;
  StringRef M = Mode->getString();
  return M.starts_with("r") && !M.contains('+');
}

// Whether an fopen-family call opens its stream for reading only (a literal
// mode "r"/"rb" without '+'; popen's "r").
static bool opensStreamReadOnly(const CallExpr &Open) {
  StringRef Name = Open.getDirectCallee()->getName();
  unsigned ModeArg = Name == "fmemopen" ? 2 : 1;
  if (Name == "tmpfile" || Name == "open_memstream" ||
      ModeArg >= Open.getNumArgs())
    return false;
  return readOnlyStreamMode(Open.getArg(ModeArg)).value_or(false);
}

void UncheckedErrorCheck::collectUnitFacts(ASTContext &Ctx) {
  if (FactsFor == &Ctx)
    return;
  FactsFor = &Ctx;
  SocketLikeDecls.clear();
  SignalTimers.clear();
  WrittenDecls.clear();
  UnitOpensStreams = UnitWritesStreams = false;
  auto Target = ignoringParenCasts(anyOf(
      declRefExpr(to(decl().bind("d"))), memberExpr(member(decl().bind("d"))),
      arraySubscriptExpr(hasBase(
          ignoringParenCasts(anyOf(declRefExpr(to(decl().bind("d"))),
                                   memberExpr(member(decl().bind("d")))))))));
  auto MakesDescriptor = ignoringParenCasts(callExpr(callee(functionDecl(
      isExternC(),
      hasAnyName("::socket", "::accept", "::accept4", "::epoll_create",
                 "::epoll_create1", "::eventfd", "::timerfd_create",
                 "::signalfd", "::inotify_init", "::inotify_init1")))));
  auto FillsArray =
      callExpr(callee(functionDecl(isExternC(), hasAnyName("::pipe", "::pipe2",
                                                           "::socketpair"))),
               hasAnyArgument(Target));
  auto Timer = ignoringParenImpCasts(anyOf(memberExpr(member(decl().bind("d"))),
                                           declRefExpr(to(decl().bind("d")))));
  auto Never =
      expr(anyOf(callExpr(callee(functionDecl(hasName("max")))),
                 declRefExpr(to(enumConstantDecl(hasName("pos_infin"))))));
  // Evidence that a descriptor carries written data: a write-family call on
  // it (or a project helper named like one), or an open() for writing.
  auto WritesTo = callExpr(
      anyOf(callee(functionDecl(
                isExternC(),
                hasAnyName("::write", "::pwrite", "::pwrite64", "::writev",
                           "::pwritev", "::pwritev2", "::send", "::sendto",
                           "::sendmsg", "::sendfile", "::fsync", "::fdatasync",
                           "::ftruncate", "::dprintf", "::vdprintf",
                           "::copy_file_range", "::splice", "::fallocate",
                           "::posix_fallocate"))),
            callee(functionDecl(
                unless(isExternC()),
                matchesName("(write|send|flush|sync|put)[^:]*$")))),
      hasAnyArgument(Target));
  auto OpensForWriting = ignoringParenCasts(
      callExpr(
          callee(functionDecl(isExternC(), hasAnyName("::open", "::open64",
                                                      "::openat", "::creat"))))
          .bind("opens"));
  // Streams: a write through a stdio stream, and every fopen-family call
  // (its mode says whether the stream can be written).
  auto StreamWrite = callExpr(callee(functionDecl(
      isExternC(), hasAnyName("::fwrite", "::fputs", "::fputc", "::putc",
                              "::fprintf", "::vfprintf", "::fputws", "::fputwc",
                              "::putwc", "::fwprintf", "::vfwprintf"))));
  auto StreamOpen = callExpr(callee(
      functionDecl(isExternC(), hasAnyName("::fopen", "::fopen64", "::fdopen",
                                           "::freopen", "::popen", "::tmpfile",
                                           "::fmemopen", "::open_memstream"))));
  auto Fact = stmt(anyOf(
      StreamWrite.bind("streamwrite"), StreamOpen.bind("streamopen"),
      WritesTo.bind("written"),
      binaryOperator(isAssignmentOperator(), hasLHS(Target),
                     hasRHS(OpensForWriting))
          .bind("written"),
      declStmt(has(varDecl(hasInitializer(OpensForWriting)).bind("d")))
          .bind("written"),
      binaryOperator(isAssignmentOperator(), hasLHS(Target),
                     hasRHS(MakesDescriptor))
          .bind("socket"),
      declStmt(has(varDecl(hasInitializer(MakesDescriptor)).bind("d")))
          .bind("socket"),
      FillsArray.bind("socket"),
      cxxMemberCallExpr(
          on(Timer),
          anyOf(callee(cxxMethodDecl(hasName("cancel_one"))),
                allOf(callee(cxxMethodDecl(hasAnyName(
                          "expires_at", "expires_after", "expires_from_now"))),
                      hasAnyArgument(anyOf(Never, hasDescendant(Never))))))));
  auto Init = cxxCtorInitializer(forField(fieldDecl().bind("d")),
                                 withInitializer(MakesDescriptor));
  // Only the project's own code: system headers hold no project socket.
  const SourceManager &SM = Ctx.getSourceManager();
  std::vector<const Decl *> Worklist(
      Ctx.getTranslationUnitDecl()->decls_begin(),
      Ctx.getTranslationUnitDecl()->decls_end());
  while (!Worklist.empty()) {
    const Decl *Top = Worklist.back();
    Worklist.pop_back();
    if (SM.isInSystemHeader(SM.getExpansionLoc(Top->getLocation())))
      continue;
    if (const auto *NS = dyn_cast<NamespaceDecl>(Top)) {
      Worklist.insert(Worklist.end(), NS->decls_begin(), NS->decls_end());
      continue;
    }
    if (const auto *Linkage = dyn_cast<LinkageSpecDecl>(Top)) {
      Worklist.insert(Worklist.end(), Linkage->decls_begin(),
                      Linkage->decls_end());
      continue;
    }
    for (const auto &Node :
         match(traverse(TK_AsIs, decl(forEachDescendant(Fact))), *Top, Ctx)) {
      if (const auto *Write = Node.getNodeAs<CallExpr>("streamwrite")) {
        StringRef Name = Write->getDirectCallee()->getName();
        unsigned StreamArg = Name.contains("printf") ? 0
                             : Name == "fwrite"      ? 3
                                                     : Write->getNumArgs() - 1;
        if (StreamArg < Write->getNumArgs() &&
            !isConsoleStream(Write->getArg(StreamArg), 0))
          UnitWritesStreams = true;
        continue;
      }
      if (const auto *Open = Node.getNodeAs<CallExpr>("streamopen")) {
        UnitOpensStreams = true;
        if (!opensStreamReadOnly(*Open))
          UnitWritesStreams = true;
        continue;
      }
      const auto *D = Node.getNodeAs<Decl>("d");
      if (!D)
        continue;
      if (Node.getNodeAs<Stmt>("written")) {
        // open(path, O_RDONLY) (flags 0) is a read-only descriptor.
        const auto *Open = Node.getNodeAs<CallExpr>("opens");
        if (Open && !opensForWriting(*Open, Ctx))
          continue;
        WrittenDecls.insert(D->getCanonicalDecl());
      } else if (Node.getNodeAs<Stmt>("socket"))
        SocketLikeDecls.insert(D->getCanonicalDecl());
      else
        SignalTimers.insert(D->getCanonicalDecl());
    }
    for (const auto &Node :
         match(traverse(TK_AsIs, decl(forEachDescendant(Init))), *Top, Ctx))
      SocketLikeDecls.insert(Node.getNodeAs<Decl>("d")->getCanonicalDecl());
  }
}

// Whether a name says socket, pipe or another descriptor whose close cannot
// lose data (sockfd, client_fd, listen_sock, pipefd, epoll_fd, wakeup_pipe).
static bool namesSocketLike(StringRef Name) {
  std::string Lower = Name.lower();
  for (StringRef Part :
       {"sock", "pipe", "conn", "client", "listen", "server", "peer", "accept",
        "epoll", "eventfd", "timerfd", "signalfd", "inotify", "wake"})
    if (StringRef(Lower).contains(Part))
      return true;
  return false;
}

static bool mentionsSocketLike(const Expr *E,
                               const llvm::DenseSet<const Decl *> &Known) {
  if (!E)
    return false;
  E = E->IgnoreParenCasts();
  if (const Decl *D = referencedDecl(E)) {
    if (Known.contains(D->getCanonicalDecl()))
      return true;
    if (const auto *ND = dyn_cast<NamedDecl>(D);
        ND && ND->getIdentifier() && namesSocketLike(ND->getName()))
      return true;
  }
  // conn->fd, session.socket_fd(), sock_.native_handle()
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return mentionsSocketLike(Member->getBase(), Known);
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E))
    return mentionsSocketLike(Call->getCallee(), Known);
  // *ssock (thrift's socket deleter)
  if (const auto *Deref = dyn_cast<UnaryOperator>(E);
      Deref && Deref->getOpcode() == UO_Deref)
    return mentionsSocketLike(Deref->getSubExpr(), Known);
  return false;
}

static bool isConsoleStream(const Expr *E, int Depth = 0) {
  const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenCasts());
  if (!Ref || !Ref->getDecl()->getIdentifier())
    return false;
  if (Ref->getDecl()->getName() == "stdout" ||
      Ref->getDecl()->getName() == "stderr" ||
      Ref->getDecl()->getName() == "stdin")
    return true;
  // A trace stream that starts as the console (`FILE *outfile = stdout;`).
  const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
  return Depth < 2 && Var && Var->getInit() &&
         isConsoleStream(Var->getInit(), Depth + 1);
}

// Whether \p E names a local stream nothing is written to: opened for
// reading only, or only tested and closed
// (`FILE *fp = fopen(path, "r");`): closing it loses nothing.
static bool isUnwrittenStream(const Expr *E) {
  const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenCasts());
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || !Var->isLocalVarDecl())
    return false;
  const auto *Func =
      dyn_cast_or_null<FunctionDecl>(Var->getParentFunctionOrMethod());
  const Stmt *Body = Func ? Func->getBody() : nullptr;
  // One walk over the function: the assignments to the stream, and whether
  // anything but a test or the fclose uses it (spdlog truncates a file with
  // `fclose(fopen(name, "wb"))`).
  llvm::SmallVector<const BinaryOperator *, 2> Assignments;
  // Opened through its address: `fopen_s(&fp, name, "wb")` (MSVC's, or a
  // project's portable wrapper of the same name, as spdlog's os::fopen_s).
  llvm::SmallVector<const CallExpr *, 1> OutParamOpens;
  bool OnlyTested = Body != nullptr;
  llvm::SmallVector<const Stmt *, 32> Work = {Body};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *Assign = dyn_cast<BinaryOperator>(S);
        Assign && Assign->isAssignmentOp())
      if (const auto *L =
              dyn_cast<DeclRefExpr>(Assign->getLHS()->IgnoreParenCasts());
          L && L->getDecl() == Var)
        Assignments.push_back(Assign);
    if (const auto *Call = dyn_cast<CallExpr>(S)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      bool Closes =
          Callee && Callee->getIdentifier() && Callee->getName() == "fclose";
      if (const auto *Address =
              Call->getNumArgs() == 3
                  ? dyn_cast<UnaryOperator>(Call->getArg(0)->IgnoreParenCasts())
                  : nullptr;
          Address && Address->getOpcode() == UO_AddrOf && Callee &&
          Callee->getIdentifier() && Callee->getName() == "fopen_s")
        if (const auto *R = dyn_cast<DeclRefExpr>(
                Address->getSubExpr()->IgnoreParenCasts());
            R && R->getDecl() == Var)
          OutParamOpens.push_back(Call);
      if (!Closes)
        for (const Expr *Arg : Call->arguments())
          if (const auto *R = dyn_cast<DeclRefExpr>(Arg->IgnoreParenCasts());
              R && R->getDecl() == Var)
            OnlyTested = false;
    }
    if (const auto *Member = dyn_cast<MemberExpr>(S))
      if (const auto *R =
              dyn_cast<DeclRefExpr>(Member->getBase()->IgnoreParenCasts());
          R && R->getDecl() == Var)
        OnlyTested = false;
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  // Opened by its initializer, or declared first and opened by the one
  // assignment (`FILE *fp; fp = fopen(path, "r");`); reassigned, the
  // stream may be another one.
  const Expr *ModeArg = nullptr;
  const Expr *Source = Var->getInit();
  if (!Source && Assignments.empty() && OutParamOpens.size() == 1) {
    ModeArg = OutParamOpens.front()->getArg(2);
  } else {
    if (Source ? !Assignments.empty() || !OutParamOpens.empty()
               : Assignments.size() != 1 || !OutParamOpens.empty())
      return false;
    if (!Source)
      Source = Assignments.front()->getRHS();
    const auto *Open = dyn_cast<CallExpr>(Source->IgnoreParenCasts());
    const FunctionDecl *FD = Open ? Open->getDirectCallee() : nullptr;
    // fopen itself, or a project's portable wrapper of it with the same
    // arguments (TarsCpp's TC_Port::fopen).
    if (!FD || !FD->getIdentifier() ||
        (FD->getName() != "fopen" && FD->getName() != "fdopen") ||
        Open->getNumArgs() < 2)
      return false;
    ModeArg = Open->getArg(1);
  }
  std::optional<bool> ReadOnly = readOnlyStreamMode(ModeArg);
  return ReadOnly && (*ReadOnly || OnlyTested);
}

// The statement that follows the one holding \p E in its block, or null.
static const Stmt *nextStatementAfter(const Stmt &E, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(E);
  for (int Guard = 0; Guard < 32; ++Guard) {
    auto Parents = Ctx.getParents(Node);
    if (Parents.size() != 1)
      return nullptr;
    const Stmt *Child = Node.get<Stmt>();
    if (const auto *Block = Parents[0].get<CompoundStmt>()) {
      const auto *It = llvm::find(Block->body(), Child);
      if (It == Block->body_end() || ++It == Block->body_end())
        return nullptr;
      return *It;
    }
    if (!Parents[0].get<Stmt>() || Parents[0].get<LambdaExpr>())
      return nullptr;
    Node = Parents[0];
  }
  return nullptr;
}

// The variables, fields and methods \p S names (`conn->adaptor_.socket()`
// names conn, adaptor_ and socket).
static void collectNamedDecls(const Stmt *S,
                              llvm::SmallPtrSetImpl<const Decl *> &Out) {
  if (!S)
    return;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    if (isa<VarDecl, FieldDecl>(Ref->getDecl()))
      Out.insert(Ref->getDecl()->getCanonicalDecl());
  if (const auto *Member = dyn_cast<MemberExpr>(S))
    if (isa<VarDecl, FieldDecl>(Member->getMemberDecl()))
      Out.insert(Member->getMemberDecl()->getCanonicalDecl());
  for (const Stmt *Child : S->children())
    collectNamedDecls(Child, Out);
}

static bool namesAnyOf(const Stmt *S,
                       const llvm::SmallPtrSetImpl<const Decl *> &Decls) {
  llvm::SmallPtrSet<const Decl *, 8> Named;
  collectNamedDecls(S, Named);
  return llvm::any_of(Named, [&](const Decl *D) { return Decls.contains(D); });
}

// `unlink(path); bind(fd, path)`: removing what may be left of an earlier
// run before the next statement creates the same path again. ENOENT is the
// expected failure, and any other one makes the creation fail and report.
static bool clearsPathForNextStatement(const CallExpr &Call, ASTContext &Ctx) {
  if (Call.getNumArgs() != 1)
    return false;
  llvm::SmallPtrSet<const Decl *, 4> Path;
  collectNamedDecls(Call.getArg(0), Path);
  const Stmt *Next = nextStatementAfter(Call, Ctx);
  // Only printing the path does not create it again.
  if (const auto *NextCall = dyn_cast_or_null<CallExpr>(Next);
      NextCall && isLoggingCall(NextCall, LogNameMatch::AnyWord))
    return false;
  return !Path.empty() && namesAnyOf(Next, Path);
}

// The body of the function or lambda that contains \p S.
static const Stmt *enclosingBody(const Stmt &S, ASTContext &Ctx) {
  DynTypedNodeList Parents = Ctx.getParents(S);
  while (!Parents.empty()) {
    const DynTypedNode &Parent = Parents[0];
    if (const auto *Lambda = Parent.get<LambdaExpr>())
      return Lambda->getBody();
    if (const auto *FD = Parent.get<FunctionDecl>())
      return FD->getBody();
    Parents = Ctx.getParents(Parent);
  }
  return nullptr;
}

// The variable or string literal a path argument is: `path`,
// `path.c_str()`, `std::string(path)`, `"test.db3"`; null for a composed
// path (`dir + "/" + id`).
static const Expr *pathOperand(const Expr *E) {
  for (int Guard = 0; E && Guard < 8; ++Guard) {
    E = stripValue(E)->IgnoreParenImpCasts();
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
      if (Construct->getNumArgs() < 1)
        return nullptr;
      E = Construct->getArg(0);
      continue;
    }
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E)) {
      const CXXMethodDecl *Method = Member->getMethodDecl();
      if (!Method || !Method->getIdentifier() ||
          (Method->getName() != "c_str" && Method->getName() != "data" &&
           Method->getName() != "string"))
        return nullptr;
      E = Member->getImplicitObjectArgument();
      continue;
    }
    if (isa<StringLiteral, DeclRefExpr, MemberExpr>(E))
      return E;
    return nullptr;
  }
  return nullptr;
}

// `remove("test.db3")` at the end of an example that opened "test.db3", or
// `fs::remove(name, ec)` before a download writes `name`: the function
// removes a file it creates or uses itself (scratch files, a pre-clean), and
// the removal is best effort. Another call of the function must take the
// same path -- the same variable or the same string literal; printing it or
// removing it again does not count.
static bool removesFileTheFunctionUses(const CallExpr &Call, const Expr *Path,
                                       ASTContext &Ctx) {
  const Stmt *Body = enclosingBody(Call, Ctx);
  if (!Body || !Path)
    return false;
  // The path must be one variable or one literal: `Dir + "/" + id` shares
  // `id` with unrelated calls (`index.erase(id)`).
  const Expr *Same = pathOperand(Path);
  if (!Same)
    return false;
  auto TakesPath = [&](const Expr *Arg) {
    const Expr *Other = pathOperand(Arg);
    if (!Other)
      return false;
    if (const auto *Literal = dyn_cast<StringLiteral>(Same)) {
      const auto *OtherLiteral = dyn_cast<StringLiteral>(Other);
      return OtherLiteral && OtherLiteral->getBytes() == Literal->getBytes();
    }
    const Decl *A = referencedDecl(Same), *B = referencedDecl(Other);
    return A && B && A->getCanonicalDecl() == B->getCanonicalDecl();
  };
  auto IsRemoval = [](const FunctionDecl *FD) {
    return FD && FD->getIdentifier() &&
           (FD->getName() == "remove" || FD->getName() == "unlink" ||
            FD->getName() == "remove_all");
  };
  llvm::SmallVector<const Stmt *, 32> Work = {Body};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S || S == &Call)
      continue;
    llvm::ArrayRef<const Expr *> Args;
    const FunctionDecl *Callee = nullptr;
    if (const auto *Other = dyn_cast<CallExpr>(S)) {
      Callee = Other->getDirectCallee();
      if (!IsRemoval(Callee) && !isLoggingCall(Other, LogNameMatch::AnyWord))
        Args = llvm::ArrayRef(Other->getArgs(), Other->getNumArgs());
    } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(S)) {
      Args = llvm::ArrayRef(Construct->getArgs(), Construct->getNumArgs());
    }
    if (llvm::any_of(Args, TakesPath))
      return true;
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return false;
}

// The access path of an object expression by name, root first:
// `conn->adaptor_` and `conn->adaptor_.socket()` are both [conn, adaptor_] (a
// getter call stands for the object it is called on). Works in templates,
// where members are dependent. Empty when there is no path.
static std::vector<std::string> accessPath(const Expr *E) {
  std::vector<std::string> Path;
  for (int Guard = 0; E && Guard < 16; ++Guard) {
    E = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
      if (Op->getOperator() != OO_Arrow && Op->getOperator() != OO_Star)
        return {};
      E = Op->getArg(0);
    } else if (const auto *Unary = dyn_cast<UnaryOperator>(E)) {
      if (Unary->getOpcode() != UO_Deref)
        return {};
      E = Unary->getSubExpr();
    } else if (const auto *Call = dyn_cast<CallExpr>(E)) {
      const Expr *Callee = Call->getCallee()->IgnoreParenImpCasts();
      if (const auto *Member = dyn_cast<MemberExpr>(Callee))
        E = Member->getBase();
      else if (const auto *Dependent =
                   dyn_cast<CXXDependentScopeMemberExpr>(Callee))
        E = Dependent->isImplicitAccess() ? nullptr : Dependent->getBase();
      else
        return {};
    } else if (const auto *Member = dyn_cast<MemberExpr>(E)) {
      Path.push_back(Member->getMemberDecl()->getNameAsString());
      E = Member->getBase();
    } else if (const auto *Dependent =
                   dyn_cast<CXXDependentScopeMemberExpr>(E)) {
      Path.push_back(Dependent->getMember().getAsString());
      E = Dependent->isImplicitAccess() ? nullptr : Dependent->getBase();
    } else if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
      Path.push_back(Ref->getDecl()->getNameAsString());
      break;
    } else if (isa<CXXThisExpr>(E)) {
      break;
    } else {
      return {};
    }
  }
  std::reverse(Path.begin(), Path.end());
  return Path;
}

// `asio::write(sock, buf, ec); sock.close();`, `send(fd, msg, n, 0);
// close(fd);`: a last, best-effort write right before the same connection is
// closed has no one left to tell.
static bool isWriteFunctionName(StringRef Name) {
  return llvm::is_contained({"send", "write", "sendto", "sendmsg", "writev"},
                            Name);
}

static bool closesSameObjectNext(const CallExpr &Call, ASTContext &Ctx) {
  const Stmt *Next = nextStatementAfter(Call, Ctx);
  const auto *NextExpr = dyn_cast_or_null<Expr>(Next);
  const auto *Teardown =
      NextExpr ? dyn_cast<CallExpr>(NextExpr->IgnoreImplicit()) : nullptr;
  if (!Teardown || Call.getNumArgs() == 0)
    return false;
  const Expr *Callee = Teardown->getCallee()->IgnoreParenImpCasts();
  std::string Name;
  const Expr *Closed = nullptr;
  if (const auto *Member = dyn_cast<MemberExpr>(Callee)) {
    Name = Member->getMemberDecl()->getNameAsString();
    Closed = Member->getBase();
  } else if (const auto *Fn = dyn_cast<DeclRefExpr>(Callee);
             Fn && Teardown->getNumArgs() >= 1) {
    // `send(fd, msg, n, 0); close(fd);`
    Name = Fn->getDecl()->getNameAsString();
    Closed = Teardown->getArg(0);
  } else if (const auto *Dependent =
                 dyn_cast<CXXDependentScopeMemberExpr>(Callee)) {
    Name = Dependent->getMember().getAsString();
    Closed = Dependent->isImplicitAccess() ? nullptr : Dependent->getBase();
  }
  if (!Closed || !isTeardownFunctionName(Name))
    return false;
  const Expr *Object =
      isa<CXXMemberCallExpr>(Call)
          ? cast<CXXMemberCallExpr>(Call).getImplicitObjectArgument()
          : Call.getArg(0);
  std::vector<std::string> Written = accessPath(Object);
  std::vector<std::string> ClosedPath = accessPath(Closed);
  if (Written.empty() || ClosedPath.empty())
    return false;
  // One is the other or holds it (`conn->socket()` and `conn->close()`).
  size_t Common = std::min(Written.size(), ClosedPath.size());
  return std::equal(Written.begin(), Written.begin() + Common,
                    ClosedPath.begin());
}

// Whether \p Buffer is a local variable (or its address) that no expression
// after \p Call reads.
static bool readsIntoUnusedLocal(const Expr &Buffer, const CallExpr &Call) {
  const Expr *E = Buffer.IgnoreParenImpCasts();
  if (const auto *Address = dyn_cast<UnaryOperator>(E);
      Address && Address->getOpcode() == UO_AddrOf)
    E = Address->getSubExpr()->IgnoreParenImpCasts();
  const auto *Ref = dyn_cast<DeclRefExpr>(E);
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || !Var->hasLocalStorage() || isa<ParmVarDecl>(Var) ||
      Var->getType()->isPointerType() || Var->getType()->isReferenceType())
    return false;
  const auto *Fn =
      dyn_cast_or_null<FunctionDecl>(Var->getParentFunctionOrMethod());
  if (!Fn || !Fn->getBody())
    return false;
  const SourceManager &SM = Fn->getASTContext().getSourceManager();
  return !anyStmtIn(Fn->getBody(), [&](const Stmt &S) {
    const auto *Use = dyn_cast<DeclRefExpr>(&S);
    return Use && Use->getDecl() == Var &&
           SM.isBeforeInTranslationUnit(Call.getEndLoc(), Use->getBeginLoc());
  });
}

// Whether the value of \p E is thrown away: a statement of its own, or a
// cast to void.
static bool isDiscarded(const Expr &E, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(E);
  for (int Guard = 0; Guard < 8; ++Guard) {
    auto Parents = Ctx.getParents(Node);
    if (Parents.empty())
      return true;
    Node = Parents[0];
    if (const auto *P = Node.get<Expr>();
        P && isa<ImplicitCastExpr, ParenExpr, ExprWithCleanups,
                 CXXBindTemporaryExpr, MaterializeTemporaryExpr>(P))
      continue;
    if (const auto *Cast = Node.get<ExplicitCastExpr>())
      return Cast->getType()->isVoidType();
    return Node.get<CompoundStmt>() != nullptr;
  }
  return true;
}

// Whether the function around `sqlite3_finalize(stmt)` \p Finalize tests
// the result of a `sqlite3_step(stmt)` on the same statement.
static bool stepResultsTested(const CallExpr &Finalize, ASTContext &Ctx) {
  const auto *Ref =
      dyn_cast<DeclRefExpr>(Finalize.getArg(0)->IgnoreParenImpCasts());
  const auto *Stmt = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  const auto *Fn =
      Stmt ? dyn_cast_or_null<FunctionDecl>(Stmt->getParentFunctionOrMethod())
           : nullptr;
  return Fn && anyStmtIn(Fn->getBody(), [&](const clang::Stmt &S) {
           const auto *Step = dyn_cast<CallExpr>(&S);
           if (!Step || Step->getNumArgs() != 1 || !Step->getDirectCallee() ||
               !Step->getDirectCallee()->getIdentifier() ||
               Step->getDirectCallee()->getName() != "sqlite3_step")
             return false;
           const auto *Arg =
               dyn_cast<DeclRefExpr>(Step->getArg(0)->IgnoreParenImpCasts());
           return Arg && Arg->getDecl() == Stmt && !isDiscarded(*Step, Ctx);
         });
}

// Whether \p Call, made on `this`, calls a method that stores its status in
// a member and returns that member (served's parser: `_status = ERROR; ...
// return _status;`): the object keeps the result, as the caller's own
// return of the member shows.
static bool keepsResultInObject(const CallExpr &Call) {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call);
  const CXXMethodDecl *Method = Member ? Member->getMethodDecl() : nullptr;
  if (!Method ||
      !isa<CXXThisExpr>(
          Member->getImplicitObjectArgument()->IgnoreParenImpCasts()))
    return false;
  const FunctionDecl *Def = Method->getDefinition();
  if (!Def || !Def->getBody())
    return false;
  const FieldDecl *Field = nullptr;
  bool AllReturnField = true;
  llvm::SmallVector<const Stmt *, 32> Work = {Def->getBody()};
  while (!Work.empty() && AllReturnField) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *Return = dyn_cast<ReturnStmt>(S)) {
      const auto *Value = dyn_cast_or_null<MemberExpr>(
          Return->getRetValue() ? Return->getRetValue()->IgnoreParenImpCasts()
                                : nullptr);
      const auto *Returned =
          Value ? dyn_cast<FieldDecl>(Value->getMemberDecl()) : nullptr;
      if (!Returned || (Field && Field != Returned))
        AllReturnField = false;
      Field = Returned;
      continue;
    }
    llvm::append_range(Work, S->children());
  }
  return AllReturnField && Field;
}

// RULES.md revision 2026-12-01: `fflush`, `fclose`, `close` and `shutdown`
// are exempt in destructors, loggers/sinks and cleanup paths; `close` of a
// socket or pipe never loses data and is exempt everywhere, and so is
// flushing or closing the console. Removing a temporary file or directory
// (`unlink`, `remove`, `rmdir`, the C forms of `remove(path, ec)`) is
// best effort in a destructor, a cleanup function or a failing path.
bool UncheckedErrorCheck::isTeardownCall(const FunctionDecl &FD,
                                         const CallExpr &Call,
                                         ASTContext &Ctx) {
  StringRef Name = FD.getName();
  if (!FD.isExternC())
    return false;
  // Converting a constant address literal cannot fail at run time.
  if (Name == "inet_pton" && Call.getNumArgs() >= 2 &&
      isa<StringLiteral>(Call.getArg(1)->IgnoreParenImpCasts()))
    return true;
  if ((Name == "unlink" || Name == "remove") &&
      (clearsPathForNextStatement(Call, Ctx) ||
       (Call.getNumArgs() == 1 &&
        removesFileTheFunctionUses(Call, Call.getArg(0), Ctx))))
    return true;
  // A logger removing its old files (retention) is teardown too.
  if (Name == "unlink" || Name == "remove" || Name == "rmdir")
    return teardownContext(Call, Ctx) != TeardownContext::None;
  // So is a logger rotating its files (TarsCpp's TC_RollLogger renames
  // app.N.log to app.N+1.log): it has nowhere to report the failure.
  if (Name == "rename")
    return teardownContext(Call, Ctx) == TeardownContext::Logger;
  // sqlite3_finalize only repeats the error of the statement's last step:
  // where the steps' results are tested, that error was seen there
  // (inspircd's m_sqlite3).
  if (Name == "sqlite3_finalize" && Call.getNumArgs() == 1 &&
      stepResultsTested(Call, Ctx))
    return true;
  // Finalizing a statement or closing a database repeats an error the last
  // step already reported; it is teardown like close.
  if (Name == "sqlite3_finalize" || Name == "sqlite3_close" ||
      Name == "sqlite3_close_v2")
    return teardownContext(Call, Ctx) != TeardownContext::None;
  // A thread wrapper's destructor detaching a thread never joined (muduo's
  // Thread::~Thread): pthread_detach fails only for a bad thread id, and a
  // destructor has nowhere to report it.
  if (Name == "pthread_detach")
    return teardownContext(Call, Ctx) == TeardownContext::Destructor;
  // Draining a wake-up pipe into a local nothing reads afterwards (znc's
  // signal pipe: `int sig; read(fd, &sig, sizeof(sig));`): neither the data
  // nor a failure matters.
  if ((Name == "read" || Name == "recv") && Call.getNumArgs() >= 2 &&
      readsIntoUnusedLocal(*Call.getArg(1), Call))
    return true;
  if (Name != "close" && Name != "fclose" && Name != "fflush" &&
      Name != "shutdown")
    return false;
  if (Call.getNumArgs() > 0) {
    if ((Name == "fflush" || Name == "fclose") &&
        isConsoleStream(Call.getArg(0)))
      return true;
    if (Name == "fclose" && isUnwrittenStream(Call.getArg(0)))
      return true;
    // A unit that opens streams only for reading and writes through none
    // (a file server sending a file: muduo's filetransfer) closes streams
    // that hold no unwritten data, wherever the FILE* travelled between.
    if (Name == "fclose") {
      collectUnitFacts(Ctx);
      if (UnitOpensStreams && !UnitWritesStreams)
        return true;
    }
    if (Name == "close") {
      // Closing a standard descriptor (daemonising: close(0), then open
      // /dev/null) loses nothing written.
      Expr::EvalResult Fd;
      if (Call.getArg(0)->EvaluateAsInt(Fd, Ctx) &&
          Fd.Val.getInt().getExtValue() >= 0 &&
          Fd.Val.getInt().getExtValue() <= 2)
        return true;
      collectUnitFacts(Ctx);
      if (mentionsSocketLike(Call.getArg(0), SocketLikeDecls))
        return true;
      // RULES.md: only a close that can lose written data is reported; a
      // descriptor nothing in the unit writes to (a read loop's connection,
      // a file opened O_RDONLY) has none to lose.
      if (const Decl *D = referencedDecl(Call.getArg(0));
          D && !WrittenDecls.contains(D->getCanonicalDecl()))
        return true;
    }
  }
  return teardownContext(Call, Ctx) != TeardownContext::None;
}

// Whether the name of \p Type (as written, through typedefs) or of its
// enum has the word err or error: `rd_kafka_resp_err_t`, `cudaError_t`.
static bool namesErrorType(QualType Type) {
  auto SaysError = [](StringRef Name) {
    for (const std::string &Word : identifierWords(Name))
      if (Word == "err" || Word == "error")
        return true;
    return false;
  };
  for (QualType T = Type; !T.isNull();) {
    if (const auto *Typedef = T->getAs<TypedefType>()) {
      if (SaysError(Typedef->getDecl()->getName()))
        return true;
      T = Typedef->getDecl()->getUnderlyingType();
      continue;
    }
    break;
  }
  const auto *Enum = Type->getAs<EnumType>();
  return Enum && Enum->getDecl()->getIdentifier() &&
         SaysError(Enum->getDecl()->getName());
}

// Whether the statement right after a member call tests the state of the
// object it was called on (`trans->sendRequest(buf); if
// (!trans->isValid()) return -1;`, TarsCpp's connection): the failure is
// observed there, as the object records it.
static bool statusTestedAfter(const CallExpr &Call, ASTContext &Ctx) {
  // The object's variable or field, also through a smart pointer's `->`.
  auto ObjectOf = [](const Expr *E) -> const Decl * {
    E = E->IgnoreParenImpCasts();
    if (const auto *Arrow = dyn_cast<CXXOperatorCallExpr>(E);
        Arrow && Arrow->getOperator() == OO_Arrow && Arrow->getNumArgs() == 1)
      E = Arrow->getArg(0)->IgnoreParenImpCasts();
    return referencedDecl(E);
  };
  const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call);
  const Decl *ObjectDecl =
      Member ? ObjectOf(Member->getImplicitObjectArgument()) : nullptr;
  if (!ObjectDecl)
    return false;
  const Stmt *Next = nextStatementAfter(Call, Ctx);
  // The call ends an `if` without else (`if (queue.empty()) {
  // trans->sendRequest(buf); }`): the test may follow that `if`.
  if (!Next) {
    DynTypedNode Node = DynTypedNode::create(Call);
    const IfStmt *Around = nullptr;
    for (int Depth = 0; Depth < 6 && !Around; ++Depth) {
      DynTypedNodeList Up = Ctx.getParents(Node);
      if (Up.size() != 1)
        break;
      Node = Up[0];
      if (const auto *Enclosing = Node.get<IfStmt>();
          Enclosing && !Enclosing->getElse())
        Around = Enclosing;
      else if (!Node.get<Expr>() && !Node.get<CompoundStmt>())
        break;
    }
    if (Around)
      Next = nextStatementAfter(*Around, Ctx);
  }
  const auto *If = dyn_cast_or_null<IfStmt>(Next);
  if (!If || !If->getCond())
    return false;
  return anyStmtIn(If->getCond(), [&](const Stmt &S) {
    const auto *Test = dyn_cast<CXXMemberCallExpr>(&S);
    const Expr *On = Test ? Test->getImplicitObjectArgument() : nullptr;
    return On && ObjectOf(On) == ObjectDecl && Test->getType()->isBooleanType();
  });
}

static bool hasErrorCodeOutArgument(const CallExpr &Call) {
  const FunctionDecl *FD = Call.getDirectCallee();
  if (!FD)
    return false;
  return llvm::any_of(FD->parameters(), [](const ParmVarDecl *P) {
    QualType T = P->getType();
    return T->isLValueReferenceType() &&
           !T.getNonReferenceType().isConstQualified() &&
           isErrorCodeType(T.getNonReferenceType());
  });
}

void UncheckedErrorCheck::checkDiscarded(const Expr *E, ASTContext &Ctx) {
  E = E->IgnoreParens();
  if (const auto *Full = dyn_cast<FullExpr>(E))
    return checkDiscarded(Full->getSubExpr(), Ctx);
  if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E))
    return checkDiscarded(Bind->getSubExpr(), Ctx);
  if (const auto *Mat = dyn_cast<MaterializeTemporaryExpr>(E))
    return checkDiscarded(Mat->getSubExpr(), Ctx);
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E);
      Cast && Cast->getType()->isVoidType()) {
    if (ReportVoidCasts)
      checkDiscarded(Cast->getSubExpr(), Ctx);
    return;
  }
  if (const auto *Cast = dyn_cast<CastExpr>(E))
    if (Cast->getCastKind() == CK_NoOp || Cast->getCastKind() == CK_ToVoid ||
        isa<ImplicitCastExpr>(Cast))
      return checkDiscarded(Cast->getSubExpr(), Ctx);
  if (const auto *Binary = dyn_cast<BinaryOperator>(E)) {
    if (Binary->getOpcode() == BO_Comma) {
      checkDiscarded(Binary->getLHS(), Ctx);
      checkDiscarded(Binary->getRHS(), Ctx);
    }
    return;
  }
  if (const auto *Cond = dyn_cast<AbstractConditionalOperator>(E)) {
    checkDiscarded(Cond->getTrueExpr(), Ctx);
    checkDiscarded(Cond->getFalseExpr(), Ctx);
    return;
  }
  if (const auto *Await = dyn_cast<CoawaitExpr>(E))
    return checkDiscardedAwait(*Await, Ctx);
  const auto *Call = dyn_cast<CallExpr>(E);
  if (!Call)
    return;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
      Op && Op->getOperator() != OO_Call)
    return;

  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Loc = reportLocation(Call->getExprLoc(), SM);
  if (SM.isInSystemHeader(Loc))
    return;
  const FunctionDecl *FD = Call->getDirectCallee();
  if (FD && isCheckedFunction(*FD, SM)) {
    if (isTeardownCall(*FD, *Call, Ctx) ||
        (isWriteFunctionName(FD->getName()) &&
         closesSameObjectNext(*Call, Ctx)) ||
        !Reported.insert(Loc.getRawEncoding()).second)
      return;
    bool Leaks = FD->isExternC() &&
                 llvm::is_contained(splitList(LeakingFunctions), FD->getName());
    if (Leaks)
      diag(Loc, "return value of '%0' is discarded, so a failure goes "
                "unnoticed in production and the result it allocates is "
                "leaked; check it, handle or log the error, and free the "
                "result")
          << qualifiedName(*FD);
    else
      diag(Loc, "return value of '%0' is discarded although it is the only "
                "way the call reports failure, so an error goes unnoticed in "
                "production; check it and handle or log the error")
          << qualifiedName(*FD);
    return;
  }
  // CallExpr::getCallReturnType returns garbage for some bound-member
  // callees in templates (it asserts in debug builds; cinatra's coroutine
  // code crashed the worker), so the type comes from the callee instead.
  QualType Type;
  if (FD)
    Type = FD->getReturnType();
  else if (!Call->isTypeDependent())
    Type = Call->getType();
  if (Type.isNull() || Type->isReferenceType() ||
      hasErrorCodeOutArgument(*Call))
    return;
  // The error a cancellation reports (`conn->cancel()` returning the
  // error_code of `socket.cancel(ec)`) is dropped on purpose, as with the ec
  // overloads. Not `close`: a file's Close() status is where lost writes
  // show.
  if (FD && FD->getIdentifier() && !FD->isExternC() &&
      (FD->getName() == "cancel" || FD->getName() == "shutdown") &&
      matchesAnyName(FD->getName(), IgnoredOutParamFunctions))
    return;
  // Flushing or closing a producer or connection while tearing down
  // (`~kafka_sink() { producer_->flush(timeout); }`): nowhere to report.
  if (FD && FD->getIdentifier() &&
      (FD->getName() == "flush" || isTeardownFunctionName(FD->getName())) &&
      teardownContext(*Call, Ctx) != TeardownContext::None)
    return;
  // A project's error enum (`binanceError_t fetch(...)`). C functions are
  // judged by the catalogue, so `curl_easy_setopt`'s CURLcode is not one.
  // An enum the C library names an error (librdkafka's
  // `rd_kafka_resp_err_t`, CUDA's `cudaError_t`) is one too; `CURLcode`
  // is left to the catalogue.
  bool IsErrorEnum = false;
  if (!isErrorResultType(Type, ErrorTypeRegex)) {
    const auto *Enum = Type->getAs<EnumType>();
    bool CLibrary =
        (FD && FD->isExternC()) ||
        (Enum && SM.isInSystemHeader(Enum->getDecl()->getLocation()));
    IsErrorEnum =
        Enum && isErrorEnumType(Type) && (!CLibrary || namesErrorType(Type));
    if (!IsErrorEnum)
      return;
  }
  if (statusTestedAfter(*Call, Ctx) || keepsResultInObject(*Call))
    return;
  if (!Reported.insert(Loc.getRawEncoding()).second)
    return;
  PrintingPolicy Policy(Ctx.getLangOpts());
  Policy.SuppressInlineNamespace = true;
  Policy.SuppressUnwrittenScope = true;
  std::string TypeName =
      TypeName::getFullyQualifiedName(Type.getUnqualifiedType(), Ctx, Policy);
  std::string Callee = FD ? "'" + qualifiedName(*FD) + "'" : "this call";
  diag(Loc, "error result of type '%0' returned by %1 is discarded, so a "
            "failure goes unnoticed in production; check it and handle, "
            "propagate or log the error")
      << TypeName << Callee;
}

// `co_await client.connect(addr);` where the awaited result is an error
// (`asio::awaitable<std::error_code>`, `Lazy<std::error_code>`): the result
// of the coroutine is discarded like a plain call's.
void UncheckedErrorCheck::checkDiscardedAwait(const CoawaitExpr &Await,
                                              ASTContext &Ctx) {
  if (Await.isImplicit() || Await.getType().isNull() ||
      Await.getType()->isDependentType() ||
      !isErrorResultType(Await.getType(), ErrorTypeRegex))
    return;
  const auto *Call = dyn_cast_or_null<CallExpr>(stripValue(Await.getOperand()));
  if (!Call)
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Loc = reportLocation(Call->getExprLoc(), SM);
  if (SM.isInSystemHeader(Loc) || !Reported.insert(Loc.getRawEncoding()).second)
    return;
  PrintingPolicy Policy(Ctx.getLangOpts());
  Policy.SuppressInlineNamespace = true;
  Policy.SuppressUnwrittenScope = true;
  std::string TypeName = TypeName::getFullyQualifiedName(
      Await.getType().getUnqualifiedType(), Ctx, Policy);
  const FunctionDecl *FD = Call->getDirectCallee();
  std::string Callee = FD ? "'" + qualifiedName(*FD) + "'" : "this call";
  diag(Loc, "error result of type '%0' awaited from %1 is discarded, so a "
            "failure goes unnoticed in production; check it and handle, "
            "propagate or log the error")
      << TypeName << Callee;
}

//===-- 2. error_code out-parameters ------------------------------------===//

// Whether parameter \p I of \p FD is declared as a mutable error_code&. A
// forwarding reference or `T&` that merely deduced error_code& (e.g.
// `tl::unexpected(ec)`, `std::make_pair(ec, n)`) is not an out-parameter.
static bool isErrorCodeOutParam(const FunctionDecl *FD, unsigned I) {
  if (!FD || I >= FD->getNumParams())
    return false;
  QualType T = FD->getParamDecl(I)->getType();
  if (!T->isLValueReferenceType() ||
      T.getNonReferenceType().isConstQualified() ||
      !isErrorCodeType(T.getNonReferenceType()))
    return false;
  if (const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern()) {
    if (I >= Pattern->getNumParams())
      return false;
    const ParmVarDecl *P = Pattern->getParamDecl(I);
    if (P->isParameterPack() || P->getType()->isDependentType())
      return false;
  }
  return true;
}

// Whether the use \p Ref of an error_code variable only writes it: passing it
// to another error_code& out-parameter, clear()/assign(), or assigning to it.
static bool isWriteOnlyUse(const DeclRefExpr *Ref, ASTContext &Ctx) {
  const Expr *Use = Ref;
  while (true) {
    auto Parents = Ctx.getParents(*Use);
    if (Parents.empty())
      return false;
    const auto *Parent = Parents[0].get<Expr>();
    if (!Parent)
      return false;
    if (isa<ParenExpr, ImplicitCastExpr>(Parent) &&
        !(isa<ImplicitCastExpr>(Parent) &&
          cast<ImplicitCastExpr>(Parent)->getCastKind() == CK_LValueToRValue)) {
      Use = Parent;
      continue;
    }
    if (const auto *Member = dyn_cast<MemberExpr>(Parent)) {
      const auto *Method = dyn_cast<CXXMethodDecl>(Member->getMemberDecl());
      return Method && Method->getIdentifier() &&
             (Method->getName() == "clear" || Method->getName() == "assign");
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Parent))
      return Op->getOperator() == OO_Equal && Op->getNumArgs() > 0 &&
             Op->getArg(0)->IgnoreParenImpCasts() == Use->IgnoreParenImpCasts();
    const FunctionDecl *Callee = nullptr;
    ArrayRef<const Expr *> Args;
    if (const auto *Call = dyn_cast<CallExpr>(Parent)) {
      Callee = Call->getDirectCallee();
      Args = llvm::ArrayRef(Call->getArgs(), Call->getNumArgs());
    } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(Parent)) {
      Callee = Construct->getConstructor();
      Args = llvm::ArrayRef(Construct->getArgs(), Construct->getNumArgs());
    }
    if (!Callee)
      return false;
    unsigned Offset =
        isa<CXXOperatorCallExpr>(Parent) && isa<CXXMethodDecl>(Callee) ? 1 : 0;
    for (unsigned I = Offset; I < Args.size(); ++I)
      if (Args[I] == Use)
        return isErrorCodeOutParam(Callee, I - Offset);
    return false;
  }
}

static const Stmt *enclosingLoop(const Stmt *S, const Stmt *Body,
                                 ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(*S);
  while (true) {
    auto Parents = Ctx.getParents(Node);
    if (Parents.empty())
      return nullptr;
    Node = Parents[0];
    const auto *P = Node.get<Stmt>();
    if (!P)
      return nullptr;
    if (P == Body)
      return nullptr;
    if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(P))
      return P;
  }
}

static std::string calledOrConstructedName(const Expr *Call) {
  if (const auto *C = dyn_cast<CallExpr>(Call))
    if (const FunctionDecl *FD = C->getDirectCallee())
      return qualifiedName(*FD);
  if (const auto *C = dyn_cast<CXXConstructExpr>(Call))
    return qualifiedName(*C->getConstructor()->getParent());
  return "";
}

static bool isTimerWait(const CallExpr &Call) {
  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Call.getDirectCallee());
  if (!Method || !Method->getIdentifier() || Method->getName() != "async_wait")
    return false;
  const CXXRecordDecl *Class = Method->getParent();
  return Class->getIdentifier() &&
         StringRef(Class->getName().lower()).contains("timer");
}

// Whether \p Call is `redirect_error(token, ec)` handed to a timer's
// async_wait.
static bool isRedirectIntoTimerWait(const Expr &Call, ASTContext &Ctx) {
  const auto *Redirect = dyn_cast<CallExpr>(&Call);
  const FunctionDecl *FD = Redirect ? Redirect->getDirectCallee() : nullptr;
  if (!FD || !FD->getIdentifier() || FD->getName() != "redirect_error")
    return false;
  const Stmt *Cur = Redirect;
  for (unsigned Depth = 0; Depth < 8; ++Depth) {
    auto Parents = Ctx.getParents(*Cur);
    if (Parents.empty())
      return false;
    const auto *Parent = Parents[0].get<Expr>();
    if (!Parent)
      return false;
    if (const auto *Wait = dyn_cast<CallExpr>(Parent))
      return isTimerWait(*Wait);
    Cur = Parent;
  }
  return false;
}

void UncheckedErrorCheck::checkOutParam(const Expr *Call, const VarDecl *Var,
                                        ASTContext &Ctx) {
  // Re-check the parameter against its declaration in the template.
  const FunctionDecl *CalleeDecl = nullptr;
  ArrayRef<const Expr *> Args;
  if (const auto *C = dyn_cast<CallExpr>(Call)) {
    CalleeDecl = C->getDirectCallee();
    Args = llvm::ArrayRef(C->getArgs(), C->getNumArgs());
    if (isa<CXXOperatorCallExpr>(C) &&
        isa_and_nonnull<CXXMethodDecl>(CalleeDecl))
      Args = Args.drop_front();
  } else if (const auto *C = dyn_cast<CXXConstructExpr>(Call)) {
    CalleeDecl = C->getConstructor();
    Args = llvm::ArrayRef(C->getArgs(), C->getNumArgs());
  }
  bool IsOut = false;
  for (unsigned I = 0; I < Args.size(); ++I) {
    const auto *Ref = dyn_cast<DeclRefExpr>(Args[I]->IgnoreParenImpCasts());
    if (Ref && Ref->getDecl() == Var && isErrorCodeOutParam(CalleeDecl, I))
      IsOut = true;
  }
  if (!IsOut)
    return;
  std::string Callee = calledOrConstructedName(Call);
  if (Callee.empty() || matchesAnyName(Callee, IgnoredOutParamFunctions))
    return;
  // `ec` overloads chosen so that teardown cannot throw: remove(path, ec),
  // shutdown/close/cancel(ec) in a destructor, logger or cleanup path.
  static const std::vector<std::string> TeardownOutParamFunctions = {
      "shutdown", "close", "cancel", "remove", "remove_all"};
  if (matchesAnyName(Callee, TeardownOutParamFunctions) &&
      teardownContext(*Call, Ctx) != TeardownContext::None)
    return;
  if (const auto *AsCall = dyn_cast<CallExpr>(Call);
      AsCall && AsCall->getNumArgs() == 2 &&
      (Callee == "std::filesystem::remove" ||
       Callee == "std::filesystem::remove_all") &&
      removesFileTheFunctionUses(*AsCall, AsCall->getArg(0), Ctx))
    return;
  if (const auto *AsCall = dyn_cast<CallExpr>(Call);
      AsCall && closesSameObjectNext(*AsCall, Ctx))
    return;
  // A filesystem query answers false when it fails: a caller that tests the
  // answer (`if (!is_regular_file(path, ec))`, inspircd) handles the failure
  // as "no such file".
  static const std::vector<std::string> FilesystemQueries = {
      "std::filesystem::exists",       "std::filesystem::is_regular_file",
      "std::filesystem::is_directory", "std::filesystem::is_symlink",
      "std::filesystem::is_empty",     "std::filesystem::is_other"};
  if (matchesAnyName(Callee, FilesystemQueries) && !isDiscarded(*Call, Ctx))
    return;
  // A timer used as a signal: `co_await timer.async_wait(
  // redirect_error(use_awaitable, ec))`, where cancellation is the event.
  if (isRedirectIntoTimerWait(*Call, Ctx))
    return;
  const auto *Fn =
      dyn_cast_or_null<FunctionDecl>(Var->getParentFunctionOrMethod());
  const Stmt *Body = Fn ? Fn->getBody() : nullptr;
  if (!Body)
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  const Stmt *Loop = enclosingLoop(Call, Body, Ctx);
  auto Refs =
      match(findAll(declRefExpr(to(varDecl(equalsNode(Var)))).bind("ref")),
            *Body, Ctx);
  for (const auto &Node : Refs) {
    const auto *Ref = Node.getNodeAs<DeclRefExpr>("ref");
    if (isWriteOnlyUse(Ref, Ctx))
      continue;
    // A read after the call, or anywhere in a loop around it.
    if (SM.isBeforeInTranslationUnit(Call->getEndLoc(), Ref->getBeginLoc()))
      return;
    if (Loop && Loop->getSourceRange().fullyContains(Ref->getSourceRange()))
      return;
  }
  SourceLocation Loc = reportLocation(Call->getExprLoc(), SM);
  if (SM.isInSystemHeader(Loc) || !Reported.insert(Loc.getRawEncoding()).second)
    return;
  diag(Loc, "the error reported by '%0' through '%1' is never checked, so a "
            "failure goes unnoticed in production; test '%1' and handle or "
            "log the error")
      << Callee << Var->getName();
}

//===-- 3. Asio completion handlers --------------------------------------===//

// Whether \p S calls anything other than logging (calls nested in a logging
// call only format the message). With \p TeardownIsNeutral, teardown calls
// (`ioc.stop()`, `sock.cancel()`, `acceptor.close()`) do not count either.
static bool doesWork(const Stmt *S, bool TeardownIsNeutral = false) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    if (isLoggingCall(Call, LogNameMatch::AnyWord))
      return false;
    const FunctionDecl *FD = Call->getDirectCallee();
    bool Neutral = FD && FD->getDeclName().isIdentifier() &&
                   (FD->getName() == "move" || FD->getName() == "forward") &&
                   FD->isInStdNamespace();
    if (TeardownIsNeutral && FD && FD->getIdentifier() &&
        isTeardownFunctionName(FD->getName()))
      Neutral = true;
    if (!Neutral)
      return true;
  }
  for (const Stmt *Child : S->children())
    if (doesWork(Child, TeardownIsNeutral))
      return true;
  return false;
}

// A signal_set wait used as the shutdown trigger: whatever the outcome
// (signal, error, operation_aborted at shutdown) a handler that only stops
// or closes things does the right thing (the idiom of Beast's examples).
static bool isShutdownSignalWait(const CallExpr &AsyncCall,
                                 const FunctionDecl *Handler) {
  const auto *Method =
      dyn_cast_or_null<CXXMethodDecl>(AsyncCall.getDirectCallee());
  if (!Method || !Method->getIdentifier() ||
      Method->getName() != "async_wait" ||
      !Method->getParent()->getIdentifier() ||
      !Method->getParent()->getName().contains("signal_set"))
    return false;
  return Handler && Handler->getBody() &&
         !doesWork(Handler->getBody(), /*TeardownIsNeutral=*/true);
}

// A timer wait whose handler need not read its error: the timer is used as
// a signal (set to expire never, or woken with cancel_one(), so that
// cancellation is the event), or the handler judges by the timer's expiry
// instead (`if (deadline_.expiry() <= clock::now())`, the Asio deadline
// idiom).
bool UncheckedErrorCheck::isSignalTimerWait(const CallExpr &AsyncWait,
                                            const FunctionDecl *Handler,
                                            ASTContext &Ctx) {
  if (!isTimerWait(AsyncWait))
    return false;
  const auto *Member = dyn_cast<CXXMemberCallExpr>(&AsyncWait);
  if (!Member)
    return false;
  collectUnitFacts(Ctx);
  if (const Decl *Timer = referencedDecl(Member->getImplicitObjectArgument());
      Timer && SignalTimers.contains(Timer->getCanonicalDecl()))
    return true;
  if (!Handler || !Handler->getBody())
    return false;
  auto ReadsExpiry =
      match(findAll(cxxMemberCallExpr(
                argumentCountIs(0),
                callee(cxxMethodDecl(
                    hasAnyName("expiry", "expires_at", "expires_from_now"))))),
            *Handler->getBody(), Ctx);
  return !ReadsExpiry.empty();
}

// A handler whose every statement tears down (`s->Terminate()`, i2pd's "read
// something, then terminate") ends the operation the same way on success
// and on failure: there is no result to act on. Not for a timer: a deadline
// handler that closes on operation_aborted ends the work it was guarding.
static bool onlyTearsDown(const Stmt *Body) {
  const auto *Compound = dyn_cast<CompoundStmt>(Body);
  if (!Compound || Compound->body_empty())
    return false;
  return llvm::all_of(Compound->body(), [](const Stmt *S) {
    const auto *E = dyn_cast<Expr>(S);
    const auto *Call = E ? dyn_cast<CallExpr>(E->IgnoreImplicit()) : nullptr;
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    return Callee && Callee->getIdentifier() && namesCleanup(Callee->getName());
  });
}

void UncheckedErrorCheck::checkHandler(const CallExpr *AsyncCall,
                                       ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  const FunctionDecl *Initiator = AsyncCall->getDirectCallee();
  if (!Initiator)
    return;
  for (const Expr *Arg : AsyncCall->arguments()) {
    const FunctionDecl *Handler = nullptr;
    const Expr *Stripped = stripValue(Arg);
    if (const auto *Lambda = dyn_cast<LambdaExpr>(Stripped)) {
      Handler = Lambda->getCallOperator();
    } else {
      auto Found =
          match(findAll(declRefExpr(
                    to(functionDecl(unless(isInStdNamespace())).bind("fn")))),
                *Stripped, Ctx);
      for (const auto &Node : Found) {
        const auto *FD = Node.getNodeAs<FunctionDecl>("fn");
        if (llvm::any_of(FD->parameters(), [](const ParmVarDecl *P) {
              return isErrorCodeType(P->getType());
            })) {
          Handler = FD;
          break;
        }
      }
    }
    if (!Handler)
      continue;
    if (const FunctionDecl *Def = Handler->getDefinition())
      Handler = Def;
    const ParmVarDecl *ErrorParam = nullptr;
    for (const ParmVarDecl *P : Handler->parameters())
      if (isErrorCodeType(P->getType()) &&
          !(P->getType()->isReferenceType() &&
            !P->getType().getNonReferenceType().isConstQualified())) {
        ErrorParam = P;
        break;
      }
    if (!ErrorParam || ErrorParam->isReferenced() || !Handler->getBody() ||
        !doesWork(Handler->getBody()) ||
        (Initiator->getName() != "async_wait" &&
         onlyTearsDown(Handler->getBody())) ||
        isSignalTimerWait(*AsyncCall, Handler, Ctx) ||
        isShutdownSignalWait(*AsyncCall, Handler))
      continue;
    SourceLocation Loc = reportLocation(ErrorParam->getBeginLoc(), SM);
    if (SM.isInSystemHeader(Loc) ||
        !Reported.insert(Loc.getRawEncoding()).second)
      continue;
    diag(Loc,
         "completion handler passed to '%0' never reads its error_code "
         "parameter%select{| '%2'}1 but still acts on the result, so after a "
         "failure or cancellation (operation_aborted at shutdown) it "
         "proceeds as if the operation had succeeded; check the error first "
         "and return or log")
        << qualifiedName(*Initiator) << !ErrorParam->getName().empty()
        << ErrorParam->getName();
  }
}

} // namespace prodready
