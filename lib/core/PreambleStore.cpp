//===--- PreambleStore.cpp - precompiled preambles kept on disk -----------===//

#include "PreambleStore.h"
#include "Analyzer.h"
#include "FileIO.h"
#include "clang/Basic/Version.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/CompilerInvocation.h"
#include "clang/Frontend/PrecompiledPreamble.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/Serialization/ASTReader.h"
#include "clang/Serialization/ModuleManager.h"
#include "llvm/Support/Chrono.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <fcntl.h>
#include <nlohmann/json.hpp>
#include <sys/stat.h>

using namespace clang;
using nlohmann::json;

namespace prodready {

namespace {

/// Bumped whenever the record or the replay changes meaning.
constexpr int MetaFormat = 2;

/// Where the compile finds the PCH: a name no real file has, served from
/// memory (the bytes that were checked are the bytes that are loaded, even
/// if another worker replaces the stored file meanwhile).
constexpr const char *VirtualPCHDir = "/prodready-preamble";

/// Counts the errors of the preamble's build: a preamble with errors is not
/// used (its diagnostics would not be repeated when it is loaded).
class ErrorCounter : public DiagnosticConsumer {
public:
  void HandleDiagnostic(DiagnosticsEngine::Level Level,
                        const Diagnostic &Info) override {
    // Counted here: the base class's count is reset by the build.
    if (Level >= DiagnosticsEngine::Error)
      ++Errors;
  }
  unsigned Errors = 0;
};

/// Records the events the replay gives back, with raw locations of the
/// build's source manager (the PCH keeps them, shifted by its base).
class EventRecorder : public PPCallbacks {
public:
  EventRecorder(const SourceManager &SM, const Preprocessor &PP,
                std::vector<PreambleEvent> &Events)
      : SM(SM), PP(PP), Events(Events) {}

  void InclusionDirective(SourceLocation HashLoc, const Token &IncludeTok,
                          StringRef FileName, bool IsAngled,
                          CharSourceRange FilenameRange,
                          OptionalFileEntryRef File, StringRef SearchPath,
                          StringRef RelativePath, const Module *,
                          bool ModuleImported,
                          SrcMgr::CharacteristicKind FileType) override {
    if (inPredefines(HashLoc))
      return;
    PreambleEvent E;
    E.Kind = PreambleEvent::Include;
    E.Name = FileName.str();
    E.Loc = HashLoc.getRawEncoding();
    E.TokenLoc = IncludeTok.getLocation().getRawEncoding();
    if (const IdentifierInfo *II = IncludeTok.getIdentifierInfo())
      E.TokenName = II->getName().str();
    E.RangeBegin = FilenameRange.getBegin().getRawEncoding();
    E.RangeEnd = FilenameRange.getEnd().getRawEncoding();
    E.TokenRange = FilenameRange.isTokenRange();
    E.Angled = IsAngled;
    E.Imported = ModuleImported;
    if (File)
      E.File = File->getName().str();
    E.SearchPath = SearchPath.str();
    E.RelativePath = RelativePath.str();
    E.FileType = static_cast<uint8_t>(FileType);
    Events.push_back(std::move(E));
  }

  void MacroDefined(const Token &MacroNameTok,
                    const MacroDirective *) override {
    SourceLocation Loc = MacroNameTok.getLocation();
    if (inPredefines(Loc))
      return;
    PreambleEvent E;
    E.Kind = PreambleEvent::Define;
    E.Name = MacroNameTok.getIdentifierInfo()->getName().str();
    E.Loc = Loc.getRawEncoding();
    Events.push_back(std::move(E));
  }

private:
  /// The predefines buffer (built-in macros, -D, -include) is not replayed:
  /// a compile that loads the preamble reads its own, with its callbacks
  /// listening (-D macros, -include directives, the standard macros).
  bool inPredefines(SourceLocation Loc) const {
    return SM.getFileID(SM.getExpansionLoc(Loc)) == PP.getPredefinesFileID();
  }

  const SourceManager &SM;
  const Preprocessor &PP;
  std::vector<PreambleEvent> &Events;
};

/// PrecompiledPreamble::Build's hooks: where it writes the PCH, the events,
/// and every file the preamble read.
class BuildCallbacks : public PreambleCallbacks {
public:
  explicit BuildCallbacks(std::vector<PreambleEvent> &Events)
      : Events(Events) {}

