//===--- ValueHolderModel.cpp - dataflow model of value holders -----------===//

#include "ValueHolderModel.h"
#include "CheckUtils.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Analysis/FlowSensitive/StorageLocation.h"
#include "clang/Analysis/FlowSensitive/Value.h"

using namespace clang;
using namespace clang::dataflow;
using namespace clang::ast_matchers;

namespace prodready {

static constexpr llvm::StringLiteral HasValueField = "has_value";
using State = TransferState<NoopLattice>;

HolderKind holderKind(const CXXRecordDecl *RD) {
  if (!RD || !RD->getIdentifier())
    return HolderKind::None;
  StringRef Name = RD->getName();
  if (Name != "expected" && Name != "Expected" && Name != "StatusOr" &&
      Name != "optional")
    return HolderKind::None;
  std::string Q = qualifiedName(*RD);
  if (Q == "std::expected" || Q == "tl::expected" || Q == "folly::Expected")
    return HolderKind::Expected;
  if (Q == "absl::StatusOr")
    return HolderKind::StatusOr;
  if (Q == "boost::optional")
    return HolderKind::BoostOptional;
  return HolderKind::None;
}

namespace {
AST_MATCHER(CXXRecordDecl, isValueHolder) {
  return holderKind(&Node) != HolderKind::None;
}
} // namespace

DeclarationMatcher valueHolderClass() { return cxxRecordDecl(isValueHolder()); }

static HolderKind holderKind(QualType T) {
  if (T.isNull())
    return HolderKind::None;
  return holderKind(T.getNonReferenceType()->getAsCXXRecordDecl());
}

// The "has_value" field of \p Loc, or null when \p Loc is not a holder.
static StorageLocation *hasValueLoc(const RecordStorageLocation *Loc) {
  if (!Loc)
    return nullptr;
  for (const auto &Entry : Loc->synthetic_fields())
    if (Entry.getKey() == HasValueField)
      return Entry.getValue();
  return nullptr;
}

static BoolValue *getHasValue(RecordStorageLocation *Loc, Environment &Env) {
  StorageLocation *Field = hasValueLoc(Loc);
  if (!Field)
    return nullptr;
  auto *HV = Env.get<BoolValue>(*Field);
  if (!HV) {
    HV = &Env.makeAtomicBoolValue();
    Env.setValue(*Field, *HV);
  }
  return HV;
}

static void setHasValue(RecordStorageLocation *Loc, BoolValue &HV,
                        Environment &Env) {
  if (StorageLocation *Field = hasValueLoc(Loc))
    Env.setValue(*Field, HV);
}

static RecordStorageLocation *recordLoc(const Expr *E, const Environment &Env) {
  if (!E)
    return nullptr;
  if (E->isPRValue()) {
    if (!E->getType()->isRecordType())
      return nullptr;
    return &Env.getResultObjectLocation(*E);
  }
  return Env.get<RecordStorageLocation>(*E);
}

// What initialising or assigning a holder of kind \p Kind from \p Arg means
// for its has_value: a known value, a copy of another holder's, or unknown.
static BoolValue *hasValueFrom(HolderKind Kind, const Expr *Arg,
                               Environment &Env) {
  QualType T = Arg->getType().getNonReferenceType();
  if (const CXXRecordDecl *RD = T->getAsCXXRecordDecl()) {
    StringRef Name = RD->getIdentifier() ? RD->getName() : "";
    if (Name == "nullopt_t" || Name == "none_t" || Name == "unexpected" ||
        Name == "Unexpected" || Name == "unexpect_t")
      return &Env.getBoolLiteralValue(false);
    if (Name == "in_place_t")
      return &Env.getBoolLiteralValue(true);
    if (Kind == HolderKind::StatusOr && qualifiedName(*RD) == "absl::Status")
      return nullptr; // An error status, or a misuse with OkStatus().
    if (holderKind(RD) != HolderKind::None)
      return getHasValue(recordLoc(Arg, Env), Env);
  }
  return &Env.getBoolLiteralValue(true);
}

static void transferConstruct(const CXXConstructExpr *E,
                              const MatchFinder::MatchResult &, State &S) {
  const CXXConstructorDecl *Ctor = E->getConstructor();
  if (Ctor->isCopyOrMoveConstructor())
    return; // The built-in transfer copies the record with its fields.
  HolderKind Kind = holderKind(E->getType());
  BoolValue *HV = nullptr;
  if (E->getNumArgs() == 0)
    HV = &S.Env.getBoolLiteralValue(Kind == HolderKind::Expected);
  else
    HV = hasValueFrom(Kind, E->getArg(0), S.Env);
  if (!HV)
    HV = &S.Env.makeAtomicBoolValue();
  setHasValue(&S.Env.getResultObjectLocation(*E), *HV, S.Env);
}

static void transferAssign(const CXXOperatorCallExpr *E,
                           const MatchFinder::MatchResult &, State &S) {
  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(E->getDirectCallee());
  if (!Method || Method->isCopyAssignmentOperator() ||
      Method->isMoveAssignmentOperator() || E->getNumArgs() != 2)
    return;
  RecordStorageLocation *Loc = recordLoc(E->getArg(0), S.Env);
  BoolValue *HV =
      hasValueFrom(holderKind(E->getArg(0)->getType()), E->getArg(1), S.Env);
  if (!HV)
    HV = &S.Env.makeAtomicBoolValue();
  setHasValue(Loc, *HV, S.Env);
  if (Loc && !E->isPRValue())
    S.Env.setStorageLocation(*E, *Loc);
}

static void transferCheck(const CXXMemberCallExpr *E,
                          const MatchFinder::MatchResult &, State &S) {
  if (BoolValue *HV =
          getHasValue(getImplicitObjectLocation(*E, S.Env), S.Env)) {
    StringRef Name = E->getMethodDecl()->getIdentifier()
                         ? E->getMethodDecl()->getName()
                         : "";
    S.Env.setValue(*E, Name == "hasError" ? S.Env.makeNot(*HV) : *HV);
  }
}

static void transferStatusOk(const CXXMemberCallExpr *E,
                             const MatchFinder::MatchResult &Result, State &S) {
  const auto *Inner = Result.Nodes.getNodeAs<CXXMemberCallExpr>("status");
  if (BoolValue *HV =
          getHasValue(getImplicitObjectLocation(*Inner, S.Env), S.Env))
    S.Env.setValue(*E, *HV);
}

static void transferNot(const CXXOperatorCallExpr *E,
                        const MatchFinder::MatchResult &, State &S) {
  if (BoolValue *HV = getHasValue(recordLoc(E->getArg(0), S.Env), S.Env))
    S.Env.setValue(*E, S.Env.makeNot(*HV));
}

static void transferCompareNone(const CXXOperatorCallExpr *E,
                                const MatchFinder::MatchResult &, State &S) {
  const Expr *Holder = holderKind(E->getArg(0)->getType()) != HolderKind::None
                           ? E->getArg(0)
                           : E->getArg(1);
  if (BoolValue *HV = getHasValue(recordLoc(Holder, S.Env), S.Env))
    S.Env.setValue(*E, E->getOperator() == OO_EqualEqual ? S.Env.makeNot(*HV)
                                                         : *HV);
}

static void transferSet(const CXXMemberCallExpr *E,
                        const MatchFinder::MatchResult &, State &S) {
  bool Value = E->getMethodDecl()->getName() == "emplace";
  setHasValue(getImplicitObjectLocation(*E, S.Env),
              S.Env.getBoolLiteralValue(Value), S.Env);
}

static auto holderMethod(ast_matchers::internal::Matcher<CXXMethodDecl> M) {
  return cxxMethodDecl(M, ofClass(valueHolderClass()));
}

static auto noneType() {
  return hasType(hasUnqualifiedDesugaredType(recordType(hasDeclaration(
      cxxRecordDecl(hasAnyName("boost::none_t", "std::nullopt_t"))))));
}

ValueHolderModel::ValueHolderModel(ASTContext &Ctx, Environment &Env)
    : DataflowAnalysis<ValueHolderModel, NoopLattice>(Ctx),
      TransferMatchSwitch(
          CFGMatchSwitchBuilder<State>()
              .CaseOfCFGStmt<CXXConstructExpr>(
                  cxxConstructExpr(hasType(valueHolderClass())),
                  transferConstruct)
              .CaseOfCFGStmt<CXXOperatorCallExpr>(
                  cxxOperatorCallExpr(hasOverloadedOperatorName("="),
                                      callee(holderMethod(anything()))),
                  transferAssign)
              .CaseOfCFGStmt<CXXMemberCallExpr>(
                  cxxMemberCallExpr(callee(holderMethod(
                      anyOf(hasAnyName("has_value", "hasValue", "hasError",
                                       "ok", "is_initialized"),
                            cxxConversionDecl())))),
                  transferCheck)
              // boost::optional declares is_initialized() in its base
              // optional_base, called through a derived-to-base cast.
              .CaseOfCFGStmt<CXXMemberCallExpr>(
                  cxxMemberCallExpr(
                      callee(cxxMethodDecl(hasName("is_initialized"))),
                      on(hasType(hasUnqualifiedDesugaredType(
                          recordType(hasDeclaration(valueHolderClass())))))),
                  transferCheck)
              .CaseOfCFGStmt<CXXMemberCallExpr>(
                  cxxMemberCallExpr(
                      callee(cxxMethodDecl(hasName("ok"),
                                           ofClass(hasName("::absl::Status")))),
                      on(ignoringImplicit(
                          cxxMemberCallExpr(
                              callee(holderMethod(hasName("status"))))
                              .bind("status")))),
                  transferStatusOk)
              .CaseOfCFGStmt<CXXOperatorCallExpr>(
                  cxxOperatorCallExpr(hasOverloadedOperatorName("!"),
                                      callee(holderMethod(anything()))),
                  transferNot)
              .CaseOfCFGStmt<CXXOperatorCallExpr>(
                  cxxOperatorCallExpr(
                      hasAnyOverloadedOperatorName("==", "!="),
                      argumentCountIs(2),
                      hasEitherOperand(hasType(hasUnqualifiedDesugaredType(
                          recordType(hasDeclaration(valueHolderClass()))))),
                      hasEitherOperand(ignoringImplicit(expr(noneType())))),
                  transferCompareNone)
              .CaseOfCFGStmt<CXXMemberCallExpr>(
                  cxxMemberCallExpr(
                      callee(holderMethod(hasAnyName("emplace", "reset")))),
                  transferSet)
              .Build()) {
  ASTContext *Context = &Ctx;
  Env.getDataflowAnalysisContext().setSyntheticFieldCallback(
      [Context](QualType Ty) -> llvm::StringMap<QualType> {
        if (holderKind(Ty->getAsCXXRecordDecl()) == HolderKind::None)
          return {};
        return {{HasValueField, Context->BoolTy}};
      });
}

void ValueHolderModel::transfer(const CFGElement &Elt, NoopLattice &L,
                                Environment &Env) {
  State S(L, Env);
  TransferMatchSwitch(Elt, getASTContext(), S);
}

static llvm::SmallVector<SourceLocation>
diagnoseAccess(const Expr *Object, RecordStorageLocation *Loc,
               const Environment &Env) {
  StorageLocation *Field = hasValueLoc(Loc);
  if (!Field)
    return {}; // Not modelled: stay quiet rather than guess.
  auto *HV = Env.get<BoolValue>(*Field);
  if (HV && Env.proves(HV->formula()))
    return {};
  return {Object->getBeginLoc()};
}

ValueHolderDiagnoser::ValueHolderDiagnoser()
    : DiagnoseMatchSwitch(
          CFGMatchSwitchBuilder<const Environment,
                                llvm::SmallVector<SourceLocation>>()
              .CaseOfCFGStmt<CXXMemberCallExpr>(
                  cxxMemberCallExpr(
                      callee(holderMethod(hasAnyName("value", "get")))),
                  [](const CXXMemberCallExpr *E,
                     const MatchFinder::MatchResult &, const Environment &Env) {
                    return diagnoseAccess(E->getImplicitObjectArgument(),
                                          getImplicitObjectLocation(*E, Env),
                                          Env);
                  })
              .CaseOfCFGStmt<CXXOperatorCallExpr>(
                  cxxOperatorCallExpr(hasAnyOverloadedOperatorName("*", "->"),
                                      callee(holderMethod(anything()))),
                  [](const CXXOperatorCallExpr *E,
                     const MatchFinder::MatchResult &, const Environment &Env) {
                    return diagnoseAccess(E->getArg(0),
                                          recordLoc(E->getArg(0), Env), Env);
                  })
              .Build()) {}

} // namespace prodready
