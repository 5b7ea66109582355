//===--- Analyzer.h - run the prodready checks on one unit ------*- C++ -*-===//
//
// Runs the registered clang-tidy checks (the prodready module) over one
// translation unit with clang-tidy's own engine, so that check selection,
// .clang-tidy CheckOptions and NOLINT behave exactly as in clang-tidy, and
// converts the diagnostics into rule-agnostic Findings.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_LIB_CORE_ANALYZER_H
#define PRODREADY_LIB_CORE_ANALYZER_H

#include "Finding.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace prodready {

struct AnalyzerOptions {
  std::optional<std::string> Checks;       // --checks, a clang-tidy glob list
  std::optional<std::string> ConfigText;   // --config, YAML/JSON
  std::string ConfigFile;                  // --config-file
  std::optional<std::string> HeaderFilter; // --header-filter
  std::vector<std::string> ExtraArgs, ExtraArgsBefore;
  std::string ResourceDir;      // clang's builtin headers
  std::string ProjectRoot;      // default header filter: headers below it
  bool SkipSystemBodies = true; // traverse only the project's declarations
  // Scope (ProjectScope): --include-tests, --exclude, --include, and the
  // explicit --source-root.
  bool IncludeTests = false;
  std::vector<std::string> Exclude, Include;
  std::string ScopeRoot;
  /// Unsaved editor buffers (absolute path -> text) analysed instead of the
  /// files on disk (the language server's overlay).
  std::map<std::string, std::string> UnsavedFiles;
  /// Where precompiled preambles are kept (PreambleStore.h); empty: every
  /// unit is parsed whole.
  std::string PreambleDir;
  /// When set, only these units (as passed to analyzeUnit) use it.
  std::optional<std::set<std::string>> PreambleOnlyFor;
};

/// Builds the clang-tidy options provider the driver uses, with clang-tidy's
/// precedence: defaults < .clang-tidy files (or --config/--config-file) <
/// command-line overrides.
llvm::Expected<std::unique_ptr<clang::tidy::ClangTidyOptionsProvider>>
makeOptionsProvider(const AnalyzerOptions &Opts);

/// Checks that the configuration for \p File names only known checks and
/// options with valid values. Returns one message per problem.
std::vector<std::string> verifyConfiguration(const AnalyzerOptions &Opts,
                                             llvm::StringRef File);

/// The enabled check names and the effective configuration text for \p File
/// (part of the cache key).
std::string effectiveConfiguration(const AnalyzerOptions &Opts,
                                   llvm::StringRef File);

/// Decides which units are out of scope before any parsing: generated,
/// test or vendored main files, and --exclude. (Headers, and units that
/// include a test framework, are judged by the checks themselves.)
class UnitScopeFilter {
public:
  explicit UnitScopeFilter(const AnalyzerOptions &Opts);
  /// "" when \p File is judged, else why not (generated, test, ...).
  std::string outOfScope(llvm::StringRef File, llvm::StringRef BuildDir);

private:
  const AnalyzerOptions &Opts;
  std::unique_ptr<clang::tidy::ClangTidyOptionsProvider> Provider;
};

/// Analyses \p File with the compile command \p DB has for it.
UnitResult analyzeUnit(const clang::tooling::CompilationDatabase &DB,
                       llvm::StringRef File, const AnalyzerOptions &Opts);

/// \p Path made absolute (relative to \p BaseDir, or the working directory
/// when empty), with `.` removed and `..` resolved through the file system.
std::string absolutePath(llvm::StringRef Path, llvm::StringRef BaseDir);

/// Drops the arguments clang's driver does not know (GCC-only flags).
std::vector<std::string>
stripUnknownArguments(const std::vector<std::string> &Args);

/// Hash of a file's bytes as used in cache keys and dependency lists.
std::string contentHash(llvm::StringRef Bytes);

/// The dependency "hash" of a path that was looked up and did not exist (an
/// include directory probed for a header, a __has_include): the cached result
/// stays valid only while the path is still absent.
inline constexpr const char *AbsentDependency = "absent";

/// \p Base, except that only regular files can be opened (a FIFO would block
/// the reader forever, a device such as /dev/zero never ends), files larger
/// than \p MaxBytes (0: no limit) are refused, and every absolute path that
/// was looked up and not found is added to \p Missing (when given).
llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>
makeGuardedFileSystem(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Base,
                      std::set<std::string> *Missing = nullptr,
                      uint64_t MaxBytes = 0);

} // namespace prodready

#endif // PRODREADY_LIB_CORE_ANALYZER_H
