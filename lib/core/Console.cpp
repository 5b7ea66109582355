//===--- Console.cpp - what a run says on stderr --------------------------===//

#include "Console.h"
#include "Ansi.h"
#include "DriverOptions.h"
#include "Redact.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

namespace prodready {

static llvm::raw_ostream &errs() { return llvm::errs(); }

static bool StderrColor = false;

void setStderrColor(bool Color) { StderrColor = Color; }

/// \p Code on stderr when it is coloured.
static llvm::raw_ostream &paint(llvm::StringRef Code) {
  return StderrColor ? errs() << Code : errs();
}

int usageError(const llvm::Twine &Message) {
  // Errors quote configuration files and arguments: they pass the redaction
  // like every other byte on stderr.
  llvm::WithColor::error(errs(), "prodready")
      << redactCredentials(Message.str()) << "\n";
  return ExitUsage;
}

int usageError(llvm::Error Errors) {
  llvm::handleAllErrors(std::move(Errors), [](const llvm::ErrorInfoBase &E) {
    usageError(E.message());
  });
  return ExitUsage;
}

Progress::Progress(size_t Total, bool Enabled, double LogInterval)
    : Total(Total), Enabled(Enabled), LogInterval(LogInterval),
      NextLog(LogInterval),
      Terminal(llvm::sys::Process::StandardErrIsDisplayed()),
      Start(std::chrono::steady_clock::now()) {}

void Progress::update(size_t Done, llvm::StringRef Current) {
  if (!Enabled)
    return;
  double Elapsed = seconds();
  double Eta = Done ? Elapsed / Done * (Total - Done) : 0;
  if (!Terminal) {
    if (Elapsed < NextLog || Done == Total)
      return;
    NextLog = Elapsed + LogInterval;
    errs() << "prodready: " << Done << "/" << Total << " file(s) analysed, "
           << llvm::format("%.0fs elapsed, about %.0fs to go\n", Elapsed, Eta);
    return;
  }
  std::string Name = llvm::sys::path::filename(Current).str();
  errs() << "\r\033[K[" << Done << "/" << Total << "] "
         << llvm::format("%.0fs elapsed, ETA %.0fs ", Elapsed, Eta) << Name;
  errs().flush();
}

void Progress::heartbeat(size_t Done, llvm::StringRef Oldest,
                         double OldestSeconds) {
  if (!Enabled || Oldest.empty())
    return;
  double Elapsed = seconds();
  std::string Name = llvm::sys::path::filename(Oldest).str();
  if (!Terminal) {
    if (Elapsed < NextLog)
      return;
    NextLog = Elapsed + LogInterval;
    errs() << "prodready: " << Done << "/" << Total << " file(s) analysed, "
           << llvm::format("%.0fs elapsed; still analysing ", Elapsed) << Name
           << llvm::format(" (%.0fs)\n", OldestSeconds);
    return;
  }
  if (Elapsed < NextRedraw)
    return;
  NextRedraw = Elapsed + 1;
  errs() << "\r\033[K[" << Done << "/" << Total << "] "
         << llvm::format("%.0fs elapsed, analysing ", Elapsed) << Name
         << llvm::format(" (%.0fs)", OldestSeconds);
  errs().flush();
}

void Progress::finish() {
  if (Enabled && Terminal)
    errs() << "\r\033[K";
}

double Progress::seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
      .count();
}

std::string outOfScopeMessage(const std::map<std::string, unsigned> &Counts) {
  unsigned Total = 0;
  std::string Parts;
  for (const auto &[Reason, Count] : Counts) {
    Total += Count;
    Parts += (Parts.empty() ? "" : ", ") + std::to_string(Count) + " " + Reason;
  }
  return std::to_string(Total) + " file(s) out of scope, not judged (" + Parts +
         "); --include-tests, --include GLOB or .prodready.yaml bring them "
         "back";
}

void printNotifications(const std::vector<Notification> &Notifications,
                        bool Quiet) {
  for (const Notification &N : Notifications)
    if ((!Quiet || N.Level == "error") && N.Id != "out-of-scope")
      llvm::WithColor::warning(errs(), "prodready")
          << (N.File.empty() ? std::string() : N.File + ": ") << N.Message
          << "\n";
}

void printSummary(const Report &R,
                  const std::map<std::string, unsigned> &Statistics,
                  double Seconds, bool Quiet) {
  if (Quiet)
    return;
  std::map<std::string, unsigned> PerRule;
  for (const Finding &F : R.Findings)
    ++PerRule[F.Rule];
  // Coloured: failures red, findings magenta (red with an error among
  // them), none green.
  bool AnyError = llvm::any_of(
      R.Findings, [](const Finding &F) { return F.Level == "error"; });
  errs() << "prodready: " << R.FilesAnalysed << " file(s) analysed, "
         << R.FilesFromCache << " from cache, ";
  if (R.FilesFailed)
    paint(ansi::Red);
  errs() << R.FilesFailed << " failed";
  if (R.FilesFailed)
    paint(ansi::Reset);
  errs() << "; ";
  paint(R.Findings.empty() ? ansi::Green
        : AnyError         ? ansi::Red
                           : ansi::Magenta)
      << R.Findings.size() << " finding(s)";
  paint(ansi::Reset);
  if (!PerRule.empty()) {
    errs() << " (";
    bool First = true;
    for (const auto &[Rule, Count] : PerRule) {
      errs() << (First ? "" : ", ") << Rule << ": " << Count;
      First = false;
    }
    errs() << ")";
  }
  errs() << llvm::format(" in %.1fs\n", Seconds);
  if (!R.OutOfScope.empty())
    errs() << "prodready: " << outOfScopeMessage(R.OutOfScope) << "\n";
  for (const auto &[Name, Count] : Statistics)
    errs() << "prodready: statistic " << Name << ": " << Count << "\n";
}

void printLinkStatistics(const LinkStatistics &Link,
                         const std::vector<UnitResult> &Units, bool Quiet) {
  if (Quiet || (!Link.Functions && !Link.Sites))
    return;
  double AnalysisSeconds = 0;
  for (const UnitResult &U : Units)
    AnalysisSeconds += U.Seconds;
  errs() << llvm::format(
      "prodready: link phase: %.4fs for %zu function summaries and "
      "%zu call site(s), %zu cross-unit finding(s); units' "
      "analysis %.2fs (%.2f%%)\n",
      Link.Seconds, Link.Functions, Link.Sites, Link.Findings, AnalysisSeconds,
      AnalysisSeconds > 0 ? 100 * Link.Seconds / AnalysisSeconds : 0.0);
}

} // namespace prodready
