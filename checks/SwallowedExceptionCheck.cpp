//===--- SwallowedExceptionCheck.cpp - prodready --------------------------===//

#include "SwallowedExceptionCheck.h"
#include "CheckUtils.h"
#include "ErrorUtils.h"
#include "LogSinks.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/Regex.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace prodready {

SwallowedExceptionCheck::SwallowedExceptionCheck(
    StringRef Name, tidy::ClangTidyContext *Context)
    : ProdReadyCheck(Name, Context),
      AllowedExceptionTypes(
          splitList(Options.get("AllowedExceptionTypes", ""))) {}

void SwallowedExceptionCheck::storeOptions(
    tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "AllowedExceptionTypes", joinList(AllowedExceptionTypes));
}

void SwallowedExceptionCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(
      cxxCatchStmt(unless(isExpansionInSystemHeader())).bind("catch"), this);
}

// Whether \p S does nothing that could record, report or translate the error:
// `;`, `continue;`, `break;`, a value-less `return;`, or a block of those.
static bool discardsError(const Stmt *S) {
  if (isa<NullStmt, ContinueStmt, BreakStmt>(S))
    return true;
  if (const auto *Return = dyn_cast<ReturnStmt>(S))
    return Return->getRetValue() == nullptr;
  if (const auto *Block = dyn_cast<CompoundStmt>(S))
    return llvm::all_of(Block->body(), discardsError);
  return false;
}

// Whether control never falls through the end of \p S on its normal path:
// it ends in return, throw, break, continue or a noreturn call.
static bool alwaysLeaves(const Stmt *S) {
  if (!S)
    return false;
  if (isa<ReturnStmt, BreakStmt, ContinueStmt, CoreturnStmt, GotoStmt>(S))
    return true;
  if (const auto *Block = dyn_cast<CompoundStmt>(S))
    return !Block->body_empty() && alwaysLeaves(Block->body_back());
  if (const auto *If = dyn_cast<IfStmt>(S))
    return If->getElse() && alwaysLeaves(If->getThen()) &&
           alwaysLeaves(If->getElse());
  if (const auto *E = dyn_cast<Expr>(S))
    return neverReturns(E);
  return false;
}

// Looks through what does not change a returned value.
static const Expr *stripReturned(const Expr *E) {
  while (true) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(E))
      E = Cleanups->getSubExpr();
    else if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(E))
      E = Temp->getSubExpr();
    else if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E))
      E = Bind->getSubExpr();
    else if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(E))
      E = Cast->getSubExpr();
    else if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
             Construct && Construct->getNumArgs() == 1 &&
             !isa<CXXTemporaryObjectExpr>(Construct))
      E = Construct->getArg(0);
    else
      return E;
  }
}

static bool nameSaysError(StringRef Name) {
  // Whole words, so that `deferred` or `badge` are not errors.
  static const llvm::Regex ErrorWord(
      "(^|[^a-z])err|error|errc|stderr|fail|invalid|unexpected|(^|[^a-z])bad|"
      "warn|fatal|crit|abort");
  return ErrorWord.match(Name.lower());
}

// Whether \p E, returned, reports a failure or hands back the caller's
// fallback: false, nullptr, a negative number, std::nullopt, `{}`, an
// error-named value or call (`std::unexpected(...)`, `Status::Error(...)`),
// or a parameter or a variable named like a default (`return def;`).
static bool isErrorValue(const Expr *E) {
  E = stripReturned(E);
  if (const auto *Bool = dyn_cast<CXXBoolLiteralExpr>(E))
    return !Bool->getValue();
  if (isa<CXXNullPtrLiteralExpr, GNUNullExpr>(E))
    return true;
  if (const auto *Minus = dyn_cast<UnaryOperator>(E))
    return Minus->getOpcode() == UO_Minus &&
           isa<IntegerLiteral, FloatingLiteral>(
               Minus->getSubExpr()->IgnoreParenImpCasts());
  if (const auto *List = dyn_cast<InitListExpr>(E))
    return List->getNumInits() == 0;
  if (isa<CXXScalarValueInitExpr>(E))
    return true;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    if (Construct->getNumArgs() == 0)
      return true;
  if (const auto *RD = E->getType()->getAsCXXRecordDecl())
    if (RD->getIdentifier() &&
        (RD->getName() == "nullopt_t" || RD->getName() == "none_t" ||
         nameSaysError(RD->getName())))
      return true;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    const ValueDecl *D = Ref->getDecl();
    if (isa<ParmVarDecl>(D) || nameSaysError(D->getName()))
      return true;
    std::string Lower = D->getName().lower();
    return StringRef(Lower).starts_with("def") ||
           StringRef(Lower).contains("fallback");
  }
  if (const auto *Call = dyn_cast<CallExpr>(E))
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      return Callee->getIdentifier() && nameSaysError(Callee->getName());
  return false;
}

