//===--- PreambleStore.h - precompiled preambles kept on disk ---*- C++ -*-===//
//
// Re-analysing a unit after an edit of a function body parses the same
// leading #includes again: seconds for a unit that includes Asio or gRPC.
// As clangd does, the unit's preamble (those #includes, up to the first
// token of code: clang::ComputePreambleBounds) is compiled once into a PCH
// and reused while the preamble's text, the compile command and every file
// it read are unchanged.
//
// A PCH loaded in place of the preamble fires no preprocessor callbacks for
// it, and the checks listen to some (test-framework includes, credentials in
// #defines). So the events the checks listen to -- InclusionDirective and
// MacroDefined -- are recorded while the preamble is built and replayed to
// the unit's callbacks when the parse enters the main file, at the
// locations they have in the PCH. A replay that cannot place an event
// exactly, or an error the compiler reports outside the main file, makes the
// caller analyse the unit again without a preamble
// (PreambleRun::coldRunNeeded): findings are the same as a cold parse's or come
// from one.
//
// A unit whose analysis detected a credential in its preamble (a project
// header, the main file's leading #defines) keeps no preamble on disk: a PCH
// holds the code it compiled, literals included.
//
// The store: <dir>/<key>.pch and <key>.meta (CBOR: the preamble's text hash,
// the files it read with size, mtime and content hash, the headers it looked
// for and did not find, the PCH's hash, the recorded events), the key a hash
// of the clang version and the complete -cc1 command (one slot per unit and
// flags). Both files are written to a temporary name and renamed; the PCH's
// bytes are checked against the record before use, so a truncated, corrupt
// or concurrently replaced PCH is rebuilt, never loaded.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_LIB_CORE_PREAMBLESTORE_H
#define PRODREADY_LIB_CORE_PREAMBLESTORE_H

#include "clang/Frontend/PCHContainerOperations.h"
#include "llvm/ADT/IntrusiveRefCntPtr.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace clang {
class CompilerInstance;
class CompilerInvocation;
class FileManager;
} // namespace clang

namespace prodready {

/// One preprocessor event of a preamble, as recorded while it was built.
/// Locations are raw SourceLocations of the build, which the PCH keeps.
struct PreambleEvent {
  enum EventKind : uint8_t { Include = 0, Define = 1 } Kind = Include;
  std::string Name;        // the macro, or the include as written
  uint32_t Loc = 0;        // the include's '#', or the macro's name
  uint32_t TokenLoc = 0;   // the include directive's name ("include")
  std::string TokenName;   // "include", "import", "include_next"
  uint32_t RangeBegin = 0; // the file name as written
  uint32_t RangeEnd = 0;
  bool TokenRange = false;
  bool Angled = false;
  bool Imported = false;
  std::string File; // as clang named the file found ("": none)
  std::string SearchPath, RelativePath;
  uint8_t FileType = 0; // SrcMgr::CharacteristicKind
};

/// A file the preamble read: valid while its size and content are the
/// same (the mtime only spares reading it when unchanged too).
struct PreambleDependency {
  std::string Path;
  uint64_t Size = 0;
  int64_t ModTime = 0; // seconds; 0 for unsaved buffers: always compared
  std::string Hash;    // contentHash() of the bytes
};

/// The preamble of one analysis of one unit: prepare() before the compile,
/// a replay attached to the compiler, the outcome afterwards.
class PreambleRun {
public:
  explicit PreambleRun(std::string Dir) : Dir(std::move(Dir)) {}
  ~PreambleRun();

  /// Prepares \p CI to parse with a preamble from the store, or with one
  /// built now and stored. Returns the file system the compile must use
  /// (\p Files' own, plus the PCH), or null when the unit is parsed
  /// without a preamble (nothing to precompile, modules, a preamble with
  /// errors, a store that cannot be written).
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>
  prepare(clang::CompilerInvocation &CI, clang::FileManager &Files,
          std::shared_ptr<clang::PCHContainerOperations> Ops);

  /// Adds the replay of the preamble's events to \p CI's preprocessor;
  /// call before the checks add theirs (they then hear the main file's
  /// entry first, as in a cold parse). No-op when prepare() returned null.
  void attachReplay(clang::CompilerInstance &CI);

  /// Whether the compile used a preamble.
  bool used() const { return Used; }

  /// Notes a compiler error at \p File (absolute; "" for none): one
  /// outside the main file may come from the PCH.
  void noteCompileError(const std::string &File, const std::string &MainFile);

  /// True when the result must be replaced by a cold analysis: the replay
  /// could not place an event, or the compiler reported an error outside
  /// the main file.
  bool coldRunNeeded() const { return Used && (ReplayFailed || Suspect); }

  /// Why the stored preamble was not reused ("" if it was, or none was
  /// stored); reported as a note when it was damaged.
  const std::string &rejection() const { return Rejection; }
  bool storedPreambleDamaged() const { return Damaged; }

  /// "built", "reused" or "" (not used), for the statistics.
  const char *outcome() const;

  /// Whether the preamble has compiler errors, found by building it now or
  /// known from the store (then not built again while its inputs are
  /// unchanged): the unit is parsed whole.
  bool hasErrors() const { return HasErrors; }
  bool errorsKnown() const { return KnownErrors; }

  /// Stores a preamble built by this run (the PCH, then its record).
  /// Called once the analysis is known to be clean: see discard().
  void commit();

  /// Removes the stored preamble of this unit and flags. A PCH holds the
  /// preamble's code, literals included: the caller discards it when the
  /// analysis detected a credential there (no output of prodready, the
  /// cache included, holds a detected credential).
  void discard();

  /// The main file's lines the preamble covers (1-based, inclusive).
  unsigned preambleLines() const { return PreambleLines; }

  /// Files the preamble read (for the unit cache) and headers it did not
  /// find.
  const std::vector<PreambleDependency> &dependencies() const { return Deps; }
  const std::vector<std::string> &missing() const { return Missing; }

private:
  static bool eligible(const clang::CompilerInvocation &CI);
  bool load(const std::string &Key, llvm::vfs::FileSystem &FS);
  bool build(const std::string &Key, clang::CompilerInvocation &CI,
             clang::FileManager &Files, const llvm::MemoryBuffer &Main,
             std::shared_ptr<clang::PCHContainerOperations> Ops);
  bool dependenciesUnchanged(llvm::vfs::FileSystem &FS);
  void reject(std::string Why, bool IsDamage = false);
  void writeRecord(const std::string &Key, bool Failed);

  std::string Dir;
  std::string Key;
  bool Used = false, Built = false, ReplayFailed = false, Suspect = false;
  bool Damaged = false;
  bool HasErrors = false, KnownErrors = false;
  std::string Rejection;
  unsigned BoundsSize = 0;
  unsigned PreambleLines = 0;
  bool EndsAtStartOfLine = false;
  std::string TextHash;
  std::unique_ptr<llvm::MemoryBuffer> PCH;
  std::vector<PreambleDependency> Deps;
  std::vector<std::string> Missing;
  std::vector<PreambleEvent> Events;
  friend class PreambleReplay;
};

} // namespace prodready

#endif // PRODREADY_LIB_CORE_PREAMBLESTORE_H
