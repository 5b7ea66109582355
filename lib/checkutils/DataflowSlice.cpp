//===--- DataflowSlice.cpp - the part of a body a dataflow needs ----------===//

#include "DataflowSlice.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

using namespace clang;

namespace prodready {

namespace {
// What one top-level statement mentions.
struct Mentions {
  llvm::SmallVector<const Decl *, 8> Decls;
  bool This = false;
  bool Jump = false;
};
} // namespace

static const Decl *canonicalVariable(const Decl *D) {
  // A structured binding lives in the declaration it decomposes.
  if (const auto *Binding = dyn_cast<BindingDecl>(D))
    if (const ValueDecl *Decomposed = Binding->getDecomposedDecl())
      return Decomposed->getCanonicalDecl();
  return D->getCanonicalDecl();
}

static Mentions mentionsOf(const Stmt &Top,
                           const llvm::DenseSet<const Stmt *> &Targets,
                           llvm::DenseSet<const Stmt *> &Found) {
  Mentions M;
  llvm::SmallVector<const Stmt *, 32> Work{&Top};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (Targets.contains(S))
      Found.insert(S);
    if (isa<LabelStmt, GotoStmt, IndirectGotoStmt, AddrLabelExpr>(S))
      M.Jump = true;
    else if (isa<CXXThisExpr>(S))
      M.This = true;
    else if (const auto *Ref = dyn_cast<DeclRefExpr>(S)) {
      // Functions and enumerators carry no state the analysis tracks.
      if (isa<VarDecl, BindingDecl>(Ref->getDecl()))
        M.Decls.push_back(canonicalVariable(Ref->getDecl()));
    } else if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        if (isa<VarDecl>(D))
          M.Decls.push_back(canonicalVariable(D));
    }
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return M;
}

Stmt *dataflowSlice(const FunctionDecl &Func,
                    llvm::ArrayRef<const Stmt *> Targets, ASTContext &Ctx) {
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Func.getBody());
  if (!Body || Body->size() < 2 || Targets.empty())
    return nullptr;
  llvm::DenseSet<const Stmt *> TargetSet(Targets.begin(), Targets.end());
  llvm::SmallVector<Mentions, 0> Tops;
  Tops.reserve(Body->size());
  llvm::DenseSet<const Stmt *> Found;
  std::optional<unsigned> First, End;
  for (const Stmt *Top : Body->body()) {
    unsigned FoundBefore = Found.size();
    Tops.push_back(mentionsOf(*Top, TargetSet, Found));
    if (Tops.back().Jump)
      return nullptr;
    if (Found.size() != FoundBefore) {
      End = Tops.size() - 1;
      if (!First)
        First = End;
    }
  }
  // Each target must lie in the body (not, say, in a constructor's
  // initialiser list, which the slice would leave out).
  if (!End || Found.size() != TargetSet.size())
    return nullptr;

  // Walk back from the first target; a statement that mentions what the
  // run mentions joins it, with everything between.
  llvm::DenseSet<const Decl *> Live;
  bool This = false;
  unsigned Start = *First;
  auto Join = [&](unsigned I) {
    Live.insert(Tops[I].Decls.begin(), Tops[I].Decls.end());
    This |= Tops[I].This;
  };
  for (unsigned I = Start; I <= *End; ++I)
    Join(I);
  for (unsigned I = Start; I-- > 0;) {
    const Mentions &M = Tops[I];
    bool Shares = (This && M.This) || llvm::any_of(M.Decls, [&](const Decl *D) {
                    return Live.contains(D);
                  });
    if (!Shares)
      continue;
    for (unsigned J = I; J < Start; ++J)
      Join(J);
    Start = I;
  }
  if (Start == 0 && *End + 1 == Body->size())
    return nullptr;
  llvm::SmallVector<Stmt *, 0> Run(Body->body_begin() + Start,
                                   Body->body_begin() + *End + 1);
  return CompoundStmt::Create(Ctx, Run, FPOptionsOverride(),
                              Run.front()->getBeginLoc(),
                              Run.back()->getEndLoc());
}

} // namespace prodready
