// REQUIRES: curl
// Fix-its of prodready-missing-timeout on libcurl's real header: a transfer
// timeout (option DefaultTimeoutMs) inserted before the perform.
// RUN: rm -rf %t && mkdir -p %t
// RUN: ln -s /usr/include/x86_64-linux-gnu/curl %t/curl
// RUN: %check_prodready %s prodready-missing-timeout -- -std=c++17 -I%t --system-header-prefix=curl/
// RUN: %check_fixes -check-suffixes=,CXX %s prodready-missing-timeout %t/fixed -- -std=c++17 -I%t --system-header-prefix=curl/
// RUN: %check_fixes -check-suffixes=FIVE,CXX -config="{CheckOptions: {prodready-missing-timeout.DefaultTimeoutMs: 5000}}" %s prodready-missing-timeout %t/fixed-5s -- -std=c++17 -I%t --system-header-prefix=curl/ -DOPTION
// RUN: %check_fixes %s prodready-missing-timeout %t/fixed-c -- -x c -std=gnu11 -I%t --system-header-prefix=curl/ -DAS_C

#include <curl/curl.h>
#ifndef AS_C
#include <memory>
#endif

int fetch(const char *url) {
  CURL *curl = curl_easy_init();
  if (!curl)
    return -1;
  curl_easy_setopt(curl, CURLOPT_URL, url);
  CURLcode rc = curl_easy_perform(curl);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'curl_easy_perform' on handle 'curl' has no transfer timeout
  // CHECK-FIXES: curl_easy_setopt(curl, CURLOPT_URL, url);
  // CHECK-FIXES-NEXT: curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, {{30000|5000}}L);
  // CHECK-FIXES-NEXT: CURLcode rc = curl_easy_perform(curl);
  // CHECK-FIXES-FIVE: curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, 5000L);
  // CHECK-FIXES-FIVE-NEXT: CURLcode rc = curl_easy_perform(curl);
  // A second perform on the same handle is covered by the same timeout.
  if (curl_easy_perform(curl) != CURLE_OK)
    rc = CURLE_OK;
  // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: 'curl_easy_perform' on handle 'curl' has no transfer timeout
  curl_easy_cleanup(curl);
  return rc == CURLE_OK ? 0 : -1;
}

int fetch_connect_only(const char *url) {
  CURL *curl = curl_easy_init();
  curl_easy_setopt(curl, CURLOPT_URL, url);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, 2000L);
  if (url[0] == 'x') {
    if (curl_easy_perform(curl) != CURLE_OK)
      return -1;
    // CHECK-MESSAGES: :[[@LINE-2]]:9: warning: 'curl_easy_perform' on handle 'curl' has only a connect timeout
    // CHECK-FIXES: {{^}}    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, {{30000|5000}}L);
    // CHECK-FIXES-NEXT: {{^}}    if (curl_easy_perform(curl) != CURLE_OK)
  }
  curl_easy_cleanup(curl);
  return 0;
}

#ifndef AS_C
struct CurlDeleter {
  void operator()(CURL *c) const { curl_easy_cleanup(c); }
};

long fetch_owned(const char *url) {
  std::unique_ptr<CURL, CurlDeleter> handle(curl_easy_init());
  curl_easy_setopt(handle.get(), CURLOPT_URL, url);
  long status = curl_easy_perform(handle.get());
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'curl_easy_perform' on handle 'handle' has no transfer timeout
  // CHECK-FIXES-CXX: curl_easy_setopt(handle.get(), CURLOPT_TIMEOUT_MS, {{30000|5000}}L);
  // CHECK-FIXES-CXX-NEXT: long status = curl_easy_perform(handle.get());
  return status;
}

// The insertion goes after a case label (before it, it would never run),
// into a lambda's body, before a loop whose condition performs; a handle
// declared in the condition of the `if` that performs has no place before
// the statement: no fix-it.
int fetch_shapes(int mode, const char *url) {
  CURL *curl = curl_easy_init();
  curl_easy_setopt(curl, CURLOPT_URL, url);
  switch (mode) {
  case 1:
    curl_easy_perform(curl);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'curl_easy_perform' on handle 'curl' has no transfer timeout
    // CHECK-FIXES-CXX: {{^}}  case 1:
    // CHECK-FIXES-CXX-NEXT: {{^}}    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, {{30000|5000}}L);
    // CHECK-FIXES-CXX-NEXT: {{^}}    curl_easy_perform(curl);
    break;
  default:
    break;
  }
  auto run = [curl] { return curl_easy_perform(curl); };
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: 'curl_easy_perform' on handle 'curl' has no transfer timeout
  // CHECK-FIXES-CXX: auto run = [curl] { curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, {{30000|5000}}L); return curl_easy_perform(curl); };
  while (curl_easy_perform(curl) != CURLE_OK) {
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'curl_easy_perform' on handle 'curl' has no transfer timeout
    // CHECK-FIXES-CXX: {{^}}  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, {{30000|5000}}L);
    // CHECK-FIXES-CXX-NEXT: {{^}}  while (curl_easy_perform(curl) != CURLE_OK) {
  }
  if (CURL *other = curl_easy_init())
    curl_easy_perform(other);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'curl_easy_perform' on handle 'other' has no transfer timeout
  return run();
}
// CHECK-REMAINING-CXX: fixed-by-{{tidy|driver}}.cpp:{{[0-9]+}}:5: {{warning|error}}: 'curl_easy_perform' on handle 'other' has no transfer timeout
#endif
