//===--- HandleTracker.cpp - what was configured on a handle --------------===//

#include "HandleTracker.h"
#include "CheckUtils.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include <functional>

using namespace clang;

namespace prodready {

static const FieldDecl *getterField(const CXXMemberCallExpr &Call);

namespace {
constexpr int MaxDepth = 6;

// Collects the expressions that name one declaration within a statement.
class UseCollector : public RecursiveASTVisitor<UseCollector> {
public:
  explicit UseCollector(const ValueDecl &Key) : Key(Key) {}
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (E->getDecl() == &Key)
      Uses.push_back(E);
    return true;
  }
  bool VisitMemberExpr(MemberExpr *E) {
    if (E->getMemberDecl() == &Key)
      Uses.push_back(E);
    return true;
  }
  const ValueDecl &Key;
  std::vector<const Expr *> Uses;
};

// Collects, across the project code of a TU, the uses of every field and
// global variable, and the constructor initialisers of fields.
class GlobalUseCollector : public RecursiveASTVisitor<GlobalUseCollector> {
public:
  GlobalUseCollector(
      const SourceManager &SM,
      llvm::DenseMap<const ValueDecl *, std::vector<const Expr *>> &Uses,
      llvm::DenseMap<const ValueDecl *, std::vector<const Expr *>> &Inits)
      : SM(SM), Uses(Uses), Inits(Inits) {}
  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) &&
        SM.isInSystemHeader(D->getLocation()))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (const auto *Var = dyn_cast<VarDecl>(E->getDecl()))
      if (Var->hasGlobalStorage())
        Uses[Var].push_back(E);
    return true;
  }
  bool VisitMemberExpr(MemberExpr *E) {
    if (isa<FieldDecl>(E->getMemberDecl()))
      Uses[E->getMemberDecl()].push_back(E);
    return true;
  }
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *E) {
    if (const FieldDecl *Field = getterField(*E))
      Uses[Field].push_back(E);
    return true;
  }
  bool TraverseConstructorInitializer(CXXCtorInitializer *Init) {
    if (Init->isMemberInitializer() && Init->getInit())
      Inits[Init->getMember()].push_back(Init->getInit());
    return RecursiveASTVisitor::TraverseConstructorInitializer(Init);
  }

private:
  const SourceManager &SM;
  llvm::DenseMap<const ValueDecl *, std::vector<const Expr *>> &Uses;
  llvm::DenseMap<const ValueDecl *, std::vector<const Expr *>> &Inits;
};

const FunctionDecl *projectDefinition(const FunctionDecl *FD,
                                      const SourceManager &SM) {
  if (!FD)
    return nullptr;
  const FunctionDecl *Def = nullptr;
  if (!FD->hasBody(Def) || !Def || SM.isInSystemHeader(Def->getLocation()))
    return nullptr;
  return Def;
}

bool isSmartPointerAccess(StringRef Name) { return Name == "get"; }
} // namespace

// A getter defined in project code whose every return statement returns the
// same field (`CURL *handle() { return handle_; }`): the field.
static const FieldDecl *getterField(const CXXMemberCallExpr &Call) {
  const CXXMethodDecl *MD = Call.getMethodDecl();
  const FunctionDecl *Def = nullptr;
  if (!MD || MD->getNumParams() != 0 || !MD->hasBody(Def) || !Def)
    return nullptr;
  if (MD->getASTContext().getSourceManager().isInSystemHeader(
          Def->getLocation()))
    return nullptr;
  const FieldDecl *Field = nullptr;
  bool Ok = true;
  std::function<void(const Stmt *)> Visit = [&](const Stmt *S) {
    if (!S || !Ok || isa<LambdaExpr>(S))
      return;
    if (const auto *Return = dyn_cast<ReturnStmt>(S)) {
      const Expr *Value = Return->getRetValue();
      if (Value && Value->IgnoreParenImpCasts()->isNullPointerConstant(
                       MD->getASTContext(), Expr::NPC_ValueDependentIsNotNull))
        return; // `return nullptr;` on a failure path
      const auto *Member =
          Value ? dyn_cast<MemberExpr>(stripValue(Value)->IgnoreParenImpCasts())
                : nullptr;
      const auto *F =
          Member ? dyn_cast<FieldDecl>(Member->getMemberDecl()) : nullptr;
      if (!F || (Field && Field != F))
        Ok = false;
      Field = F;
      return;
    }
    for (const Stmt *Child : S->children())
      Visit(Child);
  };
  Visit(Def->getBody());
  if (!Ok)
    return nullptr;
  return Field;
}

