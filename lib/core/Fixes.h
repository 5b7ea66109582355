//===--- Fixes.h - apply the findings' fix-its to the files -----*- C++ -*-===//
//
// `prodready --fix`: the fix-its the checks attached to their findings
// (carried through workers, cache and merge as FixReplacements) applied to
// the files on disk. Several units report the findings of a shared header:
// each file is rewritten once, with every distinct replacement once.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_LIB_CORE_FIXES_H
#define PRODREADY_LIB_CORE_FIXES_H

#include "Finding.h"
#include <map>
#include <string>
#include <vector>

namespace prodready {

struct FixOutcome {
  unsigned FindingsFixed = 0;
  std::vector<std::string> FilesChanged;
  /// One message per finding or file whose fix-its were not applied
  /// (overlapping another fix-it, a file that changed since the analysis).
  std::vector<std::string> Problems;
};

/// Applies the fix-its of \p Findings. \p AnalysedHashes maps a file to the
/// content hash it had when analysed (contentHash); a file that no longer
/// has it is left alone. A finding's fix-its are applied all or none.
FixOutcome applyFixes(const std::vector<Finding> &Findings,
                      const std::map<std::string, std::string> &AnalysedHashes);

} // namespace prodready

#endif // PRODREADY_LIB_CORE_FIXES_H
