//===--- Merge.h - the units' results as one report -------------*- C++ -*-===//
//
// A header's finding seen from several units is reported once; every
// finding gets a fingerprint that survives unrelated edits; the lines that
// hold a credential are recorded before baselines and --diff drop findings,
// so that no output echoes them.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_LIB_CORE_MERGE_H
#define PRODREADY_LIB_CORE_MERGE_H

#include "Finding.h"
#include "Report.h"
#include <map>
#include <string>
#include <vector>

namespace prodready {

/// The findings, notifications (after \p Notifications) and out-of-scope
/// files of \p Units (moved out of them) as one report. \p OutOfScope holds
/// the units dropped before the analysis, by path; the out-of-scope counts
/// get a note. Findings are neither sorted nor deduplicated yet: the link
/// phase adds to them first.
Report mergeUnitResults(std::vector<UnitResult> &Units,
                        std::vector<Notification> Notifications,
                        std::map<std::string, std::string> OutOfScope,
                        size_t FromCache);

/// Sorts \p Findings, keeps one of each (sameFinding) and fingerprints them.
void deduplicateFindings(std::vector<Finding> &Findings);

/// Records in \p R.SecretLines the lines a credential finding covers, the
/// lines the units marked, and, when \p Linked, the notes of linked
/// secret-in-log findings (where the secret comes from).
void recordSecretLines(Report &R, const std::vector<UnitResult> &Units,
                       bool Linked);

/// Sorts the notifications by file and kind (stable: within one, in the
/// order they were produced).
void sortNotifications(Report &R);

} // namespace prodready

#endif // PRODREADY_LIB_CORE_MERGE_H
