//===--- BlockingInAsyncCheck.cpp - prodready -----------------------------===//

#include "BlockingInAsyncCheck.h"
#include "AsyncUtils.h"
#include "CheckUtils.h"
#include "clang/AST/ASTLambda.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
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
      RawAsyncContextFunctions(Options.get("AsyncContextFunctions", "").str()),
      ReportMutexLocks(Options.get("ReportMutexLocks", false)),
      BlockingFunctions(
          expandList(RawBlockingFunctions, defaultBlockingFunctions())),
      AsyncContextFunctions(splitList(RawAsyncContextFunctions)),
      MutexLockFunctions(splitList(defaultMutexLockFunctions())) {}

void BlockingInAsyncCheck::storeOptions(
    tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "BlockingFunctions", RawBlockingFunctions);
  Options.store(Opts, "AsyncContextFunctions", RawAsyncContextFunctions);
  Options.store(Opts, "ReportMutexLocks", ReportMutexLocks);
}

void BlockingInAsyncCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(callExpr(unless(isExpansionInSystemHeader()),
                              unless(isInTemplateInstantiation()),
                              callee(functionDecl().bind("callee")))
                         .bind("call"),
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
}

static bool refersToStdCin(const Expr *E) {
  const auto *Ref = dyn_cast<DeclRefExpr>(stripValue(E)->IgnoreParenImpCasts());
  return Ref && Ref->getDecl()->getName() == "cin" &&
         Ref->getDecl()->getDeclContext()->getRedeclContext()->isStdNamespace();
}

bool BlockingInAsyncCheck::isBlocking(const CallExpr &Call,
                                      const FunctionDecl &Callee,
                                      bool &IsLock) const {
  IsLock = false;
  if (matchesCallList(Call, Callee, BlockingFunctions)) {
    StringRef Name =
        Callee.getDeclName().isIdentifier() ? Callee.getName() : "";
    if (Name == "getline")
      return Call.getNumArgs() >= 1 && refersToStdCin(Call.getArg(0));
    // `f.wait_for(0s)` polls readiness without blocking.
    if ((Name == "wait_for" || Name == "sleep_for") && Call.getNumArgs() >= 1 &&
        isZeroDuration(Call.getArg(Call.getNumArgs() - 1),
                       Callee.getASTContext()))
      return false;
    return true;
  }
  if (ReportMutexLocks && matchesCallList(Call, Callee, MutexLockFunctions)) {
    IsLock = true;
    return true;
  }
  return false;
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
    if (!(Initiation || Posting || Spawning) || !isAsioName(calleeName(Callee)))
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

void BlockingInAsyncCheck::check(const MatchFinder::MatchResult &Result) {
  Ctx = Result.Context;
  const SourceManager &SM = *Result.SourceManager;
  if (const auto *Lock = Result.Nodes.getNodeAs<CXXConstructExpr>("lock")) {
    // `std::unique_lock lk(m, std::defer_lock)` does not lock.
    for (const Expr *Arg : Lock->arguments())
      if (const CXXRecordDecl *RD = Arg->getType()->getAsCXXRecordDecl())
        if (RD->getName() == "defer_lock_t")
          return;
    if (Lock->getNumArgs() == 0)
      return;
    Blocking.push_back(
        {Lock, recordName(*Lock->getConstructor()->getParent()), true});
    return;
  }
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  const auto *Callee = Result.Nodes.getNodeAs<FunctionDecl>("callee");
  recordHandlers(*Call, *Callee, SM);
  bool IsLock = false;
  if (isBlocking(*Call, *Callee, IsLock))
    Blocking.push_back({Call, callDisplayName(*Call, *Callee), IsLock});
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

void BlockingInAsyncCheck::onEndOfTranslationUnit() {
  if (!Ctx) {
    Blocking.clear();
    Handlers.clear();
    return;
  }
  const SourceManager &SM = Ctx->getSourceManager();
  for (const BlockingCall &B : Blocking) {
    const LambdaExpr *Lambda = nullptr;
    const FunctionDecl *FD = enclosingCallable(*B.Call, Lambda);
    // Every blocking call of a function shares its context: resolve it once.
    auto [Cached, Inserted] = Contexts.try_emplace({FD, Lambda});
    if (Inserted) {
      ContextInfo Found;
      if (contextOf(FD, Lambda, Found, 0))
        Cached->second = std::move(Found);
    }
    if (!Cached->second)
      continue;
    const ContextInfo &Info = *Cached->second;
    SourceLocation Loc = reportLocation(B.Call->getBeginLoc(), SM);
    if (B.IsLock)
      diag(Loc,
           "locking with '%0' inside %1 can block the event-loop thread while "
           "another thread holds the lock, stalling every task on that loop; "
           "keep "
           "the critical section tiny or serialise with a strand instead")
          << B.Callee << Info.Description;
    else
      diag(Loc,
           "blocking call to '%0' inside %1 stalls the event-loop thread and "
           "starves every other task scheduled on it; use the asynchronous "
           "equivalent (timer, async_* operation, co_await) or move the work "
           "to a "
           "thread pool")
          << B.Callee << Info.Description;
    diag(Info.NoteLoc, "async context: %0", DiagnosticIDs::Note)
        << Info.NoteDescription;
  }
  Blocking.clear();
  Handlers.clear();
  Contexts.clear();
  CoroutineBodies.clear();
  CalledVariables.clear();
  Ctx = nullptr;
}

} // namespace prodready
