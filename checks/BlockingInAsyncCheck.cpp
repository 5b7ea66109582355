//===--- BlockingInAsyncCheck.cpp - prodready -----------------------------===//

#include "BlockingInAsyncCheck.h"
#include "AsyncUtils.h"
#include "CallSummary.h"
#include "CheckUtils.h"
#include "clang/AST/ASTLambda.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include <functional>

using namespace clang;
using namespace clang::ast_matchers;

namespace prodready {

// Expands the item `@default` of a list option to the default list.
static std::vector<std::string> expandList(StringRef Value, StringRef Default) {
  std::vector<std::string> Items;
  for (std::string &Item : splitList(Value)) {
    if (Item == "@default") {
      for (std::string &D : splitList(Default))
        Items.push_back(std::move(D));
      continue;
    }
    Items.push_back(std::move(Item));
  }
  return Items;
}

BlockingInAsyncCheck::BlockingInAsyncCheck(StringRef Name,
                                           tidy::ClangTidyContext *Context)
    : ProdReadyCheck(Name, Context),
      RawBlockingFunctions(
          Options.get("BlockingFunctions", defaultBlockingFunctions()).str()),
      RawBlockingConstructors(
          Options.get("BlockingConstructors", defaultBlockingConstructors())
              .str()),
      RawCpuBoundFunctions(
          Options.get("CpuBoundFunctions", defaultCpuBoundFunctions()).str()),
      RawAsyncContextFunctions(Options.get("AsyncContextFunctions", "").str()),
      ReportMutexLocks(Options.get("ReportMutexLocks", false)),
      MaxCallDepth(Options.get("MaxCallDepth", 4U)),
      BlockingFunctions(
          expandList(RawBlockingFunctions, defaultBlockingFunctions())),
      BlockingConstructors(
          expandList(RawBlockingConstructors, defaultBlockingConstructors())),
      CpuBoundFunctions(
          expandList(RawCpuBoundFunctions, defaultCpuBoundFunctions())),
      AsyncContextFunctions(splitList(RawAsyncContextFunctions)),
      MutexLockFunctions(splitList(defaultMutexLockFunctions())) {}

void BlockingInAsyncCheck::storeOptions(
    tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "BlockingFunctions", RawBlockingFunctions);
  Options.store(Opts, "BlockingConstructors", RawBlockingConstructors);
  Options.store(Opts, "CpuBoundFunctions", RawCpuBoundFunctions);
  Options.store(Opts, "MaxCallDepth", MaxCallDepth);
  Options.store(Opts, "AsyncContextFunctions", RawAsyncContextFunctions);
  Options.store(Opts, "ReportMutexLocks", ReportMutexLocks);
}

void BlockingInAsyncCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(callExpr(unless(isExpansionInSystemHeader()),
                              unless(isInTemplateInstantiation()),
                              callee(functionDecl().bind("callee")))
                         .bind("call"),
                     this);
  Finder->addMatcher(cxxConstructExpr(unless(isExpansionInSystemHeader()),
                                      unless(isInTemplateInstantiation()))
                         .bind("construct"),
                     this);
  if (ReportMutexLocks)
    Finder->addMatcher(
        cxxConstructExpr(unless(isExpansionInSystemHeader()),
                         unless(isInTemplateInstantiation()),
                         hasDeclaration(cxxConstructorDecl(ofClass(hasAnyName(
                             "::std::lock_guard", "::std::unique_lock",
                             "::std::scoped_lock", "::std::shared_lock")))))
            .bind("lock"),
        this);
  // Call summaries for the driver's link phase: every function the unit
  // defines.
  if (MaxCallDepth > 0 && callSummariesRequested())
    Finder->addMatcher(
        functionDecl(isDefinition(), unless(isExpansionInSystemHeader()),
                     unless(isInstantiated()), unless(isImplicit()))
            .bind("definition"),
        this);
}

static bool refersToStdCin(const Expr *E) {
  const auto *Ref = dyn_cast<DeclRefExpr>(stripValue(E)->IgnoreParenImpCasts());
  return Ref && Ref->getDecl()->getName() == "cin" &&
         Ref->getDecl()->getDeclContext()->getRedeclContext()->isStdNamespace();
}

BlockingInAsyncCheck::BlockingKind
BlockingInAsyncCheck::blockingKind(const CallExpr &Call,
                                   const FunctionDecl &Callee) {
  if (matchesCallList(Call, Callee, BlockingFunctions) ||
      isSyncGrpcStubCall(Callee)) {
    StringRef Name =
        Callee.getDeclName().isIdentifier() ? Callee.getName() : "";
    if (Name == "getline")
      return Call.getNumArgs() >= 1 && refersToStdCin(Call.getArg(0))
                 ? BlockingKind::Blocking
                 : BlockingKind::None;
    // `f.wait_for(0s)` polls readiness without blocking.
    if ((Name == "wait_for" || Name == "sleep_for") && Call.getNumArgs() >= 1 &&
        isZeroDuration(Call.getArg(Call.getNumArgs() - 1),
                       Callee.getASTContext()))
      return BlockingKind::None;
    return returnsAtOnce(Call, Callee) ? BlockingKind::None
                                       : BlockingKind::Blocking;
  }
  if (matchesFunctionList(Callee, CpuBoundFunctions))
    return BlockingKind::CpuBound;
  if (ReportMutexLocks && matchesCallList(Call, Callee, MutexLockFunctions))
    return BlockingKind::Lock;
  return BlockingKind::None;
}

