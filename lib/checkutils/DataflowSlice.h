//===--- DataflowSlice.h - the part of a body a dataflow needs --*- C++ -*-===//
//
// clang's dataflow framework joins whole environments at every merge point,
// so its cost grows with the product of a function's branches and its live
// variables: quadratic in the length of a long function. An access needs
// only the top-level statements that can influence it: the one holding it,
// the ones before it back to where the variables they mention come into
// play. Those before the slice mention none of its variables (nor `this`),
// so they cannot change the state the analysis tracks for the slice, and
// analysing the slice alone gives the same verdict on the accesses in it.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_LIB_CHECKUTILS_DATAFLOWSLICE_H
#define PRODREADY_LIB_CHECKUTILS_DATAFLOWSLICE_H

#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/ArrayRef.h"

namespace prodready {

/// A compound statement made of the shortest run of top-level statements
/// of \p Func's body that contains every statement in \p Targets and every
/// earlier statement mentioning a variable, or `this`, that the run
/// mentions. Null when that is the whole body, or when the body is not a
/// plain compound statement free of labels and jumps.
clang::Stmt *dataflowSlice(const clang::FunctionDecl &Func,
                           llvm::ArrayRef<const clang::Stmt *> Targets,
                           clang::ASTContext &Ctx);

} // namespace prodready

#endif // PRODREADY_LIB_CHECKUTILS_DATAFLOWSLICE_H
