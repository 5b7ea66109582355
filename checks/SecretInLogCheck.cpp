//===--- SecretInLogCheck.cpp - prodready ---------------------------------===//
//
// Matches every function body once and reports the secrets that reach a log:
// the flow of secrets within the function is SecretFlow's (SecretFlow.h),
// what a log or console sink is and which of its arguments it writes is the
// logging catalogue's (LogSinks.h). This file only joins the two and words
// the finding.
//
//===----------------------------------------------------------------------===//

#include "SecretInLogCheck.h"
#include "CallSummary.h"
#include "CheckUtils.h"
#include "LogSinks.h"
#include "SecretFlow.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace prodready {

static constexpr llvm::StringLiteral DefaultSanitizerRegex =
    "mask|redact|scrub|sanitize|obfuscate|hash|sha[0-9]*|hmac|digest|elide|"
    "fingerprint";

SecretInLogCheck::SecretInLogCheck(StringRef Name,
                                   tidy::ClangTidyContext *Context)
    : ProdReadyCheck(Name, Context), SecretNames(*this, Options),
      SanitizerPattern(Options.get("SanitizerRegex", DefaultSanitizerRegex)),
      LogFunctions(splitList(Options.get("LogFunctions", ""))),
      Sanitizer(*this, "SanitizerRegex", SanitizerPattern, true) {}

void SecretInLogCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  SecretNames.store(Options, Opts);
  Options.store(Opts, "SanitizerRegex", SanitizerPattern);
  Options.store(Opts, "LogFunctions", joinList(LogFunctions));
}

void SecretInLogCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(functionDecl(isDefinition(),
                                  unless(isExpansionInSystemHeader()),
                                  unless(isTemplateInstantiation()))
                         .bind("fn"),
                     this);
}

namespace {

/// Where the user sees \p Loc: their own macro argument, or the outermost
/// expansion of a macro body.
static SourceLocation userLocation(SourceLocation Loc,
                                   const SourceManager &SM) {
  if (Loc.isMacroID() && isSpelledByUser(Loc, SM))
    return SM.getSpellingLoc(Loc);
  return reportLocation(Loc, SM);
}

/// `s.c_str()`, `s.data()`, ...: the string itself.
static const Expr *throughConversions(const Expr *Value) {
  Value = stripFullValue(Value);
  while (const auto *Conversion = dyn_cast<CXXMemberCallExpr>(Value)) {
    const CXXMethodDecl *Method = Conversion->getMethodDecl();
    if (!Method || Conversion->getNumArgs() != 0 ||
        !Method->getDeclName().isIdentifier() ||
        !llvm::is_contained({"c_str", "data", "str", "toStdString", "get"},
                            Method->getName()))
      break;
    Value = stripFullValue(Conversion->getImplicitObjectArgument());
  }
  return Value;
}

/// Call summaries for the driver's link phase (CallSummary.h): which
/// parameters of the function are logged or passed on as they are, and the
/// secrets it passes to other project functions. The driver reports a
/// secret whose parameter is logged, in whatever unit, at the call.
class ParameterRecorder {
public:
  ParameterRecorder(SecretInLogCheck &Check, const FunctionDecl &FD,
                    SecretFlow &Flow, const SourceManager &SM)
      : Check(Check), FD(FD), Flow(Flow), SM(SM) {}

