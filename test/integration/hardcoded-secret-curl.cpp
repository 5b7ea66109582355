// REQUIRES: curl
// The stub directory comes first on the include path, so the real header is
// reached through a symlink in a -I directory marked as system headers.
// RUN: rm -rf %t && mkdir -p %t
// RUN: ln -s /usr/include/x86_64-linux-gnu/curl %t/curl
// RUN: %check_prodready %s prodready-hardcoded-secret -config="{CheckOptions: {prodready-hardcoded-secret.TestFileRegex: '_test\.cpp$'}}" -- -std=c++20 -I%t --system-header-prefix=curl/
// RUN: %check_prodready -check-suffix=C %s prodready-hardcoded-secret -config="{CheckOptions: {prodready-hardcoded-secret.TestFileRegex: '_test\.cpp$'}}" -- -x c -std=gnu11 -I%t --system-header-prefix=curl/

// libcurl's real header: in C curl_easy_setopt is typecheck-gcc.h's
// statement expression, which names the option through a local.

#include <curl/curl.h>

void configure(CURL *h) {
  curl_easy_setopt(h, CURLOPT_USERPWD, "svc:Pa55word");
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: the CURLOPT_USERPWD value is a hard-coded credential (svc****); anyone who can read the source or the binary has it and rotating it takes a release; load it at run time from a secret store or the environment [prodready-hardcoded-secret]
  // CHECK-MESSAGES-C: :[[@LINE-2]]:40: warning: the CURLOPT_USERPWD value is a hard-coded credential (svc****)
  curl_easy_setopt(h, CURLOPT_XOAUTH2_BEARER, "ya29.a0AfH6SMBx");
  // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: the CURLOPT_XOAUTH2_BEARER value is a hard-coded credential (ya2****)
  // CHECK-MESSAGES-C: :[[@LINE-2]]:47: warning: the CURLOPT_XOAUTH2_BEARER value is a hard-coded credential (ya2****)
  curl_easy_setopt(h, CURLOPT_SSLCERTPASSWD, "c3rt-pass");
  // CHECK-MESSAGES: :[[@LINE-1]]:46: warning: the CURLOPT_KEYPASSWD value is a hard-coded credential (c3****)
  // CHECK-MESSAGES-C: :[[@LINE-2]]:46: warning: the CURLOPT_KEYPASSWD value is a hard-coded credential (c3****)
  struct curl_slist *headers = curl_slist_append(NULL, "Authorization: Bearer 0123456789abcdef0123");
  // CHECK-MESSAGES: :[[@LINE-1]]:56: warning: Authorization header literal carries a hard-coded token (Auth****)
  // CHECK-MESSAGES-C: :[[@LINE-2]]:56: warning: Authorization header literal carries a hard-coded token (Auth****)
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);

  curl_easy_setopt(h, CURLOPT_USERPWD, ":");
  curl_easy_setopt(h, CURLOPT_USERNAME, "svc-account");
  curl_easy_setopt(h, CURLOPT_URL, "https://api.example.com/v1");
}