const ValueDecl *HandleTracker::handleDecl(const Expr *E) {
  for (int Guard = 0; E && Guard < 8; ++Guard) {
    E = stripValue(E)->IgnoreParenImpCasts();
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
      return isa<VarDecl>(Ref->getDecl()) ? Ref->getDecl() : nullptr;
    if (const auto *Member = dyn_cast<MemberExpr>(E))
      return isa<FieldDecl>(Member->getMemberDecl()) ? Member->getMemberDecl()
                                                     : nullptr;
    if (const auto *UO = dyn_cast<UnaryOperator>(E);
        UO && UO->getOpcode() == UO_AddrOf) {
      E = UO->getSubExpr();
      continue;
    }
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E))
      if (const FieldDecl *Field = getterField(*Call))
        return Field;
    E = unwrappedPointer(E);
  }
  return nullptr;
}

void HandleTracker::originFacts(const Expr *E, HandleFacts &Facts, int Depth) {
  if (!E)
    return;
  E = stripValue(E)->IgnoreParenImpCasts();
  if (isa<CXXNullPtrLiteralExpr, GNUNullExpr>(E) ||
      E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
    return;
  const FunctionDecl *Helper = nullptr;
  switch (Policy.originOf(*E, Helper)) {
  case HandlePolicy::Origin::None:
    return;
  case HandlePolicy::Origin::Fresh:
    Facts.Fresh = true;
    return;
  case HandlePolicy::Origin::Exempt:
    Facts.NotJudged = true;
    return;
  case HandlePolicy::Origin::Helper:
    if (const FunctionDecl *Def =
            projectDefinition(Helper, Ctx.getSourceManager())) {
      Facts.merge(returnFacts(*Def, Depth + 1));
      return;
    }
    Facts.Unknown = true;
    return;
  case HandlePolicy::Origin::Unknown:
    Facts.Unknown = true;
    return;
  }
}

void HandleTracker::consumerFacts(const CallExpr &Call, int ArgIndex,
                                  HandleFacts &Facts, int Depth) {
  if (unsigned Bits = Policy.configures(Call, ArgIndex)) {
    Facts.Mask |= Bits;
    return;
  }
  if (Policy.isNeutral(Call))
    return;
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee) {
    Facts.Unknown = true;
    return;
  }
  const SourceManager &SM = Ctx.getSourceManager();
  const FunctionDecl *Def = projectDefinition(Callee, SM);
  if (!Def) {
    if (!SM.isInSystemHeader(Callee->getLocation()))
      Facts.Unknown = true;
    return;
  }
  int ParamIndex = ArgIndex;
  if (isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Def))
    --ParamIndex;
  if (ParamIndex < 0 ||
      static_cast<unsigned>(ParamIndex) >= Def->getNumParams()) {
    Facts.Unknown = true;
    return;
  }
  Facts.merge(paramFacts(*Def, ParamIndex, Depth + 1));
}

