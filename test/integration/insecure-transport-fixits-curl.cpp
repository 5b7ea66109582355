// REQUIRES: curl
// Fix-its of prodready-insecure-transport on libcurl's real header (where
// curl_easy_setopt is a macro), applied by clang-tidy --fix and prodready --fix.
// RUN: rm -rf %t && mkdir -p %t
// RUN: ln -s /usr/include/x86_64-linux-gnu/curl %t/curl
// RUN: %check_prodready %s prodready-insecure-transport -- -std=c++17 -I%t --system-header-prefix=curl/
// RUN: %check_fixes %s prodready-insecure-transport %t/fixed -- -std=c++17 -I%t --system-header-prefix=curl/

#include <curl/curl.h>

#define VERIFY_OFF 0L
#define NO_PEER_CHECK(h) curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 0L)

void insecure(CURL *curl) {
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 0L);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: CURLOPT_SSL_VERIFYPEER set to 0 turns off certificate verification
  // CHECK-FIXES: curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: CURLOPT_SSL_VERIFYHOST set to 0 turns off host-name verification
  // CHECK-FIXES: curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(curl, CURLOPT_PROXY_SSL_VERIFYPEER, VERIFY_OFF);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: CURLOPT_PROXY_SSL_VERIFYPEER set to 0 turns off certificate verification of the HTTPS proxy
  // CHECK-FIXES: curl_easy_setopt(curl, CURLOPT_PROXY_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(curl, CURLOPT_URL, "http://api.example.com/v1/items");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: plain-text URL 'http://api.example.com' given to CURLOPT_URL
  // CHECK-FIXES: curl_easy_setopt(curl, CURLOPT_URL, "https://api.example.com/v1/items");
}

// No fix-it where the text is a macro's body, or where https is not
// certain to reach the same server (an explicit port).
void not_fixed(CURL *curl, CURL *other) {
  NO_PEER_CHECK(curl);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: CURLOPT_SSL_VERIFYPEER set to 0 turns off certificate verification
  // CHECK-FIXES: NO_PEER_CHECK(curl);
  curl_easy_setopt(other, CURLOPT_URL, "http://api.example.com:8080/v1");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: plain-text URL 'http://api.example.com' given to CURLOPT_URL
  // CHECK-FIXES: curl_easy_setopt(other, CURLOPT_URL, "http://api.example.com:8080/v1");
}
// CHECK-REMAINING: fixed-by-{{tidy|driver}}.cpp:{{[0-9]+}}:3: {{warning|error}}: CURLOPT_SSL_VERIFYPEER set to 0
// CHECK-REMAINING: fixed-by-{{tidy|driver}}.cpp:{{[0-9]+}}:3: {{warning|error}}: plain-text URL 'http://api.example.com'
