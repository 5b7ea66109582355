//===--- Writers.h - the report's human and code-review outputs -*- C++ -*-===//
//
// One writer per output format (SARIF's is in Sarif.h). Which formats exist,
// and which writer each one uses, is decided in one place: OutputFormats.h.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_LIB_CORE_WRITERS_H
#define PRODREADY_LIB_CORE_WRITERS_H

#include "Report.h"
#include "llvm/Support/raw_ostream.h"
#include <string>

namespace prodready {

/// clang-style text: `file:line:col: warning: message [rule]`, the source
/// line and a caret, then the notes; with \p Color, coloured as clang does.
void writeText(const Report &R, llvm::raw_ostream &OS, bool ShowSource,
               bool Color = false);

/// GitHub Actions workflow commands (`::warning file=...,line=...::msg`), one
/// per finding: inline annotations without code scanning.
void writeGithubAnnotations(const Report &R, const std::string &SourceRoot,
                            llvm::raw_ostream &OS);

/// GitLab Code Quality (Code Climate) JSON: an array of issues with
/// fingerprint, severity and location.
void writeCodeClimate(const Report &R, const std::string &SourceRoot,
                      llvm::raw_ostream &OS);

/// What the scorecard says about where it comes from, and how it links.
struct ScorecardOptions {
  std::string SourceRoot; // absolute; paths under it are shown relative
  /// Prefix of every link to a file (e.g.
  /// https://github.com/org/repo/blob/SHA/), so that links work in a job
  /// summary or an artifact; empty: links relative to the source root.
  std::string LinkBase;
  std::string ProjectName, Commit; // shown at the top when not empty
};

/// The readiness scorecard in the checklists' shape: each finding with its
/// message under the checklist item it fails.
void writeMarkdown(const Report &R, const Checklist &Items,
                   const ScorecardOptions &Options, llvm::raw_ostream &OS);

/// \p File relative to \p Root when it lies under it, else unchanged.
std::string relativeTo(const std::string &Root, const std::string &File);

/// JSON text that never aborts on bytes that are not UTF-8 (paths, messages
/// quoting source): they become U+FFFD. Only for outputs read by people and
/// other tools; the worker and the cache use CBOR, which keeps bytes.
template <typename Json>
std::string jsonText(const Json &Value, int Indent = -1) {
  return Value.dump(Indent, ' ', false, Json::error_handler_t::replace);
}

} // namespace prodready

#endif // PRODREADY_LIB_CORE_WRITERS_H
