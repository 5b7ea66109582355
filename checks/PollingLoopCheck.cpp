//===--- PollingLoopCheck.cpp - prodready ---------------------------------===//

#include "PollingLoopCheck.h"
#include "CheckUtils.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace prodready {

PollingLoopCheck::PollingLoopCheck(StringRef Name,
                                   tidy::ClangTidyContext *Context)
    : ProdReadyCheck(Name, Context) {
  Config.SleepFunctions =
      splitList(Options.get("SleepFunctions", DefaultSleepFunctions));
  Config.RemoteFunctions = splitList(DefaultRemoteFunctions);
}

void PollingLoopCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "SleepFunctions", joinList(Config.SleepFunctions));
}

void PollingLoopCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(stmt(anyOf(whileStmt(), doStmt(), forStmt()),
                          unless(isExpansionInSystemHeader()),
                          unless(isInTemplateInstantiation()))
                         .bind("loop"),
                     this);
}

void PollingLoopCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *LoopStmt = Result.Nodes.getNodeAs<Stmt>("loop");
  const LoopClassification &Loop =
      classifyLoop(*LoopStmt, *Result.Context, Config);
  // `do ret = nanosleep(&t, &t); while (ret == -1 && errno == EINTR);`
  // finishes an interrupted sleep; errno is not a state someone else sets.
  if (!Loop.isPolling() || Loop.RetriesOnEintr)
    return;
  const CallExpr &Sleep = *Loop.idleSleep()->Call;
  const SourceManager &SM = *Result.SourceManager;
  if (Loop.WatchedIsSetBySignalHandler)
    // A condition variable cannot be notified from a signal handler (only
    // async-signal-safe functions may be called there).
    diag(reportLocation(LoopStmt->getBeginLoc(), SM),
         "loop polls '%0', which a signal handler sets, by sleeping in '%1' "
         "and re-checking, which wastes CPU wake-ups and delays the reaction "
         "to the signal by up to a full sleep interval; block in sigwait() or "
         "on a signalfd, or have the handler write to a self-pipe the loop "
         "waits on")
        << Loop.WatchedText << calledFunctionName(Sleep);
  else
    diag(reportLocation(LoopStmt->getBeginLoc(), SM),
         "loop polls '%0' by sleeping in '%1' and re-checking, which wastes "
         "CPU wake-ups and delays every state change by up to a full sleep "
         "interval; wait on a condition variable, future or event "
         "notification instead")
        << Loop.WatchedText << calledFunctionName(Sleep);
  diag(reportLocation(Sleep.getBeginLoc(), SM), "loop sleeps here",
       DiagnosticIDs::Note);
}

} // namespace prodready
