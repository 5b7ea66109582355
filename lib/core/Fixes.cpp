//===--- Fixes.cpp - apply the findings' fix-its to the files -------------===//

#include "Fixes.h"
#include "Analyzer.h"
#include "FileIO.h"
#include "clang/Tooling/Core/Replacement.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"
#include <set>
#include <tuple>

namespace prodready {

namespace {

using Edit =
    std::tuple<unsigned, unsigned, std::string>; // offset, length, text

/// Adds \p Edits to \p Into unless one overlaps a replacement already there
/// (then nothing is added). Identical edits are kept once.
bool addAll(clang::tooling::Replacements &Into, std::set<Edit> &Seen,
            const std::string &File, const std::vector<Edit> &Edits) {
  clang::tooling::Replacements Trial = Into;
  std::set<Edit> Added;
  for (const Edit &E : Edits) {
    if (Seen.count(E) || Added.count(E))
      continue;
    auto [Offset, Length, Text] = E;
    // Two insertions at the same place would both apply, in an order the
    // user did not choose: treat them as a conflict.
    for (const clang::tooling::Replacement &R : Trial)
      if (Length == 0 && R.getLength() == 0 && R.getOffset() == Offset)
        return false;
    if (llvm::Error Err = Trial.add(
            clang::tooling::Replacement(File, Offset, Length, Text))) {
      llvm::consumeError(std::move(Err));
      return false;
    }
    Added.insert(E);
  }
  Into = std::move(Trial);
  Seen.insert(Added.begin(), Added.end());
  return true;
}

} // namespace

FixOutcome
applyFixes(const std::vector<Finding> &Findings,
           const std::map<std::string, std::string> &AnalysedHashes) {
  FixOutcome Out;
  std::map<std::string, clang::tooling::Replacements> ByFile;
  std::map<std::string, std::set<Edit>> Seen;
  std::map<std::string, unsigned> FixedIn;
  for (const Finding &F : Findings) {
    if (F.Fixes.empty())
      continue;
    std::map<std::string, std::vector<Edit>> Edits;
    for (const FixReplacement &R : F.Fixes)
      Edits[R.Where.File].emplace_back(R.Where.Offset, R.Where.Length, R.Text);
    // All or nothing: try every file of the finding first.
    std::map<std::string, clang::tooling::Replacements> Tentative;
    std::map<std::string, std::set<Edit>> TentativeSeen;
    bool Fits = true;
    for (auto &[File, List] : Edits) {
      Tentative[File] = ByFile[File];
      TentativeSeen[File] = Seen[File];
      Fits = Fits && addAll(Tentative[File], TentativeSeen[File], File, List);
    }
    if (!Fits) {
      Out.Problems.push_back(F.Where.File + ":" + std::to_string(F.Where.Line) +
                             ": the fix-it of this " + F.Rule +
                             " finding overlaps another fix-it; not applied");
      continue;
    }
    for (auto &[File, Reps] : Tentative) {
      ByFile[File] = std::move(Reps);
      Seen[File] = std::move(TentativeSeen[File]);
    }
    ++Out.FindingsFixed;
  }
  for (auto &[File, Reps] : ByFile) {
    if (Reps.empty())
      continue;
    auto Buffer = llvm::MemoryBuffer::getFile(File, /*IsText=*/false,
                                              /*RequiresNullTerminator=*/false);
    if (!Buffer) {
      Out.Problems.push_back(File + ": cannot read it to apply fix-its: " +
                             Buffer.getError().message());
      continue;
    }
    llvm::StringRef Code = (*Buffer)->getBuffer();
    auto Known = AnalysedHashes.find(File);
    if (Known != AnalysedHashes.end() && Known->second != contentHash(Code)) {
      Out.Problems.push_back(File + ": changed since it was analysed; fix-its "
                                    "not applied (run again)");
      continue;
    }
    llvm::Expected<std::string> Fixed =
        clang::tooling::applyAllReplacements(Code, Reps);
    if (!Fixed) {
      Out.Problems.push_back(
          File + ": fix-its not applied: " + llvm::toString(Fixed.takeError()));
      continue;
    }
    if (*Fixed == Code)
      continue;
    llvm::sys::fs::file_status Status;
    bool HaveStatus = !llvm::sys::fs::status(File, Status);
    if (llvm::Error E = writeFileAtomically(File, *Fixed)) {
      Out.Problems.push_back(llvm::toString(std::move(E)));
      continue;
    }
    // The rewritten file keeps the original's permissions.
    if (HaveStatus)
      (void)llvm::sys::fs::setPermissions(File, Status.permissions());
    Out.FilesChanged.push_back(File);
  }
  return Out;
}

FixPlan planFixes(const std::vector<UnitResult> &Units,
                  const std::vector<Finding> &Findings) {
  FixPlan Plan;
  for (const UnitResult &U : Units)
    for (const auto &[Path, Hash] : U.Dependencies)
      Plan.AnalysedHashes.emplace(Path, Hash);
  for (const Finding &F : Findings)
    if (F.BaselineState != "unchanged" && !F.Fixes.empty())
      Plan.ToFix.push_back(F);
  return Plan;
}

void applyFixPlan(const FixPlan &Plan, bool Quiet) {
  FixOutcome Fixed = applyFixes(Plan.ToFix, Plan.AnalysedHashes);
  for (const std::string &Problem : Fixed.Problems)
    llvm::WithColor::warning(llvm::errs(), "prodready") << Problem << "\n";
  if (!Quiet)
    llvm::errs() << "prodready: applied the fix-its of " << Fixed.FindingsFixed
                 << " finding(s) to " << Fixed.FilesChanged.size()
                 << " file(s)\n";
}

} // namespace prodready
