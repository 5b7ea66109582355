//===--- Analyzer.cpp - run the prodready checks on one unit --------------===//

#include "Analyzer.h"
#include "Catalog.h"
#include "CheckUtils.h"
#include "PreambleStore.h"
#include "ProjectScope.h"
#include "Redact.h"
#include "Statistics.h"
#include "Summaries.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/GlobList.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Driver/Options.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Option/OptTable.h"
#include "llvm/Support/Chrono.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/xxhash.h"
#include <chrono>
#include <set>

using namespace clang;
using namespace clang::tidy;

namespace prodready {

std::string contentHash(llvm::StringRef Bytes) {
  llvm::XXH128_hash_t H = llvm::xxh3_128bits(llvm::ArrayRef<uint8_t>(
      reinterpret_cast<const uint8_t *>(Bytes.data()), Bytes.size()));
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  OS << llvm::format_hex_no_prefix(H.high64, 16)
     << llvm::format_hex_no_prefix(H.low64, 16);
  return OS.str();
}

namespace {

/// Why a guarded file system refused a file: clang's message then reads
/// "cannot open file 'x': not a regular file (FIFO, device or socket)".
class RefusedCategory : public std::error_category {
public:
  const char *name() const noexcept override { return "prodready-fs"; }
  std::string message(int Code) const override {
    return Code == 1 ? "not a regular file (FIFO, device or socket); refused"
                     : "file too large; refused";
  }
};

std::error_code refused(int Code) {
  static const RefusedCategory Category;
  return {Code, Category};
}

class GuardedFileSystem : public llvm::vfs::ProxyFileSystem {
public:
  GuardedFileSystem(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Base,
                    std::set<std::string> *Missing, uint64_t MaxBytes)
      : ProxyFileSystem(std::move(Base)), Missing(Missing), MaxBytes(MaxBytes) {
  }

  llvm::ErrorOr<llvm::vfs::Status> status(const llvm::Twine &Path) override {
    auto Result = ProxyFileSystem::status(Path);
    if (!Result)
      noteMissing(Path, Result.getError());
    return Result;
  }

  bool exists(const llvm::Twine &Path) override {
    auto Result = status(Path);
    return Result && Result->exists();
  }

  llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>>
  openFileForRead(const llvm::Twine &Path) override {
    // Checked before opening: open() of a FIFO without a writer blocks.
    auto Status = status(Path);
    if (!Status)
      return Status.getError();
    // A directory on the include path named like a header (`include/string`
    // beside `#include <string>`): header search skips it on is_a_directory
    // and goes on, as clang does; any other error stops the unit.
    if (Status->isDirectory())
      return std::make_error_code(std::errc::is_a_directory);
    if (Status->getType() != llvm::sys::fs::file_type::regular_file)
      return refused(1);
    if (MaxBytes && Status->getSize() > MaxBytes)
      return refused(2);
    return ProxyFileSystem::openFileForRead(Path);
  }

private:
  void noteMissing(const llvm::Twine &Path, std::error_code EC) {
    if (!Missing || EC != std::errc::no_such_file_or_directory)
      return;
    llvm::SmallString<256> Abs;
    Path.toVector(Abs);
    if (makeAbsolute(Abs))
      return;
    llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/false);
    Missing->insert(std::string(Abs));
  }

  std::set<std::string> *Missing;
  uint64_t MaxBytes;
};

} // namespace

llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>
makeGuardedFileSystem(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Base,
                      std::set<std::string> *Missing, uint64_t MaxBytes) {
  return llvm::makeIntrusiveRefCnt<GuardedFileSystem>(std::move(Base), Missing,
                                                      MaxBytes);
}

static std::string regexEscape(llvm::StringRef Text) {
  std::string Out;
  for (char C : Text) {
    if (llvm::StringRef("()[]{}.*+?^$|\\").contains(C))
      Out += '\\';
    Out += C;
  }
  return Out;
}

static ClangTidyOptions defaultOptions(const AnalyzerOptions &Opts) {
  ClangTidyOptions Defaults = ClangTidyOptions::getDefaults();
  // The driver runs every prodready rule unless configured otherwise.
  Defaults.Checks = "-*,prodready-*";
  // Findings in the project's own headers, never in system or third-party
  // headers outside the project root.
  // clang names a header as it was found: absolute, or relative to the
  // build directory (-Iinclude). Relative names below the build directory
  // count as the project's; `../` ones do not.
  if (!Opts.ProjectRoot.empty())
    Defaults.HeaderFilterRegex =
        "^(" + regexEscape(Opts.ProjectRoot) + "/|\\./|[^/.])";
  Defaults.SystemHeaders = false;
  return Defaults;
}

static ClangTidyOptions overrideOptions(const AnalyzerOptions &Opts) {
  ClangTidyOptions Override;
  if (Opts.Checks)
    Override.Checks = *Opts.Checks;
  if (Opts.HeaderFilter)
    Override.HeaderFilterRegex = *Opts.HeaderFilter;
  // The scope settings reach the checks (ProdReadyCheck) as global options;
  // the command line's globs add to the configured ones.
  auto Set = [&](const char *Key, std::string Value) {
    Override.CheckOptions[Key] = ClangTidyOptions::ClangTidyValue(Value);
  };
  if (Opts.IncludeTests)
    Set("prodready.IncludeTests", "true");
  if (!Opts.Exclude.empty())
    Set("prodready.CommandLineExclude", joinList(Opts.Exclude));
  if (!Opts.Include.empty())
    Set("prodready.CommandLineInclude", joinList(Opts.Include));
  if (!Opts.ScopeRoot.empty())
    Set("prodready.SourceRoot", Opts.ScopeRoot);
  return Override;
}

