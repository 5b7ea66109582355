//===--- Summaries.h - link the units' call summaries -----------*- C++ -*-===//
//
// The driver's link phase. Each unit's worker records call summaries
// (lib/checkutils/CallSummary.h: what the functions it defines call and
// whether they block, and the calls its async contexts make); they travel
// with the unit's results (worker files, the cache, a shard's SARIF). After
// the per-unit phase the driver (and `prodready merge`, over shards) links
// them and reports prodready-blocking-in-async at every call in an async
// context whose path to a blocking call crosses units, in the words and
// with the notes of the within-unit analysis.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_LIB_CORE_SUMMARIES_H
#define PRODREADY_LIB_CORE_SUMMARIES_H

#include "CallSummary.h"
#include "Finding.h"
#include <nlohmann/json.hpp>
#include <vector>

namespace prodready {

/// The rule the linked paths are findings of.
inline constexpr const char *BlockingInAsyncRule =
    "prodready-blocking-in-async";

nlohmann::json toJson(const CallSummaries &S);
/// Reading never aborts: malformed input yields false.
bool fromJson(const nlohmann::json &J, CallSummaries &S);

/// Whether a NOLINT comment in \p Source (NOLINT or NOLINTNEXTLINE, with or
/// without a check list, or a NOLINTBEGIN/NOLINTEND block) silences
/// \p Check at byte \p Offset, as clang-tidy decides for the findings the
/// checks report themselves.
bool suppressedByNoLint(llvm::StringRef Source, unsigned Offset,
                        llvm::StringRef Check);

struct LinkStatistics {
  size_t Functions = 0, Sites = 0, Findings = 0;
  double Seconds = 0;
};

/// The findings for the async-context calls of \p All whose path to a
/// blocking call, followed through the summaries of every unit (at most the
/// site's MaxDepth functions deep, cycles ending), exists; none at a
/// location where \p Existing already has a finding of the rule (the unit
/// itself saw the path). Deterministic: equal summaries, equal findings,
/// however the units were split into shards.
std::vector<Finding> linkCallSummaries(const CallSummaries &All,
                                       const std::vector<Finding> &Existing,
                                       LinkStatistics *Stats = nullptr);

} // namespace prodready

#endif // PRODREADY_LIB_CORE_SUMMARIES_H
