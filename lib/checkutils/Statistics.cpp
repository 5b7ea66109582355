//===--- Statistics.cpp - counters checks report to the driver ------------===//

#include "Statistics.h"

namespace prodready {

static std::map<std::string, unsigned> &counters() {
  static std::map<std::string, unsigned> Counters;
  return Counters;
}

void countStatistic(llvm::StringRef Name, unsigned N) {
  counters()[Name.str()] += N;
}

std::map<std::string, unsigned> takeStatistics() {
  std::map<std::string, unsigned> Result;
  Result.swap(counters());
  return Result;
}

static std::map<std::string, std::string> &outOfScope() {
  static std::map<std::string, std::string> Files;
  return Files;
}

void recordOutOfScope(llvm::StringRef Path, llvm::StringRef Reason) {
  outOfScope().emplace(Path.str(), Reason.str());
}

std::map<std::string, std::string> takeOutOfScope() {
  std::map<std::string, std::string> Result;
  Result.swap(outOfScope());
  return Result;
}

static std::vector<DroppedFinding> &dropped() {
  static std::vector<DroppedFinding> Findings;
  return Findings;
}

void recordDroppedFinding(DroppedFinding Finding) {
  // Bounded: in the clang-tidy plugin nobody takes them.
  if (dropped().size() < 100000)
    dropped().push_back(std::move(Finding));
}

std::vector<DroppedFinding> takeDroppedFindings() {
  std::vector<DroppedFinding> Result;
  Result.swap(dropped());
  return Result;
}

} // namespace prodready
