// RUN: %check_prodready %s prodready-missing-timeout
// RUN: %check_prodready -check-suffix=C %s prodready-missing-timeout -- -x c -std=gnu11 -DAS_C

// libcurl: curl_easy_perform on a handle with no transfer timeout. The second
// RUN line compiles the C subset as C, where curl_easy_setopt is curl's
// type-checking statement-expression macro.

#include <curl/curl.h>
#include <stddef.h>

static int on_progress(void *p, curl_off_t a, curl_off_t b, curl_off_t c, curl_off_t d) {
  return 0;
}

void no_timeout(const char *url) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url);
  curl_easy_perform(h);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'curl_easy_perform' on handle 'h' has no transfer timeout, so a server that stalls blocks this thread forever; set CURLOPT_TIMEOUT_MS (or CURLOPT_LOW_SPEED_LIMIT with CURLOPT_LOW_SPEED_TIME, or a progress callback that aborts) before the transfer [prodready-missing-timeout]
// CHECK-MESSAGES-C: :[[@LINE-2]]:3: warning: 'curl_easy_perform' on handle 'h' has no transfer timeout, so a server that stalls blocks this thread forever; set CURLOPT_TIMEOUT_MS (or CURLOPT_LOW_SPEED_LIMIT with CURLOPT_LOW_SPEED_TIME, or a progress callback that aborts) before the transfer [prodready-missing-timeout]
  curl_easy_cleanup(h);
}

void connect_timeout_only(void) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, 5L);
  curl_easy_perform(h);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'curl_easy_perform' on handle 'h' has only a connect timeout, which does not bound the transfer, so a server that stalls after connecting blocks this thread forever; also set CURLOPT_TIMEOUT_MS (or CURLOPT_LOW_SPEED_LIMIT with CURLOPT_LOW_SPEED_TIME) [prodready-missing-timeout]
// CHECK-MESSAGES-C: :[[@LINE-2]]:3: warning: 'curl_easy_perform' on handle 'h' has only a connect timeout, which does not bound the transfer, so a server that stalls after connecting blocks this thread forever; also set CURLOPT_TIMEOUT_MS (or CURLOPT_LOW_SPEED_LIMIT with CURLOPT_LOW_SPEED_TIME) [prodready-missing-timeout]
  CURL *g = curl_easy_init();
  curl_easy_setopt(g, CURLOPT_CONNECTTIMEOUT_MS, 500L);
  curl_easy_perform(g);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'curl_easy_perform' on handle 'g' has only a connect timeout, which does not bound the transfer, so a server that stalls after connecting blocks this thread forever; also set CURLOPT_TIMEOUT_MS (or CURLOPT_LOW_SPEED_LIMIT with CURLOPT_LOW_SPEED_TIME) [prodready-missing-timeout]
// CHECK-MESSAGES-C: :[[@LINE-2]]:3: warning: 'curl_easy_perform' on handle 'g' has only a connect timeout, which does not bound the transfer, so a server that stalls after connecting blocks this thread forever; also set CURLOPT_TIMEOUT_MS (or CURLOPT_LOW_SPEED_LIMIT with CURLOPT_LOW_SPEED_TIME) [prodready-missing-timeout]
}

// A timeout of 0 disables it: reported at the setopt (and not again at the
// transfer).
void zero_timeout(void) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_TIMEOUT, 0L);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: CURLOPT_TIMEOUT set to 0 disables libcurl's transfer timeout, so a server that stalls blocks the transfer forever; set a positive timeout [prodready-missing-timeout]
// CHECK-MESSAGES-C: :[[@LINE-2]]:3: warning: CURLOPT_TIMEOUT set to 0 disables libcurl's transfer timeout, so a server that stalls blocks the transfer forever; set a positive timeout [prodready-missing-timeout]
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 0);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: CURLOPT_TIMEOUT_MS set to 0 disables libcurl's transfer timeout, so a server that stalls blocks the transfer forever; set a positive timeout [prodready-missing-timeout]
// CHECK-MESSAGES-C: :[[@LINE-2]]:3: warning: CURLOPT_TIMEOUT_MS set to 0 disables libcurl's transfer timeout, so a server that stalls blocks the transfer forever; set a positive timeout [prodready-missing-timeout]
  curl_easy_perform(h);
}

