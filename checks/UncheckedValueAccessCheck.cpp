//===--- UncheckedValueAccessCheck.cpp - prodready ------------------------===//

#include "UncheckedValueAccessCheck.h"
#include "CheckUtils.h"
#include "DataflowSlice.h"
#include "GuardedAccess.h"
#include "Statistics.h"
#include "ValueHolderModel.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/QualTypeNames.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Analysis/FlowSensitive/DataflowAnalysis.h"
#include "clang/Analysis/FlowSensitive/Models/UncheckedOptionalAccessModel.h"
#include "llvm/ADT/DenseMap.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace clang::dataflow;

namespace prodready {

// Budget per function and model; a function that exceeds it is skipped.
static constexpr std::int64_t MaxSATIterations = 20'000'000;
static constexpr std::int32_t MaxBlockVisits = 20'000;

static auto accessOn(DeclarationMatcher Class) {
  return expr(
      anyOf(cxxMemberCallExpr(callee(
                cxxMethodDecl(hasAnyName("value", "get"), ofClass(Class)))),
            cxxOperatorCallExpr(hasAnyOverloadedOperatorName("*", "->"),
                                callee(cxxMethodDecl(ofClass(Class))))));
}

static auto anyAccess() {
  return expr(anyOf(accessOn(UncheckedOptionalAccessModel::optionalClassDecl()),
                    accessOn(valueHolderClass())))
      .bind("access");
}

void UncheckedValueAccessCheck::registerMatchers(MatchFinder *Finder) {
  auto HasAccess = hasDescendant(anyAccess());
  Finder->addMatcher(
      functionDecl(
          isDefinition(), unless(isExpansionInSystemHeader()),
          anyOf(hasBody(HasAccess),
                cxxConstructorDecl(hasAnyConstructorInitializer(
                    withInitializer(expr(anyOf(anyAccess(), HasAccess)))))))
          .bind("func"),
      this);
}

// PRODREADY_DEBUG_DATAFLOW: print why functions are skipped, and verify the
// syntactic proof and the slice against the full analysis.
static bool debugDataflow() {
  static const bool Debug = getenv("PRODREADY_DEBUG_DATAFLOW");
  return Debug;
}

// The object an access reads: `v` in `v.value()`, `*v`, `v->m`.
static const Expr *accessedObject(const Expr *Access) {
  return isa<CXXMemberCallExpr>(Access)
             ? cast<CXXMemberCallExpr>(Access)->getImplicitObjectArgument()
             : cast<CXXOperatorCallExpr>(Access)->getArg(0);
}

// Runs \p Model over \p Body (the function's body or a slice of it, see
// DataflowSlice.h) and appends the locations of the unsafe accesses.
template <typename Model, typename Diagnoser>
static bool runModel(const FunctionDecl &Func, Stmt &Body, ASTContext &Ctx,
                     const llvm::DenseSet<const Stmt *> &Proven,
                     llvm::SmallVectorImpl<SourceLocation> &Out) {
  llvm::Expected<AdornedCFG> CFG = &Body == Func.getBody()
                                       ? AdornedCFG::build(Func)
                                       : AdornedCFG::build(Func, Body, Ctx);
  llvm::Error Err = CFG.takeError();
  WatchedLiteralsSolver Solver(MaxSATIterations);
  DataflowAnalysisContext AnalysisContext(Solver);
  Environment Env(AnalysisContext, Func);
  Model Analysis(Ctx, Env);
  Diagnoser Diag;
  llvm::SmallVector<SourceLocation> Locs;
  CFGEltCallbacksTypeErased Callbacks;
  Callbacks.After = [&](const CFGElement &Elt,
                        const TypeErasedDataflowAnalysisState &State) {
    // A proven access needs no query of the solver.
    if (auto S = Elt.getAs<CFGStmt>(); S && Proven.contains(S->getStmt()))
      return;
    Locs.append(
        Diag(Elt, Ctx,
             TransferStateForDiagnostics<NoopLattice>(
                 llvm::any_cast<const NoopLattice &>(State.Lattice.Value),
                 State.Env)));
  };
  if (!Err)
    Err = runTypeErasedDataflowAnalysis(*CFG, Analysis, Env, Callbacks,
                                        MaxBlockVisits)
              .takeError();
  if (!Err && Solver.reachedLimit())
    Err = llvm::createStringError(llvm::errc::interrupted,
                                  "SAT solver timed out");
  if (Err) {
    if (debugDataflow())
      llvm::errs() << "dataflow skipped " << Func.getNameAsString() << ": "
                   << llvm::toString(std::move(Err)) << "\n";
    else
      llvm::consumeError(std::move(Err));
    return false;
  }
  Out.append(Locs.begin(), Locs.end());
  return true;
}

// Runs the models the function's accesses need over \p Body; false when
// one of them exceeded its budget.
static bool runModels(const FunctionDecl &Func, Stmt &Body, ASTContext &Ctx,
                      bool NeedBuiltin, bool NeedHolder,
                      const llvm::DenseSet<const Stmt *> &Proven,
                      llvm::SmallVectorImpl<SourceLocation> &Out) {
  bool Complete = true;
  if (NeedBuiltin)
    Complete &= runModel<UncheckedOptionalAccessModel,
                         UncheckedOptionalAccessDiagnoser>(Func, Body, Ctx,
                                                           Proven, Out);
  if (NeedHolder)
    Complete &= runModel<ValueHolderModel, ValueHolderDiagnoser>(
        Func, Body, Ctx, Proven, Out);
  return Complete;
}

// With PRODREADY_DEBUG_DATAFLOW set: runs the models over the whole body
// and prints where their verdict differs from the slice's.
static void verifySlice(const FunctionDecl &Func, ASTContext &Ctx,
                        llvm::ArrayRef<SourceLocation> SliceLocs,
                        bool NeedBuiltin, bool NeedHolder) {
  llvm::SmallVector<SourceLocation> Locs;
  bool Complete = runModels(Func, *Func.getBody(), Ctx, NeedBuiltin, NeedHolder,
                            /*Proven=*/{}, Locs);
  llvm::DenseSet<SourceLocation> InSlice(SliceLocs.begin(), SliceLocs.end());
  llvm::DenseSet<SourceLocation> InBody(Locs.begin(), Locs.end());
  const SourceManager &SM = Ctx.getSourceManager();
  for (SourceLocation Loc : InBody)
    if (Complete && !InSlice.contains(Loc))
      llvm::errs() << "slice misses an access the body reports at "
                   << Loc.printToString(SM) << "\n";
  for (SourceLocation Loc : InSlice)
    if (Complete && !InBody.contains(Loc))
      llvm::errs() << "slice reports an access the body does not at "
                   << Loc.printToString(SM) << "\n";
  llvm::errs() << "dataflow slice of " << Func.getNameAsString() << " checked"
               << (Complete ? "" : " (body over budget)") << "\n";
}

// Whether \p S holds an expression clang could not compile. clang 19's
// dataflow framework can crash on their recovery expressions (seen in
// Environment::buildResultObjectMap on a ccache unit missing a macro).
static bool containsErrors(const Stmt *S) {
  if (!S)
    return false;
  if (const auto *E = dyn_cast<Expr>(S))
    return E->containsErrors();
  return llvm::any_of(S->children(), containsErrors);
}

// Whether \p Object names a variable captured by the enclosing lambda or a
// member reached through `this`.
static bool capturedObject(const Expr *Object) {
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Object))
    return Ref->refersToEnclosingVariableOrCapture();
  if (const auto *Member = dyn_cast<MemberExpr>(Object)) {
    const Expr *Base = Member->getBase()->IgnoreParenImpCasts();
    return isa<CXXThisExpr>(Base) || capturedObject(Base);
  }
  return false;
}

void UncheckedValueAccessCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Func = Result.Nodes.getNodeAs<FunctionDecl>("func");
  ASTContext &Ctx = *Result.Context;
  if (Func->isTemplated() || Func->isInvalidDecl() || !Func->getBody() ||
      containsErrors(Func->getBody()))
    return;
  const auto *Method = dyn_cast<CXXMethodDecl>(Func);
  bool IsLambda = Method && Method->getParent()->isLambda();

  // The accesses in this function, by the begin location of their object
  // (that is where both models report).
  struct Access {
    const Expr *E;
    bool Builtin;
    bool Guarded;
  };
  llvm::DenseMap<SourceLocation, Access> Accesses;
  bool NeedBuiltin = false, NeedHolder = false;
  // Accesses evidently guarded need no dataflow analysis, whose cost grows
  // faster than the function; only the others pay for it.
  GuardedAccessProver Prover(*Func);
  // With PRODREADY_DEBUG_DATAFLOW set, the dataflow also runs on proven
  // accesses, and any it reports is printed: a check of the proof.
  const bool VerifyProofs = debugDataflow();
  llvm::DenseSet<const Stmt *> Proven;
  llvm::SmallVector<const Stmt *> Unproven;
  auto Collect = [&](const Stmt &S) {
    for (const auto &Node :
         match(findAll(expr(anyOf(
                   accessOn(UncheckedOptionalAccessModel::optionalClassDecl())
                       .bind("builtin"),
                   accessOn(valueHolderClass()).bind("holder")))),
               S, Ctx)) {
      const Expr *E = Node.getNodeAs<Expr>("builtin");
      bool Builtin = E != nullptr;
      if (!E)
        E = Node.getNodeAs<Expr>("holder");
      const Expr *Object = accessedObject(E);
      if (!Object)
        continue;
      bool Guarded = Prover.isGuarded(*E, *Object);
      if (Guarded && !VerifyProofs)
        Proven.insert(E);
      auto [It, Inserted] = Accesses.try_emplace(Object->getBeginLoc(),
                                                 Access{E, Builtin, Guarded});
      if (!Inserted)
        It->second.Guarded &= Guarded;
      if (!Guarded || VerifyProofs) {
        (Builtin ? NeedBuiltin : NeedHolder) = true;
        Unproven.push_back(E);
      }
    }
  };
  Collect(*Func->getBody());
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Func))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->getInit())
        Collect(*Init->getInit());

  if (VerifyProofs)
    llvm::errs() << "accesses proven guarded in " << Func->getNameAsString()
                 << ": "
                 << llvm::count_if(
                        Accesses,
                        [](const auto &A) { return A.second.Guarded; })
                 << " of " << Accesses.size() << "\n";

  // The dataflow analysis needs only the statements that lead to the
  // unproven accesses.
  Stmt *Slice = dataflowSlice(*Func, Unproven, Ctx);
  Stmt &Body = Slice ? *Slice : *Func->getBody();
  llvm::SmallVector<SourceLocation> Locs;
  bool Complete =
      runModels(*Func, Body, Ctx, NeedBuiltin, NeedHolder, Proven, Locs);
  if (VerifyProofs && Slice && Complete)
    verifySlice(*Func, Ctx, Locs, NeedBuiltin, NeedHolder);
  if (!Complete) {
    // The driver reports it in its summary.
    countStatistic("unchecked-value-access.functions-over-dataflow-budget");
  }

  const SourceManager &SM = *Result.SourceManager;
  PrintingPolicy Policy(Ctx.getLangOpts());
  Policy.SuppressInlineNamespace = true;
  Policy.SuppressUnwrittenScope = true;
  // One finding per object and function: later accesses of an object whose
  // first access was already reported share its root cause.
  llvm::sort(Locs, [&SM](SourceLocation A, SourceLocation B) {
    return SM.isBeforeInTranslationUnit(A, B);
  });
  llvm::DenseSet<const Decl *> ReportedObjects;
  for (SourceLocation Loc : Locs) {
    auto Found = Accesses.find(Loc);
    if (Found != Accesses.end()) {
      if (Found->second.Guarded) {
        if (VerifyProofs)
          llvm::errs() << "dataflow reports a proven access at "
                       << Loc.printToString(*Result.SourceManager) << "\n";
        continue;
      }
      const Expr *E = Found->second.E;
      const Expr *Object = accessedObject(E)->IgnoreParenImpCasts();
      const Decl *D = nullptr;
      if (const auto *Ref = dyn_cast<DeclRefExpr>(Object))
        D = Ref->getDecl();
      else if (const auto *Member = dyn_cast<MemberExpr>(Object))
        D = Member->getMemberDecl();
      // In a lambda, a captured object (or a field reached through a
      // captured `this`) was typically checked by the enclosing function,
      // which the per-function analysis cannot see: stay quiet.
      if (IsLambda && capturedObject(Object))
        continue;
      if (D && !ReportedObjects.insert(D).second)
        continue;
    }
    SourceLocation Where = reportLocation(Loc, SM);
    if (Where.isInvalid() || SM.isInSystemHeader(Where) ||
        !Reported.insert(Where.getRawEncoding()).second)
      continue;
    auto It = Accesses.find(Loc);
    std::string Type = "optional value", How = "access";
    if (It != Accesses.end()) {
      const Expr *E = It->second.E;
      const Expr *Object = accessedObject(E);
      QualType T = Object->getType();
      if (T->isPointerType())
        T = T->getPointeeType();
      T = T.getNonReferenceType();
      // `auto x = f();`: name the deduced type, not the placeholder.
      // Name the deduced type of `auto x = f();`, and look through member
      // typedefs of templates such as std::tuple_element<...>::type
      // (structured bindings).
      while (true) {
        if (const auto *Auto = dyn_cast<AutoType>(T.getTypePtr())) {
          T = Auto->getDeducedType();
          continue;
        }
        const auto *Elaborated = dyn_cast<ElaboratedType>(T.getTypePtr());
        const auto *Typedef = dyn_cast<TypedefType>(
            Elaborated ? Elaborated->getNamedType().getTypePtr()
                       : T.getTypePtr());
        if (Typedef &&
            isa<CXXRecordDecl>(Typedef->getDecl()->getDeclContext())) {
          T = Typedef->desugar();
          continue;
        }
        break;
      }
      Type = "'" +
             TypeName::getFullyQualifiedName(
                 T.getNonReferenceType().getUnqualifiedType(), Ctx, Policy) +
             "'";
      if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E))
        How = "." + Call->getMethodDecl()->getNameAsString() + "()";
      else
        How = std::string("operator") +
              getOperatorSpelling(cast<CXXOperatorCallExpr>(E)->getOperator());
    }
    diag(Where,
         "%0 of %1 is not preceded by a check that it holds a value on "
         "every path, so an empty or failed result throws or is undefined "
         "behaviour in production; test it first (has_value(), ok(), "
         "if (x)) or use value_or()")
        << How << Type;
  }
}

} // namespace prodready
