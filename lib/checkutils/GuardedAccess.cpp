//===--- GuardedAccess.cpp - syntactic proof of guarded accesses ----------===//

#include "GuardedAccess.h"
#include "CheckUtils.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/STLExtras.h"
#include <optional>
#include <string>

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

// An access path: a local variable, parameter or `this`, then the members
// reached from it with `.`, `->` (built-in or a smart pointer's) or `*`
// (`v`, `msg->text`, `this->_functions`, `resp.body`). Encoded as the bytes
// of its steps' declarations, so that equal paths have equal keys.
struct Path {
  std::string Key;
  const VarDecl *Root = nullptr; // null for `this`
  unsigned Steps = 0;            // members and dereferences after the root
  /// The key of each proper prefix that has at least one step.
  llvm::SmallVector<size_t, 2> PrefixEnds;
  explicit operator bool() const { return !Key.empty(); }
};

void appendStep(std::string &Key, const void *Step) {
  Key.append(reinterpret_cast<const char *>(&Step), sizeof(Step));
}

const void *const ThisRoot = reinterpret_cast<const void *>(1);
const void *const DerefStep = reinterpret_cast<const void *>(2);

bool buildPath(const Expr *E, Path &P) {
  E = skipNoOps(E);
  if (const auto *Cast = dyn_cast<ImplicitCastExpr>(E);
      Cast && Cast->getCastKind() == CK_LValueToRValue &&
      Cast->getType()->isPointerType())
    E = skipNoOps(Cast->getSubExpr());
  auto Step = [&](const Expr *Base, const void *S) {
    if (!buildPath(Base, P))
      return false;
    if (P.Steps > 0)
      P.PrefixEnds.push_back(P.Key.size());
    appendStep(P.Key, S);
    ++P.Steps;
    return true;
  };
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    if (!Var || Ref->refersToEnclosingVariableOrCapture())
      return false;
    P.Root = Var;
    appendStep(P.Key, Var);
    return true;
  }
  if (isa<CXXThisExpr>(E)) {
    appendStep(P.Key, ThisRoot);
    return true;
  }
  if (const auto *Member = dyn_cast<MemberExpr>(E)) {
    const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl());
    if (!Field)
      return false;
    const Expr *Base = Member->getBase();
    if (Member->isArrow() && !isa<CXXThisExpr>(skipNoOps(Base))) {
      if (!Step(Base, DerefStep))
        return false;
      P.PrefixEnds.push_back(P.Key.size());
      appendStep(P.Key, Field);
      ++P.Steps;
      return true;
    }
    return Step(Base, Field);
  }
  if (const auto *Deref = dyn_cast<UnaryOperator>(E);
      Deref && Deref->getOpcode() == UO_Deref)
    return Step(Deref->getSubExpr(), DerefStep);
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
      Op && Op->getNumArgs() == 1 &&
      (Op->getOperator() == OO_Star || Op->getOperator() == OO_Arrow))
    return Step(Op->getArg(0), DerefStep);
  // A const getter without arguments returns the same holder each time:
  // `m.get_timestamp() ? m.get_timestamp().get() : 0` (cppkafka). The
  // holder may be returned by value, a temporary per call.
  if (const auto *Temporary = dyn_cast<MaterializeTemporaryExpr>(E))
    E = skipNoOps(Temporary->getSubExpr());
  if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E))
    E = skipNoOps(Bind->getSubExpr());
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *Method = Call->getMethodDecl();
    if (Method && Method->isConst() && !Method->isStatic() &&
        Call->getNumArgs() == 0 && !isa<CXXConversionDecl>(Method))
      return Step(Call->getImplicitObjectArgument(), Method);
  }
  return false;
}

Path pathOf(const Expr *E) {
  Path P;
  if (!E || !buildPath(E, P))
    return Path();
  return P;
}

// The key of the path of \p E, or empty.
std::string keyOf(const Expr *E) { return pathOf(E).Key; }

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
  std::string Key;
  bool Holds = true;
  const Expr *Object = nullptr; // the holder tested
};

Atom atomOn(const Expr *Object, bool Holds) {
  return {keyOf(Object), Holds, Object};
}

Atom compareWithNone(BinaryOperatorKind Op, const Expr *LHS, const Expr *RHS) {
  if (Op != BO_EQ && Op != BO_NE)
    return {};
  if (isNoneType(RHS->getType()))
    return atomOn(LHS, Op == BO_NE);
  if (isNoneType(LHS->getType()))
    return atomOn(RHS, Op == BO_NE);
  return {};
}

