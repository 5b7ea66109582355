// RUN: %check_prodready %s prodready-hardcoded-secret -config="{CheckOptions: {prodready-hardcoded-secret.TestFileRegex: '_test\.cpp$'}}"
// RUN: %check_prodready -check-suffix=C %s prodready-hardcoded-secret -config="{CheckOptions: {prodready-hardcoded-secret.TestFileRegex: '_test\.cpp$'}}" -- -x c -std=c11

// libcurl credential options given a literal, in C++ and (second RUN line) in
// C, where curl_easy_setopt is curl's type-checking macro.

#include <curl/curl.h>

void configure(CURL *h, const char *user_password) {
  curl_easy_setopt(h, CURLOPT_USERPWD, "svc:Pa55word");
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: the CURLOPT_USERPWD value is a hard-coded credential (svc****); anyone who can read the source or the binary has it and rotating it takes a release; load it at run time from a secret store or the environment [prodready-hardcoded-secret]
  // CHECK-MESSAGES-C: :[[@LINE-2]]:40: warning: the CURLOPT_USERPWD value is a hard-coded credential (svc****); anyone who can read
  curl_easy_setopt(h, CURLOPT_PASSWORD, "hunter2");
  // CHECK-MESSAGES: :[[@LINE-1]]:41: warning: the CURLOPT_PASSWORD value is a hard-coded credential (h****); anyone who can read
  // CHECK-MESSAGES-C: :[[@LINE-2]]:41: warning: the CURLOPT_PASSWORD value is a hard-coded credential (h****)
  curl_easy_setopt(h, CURLOPT_PROXYUSERPWD, "proxy:pr0xy-pw");
  // CHECK-MESSAGES: :[[@LINE-1]]:45: warning: the CURLOPT_PROXYUSERPWD value is a hard-coded credential (pro****)
  // CHECK-MESSAGES-C: :[[@LINE-2]]:45: warning: the CURLOPT_PROXYUSERPWD value is a hard-coded credential (pro****)
  curl_easy_setopt(h, CURLOPT_PROXYPASSWORD, "pr0xy");
  // CHECK-MESSAGES: :[[@LINE-1]]:46: warning: the CURLOPT_PROXYPASSWORD value is a hard-coded credential (p****)
  // CHECK-MESSAGES-C: :[[@LINE-2]]:46: warning: the CURLOPT_PROXYPASSWORD value is a hard-coded credential (p****)
  curl_easy_setopt(h, CURLOPT_XOAUTH2_BEARER, "ya29.a0AfH6SMBx");
  // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: the CURLOPT_XOAUTH2_BEARER value is a hard-coded credential (ya2****)
  // CHECK-MESSAGES-C: :[[@LINE-2]]:47: warning: the CURLOPT_XOAUTH2_BEARER value is a hard-coded credential (ya2****)
  curl_easy_setopt(h, CURLOPT_KEYPASSWD, "k3y-pass");
  // CHECK-MESSAGES: :[[@LINE-1]]:42: warning: the CURLOPT_KEYPASSWD value is a hard-coded credential (k3****)
  // CHECK-MESSAGES-C: :[[@LINE-2]]:42: warning: the CURLOPT_KEYPASSWD value is a hard-coded credential (k3****)
  curl_easy_setopt(h, CURLOPT_SSLKEYPASSWD, "k3y-pass2");
  // CHECK-MESSAGES: :[[@LINE-1]]:45: warning: the CURLOPT_KEYPASSWD value is a hard-coded credential (k3****)
  // CHECK-MESSAGES-C: :[[@LINE-2]]:45: warning: the CURLOPT_KEYPASSWD value is a hard-coded credential (k3****)

  // Not reported: ":" (use the current user's Kerberos/NTLM credentials),
  // a user name alone, placeholders, values known only at run time, other
  // options.
  curl_easy_setopt(h, CURLOPT_USERPWD, ":");
  curl_easy_setopt(h, CURLOPT_USERPWD, "anonymous:");
  curl_easy_setopt(h, CURLOPT_PASSWORD, "");
  curl_easy_setopt(h, CURLOPT_PASSWORD, "<password>");
  curl_easy_setopt(h, CURLOPT_PASSWORD, "DB_PASSWORD");
  curl_easy_setopt(h, CURLOPT_USERPWD, user_password);
  // The stand-ins of documentation examples (curl's docs/examples use them).
  curl_easy_setopt(h, CURLOPT_PASSWORD, "secret");
  curl_easy_setopt(h, CURLOPT_USERPWD, "user:password");
  curl_easy_setopt(h, CURLOPT_USERPWD, "login:secret");
  curl_easy_setopt(h, CURLOPT_USERNAME, "svc-account");
  curl_easy_setopt(h, CURLOPT_CAINFO, "/etc/ssl/certs/ca.pem");
}
