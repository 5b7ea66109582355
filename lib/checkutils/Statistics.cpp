//===--- Statistics.cpp - counters checks report to the driver ------------===//

#include "Statistics.h"

namespace prodready {

static std::map<std::string, unsigned> &counters() {
  static std::map<std::string, unsigned> Counters;
  return Counters;
}

void countStatistic(llvm::StringRef Name, unsigned N) { counters()[Name.str()] += N; }

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

} // namespace prodready