// A transfer timeout cleared where the same handle gets the low-speed pair
// (azure-storage-cpplite's set_data_rate_timeout) is still bounded; the pair
// on another handle bounds nothing here.
struct client { CURL *curl; };
void data_rate_timeout(struct client *c) {
  curl_easy_setopt(c->curl, CURLOPT_LOW_SPEED_TIME, 60L);
  curl_easy_setopt(c->curl, CURLOPT_LOW_SPEED_LIMIT, 1024L * 17L);
  curl_easy_setopt(c->curl, CURLOPT_TIMEOUT, 0L);
}
void low_speed_on_another_handle(CURL *a, CURL *b) {
  curl_easy_setopt(a, CURLOPT_LOW_SPEED_TIME, 60L);
  curl_easy_setopt(a, CURLOPT_LOW_SPEED_LIMIT, 1024L);
  curl_easy_setopt(b, CURLOPT_TIMEOUT, 0L);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: CURLOPT_TIMEOUT set to 0 disables libcurl's transfer timeout, so a server that stalls blocks the transfer forever; set a positive timeout [prodready-missing-timeout]
// CHECK-MESSAGES-C: :[[@LINE-2]]:3: warning: CURLOPT_TIMEOUT set to 0 disables libcurl's transfer timeout, so a server that stalls blocks the transfer forever; set a positive timeout [prodready-missing-timeout]
}

void bounded(long timeout_ms) {
  CURL *a = curl_easy_init();
  curl_easy_setopt(a, CURLOPT_TIMEOUT, 30L);
  curl_easy_perform(a);
  CURL *b = curl_easy_init();
  curl_easy_setopt(b, CURLOPT_TIMEOUT_MS, timeout_ms);
  curl_easy_perform(b);
  // The low-speed pair aborts a stalled transfer.
  CURL *c = curl_easy_init();
  curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, 30L);
  curl_easy_perform(c);
  // A progress callback can abort the transfer at a deadline.
  CURL *d = curl_easy_init();
  curl_easy_setopt(d, CURLOPT_XFERINFOFUNCTION, on_progress);
  curl_easy_perform(d);
  CURL *e = curl_easy_init();
  curl_easy_setopt(e, CURLOPT_PROGRESSFUNCTION, on_progress);
  curl_easy_perform(e);
  // The timeout may be set after the transfer in the source order of a loop;
  // RULES.md asks for it anywhere in the function.
  CURL *f = curl_easy_init();
  for (int i = 0; i < 2; ++i) {
    if (i)
      curl_easy_perform(f);
    curl_easy_setopt(f, CURLOPT_TIMEOUT, 10L);
  }
}

void half_measures(void) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, 1L); // no LOW_SPEED_TIME
  curl_easy_perform(h);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'curl_easy_perform' on handle 'h' has no transfer timeout, so a server that stalls blocks this thread forever; set CURLOPT_TIMEOUT_MS (or CURLOPT_LOW_SPEED_LIMIT with CURLOPT_LOW_SPEED_TIME, or a progress callback that aborts) before the transfer [prodready-missing-timeout]
// CHECK-MESSAGES-C: :[[@LINE-2]]:3: warning: 'curl_easy_perform' on handle 'h' has no transfer timeout, so a server that stalls blocks this thread forever; set CURLOPT_TIMEOUT_MS (or CURLOPT_LOW_SPEED_LIMIT with CURLOPT_LOW_SPEED_TIME, or a progress callback that aborts) before the transfer [prodready-missing-timeout]
  CURL *g = curl_easy_init();
  curl_easy_setopt(g, CURLOPT_XFERINFOFUNCTION, NULL);
  curl_easy_perform(g);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'curl_easy_perform' on handle 'g' has no transfer timeout, so a server that stalls blocks this thread forever; set CURLOPT_TIMEOUT_MS (or CURLOPT_LOW_SPEED_LIMIT with CURLOPT_LOW_SPEED_TIME, or a progress callback that aborts) before the transfer [prodready-missing-timeout]
// CHECK-MESSAGES-C: :[[@LINE-2]]:3: warning: 'curl_easy_perform' on handle 'g' has no transfer timeout, so a server that stalls blocks this thread forever; set CURLOPT_TIMEOUT_MS (or CURLOPT_LOW_SPEED_LIMIT with CURLOPT_LOW_SPEED_TIME, or a progress callback that aborts) before the transfer [prodready-missing-timeout]
}

// A handle received as a parameter is the caller's: not judged.
void perform_on(CURL *h) { curl_easy_perform(h); }