// A libpqxx connection connects in its constructor; a file stream given a
// path opens the file.
bool BlockingInAsyncCheck::isBlockingConstruction(
    const CXXConstructExpr &Construct) const {
  const CXXRecordDecl *RD = Construct.getConstructor()->getParent();
  if (Construct.getNumArgs() == 0 ||
      Construct.getConstructor()->isCopyOrMoveConstructor())
    return false;
  PrintingPolicy Policy(RD->getASTContext().getLangOpts());
  Policy.SuppressScope = false;
  Policy.FullyQualifiedName = true;
  Policy.SuppressInlineNamespace = true;
  std::string Type =
      QualType(RD->getTypeForDecl(), 0).getCanonicalType().getAsString(Policy);
  StringRef Name(Type);
  Name.consume_front("class ");
  Name.consume_front("struct ");
  return matchesAnyName(Name, BlockingConstructors);
}

// Asio work posted to a thread pool runs off the event loop: that is the
// recommended way to run blocking work, not an async context.
static bool targetsThreadPool(const CallExpr &Call) {
  if (Call.getNumArgs() == 0)
    return false;
  QualType T = stripValue(Call.getArg(0))->getType();
  if (const CXXRecordDecl *RD = T->getAsCXXRecordDecl()) {
    std::string Name = recordName(*RD);
    return StringRef(Name).contains("thread_pool");
  }
  return false;
}

void BlockingInAsyncCheck::recordHandlers(const CallExpr &Call,
                                          const FunctionDecl &Callee,
                                          const SourceManager &SM) {
  if (!Callee.getDeclName().isIdentifier() || isa<CXXOperatorCallExpr>(Call))
    return;
  StringRef Name = Callee.getName();
  std::string Description;
  if (!AsyncContextFunctions.empty() &&
      matchesFunctionList(Callee, AsyncContextFunctions)) {
    Description = ("handler passed to '" + Name + "'").str();
  } else {
    bool Initiation = Name.starts_with("async_");
    bool Posting = Name == "post" || Name == "dispatch" || Name == "defer";
    bool Spawning = Name == "co_spawn" || Name == "spawn";
    if (!(Initiation || Posting || Spawning) ||
        !isAsioName(qualifiedNameWithoutTemplateArgs(Callee)))
      return;
    if (Posting && targetsThreadPool(Call))
      return;
    if (Initiation)
      Description = ("completion handler of '" + Name + "'").str();
    else if (Posting)
      Description = ("work posted with '" + Name + "'").str();
    else
      Description = ("function passed to '" + Name + "'").str();
  }
  for (const Expr *Arg : Call.arguments()) {
    llvm::SmallVector<const FunctionDecl *, 4> Callables;
    collectHandlerCallables(Arg, Callables);
    for (const FunctionDecl *FD : Callables) {
      if (const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern())
        FD = Pattern;
      Handlers.try_emplace(
          FD->getCanonicalDecl(),
          HandlerContext{Description, reportLocation(Arg->getBeginLoc(), SM)});
    }
  }
}

// Whether \p Call is the operand of a `co_await` (through temporaries).
static bool isAwaited(const Expr &Call, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(Call);
  for (int Guard = 0; Guard < 8; ++Guard) {
    auto Parents = Ctx.getParents(Node);
    if (Parents.empty())
      return false;
    Node = Parents[0];
    if (Node.get<CoawaitExpr>() || Node.get<DependentCoawaitExpr>())
      return true;
    if (!Node.get<Expr>())
      return false;
  }
  return false;
}

// Whether \p FD says it is asynchronous (`async_start`, `startAsync`,
// `AsyncGetUser`): calling it from an async context is what the rule asks
// for, so a blocking call inside it is its own defect, not the caller's.
static bool namesAsyncApi(const FunctionDecl &FD) {
  if (!FD.getDeclName().isIdentifier())
    return false;
  StringRef Name = FD.getName();
  return Name.starts_with("async_") || Name.starts_with("Async") ||
         Name.ends_with("_async") || Name.ends_with("Async");
}

// Whether \p FD is the project's own code with a body to follow.
static bool isProjectFunction(const FunctionDecl &FD, const SourceManager &SM) {
  const FunctionDecl *Def = FD.getDefinition();
  return Def && Def->hasBody() && !namesAsyncApi(FD) &&
         !SM.isInSystemHeader(SM.getExpansionLoc(Def->getLocation()));
}

