//===--- LinkPhase.h - findings whose path crosses units --------*- C++ -*-===//
//
// A unit sees only its own functions. Each unit (fresh or cached) records
// call summaries; the link phase follows them across units (paths from an
// async context to a blocking call, secrets handed to a function that logs
// them) and adds the findings it proves to the report before deduplication,
// baselines, --diff, redaction and the outputs, so that they are treated
// like every other finding.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_LIB_CORE_LINKPHASE_H
#define PRODREADY_LIB_CORE_LINKPHASE_H

#include "Finding.h"
#include "Report.h"
#include "Summaries.h"
#include <vector>

namespace prodready {

/// Links the summaries of \p Units (moved out of them) and adds the
/// cross-unit findings to \p R. With \p KeepSummaries (a --shard run) they
/// stay in \p R for `prodready merge`.
LinkStatistics linkAcrossUnits(std::vector<UnitResult> &Units, Report &R,
                               bool KeepSummaries);

/// `prodready merge`: links the summaries the shards' logs carry, adds the
/// findings to \p Merged and numbers the fingerprints of the groups they
/// join as one run over all units would. \p Merged.Findings is sorted and
/// unique on entry and on exit; its summaries are dropped.
void linkAcrossShards(Report &Merged);

} // namespace prodready

#endif // PRODREADY_LIB_CORE_LINKPHASE_H
