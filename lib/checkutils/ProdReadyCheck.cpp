//===--- ProdReadyCheck.cpp - the base of every prodready check -----------===//

#include "ProdReadyCheck.h"
#include "CheckUtils.h"
#include "Statistics.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/FileManager.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace prodready {

namespace {

/// Notes the first #include that was not found (the point where the parse
/// stopped with a fatal error) and whether the unit includes a test
/// framework.
class ScopeCallbacks : public PPCallbacks {
public:
  ScopeCallbacks(std::shared_ptr<SourceLocation> FatalPoint,
                 std::shared_ptr<bool> IncludesTestFramework)
      : FatalPoint(std::move(FatalPoint)),
        IncludesTestFramework(std::move(IncludesTestFramework)) {}

  void InclusionDirective(SourceLocation HashLoc, const Token &,
                          StringRef FileName, bool, CharSourceRange,
                          OptionalFileEntryRef File, StringRef, StringRef,
                          const Module *, bool,
                          SrcMgr::CharacteristicKind) override {
    if (!File && FatalPoint->isInvalid())
      *FatalPoint = HashLoc;
    if (ProjectScope::isTestFrameworkHeader(FileName))
      *IncludesTestFramework = true;
  }

private:
  std::shared_ptr<SourceLocation> FatalPoint;
  std::shared_ptr<bool> IncludesTestFramework;
};

/// Whether a function body holds code that did not compile.
class ErrorFinder : public RecursiveASTVisitor<ErrorFinder> {
public:
  bool Found = false;
  bool shouldVisitTemplateInstantiations() const { return false; }
  bool shouldVisitLambdaBody() const { return true; }
  bool VisitExpr(Expr *E) {
    if (E->containsErrors())
      Found = true;
    return !Found;
  }
  bool VisitDecl(Decl *D) {
    if (D->isInvalidDecl())
      Found = true;
    return !Found;
  }
};

/// Every function (and method) definition of the unit outside system
/// headers.
class FunctionCollector : public RecursiveASTVisitor<FunctionCollector> {
public:
  explicit FunctionCollector(const SourceManager &SM) : SM(SM) {}
  std::vector<const FunctionDecl *> Functions;
  bool shouldVisitTemplateInstantiations() const { return false; }
  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) &&
        SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }
  bool VisitFunctionDecl(FunctionDecl *F) {
    if (F->doesThisDeclarationHaveABody())
      Functions.push_back(F);
    return true;
  }

private:
  const SourceManager &SM;
};

std::vector<std::string> listOption(std::optional<StringRef> Value) {
  return Value ? splitList(*Value) : std::vector<std::string>();
}

} // namespace

ProdReadyCheck::ProdReadyCheck(StringRef Name, tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), TidyContext(Context) {
  if (auto V = Options.getLocalOrGlobal("prodready.IncludeTests")) {
    StringRef B = V->trim();
    Settings.IncludeTests = B.equals_insensitive("true") || B == "1" ||
                            B.equals_insensitive("yes") ||
                            B.equals_insensitive("on");
  }
  // A check's own TestFileRegex (the older, per-rule option) wins over the
  // project-wide one.
  if (auto V = Options.get("TestFileRegex"))
    Settings.TestFileRegex = V->str();
  else if (auto G = Options.getLocalOrGlobal("prodready.TestFileRegex"))
    Settings.TestFileRegex = G->str();
  Settings.Exclude = listOption(Options.getLocalOrGlobal("prodready.Exclude"));
  for (std::string &G :
       listOption(Options.getLocalOrGlobal("prodready.CommandLineExclude")))
    Settings.Exclude.push_back(std::move(G));
  Settings.Include = listOption(Options.getLocalOrGlobal("prodready.Include"));
  for (std::string &G :
       listOption(Options.getLocalOrGlobal("prodready.CommandLineInclude")))
    Settings.Include.push_back(std::move(G));
  if (auto V = Options.getLocalOrGlobal("prodready.SourceRoot"))
    SourceRoot = V->str();
  // A broken .prodready.yaml or test-file regex is a configuration error,
  // found when the check is created for a file (so --verify-config and the
  // driver's configuration check see it before any parsing).
  StringRef Main = getCurrentMainFile();
  if (!Main.empty()) {
    SmallString<256> Abs(Main);
    llvm::sys::fs::make_absolute(Abs);
    llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
    Scope = std::make_unique<ProjectScope>(
        Abs, Context->getCurrentBuildDirectory(), SourceRoot, Settings);
    if (!Scope->configurationProblem().empty()) {
      ConfigurationReported = true;
      configurationDiag("%0") << Scope->configurationProblem();
    }
  }
}

static std::string absoluteName(const FileManager &FM, StringRef Name) {
  SmallString<256> Path(Name);
  FM.makeAbsolutePath(Path);
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return std::string(Path);
}