// Whether \p FD is a project function the unit declares without defining it:
// its definition may be in another unit, which the driver's link phase sees.
// Templates are defined where they are used, so they are not among them.
static bool isDeclaredProjectFunction(const FunctionDecl &FD,
                                      const SourceManager &SM) {
  if (FD.getDefinition() || FD.isImplicit() || FD.getBuiltinID() ||
      namesAsyncApi(FD) || FD.getLocation().isInvalid() ||
      FD.getTemplatedKind() != FunctionDecl::TK_NonTemplate ||
      FD.isTemplateInstantiation() || FD.isDependentContext())
    return false;
  return !SM.isInSystemHeader(SM.getExpansionLoc(FD.getLocation()));
}

void BlockingInAsyncCheck::check(const MatchFinder::MatchResult &Result) {
  Ctx = Result.Context;
  const SourceManager &SM = *Result.SourceManager;
  if (const auto *FD = Result.Nodes.getNodeAs<FunctionDecl>("definition")) {
    if (!FD->isTemplated() && !isLambdaCallOperator(FD) && FD->getBody())
      Defined.push_back(FD);
    return;
  }
  if (const auto *Lock = Result.Nodes.getNodeAs<CXXConstructExpr>("lock")) {
    // `std::unique_lock lk(m, std::defer_lock)` does not lock.
    for (const Expr *Arg : Lock->arguments())
      if (const CXXRecordDecl *RD = Arg->getType()->getAsCXXRecordDecl())
        if (RD->getName() == "defer_lock_t")
          return;
    if (Lock->getNumArgs() == 0)
      return;
    Blocking.push_back({Lock, recordName(*Lock->getConstructor()->getParent()),
                        BlockingKind::Lock});
    return;
  }
  if (const auto *Construct =
          Result.Nodes.getNodeAs<CXXConstructExpr>("construct")) {
    if (isBlockingConstruction(*Construct))
      Blocking.push_back({Construct,
                          recordName(*Construct->getConstructor()->getParent()),
                          BlockingKind::Blocking});
    return;
  }
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  const auto *Callee = Result.Nodes.getNodeAs<FunctionDecl>("callee");
  recordHandlers(*Call, *Callee, SM);
  // `co_await asio::post(pool, use_awaitable)`: the coroutine continues on
  // the pool.
  if (Callee->getDeclName().isIdentifier() &&
      (Callee->getName() == "post" || Callee->getName() == "dispatch") &&
      isAsioName(qualifiedNameWithoutTemplateArgs(*Callee)) &&
      targetsThreadPool(*Call) && isAwaited(*Call, *Ctx)) {
    const LambdaExpr *Lambda = nullptr;
    if (const FunctionDecl *FD = enclosingCallable(*Call, Lambda)) {
      SourceLocation &Loc = Offloads[FD];
      if (Loc.isInvalid() ||
          SM.isBeforeInTranslationUnit(Call->getBeginLoc(), Loc))
        Loc = Call->getBeginLoc();
    }
  }
  BlockingKind Kind = blockingKind(*Call, *Callee);
  if (Kind != BlockingKind::None)
    Blocking.push_back({Call, callDisplayName(*Call, *Callee), Kind});
  else if (MaxCallDepth > 0 && !isa<CXXOperatorCallExpr>(Call) &&
           isProjectFunction(*Callee, SM))
    ProjectCalls.push_back({Call, Callee});
  else if (MaxCallDepth > 0 && callSummariesRequested() &&
           !isa<CXXOperatorCallExpr>(Call) &&
           isDeclaredProjectFunction(*Callee, SM))
    DeclaredCalls.push_back({Call, Callee});
}

const FunctionDecl *
BlockingInAsyncCheck::enclosingCallable(const Stmt &S,
                                        const LambdaExpr *&Lambda) {
  Lambda = nullptr;
  DynTypedNode Node = DynTypedNode::create(S);
  const Stmt *Child = &S;
  for (int Guard = 0; Guard < 512; ++Guard) {
    auto Parents = Ctx->getParents(Node);
    if (Parents.empty())
      return nullptr;
    Node = Parents[0];
    if (const auto *L = Node.get<LambdaExpr>()) {
      if (L->getBody() == Child) {
        Lambda = L;
        return L->getCallOperator();
      }
    } else if (const auto *FD = Node.get<FunctionDecl>()) {
      if (!isLambdaCallOperator(FD))
        return FD;
      // The parent map may reach the lambda body through its call operator;
      // continue to the LambdaExpr that owns it.
      for (int Up = 0; Up < 4; ++Up) {
        auto Outer = Ctx->getParents(Node);
        if (Outer.empty())
          break;
        Node = Outer[0];
        if (const auto *L = Node.get<LambdaExpr>()) {
          Lambda = L;
          break;
        }
      }
      return FD;
    }
    Child = Node.get<Stmt>();
  }
  return nullptr;
}