UnitScopeFilter::UnitScopeFilter(const AnalyzerOptions &Opts) : Opts(Opts) {
  auto Made = makeOptionsProvider(Opts);
  if (Made)
    Provider = std::move(*Made);
  else
    llvm::consumeError(Made.takeError()); // reported by verifyConfiguration
}

std::string UnitScopeFilter::outOfScope(llvm::StringRef File,
                                        llvm::StringRef BuildDir) {
  ScopeSettings Settings;
  if (Provider) {
    ClangTidyOptions Effective = Provider->getOptions(File);
    auto Get = [&](llvm::StringRef Key) -> std::optional<std::string> {
      auto It = Effective.CheckOptions.find(Key);
      if (It == Effective.CheckOptions.end())
        return std::nullopt;
      return It->getValue().Value;
    };
    if (auto V = Get("prodready.IncludeTests"))
      Settings.IncludeTests =
          llvm::StringRef(*V).trim().equals_insensitive("true") ||
          llvm::StringRef(*V).trim() == "1";
    if (auto V = Get("prodready.TestFileRegex"))
      Settings.TestFileRegex = *V;
    for (const char *Key :
         {"prodready.Exclude", "prodready.CommandLineExclude"})
      if (auto V = Get(Key))
        for (std::string &G : splitList(*V))
          Settings.Exclude.push_back(std::move(G));
    for (const char *Key :
         {"prodready.Include", "prodready.CommandLineInclude"})
      if (auto V = Get(Key))
        for (std::string &G : splitList(*V))
          Settings.Include.push_back(std::move(G));
    // A rule's own TestFileRegex may judge test files differently from the
    // project-wide setting: leave test files to the checks then.
    for (const auto &Option : Effective.CheckOptions)
      if (Option.getKey().starts_with("prodready-") &&
          Option.getKey().ends_with(".TestFileRegex"))
        Settings.IncludeTests = true;
  }
  ProjectScope Scope(File, BuildDir, Opts.ScopeRoot, std::move(Settings));
  ScopeVerdict Verdict = Scope.classify(File);
  if (Verdict == ScopeVerdict::Production)
    return "";
  return verdictName(Verdict).str();
}
namespace {

/// clang-tidy's provider of .clang-tidy files, which come from the analysed
/// tree: their nesting is bounded before LLVM's recursive YAML reader sees
/// them (a deeply nested file would overflow the stack). The driver checks
/// the same files up front and stops with an error naming the file; this
/// guard covers the rest. (FileOptionsProvider's own constructor taking
/// handlers leaves its file system unset in LLVM 19, hence the subclass.)
class DepthCheckedOptionsProvider : public FileOptionsProvider {
public:
  DepthCheckedOptionsProvider(ClangTidyGlobalOptions Global,
                              ClangTidyOptions Defaults,
                              ClangTidyOptions Overrides)
      : FileOptionsProvider(std::move(Global), std::move(Defaults),
                            std::move(Overrides),
                            llvm::vfs::getRealFileSystem()) {
    ConfigHandlers.clear();
    ConfigHandlers.emplace_back(
        ".clang-tidy",
        [](llvm::MemoryBufferRef Config) -> llvm::ErrorOr<ClangTidyOptions> {
          if (llvm::Error E = checkNestingDepth(Config.getBuffer(),
                                                Config.getBufferIdentifier())) {
            llvm::consumeError(std::move(E));
            return std::make_error_code(std::errc::invalid_argument);
          }
          // A file clang-tidy cannot parse (a key from a newer clang-tidy,
          // a typo) is skipped as clang-tidy skips it, its parents still
          // read; the driver warns about it once, before the analysis.
          llvm::ErrorOr<ClangTidyOptions> Parsed = parseConfigurationWithDiags(
              Config, [](const llvm::SMDiagnostic &) {});
          if (!Parsed) {
            ClangTidyOptions Skipped;
            Skipped.InheritParentConfig = true;
            return Skipped;
          }
          keepOnlyProdreadyGlobs(*Parsed);
          return Parsed;
        });
  }

private:
  /// A project's .clang-tidy written for clang-tidy's own checks
  /// (`Checks: '-*,bugprone-*'`) says nothing about prodready: its `-*`
  /// would silently turn every prodready rule off. Check lists that never
  /// name prodready are left to clang-tidy; one that does (`-*,prodready-
  /// unchecked-error`) chooses prodready's rules exactly as in clang-tidy.
  static void keepOnlyProdreadyGlobs(ClangTidyOptions &Options) {
    for (std::optional<std::string> *List :
         {&Options.Checks, &Options.WarningsAsErrors})
      if (*List && !llvm::StringRef(**List).contains("prodready"))
        List->reset();
  }
};

} // namespace

