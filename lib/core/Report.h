//===--- Report.h - the merged result of a run and its outputs --*- C++ -*-===//

#ifndef PRODREADY_LIB_CORE_REPORT_H
#define PRODREADY_LIB_CORE_REPORT_H

#include "Catalog.h"
#include "Finding.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"
#include <nlohmann/json.hpp>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace prodready {

struct Report {
  std::vector<Finding> Findings;          // sorted, unique, fingerprinted
  std::vector<Notification> Notifications; // sorted by file
  std::vector<std::string> Rules;         // rules that ran, sorted
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
};

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

/// clang-style text: `file:line:col: warning: message [rule]`, the source
/// line and a caret, then the notes.
void writeText(const Report &R, llvm::raw_ostream &OS, bool ShowSource);

/// \p File relative to \p Root when it lies under it, else unchanged.
std::string relativeTo(const std::string &Root, const std::string &File);

/// GitHub Actions workflow commands (`::warning file=...,line=...::msg`), one
/// per finding: inline annotations without code scanning.
void writeGithubAnnotations(const Report &R, const std::string &SourceRoot,
                            llvm::raw_ostream &OS);

/// GitLab Code Quality (Code Climate) JSON: an array of issues with
/// fingerprint, severity and location.
void writeCodeClimate(const Report &R, const std::string &SourceRoot,
                      llvm::raw_ostream &OS);

/// The readiness scorecard in the checklists' shape.
void writeMarkdown(const Report &R, const Checklist &Items,
                   const std::string &SourceRoot, llvm::raw_ostream &OS);

/// Writes \p Contents to \p Path atomically: a temporary file in the same
/// directory, then a rename, so a killed run never leaves a partial file.
llvm::Error writeFileAtomically(llvm::StringRef Path, llvm::StringRef Contents);

} // namespace prodready

#endif // PRODREADY_LIB_CORE_REPORT_H