// Whether the body of \p FD (not a nested lambda) contains co_await, co_yield
// or co_return; also true when clang built a coroutine body for it.
static bool containsCoroutineStmt(const Stmt *S) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  if (isa<CoroutineBodyStmt, CoreturnStmt, CoawaitExpr, CoyieldExpr,
          DependentCoawaitExpr>(S))
    return true;
  for (const Stmt *Child : S->children())
    if (containsCoroutineStmt(Child))
      return true;
  return false;
}

static const Expr *skipTransparent(const Expr *E) {
  return stripValue(E)->IgnoreParenImpCasts();
}

// The local variables called with `()` in \p Body, e.g. `f` in
// `auto f = [&] { ... }; f();`.
static void collectCalledVariables(const Stmt *S,
                                   llvm::DenseSet<const Decl *> &Out) {
  if (!S)
    return;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S))
    if (Op->getOperator() == OO_Call && Op->getNumArgs() >= 1)
      if (const auto *Ref =
              dyn_cast<DeclRefExpr>(skipTransparent(Op->getArg(0))))
        Out.insert(Ref->getDecl());
  for (const Stmt *Child : S->children())
    collectCalledVariables(Child, Out);
}

bool BlockingInAsyncCheck::isCoroutineBody(const Stmt *Body) {
  auto [It, Inserted] = CoroutineBodies.try_emplace(Body, false);
  if (Inserted)
    It->second = containsCoroutineStmt(Body);
  return It->second;
}

// Whether \p Lambda is called where it is defined, within \p Body: called
// immediately, through a local variable it initialises, or via std::invoke.
bool BlockingInAsyncCheck::isInvokedIn(const LambdaExpr &Lambda,
                                       const Stmt *Body) {
  // Called immediately: `[&] { ... }()`.
  DynTypedNode Node = DynTypedNode::create(Lambda);
  for (int Guard = 0; Guard < 8; ++Guard) {
    auto Parents = Ctx->getParents(Node);
    if (Parents.empty())
      return false;
    Node = Parents[0];
    if (const auto *Op = Node.get<CXXOperatorCallExpr>())
      return Op->getOperator() == OO_Call && Op->getNumArgs() >= 1 &&
             skipTransparent(Op->getArg(0)) == &Lambda;
    if (const auto *Call = Node.get<CallExpr>()) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      return Callee && Callee->getDeclName().isIdentifier() &&
             Callee->getName() == "invoke" && Call->getNumArgs() >= 1 &&
             skipTransparent(Call->getArg(0)) == &Lambda;
    }
    if (const auto *Var = Node.get<VarDecl>()) {
      // `auto f = [&] { ... }; f();`. One walk per body, however many
      // lambdas it defines, keeps the check linear in the function's size.
      auto [It, Inserted] = CalledVariables.try_emplace(Body);
      if (Inserted)
        collectCalledVariables(Body, It->second);
      return It->second.contains(Var);
    }
    const Expr *E = Node.get<Expr>();
    if (!E || skipTransparent(E) != &Lambda)
      return false;
  }
  return false;
}

bool BlockingInAsyncCheck::contextOf(const FunctionDecl *FD,
                                     const LambdaExpr *Lambda,
                                     ContextInfo &Info, int Depth) {
  if (!FD || Depth > 4)
    return false;
  const FunctionDecl *Key = FD;
  if (const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern())
    Key = Pattern;
  auto It = Handlers.find(Key->getCanonicalDecl());
  if (It != Handlers.end()) {
    Info = {It->second.Description, It->second.Loc, It->second.Description};
    return true;
  }
  const FunctionDecl *Def = FD->getDefinition();
  const Stmt *Body = Def ? Def->getBody() : FD->getBody();
  if (Body && isCoroutineBody(Body)) {
    const SourceManager &SM = Ctx->getSourceManager();
    if (Lambda) {
      Info = {"a coroutine lambda", reportLocation(Lambda->getBeginLoc(), SM),
              ""};
    } else {
      Info = {"coroutine '" + FD->getNameAsString() + "'",
              reportLocation(FD->getLocation(), SM), ""};
    }
    Info.NoteDescription = Info.Description;
    return true;
  }
  if (!Lambda)
    return false;
  const LambdaExpr *Outer = nullptr;
  const FunctionDecl *Enclosing = enclosingCallable(*Lambda, Outer);
  if (!Enclosing)
    return false;
  const FunctionDecl *EnclosingDef = Enclosing->getDefinition();
  const Stmt *EnclosingBody =
      Outer ? Outer->getBody()
            : (EnclosingDef ? EnclosingDef->getBody() : nullptr);
  if (!isInvokedIn(*Lambda, EnclosingBody))
    return false;
  ContextInfo OuterInfo;
  if (!contextOf(Enclosing, Outer, OuterInfo, Depth + 1))
    return false;
  Info = {"a lambda invoked inside " + OuterInfo.Description, OuterInfo.NoteLoc,
          OuterInfo.NoteDescription};
  return true;
}

