//===--- Merge.cpp - the units' results as one report ---------------------===//

#include "Merge.h"
#include "Catalog.h"
#include "Console.h"
#include "llvm/ADT/STLExtras.h"
#include <algorithm>
#include <tuple>

namespace prodready {

Report mergeUnitResults(std::vector<UnitResult> &Units,
                        std::vector<Notification> Notifications,
                        std::map<std::string, std::string> OutOfScope,
                        size_t FromCache) {
  Report R;
  R.FilesAnalysed = Units.size();
  R.FilesFromCache = FromCache;
  for (UnitResult &U : Units) {
    if (!U.Parsed || U.Crashed)
      ++R.FilesFailed;
    for (Finding &F : U.Findings)
      R.Findings.push_back(std::move(F));
    for (Notification &N : U.Notifications)
      Notifications.push_back(std::move(N));
    for (auto &[Path, Reason] : U.OutOfScope)
      OutOfScope.emplace(Path, Reason);
  }
  for (const auto &[Path, Reason] : OutOfScope)
    ++R.OutOfScope[Reason];
  if (!OutOfScope.empty())
    Notifications.push_back(
        {"", "note", outOfScopeMessage(R.OutOfScope), "out-of-scope"});
  R.Notifications = std::move(Notifications);
  R.ExecutionSuccessful =
      llvm::none_of(Units, [](const UnitResult &U) { return U.Crashed; });
  return R;
}

void deduplicateFindings(std::vector<Finding> &Findings) {
  llvm::sort(Findings);
  Findings.erase(std::unique(Findings.begin(), Findings.end(), sameFinding),
                 Findings.end());
  assignFingerprints(Findings);
}

void recordSecretLines(Report &R, const std::vector<UnitResult> &Units,
                       bool Linked) {
  for (const Finding &F : R.Findings) {
    const RuleInfo *Info = findRule(F.Rule);
    if (Info && Info->RedactSource)
      for (unsigned Line = F.Where.Line;
           Line <= std::max(F.Where.Line, F.Where.EndLine); ++Line)
        R.SecretLines.insert({F.Where.File, Line});
    // A linked secret-in-log finding: where the secret comes from is never
    // echoed (the units mark the lines of their own findings' notes).
    if (Info && Info->RedactNotes && Linked)
      for (const FindingNote &N : F.Notes)
        if (N.Where.Line)
          R.SecretLines.insert({N.Where.File, N.Where.Line});
  }
  for (const UnitResult &U : Units)
    R.SecretLines.insert(U.SecretLines.begin(), U.SecretLines.end());
}

void sortNotifications(Report &R) {
  llvm::stable_sort(R.Notifications,
                    [](const Notification &A, const Notification &B) {
                      return std::tie(A.File, A.Id) < std::tie(B.File, B.Id);
                    });
}

} // namespace prodready