  void BeforeExecute(CompilerInstance &CI) override {
    OutputFile = CI.getFrontendOpts().OutputFile;
    SM = &CI.getSourceManager();
    PP = &CI.getPreprocessor();
  }

  std::unique_ptr<PPCallbacks> createPPCallbacks() override {
    return std::make_unique<EventRecorder>(*SM, *PP, Events);
  }

  void AfterExecute(CompilerInstance &CI) override {
    Executed = true;
    SourceManager &Sources = CI.getSourceManager();
    OptionalFileEntryRef Main =
        Sources.getFileEntryRefForID(Sources.getMainFileID());
    for (auto It = Sources.fileinfo_begin(), End = Sources.fileinfo_end();
         It != End; ++It) {
      FileEntryRef Entry = It->first;
      if (Main && Entry == *Main)
        continue; // its preamble text is checked on its own
      std::optional<llvm::MemoryBufferRef> Buffer =
          Sources.getMemoryBufferForFileOrNone(Entry);
      if (!Buffer)
        continue;
      PreambleDependency D;
      D.Path = absolutePath(Entry.getName(), "");
      D.Size = Buffer->getBufferSize();
      D.ModTime = Entry.getModificationTime();
      D.Hash = contentHash(Buffer->getBuffer());
      Deps.push_back(std::move(D));
    }
  }