llvm::Expected<std::unique_ptr<ClangTidyOptionsProvider>>
makeOptionsProvider(const AnalyzerOptions &Opts) {
  ClangTidyGlobalOptions Global;
  std::optional<std::string> Text = Opts.ConfigText;
  std::string Origin = "--config";
  if (!Opts.ConfigFile.empty()) {
    auto Buffer = llvm::MemoryBuffer::getFile(Opts.ConfigFile);
    if (!Buffer)
      return llvm::createStringError(
          Buffer.getError(), "cannot read configuration file '%s': %s",
          Opts.ConfigFile.c_str(), Buffer.getError().message().c_str());
    Text = (*Buffer)->getBuffer().str();
    Origin = Opts.ConfigFile;
  }
  if (Text)
    if (llvm::Error E = checkNestingDepth(*Text, Origin))
      return std::move(E);
  if (Text) {
    std::string Problems;
    auto Parsed = parseConfigurationWithDiags(
        llvm::MemoryBufferRef(*Text, Origin), [&](const llvm::SMDiagnostic &D) {
          llvm::raw_string_ostream OS(Problems);
          D.print("prodready", OS, /*ShowColors=*/false);
        });
    if (!Parsed)
      return llvm::createStringError(
          Parsed.getError(), "invalid configuration in %s: %s", Origin.c_str(),
          Problems.empty() ? Parsed.getError().message().c_str()
                           : Problems.c_str());
    return std::make_unique<ConfigOptionsProvider>(Global, defaultOptions(Opts),
                                                   std::move(*Parsed),
                                                   overrideOptions(Opts));
  }
  return std::make_unique<DepthCheckedOptionsProvider>(
      Global, defaultOptions(Opts), overrideOptions(Opts));
}

std::string effectiveConfiguration(const AnalyzerOptions &Opts,
                                   llvm::StringRef File) {
  auto Provider = makeOptionsProvider(Opts);
  if (!Provider) {
    std::string Message = llvm::toString(Provider.takeError());
    return "invalid: " + Message;
  }
  ClangTidyContext Context(std::move(*Provider));
  Context.setCurrentFile(File);
  return configurationAsText(Context.getOptionsForFile(File));
}

std::vector<std::string> verifyConfiguration(const AnalyzerOptions &Opts,
                                             llvm::StringRef File) {
  std::vector<std::string> Problems;
  auto Provider = makeOptionsProvider(Opts);
  if (!Provider) {
    Problems.push_back(llvm::toString(Provider.takeError()));
    return Problems;
  }
  ClangTidyOptions Effective = (*Provider)->getOptions(File);
  NamesAndOptions Known = getAllChecksAndOptions();
  // Every positive glob must select at least one known check.
  std::string GlobText = Effective.Checks.value_or("");
  llvm::StringRef Globs = GlobText;
  llvm::SmallVector<llvm::StringRef, 16> Items;
  Globs.split(Items, ',', -1, false);
  for (llvm::StringRef Item : Items) {
    Item = Item.trim();
    if (Item.empty() || Item.starts_with("-"))
      continue;
    // Checks of clang-tidy's own modules are not part of prodready; a shared
    // .clang-tidy may name them, and clang-tidy itself runs them.
    if (!Item.starts_with("prodready") && Item != "*")
      continue;
    std::string Re;
    for (char C : Item)
      Re += C == '*' ? std::string(".*") : regexEscape(llvm::StringRef(&C, 1));
    llvm::Regex Glob("^" + Re + "$");
    bool Any = false;
    for (const auto &Name : Known.Names)
      Any |= Glob.match(Name.getKey());
    if (!Any)
      Problems.push_back("unknown check '" + Item.str() +
                         "': no prodready check matches it (run "
                         "'prodready --list-checks' for the names)");
  }
  for (const auto &Option : Effective.CheckOptions) {
    llvm::StringRef Key = Option.getKey();
    if (!Key.starts_with("prodready-"))
      continue;
    if (!Known.Options.contains(Key))
      Problems.push_back("unknown option '" + Key.str() +
                         "' (check the spelling; each rule's options are "
                         "listed in docs/checks/<rule>.md)");
  }
  // Construct the enabled checks once: they read and validate their options
  // (regular expressions, numbers, booleans) and report problems as
  // configuration diagnostics.
  auto CheckProvider = makeOptionsProvider(Opts);
  if (CheckProvider) {
    ClangTidyContext Context(std::move(*CheckProvider));
    ClangTidyDiagnosticConsumer Consumer(Context);
    DiagnosticsEngine DE(new DiagnosticIDs(), new DiagnosticOptions(),
                         &Consumer,
                         /*ShouldOwnClient=*/false);
    Context.setDiagnosticsEngine(&DE);
    Context.setCurrentFile(File);
    ClangTidyASTConsumerFactory Factory(Context);
    (void)Factory.getCheckOptions();
    for (const ClangTidyError &Error : Consumer.take()) {
      if (Error.DiagLevel != tooling::Diagnostic::Error &&
          Error.DiagnosticName != "clang-tidy-config")
        continue;
      // Checks name their options without the check prefix; name the key
      // the user wrote.
      std::string Message = Error.Message.Message;
      for (const auto &Option : Effective.CheckOptions) {
        llvm::StringRef Key = Option.getKey();
        std::string Short = "'" + Key.rsplit('.').second.str() + "'";
        size_t At = Message.find(Short);
        if (Key.starts_with("prodready-") && At != std::string::npos) {
          Message.replace(At, Short.size(), "'" + Key.str() + "'");
          break;
        }
      }
      Problems.push_back(Message);
    }
  }
  return Problems;
}

