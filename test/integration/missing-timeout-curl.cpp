// REQUIRES: curl
// The stub directory comes first on the include path, so the real headers are
// reached through a symlink in a -I directory marked as system headers.
// RUN: rm -rf %t && mkdir -p %t
// RUN: ln -s /usr/include/x86_64-linux-gnu/curl %t/curl
// RUN: %check_prodready %s prodready-missing-timeout -- -std=c++20 -I%t --system-header-prefix=curl/
// RUN: %check_prodready -check-suffix=C %s prodready-missing-timeout -- -x c -std=gnu11 -I%t --system-header-prefix=curl/ -DAS_C

// libcurl's real header: in C++ curl_easy_setopt is a macro that expands to
// the same call; in C it is curl's typecheck-gcc.h statement expression.

#include <curl/curl.h>

static size_t discard(char *data, size_t size, size_t n, void *user) { return size * n; }

int fetch_without_timeout(const char *url) {
  CURL *curl = curl_easy_init();
  if (!curl)
    return -1;
  curl_easy_setopt(curl, CURLOPT_URL, url);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, discard);
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
  CURLcode rc = curl_easy_perform(curl);
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'curl_easy_perform' on handle 'curl' has no transfer timeout, so a server that stalls blocks this thread forever; set CURLOPT_TIMEOUT_MS (or CURLOPT_LOW_SPEED_LIMIT with CURLOPT_LOW_SPEED_TIME, or a progress callback that aborts) before the transfer [prodready-missing-timeout]
// CHECK-MESSAGES-C: :[[@LINE-2]]:17: warning: 'curl_easy_perform' on handle 'curl' has no transfer timeout, so a server that stalls blocks this thread forever; set CURLOPT_TIMEOUT_MS (or CURLOPT_LOW_SPEED_LIMIT with CURLOPT_LOW_SPEED_TIME, or a progress callback that aborts) before the transfer [prodready-missing-timeout]
  curl_easy_cleanup(curl);
  return rc == CURLE_OK ? 0 : -1;
}

int fetch_connect_timeout(const char *url) {
  CURL *curl = curl_easy_init();
  curl_easy_setopt(curl, CURLOPT_URL, url);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, 2000L);
  CURLcode rc = curl_easy_perform(curl);
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'curl_easy_perform' on handle 'curl' has only a connect timeout, which does not bound the transfer, so a server that stalls after connecting blocks this thread forever; also set CURLOPT_TIMEOUT_MS (or CURLOPT_LOW_SPEED_LIMIT with CURLOPT_LOW_SPEED_TIME) [prodready-missing-timeout]
// CHECK-MESSAGES-C: :[[@LINE-2]]:17: warning: 'curl_easy_perform' on handle 'curl' has only a connect timeout, which does not bound the transfer, so a server that stalls after connecting blocks this thread forever; also set CURLOPT_TIMEOUT_MS (or CURLOPT_LOW_SPEED_LIMIT with CURLOPT_LOW_SPEED_TIME) [prodready-missing-timeout]
  curl_easy_cleanup(curl);
  return (int)rc;
}

int fetch_disabled_timeout(const char *url) {
  CURL *curl = curl_easy_init();
  curl_easy_setopt(curl, CURLOPT_URL, url);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 0L);
// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: CURLOPT_TIMEOUT set to 0 disables libcurl's transfer timeout, so a server that stalls blocks the transfer forever; set a positive timeout [prodready-missing-timeout]
// CHECK-MESSAGES-C: :[[@LINE-2]]:3: warning: CURLOPT_TIMEOUT set to 0 disables libcurl's transfer timeout, so a server that stalls blocks the transfer forever; set a positive timeout [prodready-missing-timeout]
  CURLcode rc = curl_easy_perform(curl);
  curl_easy_cleanup(curl);
  return (int)rc;
}

static void common_options(CURL *curl) {
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, 10000L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
}

int fetch_with_timeout(const char *url) {
  CURL *curl = curl_easy_init();
  common_options(curl);
  curl_easy_setopt(curl, CURLOPT_URL, url);
  CURLcode rc = curl_easy_perform(curl);
  curl_easy_cleanup(curl);
  CURL *slow = curl_easy_init();
  curl_easy_setopt(slow, CURLOPT_LOW_SPEED_LIMIT, 100L);
  curl_easy_setopt(slow, CURLOPT_LOW_SPEED_TIME, 30L);
  curl_easy_perform(slow);
  curl_easy_cleanup(slow);
  return (int)rc;
}

#ifndef AS_C
#include <memory>
#include <string>

class HttpClient {
public:
  HttpClient() : curl_(curl_easy_init(), curl_easy_cleanup) {}
  void set_timeout(long ms) { curl_easy_setopt(curl_.get(), CURLOPT_TIMEOUT_MS, ms); }
  CURLcode get(const std::string &url) {
    curl_easy_setopt(curl_.get(), CURLOPT_URL, url.c_str());
    return curl_easy_perform(curl_.get());
  }

private:
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl_;
};

class BareClient {
public:
  BareClient() : curl_(curl_easy_init()) {}
  CURLcode get(const std::string &url) {
    curl_easy_setopt(curl_, CURLOPT_URL, url.c_str());
    return curl_easy_perform(curl_);
// CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'curl_easy_perform' on handle 'curl_' has no transfer timeout, so a server that stalls blocks this thread forever; set CURLOPT_TIMEOUT_MS (or CURLOPT_LOW_SPEED_LIMIT with CURLOPT_LOW_SPEED_TIME, or a progress callback that aborts) before the transfer [prodready-missing-timeout]
  }

private:
  CURL *curl_;
};
#endif