  void atCall(const CallExpr *Call, const LogSink *Sink) {
    if (Sink) {
      for (const LoggedArgument &Arg : Sink->Arguments)
        if (const ParmVarDecl *P = parameterIn(Arg.Value))
          Summary.Logs.push_back({P->getFunctionScopeIndex(),
                                  P->getNameAsString(), Sink->Name,
                                  point(Arg.Value->getBeginLoc())});
      return;
    }
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || isa<CXXOperatorCallExpr>(Call) || Callee->isImplicit() ||
        Callee->getBuiltinID() || Callee->getLocation().isInvalid() ||
        SM.isInSystemHeader(SM.getExpansionLoc(Callee->getLocation())) ||
        Callee->getTemplatedKind() != FunctionDecl::TK_NonTemplate ||
        Callee->isTemplateInstantiation())
      return;
    SummaryCall Target;
    for (unsigned I = 0; I < Call->getNumArgs() && I < Callee->getNumParams();
         ++I) {
      const Expr *Arg = Call->getArg(I);
      if (isa<CXXDefaultArgExpr>(Arg) || !canCarrySecret(Arg->getType()))
        continue;
      const ParmVarDecl *P = parameterIn(Arg);
      std::optional<SecretTrace> Trace;
      if (!P) {
        Trace = Flow.secretIn(Arg);
        if (!Trace || !Check.wouldReport(Arg->getBeginLoc()))
          continue;
      }
      if (Target.Callee.empty()) {
        Target = {summaryKey(*Callee, SM), qualifiedFunctionName(*Callee),
                  point(Call->getBeginLoc())};
        if (Target.Callee.empty())
          return;
      }
      if (P) {
        Summary.Forwards.push_back(
            {P->getFunctionScopeIndex(), P->getNameAsString(), Target, I});
        continue;
      }
      SecretArgumentSite Site;
      Site.Call = Target;
      Site.Index = I;
      Site.Secret = Trace->Secret;
      Site.ArgumentAt = point(Arg->getBeginLoc());
      for (const FlowStep &Step : Trace->Steps)
        Site.Steps.push_back({Step.Text, point(Step.Loc)});
      recordSecretArgument(std::move(Site));
    }
  }

  void finish() {
    if (Summary.Logs.empty() && Summary.Forwards.empty())
      return;
    if (!Check.wouldReport(FD.getLocation()))
      return;
    Summary.Key = summaryKey(FD, SM);
    if (Summary.Key.empty())
      return;
    Summary.Name = qualifiedFunctionName(FD);
    recordParameterSummary(std::move(Summary));
  }

private:
  const ParmVarDecl *parameterIn(const Expr *E) const {
    const auto *Ref = dyn_cast<DeclRefExpr>(throughConversions(E));
    const auto *P = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
    if (!P || P->getDeclContext() != &FD || !canCarrySecret(P->getType()))
      return nullptr;
    return P;
  }
  SummaryPoint point(SourceLocation Loc) const {
    return summaryPoint(userLocation(Loc, SM), SM);
  }
  static std::string qualifiedFunctionName(const FunctionDecl &F) {
    return qualifiedName(F);
  }

  SecretInLogCheck &Check;
  const FunctionDecl &FD;
  SecretFlow &Flow;
  const SourceManager &SM;
  ParameterSummary Summary;
};

/// Reports the secrets that reach the log sinks of one function.
class SinkReporter {
public:
  SinkReporter(SecretInLogCheck &Check, ASTContext &Ctx, SecretFlow &Flow,
               ParameterRecorder *Recorder = nullptr)
      : Check(Check), SM(Ctx.getSourceManager()), LangOpts(Ctx.getLangOpts()),
        Flow(Flow), Sinks(Ctx, Check.LogFunctions), Recorder(Recorder) {}

