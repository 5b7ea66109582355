//===--- LinkPhase.cpp - findings whose path crosses units ----------------===//

#include "LinkPhase.h"
#include "llvm/ADT/STLExtras.h"
#include <map>
#include <set>
#include <tuple>

namespace prodready {

LinkStatistics linkAcrossUnits(std::vector<UnitResult> &Units, Report &R,
                               bool KeepSummaries) {
  CallSummaries Summaries;
  for (UnitResult &U : Units)
    Summaries.append(std::move(U.Summaries));
  LinkStatistics Link;
  for (Finding &F : linkCallSummaries(Summaries, R.Findings, &Link))
    R.Findings.push_back(std::move(F));
  // A shard's SARIF carries the summaries: `prodready merge` links across
  // shards.
  if (KeepSummaries)
    R.Summaries = std::move(Summaries);
  return Link;
}

void linkAcrossShards(Report &Merged) {
  // Shards carry their units' call summaries: linked together they show
  // the paths that cross shards, as one run over all units would.
  std::vector<Finding> Linked =
      linkCallSummaries(Merged.Summaries, Merged.Findings);
  Merged.Summaries = CallSummaries();
  if (Linked.empty())
    return;
  // Fingerprints as one run numbers them: the findings with the same rule
  // and line hash in a file, in order; the groups a linked finding joins are
  // numbered again.
  assignFingerprints(Linked);
  auto Group = [](const Finding &F) {
    return std::make_tuple(F.Where.File, F.Rule,
                           F.Fingerprint.substr(0, F.Fingerprint.rfind(':')));
  };
  std::set<std::tuple<std::string, std::string, std::string>> Renumber;
  for (Finding &F : Linked) {
    Renumber.insert(Group(F));
    Merged.Findings.push_back(std::move(F));
  }
  llvm::sort(Merged.Findings);
  std::map<std::tuple<std::string, std::string, std::string>, unsigned> Seen;
  for (Finding &F : Merged.Findings) {
    auto Key = Group(F);
    if (Renumber.count(Key))
      F.Fingerprint = std::get<2>(Key) + ":" + std::to_string(++Seen[Key]);
  }
}

} // namespace prodready
