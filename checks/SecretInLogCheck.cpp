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

/// Reports the secrets that reach the log sinks of one function.
class SinkReporter {
public:
  SinkReporter(SecretInLogCheck &Check, ASTContext &Ctx, SecretFlow &Flow)
      : Check(Check), SM(Ctx.getSourceManager()), LangOpts(Ctx.getLangOpts()),
        Flow(Flow), Sinks(Ctx, Check.LogFunctions) {}

  void atCall(const CallExpr *Call) {
    std::optional<LogSink> Sink = Sinks.sinkOf(Call);
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
    const Expr *Value = stripFullValue(Arg.Value);
    // `s.c_str()`, `s.data()`: the name is the string's.
    while (const auto *Conversion = dyn_cast<CXXMemberCallExpr>(Value)) {
      const CXXMethodDecl *Method = Conversion->getMethodDecl();
      if (!Method || Conversion->getNumArgs() != 0 ||
          !Method->getDeclName().isIdentifier() ||
          !llvm::is_contained({"c_str", "data", "str", "toStdString", "get"},
                              Method->getName()))
        break;
      Value = stripFullValue(Conversion->getImplicitObjectArgument());
    }
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
  SinkReporter Reporter(*this, *Result.Context, Flow);
  auto AtCall = [&](const CallExpr *Call) { Reporter.atCall(Call); };
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->isWritten())
        Flow.walk(Init->getInit(), AtCall);
  Flow.walk(FD->getBody(), AtCall);
}

} // namespace prodready
