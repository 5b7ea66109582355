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

} // namespace prodready
