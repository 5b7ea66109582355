//===--- Output.cpp - text and Markdown outputs ---------------------------===//

#include "Ansi.h"
#include "Redact.h"
#include "Sarif.h"
#include "Writers.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/MemoryBuffer.h"
#include <map>
#include <set>

namespace prodready {

static std::string
sourceLine(llvm::StringRef File, unsigned Line,
           std::map<std::string, std::unique_ptr<llvm::MemoryBuffer>> &Cache) {
  auto &Buffer = Cache[File.str()];
  if (!Buffer) {
    auto Read = llvm::MemoryBuffer::getFile(File, false, false);
    if (!Read)
      return "";
    Buffer = std::move(*Read);
  }
  llvm::StringRef Text = Buffer->getBuffer();
  for (unsigned I = 1; I < Line && !Text.empty(); ++I)
    Text = Text.split('\n').second;
  return Text.split('\n').first.rtrim("\r").str();
}

static void writeDiagnostic(
    llvm::raw_ostream &OS, const TextRange &Where, llvm::StringRef Level,
    llvm::StringRef Message, llvm::StringRef Rule, bool ShowSource,
    std::map<std::string, std::unique_ptr<llvm::MemoryBuffer>> &Cache,
    const std::set<std::pair<std::string, unsigned>> &SecretLines, bool Color) {
  // As clang colours it: a bold location, the level in its colour (magenta
  // warning, red error, grey note), a bold message, a green caret.
  auto Paint = [&](llvm::StringRef Code) -> llvm::raw_ostream & {
    return Color ? OS << Code : OS;
  };
  llvm::StringRef LevelColor = Level == "error"     ? ansi::Red
                               : Level == "warning" ? ansi::Magenta
                                                    : ansi::Grey;
  Paint(ansi::Bold) << Where.File << ":" << Where.Line << ":" << Where.Column
                    << ": ";
  Paint(LevelColor) << Level << ": ";
  Paint(ansi::Reset);
  if (Level != "note")
    Paint(ansi::Bold);
  OS << redactCredentials(Message);
  if (!Rule.empty())
    OS << " [" << Rule << "]";
  Paint(ansi::Reset) << "\n";
  // A line that holds a detected credential is never echoed, whichever
  // finding or note points at it; nor is a line with a credential in a
  // well-known format.
  if (!ShowSource || SecretLines.count({Where.File, Where.Line}))
    return;
  std::string Line = sourceLine(Where.File, Where.Line, Cache);
  if (Line.empty() || containsCredential(Line))
    return;
  std::string Number = std::to_string(Where.Line);
  OS << llvm::format("%5s", Number.c_str()) << " | " << Line << "\n";
  OS << "      | ";
  for (unsigned I = 1; I < Where.Column && I <= Line.size(); ++I)
    OS << (Line[I - 1] == '\t' ? '\t' : ' ');
  Paint(ansi::Green) << "^";
  Paint(ansi::Reset) << "\n";
}

void writeText(const Report &R, llvm::raw_ostream &OS, bool ShowSource,
               bool Color) {
  std::map<std::string, std::unique_ptr<llvm::MemoryBuffer>> Cache;
  // The lines of hard-coded secrets (also those filtered out by a baseline
  // or diff, which the driver passes in R.SecretLines) hold the secret.
  std::set<std::pair<std::string, unsigned>> SecretLines = R.SecretLines;
  for (const Finding &F : R.Findings) {
    const RuleInfo *Info = findRule(F.Rule);
    if (Info && Info->RedactSource)
      for (unsigned Line = F.Where.Line;
           Line <= std::max(F.Where.Line, F.Where.EndLine); ++Line)
        SecretLines.insert({F.Where.File, Line});
  }
  for (const Finding &F : R.Findings) {
    const RuleInfo *Info = findRule(F.Rule);
    bool Show = ShowSource && !(Info && Info->RedactSource);
    std::string Name =
        F.WarningAsError ? F.Rule + ",-warnings-as-errors" : F.Rule;
    writeDiagnostic(OS, F.Where, F.Level, F.Message, Name, Show, Cache,
                    SecretLines, Color);
    for (const FindingNote &N : F.Notes)
      writeDiagnostic(OS, N.Where, "note", N.Message, "", Show, Cache,
                      SecretLines, Color);
  }
}

std::string relativeTo(const std::string &Root, const std::string &File) {
  llvm::StringRef Path(File);
  if (!Root.empty() && Path.starts_with(Root + "/"))
    return Path.drop_front(Root.size() + 1).str();
  return File;
}

/// \p Text as Markdown text, not markup: a message quoting code (`*p`,
/// `a[i]`, `<T>`) is shown as written, and HTML cannot reach a job summary.
static std::string escapeMarkdown(llvm::StringRef Text) {
  std::string Out;
  for (size_t I = 0; I < Text.size(); ++I) {
    char C = Text[I];
    if (C == '\n' || C == '\r') {
      Out += ' ';
      continue;
    }
    // An underscore inside a word (has_value) never emphasises.
    bool InWord = C == '_' && I > 0 && I + 1 < Text.size() &&
                  llvm::isAlnum(Text[I - 1]) && llvm::isAlnum(Text[I + 1]);
    if (llvm::StringRef("\\`*_[]<>|").contains(C) && !InWord)
      Out += '\\';
    Out += C;
  }
  return Out;
}

/// The link to \p Line of \p File (relative to the source root): under
/// --link-base when given, else relative. A file outside the source root
/// has no link under a base.
static std::string fileLink(const ScorecardOptions &Options,
                            const std::string &File, unsigned Line) {
  std::string Target = encodeUriPath(File) + "#L" + std::to_string(Line);
  if (Options.LinkBase.empty() || llvm::StringRef(File).starts_with("/"))
    return Target;
  return Options.LinkBase +
         (llvm::StringRef(Options.LinkBase).ends_with("/") ? "" : "/") + Target;
}

/// At most this many findings are listed under one item: a job summary
/// holds 1 MiB.
static constexpr size_t MaxListedFindings = 50;

void writeMarkdown(const Report &R, const Checklist &Items,
                   const ScorecardOptions &Options, llvm::raw_ostream &OS) {
  const std::string &SourceRoot = Options.SourceRoot;
  std::map<std::string, std::vector<const Finding *>> ByRule;
  for (const Finding &F : R.Findings)
    ByRule[F.Rule].push_back(&F);
  std::set<std::string> RulesRun(R.Rules.begin(), R.Rules.end());

  // An item fails when a rule that evidences it found something, passes
  // when all its rules ran and found nothing, and is not checked otherwise.
  auto RanAll = [&](const ChecklistItem &Item) {
    return llvm::all_of(Item.Rules, [&](const std::string &Rule) {
      return RulesRun.empty() || RulesRun.count(Rule);
    });
  };
  auto FoundAny = [&](const ChecklistItem &Item) {
    return llvm::any_of(Item.Rules, [&](const std::string &Rule) {
      return ByRule.count(Rule);
    });
  };
  unsigned Automated = 0, Checkable = 0, Passing = 0;
  std::vector<const ChecklistItem *> Manual;
  for (const ChecklistItem &Item : Items.Items) {
    if (!Item.automated()) {
      Manual.push_back(&Item);
      continue;
    }
    ++Automated;
    if (FoundAny(Item))
      ++Checkable;
    else if (RanAll(Item)) {
      ++Checkable;
      ++Passing;
    }
  }
  unsigned Percent =
      Checkable ? (Passing * 100 + Checkable / 2) / Checkable : 100;

  OS << "# " << Items.Title << "\n";
  OS << "**Automated assessment by prodready " << PRODREADY_VERSION << "**\n\n";
  if (!Options.ProjectName.empty())
    OS << "**Project**: " << escapeMarkdown(Options.ProjectName) << "\n";
  if (!Options.ProjectName.empty() && !Options.Commit.empty())
    OS << "\n"; // a paragraph each, in every renderer
  if (!Options.Commit.empty())
    OS << "**Commit**: `" << escapeMarkdown(Options.Commit) << "`\n";
  if (!Options.ProjectName.empty() || !Options.Commit.empty())
    OS << "\n";
  bool Ready =
      Checkable == Automated && Passing == Checkable && R.ExecutionSuccessful;
  OS << "**Overall Status**: "
     << (Ready ? "✅ **READY (code checks)**" : "❌ **NOT PRODUCTION READY**")
     << " (" << Percent << "% of code-checkable items pass - " << Passing << "/"
     << Checkable << " items)\n\n";
  if (Checkable < Automated)
    OS << "- Not checked (their rules were not enabled): "
       << Automated - Checkable << " item(s)\n";
  OS << "- Findings: " << R.Findings.size() << " in " << R.FilesAnalysed
     << " analysed file(s)";
  if (R.FilesFromCache)
    OS << " (" << R.FilesFromCache << " from cache)";
  if (R.FilesFailed)
    OS << ", " << R.FilesFailed << " file(s) could not be fully analysed";
  OS << "\n- Items that need a human (not checkable from code): "
     << Manual.size() << ", listed at the end\n\n---\n";

  for (const auto &[SectionId, SectionTitle] : Items.Sections) {
    bool Any = false;
    for (const ChecklistItem &Item : Items.Items)
      Any |= Item.Section == SectionId && Item.automated();
    if (!Any)
      continue;
    OS << "\n## " << SectionTitle << "\n\n";
    for (const ChecklistItem &Item : Items.Items) {
      if (Item.Section != SectionId || !Item.automated())
        continue;
      std::vector<const Finding *> Found;
      for (const std::string &Rule : Item.Rules)
        if (ByRule.count(Rule))
          Found.insert(Found.end(), ByRule[Rule].begin(), ByRule[Rule].end());
      if (!Found.empty())
        OS << "- [ ] ❌ **" << Item.Title << "** (" << Item.Id
           << ") - FAILED\n";
      else if (RanAll(Item))
        OS << "- [x] ✅ **" << Item.Title << "** (" << Item.Id
           << ") - PASSED\n";
      else {
        // Nothing ran, so there is no evidence: say which rules would check
        // the item.
        OS << "- [ ] ⚪ **" << Item.Title << "** (" << Item.Id
           << ") - NOT CHECKED\n";
        OS << "  - **Rules not enabled**: ";
        bool First = true;
        for (const std::string &Rule : Item.Rules)
          if (!RulesRun.empty() && !RulesRun.count(Rule)) {
            OS << (First ? "" : ", ") << "`" << Rule << "`";
            First = false;
          }
        OS << "\n";
        continue;
      }
      OS << "  - **Evidence**: ";
      for (size_t I = 0; I < Item.Rules.size(); ++I) {
        llvm::StringRef Rule(Item.Rules[I]);
        unsigned Count =
            ByRule.count(Item.Rules[I]) ? ByRule[Item.Rules[I]].size() : 0;
        OS << (I ? ", " : "") << "`" << Rule << "` (";
        if (!Count && !RulesRun.empty() && !RulesRun.count(Item.Rules[I]))
          OS << "not enabled)";
        else
          OS << Count << " finding" << (Count == 1 ? "" : "s") << ")";
      }
      OS << "\n";
      if (Found.empty())
        continue;
      std::map<std::string, std::vector<const Finding *>> ByFile;
      for (const Finding *F : Found)
        ByFile[relativeTo(SourceRoot, F->Where.File)].push_back(F);
      std::vector<std::pair<std::string, std::vector<const Finding *>>> Files(
          ByFile.begin(), ByFile.end());
      std::stable_sort(Files.begin(), Files.end(),
                       [](const auto &A, const auto &B) {
                         return A.second.size() > B.second.size();
                       });
      OS << "  - **Location**: ";
      for (size_t I = 0; I < Files.size() && I < 5; ++I) {
        const auto &[File, List] = Files[I];
        const Finding *First = *std::min_element(
            List.begin(), List.end(),
            [](const Finding *A, const Finding *B) { return *A < *B; });
        OS << (I ? ", " : "") << "[`" << File << "` (" << List.size()
           << " finding" << (List.size() == 1 ? "" : "s") << ")]("
           << fileLink(Options, File, First->Where.Line) << ")";
      }
      if (Files.size() > 5)
        OS << ", and " << Files.size() - 5 << " more file(s)";
      OS << "\n";
      if (!Item.Rationale.empty())
        OS << "  - **Impact**: " << Item.Rationale << "\n";
      OS << "  - **Findings**:\n";
      std::sort(Found.begin(), Found.end(),
                [](const Finding *A, const Finding *B) { return *A < *B; });
      for (size_t I = 0; I < Found.size() && I < MaxListedFindings; ++I) {
        const Finding &F = *Found[I];
        std::string File = relativeTo(SourceRoot, F.Where.File);
        OS << "    - [" << escapeMarkdown(File) << ":" << F.Where.Line << "]("
           << fileLink(Options, File, F.Where.Line) << ") `" << F.Rule
           << "`: " << escapeMarkdown(F.Message) << "\n";
      }
      if (Found.size() > MaxListedFindings)
        OS << "    - ... and " << Found.size() - MaxListedFindings
           << " more (every finding is in the text and SARIF outputs)\n";
    }
  }
  OS << "\n## Needs a human (outside what code analysis can show)\n\n";
  for (const ChecklistItem *Item : Manual)
    OS << "- [ ] ⚪ **" << Item->Title << "** (" << Item->Id << ", "
       << Item->SectionTitle << ") - MANUAL\n";
  if (!R.Notifications.empty()) {
    OS << "\n## Analysis notes\n\n";
    for (const Notification &N : R.Notifications)
      OS << "- "
         << (N.File.empty() ? std::string()
                            : "`" + relativeTo(SourceRoot, N.File) + "`: ")
         << N.Message << "\n";
  }
}

} // namespace prodready