/// Removes the arguments clang's driver does not know (GCC-only flags such
/// as -fconcepts-diagnostics-depth=N in a GCC build's database), which would
/// otherwise stop the compile with "unknown argument".
tooling::CommandLineArguments
stripUnknownArguments(const tooling::CommandLineArguments &Args) {
  if (Args.size() < 2)
    return Args;
  std::vector<const char *> Raw;
  for (size_t I = 1; I < Args.size(); ++I)
    Raw.push_back(Args[I].c_str());
  unsigned MissingIndex = 0, MissingCount = 0;
  const llvm::opt::OptTable &Table = driver::getDriverOptTable();
  llvm::opt::InputArgList Parsed =
      Table.ParseArgs(Raw, MissingIndex, MissingCount,
                      llvm::opt::Visibility(driver::options::ClangOption));
  std::set<std::string> Unknown;
  for (const llvm::opt::Arg *A : Parsed.filtered(driver::options::OPT_UNKNOWN))
    Unknown.insert(A->getAsString(Parsed));
  if (Unknown.empty())
    return Args;
  tooling::CommandLineArguments Kept;
  for (size_t I = 0; I < Args.size(); ++I)
    if (I == 0 || !Unknown.count(Args[I]))
      Kept.push_back(Args[I]);
  return Kept;
}

namespace {

/// Reads analysed files once to turn byte offsets into line and columns.
class LineTable {
public:
  /// Texts that replace the files on disk (unsaved editor buffers).
  void preload(const std::map<std::string, std::string> &Texts) {
    for (const auto &[Path, Text] : Texts)
      Buffers[Path] = llvm::MemoryBuffer::getMemBufferCopy(Text, Path);
  }

  const llvm::MemoryBuffer *get(llvm::StringRef Path) {
    auto It = Buffers.find(Path);
    if (It != Buffers.end())
      return It->second.get();
    auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                              /*RequiresNullTerminator=*/false);
    auto &Slot = Buffers[Path];
    if (Buffer)
      Slot = std::move(*Buffer);
    return Slot.get();
  }

  TextRange range(llvm::StringRef Path, unsigned Offset, unsigned Length) {
    TextRange R;
    R.File = Path.str();
    R.Offset = Offset;
    R.Length = Length;
    const llvm::MemoryBuffer *Buffer = get(Path);
    llvm::StringRef Text = Buffer ? Buffer->getBuffer() : llvm::StringRef();
    auto Position = [&](unsigned At, unsigned &Line, unsigned &Column,
                        unsigned &CharColumn) {
      At = std::min<size_t>(At, Text.size());
      llvm::StringRef Before = Text.take_front(At);
      Line = 1 + Before.count('\n');
      size_t LineStart = Before.rfind('\n');
      LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
      llvm::StringRef Prefix = Before.drop_front(LineStart);
      Column = 1 + Prefix.size();
      CharColumn = 1;
      for (unsigned char C : Prefix)
        CharColumn += (C & 0xC0) != 0x80; // count UTF-8 lead bytes
    };
    Position(Offset, R.Line, R.Column, R.CharColumn);
    Position(Offset + Length, R.EndLine, R.EndColumn, R.EndCharColumn);
    if (Length == 0) { // a point: SARIF regions must not be empty
      R.EndColumn = R.Column + 1;
      R.EndCharColumn = R.CharColumn + 1;
    }
    return R;
  }

  /// Hash of the whitespace-normalised text of the line at \p Offset.
  std::string lineHash(llvm::StringRef Path, unsigned Offset) {
    const llvm::MemoryBuffer *Buffer = get(Path);
    llvm::StringRef Text = Buffer ? Buffer->getBuffer() : llvm::StringRef();
    Offset = std::min<size_t>(Offset, Text.size());
    size_t Start = Text.take_front(Offset).rfind('\n');
    Start = Start == llvm::StringRef::npos ? 0 : Start + 1;
    size_t End = Text.find('\n', Offset);
    llvm::StringRef Line = Text.slice(Start, End);
    std::string Normalised;
    for (char C : Line)
      if (!llvm::isSpace(C))
        Normalised += C;
    return contentHash(Normalised).substr(0, 16);
  }

private:
  llvm::StringMap<std::unique_ptr<llvm::MemoryBuffer>> Buffers;
};

} // namespace

std::string absolutePath(llvm::StringRef Path, llvm::StringRef BuildDir) {
  llvm::SmallString<256> Abs(Path);
  if (!llvm::sys::path::is_absolute(Abs) && !BuildDir.empty())
    llvm::sys::fs::make_absolute(BuildDir, Abs);
  else
    llvm::sys::fs::make_absolute(Abs);
  // `a/../b` is only `b` when `a` is no symlink (GCC's include directories
  // are reached through such paths): let the file system decide.
  if (llvm::StringRef(Abs).contains("/../")) {
    llvm::SmallString<256> Real;
    if (!llvm::sys::fs::real_path(Abs, Real))
      return std::string(Real);
  }
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/false);
  return std::string(Abs);
}

namespace {

/// Runs clang-tidy's consumer over the project's own declarations only, as
/// clangd does: the matchers never walk the bodies of system headers (most
/// of a unit's AST), which is where most of the matcher cost would go.
/// Findings never come from system headers, so nothing is lost.
class ProjectScopeConsumer : public MultiplexConsumer {
public:
  ProjectScopeConsumer(std::unique_ptr<ASTConsumer> Tidy, bool Restrict)
      : MultiplexConsumer(consumers(std::move(Tidy))), Restrict(Restrict) {}

  static std::vector<std::unique_ptr<ASTConsumer>>
  consumers(std::unique_ptr<ASTConsumer> Tidy) {
    std::vector<std::unique_ptr<ASTConsumer>> List;
    List.push_back(std::move(Tidy));
    return List;
  }

