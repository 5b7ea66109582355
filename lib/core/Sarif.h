//===--- Sarif.h - SARIF 2.1.0 output and input -----------------*- C++ -*-===//

#ifndef PRODREADY_LIB_CORE_SARIF_H
#define PRODREADY_LIB_CORE_SARIF_H

#include "Report.h"
#include "llvm/Support/Error.h"
#include <nlohmann/json.hpp>
#include <string>

namespace prodready {

struct SarifOptions {
  std::string SourceRoot; // absolute; results under it get %SRCROOT% URIs
  std::string Category;   // automationDetails.id prefix
  const Checklist *Items = nullptr;
};

/// Percent-encodes a path for use in a URI (RFC 3986), keeping '/'.
std::string encodeUriPath(llvm::StringRef Path);

/// The SARIF 2.1.0 log for \p R.
nlohmann::ordered_json toSarif(const Report &R, const SarifOptions &Opts);

/// Reads the results of a prodready SARIF log back (for merge, report and
/// baselines). Errors name the file and the problem.
llvm::Expected<Report> readSarif(llvm::StringRef Text, llvm::StringRef Origin,
                                 std::string &SourceRoot);

} // namespace prodready

#endif // PRODREADY_LIB_CORE_SARIF_H