// Whether a call named \p Name hands an exception to whoever waits for the
// result: a promise's or a task_completion_event's `set_exception`.
static bool deliversException(StringRef Name) {
  return Name == "set_exception" || Name == "set_exception_at_thread_exit";
}

// Whether the expression statement \p S reports an error: a call to
// something named like an error report (`log_error`, `spdlog::warn`,
// `LOG(ERROR)`), or a write to std::cerr.
static bool reportsError(const Stmt *S, const SourceManager &SM,
                         const LangOptions &LangOpts) {
  const auto *E = dyn_cast<Expr>(S);
  if (!E)
    return false;
  if (E->getBeginLoc().isMacroID() &&
      nameSaysError(
          Lexer::getImmediateMacroName(E->getBeginLoc(), SM, LangOpts)))
    return true;
  struct Finder : RecursiveASTVisitor<Finder> {
    bool Found = false;
    bool VisitCallExpr(CallExpr *Call) {
      if (const FunctionDecl *Callee = Call->getDirectCallee())
        if (Callee->getIdentifier() && (nameSaysError(Callee->getName()) ||
                                        deliversException(Callee->getName())))
          Found = true;
      return !Found;
    }
    bool VisitDeclRefExpr(DeclRefExpr *Ref) {
      if (Ref->getDecl()->getIdentifier() &&
          (Ref->getDecl()->getName() == "cerr" ||
           nameSaysError(Ref->getDecl()->getName())))
        Found = true;
      return !Found;
    }
  } F;
  F.TraverseStmt(const_cast<Expr *>(E));
  return F.Found;
}

// The variables and fields \p S assigns (`ok = true;`, `result = parse(s);`).
static void collectAssigned(const Stmt *S,
                            llvm::SmallPtrSetImpl<const ValueDecl *> &Out) {
  if (!S)
    return;
  const Expr *Target = nullptr;
  if (const auto *Bin = dyn_cast<BinaryOperator>(S);
      Bin && Bin->isAssignmentOp())
    Target = Bin->getLHS();
  else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
           Op && Op->isAssignmentOp() && Op->getNumArgs() == 2)
    Target = Op->getArg(0);
  // A result recorded in a container (`out.push_back(v)`) counts as well.
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S))
    if (const CXXMethodDecl *Method = Call->getMethodDecl();
        Method && Method->getIdentifier() &&
        llvm::is_contained({"push_back", "emplace_back", "push_front",
                            "emplace_front", "insert", "emplace", "push",
                            "append"},
                           Method->getName()))
      Target = Call->getImplicitObjectArgument();
  if (Target) {
    Target = Target->IgnoreParenImpCasts();
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Target))
      Out.insert(Ref->getDecl());
    else if (const auto *Member = dyn_cast<MemberExpr>(Target))
      Out.insert(Member->getMemberDecl());
  }
  for (const Stmt *Child : S->children())
    collectAssigned(Child, Out);
}

// The objects whose members the try block calls (`c.connect()`: c): their
// state after the try says whether it succeeded.
static void
collectCalledObjects(const Stmt *S,
                     llvm::SmallPtrSetImpl<const ValueDecl *> &Out) {
  if (!S || isa<LambdaExpr>(S))
    return;
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S)) {
    const Expr *Object = Call->getImplicitObjectArgument();
    Object = Object ? Object->IgnoreParenImpCasts() : nullptr;
    if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Object))
      Out.insert(Ref->getDecl());
    else if (const auto *Member = dyn_cast_or_null<MemberExpr>(Object))
      Out.insert(Member->getMemberDecl());
  }
  for (const Stmt *Child : S->children())
    collectCalledObjects(Child, Out);
}

static bool mentions(const Stmt *S,
                     const llvm::SmallPtrSetImpl<const ValueDecl *> &Decls) {
  if (!S)
    return false;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    if (Decls.contains(Ref->getDecl()))
      return true;
  if (const auto *Member = dyn_cast<MemberExpr>(S))
    if (Decls.contains(Member->getMemberDecl()))
      return true;
  return llvm::any_of(
      S->children(), [&](const Stmt *Child) { return mentions(Child, Decls); });
}

