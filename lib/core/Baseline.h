//===--- Baseline.h - findings accepted earlier -----------------*- C++ -*-===//
//
// A baseline records the rule, the file relative to the source root and the
// fingerprint of every finding; no messages, so no secret can leak there. A
// SARIF log works as a baseline too. Baselined findings stay in the report,
// marked "unchanged", so that code scanning keeps their alerts open; only
// new ones gate and print.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_LIB_CORE_BASELINE_H
#define PRODREADY_LIB_CORE_BASELINE_H

#include "Finding.h"
#include "llvm/Support/Error.h"
#include <set>
#include <string>
#include <vector>

namespace prodready {

/// "rule\nrelative file\nfingerprint" per baselined finding.
using BaselineKeys = std::set<std::string>;

/// Reads a baseline (or a SARIF log) from \p Path.
llvm::Expected<BaselineKeys> loadBaseline(const std::string &Path);

/// Writes \p Findings as a baseline to \p Path (--write-baseline).
llvm::Error writeBaseline(const std::string &Path,
                          const std::vector<Finding> &Findings,
                          const std::string &Root);

/// Sets each finding's BaselineState: "unchanged" when \p Baseline holds
/// it, else "new".
void markBaselined(std::vector<Finding> &Findings, const BaselineKeys &Baseline,
                   const std::string &Root);

} // namespace prodready

#endif // PRODREADY_LIB_CORE_BASELINE_H
