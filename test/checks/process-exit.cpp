// Test files are exempt: with a project-wide test-file pattern that matches
// this file, no findings (the default patterns: test/driver/scope.test).
// RUN: %check_prodready -check-suffix=DEFAULT %s prodready-process-exit -config="{CheckOptions: {prodready.TestFileRegex: '(^|/)checks/'}}"
// RUN: %check_prodready %s prodready-process-exit -config="{CheckOptions: {prodready-process-exit.TestFileRegex: '_test\.cpp$'}}"
// RUN: %check_prodready -check-suffix=ALLOW %s prodready-process-exit -config="{CheckOptions: {prodready-process-exit.TestFileRegex: '_test\.cpp$', prodready-process-exit.AllowedFunctionRegex: '^(fatal_.*|app::die)$'}}"

#include <cassert>
#include <cstdio>
#include <cstdlib>
#include <exception>

void library_failure(int code) {
  if (code > 1)
    exit(code);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'exit' called in 'library_failure' kills the process without unwinding, so in-flight requests, buffered logs and resources are lost and the caller cannot report or recover; return or throw an error and let main decide how to exit [prodready-process-exit]
  // CHECK-MESSAGES-ALLOW: :[[@LINE-2]]:5: warning: 'exit' called in 'library_failure'
  std::exit(2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'exit' called in 'library_failure' kills
  // CHECK-MESSAGES-ALLOW: :[[@LINE-2]]:3: warning: 'exit' called in 'library_failure'
  std::abort();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'abort' called in 'library_failure' kills
  // CHECK-MESSAGES-ALLOW: :[[@LINE-2]]:3: warning: 'abort' called in 'library_failure'
}

void others() {
  _Exit(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: '_Exit' called in 'others' kills
  // CHECK-MESSAGES-ALLOW: :[[@LINE-2]]:3: warning: '_Exit' called in 'others'
  std::quick_exit(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'quick_exit' called in 'others' kills
  // CHECK-MESSAGES-ALLOW: :[[@LINE-2]]:3: warning: 'quick_exit' called in 'others'
  std::terminate();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::terminate' called in 'others' kills
  // CHECK-MESSAGES-ALLOW: :[[@LINE-2]]:3: warning: 'std::terminate' called in 'others'
  abort();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'abort' called in 'others' kills
  // CHECK-MESSAGES-ALLOW: :[[@LINE-2]]:3: warning: 'abort' called in 'others'
}

namespace app {
struct Server {
  void stop() {
    auto bail = [] { std::exit(3); };
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'exit' called in 'app::Server::stop' kills
    // CHECK-MESSAGES-ALLOW: :[[@LINE-2]]:22: warning: 'exit' called in 'app::Server::stop'
    bail();
  }
};
// Allowed by the ALLOW configuration (qualified name).
[[noreturn]] void die() { std::abort(); }
// CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'abort' called in 'app::die' kills
} // namespace app

// Allowed by the ALLOW configuration (unqualified name).
[[noreturn]] void fatal_error(const char *) { std::abort(); }
// CHECK-MESSAGES: :[[@LINE-1]]:47: warning: 'abort' called in 'fatal_error' kills

template <typename T> void generic(T code) { std::exit(code); }
// CHECK-MESSAGES: :[[@LINE-1]]:46: warning: 'exit' called in 'generic' kills
// CHECK-MESSAGES-ALLOW: :[[@LINE-2]]:46: warning: 'exit' called in 'generic'
void instantiate() { generic(1); generic(2L); }

// A project macro: reported once, at its definition (RULES.md revision).
#define BAIL_OUT() std::exit(9)
// CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'exit' called in macro 'BAIL_OUT' (1 use in this unit, the first in 'macro_user') kills
// CHECK-MESSAGES-ALLOW: :[[@LINE-2]]:20: warning: 'exit' called in macro 'BAIL_OUT' (1 use in this unit, the first in 'macro_user') kills
void macro_user() {
  BAIL_OUT();
}

// A logger ends the process for its fatal level, as it promises (muduo's
// Logger::~Logger, glog's LogMessageFatal); a logger that aborts for another
// reason, or a fatal test outside a logger, is still reported.
namespace logging {
enum LogLevel { TRACE, INFO, ERROR, FATAL, NUM_LOG_LEVELS };
class Logger {
public:
  ~Logger();
  void output(const char *);
  LogLevel level_;
};
Logger::~Logger() {
  output("done");
  if (level_ == FATAL) {
    output("flush");
    std::abort();
  }
}
void Logger::output(const char *msg) {
  if (!msg)
    std::abort();
// CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'abort' called in 'logging::Logger::output' kills
// CHECK-MESSAGES-ALLOW: :[[@LINE-2]]:5: warning: 'abort' called in 'logging::Logger::output' kills
}
struct LogMessageFatal {
  ~LogMessageFatal() { std::abort(); }
};
void handle(LogLevel level) {
  if (level == FATAL)
    std::abort();
// CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'abort' called in 'logging::handle' kills
// CHECK-MESSAGES-ALLOW: :[[@LINE-2]]:5: warning: 'abort' called in 'logging::handle' kills
}
} // namespace logging

// An abort right after an assertion is the assertion's release-build half
// (the cpp-driver's RingBufferBio::ctrl); one after other code is reported.
long bioCtrl(int cmd) {
  switch (cmd) {
  case 1:
    assert(0 && "unsupported control");
    std::abort();
  case 2:
    return 0;
  default:
    std::puts("unknown");
    std::abort();
// CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'abort' called in 'bioCtrl' kills
// CHECK-MESSAGES-ALLOW: :[[@LINE-2]]:5: warning: 'abort' called in 'bioCtrl' kills
  }
}

// Negatives: a function merely named like one of them, a member called exit,
// and everything in main (including lambdas in main).
namespace mylib { void exit(int); }
struct Loop { void exit(); void abort(); };
void negatives(Loop &L) {
  mylib::exit(0);
  L.exit();
  L.abort();
}

int main(int argc, char **) {
  auto fail = [] { std::exit(2); };
  if (argc > 3)
    fail();
  if (argc > 2)
    std::abort();
  std::exit(0);
}
