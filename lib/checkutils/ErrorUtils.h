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
#include "clang/AST/ASTContext.h"
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

/// The words of an identifier, lowercased: split at `_`, at digits and at
/// case changes ("binanceError_t" -> binance, error, t; "HTTPStatus" -> http,
/// status; "kOk" -> k, ok).
llvm::SmallVector<std::string, 4> identifierWords(llvm::StringRef Name);

/// Whether \p T is an error enum (RULES.md revision 2026-12-01): an enum,
/// named directly or through a typedef, whose name says error
/// (`binanceError_t`, `ErrCode`), or says status/result and has an OK-like
/// or an error-like enumerator, or any enum with an OK/SUCCESS-like
/// enumerator plus error-like enumerators (`NONE` counts as OK only with two
/// or more error-like enumerators). `enum Color` is not one.
bool isErrorEnumType(clang::QualType T);

/// Where a call sits in code that tears something down, so that the
/// failure of a teardown call (`close`, `fclose`, `fflush`, `shutdown`,
/// `remove(path, ec)`) cannot be handled any better than by dropping it
/// (RULES.md revision 2026-12-01).
enum class TeardownContext {
  None,
  /// In a destructor (or a lambda inside one).
  Destructor,
  /// In a function or class whose name says log/logger/sink.
  Logger,
  /// In a function named like close/cleanup/teardown/shutdown/stop/destroy/
  /// release/reset/dispose/finish/disconnect.
  CleanupFunction,
  /// On a path that already fails: a `catch` handler, a block that ends in
  /// `throw`, `goto` or an error return (`return -1`, `false`, `nullptr`,
  /// an error value), or a branch of an `if` that tests for failure.
  ErrorPath,
};
TeardownContext teardownContext(const clang::Expr &Call,
                                clang::ASTContext &Ctx);

/// Whether a function name says it tears something down: the words close,
/// cleanup, teardown, shutdown, stop, destroy, release, reset, dispose,
/// finish, finalize, deinit, disconnect, cancel ("stop", "closeSocket",
/// "on_shutdown").
bool isTeardownFunctionName(llvm::StringRef Name);

/// Whether \p Name has a word that ends a resource's life (close, shutdown,
/// stop, terminate, destroy, release, ...), without cancel.
bool namesCleanup(llvm::StringRef Name);

/// Whether \p Name (a qualified name without template arguments) matches a
/// glob-like pattern where `*` stands for any run of characters.
bool matchesGlob(llvm::StringRef Name, llvm::StringRef Pattern);

/// Whether \p Name names a logger or log sink (`Logger`, `FileSink`,
/// `log_error`, `syslog`).
bool namesLogger(llvm::StringRef Name);

} // namespace prodready

#endif // PRODREADY_LIB_CHECKUTILS_ERRORUTILS_H