// Whether \p S tests one of \p Decls (`if (!ok)`, `ok ? a : b`, `n == 0`,
// `!result.empty()`) or returns it (the caller tests it).
static bool tests(const Stmt *S,
                  const llvm::SmallPtrSetImpl<const ValueDecl *> &Decls) {
  if (!S)
    return false;
  const Stmt *Cond = nullptr;
  if (const auto *If = dyn_cast<IfStmt>(S))
    Cond = If->getCond();
  else if (const auto *While = dyn_cast<WhileStmt>(S))
    Cond = While->getCond();
  else if (const auto *For = dyn_cast<ForStmt>(S))
    Cond = For->getCond();
  else if (const auto *Do = dyn_cast<DoStmt>(S))
    Cond = Do->getCond();
  else if (const auto *Switch = dyn_cast<SwitchStmt>(S))
    Cond = Switch->getCond();
  else if (const auto *Conditional = dyn_cast<AbstractConditionalOperator>(S))
    Cond = Conditional->getCond();
  else if (const auto *Return = dyn_cast<ReturnStmt>(S))
    Cond = Return->getRetValue();
  else if (const auto *Bin = dyn_cast<BinaryOperator>(S);
           Bin && (Bin->isLogicalOp() || Bin->isComparisonOp()))
    Cond = Bin;
  else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
           Op && Op->isComparisonOp())
    Cond = Op;
  else if (const auto *Not = dyn_cast<UnaryOperator>(S);
           Not && Not->getOpcode() == UO_LNot)
    Cond = Not;
  if (Cond && mentions(Cond, Decls))
    return true;
  return llvm::any_of(S->children(),
                      [&](const Stmt *Child) { return tests(Child, Decls); });
}

// The statement control reaches when \p S completes normally: the next
// statement of its block, or, at the end of a block, the one after the
// enclosing `if` -- or after the enclosing loop, with \p ThroughLoops (a
// try that leaves the loop on success: `for (node : nodes) { try { use(node);
// return; } catch (...) {} } throw Error("all failed");`).
static const Stmt *nextStatement(const Stmt &S, ASTContext &Ctx,
                                 bool ThroughLoops) {
  const Stmt *Current = &S;
  for (int Depth = 0; Depth < 8; ++Depth) {
    auto Parents = Ctx.getParents(*Current);
    if (Parents.size() != 1)
      return nullptr;
    if (const auto *Block = Parents[0].get<CompoundStmt>()) {
      const auto *It = llvm::find(Block->body(), Current);
      if (It == Block->body_end())
        return nullptr;
      for (++It; It != Block->body_end(); ++It)
        if (!isa<NullStmt>(*It))
          return *It;
      Current = Block;
      continue;
    }
    if (const auto *If = Parents[0].get<IfStmt>()) {
      if (Current != If->getThen() && Current != If->getElse())
        return nullptr;
      Current = If;
      continue;
    }
    const Stmt *Loop = Parents[0].get<Stmt>();
    const Stmt *Body = Loop ? loopBody(*Loop) : nullptr;
    if (!ThroughLoops || !Body || Body != Current)
      return nullptr;
    Current = Loop;
  }
  return nullptr;
}

// The exception_ptr variables \p S rethrows (`std::rethrow_exception(err)`).
static void collectRethrown(const Stmt *S,
                            llvm::SmallPtrSetImpl<const ValueDecl *> &Out) {
  if (!S)
    return;
  if (const auto *Call = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      if (Callee->getIdentifier() && Callee->getName() == "rethrow_exception" &&
          Call->getNumArgs() == 1)
        if (const auto *Ref =
                dyn_cast<DeclRefExpr>(Call->getArg(0)->IgnoreParenImpCasts()))
          Out.insert(Ref->getDecl());
  for (const Stmt *Child : S->children())
    collectRethrown(Child, Out);
}

// Whether the statement \p Next, reached when a loop of attempts ran out,
// reports the failure: a throw or noreturn call, an error value returned, or
// an error logged.
static bool reportsExhaustedAttempts(const Stmt *Next, ASTContext &Ctx) {
  if (!Next)
    return false;
  if (const auto *Return = dyn_cast<ReturnStmt>(Next))
    return Return->getRetValue() && isErrorValue(Return->getRetValue());
  if (alwaysLeaves(Next) && !isa<BreakStmt, ContinueStmt>(Next))
    return true;
  return reportsError(Next, Ctx.getSourceManager(), Ctx.getLangOpts());
}

// Whether \p Try is the last statement of the body of a loop with a bound
// (a condition that is not constantly true) and the statement after that
// loop reports that the attempts ran out: the handler retries, and a failure
// that persists is reported (libpqxx's in-doubt check swallows
// `broken_connection` while it reconnects, then throws `in_doubt_error`).
static bool endsBoundedRetryThatReportsFailure(const CXXTryStmt &Try,
                                               ASTContext &Ctx) {
  auto Parents = Ctx.getParents(Try);
  if (Parents.size() != 1)
    return false;
  const auto *Body = Parents[0].get<CompoundStmt>();
  if (!Body || Body->body_empty() || Body->body_back() != &Try)
    return false;
  auto LoopParents = Ctx.getParents(*Body);
  if (LoopParents.size() != 1)
    return false;
  const Stmt *Loop = LoopParents[0].get<Stmt>();
  const Expr *Cond =
      Loop && loopBody(*Loop) == Body ? loopCondition(*Loop) : nullptr;
  if (!Cond || Cond->isValueDependent())
    return false;
  bool AlwaysTrue = false;
  if (Cond->EvaluateAsBooleanCondition(AlwaysTrue, Ctx) && AlwaysTrue)
    return false;
  return reportsExhaustedAttempts(nextStatement(*Loop, Ctx, false), Ctx);
}

// Whether \p Block computes a fresh input for each attempt: a local
// initialised from a call (`auto endpoint = base + std::to_string(rand());`).
static bool computesFreshInput(const CompoundStmt &Block) {
  for (const Stmt *S : Block.body())
    if (const auto *Decls = dyn_cast<DeclStmt>(S))
      for (const Decl *D : Decls->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D);
            Var && Var->getInit() &&
            !match(expr(anyOf(callExpr(), hasDescendant(callExpr()))),
                   *Var->getInit(), Var->getASTContext())
                 .empty())
          return true;
  return false;
}