Atom atomOf(const Expr *E);

// A small inline accessor that only tests one member holder of its object:
// `bool HasFunctions() const { return _functions ? true : false; }`,
// `return x_.has_value();`, `return static_cast<bool>(x_);`,
// `bool empty() const { return !x_; }`. Returns the member and what a true
// result means.
std::optional<std::pair<const FieldDecl *, bool>>
accessorTest(const CXXMethodDecl &Method) {
  if (Method.isVirtual() || Method.getNumParams() != 0 ||
      !Method.getReturnType()->isBooleanType())
    return std::nullopt;
  const FunctionDecl *Definition = nullptr;
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Method.getBody(Definition));
  if (!Body || Body->size() != 1)
    return std::nullopt;
  const auto *Return = dyn_cast<ReturnStmt>(Body->body_front());
  if (!Return || !Return->getRetValue())
    return std::nullopt;
  const Expr *Test = stripCondition(Return->getRetValue());
  bool Holds = true;
  while (true) {
    if (const auto *Not = dyn_cast<UnaryOperator>(Test);
        Not && Not->getOpcode() == UO_LNot) {
      Holds = !Holds;
      Test = stripCondition(Not->getSubExpr());
      continue;
    }
    // `x ? true : false`
    if (const auto *Cond = dyn_cast<ConditionalOperator>(Test)) {
      const auto *T = dyn_cast<CXXBoolLiteralExpr>(
          Cond->getTrueExpr()->IgnoreParenImpCasts());
      const auto *F = dyn_cast<CXXBoolLiteralExpr>(
          Cond->getFalseExpr()->IgnoreParenImpCasts());
      if (!T || !F || T->getValue() == F->getValue())
        return std::nullopt;
      if (!T->getValue())
        Holds = !Holds;
      Test = stripCondition(Cond->getCond());
      continue;
    }
    break;
  }
  Atom A = atomOf(Test);
  if (A.Key.empty() || !A.Object)
    return std::nullopt;
  const auto *Member = dyn_cast<MemberExpr>(skipNoOps(A.Object));
  if (!Member || !isa<CXXThisExpr>(skipNoOps(Member->getBase())))
    return std::nullopt;
  const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl());
  if (!Field)
    return std::nullopt;
  return std::make_pair(Field, A.Holds == Holds);
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
      return atomOn(Object, true);
    if (!Method->getIdentifier())
      return {};
    StringRef Name = Method->getName();
    if (Name == "has_value" || Name == "hasValue" || Name == "is_initialized")
      return atomOn(Object, true);
    if (Name == "hasError" || Name == "has_error")
      return atomOn(Object, false);
    if (Name == "ok") {
      // `s.ok()` on a StatusOr, or `s.status().ok()`.
      if (const auto *Inner =
              dyn_cast<CXXMemberCallExpr>(skipNoOps(Object)->IgnoreImplicit()))
        if (const CXXMethodDecl *Status = Inner->getMethodDecl())
          if (Status->getIdentifier() && Status->getName() == "status")
            return atomOn(Inner->getImplicitObjectArgument(), true);
      return atomOn(Object, true);
    }
    // `HasFunctions()` on `this` (or `p->HasText()`): the member it tests,
    // reached through the same object.
    if (auto Test = accessorTest(*Method)) {
      const auto *Callee =
          dyn_cast<MemberExpr>(Call->getCallee()->IgnoreParens());
      if (!Callee)
        return {};
      const Expr *Base = Callee->getBase();
      Path P;
      if (!buildPath(Base, P))
        return {};
      if (Callee->isArrow() && !isa<CXXThisExpr>(skipNoOps(Base)))
        appendStep(P.Key, DerefStep);
      appendStep(P.Key, Test->first);
      return {P.Key, Test->second, nullptr};
    }
    return {};
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (Op->getOperator() == OO_Exclaim && Op->getNumArgs() == 1 &&
        isa_and_nonnull<CXXMethodDecl>(Op->getDirectCallee()))
      return atomOn(Op->getArg(0), false);
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
              llvm::SmallVectorImpl<std::string> &Out) {
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
    llvm::SmallVector<std::string, 4> Left, Right;
    provenBy(Bin->getLHS(), When, Left);
    provenBy(Bin->getRHS(), When, Right);
    for (const std::string &Key : Left)
      if (llvm::is_contained(Right, Key))
        Out.push_back(Key);
    return;
  }
  Atom A = atomOf(E);
  if (!A.Key.empty() && A.Holds == When)
    Out.push_back(A.Key);
}

