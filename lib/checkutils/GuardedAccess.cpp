//===--- GuardedAccess.cpp - syntactic proof of guarded accesses ----------===//

#include "GuardedAccess.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace prodready {

namespace {

// Looks through the parts of an expression that neither copy nor modify the
// object it names.
const Expr *skipNoOps(const Expr *E) {
  while (true) {
    E = E->IgnoreParens();
    if (const auto *Cast = dyn_cast<ImplicitCastExpr>(E)) {
      CastKind Kind = Cast->getCastKind();
      if (Kind == CK_NoOp || Kind == CK_DerivedToBase ||
          Kind == CK_UncheckedDerivedToBase) {
        E = Cast->getSubExpr();
        continue;
      }
    }
    return E;
  }
}

// The local variable of class type that \p E names, or null.
const VarDecl *namedVariable(const Expr *E) {
  const auto *Ref = dyn_cast<DeclRefExpr>(skipNoOps(E));
  if (!Ref || Ref->refersToEnclosingVariableOrCapture())
    return nullptr;
  const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
  if (!Var || !Var->getType()->isRecordType())
    return nullptr;
  return Var;
}

// Strips what does not change the truth of a condition: parentheses,
// implicit conversions (including `operator bool`'s), cleanups and explicit
// casts to bool.
const Expr *stripCondition(const Expr *E) {
  while (true) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(E)) {
      E = Cleanups->getSubExpr();
      continue;
    }
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E)) {
      if (Cast->getType()->isBooleanType()) {
        E = Cast->getSubExpr();
        continue;
      }
    }
    return E;
  }
}

bool isNoneType(QualType T) {
  const auto *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  return RD && RD->getIdentifier() &&
         (RD->getName() == "nullopt_t" || RD->getName() == "none_t");
}

// A test of one variable: Holds is true when the condition is true exactly
// when the variable holds a value, false when exactly when it is empty.
struct Atom {
  const VarDecl *Var = nullptr;
  bool Holds = true;
};

Atom compareWithNone(BinaryOperatorKind Op, const Expr *LHS, const Expr *RHS) {
  if (Op != BO_EQ && Op != BO_NE)
    return {};
  const VarDecl *Var = nullptr;
  if (isNoneType(RHS->getType()))
    Var = namedVariable(LHS);
  else if (isNoneType(LHS->getType()))
    Var = namedVariable(RHS);
  return {Var, Op == BO_NE};
}

Atom atomOf(const Expr *E) {
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *Method = Call->getMethodDecl();
    if (!Method)
      return {};
    const Expr *Object = Call->getImplicitObjectArgument();
    if (!Object)
      return {};
    if (isa<CXXConversionDecl>(Method))
      return {namedVariable(Object), true};
    if (!Method->getIdentifier())
      return {};
    StringRef Name = Method->getName();
    if (Name == "has_value" || Name == "hasValue" || Name == "is_initialized")
      return {namedVariable(Object), true};
    if (Name == "hasError" || Name == "has_error")
      return {namedVariable(Object), false};
    if (Name == "ok") {
      // `s.ok()` on a StatusOr, or `s.status().ok()`.
      if (const auto *Inner =
              dyn_cast<CXXMemberCallExpr>(skipNoOps(Object)->IgnoreImplicit()))
        if (const CXXMethodDecl *Status = Inner->getMethodDecl())
          if (Status->getIdentifier() && Status->getName() == "status")
            return {namedVariable(Inner->getImplicitObjectArgument()), true};
      return {namedVariable(Object), true};
    }
    return {};
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (Op->getOperator() == OO_Exclaim && Op->getNumArgs() == 1 &&
        isa_and_nonnull<CXXMethodDecl>(Op->getDirectCallee()))
      return {namedVariable(Op->getArg(0)), false};
    if (Op->getNumArgs() == 2)
      return compareWithNone(
          BinaryOperator::getOverloadedOpcode(Op->getOperator()), Op->getArg(0),
          Op->getArg(1));
    return {};
  }
  if (const auto *Rewritten = dyn_cast<CXXRewrittenBinaryOperator>(E)) {
    auto Form = Rewritten->getDecomposedForm();
    return compareWithNone(Form.Opcode, Form.LHS, Form.RHS);
  }
  return {};
}