  void atCall(const CallExpr *Call) {
    std::optional<LogSink> Sink = Sinks.sinkOf(Call);
    if (Recorder)
      Recorder->atCall(Call, Sink ? &*Sink : nullptr);
    if (!Sink)
      return;
    for (const LoggedArgument &Arg : Sink->Arguments) {
      if (std::optional<SecretTrace> Trace = Flow.secretIn(Arg.Value))
        report(Arg.Value, *Trace, Sink->Name);
      else if (std::optional<SecretTrace> Labelled = labelledSecret(Arg))
        report(Arg.Value, *Labelled, Sink->Name);
    }
  }

private:
  /// A value of neutral name logged right after a label that announces a
  /// secret (`LOG(INFO) << "PASSWORD: " << row[3]`, `printf("token=%s",
  /// s)`): the label says what it is.
  std::optional<SecretTrace> labelledSecret(const LoggedArgument &Arg) {
    StringRef Label = secretLabelAtEnd(Arg.TextBefore, Check.SecretNames);
    if (Label.empty() || !canCarrySecret(Arg.Value->getType()) ||
        Flow.holdsNoSecret(Arg.Value))
      return std::nullopt;
    // A value whose own name says what else it is (`user_name`,
    // `token_path`), or that was sanitized (`mask(s)`).
    // `s.c_str()`, `s.data()`: the name is the string's.
    const Expr *Value = throughConversions(Arg.Value);
    const NamedDecl *Named = nullptr;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Value))
      Named = Ref->getDecl();
    else if (const auto *Member = dyn_cast<MemberExpr>(Value))
      Named = Member->getMemberDecl();
    else if (const auto *Call = dyn_cast<CallExpr>(Value))
      Named = Call->getDirectCallee();
    StringRef Name = identifierOf(Named);
    if (!Name.empty() &&
        (Check.SecretNames.isExcluded(Name) || Check.Sanitizer.match(Name)))
      return std::nullopt;
    SourceLocation Loc = userLoc(Arg.Value->getBeginLoc());
    StringRef Text =
        Lexer::getSourceText(CharSourceRange::getTokenRange(SourceRange(
                                 Loc, userLoc(Arg.Value->getEndLoc()))),
                             SM, LangOpts);
    SecretTrace Trace;
    Trace.Secret = Text.empty() || Text.size() > 40 ? "value" : Text.str();
    Trace.Steps.push_back(
        {Loc, ("it is logged under the label '" + Label + "'").str()});
    return Trace;
  }

  /// Where the user sees \p Loc: their own macro argument, or the outermost
  /// expansion of a macro body.
  SourceLocation userLoc(SourceLocation Loc) const {
    if (Loc.isMacroID() && isSpelledByUser(Loc, SM))
      return SM.getSpellingLoc(Loc);
    return reportLocation(Loc, SM);
  }

  void report(const Expr *Arg, const SecretTrace &Trace, StringRef SinkName) {
    const Expr *Shown = Arg;
    while (true) { // `(x)` in a macro body: point at the user's `x`
      const Expr *Inner = stripFullValue(Shown)->IgnoreParens();
      if (Inner == Shown)
        break;
      Shown = Inner;
    }
    SourceLocation Loc = userLoc(Shown->getBeginLoc());
    if (Loc.isInvalid() || SM.isInSystemHeader(Loc) ||
        !Reported.insert(Loc.getRawEncoding()).second)
      return;
    Check.diag(Loc, "secret '%0' is written to a log by '%1', exposing it to "
                    "everyone who can read the logs; log a redacted form "
                    "(mask, hash) or only its length instead")
        << Trace.Secret << SinkName;
    for (const FlowStep &Step : Trace.Steps)
      Check.diag(userLoc(Step.Loc), "%0", DiagnosticIDs::Note) << Step.Text;
  }

  SecretInLogCheck &Check;
  const SourceManager &SM;
  const LangOptions &LangOpts;
  SecretFlow &Flow;
  LogSinkFinder Sinks;
  ParameterRecorder *Recorder;
  llvm::DenseSet<unsigned> Reported;
};

} // namespace

void SecretInLogCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *FD = Result.Nodes.getNodeAs<FunctionDecl>("fn");
  if (!FD || !FD->hasBody())
    return;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(FD);
      Method && Method->getParent()->isLambda())
    return; // walked as part of the enclosing function
  SecretFlow Flow(*Result.Context, SecretNames, Sanitizer);
  std::optional<ParameterRecorder> Recorder;
  if (callSummariesRequested())
    Recorder.emplace(*this, *FD, Flow, *Result.SourceManager);
  SinkReporter Reporter(*this, *Result.Context, Flow,
                        Recorder ? &*Recorder : nullptr);
  auto AtCall = [&](const CallExpr *Call) { Reporter.atCall(Call); };
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->isWritten())
        Flow.walk(Init->getInit(), AtCall);
  Flow.walk(FD->getBody(), AtCall);
  if (Recorder)
    Recorder->finish();
}

} // namespace prodready
