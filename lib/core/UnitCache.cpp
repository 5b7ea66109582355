//===--- UnitCache.cpp - the cache of unit results ------------------------===//

#include "UnitCache.h"
#include "FileIO.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <chrono>
#include <fcntl.h>
#include <map>
#include <sys/stat.h>
#include <unistd.h>

using namespace clang;
using nlohmann::json;

namespace prodready {

namespace {

/// The tool by content: a rebuilt, byte-identical binary (the checks are
/// linked into it) keeps its cache; any change to it invalidates the cache.
/// Computed once per run.
const std::string &toolIdentity() {
  static const std::string Id = [] {
    std::string Exe = llvm::sys::fs::getMainExecutable(nullptr, nullptr);
    std::string Result = PRODREADY_VERSION;
    auto Buffer = llvm::MemoryBuffer::getFile(Exe, /*IsText=*/false,
                                              /*RequiresNullTerminator=*/false);
    if (Buffer)
      return Result + ":" + contentHash((*Buffer)->getBuffer());
    // Unreadable (unusual): fall back to the file's identity.
    llvm::sys::fs::file_status Status;
    if (!llvm::sys::fs::status(Exe, Status))
      Result +=
          ":" + std::to_string(Status.getSize()) + ":" +
          std::to_string(
              Status.getLastModificationTime().time_since_epoch().count());
    return Result;
  }();
  return Id;
}

} // namespace

std::string UnitCache::key(const std::string &File, const std::string &Command,
                           const std::string &Config,
                           const AnalyzerOptions &Analysis) const {
  std::string Extra;
  for (const std::string &Arg : Analysis.ExtraArgsBefore)
    Extra += "before:" + Arg + "\x1f";
  for (const std::string &Arg : Analysis.ExtraArgs)
    Extra += "after:" + Arg + "\x1f";
  Extra += "resource-dir:" + Analysis.ResourceDir;
  return contentHash(toolIdentity() + "\n" + File + "\n" + Command + "\n" +
                     Extra + "\n" + Config);
}

bool UnitCache::hasEntry(const std::string &Key) const {
  return llvm::sys::fs::exists(path(Key));
}

std::optional<UnitResult> UnitCache::lookup(const std::string &Key) const {
  bool Ok;
  std::string Text = readFile(path(Key), Ok);
  if (!Ok)
    return std::nullopt;
  json J = json::from_cbor(Text, /*strict=*/true, /*allow_exceptions=*/false);
  UnitResult U;
  if (J.is_discarded() || !fromJson(J, U) || U.Crashed || !U.Parsed ||
      U.Dependencies.empty())
    return std::nullopt;
  for (const auto &[Path, Hash] : U.Dependencies) {
    if (Hash == AbsentDependency) {
      if (llvm::sys::fs::exists(Path))
        return std::nullopt;
      continue;
    }
    bool Read;
    std::string Now = readFile(Path, Read);
    if (!Read || contentHash(Now) != Hash)
      return std::nullopt;
  }
  // Recently used: pruning removes the oldest modification times first.
  utimensat(AT_FDCWD, path(Key).c_str(), nullptr, 0);
  return U;
}

void UnitCache::store(const std::string &Key, const UnitResult &U) const {
  // A unit that failed to compile is analysed again next time: its
  // result depends on what the compiler could recover.
  if (U.Crashed || !U.Parsed || U.Dependencies.empty())
    return;
  llvm::sys::fs::create_directories(Dir);
  // What this run did with the unit's preamble (built, reused, a damaged
  // one rebuilt) is not part of the result: said once, not by every run
  // that replays the unit.
  UnitResult Kept = U;
  llvm::erase_if(Kept.Notifications,
                 [](const Notification &N) { return N.Id == "preamble"; });
  for (auto It = Kept.Statistics.begin(); It != Kept.Statistics.end();)
    It = llvm::StringRef(It->first).starts_with("preamble.")
             ? Kept.Statistics.erase(It)
             : std::next(It);
  std::vector<std::uint8_t> Bytes = json::to_cbor(toJson(Kept));
  llvm::StringRef Text(reinterpret_cast<const char *>(Bytes.data()),
                       Bytes.size());
  if (llvm::Error E = writeFileAtomically(path(Key), Text))
    llvm::consumeError(
        std::move(E)); // a cache that cannot be written is only slower
}

namespace {

/// One entry of the cache for pruning: a unit's result, or a preamble (its
/// PCH and record go together).
struct PruneEntry {
  std::chrono::system_clock::time_point Used;
  uint64_t Size = 0;
  std::vector<std::string> Paths;
};

/// The regular files of \p Dir, grouped by name without extension, except
/// those being written by another run (temporary names).
std::vector<PruneEntry> pruneEntries(const std::string &Dir) {
  std::map<std::string, PruneEntry> ByStem;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC)) {
    llvm::StringRef Name = llvm::sys::path::filename(It->path());
    // writeFileAtomically's and clang's temporary PCH files.
    if (Name.starts_with(".") || Name.starts_with("preamble-"))
      continue;
    llvm::sys::fs::file_status Status;
    if (llvm::sys::fs::status(It->path(), Status, /*follow=*/false) ||
        Status.type() != llvm::sys::fs::file_type::regular_file)
      continue;
    PruneEntry &E = ByStem[llvm::sys::path::stem(It->path()).str()];
    E.Used = std::max(E.Used, Status.getLastModificationTime());
    E.Size += Status.getSize();
    E.Paths.push_back(It->path());
  }
  std::vector<PruneEntry> Entries;
  for (auto &[Stem, E] : ByStem)
    Entries.push_back(std::move(E));
  return Entries;
}

} // namespace

