// RUN: %check_prodready %s prodready-retry-without-backoff
// RUN: %check_prodready -check-suffix=OPT %s prodready-retry-without-backoff -config="{CheckOptions: {prodready-retry-without-backoff.RemoteFunctions: 'Client::call', prodready-retry-without-backoff.SleepFunctions: 'my_nap'}}"

#include <loop/loop.h>
#include <curl/curl.h>
#include <coroutine>
using namespace std::chrono_literals;

bool try_connect();
int open_session();
bool send_request(int);
void log_line(const char *);
struct sockaddr *addr;
std::atomic<bool> g_stop;
void my_nap(int ms);
namespace grpc { class ClientContext; }
struct Status { bool ok() const; };
struct Stub { Status Call(grpc::ClientContext *ctx, int req, int *resp); };
struct Client { bool call(); };

// (a) + (b): unbounded, constant sleep.
void unboundedConstant(CURL *h) {
  while (true) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: retry loop around 'curl_easy_perform' has no bound on attempts (no counter or deadline) and sleeps a loop-invariant duration between attempts (no exponential growth, no jitter), so during an outage its clients retry forever and hammer the failing dependency; cap the attempts or add a deadline, and back off exponentially with jitter between attempts [prodready-retry-without-backoff]
  // CHECK-MESSAGES: :[[@LINE+1]]:19: note: operation retried here
    CURLcode rc = curl_easy_perform(h);
    if (rc == CURLE_OK)
      break;
    std::this_thread::sleep_for(1s);
  }
}

// (b) only: bounded by a counter, constant sleep.
void boundedConstant(CURL *h) {
  for (int attempt = 0; attempt < 5; ++attempt) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: retry loop around 'curl_easy_perform' sleeps a loop-invariant duration between attempts (no exponential growth, no jitter), so during an outage its clients hammer the recovering dependency in lockstep; back off exponentially with jitter between attempts [prodready-retry-without-backoff]
  // CHECK-MESSAGES: :[[@LINE+1]]:9: note: operation retried here
    if (curl_easy_perform(h) == CURLE_OK)
      return;
    std::this_thread::sleep_for(500ms);
  }
}

// (a) + (c): no bound and no sleep around a remote call.
void unboundedNoSleep(int fd) {
  while (connect(fd, addr, 16) != 0) {
  }
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: retry loop around 'connect' has no bound on attempts (no counter or deadline) and does not sleep between attempts of a remote call, so during an outage its clients retry forever and hammer the failing dependency; cap the attempts or add a deadline, and back off exponentially with jitter between attempts [prodready-retry-without-backoff]
  // CHECK-MESSAGES: :[[@LINE-3]]:10: note: operation retried here
}

// (c) only: bounded, but no sleep between attempts of a remote call.
void boundedNoSleep(CURL *h) {
  for (int i = 0; i < 3; ++i)
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: retry loop around 'curl_easy_perform' does not sleep between attempts of a remote call, so during an outage its clients hammer the recovering dependency in lockstep; back off exponentially with jitter between attempts [prodready-retry-without-backoff]
  // CHECK-MESSAGES: :[[@LINE+1]]:9: note: operation retried here
    if (curl_easy_perform(h) == CURLE_OK)
      break;
}

// (a) only: exponential backoff, but retries forever.
void expUnbounded() {
  auto delay = 100ms;
  while (!try_connect()) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: retry loop around 'try_connect' has no bound on attempts (no counter or deadline), so during an outage its clients retry forever {{.*}} [prodready-retry-without-backoff]
  // CHECK-MESSAGES: :[[@LINE-2]]:11: note: operation retried here
    std::this_thread::sleep_for(delay);
    delay = std::min(delay * 2, std::chrono::milliseconds(30000));
  }
}

// A deadline bounds the attempts, but the sleep is constant: (b).
void deadlineConstant() {
  auto end = std::chrono::steady_clock::now() + 30s;
  while (std::chrono::steady_clock::now() < end) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: retry loop around 'try_connect' sleeps a loop-invariant duration between attempts {{.*}} [prodready-retry-without-backoff]
  // CHECK-MESSAGES: :[[@LINE+1]]:9: note: operation retried here
    if (try_connect())
      return;
    std::this_thread::sleep_for(1s);
  }
}

