//===--- ProcessExitCheck.cpp - prodready ---------------------------------===//

#include "ProcessExitCheck.h"
#include "ErrorUtils.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/Regex.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace prodready {

ProcessExitCheck::ProcessExitCheck(StringRef Name,
                                   tidy::ClangTidyContext *Context)
    : ProdReadyCheck(Name, Context),
      AllowedFunctionPattern(Options.get("AllowedFunctionRegex", "")),
      TestFilePattern(Options.get("TestFileRegex", DefaultTestFilePattern)),
      AllowedFunctionRegex(*this, "AllowedFunctionRegex",
                           AllowedFunctionPattern) {}

void ProcessExitCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "AllowedFunctionRegex", AllowedFunctionPattern);
  Options.store(Opts, "TestFileRegex", TestFilePattern);
}

void ProcessExitCheck::registerMatchers(MatchFinder *Finder) {
  // The C functions are matched in the global namespace and in std (<cstdlib>
  // re-declares them there with using-declarations, which resolve to the same
  // declaration).
  auto ExitFunction = functionDecl(hasAnyName(
      "::exit", "::_Exit", "::quick_exit", "::abort", "::std::exit",
      "::std::_Exit", "::std::quick_exit", "::std::abort", "::std::terminate"));
  Finder->addMatcher(callExpr(callee(ExitFunction.bind("callee")),
                              unless(isInTemplateInstantiation()),
                              optionally(forCallable(decl().bind("caller"))))
                         .bind("call"),
                     this);
}

// The function a user would recognise as the caller: for a lambda, the
// function that contains it (a lambda in main is part of main).
static const FunctionDecl *enclosingNamedFunction(const Decl *D) {
  const auto *FD = dyn_cast_or_null<FunctionDecl>(D);
  while (FD) {
    const auto *Method = dyn_cast<CXXMethodDecl>(FD);
    if (!Method || !Method->getParent()->isLambda())
      return FD;
    FD = dyn_cast_or_null<FunctionDecl>(
        Method->getParent()->getParentFunctionOrMethod());
  }
  return FD;
}

// A coroutine promise's unhandled_exception(): terminating there is what a
// promise that cannot store the exception must do.
static bool isPromiseUnhandledException(const FunctionDecl &F) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&F);
  if (!Method || !Method->getIdentifier() ||
      Method->getName() != "unhandled_exception")
    return false;
  const CXXRecordDecl *Promise = Method->getParent();
  for (const CXXMethodDecl *M : Promise->methods())
    if (M->getIdentifier() && (M->getName() == "get_return_object" ||
                               M->getName() == "initial_suspend"))
      return true;
  return false;
}

// Whether \p E calls fork/vfork or reads a variable the function assigns
// from one (`pid_t pid = fork(); ... if (pid > 0)`).
static bool testsForkResult(const Expr *E, const FunctionDecl &Caller) {
  struct Finder : RecursiveASTVisitor<Finder> {
    llvm::SmallPtrSet<const VarDecl *, 2> ForkResults;
    llvm::SmallPtrSet<const VarDecl *, 2> Read;
    bool CallsFork = false;
    static bool isFork(const Expr *E) {
      const auto *Call = dyn_cast_or_null<CallExpr>(E->IgnoreParenImpCasts());
      const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
      return Callee && Callee->getIdentifier() &&
             (Callee->getName() == "fork" || Callee->getName() == "vfork");
    }
    bool VisitVarDecl(VarDecl *V) {
      if (V->getInit() && isFork(V->getInit()))
        ForkResults.insert(V);
      return true;
    }
    bool VisitBinaryOperator(BinaryOperator *B) {
      if (B->getOpcode() == BO_Assign && isFork(B->getRHS()))
        if (const auto *Ref =
                dyn_cast<DeclRefExpr>(B->getLHS()->IgnoreParenImpCasts()))
          if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl()))
            ForkResults.insert(V);
      return true;
    }
  } Assignments;
  if (Caller.getBody())
    Assignments.TraverseStmt(Caller.getBody());
  struct ConditionReader : RecursiveASTVisitor<ConditionReader> {
    const llvm::SmallPtrSet<const VarDecl *, 2> &ForkResults;
    bool Found = false;
    explicit ConditionReader(const llvm::SmallPtrSet<const VarDecl *, 2> &R)
        : ForkResults(R) {}
    bool VisitCallExpr(CallExpr *Call) {
      Found |= Finder::isFork(Call);
      return !Found;
    }
    bool VisitDeclRefExpr(DeclRefExpr *Ref) {
      if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl()))
        Found |= ForkResults.contains(V);
      return !Found;
    }
  } Reader(Assignments.ForkResults);
  Reader.TraverseStmt(const_cast<Expr *>(E));
  return Reader.Found;
}