// Adds to \p Out the variables that hold a value whenever \p Cond evaluates
// to \p When.
void provenBy(const Expr *Cond, bool When,
              llvm::SmallVectorImpl<const VarDecl *> &Out) {
  if (!Cond)
    return;
  const Expr *E = stripCondition(Cond);
  if (const auto *Not = dyn_cast<UnaryOperator>(E)) {
    if (Not->getOpcode() == UO_LNot)
      provenBy(Not->getSubExpr(), !When, Out);
    return;
  }
  if (const auto *Bin = dyn_cast<BinaryOperator>(E)) {
    BinaryOperatorKind Op = Bin->getOpcode();
    if (Op != BO_LAnd && Op != BO_LOr)
      return;
    // `a && b` true, or `a || b` false, means both operands were evaluated
    // to that value; otherwise only what both operands prove holds.
    if ((Op == BO_LAnd) == When) {
      provenBy(Bin->getLHS(), When, Out);
      provenBy(Bin->getRHS(), When, Out);
      return;
    }
    llvm::SmallVector<const VarDecl *, 4> Left, Right;
    provenBy(Bin->getLHS(), When, Left);
    provenBy(Bin->getRHS(), When, Right);
    for (const VarDecl *Var : Left)
      if (llvm::is_contained(Right, Var))
        Out.push_back(Var);
    return;
  }
  Atom A = atomOf(E);
  if (A.Var && A.Holds == When)
    Out.push_back(A.Var);
}

bool proves(const Expr *Cond, bool When, const VarDecl &Var) {
  llvm::SmallVector<const VarDecl *, 4> Vars;
  provenBy(Cond, When, Vars);
  return llvm::is_contained(Vars, &Var);
}

// Whether control never continues after \p S: return, throw, break,
// continue, or a call to a noreturn function, possibly inside a block.
// (Only used when the function has no labels, so nothing jumps past them.)
bool alwaysExits(const Stmt *S) {
  if (!S)
    return false;
  if (isa<ReturnStmt, BreakStmt, ContinueStmt, CoreturnStmt>(S))
    return true;
  if (const auto *Block = dyn_cast<CompoundStmt>(S))
    return llvm::any_of(Block->body(), alwaysExits);
  if (const auto *If = dyn_cast<IfStmt>(S))
    return If->getElse() && alwaysExits(If->getThen()) &&
           alwaysExits(If->getElse());
  if (const auto *Attributed = dyn_cast<AttributedStmt>(S))
    return alwaysExits(Attributed->getSubStmt());
  if (const auto *E = dyn_cast<Expr>(S)) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(E))
      E = Cleanups->getSubExpr()->IgnoreParenImpCasts();
    if (isa<CXXThrowExpr>(E))
      return true;
    if (const auto *Call = dyn_cast<CallExpr>(E))
      if (const FunctionDecl *Callee = Call->getDirectCallee())
        return Callee->isNoReturn();
  }
  return false;
}

// Adds to \p Out the variables that hold a value whenever control passes
// \p S, a statement of a block: `if (!v) return;`, `if (v) {} else throw;`,
// `assert(v)` (a conditional whose other branch does not return), and
// `v || fail()`.
void exitGuarded(const Stmt *S, llvm::SmallVectorImpl<const VarDecl *> &Out) {
  if (const auto *If = dyn_cast<IfStmt>(S)) {
    if (alwaysExits(If->getThen()))
      provenBy(If->getCond(), false, Out);
    else if (alwaysExits(If->getElse()))
      provenBy(If->getCond(), true, Out);
    return;
  }
  const auto *E = dyn_cast<Expr>(S);
  if (!E)
    return;
  E = E->IgnoreParenImpCasts();
  if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(E))
    E = Cleanups->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *Cond = dyn_cast<ConditionalOperator>(E)) {
    if (alwaysExits(Cond->getFalseExpr()))
      provenBy(Cond->getCond(), true, Out);
    else if (alwaysExits(Cond->getTrueExpr()))
      provenBy(Cond->getCond(), false, Out);
  } else if (const auto *Bin = dyn_cast<BinaryOperator>(E)) {
    if (Bin->getOpcode() == BO_LOr && alwaysExits(Bin->getRHS()))
      provenBy(Bin->getLHS(), true, Out);
    else if (Bin->getOpcode() == BO_LAnd && alwaysExits(Bin->getRHS()))
      provenBy(Bin->getLHS(), false, Out);
  }
}

bool isMutableReference(QualType T) {
  const auto *Ref = T->getAs<ReferenceType>();
  return Ref && (isa<RValueReferenceType>(Ref) ||
                 !Ref->getPointeeType().isConstQualified());
}

