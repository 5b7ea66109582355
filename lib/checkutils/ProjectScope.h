//===--- ProjectScope.h - which files are the project's production code -*- C++
//-*-===//
//
// prodready judges production code. Generated code, test code and vendored
// third-party code under the source root are out of scope by default
// (RULES.md, "General rules"). This is the one place that decides it, for
// the checks (through ProdReadyCheck) and for the driver (which skips whole
// units up front and counts what it skipped).
//
// Configuration, in order of precedence:
//   - the driver's --include-tests / --exclude / --include (passed to the
//     checks as the CheckOptions prodready.IncludeTests,
//     prodready.CommandLineExclude, prodready.CommandLineInclude);
//   - CheckOptions prodready.IncludeTests, prodready.Exclude,
//     prodready.Include, prodready.TestFileRegex (or a check's own
//     <check>.TestFileRegex) from .clang-tidy or --config;
//   - the nearest .prodready.yaml above the main file (keys include-tests,
//     exclude, include, test-file-regex); its globs are relative to its
//     directory, which is then the project root.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_LIB_CHECKUTILS_PROJECTSCOPE_H
#define PRODREADY_LIB_CHECKUTILS_PROJECTSCOPE_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Regex.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace prodready {

/// Why a file is (not) judged.
enum class ScopeVerdict {
  Production, ///< judged
  Generated,  ///< says it is generated, or is named like generated code
  Test,       ///< test code by path, or a unit that includes a test framework
  Vendored,   ///< third-party code copied into the tree
  Excluded,   ///< excluded by the user's --exclude / configuration
};

llvm::StringRef verdictName(ScopeVerdict V);

/// What the user configured. Empty optionals mean "not set here".
struct ScopeSettings {
  std::optional<bool> IncludeTests;
  std::vector<std::string> Exclude, Include;
  std::optional<std::string> TestFileRegex;
};

/// The default test-file pattern, matched against the path relative to the
/// project root (RULES.md's list).
inline constexpr llvm::StringLiteral DefaultTestFilePattern =
    "(^|/)(tests?|testing|unittests?)/|"
    "(^|/)[^/]*_(tests?|unittests?)\\.[^/]*$|(^|/)test_[^/]*\\.[^/]*$|"
    "(^|/)[^/]*Tests?\\.(cc|cpp|cxx)$";

/// Reads a .prodready.yaml. Returns an error message for a file that is not
/// a mapping of the known keys (or is nested deeper than any real one).
std::optional<std::string> parseScopeFile(llvm::StringRef Text,
                                          ScopeSettings &Out);

/// Whether \p Text nests deeper than \p MaxDepth (flow brackets or
/// indentation levels). LLVM's YAML reader recurses once per level, so a
/// hostile file would overflow the stack before any schema check.
bool yamlTooDeep(llvm::StringRef Text, unsigned MaxDepth = 64);

/// The scope of one translation unit.
class ProjectScope {
public:
  /// \p MainFile and \p BuildDir are absolute. \p SourceRoot, when given,
  /// is the project root; otherwise the directory of the nearest
  /// .prodready.yaml or the git work tree above the main file.
  /// \p Options are the configured settings (command line and CheckOptions);
  /// the .prodready.yaml fills what they leave unset.
  ProjectScope(llvm::StringRef MainFile, llvm::StringRef BuildDir,
               llvm::StringRef SourceRoot, ScopeSettings Options);

  /// The verdict for the file \p Path (absolute). \p Head is the start of
  /// its text when the caller has it (the generated-code banner); otherwise
  /// the file is read.
  ScopeVerdict classify(llvm::StringRef Path,
                        std::optional<llvm::StringRef> Head = std::nullopt);

  /// Marks the whole unit as test code (it includes a test framework).
  void setUnitIsTest() { UnitIsTest = true; }
  bool unitIsTest() const { return UnitIsTest && !includeTests(); }

  bool includeTests() const { return Settings.IncludeTests.value_or(false); }
  const std::string &root() const { return Root; }
  const std::string &mainFile() const { return MainFile; }
  /// A problem with the configuration (bad regex, bad .prodready.yaml).
  const std::string &configurationProblem() const { return Problem; }

  /// Whether the header named \p IncludedName (as written in #include)
  /// belongs to a test framework (gtest, gmock, Catch2, doctest,
  /// Boost.Test, ...).
  static bool isTestFrameworkHeader(llvm::StringRef IncludedName);

private:
  ScopeVerdict classifyUncached(llvm::StringRef Path,
                                std::optional<llvm::StringRef> Head);
  bool matchesGlobs(llvm::StringRef Rel,
                    const std::vector<std::string> &Globs) const;

  std::string Root, BuildDir, MainFile;
  bool UseBuildDir = false;
  ScopeSettings Settings;
  std::vector<std::string> Submodules;
  std::shared_ptr<llvm::Regex> TestFiles;
  std::string Problem;
  bool UnitIsTest = false;
  llvm::StringMap<ScopeVerdict> Cache;
  /// Library-named directories (`asio/`) by whether they look like a copy
  /// of the library.
  llvm::StringMap<bool> LibraryCopies;
};

} // namespace prodready

#endif // PRODREADY_LIB_CHECKUTILS_PROJECTSCOPE_H