void HandleTracker::useFacts(const Expr &Use, HandleFacts &Facts, int Depth) {
  DynTypedNode Node = DynTypedNode::create(Use);
  const Expr *Cur = &Use;
  for (int Guard = 0; Guard < 16; ++Guard) {
    auto Parents = Ctx.getParents(Node);
    if (Parents.empty())
      return;
    Node = Parents[0];
    if (const auto *VD = Node.get<VarDecl>()) {
      // Copied into another variable: an alias we do not follow.
      if (VD->getInit() && stripValue(VD->getInit())->IgnoreParenImpCasts() ==
                               stripValue(Cur)->IgnoreParenImpCasts())
        Facts.Unknown = true;
      return;
    }
    const Stmt *P = Node.get<Stmt>();
    if (!P)
      return;
    if (isa<ImplicitCastExpr, ParenExpr, MaterializeTemporaryExpr,
            CXXBindTemporaryExpr, ExprWithCleanups, CXXFunctionalCastExpr,
            CStyleCastExpr, CXXStaticCastExpr, CXXReinterpretCastExpr>(P)) {
      Cur = cast<Expr>(P);
      continue;
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(P)) {
      if (UO->getOpcode() == UO_AddrOf || UO->getOpcode() == UO_Deref) {
        Cur = UO;
        continue;
      }
      return;
    }
    if (const auto *Member = dyn_cast<MemberExpr>(P)) {
      if (Member->getBase() != Cur)
        return;
      auto Grand = Ctx.getParents(*Member);
      const auto *MemberCall =
          Grand.empty() ? nullptr : Grand[0].get<CXXMemberCallExpr>();
      if (!MemberCall || MemberCall->getCallee() != Member)
        return; // a data member of the handle object
      const CXXMethodDecl *MD = MemberCall->getMethodDecl();
      if (MD && MD->getDeclName().isIdentifier() &&
          isSmartPointerAccess(MD->getName())) {
        Cur = MemberCall;
        Node = DynTypedNode::create(*MemberCall);
        continue;
      }
      consumerFacts(*MemberCall, -1, Facts, Depth);
      return;
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(P)) {
      if ((Op->getOperator() == OO_Arrow || Op->getOperator() == OO_Star) &&
          Op->getNumArgs() >= 1 && Op->getArg(0) == Cur) {
        Cur = Op;
        continue;
      }
      if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 &&
          Op->getArg(0) == Cur) {
        originFacts(Op->getArg(1), Facts, Depth);
        return;
      }
      if (Op->getOperator() == OO_Call || Op->getOperator() == OO_Equal) {
        for (unsigned I = 0; I < Op->getNumArgs(); ++I)
          if (Op->getArg(I) == Cur)
            consumerFacts(*Op, I, Facts, Depth);
      }
      return;
    }
    if (const auto *Call = dyn_cast<CallExpr>(P)) {
      for (unsigned I = 0; I < Call->getNumArgs(); ++I)
        if (Call->getArg(I) == Cur) {
          consumerFacts(*Call, I, Facts, Depth);
          return;
        }
      return; // the callee expression itself
    }
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(P)) {
      const CXXRecordDecl *RD = Construct->getConstructor()->getParent();
      if (!Ctx.getSourceManager().isInSystemHeader(RD->getLocation()))
        Facts.Unknown = true; // owned by a project object we do not follow
      return;
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(P)) {
      if (BO->getOpcode() == BO_Assign && BO->getLHS() == Cur)
        originFacts(BO->getRHS(), Facts, Depth);
      else if (BO->getOpcode() == BO_Assign && BO->getRHS() == Cur)
        Facts.Unknown = true; // stored elsewhere
      return;
    }
    if (isa<InitListExpr>(P)) {
      Facts.Unknown = true;
      return;
    }
    return;
  }
}

HandleFacts HandleTracker::analyzeUses(const ValueDecl &Key,
                                       ArrayRef<const Expr *> Uses, int Depth,
                                       const Expr *Before) {
  HandleFacts Facts;
  const SourceManager &SM = Ctx.getSourceManager();
  for (const Expr *Use : Uses) {
    if (Before && !SM.isBeforeInTranslationUnit(Use->getBeginLoc(),
                                                Before->getBeginLoc()))
      continue;
    useFacts(*Use, Facts, Depth);
  }
  (void)Key;
  return Facts;
}

HandleFacts HandleTracker::localFacts(const VarDecl &V, const Stmt *Body,
                                      int Depth, const Expr *Before) {
  HandleFacts Facts;
  if (!Body || Depth > MaxDepth) {
    Facts.Unknown = true;
    return Facts;
  }
  originFacts(V.getInit(), Facts, Depth);
  UseCollector Collector(V);
  Collector.TraverseStmt(const_cast<Stmt *>(Body));
  Facts.merge(analyzeUses(V, Collector.Uses, Depth, Before));
  return Facts;
}

HandleFacts HandleTracker::paramFacts(const FunctionDecl &F, unsigned Index,
                                      int Depth) {
  auto Key = std::make_pair(&F, Index);
  auto It = ParamMemo.find(Key);
  if (It != ParamMemo.end())
    return It->second;
  HandleFacts Facts;
  const ParmVarDecl *Param = F.getParamDecl(Index);
  if (Depth > MaxDepth || !InProgress.insert(Param).second) {
    return Facts; // recursion: contributes nothing new
  }
  UseCollector Collector(*Param);
  Collector.TraverseStmt(F.getBody());
  Facts = analyzeUses(*Param, Collector.Uses, Depth, nullptr);
  InProgress.erase(Param);
  ParamMemo[Key] = Facts;
  return Facts;
}