  std::string OutputFile;
  std::vector<PreambleDependency> Deps;
  bool Executed = false;

private:
  std::vector<PreambleEvent> &Events;
  SourceManager *SM = nullptr;
  Preprocessor *PP = nullptr;
};

json eventToJson(const PreambleEvent &E) {
  return json::array({E.Kind, E.Name, E.Loc, E.TokenLoc, E.TokenName,
                      E.RangeBegin, E.RangeEnd, E.TokenRange, E.Angled,
                      E.Imported, E.File, E.SearchPath, E.RelativePath,
                      E.FileType});
}

bool eventFromJson(const json &J, PreambleEvent &E) {
  if (!J.is_array() || J.size() != 14)
    return false;
  E.Kind = static_cast<PreambleEvent::EventKind>(J[0].get<int>());
  E.Name = J[1].get<std::string>();
  E.Loc = J[2].get<uint32_t>();
  E.TokenLoc = J[3].get<uint32_t>();
  E.TokenName = J[4].get<std::string>();
  E.RangeBegin = J[5].get<uint32_t>();
  E.RangeEnd = J[6].get<uint32_t>();
  E.TokenRange = J[7].get<bool>();
  E.Angled = J[8].get<bool>();
  E.Imported = J[9].get<bool>();
  E.File = J[10].get<std::string>();
  E.SearchPath = J[11].get<std::string>();
  E.RelativePath = J[12].get<std::string>();
  E.FileType = J[13].get<uint8_t>();
  return E.Kind == PreambleEvent::Include || E.Kind == PreambleEvent::Define;
}

std::string storePath(const std::string &Dir, const std::string &Key,
                      const char *Extension) {
  return Dir + "/" + Key + Extension;
}

} // namespace

PreambleRun::~PreambleRun() = default;

const char *PreambleRun::outcome() const {
  if (!Used)
    return "";
  return Built ? "built" : "reused";
}

void PreambleRun::reject(std::string Why, bool IsDamage) {
  if (Rejection.empty())
    Rejection = std::move(Why);
  Damaged = Damaged || IsDamage;
}

void PreambleRun::noteCompileError(const std::string &File,
                                   const std::string &MainFile) {
  // Errors in the main file's code are the unit's own, as in a cold parse;
  // one without a place or elsewhere may be the PCH failing to load.
  if (File != MainFile)
    Suspect = true;
}

bool PreambleRun::eligible(const CompilerInvocation &CI) {
  const PreprocessorOptions &PPOpts = CI.getPreprocessorOpts();
  const LangOptions &Lang = CI.getLangOpts();
  const FrontendOptions &Frontend = CI.getFrontendOpts();
  // Modules (clang's -fmodules, a C++20 module unit, module files; not
  // merely -std=c++20, which sets LangOptions::Modules too) and a PCH of the
  // project's own change what a preamble means; -imacros files would be read
  // again after it. Parsed cold. (-include files are read again too, but stop
  // at their include guards, which the PCH defines.)
  if (Lang.ImplicitModules ||
      Lang.getCompilingModule() != LangOptions::CMK_None ||
      !Frontend.ModuleFiles.empty() || !Frontend.ModuleMapFiles.empty() ||
      !CI.getHeaderSearchOpts().PrebuiltModuleFiles.empty() ||
      !PPOpts.MacroIncludes.empty() || !PPOpts.ImplicitPCHInclude.empty() ||
      !PPOpts.ChainedIncludes.empty() || Frontend.Inputs.size() != 1 ||
      !Frontend.Inputs[0].isFile() ||
      Frontend.Inputs[0].getKind().getFormat() != InputKind::Source)
    return false;
  return true;
}

llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>
PreambleRun::prepare(CompilerInvocation &CI, FileManager &Files,
                     std::shared_ptr<PCHContainerOperations> Ops) {
  if (Dir.empty() || !eligible(CI))
    return nullptr;
  llvm::vfs::FileSystem &FS = Files.getVirtualFileSystem();
  std::string MainPath(CI.getFrontendOpts().Inputs[0].getFile());
  auto Main = FS.getBufferForFile(MainPath, -1,
                                  /*RequiresNullTerminator=*/true);
  if (!Main)
    return nullptr;
  PreambleBounds Bounds =
      ComputePreambleBounds(CI.getLangOpts(), (*Main)->getMemBufferRef(), 0);
  if (Bounds.Size == 0)
    return nullptr;
  BoundsSize = Bounds.Size;
  EndsAtStartOfLine = Bounds.PreambleEndsAtStartOfLine;
  llvm::StringRef Text = (*Main)->getBuffer().take_front(Bounds.Size);
  PreambleLines = 1 + Text.count('\n');
  TextHash = contentHash(Text);

  // The key: this clang and the complete -cc1 command (flags, the main
  // file, the resource directory).
  std::string Command = clang::getClangFullVersion() + "\n";
  for (const std::string &Arg : CI.getCC1CommandLine())
    Command += Arg + "\x1f";
  Key = contentHash(Command);

  if (!load(Key, FS) && (KnownErrors || !build(Key, CI, Files, **Main, Ops)))
    return nullptr;

  // As PrecompiledPreamble::AddImplicitPreamble configures a compile, with
  // the PCH served from memory.
  std::string VirtualPath = std::string(VirtualPCHDir) + "/" + Key + ".pch";
  PreprocessorOptions &PPOpts = CI.getPreprocessorOpts();
  PPOpts.PrecompiledPreambleBytes = {Bounds.Size,
                                     Bounds.PreambleEndsAtStartOfLine};
  PPOpts.ImplicitPCHInclude = VirtualPath;
  // The store checked every input itself (content, not timestamps).
  PPOpts.DisablePCHOrModuleValidation = DisableValidationForModuleKind::PCH;
  // The PCH holds the predefined macros.
  PPOpts.UsePredefines = false;
  auto Memory = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  Memory->addFile(VirtualPath, 0,
                  llvm::MemoryBuffer::getMemBuffer(PCH->getBuffer(),
                                                   VirtualPath,
                                                   /*RequiresNullTerminator=*/
                                                   false));
  auto Overlay = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>(&FS));
  Overlay->pushOverlay(Memory);
  Used = true;
  return Overlay;
}