// A stop flag makes the loop cancellable (not (a)); the sleep is constant.
void stopFlag() {
  while (!g_stop) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: retry loop around 'try_connect' sleeps a loop-invariant duration between attempts {{.*}} [prodready-retry-without-backoff]
  // CHECK-MESSAGES: :[[@LINE+1]]:9: note: operation retried here
    if (try_connect())
      break;
    sleep(5);
  }
}

// The result is kept in a flag that ends the loop.
void flagVar() {
  bool ok = false;
  while (!ok) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: retry loop around 'send_request' has no bound on attempts (no counter or deadline) and sleeps a loop-invariant duration between attempts {{.*}} [prodready-retry-without-backoff]
  // CHECK-MESSAGES: :[[@LINE+1]]:10: note: operation retried here
    ok = send_request(1);
    if (!ok)
      usleep(100000);
  }
}

// Success means "no exception": the `break` follows the call in a try block.
void tryCatch() {
  while (true) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: retry loop around 'open_session' has no bound on attempts (no counter or deadline) and sleeps a loop-invariant duration between attempts {{.*}} [prodready-retry-without-backoff]
  // CHECK-MESSAGES: :[[@LINE+2]]:7: note: operation retried here
    try {
      open_session();
      break;
    } catch (...) {
      log_line("retrying");
      std::this_thread::sleep_for(2s);
    }
  }
}

// do-while with the result in a variable, bounded, no sleep: (c).
void doWhile(CURL *h) {
  CURLcode rc;
  int n = 0;
  do {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: retry loop around 'curl_easy_perform' does not sleep between attempts of a remote call{{.*}} [prodready-retry-without-backoff]
  // CHECK-MESSAGES: :[[@LINE+1]]:10: note: operation retried here
    rc = curl_easy_perform(h);
  } while (rc != CURLE_OK && ++n < 3);
}

// A gRPC stub call (takes a grpc::ClientContext*) is remote.
void grpcCall(Stub &stub, grpc::ClientContext *ctx) {
  int resp;
  for (int i = 0; i < 3; ++i) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: retry loop around 'Stub::Call' does not sleep between attempts of a remote call{{.*}} [prodready-retry-without-backoff]
  // CHECK-MESSAGES: :[[@LINE+3]]:16: note: operation retried here
  // CHECK-MESSAGES-OPT: :[[@LINE-3]]:3: warning: retry loop around 'Stub::Call' does not sleep between attempts of a remote call{{.*}} [prodready-retry-without-backoff]
  // CHECK-MESSAGES-OPT: :[[@LINE+1]]:16: note: operation retried here
    Status s = stub.Call(ctx, 1, &resp);
    if (s.ok())
      break;
  }
  // Whatever RemoteFunctions says, a call taking a grpc::ClientContext* is remote.
}

// A project function that performs a remote call is remote too.
bool fetch(CURL *h) { return curl_easy_perform(h) == CURLE_OK; }
void viaWrapper(CURL *h) {
  for (int i = 0; i < 3; ++i)
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: retry loop around 'fetch' does not sleep between attempts of a remote call{{.*}} [prodready-retry-without-backoff]
  // CHECK-MESSAGES: :[[@LINE+1]]:9: note: operation retried here
    if (fetch(h))
      return;
}

// Options: a project remote call and a project sleep function.
void projectRemote(Client &c) {
  for (int i = 0; i < 3; ++i)
  // CHECK-MESSAGES-OPT: :[[@LINE-1]]:3: warning: retry loop around 'Client::call' does not sleep between attempts of a remote call{{.*}} [prodready-retry-without-backoff]
  // CHECK-MESSAGES-OPT: :[[@LINE+1]]:9: note: operation retried here
    if (c.call())
      return;
}
void projectSleep() {
  for (int i = 0; i < 3; ++i) {
  // CHECK-MESSAGES-OPT: :[[@LINE-1]]:3: warning: retry loop around 'try_connect' sleeps a loop-invariant duration {{.*}} [prodready-retry-without-backoff]
  // CHECK-MESSAGES-OPT: :[[@LINE+1]]:9: note: operation retried here
    if (try_connect())
      return;
    my_nap(100);
  }
}

// ---- Not reported ----

