// REQUIRES: curl
// The stub directory comes first on the include path, so the real headers are
// reached through symlinks in a -I directory marked as system headers.
// RUN: rm -rf %t && mkdir -p %t
// RUN: ln -s /usr/include/x86_64-linux-gnu/curl %t/curl
// RUN: %check_prodready %s prodready-insecure-transport -- -std=c++20 -I%t --system-header-prefix=curl/
// RUN: %check_prodready -check-suffix=C %s prodready-insecure-transport -- -x c -std=gnu11 -I%t --system-header-prefix=curl/

// libcurl's real header: in C++ curl_easy_setopt is a macro expanding to the
// same call; in C it is curl's typecheck-gcc.h statement expression.

#include <curl/curl.h>

#ifdef __cplusplus
constexpr long kOff = 0;
#else
static const long kOff = 0;
#endif

int fetch(void) {
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, "http://api.example.com/v1");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: plain-text URL 'http://api.example.com' given to CURLOPT_URL sends the request, its credentials and the response unencrypted and unauthenticated, open to eavesdropping and tampering; use https:// [prodready-insecure-transport]
  // CHECK-MESSAGES-C: :[[@LINE-2]]:3: warning: plain-text URL 'http://api.example.com' given to CURLOPT_URL
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 0L);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: CURLOPT_SSL_VERIFYPEER set to 0 turns off certificate verification of the server, so a man-in-the-middle can read and alter the traffic; keep the default (1) and point libcurl at a CA bundle (CURLOPT_CAINFO) for private certificates [prodready-insecure-transport]
  // CHECK-MESSAGES-C: :[[@LINE-2]]:3: warning: CURLOPT_SSL_VERIFYPEER set to 0 turns off certificate verification of the server
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, kOff);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: CURLOPT_SSL_VERIFYHOST set to 0 turns off host-name verification of the server
  // CHECK-MESSAGES-C: :[[@LINE-2]]:3: warning: CURLOPT_SSL_VERIFYHOST set to 0 turns off host-name verification of the server
  curl_easy_setopt(h, CURLOPT_PROXY_SSL_VERIFYPEER, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: CURLOPT_PROXY_SSL_VERIFYPEER set to 0 turns off certificate verification of the HTTPS proxy
  // CHECK-MESSAGES-C: :[[@LINE-2]]:3: warning: CURLOPT_PROXY_SSL_VERIFYPEER set to 0 turns off certificate verification of the HTTPS proxy
  curl_easy_setopt(h, CURLOPT_PROXY_SSL_VERIFYHOST, 0L);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: CURLOPT_PROXY_SSL_VERIFYHOST set to 0 turns off host-name verification of the HTTPS proxy
  // CHECK-MESSAGES-C: :[[@LINE-2]]:3: warning: CURLOPT_PROXY_SSL_VERIFYHOST set to 0 turns off host-name verification of the HTTPS proxy

  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(h, CURLOPT_URL, "https://api.example.com/v1");
  curl_easy_setopt(h, CURLOPT_URL, "http://localhost:8080/v1");
  curl_easy_setopt(h, CURLOPT_TIMEOUT, 10L);
  CURLcode rc = curl_easy_perform(h);
  curl_easy_cleanup(h);
  return rc == CURLE_OK;
}
