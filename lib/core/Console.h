//===--- Console.h - what a run says on stderr ------------------*- C++ -*-===//
//
// Errors, progress, notifications and the closing summary. Everything here
// goes to stderr, so that stdout holds nothing but the report; every error
// passes the credential redaction, because errors quote configuration files
// and arguments.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_LIB_CORE_CONSOLE_H
#define PRODREADY_LIB_CORE_CONSOLE_H

#include "Report.h"
#include "Summaries.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Error.h"
#include <chrono>
#include <map>
#include <string>
#include <vector>

namespace prodready {

/// Prints `prodready: error: MESSAGE` (redacted); returns ExitUsage.
int usageError(const llvm::Twine &Message);
/// The same for each error in \p Errors (a joinErrors list prints a line
/// per problem).
int usageError(llvm::Error Errors);

/// Progress on stderr: a line redrawn in place on a terminal; without one
/// (CI logs), a plain line at most every LogInterval seconds when files
/// finish, and at least every LogInterval seconds while one file takes long
/// (heartbeat), so that a long run is never silent for minutes.
class Progress {
public:
  Progress(size_t Total, bool Enabled, double LogInterval);
  /// \p Done files are finished, the last one \p Current.
  void update(size_t Done, llvm::StringRef Current);
  /// Called while waiting for the workers: \p Oldest is the file analysed
  /// longest, for \p OldestSeconds. Prints a line when none was printed for
  /// LogInterval seconds (on a terminal: redraws the line every second).
  void heartbeat(size_t Done, llvm::StringRef Oldest, double OldestSeconds);
  void finish();

private:
  double seconds() const;
  size_t Total;
  bool Enabled;
  double LogInterval;
  double NextLog;
  double NextRedraw = 1;
  bool Terminal;
  std::chrono::steady_clock::time_point Start;
};

/// Whether what prodready says on stderr is coloured (--color, decided for
/// stderr); the summary follows it.
void setStderrColor(bool Color);

/// "N file(s) out of scope, not judged (2 generated, 5 test, ...); ...".
std::string outOfScopeMessage(const std::map<std::string, unsigned> &Counts);

/// The notifications as warnings: only errors with \p Quiet; the
/// out-of-scope note is in the summary instead.
void printNotifications(const std::vector<Notification> &Notifications,
                        bool Quiet);

/// The closing summary: files, findings per rule, time, out-of-scope files,
/// and the checks' statistics.
void printSummary(const Report &R,
                  const std::map<std::string, unsigned> &Statistics,
                  double Seconds, bool Quiet);

/// What the link phase cost next to the units' analysis, when it ran.
void printLinkStatistics(const LinkStatistics &Link,
                         const std::vector<UnitResult> &Units, bool Quiet);

} // namespace prodready

#endif // PRODREADY_LIB_CORE_CONSOLE_H
