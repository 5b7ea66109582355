//===--- Configuration.h - the run's configuration, checked early -*- C++
//-*-===//
//
// Everything a run is configured by (clang-tidy's .clang-tidy files and
// --checks/--config, the checklist catalogue) is read and checked before
// any unit is analysed, so that a mistake costs seconds, not a whole run,
// and nothing is written.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_LIB_CORE_CONFIGURATION_H
#define PRODREADY_LIB_CORE_CONFIGURATION_H

#include "Analyzer.h"
#include "Catalog.h"
#include "DriverOptions.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace prodready {

/// The checklist of --checklist \p Path (kept in \p Storage), or the
/// built-in one.
llvm::Expected<const Checklist *> checklistFor(const std::string &Path,
                                               Checklist &Storage);

/// The analysis options of a run: \p Opts.Analysis completed with the
/// source root \p Root and the clang resource directory.
AnalyzerOptions analysisOptionsFor(const DriverOptions &Opts,
                                   const std::string &Root);

/// `--list-checks`: prints the checks the configuration enables.
llvm::Error listChecks(const AnalyzerOptions &Analysis);

/// Rejects a configuration that cannot be used for \p Files: a .clang-tidy
/// file nested too deeply, unknown checks or option values (one error per
/// problem), or no prodready check enabled at all (a gate that runs no check
/// would pass everything). A .clang-tidy file that does not parse is skipped
/// with a warning, as clang-tidy skips it.
llvm::Error checkConfiguration(const AnalyzerOptions &Analysis,
                               const std::vector<std::string> &Files);

/// The rules that ran, as SARIF lists them.
std::vector<std::string> enabledRules(const AnalyzerOptions &Analysis,
                                      const std::vector<std::string> &Files);

} // namespace prodready

#endif // PRODREADY_LIB_CORE_CONFIGURATION_H
