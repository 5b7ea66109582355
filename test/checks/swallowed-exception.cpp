// RUN: %check_prodready %s prodready-swallowed-exception
// RUN: %check_prodready -check-suffix=ALLOW %s prodready-swallowed-exception \
// RUN:   -config="{CheckOptions: {prodready-swallowed-exception.AllowedExceptionTypes: 'std::out_of_range;...'}}"

#include <stdexcept>

void work();
void log(const char *);
bool recordFailure();

void empty() {
  try { work(); } catch (const std::exception &e) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'std::exception' is caught and silently discarded, so the failure vanishes in production without a log, metric or error result; log it, rethrow it, or translate it into an error value [prodready-swallowed-exception]
  // CHECK-MESSAGES-ALLOW: :[[@LINE-2]]:19: warning: 'std::exception' is caught
}

void catchAll() {
  try { work(); } catch (...) {
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: every exception ('...') is caught and silently discarded
    // Comments do not handle anything.
  }
}

void onlyNullStatements() {
  try { work(); } catch (std::runtime_error &) { ; ; }
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'std::runtime_error' is caught
  // CHECK-MESSAGES-ALLOW: :[[@LINE-2]]:19: warning: 'std::runtime_error' is caught
}

void bareReturn() {
  try { work(); } catch (std::out_of_range &) { return; }
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'std::out_of_range' is caught
}

void inLoop() {
  for (int i = 0; i < 3; ++i) {
    try { work(); } catch (const std::logic_error &) { continue; }
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'std::logic_error' is caught
    // CHECK-MESSAGES-ALLOW: :[[@LINE-2]]:21: warning: 'std::logic_error' is caught
    try { work(); } catch (int) { { break; } }
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'int' is caught
    // CHECK-MESSAGES-ALLOW: :[[@LINE-2]]:21: warning: 'int' is caught
  }
}

auto lambda = [] {
  try { work(); } catch (...) { return; }
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: every exception ('...') is caught
};

#define IGNORE_ERRORS(stmt) try { stmt; } catch (...) {}
void viaMacro() {
  IGNORE_ERRORS(work());
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: every exception ('...') is caught
}

// Negatives: the handler logs, rethrows, records or translates the error.
void logs() {
  try { work(); } catch (const std::exception &e) { log(e.what()); }
}
void rethrows() {
  try { work(); } catch (...) { throw; }
}
void translates() {
  try { work(); } catch (const std::exception &) {
    throw std::runtime_error("work failed");
  }
}
bool returnsValue() {
  try { work(); } catch (...) { return false; }
  return true;
}
void records(bool &failed) {
  try { work(); } catch (...) { failed = true; }
}
void callsSomething() {
  try { work(); } catch (...) { recordFailure(); }
}
int counter;
void counts() {
  try { work(); } catch (...) { ++counter; }
}

template <typename T> void inTemplate(T t) {
  try { t(); } catch (...) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: every exception ('...') is caught
}
void instantiate() {
  inTemplate(work);
  inTemplate([] {});
}