  void HandleTranslationUnit(ASTContext &Context) override {
    if (Restrict) {
      const SourceManager &SM = Context.getSourceManager();
      std::vector<Decl *> Scope;
      for (Decl *D : Context.getTranslationUnitDecl()->decls()) {
        SourceLocation Loc = SM.getExpansionLoc(D->getLocation());
        if (Loc.isInvalid() || !SM.isInSystemHeader(Loc))
          Scope.push_back(D);
      }
      Context.setTraversalScope(Scope);
    }
    MultiplexConsumer::HandleTranslationUnit(Context);
  }

private:
  bool Restrict;
};

/// The frontend action: clang-tidy's AST consumer, plus a record of every
/// file the unit read (for the cache).
class AnalysisAction : public ASTFrontendAction {
public:
  AnalysisAction(ClangTidyASTConsumerFactory &Factory, UnitResult &Result,
                 bool RestrictScope, PreambleRun *Preamble)
      : Factory(Factory), Result(Result), RestrictScope(RestrictScope),
        Preamble(Preamble) {}

  bool BeginSourceFileAction(CompilerInstance &CI) override {
    // Before the checks add their callbacks: they hear the main file's
    // entry before the preamble's replayed events, as in a cold parse.
    if (Preamble)
      Preamble->attachReplay(CI);
    return ASTFrontendAction::BeginSourceFileAction(CI);
  }

  std::unique_ptr<ASTConsumer>
  CreateASTConsumer(CompilerInstance &CI, llvm::StringRef File) override {
    return std::make_unique<ProjectScopeConsumer>(
        Factory.createASTConsumer(CI, File), RestrictScope);
  }

  void EndSourceFileAction() override {
    SourceManager &SM = getCompilerInstance().getSourceManager();
    for (auto It = SM.fileinfo_begin(), End = SM.fileinfo_end(); It != End;
         ++It) {
      FileEntryRef Entry = It->first;
      std::optional<llvm::MemoryBufferRef> Buffer =
          SM.getMemoryBufferForFileOrNone(Entry);
      Result.Dependencies.emplace_back(absolutePath(Entry.getName(), ""),
                                       Buffer ? contentHash(Buffer->getBuffer())
                                              : std::string("missing"));
    }
    llvm::sort(Result.Dependencies);
    Result.Dependencies.erase(
        std::unique(Result.Dependencies.begin(), Result.Dependencies.end()),
        Result.Dependencies.end());
  }

private:
  ClangTidyASTConsumerFactory &Factory;
  UnitResult &Result;
  bool RestrictScope;
  PreambleRun *Preamble;
};

class AnalysisActionFactory : public tooling::FrontendActionFactory {
public:
  AnalysisActionFactory(ClangTidyContext &Context, UnitResult &Result,
                        bool RestrictScope, PreambleRun *Preamble)
      : Factory(Context), Result(Result), RestrictScope(RestrictScope),
        Preamble(Preamble) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<AnalysisAction>(Factory, Result, RestrictScope,
                                            Preamble);
  }
  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation,
                     FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCHContainerOps,
                     DiagnosticConsumer *DiagConsumer) override {
    // As clang-tidy does: code may test __clang_analyzer__.
    Invocation->getPreprocessorOpts().SetUpStaticAnalyzer = true;
    if (Preamble)
      if (auto WithPCH =
              Preamble->prepare(*Invocation, *Files, PCHContainerOps)) {
        // The compile reads through a file manager that also serves the PCH.
        llvm::IntrusiveRefCntPtr<FileManager> PCHFiles(
            new FileManager(Files->getFileSystemOpts(), WithPCH));
        return FrontendActionFactory::runInvocation(
            Invocation, PCHFiles.get(), PCHContainerOps, DiagConsumer);
      }
    return FrontendActionFactory::runInvocation(Invocation, Files,
                                                PCHContainerOps, DiagConsumer);
  }

private:
  ClangTidyASTConsumerFactory Factory;
  UnitResult &Result;
  bool RestrictScope;
  PreambleRun *Preamble;
};

} // namespace

