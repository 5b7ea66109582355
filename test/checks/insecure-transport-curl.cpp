// RUN: %check_prodready %s prodready-insecure-transport
// RUN: %check_prodready -check-suffix=C %s prodready-insecure-transport -- -x c -std=c11 -DAS_C

// libcurl: VERIFYPEER / VERIFYHOST (and the proxy and DoH variants) set to any
// spelling of zero, and literal http:// URLs given to CURLOPT_URL. The second
// RUN line compiles this file as C, where curl_easy_setopt is curl's
// type-checking statement-expression macro.

#include <curl/curl.h>

#ifdef AS_C
#define false 0
typedef int bool;
static const long kNoVerify = 0;
#else
constexpr long kNoVerify = 0;
#endif
static const bool kVerifyPeer = false;
enum { VerifyOff = 0, VerifyOn = 1 };
#define MY_SETOPT(h, o, v) curl_easy_setopt(h, o, v)

void verification(CURL *h, bool flag, long level) {
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 0L);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: CURLOPT_SSL_VERIFYPEER set to 0 turns off certificate verification of the server, so a man-in-the-middle can read and alter the traffic; keep the default (1) and point libcurl at a CA bundle (CURLOPT_CAINFO) for private certificates [prodready-insecure-transport]
  // CHECK-MESSAGES-C: :[[@LINE-2]]:3: warning: CURLOPT_SSL_VERIFYPEER set to 0 turns off certificate verification of the server, so a man-in-the-middle can read and alter the traffic; keep the default (1) and point libcurl at a CA bundle (CURLOPT_CAINFO) for private certificates [prodready-insecure-transport]
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: CURLOPT_SSL_VERIFYPEER set to 0 turns off certificate verification
  // CHECK-MESSAGES-C: :[[@LINE-2]]:3: warning: CURLOPT_SSL_VERIFYPEER set to 0 turns off certificate verification
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, false);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: CURLOPT_SSL_VERIFYPEER set to 0 turns off certificate verification
  // CHECK-MESSAGES-C: :[[@LINE-2]]:3: warning: CURLOPT_SSL_VERIFYPEER set to 0 turns off certificate verification
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, kVerifyPeer);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: CURLOPT_SSL_VERIFYPEER set to 0 turns off certificate verification
  // CHECK-MESSAGES-C: :[[@LINE-2]]:3: warning: CURLOPT_SSL_VERIFYPEER set to 0 turns off certificate verification
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 0L);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: CURLOPT_SSL_VERIFYHOST set to 0 turns off host-name verification of the server, so a man-in-the-middle can read and alter the traffic; keep the default (2) and point libcurl at a CA bundle (CURLOPT_CAINFO) for private certificates [prodready-insecure-transport]
  // CHECK-MESSAGES-C: :[[@LINE-2]]:3: warning: CURLOPT_SSL_VERIFYHOST set to 0 turns off host-name verification of the server
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, kNoVerify);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: CURLOPT_SSL_VERIFYHOST set to 0 turns off host-name verification
  // CHECK-MESSAGES-C: :[[@LINE-2]]:3: warning: CURLOPT_SSL_VERIFYHOST set to 0 turns off host-name verification
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, (long)VerifyOff);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: CURLOPT_SSL_VERIFYHOST set to 0 turns off host-name verification
  // CHECK-MESSAGES-C: :[[@LINE-2]]:3: warning: CURLOPT_SSL_VERIFYHOST set to 0 turns off host-name verification
  curl_easy_setopt(h, CURLOPT_PROXY_SSL_VERIFYPEER, 0L);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: CURLOPT_PROXY_SSL_VERIFYPEER set to 0 turns off certificate verification of the HTTPS proxy, so a man-in-the-middle can read and alter the traffic; keep the default (1) and point libcurl at a CA bundle (CURLOPT_CAINFO) for private certificates [prodready-insecure-transport]
  // CHECK-MESSAGES-C: :[[@LINE-2]]:3: warning: CURLOPT_PROXY_SSL_VERIFYPEER set to 0 turns off certificate verification of the HTTPS proxy
  curl_easy_setopt(h, CURLOPT_PROXY_SSL_VERIFYHOST, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: CURLOPT_PROXY_SSL_VERIFYHOST set to 0 turns off host-name verification of the HTTPS proxy, so a man-in-the-middle can read and alter the traffic; keep the default (2) and point libcurl at a CA bundle (CURLOPT_CAINFO) for private certificates [prodready-insecure-transport]
  // CHECK-MESSAGES-C: :[[@LINE-2]]:3: warning: CURLOPT_PROXY_SSL_VERIFYHOST set to 0 turns off host-name verification of the HTTPS proxy
  curl_easy_setopt(h, CURLOPT_DOH_SSL_VERIFYPEER, 0L);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: CURLOPT_DOH_SSL_VERIFYPEER set to 0 turns off certificate verification of the DNS-over-HTTPS server
  // CHECK-MESSAGES-C: :[[@LINE-2]]:3: warning: CURLOPT_DOH_SSL_VERIFYPEER set to 0 turns off certificate verification of the DNS-over-HTTPS server
  curl_easy_setopt(h, CURLOPT_SSLKEYPASSWD == CURLOPT_KEYPASSWD ? CURLOPT_SSL_VERIFYPEER : CURLOPT_URL, 0L);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: CURLOPT_SSL_VERIFYPEER set to 0 turns off certificate verification
  // CHECK-MESSAGES-C: :[[@LINE-2]]:3: warning: CURLOPT_SSL_VERIFYPEER set to 0 turns off certificate verification
  MY_SETOPT(h, CURLOPT_SSL_VERIFYPEER, 0L);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: CURLOPT_SSL_VERIFYPEER set to 0 turns off certificate verification
  // CHECK-MESSAGES-C: :[[@LINE-2]]:3: warning: CURLOPT_SSL_VERIFYPEER set to 0 turns off certificate verification

  // Verification on, or decided at run time: not reported.
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, (long)VerifyOn);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, flag);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, level);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, flag ? 1L : 0L);
  // Other options set to 0: not this rule's business.
  curl_easy_setopt(h, CURLOPT_VERBOSE, 0L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYSTATUS, 0L);
}