// The type of the parameter that argument \p Index of \p Call initialises,
// or a null type when unknown (variadic, or an unknown callee).
QualType parameterType(const CallExpr &Call, unsigned Index) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (isa<CXXOperatorCallExpr>(Call) &&
      isa_and_nonnull<CXXMethodDecl>(Callee)) {
    if (Index == 0)
      return {};
    --Index;
  }
  if (Callee)
    return Index < Callee->getNumParams()
               ? Callee->getParamDecl(Index)->getType()
               : QualType();
  QualType CalleeType = Call.getCallee()->getType();
  if (const auto *Pointer = CalleeType->getAs<PointerType>())
    CalleeType = Pointer->getPointeeType();
  if (const auto *Proto = CalleeType->getAs<FunctionProtoType>())
    if (Index < Proto->getNumParams())
      return Proto->getParamType(Index);
  return {};
}

// Whether the member function \p Method, called on a holder, leaves whether
// it holds a value unchanged.
bool isObserver(const CXXMethodDecl &Method) {
  if (Method.isConst())
    return true;
  OverloadedOperatorKind Op = Method.getOverloadedOperator();
  if (Op == OO_Star || Op == OO_Arrow)
    return true;
  if (!Method.getIdentifier())
    return false;
  // Non-const accessors: they hand out the value, never empty the holder.
  return llvm::is_contained({"value", "get", "error", "status", "value_or"},
                            Method.getName());
}

// Whether the full expression that \p E is part of returns from the function.
bool isReturned(const Stmt *E, const ParentMap &Parents) {
  for (const Stmt *P = Parents.getParent(E); P; P = Parents.getParent(P)) {
    if (isa<ReturnStmt>(P))
      return true;
    if (!isa<ExprWithCleanups, MaterializeTemporaryExpr, CXXBindTemporaryExpr,
             ImplicitCastExpr, ParenExpr, CXXConstructExpr>(P))
      return false;
  }
  return false;
}

} // namespace

// Whether the use \p Ref of a local may modify it (or let something else
// modify it later: a non-const reference, a pointer, a capture).
static bool mayModify(const DeclRefExpr &Ref, const FunctionDecl &Func,
                      const ParentMap &Parents) {
  if (Ref.refersToEnclosingVariableOrCapture())
    return true;
  const Stmt *Child = &Ref;
  const Stmt *P = Parents.getParent(Child);
  while (P) {
    if (isa<ParenExpr>(P)) {
      Child = P;
      P = Parents.getParent(P);
      continue;
    }
    if (const auto *Cast = dyn_cast<ImplicitCastExpr>(P)) {
      CastKind Kind = Cast->getCastKind();
      if (Kind == CK_LValueToRValue)
        return false;
      if (Kind != CK_NoOp && Kind != CK_DerivedToBase &&
          Kind != CK_UncheckedDerivedToBase)
        return true;
      Child = P;
      P = Parents.getParent(P);
      continue;
    }
    break;
  }
  if (!P || isa<CompoundStmt>(P))
    return false;
  if (const auto *Member = dyn_cast<MemberExpr>(P)) {
    const auto *Call =
        dyn_cast_or_null<CXXMemberCallExpr>(Parents.getParent(Member));
    if (!Call || Call->getCallee()->IgnoreParens() != Member)
      return true;
    const CXXMethodDecl *Method = Call->getMethodDecl();
    return !Method || !isObserver(*Method);
  }
  if (const auto *Call = dyn_cast<CallExpr>(P)) {
    for (unsigned I = 0, N = Call->getNumArgs(); I < N; ++I) {
      if (Call->getArg(I) != Child)
        continue;
      if (I == 0 && isa<CXXOperatorCallExpr>(Call))
        if (const auto *Method =
                dyn_cast_or_null<CXXMethodDecl>(Call->getDirectCallee()))
          return !isObserver(*Method);
      QualType T = parameterType(*Call, I);
      return T.isNull() || isMutableReference(T);
    }
    return true;
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(P)) {
    // `return v;` moves from v, but control leaves the function.
    if (isReturned(Construct, Parents))
      return false;
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    for (unsigned I = 0, N = Construct->getNumArgs(); I < N; ++I)
      if (Construct->getArg(I) == Child)
        return I >= Ctor->getNumParams() ||
               isMutableReference(Ctor->getParamDecl(I)->getType());
    return true;
  }
  if (const auto *Decls = dyn_cast<DeclStmt>(P)) {
    for (const Decl *D : Decls->decls())
      if (const auto *Var = dyn_cast<VarDecl>(D))
        if (Var->getInit() == Child)
          return isMutableReference(Var->getType());
    return true;
  }
  if (isa<ReturnStmt>(P))
    return isMutableReference(Func.getReturnType());
  if (const auto *Bin = dyn_cast<BinaryOperator>(P))
    return !(Bin->getOpcode() == BO_Comma && Bin->getLHS() == Child);
  return true;
}

