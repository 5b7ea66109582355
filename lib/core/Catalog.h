//===--- Catalog.h - rule metadata and the readiness checklist --*- C++ -*-===//
//
// Both are data (lib/data/*.json and docs/checks/*.md, embedded at build
// time); this code only reads them. A user-supplied checklist replaces the
// built-in one.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_LIB_CORE_CATALOG_H
#define PRODREADY_LIB_CORE_CATALOG_H

#include "llvm/Support/Error.h"
#include <map>
#include <string>
#include <vector>

namespace prodready {

struct RuleInfo {
  std::string Id, Name, Family, ShortDescription, FullDescription;
  std::string Level = "warning", Precision = "high",
              ProblemSeverity = "warning";
  std::string SecuritySeverity; // empty unless a security rule
  std::vector<int> Cwe;
  std::vector<std::string> Tags;
  bool CodeFlow = false; // its notes form a data-flow path
  /// Its notes are the steps of a call path, the async context last.
  bool CallPathFlow = false;
  bool RedactSource = false;   // its lines hold secrets: never echo them
  bool RedactNotes = false;    // its notes point at where a secret comes from
  std::string HelpMarkdown;    // docs/checks/<rule>.md
  std::string HelpText;        // the same, as plain text
  std::string docPath() const; // "docs/checks/<rule>.md"
};

struct ChecklistItem {
  std::string Id, Title, Rationale, Section, SectionTitle;
  std::vector<std::string> Rules; // empty: outside what code can show
  bool automated() const { return !Rules.empty(); }
};

struct Checklist {
  std::string Id, Title, Version, Source;
  std::vector<std::pair<std::string, std::string>> Sections; // id, title
  std::vector<ChecklistItem> Items;
  /// Items a rule evidences, in catalogue order.
  std::vector<const ChecklistItem *>
  itemsForRule(const std::string &Rule) const;
};

/// The built-in rule metadata, sorted by id.
const std::vector<RuleInfo> &ruleCatalog();
const RuleInfo *findRule(const std::string &Id);

/// The built-in checklist.
const Checklist &defaultChecklist();

/// Parses a checklist from JSON or YAML text. Errors name \p Origin, the
/// line and the problem.
llvm::Expected<Checklist> parseChecklist(llvm::StringRef Text,
                                         llvm::StringRef Origin);
llvm::Expected<Checklist> loadChecklist(llvm::StringRef Path);

/// Refuses YAML or JSON text nested deeper than a configuration can
/// plausibly be (flow brackets, indentation levels and compact `- - -`
/// sequences together), before a recursive parser sees it: LLVM's YAML
/// reader recurses once per level and a 50,000-deep file overflows the
/// stack. The error names \p Origin and the line. Used for --checklist,
/// --config/--config-file and every .clang-tidy read.
llvm::Error checkNestingDepth(llvm::StringRef Text, llvm::StringRef Origin);

/// The base URI of the rule documentation (helpUri).
extern const char *const DocsBaseUri;
extern const char *const ToolInformationUri;

} // namespace prodready

#endif // PRODREADY_LIB_CORE_CATALOG_H