/// One analysis of \p File, with \p Preamble (when not null) preparing the
/// compile.
static UnitResult analyzeOnce(const tooling::CompilationDatabase &DB,
                              llvm::StringRef File, const AnalyzerOptions &Opts,
                              PreambleRun *Preamble) {
  auto Start = std::chrono::steady_clock::now();
  UnitResult Result;
  Result.File = File.str();

  auto Provider = makeOptionsProvider(Opts);
  if (!Provider) {
    Result.Parsed = false;
    Result.Notifications.push_back({File.str(), "error",
                                    llvm::toString(Provider.takeError()),
                                    "configuration"});
    return Result;
  }
  ClangTidyContext Context(std::move(*Provider));

  // Every header lookup that found nothing is a dependency too: a generated
  // header that appears later, or a new header shadowing another on the
  // include path, changes the result.
  std::set<std::string> Missing;
  tooling::ClangTool Tool(
      DB, {File.str()}, std::make_shared<PCHContainerOperations>(),
      makeGuardedFileSystem(llvm::vfs::getRealFileSystem(), &Missing));
  for (const auto &[Path, Text] : Opts.UnsavedFiles)
    Tool.mapVirtualFile(Path, Text);
  Tool.appendArgumentsAdjuster(
      [&Context, &Opts](const tooling::CommandLineArguments &Args,
                        llvm::StringRef Filename) {
        ClangTidyOptions FileOpts = Context.getOptionsForFile(Filename);
        tooling::CommandLineArguments Adjusted = Args;
        std::vector<std::string> Before = Opts.ExtraArgsBefore;
        if (FileOpts.ExtraArgsBefore)
          Before.insert(Before.end(), FileOpts.ExtraArgsBefore->begin(),
                        FileOpts.ExtraArgsBefore->end());
        auto It = Adjusted.begin();
        if (It != Adjusted.end())
          ++It; // after the compiler's name
        Adjusted.insert(It, Before.begin(), Before.end());
        // Appended options go before a `--`: after it everything is an
        // input file, and commands inferred for files missing from the
        // database (headers, new files) end in `-- <file>`.
        std::vector<std::string> After;
        if (FileOpts.ExtraArgs)
          After.insert(After.end(), FileOpts.ExtraArgs->begin(),
                       FileOpts.ExtraArgs->end());
        After.insert(After.end(), Opts.ExtraArgs.begin(), Opts.ExtraArgs.end());
        // GCC-only warning flags in a database must not turn into errors.
        After.push_back("-Wno-unknown-warning-option");
        // Boost <= 1.80 (Debian bookworm's 1.74) computes out-of-range enum
        // constants in mpl; GCC accepts them and clang 19 makes them an
        // error, which would mark every unit that includes Boost incomplete.
        After.push_back("-Wno-enum-constexpr-conversion");
        if (!Opts.ResourceDir.empty())
          After.push_back("-resource-dir=" + Opts.ResourceDir);
        Adjusted.insert(llvm::find(Adjusted, "--"), After.begin(), After.end());
        return Adjusted;
      });
  Tool.appendArgumentsAdjuster(tooling::getStripPluginsAdjuster());
  Tool.appendArgumentsAdjuster(
      [](const tooling::CommandLineArguments &Args, llvm::StringRef) {
        return stripUnknownArguments(Args);
      });

  ClangTidyDiagnosticConsumer DiagConsumer(Context, nullptr,
                                           /*RemoveIncompatibleErrors=*/true,
                                           /*GetFixesFromNotes=*/false);
  DiagnosticsEngine DE(new DiagnosticIDs(), new DiagnosticOptions(),
                       &DiagConsumer,
                       /*ShouldOwnClient=*/false);
  Context.setDiagnosticsEngine(&DE);
  Tool.setDiagnosticConsumer(&DiagConsumer);
  Tool.setPrintErrorMessage(false);

  AnalysisActionFactory Factory(Context, Result, Opts.SkipSystemBodies,
                                Preamble);
  (void)takeStatistics();
  (void)takeDroppedFindings();
  (void)takeCallSummaries();
  requestCallSummaries(true);
  int Status = Tool.run(&Factory);
  requestCallSummaries(false);
  Result.Statistics = takeStatistics();
  Result.Summaries = takeCallSummaries();
  std::vector<DroppedFinding> Dropped = takeDroppedFindings();
  Result.OutOfScope = takeOutOfScope();
  if (Preamble && Preamble->used()) {
    // What the preamble read, which this compile took from the PCH: the
    // unit's result depends on it all the same.
    for (const PreambleDependency &D : Preamble->dependencies())
      Result.Dependencies.emplace_back(D.Path, D.Hash);
    Missing.insert(Preamble->missing().begin(), Preamble->missing().end());
    llvm::sort(Result.Dependencies);
    Result.Dependencies.erase(
        std::unique(Result.Dependencies.begin(), Result.Dependencies.end()),
        Result.Dependencies.end());
  }
  if (!Result.Dependencies.empty()) {
    for (const std::string &Path : Missing)
      Result.Dependencies.emplace_back(Path, AbsentDependency);
    llvm::sort(Result.Dependencies);
  }
  std::vector<ClangTidyError> Errors = DiagConsumer.take();

  LineTable Lines;
  Lines.preload(Opts.UnsavedFiles);
  // The summaries' points get lines and columns while the files are at
  // hand (merge may run where the sources are not). A call that a NOLINT
  // comment silences for the rule is no site: clang-tidy's consumer never
  // sees the finding the link phase would make of it.
  auto Place = [&](SummaryPoint &P) {
    if (P.File.empty())
      return;
    P.File = absolutePath(P.File, "");
    TextRange R = Lines.range(P.File, P.Offset, 0);
    P.Line = R.Line;
    P.Column = R.Column;
    P.CharColumn = R.CharColumn;
  };
  for (FunctionSummary &F : Result.Summaries.Functions) {
    Place(F.At);
    Place(F.BlockingAt);
    for (SummaryCall &C : F.Calls)
      Place(C.At);
  }
  // A linked finding goes where clang-tidy would let the unit's own
  // findings go: the main file, or a header the header filter admits.
  ClangTidyOptions Effective = Context.getOptionsForFile(File);
  llvm::Regex HeaderFilter(Effective.HeaderFilterRegex.value_or(""));
  llvm::Regex ExcludeHeaders(Effective.ExcludeHeaderFilterRegex.value_or(""));
  std::string MainFile = absolutePath(File, "");
  GlobList RaisedToErrors(Effective.WarningsAsErrors.value_or(""));
  auto Reportable = [&](const SummaryPoint &At) {
    if (At.File == MainFile)
      return true;
    if (Effective.ExcludeHeaderFilterRegex &&
        !Effective.ExcludeHeaderFilterRegex->empty() &&
        ExcludeHeaders.match(At.File))
      return false;
    return Effective.HeaderFilterRegex &&
           !Effective.HeaderFilterRegex->empty() && HeaderFilter.match(At.File);
  };
  llvm::erase_if(Result.Summaries.AsyncCalls, [&](AsyncCallSite &Site) {
    Place(Site.Call.At);
    if (!Reportable(Site.Call.At))
      return true;
    Place(Site.ContextAt);
    const llvm::MemoryBuffer *Buffer = Lines.get(Site.Call.At.File);
    if (Buffer && suppressedByNoLint(Buffer->getBuffer(), Site.Call.At.Offset,
                                     BlockingInAsyncRule))
      return true;
    Site.LineHash = Lines.lineHash(Site.Call.At.File, Site.Call.At.Offset);
    Site.WarningAsError = RaisedToErrors.contains(BlockingInAsyncRule);
    return false;
  });
  for (ParameterSummary &P : Result.Summaries.Parameters) {
    for (ParameterSummary::Logged &L : P.Logs)
      Place(L.At);
    for (ParameterSummary::Forwarded &F : P.Forwards)
      Place(F.Call.At);
  }
  llvm::erase_if(
      Result.Summaries.SecretArguments, [&](SecretArgumentSite &Site) {
        Place(Site.Call.At);
        Place(Site.ArgumentAt);
        if (!Reportable(Site.ArgumentAt))
          return true;
        for (auto &Step : Site.Steps)
          Place(Step.second);
        const llvm::MemoryBuffer *Buffer = Lines.get(Site.ArgumentAt.File);
        if (Buffer &&
            suppressedByNoLint(Buffer->getBuffer(), Site.ArgumentAt.Offset,
                               "prodready-secret-in-log"))
          return true;
        Site.LineHash =
            Lines.lineHash(Site.ArgumentAt.File, Site.ArgumentAt.Offset);
        Site.WarningAsError =
            RaisedToErrors.contains("prodready-secret-in-log");
        return false;
      });
  unsigned CompileErrors = 0;
  for (const ClangTidyError &Error : Errors) {
    std::string Path =
        absolutePath(Error.Message.FilePath, Error.BuildDirectory);
    llvm::StringRef Name = Error.DiagnosticName;
    if (Name.starts_with("clang-diagnostic-") || Name == "clang-tidy-config" ||
        !Name.starts_with("prodready-")) {
      if (Error.DiagLevel == tooling::Diagnostic::Error) {
        ++CompileErrors;
        if (Preamble)
          Preamble->noteCompileError(
              Error.Message.FilePath.empty() ? std::string() : Path, MainFile);
        if (Name == "clang-tidy-config") {
          Result.Notifications.push_back(
              {File.str(), "error", Error.Message.Message, "configuration"});
          continue;
        }
        if (CompileErrors <= 3) {
          TextRange At = Lines.range(Path, Error.Message.FileOffset, 0);
          std::string Where = Error.Message.FilePath.empty()
                                  ? std::string("<command line>")
                                  : Path + ":" + std::to_string(At.Line) + ":" +
                                        std::to_string(At.Column);
          Result.Notifications.push_back({File.str(), "error",
                                          Where + ": " + Error.Message.Message,
                                          "compile-error"});
        }
      }
      continue;
    }
    Finding F;
    F.Rule = Name.str();
    // The level is data: the rule's declared level (rules.json), raised to
    // error where clang-tidy raises it (.clang-tidy WarningsAsErrors, whose
    // globs clang-tidy's diagnostic consumer has already matched).
    F.WarningAsError = Error.IsWarningAsError;
    llvm::StringRef Reported =
        Error.DiagLevel == tooling::Diagnostic::Error || Error.IsWarningAsError
            ? "error"
            : "warning";
    const RuleInfo *Rule = findRule(F.Rule);
    F.Level = higherLevel(Reported, Rule ? Rule->Level : "warning").str();
    F.Message = Error.Message.Message;
    unsigned Length = 0;
    for (const tooling::FileByteRange &R : Error.Message.Ranges)
      if (R.FileOffset == Error.Message.FileOffset &&
          R.FilePath == Error.Message.FilePath)
        Length = R.Length;
    F.Where = Lines.range(Path, Error.Message.FileOffset, Length);
    F.LineHash = Lines.lineHash(Path, Error.Message.FileOffset);
    for (const tooling::DiagnosticMessage &Note : Error.Notes) {
      if (Note.FilePath.empty())
        continue;
      std::string NotePath = absolutePath(Note.FilePath, Error.BuildDirectory);
      F.Notes.push_back(
          {Note.Message, Lines.range(NotePath, Note.FileOffset, 0)});
    }
    for (const auto &FileFix : Error.Message.Fix)
      for (const tooling::Replacement &Rep : FileFix.getValue()) {
        std::string FixPath =
            absolutePath(Rep.getFilePath(), Error.BuildDirectory);
        F.Fixes.push_back(
            {Lines.range(FixPath, Rep.getOffset(), Rep.getLength()),
             Rep.getReplacementText().str()});
      }
    Result.Findings.push_back(std::move(F));
  }
  if (CompileErrors > 0 || Status != 0) {
    Result.Parsed = false;
    std::string Message =
        CompileErrors > 0
            ? std::to_string(CompileErrors) +
                  " compiler error(s); no finding is reported from code that "
                  "did not parse, so this file's findings may be incomplete"
            : std::string("the compiler could not process this file");
    Result.Notifications.insert(Result.Notifications.begin(),
                                {File.str(), "error", Message, "parse-error"});
  }
  // Nothing the unit reports repeats a detected credential: the string
  // literals on the lines of hard-coded secrets, and credentials in
  // well-known formats, are redacted from every message (compiler errors
  // quoting a static_assert, notes, other rules' messages) before the
  // result leaves the worker (temporary files, cache, outputs).
  std::vector<std::string> Known;
  auto AddKnown = [&](llvm::StringRef Rule, const std::string &File,
                      unsigned FirstLine, unsigned LastLine, unsigned Offset,
                      llvm::StringRef Message) {
    const RuleInfo *Info = findRule(Rule.str());
    if (!Info || !Info->RedactSource)
      return;
    const llvm::MemoryBuffer *Buffer = Lines.get(File);
    if (!Buffer)
      return;
    llvm::StringRef Source = Buffer->getBuffer();
    // The message shows the secret's first characters, "(hu****)": of the
    // literals on the line (keys such as "password" may share it), those
    // that start so are the secret.
    llvm::StringRef Shown;
    size_t Mask = Message.find("****)");
    size_t Open =
        Mask == llvm::StringRef::npos ? Mask : Message.rfind('(', Mask);
    if (Open != llvm::StringRef::npos)
      Shown = Message.slice(Open + 1, Mask);
    // The literal the finding points at, with the literals adjacent to it,
    // on as many lines as it takes (`"-----BEGIN ...\n" "MIIE..."`).
    LastLine = std::max(FirstLine, LastLine);
    if (std::optional<LiteralExtent> Extent = literalExtentAt(Source, Offset))
      if (llvm::any_of(Extent->Texts, [&](const std::string &T) {
            return llvm::StringRef(T).starts_with(Shown);
          })) {
        llvm::append_range(Known, Extent->Texts);
        LastLine = std::max<unsigned>(
            LastLine,
            1 + Source.take_front(std::max<size_t>(Extent->End, 1) - 1)
                    .count('\n'));
      }
    llvm::SmallVector<llvm::StringRef, 0> SourceLines;
    Source.split(SourceLines, '\n');
    for (unsigned Line = FirstLine; Line <= LastLine; ++Line) {
      Result.SecretLines.emplace(File, Line);
      if (Line > SourceLines.size())
        continue;
      for (std::string &Literal : stringLiteralsOn(SourceLines[Line - 1]))
        if (llvm::StringRef(Literal).starts_with(Shown))
          Known.push_back(std::move(Literal));
    }
  };
  for (const Finding &F : Result.Findings) {
    AddKnown(F.Rule, F.Where.File, F.Where.Line, F.Where.EndLine,
             F.Where.Offset, F.Message);
    // Where a logged secret comes from ("secret 'api_key' comes from
    // here"): that line may hold the secret, so it is never echoed. Its
    // literals are not masked in messages: most are names (`getenv("...")`)
    // that messages quote.
    const RuleInfo *Info = findRule(F.Rule);
    if (Info && Info->RedactNotes)
      for (const FindingNote &N : F.Notes)
        if (N.Where.Line)
          Result.SecretLines.emplace(N.Where.File, N.Where.Line);
  }
  // Also the credentials of findings that were not reported (a test file,
  // code that did not parse): a compiler error may still quote them.
  for (const DroppedFinding &D : Dropped)
    AddKnown(D.Check, D.File, D.Line, D.Line, D.Offset, D.Message);
  redactUnit(Result, Known);
  llvm::sort(Result.Findings);
  Result.Seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
          .count();
  return Result;
}

