//===--- Diff.h - which lines a change touches ------------------*- C++ -*-===//

#ifndef PRODREADY_LIB_CORE_DIFF_H
#define PRODREADY_LIB_CORE_DIFF_H

#include "Finding.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <map>
#include <set>
#include <string>
#include <vector>

namespace prodready {

/// Added or changed lines per file (paths as the diff names them, relative
/// to the repository root, without the a/ b/ prefixes).
using ChangedLines = std::map<std::string, std::set<unsigned>>;

/// Parses a unified diff (`git diff`, `diff -u`). Never aborts: malformed
/// hunks are reported as an error naming the line.
llvm::Expected<ChangedLines> parseUnifiedDiff(llvm::StringRef Text,
                                              llvm::StringRef Origin);

/// The lines changed by the unified diff in \p DiffFile, or (when it is
/// empty) on the branch since its merge base with the git revision
/// \p DiffBase, in the repository at \p Root. git runs without any of the
/// repository's own diff drivers, filters or hooks.
llvm::Expected<ChangedLines> changedLines(const std::string &DiffFile,
                                          const std::string &DiffBase,
                                          const std::string &Root);

/// Keeps only the findings on a changed line (--diff, --diff-base); files
/// are matched relative to \p Root.
void keepChangedLines(std::vector<Finding> &Findings,
                      const ChangedLines &Changed, const std::string &Root);

/// The commit checked out in the git work tree that holds \p Root (`git
/// rev-parse HEAD`), or "" when \p Root is in none or git is missing.
std::string gitHeadCommit(const std::string &Root);

} // namespace prodready

#endif // PRODREADY_LIB_CORE_DIFF_H