// Exponential backoff with a maximum number of attempts.
void expBackoff(CURL *h) {
  auto delay = 100ms;
  for (int attempt = 0; attempt < 6; ++attempt) {
    if (curl_easy_perform(h) == CURLE_OK)
      return;
    std::this_thread::sleep_for(delay);
    delay *= 2;
  }
}
void expBackoffMin(CURL *h) {
  auto delay = 100ms;
  int tries = 0;
  while (curl_easy_perform(h) != CURLE_OK) {
    if (++tries > 8)
      return;
    std::this_thread::sleep_for(delay);
    delay = std::min(delay * 2, std::chrono::milliseconds(30000));
  }
}
void shiftBackoff() {
  for (int attempt = 0; attempt < 6; ++attempt) {
    if (try_connect())
      return;
    std::this_thread::sleep_for(std::chrono::milliseconds(100 << attempt));
  }
}
// Jitter from <random> or rand().
void jitter() {
  std::mt19937 rng(42);
  std::uniform_int_distribution<int> dist(0, 100);
  for (int i = 0; i < 5; ++i) {
    if (try_connect())
      return;
    std::this_thread::sleep_for(std::chrono::milliseconds(1000 + dist(rng)));
  }
}
void randJitter() {
  for (int i = 0; i < 5; ++i) {
    if (try_connect())
      return;
    usleep(100000 + rand() % 50000);
  }
}
// Retrying an interrupted system call at once is correct.
void eintr(int fd, char *buf) {
  long n;
  while ((n = read(fd, buf, 10)) < 0 && errno == EINTR) {
  }
  while (connect(fd, addr, 16) < 0 && errno == EINTR) {
  }
}
// A local retry without a sleep (compare-and-swap, try-lock) is not remote.
void cas(std::atomic<int> &a) {
  int e = a.load();
  while (!a.compare_exchange_weak(e, e + 1)) {
  }
}
void localRetry() {
  while (!try_connect()) {
  }
}
// Failover: each iteration tries a different endpoint.
void failover(int *fds) {
  for (int i = 0; i < 3; ++i) {
    if (connect(fds[i], addr, 16) == 0)
      return;
  }
}
// A periodic worker: the loop goes on after a success.
void periodic() {
  while (!g_stop) {
    if (!send_request(1))
      log_line("heartbeat failed");
    std::this_thread::sleep_for(5s);
  }
}
// Reading until end of data exits on failure, not on success.
void readLoop(int fd, char *buf) {
  long n;
  while ((n = read(fd, buf, 10)) > 0)
    log_line(buf);
}
// Waiting for state to change is polling (prodready-polling-loop).
bool is_up();
void waitUp() {
  while (!is_up())
    sleep(1);
}

// Regression (clickhouse-cpp): walking a resolver's result list is failover,
// not a retry of the same endpoint.
struct AddrList { AddrList *next; struct sockaddr *addr; };
int walkList(AddrList *list, int fd) {
  for (AddrList *res = list; res != nullptr; res = res->next) {
    if (connect(fd, res->addr, 16) == 0)
      return fd;
  }
  return -1;
}

// Regression (clickhouse-cpp): a project sleep wrapper named like sleepFor /
// SleepForMicroseconds is a sleep by default, so this is (b), not (c).
struct SocketFactory { virtual void sleepFor(const std::chrono::milliseconds &d); };
void projectWrapper(SocketFactory *f, CURL *h) {
  for (int i = 0; i < 3; ++i) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: retry loop around 'curl_easy_perform' sleeps a loop-invariant duration between attempts (no exponential growth, no jitter), so {{.*}} [prodready-retry-without-backoff]
  // CHECK-MESSAGES: :[[@LINE+1]]:9: note: operation retried here
    if (curl_easy_perform(h) == CURLE_OK)
      return;
    f->sleepFor(std::chrono::milliseconds(500));
  }
}

// ---- Not retries (RULES.md revisions 2026-12-01, from real code) ----

// The body leaves the loop on every path: the loop never turns.
void leavesOnFirstTurn(CURL *h) {
  while (true) {
    if (curl_easy_perform(h) == CURLE_OK)
      break;
    log_line("request failed");
    break;
  }
  for (;;) {
    CURLcode rc = curl_easy_perform(h);
    if (rc == CURLE_OK) {
      log_line("done");
      return;
    } else {
      log_line("failed");
      return;
    }
  }
  do {
    try {
      open_session();
      break;
    } catch (...) {
      log_line("failed");
      throw;
    }
  } while (true);
}