// Whether \p Condition tests fork's failure: `pid < 0`, `pid == -1`,
// `fork() <= -1`.
static bool testsForkFailure(const Expr *Condition, ASTContext &Ctx) {
  const auto *Compare =
      dyn_cast<BinaryOperator>(Condition->IgnoreParenImpCasts());
  if (!Compare || !Compare->isComparisonOp())
    return false;
  std::optional<llvm::APSInt> Value =
      Compare->getRHS()->getIntegerConstantExpr(Ctx);
  if (!Value)
    return false;
  switch (Compare->getOpcode()) {
  case BO_LT:
    return *Value <= 0;
  case BO_LE:
  case BO_EQ:
    return *Value < 0;
  default:
    return false;
  }
}

// Whether \p Child, a statement of \p Switch's body, follows a `case -1:`
// label (fork's failure) rather than `case 0:` or `default:`.
static bool inFailureCase(const SwitchStmt &Switch, const DynTypedNode &Child,
                          ASTContext &Ctx) {
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Switch.getBody());
  if (!Body)
    return false;
  bool Failure = false;
  for (const Stmt *S : Body->body()) {
    // Nested labels: `case -1: case -2: stmt`.
    for (const Stmt *Label = S; isa_and_nonnull<SwitchCase>(Label);
         Label = cast<SwitchCase>(Label)->getSubStmt()) {
      Failure = false;
      if (const auto *Case = dyn_cast<CaseStmt>(Label))
        if (auto Value = Case->getLHS()->getIntegerConstantExpr(Ctx))
          Failure = Value->isNegative();
    }
    if (S == Child.get<Stmt>())
      return Failure;
  }
  return false;
}

// Whether \p Call runs on one side of a fork: in a branch that tests
// fork()'s result. The parent of a daemonising fork exits (what daemon(3)
// does) and a child whose exec failed must `_exit`; neither is a library
// killing its caller's process.
static bool isForkBranch(const CallExpr &Call, const FunctionDecl &Caller,
                         ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(Call), Child, Grandchild;
  for (unsigned Depth = 0; Depth < 64; ++Depth) {
    auto Parents = Ctx.getParents(Node);
    if (Parents.empty())
      return false;
    Grandchild = Child;
    Child = Node;
    Node = Parents[0];
    if (const auto *If = Node.get<IfStmt>()) {
      if (Child.get<Stmt>() == If->getCond() ||
          !testsForkResult(If->getCond(), Caller))
        continue;
      // `if (pid < 0) exit(1);` handles fork's failure: still a finding.
      bool InThen = Child.get<Stmt>() == If->getThen();
      return !(InThen && testsForkFailure(If->getCond(), Ctx));
    }
    if (const auto *Switch = Node.get<SwitchStmt>()) {
      if (!testsForkResult(Switch->getCond(), Caller))
        continue;
      return !inFailureCase(*Switch, Grandchild, Ctx);
    }
    if (Node.get<Decl>())
      return false;
  }
  return false;
}

namespace {
// Records, for the functions of the main file, who calls them and which of
// them have their address taken.
class CallGraphBuilder : public RecursiveASTVisitor<CallGraphBuilder> {
public:
  CallGraphBuilder(
      llvm::DenseMap<const FunctionDecl *,
                     llvm::SmallPtrSet<const FunctionDecl *, 2>> &Callers,
      llvm::DenseSet<const FunctionDecl *> &AddressTaken)
      : Callers(Callers), AddressTaken(AddressTaken) {}

  bool TraverseDecl(Decl *D) {
    const auto *Func = dyn_cast_or_null<FunctionDecl>(D);
    const auto *Method = dyn_cast_or_null<CXXMethodDecl>(D);
    // A lambda's body belongs to the function that contains it.
    if (!Func || (Method && Method->getParent()->isLambda()))
      return RecursiveASTVisitor::TraverseDecl(D);
    const FunctionDecl *Saved = Current;
    Current = Func->getCanonicalDecl();
    bool Result = RecursiveASTVisitor::TraverseDecl(D);
    Current = Saved;
    return Result;
  }

