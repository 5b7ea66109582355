//===--- TransportUtils.h - helpers for the security checks -----*- C++ -*-===//
//
// Constant evaluation (zero/false spellings), string literals seen through
// string constructors, and URL parsing, shared by insecure-transport and
// hardcoded-secret.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_LIB_CHECKUTILS_TRANSPORTUTILS_H
#define PRODREADY_LIB_CHECKUTILS_TRANSPORTUTILS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace prodready {

/// Whether \p E is a constant that evaluates to zero / false / a null
/// pointer: `0`, `0L`, `false`, `FALSE`, `(long)0`, a constexpr or const
/// variable holding 0, an enumerator equal to 0. Value-dependent expressions
/// (inside templates) are never constant.
bool isZeroConstant(const clang::Expr *E, const clang::ASTContext &Ctx);

/// The string literal \p E spells, seen through parentheses, implicit casts,
/// temporaries and converting constructors of one argument (std::string,
/// std::string_view, QString, QUrl, cpr::Url, `"..."s`); nullptr otherwise.
const clang::StringLiteral *getStringLiteral(const clang::Expr *E);

/// A URL split into its parts (no decoding). Only `scheme://authority...`
/// forms are recognised.
struct UrlParts {
  llvm::StringRef Scheme;   ///< e.g. "http" (as written)
  llvm::StringRef UserInfo; ///< text before '@' in the authority, or empty
  bool HasUserInfo = false;
  llvm::StringRef Host; ///< without brackets for IPv6 literals
  llvm::StringRef Port;
};
std::optional<UrlParts> parseUrl(llvm::StringRef Url);

/// Whether \p Host is this machine: `localhost`, `*.localhost`, 127.0.0.0/8,
/// `::1`, `0:0:0:0:0:0:0:1`.
bool isLoopbackHost(llvm::StringRef Host);

} // namespace prodready

#endif // PRODREADY_LIB_CHECKUTILS_TRANSPORTUTILS_H