// The loop carries on while an operation succeeds: reading messages until the
// peer closes, or the stream ends.
struct WsBuffer {};
struct WsStream {
  std::size_t read(WsBuffer &buffer);
};
struct MessageReader {
  int Read(int *msg);
};
struct RecordStream {
  RecordStream &operator>>(int &value);
  explicit operator bool() const;
};
void readWhileSucceeds(WsStream &ws, MessageReader &reader, RecordStream &in,
                       FILE *fp) {
  WsBuffer buffer;
  while (ws.read(buffer)) {
    log_line("message");
    std::this_thread::sleep_for(10ms);
  }
  int msg;
  while (reader.Read(&msg)) {
    log_line("record");
    usleep(1000);
  }
  int value;
  while (in >> value) {
    log_line("value");
    usleep(1000);
  }
  char line[256];
  while (fgets(line, sizeof line, fp)) {
    log_line(line);
    usleep(1000);
  }
}
// A read returning an enum whose zero value is the failure (reduced from
// cpp-httplib's WebSocket echo example): the loop runs while messages come.
namespace httplib {
namespace ws {
enum ReadResult : int { Fail = 0, Text = 1, Binary = 2 };
struct Message {};
struct WebSocket {
  ReadResult read(Message &msg);
  bool send(const Message &msg);
};
} // namespace ws
} // namespace httplib
void echoWhileMessagesCome(httplib::ws::WebSocket &ws) {
  httplib::ws::Message msg;
  while (ws.read(msg)) {
    log_line("received");
    ws.send(msg);
  }
}
// An enum result whose zero value is success is an error code: still a
// retry while it fails.
enum FetchStatus : int { FetchOk = 0, FetchBusy = 1 };
FetchStatus fetch_remote();
void retryWhileFailing() {
  while (fetch_remote()) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: retry loop around 'fetch_remote'
    usleep(1000);
  }
}

// A non-blocking TLS handshake or read that waits for readiness with a
// bounded select/poll each turn is paced by the peer, not a retry storm.
bool tlsConnect(SSL *ssl, int fd) {
  for (;;) {
    int r = SSL_connect(ssl);
    if (r == 1)
      return true;
    int err = SSL_get_error(ssl, r);
    if (err != SSL_ERROR_WANT_READ && err != SSL_ERROR_WANT_WRITE)
      return false;
    fd_set fds;
    struct timeval tv = {5, 0};
    if (select(fd + 1, &fds, nullptr, nullptr, &tv) <= 0)
      return false;
  }
}
bool tlsAccept(SSL *ssl, int fd) {
  while (SSL_accept(ssl) != 1) {
    struct pollfd pfd = {fd, POLLIN, 0};
    if (poll(&pfd, 1, 5000) <= 0)
      return false;
  }
  return true;
}
int waitReadable(int fd, int timeout_ms) {
  struct pollfd pfd = {fd, POLLIN, 0};
  return poll(&pfd, 1, timeout_ms);
}
int tlsRead(SSL *ssl, int fd, char *buf) {
  int n;
  while ((n = SSL_read(ssl, buf, 256)) <= 0) {
    if (SSL_get_error(ssl, n) != SSL_ERROR_WANT_READ)
      return -1;
    if (waitReadable(fd, 1000) <= 0)
      return -1;
  }
  return n;
}