// The test a test framework's assertion makes: gtest's
// `if (const AssertionResult gtest_ar = AssertionResult(x)) ; else ...`
// (ASSERT_TRUE/ASSERT_FALSE) or `= CmpHelperNE("x", "y", x, y)`
// (ASSERT_NE). Adds to \p Out what holds when the assertion passes.
bool assertionProves(const IfStmt &If,
                     llvm::SmallVectorImpl<std::string> &Out) {
  const VarDecl *Result = If.getConditionVariable();
  if (!Result || !Result->getInit())
    return false;
  const auto *Class = Result->getType()->getAsCXXRecordDecl();
  if (!Class || !Class->getIdentifier() ||
      Class->getName() != "AssertionResult")
    return false;
  const Expr *Init = Result->getInit();
  while (true) {
    Init = Init->IgnoreParenImpCasts();
    if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(Init))
      Init = Cleanups->getSubExpr();
    else if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(Init))
      Init = Temp->getSubExpr();
    else if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(Init))
      Init = Bind->getSubExpr();
    else if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(Init))
      Init = Cast->getSubExpr();
    else if (const auto *Construct = dyn_cast<CXXConstructExpr>(Init);
             Construct && Construct->getNumArgs() >= 1 &&
             (Construct->getConstructor()->isCopyOrMoveConstructor() ||
              Construct->getNumArgs() == 1 ||
              isa<CXXDefaultArgExpr>(Construct->getArg(1))))
      Init = Construct->getArg(0);
    else
      break;
  }
  if (const auto *Call = dyn_cast<CallExpr>(Init)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (Callee && Callee->getIdentifier() && Call->getNumArgs() == 4 &&
        Callee->getName() == "CmpHelperNE") {
      Atom A = compareWithNone(BO_NE, Call->getArg(2), Call->getArg(3));
      if (!A.Key.empty())
        Out.push_back(A.Key);
      return true;
    }
  }
  // AssertionResult(x) converts a holder with its operator bool.
  if (const auto *RD = Init->getType()->getAsCXXRecordDecl();
      RD && RD->getIdentifier() && RD->getName() != "AssertionResult") {
    std::string Key = keyOf(Init);
    if (!Key.empty())
      Out.push_back(Key);
    return true;
  }
  provenBy(Init, true, Out);
  return true;
}

// Adds to \p Out what holds when the condition of \p If is \p When.
void provenByIf(const IfStmt &If, bool When,
                llvm::SmallVectorImpl<std::string> &Out) {
  llvm::SmallVector<std::string, 2> Asserted;
  if (assertionProves(If, Asserted)) {
    if (When)
      Out.append(Asserted.begin(), Asserted.end());
    return;
  }
  provenBy(If.getCond(), When, Out);
}

bool proves(const Expr *Cond, bool When, const std::string &Key) {
  llvm::SmallVector<std::string, 4> Keys;
  provenBy(Cond, When, Keys);
  return llvm::is_contained(Keys, Key);
}

// Whether control never continues after \p S: return, throw, break,
// continue, or a call to a noreturn function, possibly inside a block.
// (Only used when the function has no labels, so nothing jumps past them.)
bool alwaysExits(const Stmt *S, bool BreakLeaves = true) {
  if (!S)
    return false;
  if (isa<ReturnStmt, ContinueStmt, CoreturnStmt>(S))
    return true;
  if (isa<BreakStmt>(S))
    return BreakLeaves;
  if (const auto *Block = dyn_cast<CompoundStmt>(S))
    return llvm::any_of(Block->body(), [&](const Stmt *Child) {
      return alwaysExits(Child, BreakLeaves);
    });
  if (const auto *If = dyn_cast<IfStmt>(S))
    return If->getElse() && alwaysExits(If->getThen(), BreakLeaves) &&
           alwaysExits(If->getElse(), BreakLeaves);
  if (const auto *Attributed = dyn_cast<AttributedStmt>(S))
    return alwaysExits(Attributed->getSubStmt(), BreakLeaves);
  if (const auto *E = dyn_cast<Expr>(S))
    return neverReturns(E);
  return false;
}

