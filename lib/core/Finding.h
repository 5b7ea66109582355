//===--- Finding.h - what an analysis reports -------------------*- C++ -*-===//
//
// The rule-agnostic result model shared by the analysis engine and every
// output format. A finding carries its location both as clang reports it
// (1-based byte columns) and as SARIF wants it (1-based Unicode code points).
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_LIB_CORE_FINDING_H
#define PRODREADY_LIB_CORE_FINDING_H

#include "CallSummary.h"
#include "llvm/ADT/StringRef.h"
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

namespace prodready {

struct TextRange {
  std::string File; // absolute, normalised path
  unsigned Offset = 0, Length = 0;
  unsigned Line = 0, Column = 0;              // start, 1-based, byte column
  unsigned EndLine = 0, EndColumn = 0;        // end (exclusive), byte column
  unsigned CharColumn = 0, EndCharColumn = 0; // code-point columns
};

struct FindingNote {
  std::string Message;
  TextRange Where;
};

struct FixReplacement {
  TextRange Where; // the text replaced
  std::string Text;
};

struct Finding {
  std::string Rule; // e.g. "prodready-swallowed-exception"
  /// "error" | "warning" | "note": the rule's declared level (rules.json),
  /// raised to "error" when .clang-tidy's WarningsAsErrors matches the rule.
  std::string Level;
  /// WarningsAsErrors promoted this finding; the text output names it as
  /// clang-tidy does ("[rule,-warnings-as-errors]").
  bool WarningAsError = false;
  std::string Message;
  TextRange Where;
  std::vector<FindingNote> Notes;
  std::vector<FixReplacement> Fixes;
  /// Hash of the normalised text of the finding's first line; combined with
  /// the rule and an occurrence index into a location-independent fingerprint.
  std::string LineHash;
  /// "<hash>:<occurrence>", stable when unrelated lines move the finding.
  std::string Fingerprint;
  /// Against a --baseline: "new" or "unchanged" (SARIF baselineState);
  /// empty when the run has no baseline.
  std::string BaselineState;
};

/// Something the tool could not do, e.g. a file that failed to parse.
struct Notification {
  std::string File;
  std::string Level; // "error" | "warning" | "note"
  std::string Message;
  std::string Id; // short stable id, e.g. "parse-error", "crash"
};

/// What the analysis of one translation unit produced.
struct UnitResult {
  std::string File;
  bool Parsed = true;   // false: the compiler reported errors
  bool Crashed = false; // the worker died; results of this unit are lost
  std::vector<Finding> Findings;
  std::vector<Notification> Notifications;
  /// Every file the unit read (main file and headers) with a content hash;
  /// the cache uses them to decide whether a replay is valid.
  std::vector<std::pair<std::string, std::string>> Dependencies;
  std::map<std::string, unsigned> Statistics;
  /// Files in which findings were dropped as out of scope: path -> reason
  /// (generated, test, vendored, excluded).
  std::map<std::string, std::string> OutOfScope;
  /// Lines (file, 1-based line) that hold a detected credential, also of
  /// findings that were not reported: text output never echoes them.
  std::set<std::pair<std::string, unsigned>> SecretLines;
  /// What the unit's functions call and whether they block, for the
  /// driver's link phase (Summaries.h); cached with the findings.
  CallSummaries Summaries;
  double Seconds = 0;
};

nlohmann::json toJson(const TextRange &R);
nlohmann::json toJson(const Finding &F);
nlohmann::json toJson(const Notification &N);
nlohmann::json toJson(const UnitResult &U);
/// Reading never aborts: malformed input yields false.
bool fromJson(const nlohmann::json &J, TextRange &R);
bool fromJson(const nlohmann::json &J, Finding &F);
bool fromJson(const nlohmann::json &J, Notification &N);
bool fromJson(const nlohmann::json &J, UnitResult &U);

/// Orders levels: error 3, warning 2, note 1, anything else 0.
unsigned levelRank(llvm::StringRef Level);
/// The more severe of two levels.
llvm::StringRef higherLevel(llvm::StringRef A, llvm::StringRef B);

/// Orders findings as clang-tidy prints them: file, offset, rule, message.
bool operator<(const Finding &A, const Finding &B);
bool sameFinding(const Finding &A, const Finding &B);

/// Fills Fingerprint for each finding: findings with the same rule and line
/// hash in the same file are numbered in source order.
void assignFingerprints(std::vector<Finding> &Findings);

} // namespace prodready

#endif // PRODREADY_LIB_CORE_FINDING_H