// Regression (cpp-httplib): the readiness wait sits several project calls
// deep, behind a lambda passed to an EINTR-retry helper
// (wait_readable -> select_read -> handle_EINTR([&] { poll_wrapper(...) })).
int pollWrapper(struct pollfd *fds, int n, int timeout) {
  return poll(fds, n, timeout);
}
template <typename T> int handleEintr(T fn) {
  int res;
  while ((res = fn()) < 0 && errno == EINTR) {
  }
  return res;
}
int selectRead(int fd, long sec) {
  struct pollfd pfd = {fd, POLLIN, 0};
  int timeout = static_cast<int>(sec * 1000);
  return handleEintr([&]() { return pollWrapper(&pfd, 1, timeout); });
}
struct TlsStream {
  SSL *ssl;
  int fd;
  long read_timeout_sec;
  bool waitReadable() const { return selectRead(fd, read_timeout_sec) > 0; }
  int read(char *buf) {
    int ret = SSL_read(ssl, buf, 256);
    int n = 1000;
    while (--n >= 0 && ret < 0 &&
           SSL_get_error(ssl, ret) == SSL_ERROR_WANT_READ) {
      if (waitReadable()) {
        ret = SSL_read(ssl, buf, 256);
        if (ret >= 0)
          return ret;
      } else {
        break;
      }
    }
    return ret;
  }
};
bool connectNonblocking(SSL *ssl, int fd, long timeout_sec) {
  int res;
  while ((res = SSL_connect(ssl)) != 1) {
    switch (SSL_get_error(ssl, res)) {
    case SSL_ERROR_WANT_READ:
      if (selectRead(fd, timeout_sec) > 0)
        continue;
      break;
    default:
      break;
    }
    return false;
  }
  return true;
}
// The same handshake in a coroutine that awaits its scheduler's readiness
// poll between attempts (libcoro's tls::client::handshake); awaiting
// something else is no readiness wait.
struct HandshakeTask {
  struct promise_type {
    HandshakeTask get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};
struct Readiness {
  bool await_ready();
  void await_suspend(std::coroutine_handle<>);
  int await_resume();
};
struct IoScheduler {
  Readiness poll(int fd, int op, long timeoutMs);
  Readiness yield();
};
HandshakeTask handshakeAwaitingPoll(IoScheduler *sched, SSL *ssl, int fd) {
  int res;
  while ((res = SSL_connect(ssl)) != 1) {
    int err = SSL_get_error(ssl, res);
    if (err != SSL_ERROR_WANT_READ && err != SSL_ERROR_WANT_WRITE)
      co_return;
    if (co_await sched->poll(fd, err, 1000) != 1)
      co_return;
  }
}
HandshakeTask handshakeYielding(IoScheduler *sched, SSL *ssl) {
  while (SSL_connect(ssl) != 1) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: retry loop around 'SSL_connect'
    co_await sched->yield();
  }
}
// Walking a container with an iterator, each turn another element (Poco's
// SocketProactor::send over its handler list): no retry. The same body
// under a plain counter is judged as before.
struct WriteHandler;
struct HandlerList {
  struct iterator {
    bool operator==(const iterator &) const;
    WriteHandler *operator*() const;
  };
  iterator begin();
  iterator end();
  bool empty() const;
};
struct SocketRef {
  bool isStream();
};
struct Proactor {
  HandlerList handlers;
  void send(SocketRef &sock, HandlerList::iterator &it);
  void drop(HandlerList::iterator &it);
  int sendAll(SocketRef &sock) {
    HandlerList::iterator it = handlers.begin();
    HandlerList::iterator end = handlers.end();
    while (it != end) {
      if (sock.isStream()) {
        send(sock, it);
      } else {
        drop(it);
        throw 1;
      }
      drop(it);
      if (handlers.empty())
        break;
    }
    return 0;
  }
  int sendCounted(SocketRef &sock, HandlerList::iterator &it, int pending) {
    while (pending != 0) {
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: retry loop around 'Proactor::send'
      if (sock.isStream()) {
        send(sock, it);
      } else {
        drop(it);
        throw 1;
      }
      drop(it);
      if (handlers.empty())
        break;
    }
    return 0;
  }
};
// A reactor's loop around a poll set's poll(timeout), a readiness wait,
// sleeping only when idle (Poco's SocketReactor::run): no retry.
struct Timespan {
  long us;
};
struct ReadySet {
  int poll(const Timespan &timeout);
};
struct Reactor {
  bool stop_;
  ReadySet set_;
  Timespan timeout_;
  bool hasHandlers();
  void dispatch(int ready);
  void onIdle();
  void sleep();
  void run() {
    while (!stop_) {
      try {
        if (hasHandlers()) {
          int ready = set_.poll(timeout_);
          if (stop_)
            break;
          dispatch(ready);
        } else {
          onIdle();
          sleep();
        }
      } catch (...) {
        throw;
      }
    }
  }
};
// Five project calls deep is past the bound: the helper is taken for the
// operation and the unbounded retry is reported.
int wait5(int fd) { return selectRead(fd, 1); }
int wait6(int fd) { return wait5(fd); }
int wait7(int fd) { return wait6(fd); }
int wait8(int fd) { return wait7(fd); }
bool connectDeep(SSL *ssl, int fd) {
  while (SSL_connect(ssl) != 1) {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: retry loop around 'SSL_connect'
    wait8(fd);
  }
  return true;
}