void urls(CURL *h, const char *configured) {
  curl_easy_setopt(h, CURLOPT_URL, "http://api.example.com/v1/items");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: plain-text URL 'http://api.example.com' given to CURLOPT_URL sends the request, its credentials and the response unencrypted and unauthenticated, open to eavesdropping and tampering; use https:// [prodready-insecure-transport]
  // CHECK-MESSAGES-C: :[[@LINE-2]]:3: warning: plain-text URL 'http://api.example.com' given to CURLOPT_URL sends the request
  curl_easy_setopt(h, CURLOPT_URL, "HTTP://10.0.0.7:8080/metrics");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: plain-text URL 'http://10.0.0.7' given to CURLOPT_URL
  // CHECK-MESSAGES-C: :[[@LINE-2]]:3: warning: plain-text URL 'http://10.0.0.7' given to CURLOPT_URL
  curl_easy_setopt(h, CURLOPT_URL, "http://user@[2001:db8::1]/x");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: plain-text URL 'http://2001:db8::1' given to CURLOPT_URL
  // CHECK-MESSAGES-C: :[[@LINE-2]]:3: warning: plain-text URL 'http://2001:db8::1' given to CURLOPT_URL

  // TLS, loopback, metadata services, and URLs not known at compile time.
  curl_easy_setopt(h, CURLOPT_URL, "https://api.example.com/v1/items");
  curl_easy_setopt(h, CURLOPT_URL, "http://localhost:8080/health");
  curl_easy_setopt(h, CURLOPT_URL, "http://LOCALHOST/health");
  curl_easy_setopt(h, CURLOPT_URL, "http://svc.localhost/health");
  curl_easy_setopt(h, CURLOPT_URL, "http://127.0.0.1:9000/");
  curl_easy_setopt(h, CURLOPT_URL, "http://127.12.0.3/");
  curl_easy_setopt(h, CURLOPT_URL, "http://[::1]:8080/");
  curl_easy_setopt(h, CURLOPT_URL, "http://169.254.169.254/latest/meta-data/");
  curl_easy_setopt(h, CURLOPT_URL, "http://metadata.google.internal/computeMetadata/v1/");
  curl_easy_setopt(h, CURLOPT_URL, configured);
  // A proxy is commonly reached over http:// (HTTPS is tunnelled through it).
  curl_easy_setopt(h, CURLOPT_PROXY, "http://proxy.example.com:3128");
}

// Found on curl's docs/examples/unixsocket.c: http:// over a Unix domain
// socket never leaves the machine.
void unix_socket(CURL *h, CURL *other) {
  curl_easy_setopt(h, CURLOPT_UNIX_SOCKET_PATH, "/run/docker.sock");
  curl_easy_setopt(h, CURLOPT_URL, "http://docker/v1.41/containers/json");
  curl_easy_setopt(other, CURLOPT_URL, "http://docker.example.com/v1.41/info");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: plain-text URL 'http://docker.example.com' given to CURLOPT_URL
  // CHECK-MESSAGES-C: :[[@LINE-2]]:3: warning: plain-text URL 'http://docker.example.com' given to CURLOPT_URL
}

// A verification setting implemented with if/else: not reported; a one-armed
// opt-out (like curl's own --insecure) is.
void toggle(CURL *h, bool verify, bool insecure) {
  if (verify) {
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
  } else {
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 0L);
  }
  if (insecure)
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 0L);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: CURLOPT_SSL_VERIFYHOST set to 0 turns off host-name verification
  // CHECK-MESSAGES-C: :[[@LINE-2]]:5: warning: CURLOPT_SSL_VERIFYHOST set to 0 turns off host-name verification
}

#ifndef AS_C
// In a template: reported once, however often it is instantiated.
template <typename T> void templated(CURL *h, T) {
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 0L);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: CURLOPT_SSL_VERIFYPEER set to 0 turns off certificate verification
  curl_easy_setopt(h, CURLOPT_URL, "http://templated.example.com/");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: plain-text URL 'http://templated.example.com' given to CURLOPT_URL
}
void instantiate(CURL *h) {
  templated(h, 1);
  templated(h, 1.0);
}
#endif