// Options set by a helper defined in this translation unit count.
static void apply_timeouts(CURL *h) { curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 2000L); }
static void apply_nothing(CURL *h) { curl_easy_setopt(h, CURLOPT_VERBOSE, 1L); }
void configured_by_helper(void) {
  CURL *h = curl_easy_init();
  apply_timeouts(h);
  curl_easy_perform(h);
  CURL *g = curl_easy_init();
  apply_nothing(g);
  curl_easy_perform(g);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'curl_easy_perform' on handle 'g' has no transfer timeout, so a server that stalls blocks this thread forever; set CURLOPT_TIMEOUT_MS (or CURLOPT_LOW_SPEED_LIMIT with CURLOPT_LOW_SPEED_TIME, or a progress callback that aborts) before the transfer [prodready-missing-timeout]
// CHECK-MESSAGES-C: :[[@LINE-2]]:3: warning: 'curl_easy_perform' on handle 'g' has no transfer timeout, so a server that stalls blocks this thread forever; set CURLOPT_TIMEOUT_MS (or CURLOPT_LOW_SPEED_LIMIT with CURLOPT_LOW_SPEED_TIME, or a progress callback that aborts) before the transfer [prodready-missing-timeout]
}

// A handle handed to code this translation unit cannot see may be configured
// there: not judged.
void configure_elsewhere(CURL *h);
void configured_elsewhere(void) {
  CURL *h = curl_easy_init();
  configure_elsewhere(h);
  curl_easy_perform(h);
}

// Handles returned by helpers defined in this translation unit.
static CURL *make_handle(void) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_TIMEOUT, 10L);
  return h;
}
static CURL *make_bare_handle(void) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  return h;
}
static CURL *make_direct(void) { return curl_easy_init(); }
CURL *pool_acquire(void);
void from_helpers(void) {
  CURL *a = make_handle();
  curl_easy_perform(a);
  CURL *b = make_bare_handle();
  curl_easy_perform(b);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'curl_easy_perform' on handle 'b' has no transfer timeout, so a server that stalls blocks this thread forever; set CURLOPT_TIMEOUT_MS (or CURLOPT_LOW_SPEED_LIMIT with CURLOPT_LOW_SPEED_TIME, or a progress callback that aborts) before the transfer [prodready-missing-timeout]
// CHECK-MESSAGES-C: :[[@LINE-2]]:3: warning: 'curl_easy_perform' on handle 'b' has no transfer timeout, so a server that stalls blocks this thread forever; set CURLOPT_TIMEOUT_MS (or CURLOPT_LOW_SPEED_LIMIT with CURLOPT_LOW_SPEED_TIME, or a progress callback that aborts) before the transfer [prodready-missing-timeout]
  CURL *c = make_direct();
  curl_easy_perform(c);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'curl_easy_perform' on handle 'c' has no transfer timeout, so a server that stalls blocks this thread forever; set CURLOPT_TIMEOUT_MS (or CURLOPT_LOW_SPEED_LIMIT with CURLOPT_LOW_SPEED_TIME, or a progress callback that aborts) before the transfer [prodready-missing-timeout]
// CHECK-MESSAGES-C: :[[@LINE-2]]:3: warning: 'curl_easy_perform' on handle 'c' has no transfer timeout, so a server that stalls blocks this thread forever; set CURLOPT_TIMEOUT_MS (or CURLOPT_LOW_SPEED_LIMIT with CURLOPT_LOW_SPEED_TIME, or a progress callback that aborts) before the transfer [prodready-missing-timeout]
  CURL *d = pool_acquire(); // unknown origin: not judged
  curl_easy_perform(d);
}

// Globals: options set anywhere in the translation unit count.
static CURL *g_shared;
static CURL *g_bare;
void init_globals(void) {
  g_shared = curl_easy_init();
  g_bare = curl_easy_init();
}
void tune_shared(void) { curl_easy_setopt(g_shared, CURLOPT_TIMEOUT, 5L); }
void use_globals(void) {
  curl_easy_perform(g_shared);
  curl_easy_perform(g_bare);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'curl_easy_perform' on handle 'g_bare' has no transfer timeout, so a server that stalls blocks this thread forever; set CURLOPT_TIMEOUT_MS (or CURLOPT_LOW_SPEED_LIMIT with CURLOPT_LOW_SPEED_TIME, or a progress callback that aborts) before the transfer [prodready-missing-timeout]
// CHECK-MESSAGES-C: :[[@LINE-2]]:3: warning: 'curl_easy_perform' on handle 'g_bare' has no transfer timeout, so a server that stalls blocks this thread forever; set CURLOPT_TIMEOUT_MS (or CURLOPT_LOW_SPEED_LIMIT with CURLOPT_LOW_SPEED_TIME, or a progress callback that aborts) before the transfer [prodready-missing-timeout]
}

#ifndef AS_C
#include <memory>

// Members: options set in any member function of the TU count; a member
// whose creation this TU never sees is not judged.
class Fetcher {
public:
  Fetcher() : curl_(curl_easy_init()) { configure(); }
  void configure() { curl_easy_setopt(curl_, CURLOPT_TIMEOUT_MS, 1500L); }
  void fetch() { curl_easy_perform(curl_); }

private:
  CURL *curl_;
};