// Regression (redis-plus-plus sentinel): a counter checked before a throw
// bounds the attempts even inside the try block, and taking the next
// endpoint from a cursor (iter.next()) each turn is failover, not a retry.
struct SentinelIter {
  int &next();
  void reset();
};
struct StopIterError {};
struct RedisError {};
int connectTo(int sentinel) { return connect(sentinel, addr, 16); }
int masterFromSentinels(SentinelIter &iter, std::size_t max_retry) {
  std::size_t retries = 0;
  while (true) {
    try {
      auto &s = iter.next();
      int conn = connectTo(s);
      if (conn < 0) {
        if (++retries > max_retry)
          throw RedisError();
        std::this_thread::sleep_for(100ms);
        iter.reset();
        continue;
      }
      return conn;
    } catch (const StopIterError &) {
      throw;
    } catch (const RedisError &) {
      continue;
    }
  }
}

// Regression (redis-plus-plus redlock): try_lock() on a distributed lock is an
// operation, so these are retry loops (before: taken for polling loops), the
// duration compared with 0ms included.
struct RedLockMutex {
  bool try_lock();
  std::chrono::milliseconds try_lock(const char *id, std::chrono::milliseconds ttl);
};
void lockWithDelay(RedLockMutex &mtx, std::chrono::milliseconds retry_delay) {
  while (true) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: retry loop around 'RedLockMutex::try_lock' has no bound on attempts (no counter or deadline) and sleeps a loop-invariant duration between attempts (no exponential growth, no jitter), so {{.*}} [prodready-retry-without-backoff]
  // CHECK-MESSAGES: :[[@LINE+1]]:22: note: operation retried here
    auto time_left = mtx.try_lock("id", std::chrono::milliseconds(100));
    if (time_left > 0ms)
      break;
    std::this_thread::sleep_for(retry_delay);
  }
}
void lockWithJitter(RedLockMutex &mtx, std::mt19937 &gen) {
  do {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: retry loop around 'RedLockMutex::try_lock' has no bound on attempts (no counter or deadline), so {{.*}} [prodready-retry-without-backoff]
  // CHECK-MESSAGES: :[[@LINE+3]]:13: note: operation retried here
    std::uniform_int_distribution<int> dist(0, 5);
    std::this_thread::sleep_for(std::chrono::milliseconds(dist(gen)));
  } while (!mtx.try_lock());
}

// Regression (IXWebSocket DNS lookup): leaving with a failure value when a
// cancellation callback says so is giving up, not the success of a retried
// operation; the loop waits for a flag (prodready-polling-loop's business).
struct DnsLookup {
  std::atomic<bool> done_;
  std::function<bool()> isCancellationRequested;
  int wait_ = 10;
  const char *resolve() {
    while (!done_) {
      std::this_thread::sleep_for(std::chrono::milliseconds(wait_));
      if (isCancellationRequested())
        return nullptr;
    }
    return "ok";
  }
};

// A project helper that only sleeps is the loop's delay (reduced from
// cpp_redis's sleep_before_reconnect): still a constant delay.
void napBetweenAttempts() { std::this_thread::sleep_for(500ms); }
void boundedConstantThroughHelper(CURL *h) {
  for (int attempt = 0; attempt < 5; ++attempt) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: retry loop around 'curl_easy_perform' sleeps a loop-invariant duration between attempts (no exponential growth, no jitter)
  // CHECK-MESSAGES: :[[@LINE+1]]:9: note: operation retried here
    if (curl_easy_perform(h) == CURLE_OK)
      return;
    napBetweenAttempts();
  }
}

// A partial-write loop that retries at once on std::errc::interrupted is the
// EINTR idiom (reduced from sockpp's stream_socket::write_n).
extern "C" long send(int, const void *, unsigned long, int);
enum class errc { interrupted = 4, again = 11 };
template <class T> struct Result {
  explicit operator bool() const;
  bool operator==(errc) const;
  T value() const;
};
struct StreamSocket {
  int fd;
  Result<long> check(long r);
  Result<long> write(const void *buf, long n) {
    return check(::send(fd, buf, n, 0));
  }
  Result<long> writeAll(const void *buf, long n) {
    const char *b = static_cast<const char *>(buf);
    long done = 0;
    while (done < n) {
      auto res = write(b + done, n - done);
      if (!res) {
        if (res == errc::interrupted)
          continue;
        return Result<long>();
      }
      if (res.value() == 0)
        break;
      done += res.value();
    }
    return Result<long>();
  }
};