void ProdReadyCheck::registerPPCallbacks(const SourceManager &SM,
                                         Preprocessor *ThePP, Preprocessor *) {
  Sources = &SM;
  PP = ThePP;
  AST = nullptr;
  BrokenCollected = false;
  BrokenFunctions.clear();
  FatalPoint = std::make_shared<SourceLocation>();
  UnitIncludesTestFramework = std::make_shared<bool>(false);
  PP->addPPCallbacks(
      std::make_unique<ScopeCallbacks>(FatalPoint, UnitIncludesTestFramework));
  MainPath = TidyContext->getCurrentFile().str();
  if (OptionalFileEntryRef MainEntry =
          SM.getFileEntryRefForID(SM.getMainFileID()))
    MainPath = absoluteName(SM.getFileManager(), MainEntry->getName());
  // The scope the constructor made for this file is reused: the
  // .prodready.yaml and .gitmodules are read once per check and unit.
  if (!Scope || Scope->mainFile() != MainPath)
    Scope = std::make_unique<ProjectScope>(
        MainPath, TidyContext->getCurrentBuildDirectory(), SourceRoot,
        Settings);
  if (!Scope->configurationProblem().empty() && !ConfigurationReported) {
    ConfigurationReported = true;
    configurationDiag("%0") << Scope->configurationProblem();
  }
}

void ProdReadyCheck::run(const ast_matchers::MatchFinder::MatchResult &Result) {
  AST = Result.Context;
  check(Result);
}

void ProdReadyCheck::collectBrokenFunctions() {
  BrokenCollected = true;
  if (!AST)
    return;
  FunctionCollector Collector(AST->getSourceManager());
  Collector.TraverseDecl(AST->getTranslationUnitDecl());
  for (const FunctionDecl *F : Collector.Functions) {
    ErrorFinder Finder;
    Finder.Found = F->isInvalidDecl();
    if (!Finder.Found)
      Finder.TraverseStmt(F->getBody());
    if (Finder.Found)
      BrokenFunctions.push_back(F->getSourceRange());
  }
}

bool ProdReadyCheck::inParsedCode(SourceLocation Loc) {
  const DiagnosticsEngine &Compiler = PP->getDiagnostics();
  if (!Compiler.hasUncompilableErrorOccurred() &&
      !Compiler.hasFatalErrorOccurred())
    return true;
  const SourceManager &SM = *Sources;
  SourceLocation At = SM.getExpansionLoc(Loc);
  if (Compiler.hasFatalErrorOccurred()) {
    // Everything after the point where the parse stopped; when that point is
    // unknown, the whole unit.
    if (FatalPoint->isInvalid() ||
        !SM.isBeforeInTranslationUnit(At, SM.getExpansionLoc(*FatalPoint)))
      return false;
  }
  if (!BrokenCollected)
    collectBrokenFunctions();
  if (!AST)
    return false; // no AST to tell which functions are intact
  for (SourceRange R : BrokenFunctions) {
    SourceLocation B = SM.getExpansionLoc(R.getBegin());
    SourceLocation E = SM.getExpansionLoc(R.getEnd());
    if (SM.isPointWithin(At, B, E))
      return false;
  }
  return true;
}

bool ProdReadyCheck::inScope(SourceLocation Loc) {
  return inScope(Loc, /*Quiet=*/false);
}

bool ProdReadyCheck::wouldReport(SourceLocation Loc) {
  return inScope(Loc, /*Quiet=*/true);
}

bool ProdReadyCheck::inScope(SourceLocation Loc, bool Quiet) {
  if (!Scope || !Sources || Loc.isInvalid())
    return true;
  const SourceManager &SM = *Sources;
  if (*UnitIncludesTestFramework)
    Scope->setUnitIsTest();
  SourceLocation At = SM.getExpansionLoc(Loc);
  FileID File = SM.getFileID(At);
  ScopeVerdict Verdict = ScopeVerdict::Production;
  std::string Path;
  if (Scope->unitIsTest()) {
    Verdict = ScopeVerdict::Test;
    Path = MainPath;
  } else if (OptionalFileEntryRef Entry = SM.getFileEntryRefForID(File)) {
    Path = absoluteName(SM.getFileManager(), Entry->getName());
    std::optional<llvm::MemoryBufferRef> Buffer = SM.getBufferOrNone(File);
    Verdict = Scope->classify(
        Path,
        Buffer ? std::optional<StringRef>(Buffer->getBuffer().take_front(4096))
               : std::nullopt);
  }
  if (Verdict != ScopeVerdict::Production) {
    if (!Quiet) {
      recordOutOfScope(Path, verdictName(Verdict));
      countStatistic("findings-out-of-scope");
    }
    return false;
  }
  if (!inParsedCode(Loc)) {
    if (!Quiet)
      countStatistic("findings-in-code-that-did-not-parse");
    return false;
  }
  return true;
}

DiagnosticBuilder ProdReadyCheck::diag(SourceLocation Loc,
                                       StringRef Description,
                                       DiagnosticIDs::Level Level) {
  // A note follows its warning: the engine drops the notes of an ignored
  // diagnostic.
  if (Level != DiagnosticIDs::Note && !inScope(Loc)) {
    Level = DiagnosticIDs::Ignored;
    // The driver redacts what this finding would have pointed at.
    if (Sources && Loc.isValid()) {
      const SourceManager &SM = *Sources;
      SourceLocation At = SM.getExpansionLoc(Loc);
      if (OptionalFileEntryRef Entry =
              SM.getFileEntryRefForID(SM.getFileID(At)))
        recordDroppedFinding(
            {getID().str(), absoluteName(SM.getFileManager(), Entry->getName()),
             SM.getExpansionLineNumber(At), SM.getFileOffset(At),
             Description.str()});
    }
  }
  return ClangTidyCheck::diag(Loc, Description, Level);
}

} // namespace prodready
