//===--- HandleTracker.h - what was configured on a handle ------*- C++ -*-===//
//
// Used by prodready-missing-timeout to decide whether a libcurl easy handle or
// a gRPC ClientContext had a timeout configured before it performs I/O. A
// "handle" is a variable or a field; the tracker looks at every use of it:
//   * calls the policy recognises as configuration (curl_easy_setopt,
//     ClientContext::set_deadline) contribute bits to a mask;
//   * a handle passed to a function defined in the translation unit
//     contributes what that function configures on its parameter;
//   * a handle initialised or assigned from a helper defined in the TU
//     contributes what the helper configured on the handle it returns;
//   * a handle passed to code the TU cannot see makes the facts Unknown
//     (such a handle is not judged: precision over breadth).
// Locals are judged within their function; fields and globals across the
// whole translation unit.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_LIB_CHECKUTILS_HANDLETRACKER_H
#define PRODREADY_LIB_CHECKUTILS_HANDLETRACKER_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <vector>

namespace prodready {

struct HandleFacts {
  unsigned Mask = 0;      ///< configuration bits seen (policy-defined)
  bool Fresh = false;     ///< a creation the policy recognises was seen
  bool Unknown = false;   ///< escapes to, or comes from, code we cannot see
  bool NotJudged = false; ///< the policy says the origin is exempt
  void merge(const HandleFacts &Other) {
    Mask |= Other.Mask;
    Fresh |= Other.Fresh;
    Unknown |= Other.Unknown;
    NotJudged |= Other.NotJudged;
  }
};

class HandlePolicy {
public:
  enum class Origin { None, Fresh, Exempt, Helper, Unknown };
  virtual ~HandlePolicy() = default;
  /// Configuration bits \p Call sets on the handle it receives as argument
  /// \p ArgIndex (-1: as the implicit object of a member call).
  virtual unsigned configures(const clang::CallExpr &Call,
                              int ArgIndex) const = 0;
  /// Calls in project code that neither configure nor hide the handle (for
  /// example the I/O call itself). Calls into system headers are neutral
  /// unless they configure.
  virtual bool isNeutral(const clang::CallExpr &Call) const { return false; }
  /// Where a value assigned to a handle comes from (\p E is stripped).
  /// For Origin::Helper, \p Helper is the function whose result it is.
  virtual Origin originOf(const clang::Expr &E,
                          const clang::FunctionDecl *&Helper) const = 0;
};

class HandleTracker {
public:
  HandleTracker(clang::ASTContext &Ctx, const HandlePolicy &Policy)
      : Ctx(Ctx), Policy(Policy) {}

  /// The variable or field an expression denotes as a handle, seen through
  /// `&x`, `*x`, `x.get()`, parentheses and casts; nullptr otherwise.
  static const clang::ValueDecl *handleDecl(const clang::Expr *E);

  /// Facts for \p Key at the I/O call \p At (inside function body \p Body).
  /// With \p OnlyBefore, uses of a local after \p At are ignored.
  HandleFacts factsAt(const clang::ValueDecl &Key, const clang::Stmt *Body,
                      const clang::Expr &At, bool OnlyBefore);

private:
  HandleFacts analyzeUses(const clang::ValueDecl &Key,
                          llvm::ArrayRef<const clang::Expr *> Uses, int Depth,
                          const clang::Expr *Before);
  void useFacts(const clang::Expr &Use, HandleFacts &Facts, int Depth);
  void consumerFacts(const clang::CallExpr &Call, int ArgIndex,
                     HandleFacts &Facts, int Depth);
  void originFacts(const clang::Expr *E, HandleFacts &Facts, int Depth);
  HandleFacts paramFacts(const clang::FunctionDecl &F, unsigned Index,
                         int Depth);
  HandleFacts returnFacts(const clang::FunctionDecl &F, int Depth);
  HandleFacts localFacts(const clang::VarDecl &V, const clang::Stmt *Body,
                         int Depth, const clang::Expr *Before);
  const std::vector<const clang::Expr *> &
  globalUses(const clang::ValueDecl &Key);
  void collectGlobalUses();

  clang::ASTContext &Ctx;
  const HandlePolicy &Policy;
  llvm::DenseMap<std::pair<const clang::FunctionDecl *, unsigned>, HandleFacts>
      ParamMemo;
  llvm::DenseMap<const clang::FunctionDecl *, HandleFacts> ReturnMemo;
  llvm::DenseSet<const void *> InProgress;
  bool GlobalUsesCollected = false;
  llvm::DenseMap<const clang::ValueDecl *, std::vector<const clang::Expr *>>
      GlobalUses;
  llvm::DenseMap<const clang::ValueDecl *, std::vector<const clang::Expr *>>
      FieldInits;
};

} // namespace prodready

#endif // PRODREADY_LIB_CHECKUTILS_HANDLETRACKER_H