/// Whether the unit's analysis detected a credential (reported or not) in a
/// header or in the main file's first \p PreambleLines lines: a PCH of the
/// preamble would hold it.
static bool credentialInPreamble(const UnitResult &Result,
                                 const std::string &MainFile,
                                 unsigned PreambleLines) {
  return llvm::any_of(Result.SecretLines, [&](const auto &Line) {
    return Line.first != MainFile || Line.second <= PreambleLines;
  });
}

UnitResult analyzeUnit(const tooling::CompilationDatabase &DB,
                       llvm::StringRef File, const AnalyzerOptions &Opts) {
  if (Opts.PreambleDir.empty() ||
      (Opts.PreambleOnlyFor && !Opts.PreambleOnlyFor->count(File.str())))
    return analyzeOnce(DB, File, Opts, nullptr);
  PreambleRun Preamble(Opts.PreambleDir);
  UnitResult Result = analyzeOnce(DB, File, Opts, &Preamble);
  if (Preamble.coldRunNeeded()) {
    // The preamble's events could not all be replayed, or the compile
    // reported an error the PCH may have caused: the cold parse decides,
    // and the preamble is not kept.
    Preamble.discard();
    Result = analyzeOnce(DB, File, Opts, nullptr);
    ++Result.Statistics["preamble.cold-fallback"];
  } else if (Preamble.hasErrors()) {
    ++Result.Statistics[Preamble.errorsKnown() ? "preamble.has-errors-known"
                                               : "preamble.has-errors"];
  } else if (Preamble.used()) {
    ++Result.Statistics[std::string("preamble.") + Preamble.outcome()];
    if (credentialInPreamble(Result, absolutePath(File, ""),
                             Preamble.preambleLines()))
      Preamble.discard();
    else
      Preamble.commit();
  }
  if (Preamble.storedPreambleDamaged())
    Result.Notifications.push_back(
        {File.str(), "note", Preamble.rejection(), "preamble"});
  return Result;
}

} // namespace prodready
