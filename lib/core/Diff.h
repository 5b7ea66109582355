//===--- Diff.h - which lines a change touches ------------------*- C++ -*-===//

#ifndef PRODREADY_LIB_CORE_DIFF_H
#define PRODREADY_LIB_CORE_DIFF_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <map>
#include <set>
#include <string>

namespace prodready {

/// Added or changed lines per file (paths as the diff names them, relative
/// to the repository root, without the a/ b/ prefixes).
using ChangedLines = std::map<std::string, std::set<unsigned>>;

/// Parses a unified diff (`git diff`, `diff -u`). Never aborts: malformed
/// hunks are reported as an error naming the line.
llvm::Expected<ChangedLines> parseUnifiedDiff(llvm::StringRef Text,
                                              llvm::StringRef Origin);

} // namespace prodready

#endif // PRODREADY_LIB_CORE_DIFF_H