bool PreambleRun::load(const std::string &Key, llvm::vfs::FileSystem &FS) {
  std::string MetaPath = storePath(Dir, Key, ".meta");
  if (!llvm::sys::fs::exists(MetaPath))
    return false;
  bool Ok;
  std::string Bytes = readFile(MetaPath, Ok);
  json J = Ok ? json::from_cbor(Bytes, /*strict=*/true,
                                /*allow_exceptions=*/false)
              : json();
  auto Damage = [&](const std::string &What) {
    reject("the stored preamble " + What + " (" + storePath(Dir, Key, "") +
               ".{pch,meta}); rebuilt",
           /*IsDamage=*/true);
    return false;
  };
  if (!Ok || J.is_discarded() || !J.is_object() || !J.contains("format"))
    return Damage("record is unreadable");
  if (J["format"] != MetaFormat)
    return false; // another prodready's format: rebuilt, not damaged
  try {
    if (J.at("bounds").at(0).get<unsigned>() != BoundsSize ||
        J.at("bounds").at(1).get<bool>() != EndsAtStartOfLine ||
        J.at("text").get<std::string>() != TextHash) {
      reject("the preamble's text changed");
      return false;
    }
    Deps.clear();
    for (const json &D : J.at("deps"))
      Deps.push_back({D.at(0).get<std::string>(), D.at(1).get<uint64_t>(),
                      D.at(2).get<int64_t>(), D.at(3).get<std::string>()});
    Missing = J.at("missing").get<std::vector<std::string>>();
    Events.clear();
    for (const json &E : J.at("events")) {
      PreambleEvent Event;
      if (!eventFromJson(E, Event))
        return Damage("record is unreadable");
      Events.push_back(std::move(Event));
    }
    if (!dependenciesUnchanged(FS))
      return false;
    if (J.at("failed").get<bool>()) {
      HasErrors = KnownErrors = true;
      return false;
    }
    // Read, not mapped: a file truncated under a mapping would kill the
    // process on access.
    auto Read = llvm::MemoryBuffer::getFile(storePath(Dir, Key, ".pch"),
                                            /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false,
                                            /*IsVolatile=*/true);
    if (!Read)
      return Damage("file is missing");
    if ((*Read)->getBufferSize() != J.at("pch").at(0).get<uint64_t>() ||
        contentHash((*Read)->getBuffer()) !=
            J.at("pch").at(1).get<std::string>())
      return Damage("file does not match its record (truncated or corrupt)");
    PCH = std::move(*Read);
    // Recently used: the cache's pruning removes the oldest first.
    utimensat(AT_FDCWD, MetaPath.c_str(), nullptr, 0);
  } catch (const json::exception &) {
    return Damage("record is unreadable");
  }
  return true;
}

bool PreambleRun::dependenciesUnchanged(llvm::vfs::FileSystem &FS) {
  for (const PreambleDependency &D : Deps) {
    auto Status = FS.status(D.Path);
    if (!Status || Status->getSize() != D.Size) {
      reject(D.Path + " changed");
      return false;
    }
    int64_t ModTime = llvm::sys::toTimeT(Status->getLastModificationTime());
    if (D.ModTime != 0 && ModTime == D.ModTime)
      continue;
    auto Now = FS.getBufferForFile(D.Path);
    if (!Now || contentHash((*Now)->getBuffer()) != D.Hash) {
      reject(D.Path + " changed");
      return false;
    }
  }
  for (const std::string &Path : Missing)
    if (FS.exists(Path)) {
      reject(Path + " appeared");
      return false;
    }
  return true;
}

bool PreambleRun::build(const std::string &Key, CompilerInvocation &CI,
                        FileManager &Files, const llvm::MemoryBuffer &Main,
                        std::shared_ptr<PCHContainerOperations> Ops) {
  if (llvm::sys::fs::create_directories(Dir))
    return false;
  ErrorCounter Counter;
  IntrusiveRefCntPtr<DiagnosticsEngine> Diags =
      CompilerInstance::createDiagnostics(&CI.getDiagnosticOpts(), &Counter,
                                          /*ShouldOwnClient=*/false);
  std::set<std::string> Absent;
  auto FS =
      makeGuardedFileSystem(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>(
                                &Files.getVirtualFileSystem()),
                            &Absent);
  Events.clear();
  BuildCallbacks Callbacks(Events);
  PreambleBounds Bounds(BoundsSize, EndsAtStartOfLine);
  auto Preamble =
      PrecompiledPreamble::Build(CI, &Main, Bounds, *Diags, FS, Ops,
                                 /*StoreInMemory=*/false, Dir, Callbacks);
  // A preamble with errors would hide them when loaded: parsed cold, and
  // recorded as such (while its inputs are unchanged, not built again).
  if (Counter.Errors > 0 && Callbacks.Executed) {
    HasErrors = true;
    Deps = std::move(Callbacks.Deps);
    Missing.assign(Absent.begin(), Absent.end());
    Events.clear();
    writeRecord(Key, /*Failed=*/true);
    return false;
  }
  if (!Preamble || Counter.Errors > 0 || Callbacks.OutputFile.empty())
    return false;
  auto Read = llvm::MemoryBuffer::getFile(Callbacks.OutputFile,
                                          /*IsText=*/false,
                                          /*RequiresNullTerminator=*/false,
                                          /*IsVolatile=*/true);
  if (!Read)
    return false;
  PCH = std::move(*Read);
  PreambleLines =
      1 + llvm::StringRef(Main.getBufferStart(), BoundsSize).count('\n');
  Deps = std::move(Callbacks.Deps);
  Missing.assign(Absent.begin(), Absent.end());
  Built = true;
  return true;
}