GuardedAccessProver::GuardedAccessProver(const FunctionDecl &Func)
    : Func(Func), Parents(Func.getBody()) {
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(&Func))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->getInit())
        Parents.addStmt(Init->getInit());

  llvm::SmallVector<const Stmt *, 64> Work{Func.getBody()};
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(&Func))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->getInit())
        Work.push_back(Init->getInit());
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (isa<LabelStmt, GotoStmt, IndirectGotoStmt, AddrLabelExpr>(S))
      Structured = false;
    if (isa<SwitchCase>(S)) {
      const Stmt *P = Parents.getParent(S);
      bool InSwitchBody =
          P && (isa<SwitchCase, SwitchStmt>(P) ||
                (isa<CompoundStmt>(P) &&
                 isa_and_nonnull<SwitchStmt>(Parents.getParent(P))));
      if (!InSwitchBody)
        Structured = false;
    }
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
      if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
        if (mayModify(*Ref, Func, Parents))
          Modified.insert(Var);
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
}

bool GuardedAccessProver::guardedInBlock(const CompoundStmt &Block,
                                         const Stmt &Child,
                                         const VarDecl &Var) {
  auto [It, Inserted] = Blocks.try_emplace(&Block);
  BlockInfo &Info = It->second;
  if (Inserted) {
    unsigned I = 0;
    for (const Stmt *Child : Block.body()) {
      Info.Position.try_emplace(Child, I);
      if (isa<SwitchCase>(Child))
        Info.CaseLabels.push_back(I);
      // `case 1: if (!v) return;` guards what follows it like the bare if.
      const Stmt *Guard = Child;
      while (const auto *Case = dyn_cast<SwitchCase>(Guard))
        Guard = Case->getSubStmt();
      llvm::SmallVector<const VarDecl *, 4> Vars;
      exitGuarded(Guard, Vars);
      for (const VarDecl *V : Vars)
        Info.FirstGuard.try_emplace(V, I);
      ++I;
    }
  }
  auto Guard = Info.FirstGuard.find(&Var);
  auto Position = Info.Position.find(&Child);
  if (Guard == Info.FirstGuard.end() || Position == Info.Position.end())
    return false;
  unsigned Index = Position->second;
  if (Guard->second >= Index)
    return false;
  // A case label between the test and the access lets the switch jump in
  // past the test.
  return llvm::none_of(Info.CaseLabels, [&](unsigned Label) {
    return Label > Guard->second && Label <= Index;
  });
}

bool GuardedAccessProver::isGuarded(const Expr &Access, const Expr &Object) {
  const VarDecl *Var = namedVariable(&Object);
  if (!Structured || !Var || !Var->hasLocalStorage() ||
      Var->getType().isVolatileQualified() ||
      Var->getParentFunctionOrMethod() !=
          static_cast<const DeclContext *>(&Func) ||
      Modified.contains(Var))
    return false;
  const Stmt *Child = &Access;
  for (const Stmt *P = Parents.getParent(Child); P;
       Child = P, P = Parents.getParent(P)) {
    if (isa<LambdaExpr, BlockExpr, CapturedStmt>(P))
      return false;
    if (const auto *If = dyn_cast<IfStmt>(P)) {
      if ((Child == If->getThen() && proves(If->getCond(), true, *Var)) ||
          (Child == If->getElse() && proves(If->getCond(), false, *Var)))
        return true;
    } else if (const auto *Cond = dyn_cast<ConditionalOperator>(P)) {
      if ((Child == Cond->getTrueExpr() &&
           proves(Cond->getCond(), true, *Var)) ||
          (Child == Cond->getFalseExpr() &&
           proves(Cond->getCond(), false, *Var)))
        return true;
    } else if (const auto *Bin = dyn_cast<BinaryOperator>(P)) {
      if (Child == Bin->getRHS() &&
          ((Bin->getOpcode() == BO_LAnd && proves(Bin->getLHS(), true, *Var)) ||
           (Bin->getOpcode() == BO_LOr && proves(Bin->getLHS(), false, *Var))))
        return true;
    } else if (const auto *While = dyn_cast<WhileStmt>(P)) {
      if (Child == While->getBody() && proves(While->getCond(), true, *Var))
        return true;
    } else if (const auto *For = dyn_cast<ForStmt>(P)) {
      if (Child == For->getBody() && proves(For->getCond(), true, *Var))
        return true;
    } else if (const auto *Block = dyn_cast<CompoundStmt>(P)) {
      if (guardedInBlock(*Block, *Child, *Var))
        return true;
    }
  }
  return false;
}

} // namespace prodready