// Whether the try statement ends an endless loop whose try block computes a
// fresh input and leaves the loop once it succeeds (`for (;;) { try { auto
// ep = random_endpoint(); bind(ep); return ep; } catch (const taken &) {}
// }`, zmqpp's actor::bind_parent): a failure leads to a different attempt,
// the loop ends only on success. Not a swallow. Retrying the same call with
// the same input forever still is.
static bool retriesUntilSuccess(const CXXTryStmt &Try, ASTContext &Ctx) {
  auto Parents = Ctx.getParents(Try);
  if (Parents.size() != 1)
    return false;
  const auto *Body = Parents[0].get<CompoundStmt>();
  if (!Body || Body->body_empty() || Body->body_back() != &Try ||
      !alwaysLeaves(Try.getTryBlock()) ||
      !computesFreshInput(*Try.getTryBlock()))
    return false;
  auto LoopParents = Ctx.getParents(*Body);
  if (LoopParents.size() != 1)
    return false;
  const Stmt *Loop = LoopParents[0].get<Stmt>();
  if (!Loop || !isa<WhileStmt, ForStmt, DoStmt>(Loop) ||
      loopBody(*Loop) != Body)
    return false;
  const Expr *Cond = loopCondition(*Loop);
  if (!Cond)
    return isa<ForStmt>(Loop); // for (;;)
  bool AlwaysTrue = false;
  return !Cond->isValueDependent() &&
         Cond->EvaluateAsBooleanCondition(AlwaysTrue, Ctx) && AlwaysTrue;
}

// Whether a member the try block sets (`is_content_length = true;`) is
// tested by another member function of the class, or by a loop around the
// try: the member records whether the step succeeded (cpp-netlib's
// protocol handler falls back to reading until EOF).
static bool
testsMemberElsewhere(const CXXTryStmt &Try,
                     const llvm::SmallPtrSetImpl<const ValueDecl *> &Assigned,
                     ASTContext &Ctx) {
  llvm::SmallPtrSet<const ValueDecl *, 4> Fields;
  for (const ValueDecl *D : Assigned)
    if (isa<FieldDecl>(D))
      Fields.insert(D);
  if (Fields.empty())
    return false;
  DynTypedNodeList Parents = Ctx.getParents(Try);
  while (!Parents.empty()) {
    const DynTypedNode &Parent = Parents[0];
    if (const auto *Loop = Parent.get<Stmt>();
        Loop && isa<WhileStmt, ForStmt, DoStmt, CXXForRangeStmt>(Loop) &&
        tests(loopCondition(*Loop), Fields))
      return true;
    if (const auto *Method = Parent.get<CXXMethodDecl>()) {
      for (const CXXMethodDecl *Other : Method->getParent()->methods()) {
        const FunctionDecl *Def = Other->getDefinition();
        if (Other == Method || !Def || !Def->getBody())
          continue;
        if (tests(Def->getBody(), Fields))
          return true;
      }
      return false;
    }
    if (Parent.get<FunctionDecl>() || Parent.get<LambdaExpr>())
      return false;
    Parents = Ctx.getParents(Parent);
  }
  return false;
}

