//===--- Diff.cpp - which lines a change touches --------------------------===//

#include "Diff.h"
#include "FileIO.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Program.h"
#include <optional>
#include <vector>

namespace prodready {

static std::string stripPrefix(llvm::StringRef Path) {
  Path = Path.split('\t').first.rtrim("\r");
  if (Path.size() >= 2 && Path.front() == '"' && Path.back() == '"')
    Path = Path.drop_front().drop_back();
  if (Path.starts_with("a/") || Path.starts_with("b/"))
    Path = Path.drop_front(2);
  return Path.str();
}

llvm::Expected<ChangedLines> parseUnifiedDiff(llvm::StringRef Text,
                                              llvm::StringRef Origin) {
  ChangedLines Result;
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  Text.split(Lines, '\n');
  std::string Current;
  unsigned NewLine = 0, Remaining = 0;
  bool InHunk = false, SawHeader = false;
  for (size_t I = 0; I < Lines.size(); ++I) {
    llvm::StringRef Line = Lines[I];
    auto Fail = [&](const char *Problem) {
      return llvm::createStringError(std::errc::invalid_argument, "%s:%zu: %s",
                                     Origin.str().c_str(), I + 1, Problem);
    };
    if (InHunk && Remaining > 0 && !Line.starts_with("\\")) {
      if (Line.starts_with("+")) {
        Result[Current].insert(NewLine++);
        --Remaining;
        continue;
      }
      if (Line.starts_with("-"))
        continue;
      if (Line.starts_with(" ") || Line.empty()) {
        ++NewLine;
        --Remaining;
        continue;
      }
      InHunk = false; // a truncated hunk: fall through to headers
    }
    if (Line.starts_with("diff ") || Line.starts_with("--- ") ||
        Line.starts_with("+++ "))
      SawHeader = true;
    if (Line.starts_with("+++ ")) {
      llvm::StringRef Path = Line.drop_front(4);
      Current =
          Path.starts_with("/dev/null") ? std::string() : stripPrefix(Path);
      InHunk = false;
      continue;
    }
    if (Line.starts_with("@@ ")) {
      if (Current.empty()) {
        // A deleted file, or a hunk before any file header.
        InHunk = false;
        continue;
      }
      size_t Plus = Line.find(" +");
      if (Plus == llvm::StringRef::npos)
        return Fail("malformed hunk header (no '+start')");
      llvm::StringRef Range = Line.drop_front(Plus + 2).split(' ').first;
      auto [Start, Count] = Range.split(',');
      unsigned StartLine = 0, LineCount = 1;
      if (Start.getAsInteger(10, StartLine) ||
          (!Count.empty() && Count.getAsInteger(10, LineCount)))
        return Fail("malformed hunk header (bad line numbers)");
      NewLine = StartLine;
      Remaining = LineCount;
      InHunk = LineCount > 0;
      continue;
    }
  }
  // Anything else (a log, a file list, a binary) is no diff: reading it as
  // "nothing changed" would let every finding pass the gate.
  if (!SawHeader && !Text.trim().empty())
    return llvm::createStringError(
        std::errc::invalid_argument,
        "%s: not a unified diff (no 'diff', '---' or '+++' file header); "
        "generate it with git diff or diff -u",
        Origin.str().c_str());
  return Result;
}

llvm::Expected<ChangedLines> changedLines(const std::string &DiffFile,
                                          const std::string &DiffBase,
                                          const std::string &Root) {
  std::string Text;
  std::string Origin;
  if (!DiffFile.empty()) {
    bool Ok;
    Text = readFile(DiffFile, Ok);
    Origin = DiffFile;
    if (!Ok)
      return llvm::createStringError(std::errc::no_such_file_or_directory,
                                     "cannot read diff '%s'", DiffFile.c_str());
  } else {
    // The revision is never an option to git (`--output=FILE` would
    // truncate FILE): rejected here, and --end-of-options besides.
    if (llvm::StringRef(DiffBase).starts_with("-"))
      return llvm::createStringError(
          std::errc::invalid_argument,
          "--diff-base '%s' is not a revision (it starts with '-')",
          DiffBase.c_str());
    auto Git = llvm::sys::findProgramByName("git");
    if (!Git)
      return llvm::createStringError(std::errc::no_such_file_or_directory,
                                     "--diff-base needs git on PATH");
    llvm::SmallString<128> Out;
    llvm::sys::fs::createTemporaryFile("prodready-diff", "patch", Out);
    std::optional<llvm::StringRef> Redirects[] = {
        std::nullopt, llvm::StringRef(Out), llvm::StringRef("")};
    std::string Error;
    bool Ok;
    // Blame only the branch: diff against the merge base with REV (what
    // `git diff REV...` means), not REV's moving tip, whose own new commits
    // would otherwise count as changed lines.
    std::vector<llvm::StringRef> BaseArgs = {
        *Git, "-C", Root, "merge-base", "--end-of-options", DiffBase, "HEAD"};
    int RC = llvm::sys::ExecuteAndWait(*Git, BaseArgs, std::nullopt, Redirects,
                                       0, 0, &Error);
    std::string MergeBase = llvm::StringRef(readFile(Out, Ok)).trim().str();
    if (RC != 0 || MergeBase.empty()) {
      llvm::sys::fs::remove(Out);
      return llvm::createStringError(
          std::errc::invalid_argument,
          "--diff-base %s: no merge base with HEAD in '%s' (is '%s' a valid "
          "revision, and is the history deep enough? In CI, fetch with "
          "fetch-depth: 0)",
          DiffBase.c_str(), Root.c_str(), DiffBase.c_str());
    }
    llvm::sys::fs::remove(Out); // a redirect does not truncate
    // Nothing configured in the analysed repository may run: no external
    // diff drivers, no textconv filters, no fsmonitor hook.
    std::vector<llvm::StringRef> Args = {*Git,
                                         "-C",
                                         Root,
                                         "-c",
                                         "core.fsmonitor=false",
                                         "-c",
                                         "diff.external=",
                                         "diff",
                                         "--no-ext-diff",
                                         "--no-textconv",
                                         "--no-color",
                                         "--relative",
                                         "-U0",
                                         "--end-of-options",
                                         MergeBase,
                                         "--"};
    RC = llvm::sys::ExecuteAndWait(*Git, Args, std::nullopt, Redirects, 0, 0,
                                   &Error);
    Text = readFile(Out, Ok);
    llvm::sys::fs::remove(Out);
    if (RC != 0)
      return llvm::createStringError(std::errc::invalid_argument,
                                     "git diff %s failed in '%s' (is it a git "
                                     "repository and '%s' a valid revision?)",
                                     DiffBase.c_str(), Root.c_str(),
                                     DiffBase.c_str());
    Origin = "git diff " + DiffBase;
  }
  return parseUnifiedDiff(Text, Origin);
}

void keepChangedLines(std::vector<Finding> &Findings,
                      const ChangedLines &Changed, const std::string &Root) {
  llvm::erase_if(Findings, [&](const Finding &F) {
    llvm::StringRef Rel(F.Where.File);
    if (Rel.starts_with(Root + "/"))
      Rel = Rel.drop_front(Root.size() + 1);
    auto It = Changed.find(Rel.str());
    return It == Changed.end() || !It->second.count(F.Where.Line);
  });
}

std::string gitHeadCommit(const std::string &Root) {
  auto Git = llvm::sys::findProgramByName("git");
  if (!Git)
    return "";
  llvm::SmallString<128> Out;
  if (llvm::sys::fs::createTemporaryFile("prodready-head", "txt", Out))
    return "";
  std::optional<llvm::StringRef> Redirects[] = {
      std::nullopt, llvm::StringRef(Out), llvm::StringRef("")};
  // No hook of the analysed repository may run (fsmonitor).
  std::vector<llvm::StringRef> Args = {
      *Git,        "-C",       Root, "-c",  "core.fsmonitor=false",
      "rev-parse", "--verify", "-q", "HEAD"};
  int RC = llvm::sys::ExecuteAndWait(*Git, Args, std::nullopt, Redirects, 0, 0);
  bool Ok;
  std::string Commit = llvm::StringRef(readFile(Out, Ok)).trim().str();
  llvm::sys::fs::remove(Out);
  if (RC != 0 || !Ok || Commit.size() < 40 ||
      !llvm::all_of(Commit, [](char C) { return llvm::isHexDigit(C); }))
    return "";
  return Commit;
}

} // namespace prodready