bool BlockingInAsyncCheck::offloadedBefore(const FunctionDecl *FD,
                                           const Expr &Call) const {
  auto It = Offloads.find(FD);
  return It != Offloads.end() &&
         Ctx->getSourceManager().isBeforeInTranslationUnit(It->second,
                                                           Call.getBeginLoc());
}

const BlockingInAsyncCheck::BlockingPath &
BlockingInAsyncCheck::pathFrom(const FunctionDecl &FD) {
  const FunctionDecl *Def = FD.getDefinition();
  auto [Entry, Inserted] = Paths.try_emplace(Def);
  if (!Inserted || !Def->getBody())
    return Entry->second; // known, or being computed (recursion)
  const SourceManager &SM = Ctx->getSourceManager();
  auto Earlier = [&](const Expr *A, const Expr *B) {
    return !B ||
           SM.isBeforeInTranslationUnit(A->getBeginLoc(), B->getBeginLoc());
  };
  BlockingPath Direct;
  llvm::SmallVector<const CallExpr *, 16> Calls;
  llvm::SmallVector<const Stmt *, 32> Work{Def->getBody()};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    // A lambda's body runs where the lambda is called: handed to a thread or
    // a pool, that is the remedy, so it is not followed.
    if (!S || isa<LambdaExpr>(S))
      continue;
    const Expr *Hit = nullptr;
    std::string Name;
    BlockingKind Kind = BlockingKind::None;
    if (const auto *Call = dyn_cast<CallExpr>(S)) {
      if (const FunctionDecl *Callee = Call->getDirectCallee()) {
        Kind = blockingKind(*Call, *Callee);
        if (Kind == BlockingKind::Blocking || Kind == BlockingKind::CpuBound) {
          Hit = Call;
          Name = callDisplayName(*Call, *Callee);
        } else if (!isa<CXXOperatorCallExpr>(Call) &&
                   isProjectFunction(*Callee, SM)) {
          Calls.push_back(Call);
        }
      }
    } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(S)) {
      if (isBlockingConstruction(*Construct)) {
        Hit = Construct;
        Kind = BlockingKind::Blocking;
        Name = recordName(*Construct->getConstructor()->getParent());
      }
    }
    if (Hit && (Direct.Steps.empty() || Earlier(Hit, Direct.Steps[0].Call))) {
      Direct.Steps = {{Hit, Name}};
      Direct.Kind = Kind;
    }
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  if (!Direct.Steps.empty()) {
    Paths[Def] = std::move(Direct);
    return Paths[Def];
  }
  // The shortest path wins; among equals, the first call in the function.
  llvm::sort(Calls, [&](const CallExpr *A, const CallExpr *B) {
    return SM.isBeforeInTranslationUnit(A->getBeginLoc(), B->getBeginLoc());
  });
  BlockingPath Best;
  for (const CallExpr *Call : Calls) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    const FunctionDecl *CalleeDef = Callee->getDefinition();
    // A handler or a coroutine reached from here is judged on its own: its
    // blocking calls are reported inside it.
    if (Handlers.count(Callee->getCanonicalDecl()) ||
        isCoroutineBody(CalleeDef->getBody()))
      continue;
    const BlockingPath &Sub = pathFrom(*Callee);
    if (Sub.Steps.empty() || Sub.Steps.size() + 1 > MaxCallDepth)
      continue;
    if (!Best.Steps.empty() && Best.Steps.size() <= Sub.Steps.size() + 1)
      continue;
    Best.Steps.clear();
    Best.Steps.push_back({Call, qualifiedNameWithoutTemplateArgs(*Callee)});
    Best.Steps.insert(Best.Steps.end(), Sub.Steps.begin(), Sub.Steps.end());
    Best.Kind = Sub.Kind;
  }
  Paths[Def] = std::move(Best);
  return Paths[Def];
}

void BlockingInAsyncCheck::reportPath(const ProjectCall &PC,
                                      const BlockingPath &Path,
                                      const ContextInfo &Info) {
  const SourceManager &SM = Ctx->getSourceManager();
  std::string Chain = "'" + qualifiedNameWithoutTemplateArgs(*PC.Callee) + "'";
  for (const PathStep &Step : Path.Steps)
    Chain += " -> '" + Step.Callee + "'";
  SourceLocation Loc = reportLocation(PC.Call->getBeginLoc(), SM);
  // The texts are shared with the driver's link phase, which reports the
  // paths that cross units in the same words.
  diag(Loc, "%0") << reachesBlockingMessage(
      qualifiedNameWithoutTemplateArgs(*PC.Callee), Info.Description, Chain,
      Path.Kind == BlockingKind::CpuBound);
  std::string Caller = qualifiedNameWithoutTemplateArgs(*PC.Callee);
  for (const PathStep &Step : Path.Steps) {
    bool Last = &Step == &Path.Steps.back();
    diag(reportLocation(Step.Call->getBeginLoc(), SM), "%0",
         DiagnosticIDs::Note)
        << pathStepNote(Caller, Step.Callee, Last);
    Caller = Step.Callee;
  }
  diag(Info.NoteLoc, "%0", DiagnosticIDs::Note)
      << asyncContextNote(Info.NoteDescription);
}