class Downloader {
public:
  Downloader() : curl_(curl_easy_init()) { curl_easy_setopt(curl_, CURLOPT_URL, "https://example.com"); }
  void fetch() { curl_easy_perform(curl_); }
// CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'curl_easy_perform' on handle 'curl_' has no transfer timeout, so a server that stalls blocks this thread forever; set CURLOPT_TIMEOUT_MS (or CURLOPT_LOW_SPEED_LIMIT with CURLOPT_LOW_SPEED_TIME, or a progress callback that aborts) before the transfer [prodready-missing-timeout]
  void fetch_with_deadline();

private:
  CURL *curl_;
};

// A timeout set in a helper on a member handle.
static void set_deadline(CURL *h, long ms) { curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, ms); }
class Poller {
public:
  Poller() { handle_ = curl_easy_init(); set_deadline(handle_, 100); }
  void poll() { curl_easy_perform(handle_); }

private:
  CURL *handle_;
};

class Borrowed {
public:
  explicit Borrowed(CURL *h) : curl_(h) {}
  void fetch() { curl_easy_perform(curl_); } // created elsewhere: not judged

private:
  CURL *curl_;
};

class External {
public:
  void fetch() { curl_easy_perform(curl_); } // created in another TU: not judged
  CURL *curl_;
};

// Handles reached through a getter that returns the member (regression: a
// real client library configures and performs through such a getter).
class Connection {
public:
  Connection() { handle_ = curl_easy_init(); }
  CURL *handle() {
    if (handle_) {
      return handle_;
    }
    return nullptr;
  }
  void set_timeout(long seconds) {
    if (seconds)
      curl_easy_setopt(handle(), CURLOPT_TIMEOUT, seconds);
  }
  CURLcode perform() { return curl_easy_perform(handle()); }
  // A second transfer path on the same handle without any timeout setter
  // would still be covered by set_timeout: options count TU-wide.
  CURLcode perform_again() { return curl_easy_perform(handle()); }

private:
  CURL *handle_;
};

class BareConnection {
public:
  BareConnection() : handle_(curl_easy_init()) {}
  CURL *handle() const { return handle_; }
  CURLcode perform() { return curl_easy_perform(handle()); }
// CHECK-MESSAGES: :[[@LINE-1]]:31: warning: 'curl_easy_perform' on handle 'handle_' has no transfer timeout, so a server that stalls blocks this thread forever; set CURLOPT_TIMEOUT_MS (or CURLOPT_LOW_SPEED_LIMIT with CURLOPT_LOW_SPEED_TIME, or a progress callback that aborts) before the transfer [prodready-missing-timeout]

private:
  CURL *handle_;
};

// RAII owners: the handle is reached through get().
void owned(void) {
  std::unique_ptr<CURL, void (*)(CURL *)> h(curl_easy_init(), curl_easy_cleanup);
  curl_easy_setopt(h.get(), CURLOPT_URL, "https://example.com");
  curl_easy_perform(h.get());
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'curl_easy_perform' on handle 'h' has no transfer timeout, so a server that stalls blocks this thread forever; set CURLOPT_TIMEOUT_MS (or CURLOPT_LOW_SPEED_LIMIT with CURLOPT_LOW_SPEED_TIME, or a progress callback that aborts) before the transfer [prodready-missing-timeout]
  std::unique_ptr<CURL, void (*)(CURL *)> g(curl_easy_init(), curl_easy_cleanup);
  curl_easy_setopt(g.get(), CURLOPT_TIMEOUT, 3L);
  curl_easy_perform(g.get());
}

// A transfer in a lambda that captures the handle.
void in_lambda(void) {
  CURL *h = curl_easy_init();
  auto run = [&] { return curl_easy_perform(h); };
// CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'curl_easy_perform' on handle 'h' has no transfer timeout, so a server that stalls blocks this thread forever; set CURLOPT_TIMEOUT_MS (or CURLOPT_LOW_SPEED_LIMIT with CURLOPT_LOW_SPEED_TIME, or a progress callback that aborts) before the transfer [prodready-missing-timeout]
  run();
}

// Inside a project macro: reported where the macro is used.
#define PERFORM(h) curl_easy_perform(h)
void via_macro(void) {
  CURL *h = curl_easy_init();
  PERFORM(h);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'curl_easy_perform' on handle 'h' has no transfer timeout, so a server that stalls blocks this thread forever; set CURLOPT_TIMEOUT_MS (or CURLOPT_LOW_SPEED_LIMIT with CURLOPT_LOW_SPEED_TIME, or a progress callback that aborts) before the transfer [prodready-missing-timeout]
}
#endif
