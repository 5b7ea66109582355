//===--- CheckUtils.h - helpers shared by prodready checks ------*- C++ -*-===//
//
// Small, rule-agnostic helpers used by several checks: option lists,
// locations inside macros, and name matching.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_LIB_CHECKUTILS_CHECKUTILS_H
#define PRODREADY_LIB_CHECKUTILS_CHECKUTILS_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Regex.h"
#include <string>
#include <vector>

namespace clang::tidy {
class ClangTidyCheck;
} // namespace clang::tidy

namespace prodready {

/// Splits a `;`- or `,`-separated option value, trimming blanks and dropping
/// empty items.
std::vector<std::string> splitList(llvm::StringRef Value);

/// Joins a list back into the `;`-separated form options are stored in.
std::string joinList(const std::vector<std::string> &Items);

/// A case-(in)sensitive regex read from a check option. An invalid pattern is
/// reported once through `configurationDiag` and then matches nothing, so a
/// bad configuration is loud and never crashes or silently matches all.
class OptionRegex {
public:
  OptionRegex() = default;
  OptionRegex(clang::tidy::ClangTidyCheck &Check, llvm::StringRef OptionName,
              llvm::StringRef Pattern, bool IgnoreCase = false);
  bool match(llvm::StringRef Text) const;
  bool empty() const { return Pattern.empty(); }
  const std::string &pattern() const { return Pattern; }

private:
  std::string Pattern;
  std::shared_ptr<llvm::Regex> Compiled;
};

/// Where a finding at \p Loc is shown: the outermost macro expansion site,
/// so that code produced by a macro is reported where the macro is used.
clang::SourceLocation reportLocation(clang::SourceLocation Loc,
                                     const clang::SourceManager &SM);

/// The fully qualified name of \p D without inline namespaces such as
/// `std::__1` or `std::__cxx11` (e.g. "std::filesystem::remove").
std::string qualifiedName(const clang::NamedDecl &D);

/// Whether \p Qualified (a qualified name) matches one of \p Names: an entry
/// matches a name that equals it or ends with "::" + it. An entry starting
/// with "regex:" is a regular expression matched against the whole name.
bool matchesAnyName(llvm::StringRef Qualified,
                    const std::vector<std::string> &Names);

/// Whether evaluating \p E never returns: a `throw`, or a call of a
/// `[[noreturn]]` function.
bool neverReturns(const clang::Expr *E);

/// Strips parentheses, implicit casts and the temporaries clang wraps around
/// class-typed values, returning the expression the user wrote.
const clang::Expr *stripValue(const clang::Expr *E);

/// The pointer or smart pointer that \p E unwraps: `p` for `p.get()`, `*p`
/// and `p->m` (built-in or overloaded). Null for anything else.
const clang::Expr *unwrappedPointer(const clang::Expr *E);

/// stripValue() plus the full-expression wrappers (`ExprWithCleanups`,
/// `ConstantExpr`) and implicit casts clang leaves around a value.
const clang::Expr *stripFullValue(const clang::Expr *E);

/// The identifier naming \p D, or an empty string for operators,
/// constructors and unnamed declarations.
llvm::StringRef identifierOf(const clang::NamedDecl *D);

/// The body of a while, do, for or range-for loop; null for anything else.
const clang::Stmt *loopBody(const clang::Stmt &Loop);

/// The condition of a while, do or for loop; null for a range-for, a `for`
/// without one, or anything else.
const clang::Expr *loopCondition(const clang::Stmt &Loop);

/// Whether \p Root or a statement under it (lambda bodies included) satisfies
/// \p Pred; a null \p Root has none.
bool anyStmtIn(const clang::Stmt *Root,
               llvm::function_ref<bool(const clang::Stmt &)> Pred);

} // namespace prodready

#endif // PRODREADY_LIB_CHECKUTILS_CHECKUTILS_H