bool BlockingInAsyncCheck::isAsyncContextFunction(const FunctionDecl &FD) {
  const FunctionDecl *Key = &FD;
  if (const FunctionDecl *Pattern = FD.getTemplateInstantiationPattern())
    Key = Pattern;
  if (Handlers.count(Key->getCanonicalDecl()))
    return true;
  const FunctionDecl *Def = FD.getDefinition();
  return Def && isCoroutineBody(Def->getBody());
}

void BlockingInAsyncCheck::recordCallSummaries(
    const std::function<const ContextInfo *(const Expr &)> &ContextAround,
    const llvm::DenseSet<const CallExpr *> &Reported) {
  const SourceManager &SM = Ctx->getSourceManager();
  auto Before = [&](const Expr *A, const Expr *B) {
    return SM.isBeforeInTranslationUnit(A->getBeginLoc(), B->getBeginLoc());
  };
  auto CallOf = [&](const CallExpr &Call, const FunctionDecl &Callee) {
    return SummaryCall{
        summaryKey(Callee, SM), qualifiedNameWithoutTemplateArgs(Callee),
        summaryPoint(reportLocation(Call.getBeginLoc(), SM), SM)};
  };
  // What each function the unit defines does, as pathFrom sees it: the
  // first blocking call it makes itself, else the project functions it
  // calls. A handler or a coroutine is judged on its own (a path ends
  // there), and so is what a lambda does: handed to a pool, it is the fix.
  llvm::DenseSet<const FunctionDecl *> Seen;
  for (const FunctionDecl *FD : Defined) {
    if (!Seen.insert(FD->getCanonicalDecl()).second ||
        isAsyncContextFunction(*FD) || !wouldReport(FD->getLocation()))
      continue;
    const Expr *First = nullptr;
    FunctionSummary Summary;
    llvm::SmallVector<std::pair<const CallExpr *, const FunctionDecl *>, 16>
        Calls;
    llvm::SmallVector<const Stmt *, 32> Work{FD->getBody()};
    while (!Work.empty()) {
      const Stmt *S = Work.pop_back_val();
      if (!S || isa<LambdaExpr>(S))
        continue;
      const Expr *Hit = nullptr;
      std::string Name;
      BlockingKind Kind = BlockingKind::None;
      if (const auto *Call = dyn_cast<CallExpr>(S)) {
        if (const FunctionDecl *Callee = Call->getDirectCallee()) {
          Kind = blockingKind(*Call, *Callee);
          if (Kind == BlockingKind::Blocking ||
              Kind == BlockingKind::CpuBound) {
            Hit = Call;
            Name = callDisplayName(*Call, *Callee);
          } else if (!isa<CXXOperatorCallExpr>(Call) &&
                     (isProjectFunction(*Callee, SM) ||
                      isDeclaredProjectFunction(*Callee, SM))) {
            Calls.push_back({Call, Callee});
          }
        }
      } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(S)) {
        if (isBlockingConstruction(*Construct)) {
          Hit = Construct;
          Kind = BlockingKind::Blocking;
          Name = recordName(*Construct->getConstructor()->getParent());
        }
      }
      if (Hit && (!First || Before(Hit, First))) {
        First = Hit;
        Summary.Blocking = Name;
        Summary.CpuBound = Kind == BlockingKind::CpuBound;
      }
      for (const Stmt *Child : S->children())
        Work.push_back(Child);
    }
    if (First) {
      Summary.BlockingAt =
          summaryPoint(reportLocation(First->getBeginLoc(), SM), SM);
    } else {
      llvm::sort(Calls, [&](const auto &A, const auto &B) {
        return Before(A.first, B.first);
      });
      for (const auto &[Call, Callee] : Calls) {
        const FunctionDecl *Def = Callee->getDefinition();
        if (Def && isAsyncContextFunction(*Def))
          continue;
        SummaryCall C = CallOf(*Call, *Callee);
        if (!C.Callee.empty())
          Summary.Calls.push_back(std::move(C));
      }
      if (Summary.Calls.empty())
        continue;
    }
    Summary.Key = summaryKey(*FD, SM);
    if (Summary.Key.empty())
      continue;
    Summary.Name = qualifiedNameWithoutTemplateArgs(*FD);
    Summary.At = summaryPoint(FD->getLocation(), SM);
    recordFunctionSummary(std::move(Summary));
  }
  // The calls in async contexts whose path the unit alone does not show:
  // to functions it only declares, and to those it defines when no path
  // was found here (the path may continue in another unit).
  auto RecordSite = [&](const ProjectCall &PC) {
    if (Reported.count(PC.Call) || isAsyncContextFunction(*PC.Callee))
      return;
    const ContextInfo *Info = ContextAround(*PC.Call);
    if (!Info || !wouldReport(PC.Call->getBeginLoc()))
      return;
    AsyncCallSite Site;
    Site.Call = CallOf(*PC.Call, *PC.Callee);
    if (Site.Call.Callee.empty())
      return;
    Site.Context = Info->Description;
    Site.ContextNote = asyncContextNote(Info->NoteDescription);
    Site.ContextAt = summaryPoint(Info->NoteLoc, SM);
    Site.MaxDepth = MaxCallDepth;
    recordAsyncCallSite(std::move(Site));
  };
  for (const ProjectCall &PC : ProjectCalls)
    RecordSite(PC);
  for (const ProjectCall &PC : DeclaredCalls)
    RecordSite(PC);
}