void UnitCache::prune() const {
  if (!enabled() || !MaxBytes)
    return;
  // The units' results and the preambles (preamble/) share the bound.
  std::vector<PruneEntry> Entries = pruneEntries(Dir);
  for (PruneEntry &E : pruneEntries(Dir + "/preamble"))
    Entries.push_back(std::move(E));
  uint64_t Total = 0;
  for (const PruneEntry &E : Entries)
    Total += E.Size;
  if (Total <= MaxBytes)
    return;
  llvm::sort(Entries, [](const PruneEntry &A, const PruneEntry &B) {
    return A.Used < B.Used;
  });
  for (const PruneEntry &E : Entries) {
    if (Total <= MaxBytes)
      break;
    bool Removed = true;
    for (const std::string &Path : E.Paths)
      Removed = !llvm::sys::fs::remove(Path) && Removed;
    if (Removed)
      Total -= E.Size;
  }
}

std::error_code UnitCache::probe() const {
  if (std::error_code EC = llvm::sys::fs::create_directories(Dir))
    return EC;
  int FD;
  llvm::SmallString<256> Probe;
  if (std::error_code EC =
          llvm::sys::fs::createUniqueFile(Dir + "/.probe-%%%%%%", FD, Probe))
    return EC;
  ::close(FD);
  llvm::sys::fs::remove(Probe);
  return {};
}

std::string UnitCache::path(const std::string &Key) const {
  return Dir + "/" + Key + ".unit";
}

llvm::Expected<UnitCache> openUnitCache(const DriverOptions &Opts,
                                        const std::string &DatabaseDir) {
  std::string CacheDir = Opts.NoCache ? std::string() : Opts.CacheDir;
  if (!CacheDir.empty())
    if (std::error_code EC = UnitCache(CacheDir, 0).probe())
      return llvm::createStringError(EC, "cannot use cache directory '%s': %s",
                                     CacheDir.c_str(), EC.message().c_str());
  if (CacheDir.empty() && !Opts.NoCache && !DatabaseDir.empty()) {
    // The default cache is best effort: a read-only build directory only
    // makes runs slower.
    CacheDir = DatabaseDir + "/.prodready-cache";
    if (UnitCache(CacheDir, 0).probe())
      CacheDir.clear();
  }
  return UnitCache(CacheDir, Opts.CacheMaxBytes);
}

std::string preambleDirectory(const DriverOptions &Opts,
                              const std::string &CacheDir,
                              const std::string &DatabaseDir) {
  if (Opts.NoPreamble || Opts.Preamble == "never")
    return "";
  if (!CacheDir.empty())
    return CacheDir + "/preamble";
  if (!DatabaseDir.empty())
    return DatabaseDir + "/.prodready-cache/preamble";
  return "";
}

std::string commandKey(const tooling::CompilationDatabase &DB,
                       const std::string &File) {
  std::string Key;
  for (const tooling::CompileCommand &C : DB.getCompileCommands(File)) {
    Key += C.Directory + "\n";
    for (size_t I = 0; I < C.CommandLine.size(); ++I) {
      llvm::StringRef Arg = C.CommandLine[I];
      // Flags after `--` get a "clang-tool" compiler next to the driver
      // binary: where the binary lives must not change the key.
      if (I == 0 && llvm::sys::path::filename(Arg) == "clang-tool")
        Arg = "clang-tool";
      Key += Arg.str() + "\x1f";
    }
    Key += "\n";
  }
  return Key;
}

} // namespace prodready