// Adds to \p Out the variables that hold a value whenever control passes
// \p S, a statement of a block: `if (!v) return;`, `if (v) {} else throw;`,
// `assert(v)` (a conditional whose other branch does not return), and
// `v || fail()`.
void exitGuarded(const Stmt *S, llvm::SmallVectorImpl<std::string> &Out) {
  // gtest's ASSERT_* macros wrap their if in `switch (0) case 0: default:`
  // (against dangling elses): the if always runs, and a `break` in it
  // would only leave the switch.
  bool BreakLeaves = true;
  if (const auto *Switch = dyn_cast<SwitchStmt>(S)) {
    const Stmt *Body = Switch->getBody();
    bool HasDefault = false;
    while (const auto *Case = dyn_cast_or_null<SwitchCase>(Body)) {
      HasDefault |= isa<DefaultStmt>(Case);
      Body = Case->getSubStmt();
    }
    if (!HasDefault || !isa_and_nonnull<IfStmt>(Body))
      return;
    S = Body;
    BreakLeaves = false;
  }
  if (const auto *If = dyn_cast<IfStmt>(S)) {
    if (alwaysExits(If->getThen(), BreakLeaves))
      provenByIf(*If, false, Out);
    else if (alwaysExits(If->getElse(), BreakLeaves))
      provenByIf(*If, true, Out);
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
static bool mayModify(const Expr &Use, const FunctionDecl &Func,
                      const ParentMap &Parents) {
  if (const auto *Ref = dyn_cast<DeclRefExpr>(&Use);
      Ref && Ref->refersToEnclosingVariableOrCapture())
    return true;
  const Stmt *Child = &Use;
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
    // A field of the object: modifying it modifies the object (a field
    // reached through a pointer leaves the pointer as it is; the field's
    // own uses are judged as a path of their own).
    if (isa<FieldDecl>(Member->getMemberDecl()))
      return !Member->isArrow() && mayModify(*Member, Func, Parents);
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

// Whether \p Ref is changed where it stands: assigned, incremented, the
// object of a member call (`v.reset()`, `v = w`), or handed to a call by
// mutable reference or address (`take(v)`, `f(&v)`, inspircd's
// `FirstResult(..., user)`: the call may change it, then). A reference or
// pointer kept in a variable, or a lambda's capture, lets it change later
// through the alias.
static bool modifiesInPlace(const DeclRefExpr &Ref, const ParentMap &Parents) {
  if (Ref.refersToEnclosingVariableOrCapture())
    return false;
  // The parent of \p Child past parentheses and implicit casts; \p Child
  // becomes the outermost of those.
  auto ParentOf = [&](const Stmt *&Child) {
    const Stmt *P = Parents.getParent(Child);
    while (P && isa<ImplicitCastExpr, ParenExpr>(P)) {
      Child = P;
      P = Parents.getParent(P);
    }
    return P;
  };
  const Stmt *Child = &Ref;
  const Stmt *P = ParentOf(Child);
  if (!P)
    return false;
  if (const auto *Bin = dyn_cast<BinaryOperator>(P))
    return Bin->isAssignmentOp() && Bin->getLHS() == Child;
  if (const auto *Unary = dyn_cast<UnaryOperator>(P)) {
    if (Unary->isIncrementDecrementOp())
      return true;
    if (Unary->getOpcode() != UO_AddrOf)
      return false;
    Child = Unary;
    P = ParentOf(Child);
    return P && isa<CallExpr, CXXConstructExpr>(P);
  }
  if (isa<CallExpr>(P) && !isa<CXXOperatorCallExpr>(P))
    return true;
  if (isa<CXXConstructExpr>(P))
    return true;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(P))
    return Op->isAssignmentOp() && Op->getNumArgs() >= 1 &&
           Op->getArg(0) == Child;
  if (const auto *Member = dyn_cast<MemberExpr>(P))
    return Member->getBase() == Child &&
           isa_and_nonnull<CXXMemberCallExpr>(Parents.getParent(Member));
  return false;
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
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S)) {
      if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
        if (mayModify(*Ref, Func, Parents)) {
          if (modifiesInPlace(*Ref, Parents))
            Modified[Var].push_back(Ref);
          else
            Escaped.insert(Var);
        }
    } else if (isa<MemberExpr, UnaryOperator, CXXOperatorCallExpr>(S)) {
      // Members reached through paths (`msg->text`, `this->x_`, `*p`).
      if (Path P = pathOf(cast<Expr>(S));
          P && P.Steps > 0 && mayModify(*cast<Expr>(S), Func, Parents))
        ModifiedPaths.insert(P.Key);
    }
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
}

bool GuardedAccessProver::guardedInBlock(const CompoundStmt &Block,
                                         const Stmt &Child,
                                         const std::string &Key) {
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
      llvm::SmallVector<std::string, 4> Keys;
      exitGuarded(Guard, Keys);
      for (const std::string &Key : Keys)
        Info.FirstGuard.try_emplace(Key, I);
      ++I;
    }
  }
  auto Guard = Info.FirstGuard.find(Key);
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

