//===--- UnitCache.h - the cache of unit results ----------------*- C++ -*-===//
//
// One file per unit (CBOR, which keeps paths that are not UTF-8), keyed by
// the unit's path, compile command, extra arguments, configuration and tool
// build; valid while every file the unit read still has the recorded content
// and every header looked up and not found is still absent. Units that
// failed to compile or crashed are never stored. Bounded: after a run, the
// least recently used entries are removed until the directory is within
// --cache-max-size.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_LIB_CORE_UNITCACHE_H
#define PRODREADY_LIB_CORE_UNITCACHE_H

#include "Analyzer.h"
#include "DriverOptions.h"
#include "Finding.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <optional>
#include <string>
#include <system_error>

namespace prodready {

class UnitCache {
public:
  /// An empty \p Dir disables the cache.
  UnitCache(std::string Dir, uint64_t MaxBytes)
      : Dir(std::move(Dir)), MaxBytes(MaxBytes) {}
  bool enabled() const { return !Dir.empty(); }
  const std::string &directory() const { return Dir; }

  /// The key of \p File's result: \p Command is commandKey(), \p Config
  /// the effective configuration.
  std::string key(const std::string &File, const std::string &Command,
                  const std::string &Config,
                  const AnalyzerOptions &Analysis) const;

  /// Whether a result for \p Key was stored, valid or not: a unit analysed
  /// before.
  bool hasEntry(const std::string &Key) const;

  /// The stored result, if every file it depends on is unchanged.
  std::optional<UnitResult> lookup(const std::string &Key) const;

  /// Stores \p U, unless it failed to compile or crashed.
  void store(const std::string &Key, const UnitResult &U) const;

  /// Removes least recently used entries until the cache fits its bound.
  void prune() const;

  /// Whether the directory can be created and written.
  std::error_code probe() const;

private:
  std::string path(const std::string &Key) const;
  std::string Dir;
  uint64_t MaxBytes;
};

/// The cache a run uses: --cache (which must be usable), none with
/// --no-cache, else best effort in the database's directory
/// (\p DatabaseDir), since a read-only build directory only makes runs
/// slower.
llvm::Expected<UnitCache> openUnitCache(const DriverOptions &Opts,
                                        const std::string &DatabaseDir);

/// Where precompiled preambles are kept (PreambleStore.h): the cache
/// directory's preamble/ (\p CacheDir, else \p DatabaseDir's default
/// cache), "" with --no-preamble or without a directory.
std::string preambleDirectory(const DriverOptions &Opts,
                              const std::string &CacheDir,
                              const std::string &DatabaseDir);

/// \p File's compile commands as a cache key component.
std::string commandKey(const clang::tooling::CompilationDatabase &DB,
                       const std::string &File);

} // namespace prodready

#endif // PRODREADY_LIB_CORE_UNITCACHE_H
