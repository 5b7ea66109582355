//===--- GuardedAccess.h - syntactic proof of guarded accesses --*- C++ -*-===//
//
// Proves, from the syntax of one function and in time linear in its size,
// that an access (`*v`, `v->m`, `v.value()`, `v.get()`) of an optional-like
// object is safe: the object is a local variable or a member reached from a
// local, a parameter or `this` through the same access path (`msg->text`,
// `this->x_`, `resp.body`), nothing in the function modifies it or what it
// is reached through, and the access is dominated by a test of the same
// path (`if (v)`, `v && v->m`, `if (!v) return;` before it, `assert(v)`, a
// small inline accessor such as `HasX()` that only tests it, a gtest
// `ASSERT_TRUE(v)` / `ASSERT_NE(v, std::nullopt)`, ...).
//
// prodready-unchecked-value-access runs clang's dataflow analysis only for
// the accesses this cannot prove. The dataflow framework's cost grows with
// the product of a function's branches and its variables, so skipping it
// for the common, evidently guarded accesses keeps the rule linear on long
// functions whose accesses it all proves (DataflowSlice.h narrows the
// analysis for the rest); the proof is sound, so no finding is lost.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_LIB_CHECKUTILS_GUARDEDACCESS_H
#define PRODREADY_LIB_CHECKUTILS_GUARDEDACCESS_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMap.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include <string>

namespace prodready {

class GuardedAccessProver {
public:
  explicit GuardedAccessProver(const clang::FunctionDecl &Func);

  /// Whether the access \p Access to the holder \p Object (its implicit
  /// object argument or operand) is proven to find a value.
  bool isGuarded(const clang::Expr &Access, const clang::Expr &Object);

private:
  /// Whether a test of \p Var in \p Block before its child \p Child lets
  /// control reach \p Child only when \p Var holds a value.
  bool guardedInBlock(const clang::CompoundStmt &Block,
                      const clang::Stmt &Child, const std::string &PathKey);

  const clang::FunctionDecl &Func;
  clang::ParentMap Parents;
  /// False when the function has labels or case labels nested in other
  /// statements: a jump could then bypass a test.
  bool Structured = true;
  /// The variables some use may modify, with those uses: a proof holds if
  /// none lies between the test and the access.
  llvm::DenseMap<const clang::VarDecl *,
                 llvm::SmallVector<const clang::DeclRefExpr *, 2>>
      Modified;
  /// Variables that may change out of sight: their address or a mutable
  /// reference escapes, or a lambda captures them. No test proves them.
  llvm::DenseSet<const clang::VarDecl *> Escaped;
  bool modifiedBetween(const clang::VarDecl &Var, const clang::Stmt &Guard,
                       const clang::Expr &Access);
  /// Access paths with at least one member step (`msg->text`, `this->x_`)
  /// that some use may modify.
  llvm::StringSet<> ModifiedPaths;
  /// Per block, computed once: each child's position, the first child that
  /// is an exit guard for each variable, and the positions of case labels.
  struct BlockInfo {
    llvm::DenseMap<const clang::Stmt *, unsigned> Position;
    llvm::StringMap<unsigned> FirstGuard; // by access path

    llvm::SmallVector<unsigned, 2> CaseLabels;
  };
  llvm::DenseMap<const clang::CompoundStmt *, BlockInfo> Blocks;
};

} // namespace prodready

#endif // PRODREADY_LIB_CHECKUTILS_GUARDEDACCESS_H