  bool VisitCallExpr(CallExpr *Call) {
    if (const FunctionDecl *Callee = Call->getDirectCallee()) {
      Callers[Callee->getCanonicalDecl()].insert(Current);
      if (const auto *Ref =
              dyn_cast<DeclRefExpr>(Call->getCallee()->IgnoreParenImpCasts()))
        CalleeRefs.insert(Ref);
    }
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *Construct) {
    Callers[Construct->getConstructor()->getCanonicalDecl()].insert(Current);
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    // A function whose address is taken runs wherever the pointer is
    // called; the function that takes it counts as its caller (an option
    // callback main hands to a parser: `fuse_opt_parse(..., ProcessArg)`).
    // Taken outside any function (`void (*f)() = g;`), it has unknown
    // callers.
    if (const auto *F = dyn_cast<FunctionDecl>(Ref->getDecl()))
      if (!CalleeRefs.contains(Ref)) {
        if (Current)
          Callers[F->getCanonicalDecl()].insert(Current);
        else
          AddressTaken.insert(F->getCanonicalDecl());
      }
    return true;
  }

private:
  llvm::DenseMap<const FunctionDecl *,
                 llvm::SmallPtrSet<const FunctionDecl *, 2>> &Callers;
  llvm::DenseSet<const FunctionDecl *> &AddressTaken;
  llvm::DenseSet<const DeclRefExpr *> CalleeRefs;
  const FunctionDecl *Current = nullptr;
};
} // namespace

void ProcessExitCheck::buildCallGraph(ASTContext &Ctx) {
  CallGraphBuilt = true;
  const SourceManager &SM = Ctx.getSourceManager();
  FileID MainFile = SM.getMainFileID();
  // Only the main file's declarations: the functions a command-line
  // program's main calls to handle its arguments live beside it, and the
  // headers' declarations (the standard library's above all) are many.
  CallGraphBuilder Builder(Callers, AddressTaken);
  for (Decl *D : Ctx.getTranslationUnitDecl()->decls()) {
    if (SM.getFileID(SM.getExpansionLoc(D->getLocation())) != MainFile)
      continue;
    if (const auto *F = dyn_cast<FunctionDecl>(D); F && F->isMain())
      Main = F->getCanonicalDecl();
    Builder.TraverseDecl(D);
  }
}

bool ProcessExitCheck::reachedOnlyFromMain(const FunctionDecl &F,
                                           ASTContext &Ctx) {
  if (!CallGraphBuilt)
    buildCallGraph(Ctx);
  if (!Main)
    return false;
  const FunctionDecl *Canonical = F.getCanonicalDecl();
  if (Canonical == Main)
    return true;
  auto [It, Inserted] = OnlyFromMain.try_emplace(Canonical, false);
  if (!Inserted)
    return It->second; // known, or on the current path (a cycle): false
  if (AddressTaken.contains(Canonical))
    return false;
  auto Found = Callers.find(Canonical);
  if (Found == Callers.end() || Found->second.empty())
    return false;
  // Copy: the recursion below may grow the map.
  llvm::SmallVector<const FunctionDecl *, 4> Calling(Found->second.begin(),
                                                     Found->second.end());
  bool Only = llvm::all_of(Calling, [&](const FunctionDecl *Caller) {
    return Caller && reachedOnlyFromMain(*Caller, Ctx);
  });
  OnlyFromMain[Canonical] = Only;
  return Only;
}

// `char **argv`, `char *argv[]`, `const char *const *argv`.
static bool isArgumentVector(QualType T) {
  const auto *Pointer = T->getAs<PointerType>();
  const auto *Inner =
      Pointer ? Pointer->getPointeeType()->getAs<PointerType>() : nullptr;
  return Inner && Inner->getPointeeType()->isCharType();
}

// Whether \p F receives main's own arguments: an `int` and a `char **` (or
// `char *[]`) parameter. Only start-up code is handed the raw command line,
// so it ends the program as main would, whichever unit calls it (i2pd's
// `i2p::config::ParseCmdline(int argc, char *argv[], bool)`).
static bool takesRawCommandLine(const FunctionDecl &F) {
  bool Count = false, Vector = false;
  for (const ParmVarDecl *Param : F.parameters()) {
    QualType T = Param->getType();
    if (T->isSpecificBuiltinType(BuiltinType::Int))
      Count = true;
    else
      Vector |= isArgumentVector(T);
  }
  return Count && Vector;
}

