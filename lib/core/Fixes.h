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

/// What --fix will apply: the fix-its of the findings a run reports (not
/// those a baseline holds), and the content hash of every file the units
/// read. Taken before the redaction, which may rewrite texts, and applied
/// once the outputs are written, since the text output quotes the lines as
/// they were analysed.
struct FixPlan {
  std::vector<Finding> ToFix;
  std::map<std::string, std::string> AnalysedHashes;
};
FixPlan planFixes(const std::vector<UnitResult> &Units,
                  const std::vector<Finding> &Findings);

/// Applies \p Plan, each file rewritten once and only while it still holds
/// the bytes that were analysed; says on stderr what was done and what not.
void applyFixPlan(const FixPlan &Plan, bool Quiet);

} // namespace prodready

#endif // PRODREADY_LIB_CORE_FIXES_H