// Whether a use that may modify \p Var lies between the test \p Guard and
// \p Access: from the guard to the access, or to the end of a loop that
// holds the access but not the guard (the loop reaches the access again
// after a later change). A variable assigned before the test (`User *u; if
// (local) u = FindNick(n); else u = Find(n);`, inspircd) stays proven.
bool GuardedAccessProver::modifiedBetween(const VarDecl &Var, const Stmt &Guard,
                                          const Expr &Access) {
  auto It = Modified.find(&Var);
  if (It == Modified.end())
    return false;
  const SourceManager &SM = Func.getASTContext().getSourceManager();
  SourceLocation From = Guard.getBeginLoc(), To = Access.getEndLoc();
  for (const Stmt *P = Parents.getParent(&Access); P && P != &Guard;
       P = Parents.getParent(P))
    if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(P) &&
        SM.isBeforeInTranslationUnit(To, P->getEndLoc()))
      To = P->getEndLoc();
  return llvm::any_of(It->second, [&](const DeclRefExpr *Use) {
    SourceLocation At = Use->getBeginLoc();
    return !SM.isBeforeInTranslationUnit(At, From) &&
           !SM.isBeforeInTranslationUnit(To, At);
  });
}

bool GuardedAccessProver::isGuarded(const Expr &Access, const Expr &Object) {
  Path P = pathOf(&Object);
  if (!Structured || !P)
    return false;
  const VarDecl *Root = P.Root;
  if (const VarDecl *Var = P.Root) {
    if (!Var->hasLocalStorage() || Var->getType().isVolatileQualified() ||
        Var->getParentFunctionOrMethod() !=
            static_cast<const DeclContext *>(&Func) ||
        Escaped.contains(Var))
      return false;
    // A holder variable itself is of class type; a path starts at a
    // pointer or an object.
    if (P.Steps == 0 && !Var->getType()->isRecordType())
      return false;
  }
  // Nothing modifies the holder or anything it is reached through.
  if (P.Steps > 0 && ModifiedPaths.contains(P.Key))
    return false;
  for (size_t End : P.PrefixEnds)
    if (ModifiedPaths.contains(P.Key.substr(0, End)))
      return false;
  const std::string &Key = P.Key;
  // A test proves the access unless the variable may change in between.
  auto Proven = [&](const Stmt &Guard) {
    return !Root || !modifiedBetween(*Root, Guard, Access);
  };
  const Stmt *Child = &Access;
  for (const Stmt *Parent = Parents.getParent(Child); Parent;
       Child = Parent, Parent = Parents.getParent(Parent)) {
    if (isa<LambdaExpr, BlockExpr, CapturedStmt>(Parent))
      return false;
    if (const auto *If = dyn_cast<IfStmt>(Parent)) {
      llvm::SmallVector<std::string, 4> Keys;
      if (Child == If->getThen())
        provenByIf(*If, true, Keys);
      else if (Child == If->getElse())
        provenByIf(*If, false, Keys);
      if (llvm::is_contained(Keys, Key))
        return Proven(*Parent);
    } else if (const auto *Cond = dyn_cast<ConditionalOperator>(Parent)) {
      if ((Child == Cond->getTrueExpr() &&
           proves(Cond->getCond(), true, Key)) ||
          (Child == Cond->getFalseExpr() &&
           proves(Cond->getCond(), false, Key)))
        return Proven(*Parent);
    } else if (const auto *Bin = dyn_cast<BinaryOperator>(Parent)) {
      if (Child == Bin->getRHS() &&
          ((Bin->getOpcode() == BO_LAnd && proves(Bin->getLHS(), true, Key)) ||
           (Bin->getOpcode() == BO_LOr && proves(Bin->getLHS(), false, Key))))
        return Proven(*Parent);
    } else if (const auto *While = dyn_cast<WhileStmt>(Parent)) {
      if (Child == While->getBody() && proves(While->getCond(), true, Key))
        return Proven(*Parent);
    } else if (const auto *For = dyn_cast<ForStmt>(Parent)) {
      if (Child == For->getBody() && proves(For->getCond(), true, Key))
        return Proven(*Parent);
    } else if (const auto *Block = dyn_cast<CompoundStmt>(Parent)) {
      if (guardedInBlock(*Block, *Child, Key))
        return Proven(*Parent);
    }
  }
  return false;
}

} // namespace prodready