// Whether the failure an empty handler of \p Try drops is captured outside
// the handler (RULES.md, revision of 2026-12-01): a variable or field the
// try block assigns (`ok = true;`, `result = parse(s);`) is read after the
// try statement, or the statement right after it takes a fallback path --
// returns an error value, throws, reports an error, or, when the try block
// itself always leaves on success, does anything but discard.
static bool failureCapturedOutside(const CXXTryStmt &Try, ASTContext &Ctx) {
  auto Parents = Ctx.getParents(Try);
  if (Parents.size() != 1)
    return false;
  const auto *Block = Parents[0].get<CompoundStmt>();
  if (!Block)
    return false;
  const auto *It = llvm::find(Block->body(), &Try);
  if (It == Block->body_end())
    return false;
  ++It;
  llvm::ArrayRef<const Stmt *> After(It, Block->body_end());

  llvm::SmallPtrSet<const ValueDecl *, 4> Assigned;
  collectAssigned(Try.getTryBlock(), Assigned);
  // Locals of the try block are gone after it.
  if (!Assigned.empty() &&
      llvm::any_of(After, [&](const Stmt *S) { return tests(S, Assigned); }))
    return true;
  if (testsMemberElsewhere(Try, Assigned, Ctx))
    return true;

  // `try { std::rethrow_exception(err); } catch (...) {}` followed by code
  // that passes `err` on: the error is handled after the try.
  llvm::SmallPtrSet<const ValueDecl *, 2> Rethrown;
  collectRethrown(Try.getTryBlock(), Rethrown);
  if (!Rethrown.empty() &&
      llvm::any_of(After, [&](const Stmt *S) { return mentions(S, Rethrown); }))
    return true;

  if (endsBoundedRetryThatReportsFailure(Try, Ctx) ||
      retriesUntilSuccess(Try, Ctx))
    return true;

  // The statement right after the try tests the state of an object the try
  // block worked on (`try { c.connect(); } catch (...) {}
  // if (!c.is_connected()) ...`): the failure is observed there.
  llvm::SmallPtrSet<const ValueDecl *, 4> Called;
  collectCalledObjects(Try.getTryBlock(), Called);
  if (!After.empty() && !Called.empty())
    if (const auto *If = dyn_cast<IfStmt>(After.front());
        If && If->getCond() && mentions(If->getCond(), Called))
      return true;

  // Reached only by an exception: the code after the try is the handler.
  bool OnlyOnFailure = alwaysLeaves(Try.getTryBlock());
  const Stmt *Next = nextStatement(Try, Ctx, /*ThroughLoops=*/OnlyOnFailure);
  if (!Next)
    return false;
  if (const auto *Return = dyn_cast<ReturnStmt>(Next)) {
    const Expr *Value = Return->getRetValue();
    if (!Value)
      return false;
    if (OnlyOnFailure) {
      const auto *Bool = dyn_cast<CXXBoolLiteralExpr>(stripReturned(Value));
      return !Bool || !Bool->getValue(); // `return true;` hides the failure
    }
    return isErrorValue(Value);
  }
  if (alwaysLeaves(Next) && !isa<BreakStmt, ContinueStmt>(Next))
    return true; // a throw, or a noreturn call
  if (reportsError(Next, Ctx.getSourceManager(), Ctx.getLangOpts()))
    return true;
  return OnlyOnFailure && !discardsError(Next);
}

// The lambda whose body holds \p S, if S is in one.
static const LambdaExpr *enclosingLambda(const Stmt &S, ASTContext &Ctx) {
  DynTypedNodeList Parents = Ctx.getParents(S);
  while (!Parents.empty()) {
    const DynTypedNode &Parent = Parents[0];
    if (const auto *Lambda = Parent.get<LambdaExpr>())
      return Lambda;
    // The body's parent may be the lambda's call operator, whose class's
    // parent is the lambda expression.
    if (const auto *Method = Parent.get<CXXMethodDecl>();
        !Method || !Method->getParent()->isLambda())
      if (Parent.get<FunctionDecl>() || Parent.get<BlockDecl>())
        return nullptr;
    Parents = Ctx.getParents(Parent);
  }
  return nullptr;
}

// The `.then(...)` call that \p Lambda is the continuation of.
static const CXXMemberCallExpr *continuationCall(const LambdaExpr &Lambda,
                                                 ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(Lambda);
  for (int Depth = 0; Depth < 8; ++Depth) {
    auto Parents = Ctx.getParents(Node);
    if (Parents.size() != 1)
      return nullptr;
    Node = Parents[0];
    if (const auto *Call = Node.get<CXXMemberCallExpr>()) {
      const CXXMethodDecl *Method = Call->getMethodDecl();
      return Method && Method->getIdentifier() && Method->getName() == "then"
                 ? Call
                 : nullptr;
    }
    if (!Node.get<Expr>())
      return nullptr;
  }
  return nullptr;
}

