//===--- FixItUtils.h - fix-its only where the rewrite is safe --*- C++ -*-===//
//
// Helpers for the checks that attach FixItHints. A fix-it rewrites the text
// the user wrote, so it is offered only where that text is a plain range of
// one file: code inside a macro's body (which other expansions share) or
// spread over several macro arguments gets no fix-it, only the finding.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_LIB_CHECKUTILS_FIXITUTILS_H
#define PRODREADY_LIB_CHECKUTILS_FIXITUTILS_H

#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include <optional>
#include <string>

namespace prodready {

/// The file range holding the whole of \p E as written (a macro argument or
/// a whole macro invocation counts), or std::nullopt when the text of \p E
/// is not one contiguous range of a file that can be rewritten alone.
std::optional<clang::CharSourceRange>
rewritableRange(const clang::Expr &E, const clang::SourceManager &SM,
                const clang::LangOptions &LangOpts);

/// \p E's source text when rewritableRange() finds it.
std::optional<std::string> writtenText(const clang::Expr &E,
                                       const clang::SourceManager &SM,
                                       const clang::LangOptions &LangOpts);

/// \p Loc as a file location, or std::nullopt when it lies inside a macro's
/// body (an insertion there would change every expansion of the macro).
std::optional<clang::SourceLocation>
rewritableLocation(clang::SourceLocation Loc, const clang::SourceManager &SM,
                   const clang::LangOptions &LangOpts);

/// The whitespace that starts the line of \p Loc (a file location).
std::string lineIndentation(clang::SourceLocation Loc,
                            const clang::SourceManager &SM);

/// Whether \p Loc is the first non-blank character of its line.
bool startsLine(clang::SourceLocation Loc, const clang::SourceManager &SM);

/// Whether evaluating \p E again names the same object without side effects:
/// a variable, a member (`this->h_`, `conn.h`), or `.get()` on one (a smart
/// pointer holding it). Such an expression may be repeated by a fix-it.
bool isRepeatableHandle(const clang::Expr &E);

} // namespace prodready

#endif // PRODREADY_LIB_CHECKUTILS_FIXITUTILS_H