// Socket I/O that a non-blocking descriptor turns into a readiness probe.
static bool isSocketIo(StringRef Callee) {
  StringRef Name =
      Callee.rsplit("::").second.empty() ? Callee : Callee.rsplit("::").second;
  return llvm::is_contained({"recv",        "recvfrom",     "recvmsg",
                             "send",        "sendto",       "sendmsg",
                             "accept",      "accept4",      "connect",
                             "read",        "write",        "readv",
                             "writev",      "SSL_read",     "SSL_write",
                             "SSL_connect", "SSL_accept",   "SSL_do_handshake",
                             "send_to",     "receive_from", "receive",
                             "read_some",   "write_some"},
                            Name);
}

// Error enumerators a non-blocking socket call reports instead of waiting
// (`boost::asio::error::would_block`, `std::errc::operation_would_block`).
static bool isWouldBlockEnumerator(const Stmt *S) {
  const auto *Ref = dyn_cast<DeclRefExpr>(S);
  const auto *Enumerator =
      Ref ? dyn_cast<EnumConstantDecl>(Ref->getDecl()) : nullptr;
  return Enumerator && llvm::is_contained(
                           {"would_block", "try_again", "operation_would_block",
                            "resource_unavailable_try_again", "in_progress",
                            "operation_in_progress"},
                           Enumerator->getName());
}

// Whether \p Body handles a would-block result: it names EAGAIN,
// EWOULDBLOCK or EINPROGRESS (as macros or as Asio/std error enumerators,
// i2pd's `ec == boost::asio::error::would_block`), asks a status whether to
// try again
// (`status.try_again()`), or awaits a readiness poll (`co_await
// scheduler->poll(sock, op, timeout)`). Its socket calls are then made on a
// non-blocking descriptor and return at once (libcoro's tcp client).
static bool handlesWouldBlock(const Stmt *Body, const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  return anyStmtIn(Body, [&](const Stmt &S) {
    if (const auto *Literal = dyn_cast<IntegerLiteral>(&S);
        Literal && Literal->getBeginLoc().isMacroID()) {
      StringRef Macro = Lexer::getImmediateMacroName(Literal->getBeginLoc(), SM,
                                                     Ctx.getLangOpts());
      if (Macro == "EAGAIN" || Macro == "EWOULDBLOCK" || Macro == "EINPROGRESS")
        return true;
    }
    if (isWouldBlockEnumerator(&S))
      return true;
    if (const auto *Call = dyn_cast<CallExpr>(&S))
      if (const FunctionDecl *Callee = Call->getDirectCallee();
          Callee && Callee->getIdentifier()) {
        std::string Lower = Callee->getName().lower();
        if (StringRef(Lower).contains("try_again") ||
            StringRef(Lower).contains("tryagain") ||
            StringRef(Lower).contains("would_block") ||
            StringRef(Lower).contains("wouldblock"))
          return true;
      }
    const auto *Await = dyn_cast<CoawaitExpr>(&S);
    const auto *Polled =
        Await
            ? dyn_cast<CallExpr>(
                  Await->getOperand()->IgnoreImplicit()->IgnoreParenImpCasts())
            : nullptr;
    return Polled && Polled->getDirectCallee() &&
           Polled->getDirectCallee()->getIdentifier() &&
           Polled->getDirectCallee()->getName() == "poll";
  });
}

// Whether the function or lambda around \p S handles would-block results,
// so that the socket call \p Callee it makes or reaches is non-blocking.
bool BlockingInAsyncCheck::nonBlockingSocketCall(const Expr &S,
                                                 StringRef Callee) {
  return isSocketIo(Callee) && handlesWouldBlockIn(bodyAround(S));
}

// The body of the function or lambda around \p S.
const Stmt *BlockingInAsyncCheck::bodyAround(const Stmt &S) {
  const LambdaExpr *Lambda = nullptr;
  const FunctionDecl *FD = enclosingCallable(S, Lambda);
  return Lambda ? Lambda->getBody() : FD ? FD->getBody() : nullptr;
}

// handlesWouldBlock(), once per body.
bool BlockingInAsyncCheck::handlesWouldBlockIn(const Stmt *Body) {
  auto [It, Inserted] = WouldBlockHandled.try_emplace(Body, false);
  if (Inserted)
    It->second = handlesWouldBlock(Body, *Ctx);
  return It->second;
}