// Whether \p Try only observes the antecedent task of a continuation whose
// exception reaches someone else anyway (cpprestsdk's PPLX idiom:
// `t.then([](task<void> p) { try { p.get(); } catch (...) {} })` marks the
// exception observed). It reaches the caller when the antecedent task is
// returned by the function that attaches the continuation, or when the task
// was made from a task_completion_event, whose other tasks deliver it.
static bool observesDeliveredTask(const CXXTryStmt &Try, ASTContext &Ctx) {
  const auto *Block = dyn_cast<CompoundStmt>(Try.getTryBlock());
  if (!Block || Block->body_empty())
    return false;
  for (const Stmt *S : Block->body()) {
    const auto *E = dyn_cast<Expr>(S);
    const auto *Call =
        E ? dyn_cast<CXXMemberCallExpr>(E->IgnoreImplicit()) : nullptr;
    if (!Call || !Call->getMethodDecl() ||
        !Call->getMethodDecl()->getIdentifier())
      return false;
    StringRef Name = Call->getMethodDecl()->getName();
    const auto *Object = dyn_cast<DeclRefExpr>(
        Call->getImplicitObjectArgument()->IgnoreParenImpCasts());
    if ((Name != "get" && Name != "wait") || !Object ||
        !isa<ParmVarDecl>(Object->getDecl()))
      return false;
  }
  const LambdaExpr *Lambda = enclosingLambda(Try, Ctx);
  if (!Lambda)
    return false;
  const CXXMemberCallExpr *Then = continuationCall(*Lambda, Ctx);
  if (!Then)
    return false;
  const Expr *Antecedent = Then->getImplicitObjectArgument()->IgnoreImplicit();
  if (const auto *Make = dyn_cast<CallExpr>(Antecedent->IgnoreParenImpCasts());
      Make && Make->getNumArgs() == 1 && Make->getDirectCallee() &&
      Make->getDirectCallee()->getIdentifier() &&
      Make->getDirectCallee()->getName() == "create_task")
    if (const CXXRecordDecl *Event =
            Make->getArg(0)->getType()->getAsCXXRecordDecl())
      if (Event->getIdentifier() &&
          Event->getName().contains("completion_event"))
        return true;
  const auto *Ref = dyn_cast<DeclRefExpr>(Antecedent->IgnoreParenImpCasts());
  const auto *Task = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Task)
    return false;
  // The function (or lambda) that attaches the continuation.
  const Stmt *Body = nullptr;
  if (const LambdaExpr *Outer = enclosingLambda(*Then, Ctx))
    Body = Outer->getBody();
  else if (const auto *FD = dyn_cast_or_null<FunctionDecl>(
               Task->getParentFunctionOrMethod()))
    Body = FD->getBody();
  struct ReturnFinder : RecursiveASTVisitor<ReturnFinder> {
    const VarDecl *Task;
    bool Found = false;
    bool TraverseLambdaExpr(LambdaExpr *) { return true; }
    bool VisitReturnStmt(ReturnStmt *Return) {
      const Expr *Value = stripValue(Return->getRetValue());
      // `return task;` copies or moves the task out.
      if (const auto *Copy = dyn_cast_or_null<CXXConstructExpr>(Value);
          Copy && Copy->getNumArgs() == 1 &&
          Copy->getConstructor()->isCopyOrMoveConstructor())
        Value = stripValue(Copy->getArg(0));
      if (const auto *R = dyn_cast_or_null<DeclRefExpr>(Value))
        Found |= R->getDecl() == Task;
      return !Found;
    }
  } Finder;
  Finder.Task = Task;
  if (Body)
    Finder.TraverseStmt(const_cast<Stmt *>(Body));
  return Finder.Found;
}

// Whether \p Try only rethrows a nested exception
// (`try { std::rethrow_if_nested(e); } catch (...) {}`): the walk over an
// exception's nested chain ends at one it cannot describe; the outer
// exception is what is being reported.
static bool endsNestedExceptionWalk(const CXXTryStmt &Try) {
  const auto *Block = dyn_cast<CompoundStmt>(Try.getTryBlock());
  if (!Block || Block->size() != 1 || !isa<Expr>(Block->body_front()))
    return false;
  const auto *Call =
      dyn_cast<CallExpr>(cast<Expr>(Block->body_front())->IgnoreImplicit());
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  return Callee && Callee->isInStdNamespace() && Callee->getIdentifier() &&
         Callee->getName() == "rethrow_if_nested";
}

