//===--- Configuration.cpp - the run's configuration, checked early -------===//

#include "Configuration.h"
#include "FileIO.h"
#include "Redact.h"
#include "clang-tidy/ClangTidy.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"
#include <set>

using namespace clang;

namespace prodready {

namespace {

/// The .clang-tidy files clang-tidy would read for \p Files (each directory
/// up to the root), refused when nested too deeply for the YAML reader.
llvm::Error checkClangTidyFiles(const std::vector<std::string> &Files) {
  std::set<std::string> Seen;
  for (const std::string &File : Files) {
    for (llvm::StringRef Dir = llvm::sys::path::parent_path(File); !Dir.empty();
         Dir = llvm::sys::path::parent_path(Dir)) {
      if (!Seen.insert(Dir.str()).second)
        break; // its ancestors were checked too
      std::string Config = (Dir + "/.clang-tidy").str();
      if (!llvm::sys::fs::is_regular_file(Config))
        continue;
      bool Ok;
      std::string Text = readFile(Config, Ok);
      if (!Ok)
        continue;
      if (llvm::Error E = checkNestingDepth(Text, Config))
        return E;
      // A file clang-tidy cannot parse is skipped, as clang-tidy skips it
      // (a project's .clang-tidy may use a key of a newer clang-tidy); the
      // user is told once, redacted like every message.
      std::string Problems;
      auto Parsed = tidy::parseConfigurationWithDiags(
          llvm::MemoryBufferRef(Text, Config),
          [&](const llvm::SMDiagnostic &D) {
            llvm::raw_string_ostream OS(Problems);
            D.print("prodready", OS, /*ShowColors=*/false);
          });
      if (!Parsed)
        llvm::WithColor::warning(llvm::errs(), "prodready")
            << redactCredentials(
                   "ignoring " + Config +
                   ", which clang-tidy 19 cannot read either: " +
                   (Problems.empty() ? Parsed.getError().message()
                                     : llvm::StringRef(Problems).rtrim().str()))
            << "\n";
    }
  }
  return llvm::Error::success();
}

/// The file the configuration of a run without files is looked up for.
std::string placeholderFile() { return absolutePath("dummy.cpp", ""); }

} // namespace

llvm::Expected<const Checklist *> checklistFor(const std::string &Path,
                                               Checklist &Storage) {
  if (Path.empty())
    return &defaultChecklist();
  auto Loaded = loadChecklist(Path);
  if (!Loaded)
    return Loaded.takeError();
  Storage = std::move(*Loaded);
  return &Storage;
}

AnalyzerOptions analysisOptionsFor(const DriverOptions &Opts,
                                   const std::string &Root) {
  AnalyzerOptions Analysis = Opts.Analysis;
  if (Analysis.ProjectRoot.empty())
    Analysis.ProjectRoot = Root;
  if (!Opts.SourceRoot.empty())
    Analysis.ScopeRoot = Root;
  if (Analysis.ResourceDir.empty())
    Analysis.ResourceDir = PRODREADY_CLANG_RESOURCE_DIR;
  return Analysis;
}

llvm::Error listChecks(const AnalyzerOptions &Analysis) {
  if (!Analysis.ConfigText && Analysis.ConfigFile.empty())
    if (llvm::Error E = checkClangTidyFiles({placeholderFile()}))
      return E;
  auto Provider = makeOptionsProvider(Analysis);
  if (!Provider)
    return Provider.takeError();
  tidy::ClangTidyOptions Effective = (*Provider)->getOptions(placeholderFile());
  for (const std::string &Name : tidy::getCheckNames(Effective, false))
    llvm::outs() << Name << "\n";
  return llvm::Error::success();
}

llvm::Error checkConfiguration(const AnalyzerOptions &Analysis,
                               const std::vector<std::string> &Files) {
  if (Files.empty())
    return llvm::Error::success();
  if (!Analysis.ConfigText && Analysis.ConfigFile.empty())
    if (llvm::Error E = checkClangTidyFiles(Files))
      return E;
  std::vector<std::string> Problems =
      verifyConfiguration(Analysis, Files.front());
  if (!Problems.empty()) {
    llvm::Error All = llvm::Error::success();
    for (const std::string &Problem : Problems)
      All = llvm::joinErrors(std::move(All),
                             llvm::make_error<llvm::StringError>(
                                 Problem, llvm::inconvertibleErrorCode()));
    return All;
  }
  // A gate that runs no check passes everything.
  auto Provider = makeOptionsProvider(Analysis);
  if (!Provider)
    return Provider.takeError();
  bool AnyCheck = false;
  std::set<std::string> Dirs;
  for (const std::string &File : Files)
    if (Dirs.insert(llvm::sys::path::parent_path(File).str()).second &&
        !tidy::getCheckNames((*Provider)->getOptions(File), false).empty()) {
      AnyCheck = true;
      break;
    }
  if (!AnyCheck)
    return llvm::make_error<llvm::StringError>(
        "no prodready check is enabled" +
            (Analysis.Checks ? " by --checks '" + *Analysis.Checks + "'"
                             : std::string()) +
            " (or by the .clang-tidy configuration); run 'prodready "
            "--list-checks' to see what a configuration enables",
        llvm::inconvertibleErrorCode());
  return llvm::Error::success();
}

std::vector<std::string> enabledRules(const AnalyzerOptions &Analysis,
                                      const std::vector<std::string> &Files) {
  auto Provider = makeOptionsProvider(Analysis);
  if (!Provider) {
    llvm::consumeError(Provider.takeError());
    return {};
  }
  if (Files.empty())
    return {};
  return tidy::getCheckNames((*Provider)->getOptions(Files.front()), false);
}

} // namespace prodready
