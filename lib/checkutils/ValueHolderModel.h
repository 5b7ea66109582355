//===--- ValueHolderModel.h - dataflow model of value holders ---*- C++ -*-===//
//
// A dataflow model, on clang's FlowSensitive framework, of "value holders"
// that clang's UncheckedOptionalAccessModel does not cover: std::expected,
// tl::expected, folly::Expected, absl::StatusOr and boost::optional. Each
// object of these types gets a synthetic boolean field "has_value" that
// checks (has_value(), ok(), hasValue(), is_initialized(), operator bool,
// operator!, == none) read and constructors, assignments, emplace() and
// reset() write. Used by prodready-unchecked-value-access.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_LIB_CHECKUTILS_VALUEHOLDERMODEL_H
#define PRODREADY_LIB_CHECKUTILS_VALUEHOLDERMODEL_H

#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Analysis/FlowSensitive/CFGMatchSwitch.h"
#include "clang/Analysis/FlowSensitive/DataflowAnalysis.h"
#include "clang/Analysis/FlowSensitive/DataflowEnvironment.h"
#include "clang/Analysis/FlowSensitive/NoopLattice.h"

namespace prodready {

enum class HolderKind { None, Expected, StatusOr, BoostOptional };

/// The kind of value holder \p RD is (None for anything this model does not
/// cover, including std::optional, which clang's own model handles).
HolderKind holderKind(const clang::CXXRecordDecl *RD);

/// Matches the classes modelled by ValueHolderModel.
clang::ast_matchers::DeclarationMatcher valueHolderClass();

class ValueHolderModel
    : public clang::dataflow::DataflowAnalysis<ValueHolderModel,
                                               clang::dataflow::NoopLattice> {
public:
  ValueHolderModel(clang::ASTContext &Ctx, clang::dataflow::Environment &Env);
  static clang::dataflow::NoopLattice initialElement() { return {}; }
  void transfer(const clang::CFGElement &Elt, clang::dataflow::NoopLattice &L,
                clang::dataflow::Environment &Env);

private:
  clang::dataflow::CFGMatchSwitch<
      clang::dataflow::TransferState<clang::dataflow::NoopLattice>>
      TransferMatchSwitch;
};

/// Reports the begin location of the object of every value access
/// (`value()`, `get()`, `operator*`, `operator->`) that is not proven to
/// hold a value.
class ValueHolderDiagnoser {
public:
  ValueHolderDiagnoser();
  llvm::SmallVector<clang::SourceLocation>
  operator()(const clang::CFGElement &Elt, clang::ASTContext &Ctx,
             const clang::dataflow::TransferStateForDiagnostics<
                 clang::dataflow::NoopLattice> &State) {
    return DiagnoseMatchSwitch(Elt, Ctx, State.Env);
  }

private:
  clang::dataflow::CFGMatchSwitch<const clang::dataflow::Environment,
                                  llvm::SmallVector<clang::SourceLocation>>
      DiagnoseMatchSwitch;
};

} // namespace prodready

#endif // PRODREADY_LIB_CHECKUTILS_VALUEHOLDERMODEL_H