// The name a call is made through: the callee's, or for a callable object
// (`cfg.log_error(msg)`, `sink(msg)`), the object's.
static StringRef callName(const CallExpr &Call) {
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&Call);
      Op && Op->getOperator() == OO_Call && Op->getNumArgs() > 0) {
    const Expr *Object = Op->getArg(0)->IgnoreParenImpCasts();
    if (const auto *Member = dyn_cast<MemberExpr>(Object))
      return identifierOf(Member->getMemberDecl());
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Object))
      return identifierOf(Ref->getDecl());
    // `config.get_log_callback()(msg)`: the getter names the callable.
    if (const auto *Getter = dyn_cast<CallExpr>(stripValue(Object)))
      return identifierOf(Getter->getDirectCallee());
    return "";
  }
  return identifierOf(Call.getDirectCallee());
}

// Whether every statement of \p Try's block only logs
// (`try { cfg.log_error(msg); } catch (...) {}`): a failing logger has
// nowhere left to report its own failure, and must not take its caller down.
static bool onlyLogs(const CXXTryStmt &Try) {
  const auto *Block = dyn_cast<CompoundStmt>(Try.getTryBlock());
  if (!Block || Block->body_empty())
    return false;
  return llvm::all_of(Block->body(), [](const Stmt *S) {
    const auto *E = dyn_cast<Expr>(S);
    const auto *Call =
        E ? dyn_cast<CallExpr>(stripFullValue(E)->IgnoreImplicit()) : nullptr;
    if (!Call)
      return false;
    if (isLoggingCall(Call, LogNameMatch::WholeName))
      return true;
    StringRef Name = callName(*Call);
    return !Name.empty() &&
           (namesLogger(Name) || Name.starts_with_insensitive("log"));
  });
}

// `try { promise.set_value(v); } catch (const std::future_error &) {}`:
// the promise was already satisfied, which is what a signal that may be
// raised twice expects.
static bool ignoresPromiseAlreadySatisfied(const CXXTryStmt &Try,
                                           const CXXCatchStmt &Catch) {
  QualType Caught = Catch.getCaughtType();
  const CXXRecordDecl *Record =
      Caught.isNull() ? nullptr
                      : Caught.getNonReferenceType()->getAsCXXRecordDecl();
  if (!Record || !Record->isInStdNamespace() || !Record->getIdentifier() ||
      Record->getName() != "future_error")
    return false;
  const auto *Block = dyn_cast<CompoundStmt>(Try.getTryBlock());
  return Block && !Block->body_empty() &&
         llvm::all_of(Block->body(), [](const Stmt *S) {
           const auto *E = dyn_cast<Expr>(S);
           const auto *Call = E ? dyn_cast<CXXMemberCallExpr>(
                                      stripFullValue(E)->IgnoreImplicit())
                                : nullptr;
           StringRef Name =
               Call ? identifierOf(Call->getMethodDecl()) : StringRef();
           return Name == "set_value" || Name == "set_exception" ||
                  Name == "set_value_at_thread_exit";
         });
}

bool SwallowedExceptionCheck::isAllowedType(const CXXCatchStmt &Catch) const {
  if (AllowedExceptionTypes.empty())
    return false;
  QualType Caught = Catch.getCaughtType();
  if (Caught.isNull())
    return llvm::is_contained(AllowedExceptionTypes, "...");
  Caught = Caught.getNonReferenceType().getUnqualifiedType();
  if (const auto *Pointer = Caught->getAs<PointerType>())
    Caught = Pointer->getPointeeType().getUnqualifiedType();
  if (const auto *Record = Caught->getAsCXXRecordDecl())
    return matchesAnyName(qualifiedName(*Record), AllowedExceptionTypes);
  return llvm::is_contained(AllowedExceptionTypes, Caught.getAsString());
}

// Whether \p S sits inside the handler of another catch: the code is
// already handling a failure, and an empty handler there only keeps a
// failure to report or clean up from replacing the original error
// (`catch (std::exception &e) { try { log(e.what()); } catch (...) {} }`).
// Whether \p S is in a destructor's own body (not a lambda in it): a
// destructor must not throw, and an empty handler around its teardown
// (`~Listener() { try { close().wait(); } catch (...) {} }`) is the idiom
// that keeps it from doing so.
static bool insideDestructor(const Stmt &S, ASTContext &Context) {
  DynTypedNodeList Parents = Context.getParents(S);
  while (!Parents.empty()) {
    const DynTypedNode &Parent = Parents[0];
    if (Parent.get<LambdaExpr>() || Parent.get<BlockDecl>())
      return false;
    if (const auto *FD = Parent.get<FunctionDecl>())
      return isa<CXXDestructorDecl>(FD);
    Parents = Context.getParents(Parent);
  }
  return false;
}

