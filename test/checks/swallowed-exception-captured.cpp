// RUN: %check_prodready %s prodready-swallowed-exception

// An empty handler does not swallow the failure when the failure is captured
// outside it (RULES.md, revision of 2026-12-01): a flag or result the try
// block sets is tested after the try statement, or the statement right after
// it takes a fallback path.

#include <exception>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

void work();
int parse(const std::string &);
void log_error(const char *);
void note(const char *);
[[noreturn]] void fail(const char *);

// Negatives: a flag set as the try block's last statement, tested after.
bool flagTested(const std::string &s) {
  bool ok = false;
  try {
    work();
    ok = true;
  } catch (...) {
  }
  if (!ok)
    note("work failed, using the cache");
  return ok;
}

// Negatives: a result assigned in the try block, tested or returned after.
int resultTested(const std::string &s) {
  int port = -1;
  try { port = parse(s); } catch (const std::exception &) {}
  return port < 0 ? 8080 : port;
}
std::optional<int> resultReturned(const std::string &s) {
  std::optional<int> value;
  try { value = parse(s); } catch (...) {}
  return value;
}
struct Loader {
  bool loaded_ = false;
  void load() {
    try { work(); loaded_ = true; } catch (...) {}
    if (!loaded_)
      note("not loaded");
  }
};

// Negatives: the statement right after the try statement returns an error
// value, throws or reports the error.
bool returnsFalse() {
  try { work(); return true; } catch (...) {}
  return false;
}
bool returnsFalseAfterWork() {
  try { work(); } catch (...) {}
  return false;
}
std::optional<int> returnsNullopt(const std::string &s) {
  try { return parse(s); } catch (const std::invalid_argument &) {}
  return std::nullopt;
}
int returnsMinusOne(const std::string &s) {
  try { return parse(s); } catch (...) {}
  return -1;
}
int returnsDefault(const std::string &s, int def) {
  try { return parse(s); } catch (...) {}
  return def;
}
const char *returnsNull() {
  try { work(); } catch (...) {}
  return nullptr;
}
std::string returnsEmpty(const std::string &s) {
  try { work(); return s; } catch (...) {}
  return {};
}
int fallbackPath(const std::string &s) {
  try { return parse(s); } catch (...) {}
  return parse("0" + s); // reached only when the try block threw
}
void throwsAfter() {
  try { work(); } catch (const std::exception &) {}
  throw std::runtime_error("work failed");
}
void noreturnAfter() {
  try { work(); return; } catch (...) {}
  fail("work failed");
}
void logsAfter() {
  try { work(); } catch (...) {}
  log_error("work failed");
}

void set_exception(std::exception_ptr);
void update_from(int node);
void note_bad(int);
int s_bad_request;

// The try block rethrows a stored exception; the code after the try passes
// it on.
void passesOn(std::exception_ptr err) {
  try {
    std::rethrow_exception(err);
  } catch (const std::invalid_argument &) {
    note("invalid");
  } catch (...) {
  }
  set_exception(err);
}

// Failover over alternatives: the loop is left on success, and the code
// after the loop is reached only when every alternative failed.
void failover(const std::vector<int> &nodes) {
  for (int node : nodes) {
    try {
      update_from(node);
      return;
    } catch (const std::exception &) {
      // try the next one
    }
  }
  throw std::runtime_error("no node answered");
}

// A parse probe inside an if, with the fallback after the if.
std::pair<std::string, int> parseUri(const std::string &path, size_t pos) {
  if (pos != std::string::npos) {
    try {
      int db = parse(path.substr(pos + 1));
      return {path.substr(0, pos), db};
    } catch (const std::exception &) {
      // not a db number: a unix socket path
    }
  }
  return {path, 0};
}

// A counter bump, then an error value.
bool counted(const std::string &s) {
  try { work(); } catch (...) {}
  ++s_bad_request;
  return false;
}

// Positives: the code after the try statement carries on as if nothing
// failed.
bool returnsTrue() {
  try { work(); } catch (...) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: every exception ('...') is caught and silently discarded
  return true;
}
bool returnsTrueOnFailureOnly() {
  try { work(); return false; } catch (...) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: every exception ('...') is caught
  return true;
}
void continuesNormally() {
  try { work(); } catch (const std::exception &) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'std::exception' is caught
  note("done");
  work();
}
int returnsZero(const std::string &s) {
  int n = 0;
  try { work(); } catch (...) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: every exception ('...') is caught
  return n;
}
void flagNotTested() {
  bool ok = false;
  try { work(); ok = true; } catch (...) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: every exception ('...') is caught
  note("done");
  ok = false;
}
void lastInFunction() {
  try { work(); } catch (...) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: every exception ('...') is caught
}
void loopCarriesOn(const std::vector<int> &nodes) {
  for (int node : nodes) {
    try { update_from(node); } catch (...) {}
    // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: every exception ('...') is caught
  }
  note("done");
}
int retryLoop(const std::string &s) {
  for (;;) {
    try { return parse(s); } catch (...) {}
    // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: every exception ('...') is caught
  }
}

