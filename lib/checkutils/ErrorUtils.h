//===--- ErrorUtils.h - helpers for the error-handling rules ----*- C++ -*-===//
//
// Type recognition shared by prodready-unchecked-error and
// prodready-unchecked-value-access: error codes, Status/expected-like result
// types and value holders.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_LIB_CHECKUTILS_ERRORUTILS_H
#define PRODREADY_LIB_CHECKUTILS_ERRORUTILS_H

#include "CheckUtils.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Type.h"

namespace prodready {

/// The record behind \p T after stripping references, qualifiers and sugar
/// (null for non-class types).
const clang::CXXRecordDecl *recordOf(clang::QualType T);

/// `std::error_code` or `boost::system::error_code` (and their aliases such
/// as `asio::error_code` or `beast::error_code`).
bool isErrorCodeType(clang::QualType T);

/// Whether \p T is an error-carrying result type according to
/// prodready-unchecked-error: the built-in list of error types (std, boost,
/// absl, grpc, folly, tl, HRESULT) or a class whose unqualified name matches
/// \p ErrorTypeRegex.
bool isErrorResultType(clang::QualType T, const OptionRegex &ErrorTypeRegex);

/// Whether \p Name (a qualified name without template arguments) matches a
/// glob-like pattern where `*` stands for any run of characters.
bool matchesGlob(llvm::StringRef Name, llvm::StringRef Pattern);

} // namespace prodready

#endif // PRODREADY_LIB_CHECKUTILS_ERRORUTILS_H