static bool insideAnotherHandler(const Stmt &S, ASTContext &Context) {
  DynTypedNodeList Parents = Context.getParents(S);
  while (!Parents.empty()) {
    const DynTypedNode &Parent = Parents[0];
    if (Parent.get<CXXCatchStmt>())
      return true;
    if (Parent.get<FunctionDecl>() || Parent.get<LambdaExpr>() ||
        Parent.get<BlockDecl>())
      return false;
    Parents = Context.getParents(Parent);
  }
  return false;
}

// Whether the handler's spelling calls something that the preprocessor
// removed: `catch (...) { LOG_WARN("retrying"); }` with logging compiled out
// by default is handled in the builds that log.
static bool spellsCompiledOutCall(const Stmt &Handler, const SourceManager &SM,
                                  const LangOptions &LangOpts) {
  const auto *Block = dyn_cast<CompoundStmt>(&Handler);
  if (!Block || Block->getLBracLoc().isMacroID() ||
      Block->getRBracLoc().isMacroID() ||
      !llvm::all_of(Block->body(),
                    [](const Stmt *S) { return isa<NullStmt>(S); }))
    return false;
  Token Tok;
  SourceLocation Loc = Block->getLBracLoc().getLocWithOffset(1);
  bool PreviousIsIdentifier = false;
  while (SM.isBeforeInTranslationUnit(Loc, Block->getRBracLoc())) {
    if (Lexer::getRawToken(Loc, Tok, SM, LangOpts, /*IgnoreWhiteSpace=*/true))
      return false;
    if (Tok.is(tok::l_paren) && PreviousIsIdentifier)
      return true;
    PreviousIsIdentifier = Tok.is(tok::raw_identifier);
    Loc = Tok.getEndLoc();
  }
  return false;
}

// Whether the caught type signals the end of the input (`TEOFException`,
// `EOFException`, `end_of_file`, `EndOfStream`): reading stops there by
// design, it is not a failure (thrift's TFileProcessor::processChunk).
static bool signalsEndOfInput(const CXXCatchStmt &Catch) {
  QualType Caught = Catch.getCaughtType();
  if (Caught.isNull())
    return false;
  const auto *Record = Caught.getNonReferenceType()->getAsCXXRecordDecl();
  if (!Record || !Record->getIdentifier())
    return false;
  StringRef Name = Record->getName();
  return Name.contains("EOF") || Name.contains("Eof") ||
         Name.contains_insensitive("endoffile") ||
         Name.contains_insensitive("end_of_file") ||
         Name.contains_insensitive("endofstream") ||
         Name.contains_insensitive("end_of_stream");
}

void SwallowedExceptionCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Catch = Result.Nodes.getNodeAs<CXXCatchStmt>("catch");
  const Stmt *Handler = Catch->getHandlerBlock();
  if (!Handler || !discardsError(Handler) || isAllowedType(*Catch) ||
      signalsEndOfInput(*Catch))
    return;
  if (spellsCompiledOutCall(*Handler, *Result.SourceManager,
                            Result.Context->getLangOpts()))
    return;
  auto Parents = Result.Context->getParents(*Catch);
  if (Parents.size() == 1)
    if (const auto *Try = Parents[0].get<CXXTryStmt>())
      if (failureCapturedOutside(*Try, *Result.Context) ||
          insideAnotherHandler(*Try, *Result.Context) ||
          insideDestructor(*Try, *Result.Context) ||
          observesDeliveredTask(*Try, *Result.Context) ||
          endsNestedExceptionWalk(*Try) || onlyLogs(*Try) ||
          ignoresPromiseAlreadySatisfied(*Try, *Catch))
        return;
  const SourceManager &SM = *Result.SourceManager;
  // A handler in a template is seen in the pattern and in every
  // instantiation (which may share its nodes); report it once.
  if (!Reported.insert(Catch->getCatchLoc()).second)
    return;
  std::string What = "exception";
  if (const VarDecl *Var = Catch->getExceptionDecl())
    What = "'" +
           Var->getType()
               .getNonReferenceType()
               .getCanonicalType()
               .getUnqualifiedType()
               .getAsString(Result.Context->getPrintingPolicy()) +
           "'";
  else
    What = "every exception ('...')";
  diag(reportLocation(Catch->getCatchLoc(), SM),
       "%0 is caught and silently discarded, so the failure vanishes in "
       "production without a log, metric or error result; log it, rethrow it, "
       "or translate it into an error value")
      << What;
}

} // namespace prodready