void PreambleRun::commit() {
  if (!Built || Dir.empty())
    return;
  // Each file written to a temporary name and renamed; the PCH first. A
  // reader that finds a PCH without its matching record (a concurrent
  // writer, a crash between the two) rebuilds it.
  if (llvm::Error E =
          writeFileAtomically(storePath(Dir, Key, ".pch"), PCH->getBuffer())) {
    llvm::consumeError(std::move(E)); // a store that cannot be written is
    return;                           // only slower
  }
  writeRecord(Key, /*Failed=*/false);
}

void PreambleRun::writeRecord(const std::string &Key, bool Failed) {
  json Meta = {{"format", MetaFormat},
               {"bounds", {BoundsSize, EndsAtStartOfLine}},
               {"text", TextHash},
               {"failed", Failed},
               {"missing", Missing}};
  if (!Failed)
    Meta["pch"] = {PCH->getBufferSize(), contentHash(PCH->getBuffer())};
  json DepList = json::array();
  for (const PreambleDependency &D : Deps)
    DepList.push_back({D.Path, D.Size, D.ModTime, D.Hash});
  Meta["deps"] = std::move(DepList);
  json EventList = json::array();
  for (const PreambleEvent &E : Events)
    EventList.push_back(eventToJson(E));
  Meta["events"] = std::move(EventList);
  std::vector<std::uint8_t> Bytes = json::to_cbor(Meta);
  if (llvm::Error E = writeFileAtomically(
          storePath(Dir, Key, ".meta"),
          llvm::StringRef(reinterpret_cast<const char *>(Bytes.data()),
                          Bytes.size())))
    llvm::consumeError(std::move(E));
}

void PreambleRun::discard() {
  if (Key.empty() || Dir.empty())
    return;
  llvm::sys::fs::remove(storePath(Dir, Key, ".meta"));
  llvm::sys::fs::remove(storePath(Dir, Key, ".pch"));
}

/// Gives the preamble's recorded events to the unit's callbacks when the
/// parse enters the main file (the PCH is loaded by then), at their
/// locations in the PCH. An event that cannot be placed exactly fails the
/// replay, and the unit is analysed cold.
class PreambleReplay : public PPCallbacks {
public:
  PreambleReplay(CompilerInstance &CI, PreambleRun &Run) : CI(CI), Run(Run) {}

  void FileChanged(SourceLocation Loc, FileChangeReason Reason,
                   SrcMgr::CharacteristicKind, FileID) override {
    if (Done || Reason != EnterFile)
      return;
    SourceManager &SM = CI.getSourceManager();
    if (SM.getFileID(Loc) != SM.getMainFileID())
      return;
    Done = true;
    // PRODREADY_DEBUG_PREAMBLE_REPLAY_FAIL: the tests' way to the fallback.
    if (!replay() || getenv("PRODREADY_DEBUG_PREAMBLE_REPLAY_FAIL"))
      Run.ReplayFailed = true;
  }

private:
  bool replay() {
    Preprocessor &PP = CI.getPreprocessor();
    IntrusiveRefCntPtr<ASTReader> Reader = CI.getASTReader();
    if (!Reader || Reader->getModuleManager().size() != 1)
      return false;
    serialization::ModuleFile &PCHFile =
        Reader->getModuleManager().getPrimaryModule();
    Translate = [&, Reader](uint32_t Raw) {
      return Reader->TranslateSourceLocation(
          PCHFile, SourceLocation::getFromRawEncoding(Raw));
    };
    // The chain of every callback, this one included (which ignores what
    // it hears): the checks hear the events as in a cold parse.
    PPCallbacks *Chain = PP.getPPCallbacks();
    for (const PreambleEvent &E : Run.Events) {
      bool Ok = E.Kind == PreambleEvent::Include ? replayInclude(E, *Chain)
                                                 : replayDefine(E, *Chain);
      if (!Ok)
        return false;
    }
    return true;
  }

