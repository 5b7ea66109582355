//===--- Report.h - the merged result of a run ------------------*- C++ -*-===//
//
// The result model every output is written from: the findings of all units
// after merging, linking, baselines and redaction. The writers are declared
// in Writers.h and Sarif.h; OutputFormats.h names them.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_LIB_CORE_REPORT_H
#define PRODREADY_LIB_CORE_REPORT_H

#include "Catalog.h"
#include "Finding.h"
#include <map>
#include <set>
#include <string>
#include <vector>

namespace prodready {

struct Report {
  std::vector<Finding> Findings;           // sorted, unique, fingerprinted
  std::vector<Notification> Notifications; // sorted by file
  std::vector<std::string> Rules;          // rules that ran, sorted
  unsigned FilesAnalysed = 0, FilesFromCache = 0, FilesFailed = 0;
  /// Files not judged because they are out of scope, by reason (generated,
  /// test, vendored, excluded).
  std::map<std::string, unsigned> OutOfScope;
  bool ExecutionSuccessful = true;
  /// Lines that hold a detected credential (file, line), recorded before
  /// baseline and diff filtering: text output never echoes them.
  std::set<std::pair<std::string, unsigned>> SecretLines;
  /// The units' call summaries: written into the SARIF of a --shard run so
  /// that `prodready merge` links paths across shards.
  CallSummaries Summaries;
  /// Where the analysed code came from (SARIF versionControlProvenance:
  /// repositoryUri, revisionId), when known.
  std::string RepositoryUri, Commit;
};

} // namespace prodready

#endif // PRODREADY_LIB_CORE_REPORT_H