// Whether \p F handles the command line: named so (usage, help, version,
// parse_args, options, ...), given argc/argv, or calling getopt.
static bool handlesCommandLine(const FunctionDecl &F) {
  static const llvm::Regex CommandLineName(
      "usage|help|version|arg|opt|cmd_?line|command_?line|flag|param|"
      "cli|parse",
      llvm::Regex::IgnoreCase);
  if (F.getIdentifier() && CommandLineName.match(F.getName()))
    return true;
  for (const ParmVarDecl *Param : F.parameters()) {
    QualType T = Param->getType();
    if (isArgumentVector(T))
      return true;
    // A parsed command line: `const cmdline::parser &`,
    // `boost::program_options::variables_map`, `ArgParser *`.
    QualType Pointee = T.getNonReferenceType();
    if (const auto *Pointer = Pointee->getAs<PointerType>())
      Pointee = Pointer->getPointeeType();
    if (const CXXRecordDecl *RD = Pointee->getAsCXXRecordDecl())
      if (CommandLineName.match(RD->getQualifiedNameAsString()))
        return true;
  }
  struct GetoptFinder : RecursiveASTVisitor<GetoptFinder> {
    bool Found = false;
    bool VisitCallExpr(CallExpr *Call) {
      if (const FunctionDecl *Callee = Call->getDirectCallee())
        if (Callee->getIdentifier() && Callee->getName().starts_with("getopt"))
          Found = true;
      return !Found;
    }
  } Finder;
  if (F.getBody())
    Finder.TraverseStmt(F.getBody());
  return Finder.Found;
}

// Whether \p Loc is in the expansion of an assertion macro (`OATPP_ASSERT`,
// `MY_ASSERT_MSG`), at any level of macro nesting.
static bool expandsAssertionMacro(SourceLocation Loc, const SourceManager &SM,
                                  const LangOptions &LangOpts) {
  for (int Depth = 0; Loc.isMacroID() && Depth < 16; ++Depth) {
    StringRef Name = Lexer::getImmediateMacroName(Loc, SM, LangOpts);
    // poco_assert, OATPP_ASSERT; Poco's poco_check_ptr and poco_bugcheck,
    // glog's CHECK/DCHECK family: a check of an invariant that crashes when
    // it breaks. (A CHECK_OR_DIE of a runtime result stays reported.)
    static const llvm::Regex InvariantCheck(
        "bugcheck|check_?ptr|^D?CHECK(_(EQ|NE|LT|LE|GT|GE|NOTNULL))?$",
        llvm::Regex::IgnoreCase);
    if (Name.contains_insensitive("assert") || InvariantCheck.match(Name))
      return true;
    Loc = SM.getImmediateMacroCallerLoc(Loc);
  }
  return false;
}

// Whether \p Name says "fatal" (`FATAL`, `LogMessageFatal`, `kFatal`).
static bool saysFatal(const NamedDecl *D) {
  return D && D->getIdentifier() && D->getName().contains_insensitive("fatal");
}

// Whether \p Call ends the process for a logger's fatal level: in a
// logger's function (`Logger::~Logger`, glog's `LogMessageFatal`), either
// named fatal or under a test of a fatal level (`if (level_ == FATAL)
// abort();`, muduo). Logging at FATAL promises to end the process, as an
// assertion does.
static bool endsFatalLog(const CallExpr &Call, const FunctionDecl &Caller,
                         ASTContext &Ctx) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&Caller);
  const CXXRecordDecl *Class = Method ? Method->getParent() : nullptr;
  bool InLogger =
      (Caller.getIdentifier() && namesLogger(Caller.getName())) ||
      (Class && Class->getIdentifier() && namesLogger(Class->getName()));
  if (!InLogger)
    return false;
  if (saysFatal(&Caller) || saysFatal(Class))
    return true;
  DynTypedNode Node = DynTypedNode::create(Call);
  for (int Depth = 0; Depth < 32; ++Depth) {
    DynTypedNodeList Parents = Ctx.getParents(Node);
    if (Parents.size() != 1 || Parents[0].get<FunctionDecl>())
      return false;
    const Stmt *Child = Node.get<Stmt>();
    Node = Parents[0];
    const auto *If = Node.get<IfStmt>();
    if (!If || If->getThen() != Child)
      continue;
    if (anyStmtIn(If->getCond(), [](const Stmt &S) {
          const auto *Ref = dyn_cast<DeclRefExpr>(&S);
          return Ref && saysFatal(Ref->getDecl());
        }))
      return true;
  }
  return false;
}

// Whether the statement before \p Call is an assertion (`assert(0 &&
// "unsupported"); abort();`, the cpp-driver's RingBufferBio): the abort is
// the assertion's release-build half.
static bool followsAssertion(const CallExpr &Call, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(Call);
  for (int Depth = 0; Depth < 4; ++Depth) {
    DynTypedNodeList Parents = Ctx.getParents(Node);
    if (Parents.size() != 1)
      return false;
    const Stmt *Child = Node.get<Stmt>();
    if (const auto *Block = Parents[0].get<CompoundStmt>()) {
      const auto *It = llvm::find(Block->body(), Child);
      if (It == Block->body_begin() || It == Block->body_end())
        return false;
      const Stmt *Prev = *(It - 1);
      while (const auto *Case = dyn_cast<SwitchCase>(Prev))
        Prev = Case->getSubStmt();
      return expandsAssertionMacro(Prev->getBeginLoc(), Ctx.getSourceManager(),
                                   Ctx.getLangOpts());
    }
    if (Parents[0].get<SwitchCase>())
      return false; // the first statement of its case
    Node = Parents[0];
  }
  return false;
}

void ProcessExitCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  const auto *Callee = Result.Nodes.getNodeAs<FunctionDecl>("callee");
  const SourceManager &SM = *Result.SourceManager;
  SourceLocation Loc = reportLocation(Call->getBeginLoc(), SM);
  if (SM.isInSystemHeader(Loc))
    return;
  const FunctionDecl *Caller =
      enclosingNamedFunction(Result.Nodes.getNodeAs<Decl>("caller"));
  if (Caller) {
    if (Caller->isMain())
      return;
    if (!AllowedFunctionRegex.empty() &&
        (AllowedFunctionRegex.match(qualifiedName(*Caller)) ||
         AllowedFunctionRegex.match(Caller->getNameAsString())))
      return;
    if (isPromiseUnhandledException(*Caller))
      return;
    if (isForkBranch(*Call, *Caller, *Result.Context))
      return;
    // A project's assertion handler crashes on a broken invariant, as
    // assert() does (phxrpc's __bad_assertion behind PHXRPC_ASSERT).
    if (Caller->getIdentifier() &&
        Caller->getName().contains_insensitive("assert"))
      return;
    if (endsFatalLog(*Call, *Caller, *Result.Context))
      return;
    // Command-line handling reached only from main (usage, --help, a bad
    // option): exiting is the program's contract there.
    if (takesRawCommandLine(*Caller) ||
        (handlesCommandLine(*Caller) &&
         reachedOnlyFromMain(*Caller, *Result.Context)))
      return;
  }
  if (expandsAssertionMacro(Call->getBeginLoc(), SM,
                            Result.Context->getLangOpts()) ||
      followsAssertion(*Call, *Result.Context))
    return;
  std::string Where = Caller ? "'" + qualifiedName(*Caller) + "'"
                             : std::string("this initializer");
  // Written in the body of a project macro: one finding per macro, at its
  // definition, once the unit has been seen.
  SourceLocation Begin = Call->getBeginLoc();
  if (Begin.isMacroID() && SM.isMacroBodyExpansion(Begin)) {
    SourceLocation Spelling = SM.getSpellingLoc(Begin);
    if (Spelling.isFileID() && !SM.isInSystemHeader(Spelling)) {
      MacroExit &Exit = MacroExits[Spelling.getRawEncoding()];
      if (Exit.Expansions++ == 0) {
        Exit.Spelling = Spelling;
        Exit.Macro = Lexer::getImmediateMacroName(Begin, SM,
                                                  Result.Context->getLangOpts())
                         .str();
        Exit.Callee = qualifiedName(*Callee);
        Exit.FirstCaller = Where;
        Exit.InMainFile = SM.getFileID(Spelling) == SM.getMainFileID();
      }
      return;
    }
  }
  diag(Loc, "'%0' called in %1 kills the process without unwinding, so "
            "in-flight requests, buffered logs and resources are lost and the "
            "caller cannot report or recover; return or throw an error and let "
            "main decide how to exit")
      << qualifiedName(*Callee) << Where;
}

void ProcessExitCheck::onEndOfTranslationUnit() {
  for (const auto &[Key, Exit] : MacroExits) {
    // A macro of a header is expanded by many units, each counting its own
    // uses: one message for all of them, so the driver merges the finding.
    if (!Exit.InMainFile) {
      diag(Exit.Spelling,
           "'%0' called in macro '%1' kills the process without unwinding "
           "wherever the macro is used, so in-flight requests, buffered logs "
           "and resources are lost and the caller cannot report or recover; "
           "return or throw an error and let main decide how to exit")
          << Exit.Callee << Exit.Macro;
      continue;
    }
    diag(Exit.Spelling,
         "'%0' called in macro '%1' (%2 %plural{1:use|:uses}2 in this unit, "
         "the first in %3) kills the process without unwinding, so "
         "in-flight requests, buffered logs and resources are lost and the "
         "caller cannot report or recover; return or throw an error and let "
         "main decide how to exit")
        << Exit.Callee << Exit.Macro << Exit.Expansions << Exit.FirstCaller;
  }
  MacroExits.clear();
  Callers.clear();
  AddressTaken.clear();
  OnlyFromMain.clear();
  Main = nullptr;
  CallGraphBuilt = false;
}

} // namespace prodready