// Whether the listed blocking \p Call returns at once where it is made: a
// socket call on a socket the unit made non-blocking or in a function that
// handles would-block results, a read of bytes the stream already holds, a
// `get()` of a future polled ready.
bool BlockingInAsyncCheck::returnsAtOnce(const CallExpr &Call,
                                         const FunctionDecl &Callee) {
  if (!Ctx)
    return false;
  const Stmt *Body = bodyAround(Call);
  if (isSocketIo(callDisplayName(Call, Callee))) {
    if (!NonBlockingScanned) {
      collectNonBlockingSockets(*Ctx, NonBlockingSockets);
      NonBlockingScanned = true;
    }
    if (const ValueDecl *Socket = callObjectDecl(Call);
        (Socket && NonBlockingSockets.contains(Socket)) ||
        (Body && handlesWouldBlockIn(Body)))
      return true;
  }
  return Body && (readsOnlyAvailableBytes(Call, Callee, Body,
                                          Ctx->getSourceManager()) ||
                  futureKnownReady(Call, Callee, Body, *Ctx));
}

void BlockingInAsyncCheck::onEndOfTranslationUnit() {
  auto Reset = [&] {
    Blocking.clear();
    ProjectCalls.clear();
    Defined.clear();
    DeclaredCalls.clear();
    Handlers.clear();
    Contexts.clear();
    CoroutineBodies.clear();
    CalledVariables.clear();
    Paths.clear();
    Offloads.clear();
    WouldBlockHandled.clear();
    NonBlockingSockets.clear();
    NonBlockingScanned = false;
    Ctx = nullptr;
  };
  if (!Ctx) {
    Reset();
    return;
  }
  const SourceManager &SM = Ctx->getSourceManager();
  // The async context of the function or lambda around \p S, resolved once
  // per function; null when there is none or the work moved to a pool.
  auto ContextAround = [&](const Expr &S) -> const ContextInfo * {
    const LambdaExpr *Lambda = nullptr;
    const FunctionDecl *FD = enclosingCallable(S, Lambda);
    auto [Cached, Inserted] = Contexts.try_emplace({FD, Lambda});
    if (Inserted) {
      ContextInfo Found;
      if (contextOf(FD, Lambda, Found, 0))
        Cached->second = std::move(Found);
    }
    if (!Cached->second || offloadedBefore(FD, S))
      return nullptr;
    return &*Cached->second;
  };
  for (const BlockingCall &B : Blocking) {
    const ContextInfo *Info = ContextAround(*B.Call);
    if (!Info || nonBlockingSocketCall(*B.Call, B.Callee))
      continue;
    SourceLocation Loc = reportLocation(B.Call->getBeginLoc(), SM);
    if (B.Kind == BlockingKind::Lock)
      diag(Loc,
           "locking with '%0' inside %1 can block the event-loop thread while "
           "another thread holds the lock, stalling every task on that loop; "
           "keep the critical section tiny or serialise with a strand instead")
          << B.Callee << Info->Description;
    else if (B.Kind == BlockingKind::CpuBound)
      diag(Loc,
           "CPU-bound work in '%0' inside %1 holds the event-loop thread for "
           "the whole computation (a password hash takes tens to hundreds of "
           "milliseconds) and starves every other task scheduled on it; run "
           "it on a thread pool and resume when it is done")
          << B.Callee << Info->Description;
    else
      diag(Loc,
           "blocking call to '%0' inside %1 stalls the event-loop thread and "
           "starves every other task scheduled on it; use the asynchronous "
           "equivalent (timer, async_* operation, co_await) or move the work "
           "to a thread pool")
          << B.Callee << Info->Description;
    diag(Info->NoteLoc, "%0", DiagnosticIDs::Note)
        << asyncContextNote(Info->NoteDescription);
  }
  llvm::DenseSet<const CallExpr *> Reported;
  for (const ProjectCall &PC : ProjectCalls) {
    const FunctionDecl *Def = PC.Callee->getDefinition();
    // A handler or coroutine called from here reports its own calls.
    if (Handlers.count(PC.Callee->getCanonicalDecl()) ||
        isCoroutineBody(Def->getBody()))
      continue;
    const ContextInfo *Info = ContextAround(*PC.Call);
    if (!Info)
      continue;
    const BlockingPath &Path = pathFrom(*PC.Callee);
    if (Path.Steps.empty() || Path.Steps.size() > MaxCallDepth)
      continue;
    // Settled here: the link phase must not report it either.
    if (!nonBlockingSocketCall(*PC.Call, Path.Steps.back().Callee))
      reportPath(PC, Path, *Info);
    Reported.insert(PC.Call);
  }
  if (MaxCallDepth > 0 && callSummariesRequested())
    recordCallSummaries(ContextAround, Reported);
  Reset();
}

} // namespace prodready
