//===--- Diff.cpp - which lines a change touches --------------------------===//

#include "Diff.h"
#include "llvm/ADT/SmallVector.h"

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
    if (Line.starts_with("diff ") || Line.starts_with("--- ") || Line.starts_with("+++ "))
      SawHeader = true;
    if (Line.starts_with("+++ ")) {
      llvm::StringRef Path = Line.drop_front(4);
      Current = Path.starts_with("/dev/null") ? std::string() : stripPrefix(Path);
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

} // namespace prodready