// Already handling a failure: an empty handler that keeps a failure to
// report or clean up from replacing the original error is not swallowing
// (reduced from libpqxx's transaction_base.cxx and blob.cxx).
void reportWhileHandling() {
  try {
    work();
  } catch (const std::exception &e) {
    try { note(e.what()); } catch (...) {}
  }
}
void cleanupThenRethrow() {
  try {
    work();
  } catch (const std::exception &) {
    try { work(); } catch (const std::exception &) {}
    throw;
  }
}
// A lambda defined in a handler is its own function: still reported there.
void lambdaInHandler() {
  try {
    work();
  } catch (...) {
    auto retry = [] { try { work(); } catch (...) {} };
    // CHECK-MESSAGES: :[[@LINE-1]]:39: warning: every exception ('...') is caught
    retry();
  }
}

// A bounded retry whose handler leads to the next attempt, with the failure
// reported once the attempts run out (reduced from libpqxx's
// robusttransaction.cxx: broken_connection is expected while reconnecting).
struct BrokenConnection : std::runtime_error {
  using std::runtime_error::runtime_error;
};
int queryStatus();
void waitFor(int micros);
void checkInDoubt() {
  for (int attempts = 0; attempts < 500; ++attempts, waitFor(300)) {
    try {
      switch (queryStatus()) {
      case 0:
        return;
      case 1:
        break;
      }
    } catch (const BrokenConnection &) {
    }
  }
  throw std::runtime_error("in doubt");
}
bool retryThenFail(int limit) {
  int tries = 0;
  while (tries++ < limit) {
    try {
      if (queryStatus() == 0)
        return true;
    } catch (const BrokenConnection &) {
    }
  }
  return false;
}
// Not a bounded retry: an endless loop, or a loop whose end reports nothing.
void endlessRetry() {
  for (;;) {
    try {
      work();
    } catch (const BrokenConnection &) {
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'BrokenConnection' is caught
    }
  }
}
// The end of the input, signalled by an exception, ends a read loop by
// design (thrift's TFileProcessor on TEOFException); another transport error
// left the same way is still reported.
struct TEOFException {};
struct TTransportError {};
int processNext();
void replayChunk() {
  for (;;) {
    try {
      processNext();
    } catch (TEOFException &) {
      break;
    }
  }
}
void replayIgnoringErrors() {
  for (;;) {
    try {
      processNext();
    } catch (TTransportError &) {
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'TTransportError' is caught
      break;
    }
  }
}

// An endless loop whose try block leaves on success: a failed attempt
// leads to the next one, the loop ends only when one succeeds (reduced from
// zmqpp's actor::bind_parent, binding a random endpoint until one is free).
struct EndpointTaken {};
void bindEndpoint(int endpoint);
int randomEndpoint();
int bindFreeEndpoint() {
  for (;;) {
    try {
      int endpoint = randomEndpoint();
      bindEndpoint(endpoint);
      return endpoint;
    } catch (const EndpointTaken &) {
      // endpoint already taken
    }
  }
}
void retryThenCarryOn(int limit) {
  for (int i = 0; i < limit; ++i) {
    try {
      work();
    } catch (const BrokenConnection &) {
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'BrokenConnection' is caught
    }
  }
  note("done");
}

// A result recorded in a container inside the try block and returned
// (reduced from restc-cpp's address-family probe).
struct ResolveError {};
int resolveFamily(int family);
std::vector<int> usableFamilies() {
  std::vector<int> out;
  try {
    resolveFamily(4);
    out.push_back(4);
  } catch (const ResolveError &) {
    ;
  }
  return out;
}
// The state of the object the try block worked on is tested right after it
// (reduced from cpp_redis's reconnect).
struct RedisClient {
  void connect();
  bool is_connected() const;
  void notify_failed();
};
void reconnectClient(RedisClient &c) {
  try {
    c.connect();
  } catch (...) {
  }
  if (!c.is_connected()) {
    c.notify_failed();
    return;
  }
}
// A logging macro compiled out by default is still the author's handling
// (reduced from cpp_redis's sentinel).
#ifdef MYLIB_LOGGING_ENABLED
#define MYLIB_LOG(msg) note(msg)
#else
#define MYLIB_LOG(msg)
#endif
void tryHosts(RedisClient &c) {
  try {
    work();
  } catch (const std::exception &) {
    MYLIB_LOG("cannot connect, trying the next host");
  }
}
// Still reported: the next statement tests something else.
void testsOtherState(RedisClient &c, bool &ready) {
  try {
    c.connect();
  } catch (...) {
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: every exception ('...') is caught
  }
  if (ready)
    note("ready");
}