// In a template, a retried operation whose callee depends on the template
// parameter is still judged (reduced from redis-plus-plus's RedMutexImplTpl),
// unless its result is compared with a null pointer: then the loop leaves on
// failure (cinatra's pool reaper).
template <typename Mutex> struct LockRetrier {
  Mutex mtx;
  long retryDelayMs;
  void lock() {
    while (true) {
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: retry loop around 'try_lock' has no bound on attempts (no counter or deadline) and sleeps a loop-invariant duration between attempts
      auto timeLeft = mtx.try_lock();
      // CHECK-MESSAGES: :[[@LINE-1]]:23: note: operation retried here
      if (timeLeft > 0)
        break;
      std::this_thread::sleep_for(std::chrono::milliseconds(retryDelayMs));
    }
  }
};
template <typename Pool> struct Reaper {
  static void run(Pool &pool) {
    auto self = pool.lock();
    while (true) {
      usleep(1000);
      if ((self = pool.lock()) == nullptr)
        break;
      self->clear_old();
    }
  }
};

// A delay followed on every path by leaving the loop is not between attempts
// (reduced from handy's benchmark, which forks N children that each sleep and
// break out): neither a retry nor a constant back-off.
int fork();
unsigned sleep(unsigned);
void runClient(int);
void spawnClients(int processes) {
  int pid = 1;
  for (int i = 0; i < processes; i++) {
    pid = fork();
    if (pid == 0) {
      sleep(1);
      break;
    }
  }
  runClient(100);
}

// A spin lock's lock() spins on local memory, not on a dependency (reduced
// from opentelemetry-cpp's SpinLockMutex): acquiring a lock is not a retry.
struct SpinLock {
  std::atomic<bool> flag_;
  bool try_lock();
  void lock() {
    for (;;) {
      bool expected = false;
      if (flag_.compare_exchange_weak(expected, true))
        return;
      if (try_lock())
        return;
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  }
};

// A partial-write loop that leaves on the first failure repeats only while
// send() succeeds (spdlog's tcp_client::send): not a retry.
struct TcpClient {
  int socket_ = -1;
  void closeSocket();
  void sendAll(const char *data, unsigned long n) {
    unsigned long sent = 0;
    while (sent < n) {
      long result = ::send(socket_, data + sent, n - sent, 0);
      if (result < 0) {
        closeSocket();
        throw 1;
      }
      if (result == 0)
        break;
      sent += static_cast<unsigned long>(result);
    }
  }
};

// The same when the failure test is `r <= 0` (an error, or nothing
// written: AMQP-CPP's TcpOutBuffer::sendto) or has its operands swapped.
struct OutBuffer {
  unsigned long size_ = 0;
  void shrink(long n);
  unsigned long fill();
  long sendTo(int socket) {
    long total = 0;
    while (size_ > 0) {
      if (fill() == 0)
        break;
      auto result = ::send(socket, nullptr, size_, 0);
      if (result <= 0)
        return total > 0 ? total : result;
      shrink(result);
      total += result;
    }
    return total;
  }
  long sendSwapped(int socket) {
    while (size_ > 0) {
      if (fill() == 0)
        break;
      long result = ::send(socket, nullptr, size_, 0);
      if (0 > result)
        return -1;
      shrink(result);
    }
    return 0;
  }
};

// Walking a resolver's list, a different address each turn (nghttp2's
// h2load): an address fallback, not a retry.
struct AddrInfo {
  AddrInfo *ai_next;
  const struct sockaddr *ai_addr;
};
struct H2Client {
  int fd = -1;
  AddrInfo *next_addr = nullptr;
  int makeSocket(AddrInfo *addr) { return connect(fd, addr->ai_addr, 16); }
  int connectNext() {
    AddrInfo *addr = nullptr;
    while (next_addr) {
      addr = next_addr;
      next_addr = next_addr->ai_next;
      if (makeSocket(addr) == 0)
        break;
    }
    return fd;
  }
};
