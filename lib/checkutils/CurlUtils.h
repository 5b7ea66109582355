//===--- CurlUtils.h - recognising libcurl calls ----------------*- C++ -*-===//
//
// Helpers for checks that judge libcurl option calls. With curl's real
// headers `curl_easy_setopt` is a macro: in C++ it expands to the very same
// call, in C (gcc/clang) to curl's type-checking statement expression
//   ({ CURLoption _curl_opt = (option); ...; curl_easy_setopt(h, _curl_opt, v);
//   })
// whose final call names the option through the local `_curl_opt`. These
// helpers see through both, so checks can match the function call and read
// the option as the user wrote it.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_LIB_CHECKUTILS_CURLUTILS_H
#define PRODREADY_LIB_CHECKUTILS_CURLUTILS_H

#include "clang/AST/Expr.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/StringRef.h"
#include <optional>

namespace prodready {

/// A call of `curl_easy_setopt(handle, option, value)` as the user wrote it.
struct CurlSetopt {
  const clang::CallExpr *Call = nullptr;
  /// The handle argument (parentheses and implicit casts stripped).
  const clang::Expr *Handle = nullptr;
  /// The option's enumerator name, e.g. "CURLOPT_URL"; empty when the option
  /// is not a constant the helper can resolve. Aliases such as
  /// CURLOPT_SSLKEYPASSWD resolve to their enumerator (CURLOPT_KEYPASSWD).
  llvm::StringRef Option;
  /// The value argument as written (only parentheses stripped; the implicit
  /// conversions of the variadic call are kept, use IgnoreParenImpCasts).
  const clang::Expr *Value = nullptr;
};

/// Matches calls of the libcurl function `curl_easy_setopt` with three
/// arguments, including the call inside curl's type-checking macro, and
/// curlpp's `curlpp::Easy::setOpt(option)`.
clang::ast_matchers::StatementMatcher curlEasySetoptCall();

/// Decomposes a call of `curl_easy_setopt` or of curlpp's
/// `curlpp::Easy::setOpt` (the handle is the object; the option comes from
/// the option class, `curlpp::OptionTrait<T, CURLOPT_...>`; the value is the
/// argument the option was constructed with); std::nullopt for any other
/// call.
std::optional<CurlSetopt> getCurlSetopt(const clang::CallExpr &Call);

/// Whether \p T is curlpp's easy handle, `curlpp::Easy` (or a reference or
/// pointer to one).
bool isCurlppEasy(clang::QualType T);

/// The CURLoption enumerator an option argument names, seen through implicit
/// casts, parentheses, const locals (such as curl's `_curl_opt`) and integer
/// constants; empty if unknown.
llvm::StringRef curlOptionName(const clang::Expr *Option);

} // namespace prodready

#endif // PRODREADY_LIB_CHECKUTILS_CURLUTILS_H