// A destructor must not throw: an empty handler around its teardown is the
// idiom that keeps it from doing so (reduced from cpprestsdk's
// ~http_listener and cinatra's timer_guard). A lambda defined in a
// destructor runs later, elsewhere: still reported.
struct Listener {
  void close();
  ~Listener() {
    try {
      close();
    } catch (...) {
    }
    auto later = [this] {
      try {
        close();
      } catch (...) {
        // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: every exception ('...') is caught
      }
    };
    later();
  }
};

// --- PPLX continuations that only observe an exception delivered elsewhere
// (reduced from cpprestsdk) ---------------------------------------------------
#include <functional>
namespace pplx {
template <class T> struct task {
  T get() const;
  void wait() const;
  void then(std::function<void(task<T>)> f) const;
};
template <class T> struct task_completion_event {
  void set(T) const;
  void set_exception(std::exception_ptr) const;
};
template <class T> task<T> create_task(task_completion_event<T>);
} // namespace pplx
using pplx::task;

void reportCloseError(pplx::task_completion_event<long> completionEvent,
                      std::exception_ptr exceptionPtr, task<void> closeTask) {
  closeTask.then([completionEvent, exceptionPtr](task<void> t) {
    try {
      t.get();
    } catch (...) {
    }
    // The error is delivered right after the try.
    completionEvent.set_exception(exceptionPtr);
    // The event's other tasks deliver the exception; this one only observes.
    pplx::create_task(completionEvent).then([](task<long> t2) {
      try {
        t2.get();
      } catch (...) {
      }
    });
  });
}

task<void> respond();
task<void> reply() {
  task<void> responseCompleted = respond();
  // The same task is returned to the caller, who observes the exception.
  responseCompleted.then([](task<void> t) {
    try {
      t.wait();
    } catch (...) {
    }
  });
  return responseCompleted;
}

// A fire-and-forget continuation at the end of a chain: the request's error
// goes nowhere.
void fireAndForget() {
  task<void> request = respond();
  request.then([](task<void> t) {
    try {
      t.wait();
    } catch (...) {
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: every exception ('...') is caught and silently discarded, so the failure vanishes in production without a log, metric or error result; log it, rethrow it, or translate it into an error value [prodready-swallowed-exception]
    }
  });
}

// The end of a walk over nested exceptions: the outer one is being reported.
void unwrapErrorStack(std::vector<std::string> &stack, const std::exception &e) {
  stack.emplace_back(e.what());
  try {
    std::rethrow_if_nested(e);
  } catch (const std::exception &nested) {
    unwrapErrorStack(stack, nested);
  } catch (...) {
  }
}
void rethrowAndMore(const std::exception &e, int &n) {
  try {
    std::rethrow_if_nested(e);
    ++n;
  } catch (...) {
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: every exception ('...') is caught and silently discarded
  }
}

// --- a failing logger has nowhere left to report (libhttpserver, cppkafka) ---
#include <future>
struct LogConfig {
  std::function<void(const std::string &)> log_error;
  std::function<void(const std::string &)> handler;
};
void logDispatchError(const LogConfig &cfg, const std::string &msg) noexcept {
  try {
    cfg.log_error(msg);
  } catch (...) {
  }
}
struct Handle {
  const LogConfig &configuration() const;
  const std::function<void(const std::string &)> &log_callback() const;
};
void reportCallbackError(const Handle &handle, const std::string &msg) {
  try {
    handle.log_callback()(msg);
  } catch (...) {
  }
}
void dispatch(const LogConfig &cfg, const std::string &msg) noexcept {
  try {
    cfg.handler(msg);
  } catch (...) {
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: every exception ('...') is caught and silently discarded
  }
}

// --- a promise that may be satisfied twice (cppkafka's retry tracker) ------
struct RetryTracker {
  std::promise<bool> retryPromise;
  void shouldRetry(bool value) {
    try {
      retryPromise.set_value(value);
    } catch (const std::future_error &) {
    }
  }
  bool wait(std::future<bool> &f) {
    try {
      return f.get();
    } catch (const std::future_error &) {
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'std::future_error' is caught and silently discarded
    }
    return true;
  }
};

// A member the try block sets, tested by another member function: the
// member records whether parsing succeeded (cpp-netlib's protocol handler
// reads to EOF without a content length).
struct ProtocolHandler {
  long long contentLength = -1;
  bool hasContentLength = false;
  int parsed = 0;
  void parseHeaders(const std::vector<std::string> &values) {
    hasContentLength = false;
    for (const std::string &value : values) {
      if (!hasContentLength && !value.empty()) {
        try {
          contentLength = std::stoll(value);
          hasContentLength = true;
        } catch (std::exception &) {
        }
      }
    }
  }
  bool bodyComplete(long long received) const {
    return hasContentLength && received >= contentLength;
  }
  void parseCount(const std::string &value) {
    try {
      parsed = std::stoi(value);
    } catch (std::exception &) {
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'std::exception' is caught and silently discarded
    }
  }
};