  /// Whether \p Loc is a file location whose text starts with \p Text.
  bool spells(SourceLocation Loc, llvm::StringRef Text) {
    SourceManager &SM = CI.getSourceManager();
    if (Loc.isInvalid() || !Loc.isFileID() || !SM.isLoadedSourceLocation(Loc))
      return false;
    std::pair<FileID, unsigned> At = SM.getDecomposedLoc(Loc);
    bool Invalid = false;
    llvm::StringRef Buffer = SM.getBufferData(At.first, &Invalid);
    return !Invalid && At.second <= Buffer.size() &&
           Buffer.drop_front(At.second).starts_with(Text);
  }

  Token identifierToken(SourceLocation Loc, llvm::StringRef Name) {
    Token T;
    T.startToken();
    T.setKind(tok::identifier);
    T.setLocation(Loc);
    T.setLength(Name.size());
    T.setIdentifierInfo(CI.getPreprocessor().getIdentifierInfo(Name));
    return T;
  }

  bool replayInclude(const PreambleEvent &E, PPCallbacks &Chain) {
    SourceLocation Hash = Translate(E.Loc);
    SourceLocation TokenLoc = Translate(E.TokenLoc);
    if (!spells(Hash, "#") || !spells(TokenLoc, E.TokenName))
      return false;
    OptionalFileEntryRef File;
    if (!E.File.empty()) {
      File = CI.getFileManager().getOptionalFileRef(E.File);
      if (!File)
        return false;
    }
    CharSourceRange Range(
        SourceRange(Translate(E.RangeBegin), Translate(E.RangeEnd)),
        E.TokenRange);
    Chain.InclusionDirective(
        Hash, identifierToken(TokenLoc, E.TokenName), E.Name, E.Angled, Range,
        File, E.SearchPath, E.RelativePath, /*SuggestedModule=*/nullptr,
        E.Imported, static_cast<SrcMgr::CharacteristicKind>(E.FileType));
    return true;
  }

  bool replayDefine(const PreambleEvent &E, PPCallbacks &Chain) {
    Preprocessor &PP = CI.getPreprocessor();
    SourceLocation NameLoc = Translate(E.Loc);
    if (!spells(NameLoc, E.Name))
      return false;
    IdentifierInfo *II = PP.getIdentifierInfo(E.Name);
    // The PCH keeps a macro's whole history (defines and undefs): the
    // directive defined at this place.
    const DefMacroDirective *Found = nullptr;
    for (const MacroDirective *MD = PP.getLocalMacroDirectiveHistory(II);
         MD && !Found; MD = MD->getPrevious())
      if (const auto *Def = dyn_cast<DefMacroDirective>(MD))
        if (Def->getLocation() == NameLoc ||
            (Def->getInfo() && Def->getInfo()->getDefinitionLoc() == NameLoc))
          Found = Def;
    if (!Found || !Found->getInfo())
      return false;
    restoreLiteralData(*Found->getInfo());
    Chain.MacroDefined(identifierToken(NameLoc, E.Name), Found);
    return true;
  }

  /// A PCH stores a macro's tokens without the pointer to their spelling
  /// that a lexed literal has (Token::getLiteralData()); callbacks read a
  /// literal's value through it, so it is restored from the source.
  void restoreLiteralData(const MacroInfo &MI) {
    SourceManager &SM = CI.getSourceManager();
    for (const Token &T : MI.tokens()) {
      if (!T.isLiteral() || T.getLiteralData() || !T.getLocation().isFileID())
        continue;
      bool Invalid = false;
      const char *Data = SM.getCharacterData(T.getLocation(), &Invalid);
      if (!Invalid)
        const_cast<Token &>(T).setLiteralData(Data);
    }
  }

  CompilerInstance &CI;
  PreambleRun &Run;
  bool Done = false;
  std::function<SourceLocation(uint32_t)> Translate;
};

void PreambleRun::attachReplay(CompilerInstance &CI) {
  // PRODREADY_DEBUG_PREAMBLE_NO_REPLAY: the tests' negative, showing what
  // the checks miss without the replay.
  if (Used && !getenv("PRODREADY_DEBUG_PREAMBLE_NO_REPLAY"))
    CI.getPreprocessor().addPPCallbacks(
        std::make_unique<PreambleReplay>(CI, *this));
}

} // namespace prodready