HandleFacts HandleTracker::returnFacts(const FunctionDecl &F, int Depth) {
  auto It = ReturnMemo.find(&F);
  if (It != ReturnMemo.end())
    return It->second;
  HandleFacts Facts;
  if (Depth > MaxDepth || !InProgress.insert(&F).second) {
    Facts.Unknown = true;
    return Facts;
  }
  llvm::SmallVector<const ReturnStmt *, 4> Returns;
  std::function<void(const Stmt *)> Find = [&](const Stmt *S) {
    if (!S || isa<LambdaExpr>(S))
      return;
    if (const auto *R = dyn_cast<ReturnStmt>(S))
      Returns.push_back(R);
    for (const Stmt *Child : S->children())
      Find(Child);
  };
  Find(F.getBody());
  if (Returns.empty())
    Facts.Unknown = true;
  for (const ReturnStmt *R : Returns) {
    const Expr *Value = R->getRetValue();
    if (!Value)
      continue;
    Value = stripValue(Value)->IgnoreParenImpCasts();
    // `return h;` of a class type: the implicit move.
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(Value))
      if (Construct->getConstructor()->isCopyOrMoveConstructor() &&
          Construct->getNumArgs() >= 1)
        Value = stripValue(Construct->getArg(0))->IgnoreParenImpCasts();
    // `return std::move(h);`
    if (const auto *Call = dyn_cast<CallExpr>(Value))
      if (const FunctionDecl *Callee = Call->getDirectCallee())
        if (Callee->isInStdNamespace() &&
            Callee->getDeclName().isIdentifier() &&
            Callee->getName() == "move" && Call->getNumArgs() == 1)
          Value = stripValue(Call->getArg(0))->IgnoreParenImpCasts();
    const auto *Ref = dyn_cast<DeclRefExpr>(Value);
    const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    if (Var && Var->hasLocalStorage() && !isa<ParmVarDecl>(Var)) {
      Facts.merge(localFacts(*Var, F.getBody(), Depth + 1, nullptr));
    } else if (Var || isa<MemberExpr>(Value)) {
      Facts.Unknown = true;
    } else {
      originFacts(Value, Facts, Depth + 1);
    }
  }
  InProgress.erase(&F);
  ReturnMemo[&F] = Facts;
  return Facts;
}

void HandleTracker::collectGlobalUses() {
  if (GlobalUsesCollected)
    return;
  GlobalUsesCollected = true;
  GlobalUseCollector Collector(Ctx.getSourceManager(), GlobalUses, FieldInits);
  Collector.TraverseDecl(Ctx.getTranslationUnitDecl());
}

HandleFacts HandleTracker::factsAt(const ValueDecl &Key, const Stmt *Body,
                                   const Expr &At, bool OnlyBefore) {
  HandleFacts Facts;
  if (isa<ParmVarDecl>(Key) || Key.getType()->isReferenceType()) {
    Facts.NotJudged = true; // the caller owns it
    return Facts;
  }
  if (const auto *Var = dyn_cast<VarDecl>(&Key); Var && Var->hasLocalStorage())
    return localFacts(*Var, Body, 0, OnlyBefore ? &At : nullptr);
  // A field or a global: every use in the translation unit counts.
  collectGlobalUses();
  if (const auto *Var = dyn_cast<VarDecl>(&Key))
    originFacts(Var->getInit(), Facts, 0);
  if (const auto *Field = dyn_cast<FieldDecl>(&Key)) {
    if (Field->hasInClassInitializer())
      originFacts(Field->getInClassInitializer(), Facts, 0);
    for (const Expr *Init : FieldInits.lookup(Field))
      originFacts(Init, Facts, 0);
  }
  auto It = GlobalUses.find(&Key);
  if (It != GlobalUses.end())
    Facts.merge(analyzeUses(Key, It->second, 0, nullptr));
  return Facts;
}

} // namespace prodready
