// REQUIRES: httplib
// RUN: rm -rf %t && mkdir -p %t
// RUN: ln -s /usr/include/httplib.h %t/httplib.h
// RUN: %check_prodready %s prodready-hardcoded-secret -config="{CheckOptions: {prodready-hardcoded-secret.TestFileRegex: '_test\.cpp$'}}" -- -std=c++20 -I%t --system-header-prefix=httplib.h

// cpp-httplib's real header: credentials passed to its auth setters are
// arguments for parameters named password / token.

#include <httplib.h>

int fetch() {
  httplib::Client cli("https://api.example.com");
  cli.set_basic_auth("svc", "Pa55word-2024");
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: the argument for parameter 'password' of 'httplib::Client::set_basic_auth' is a hard-coded credential (Pa5****); anyone who can read the source or the binary has it and rotating it takes a release; load it at run time from a secret store or the environment [prodready-hardcoded-secret]
  cli.set_bearer_token_auth("0123456789abcdef0123");
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: the argument for parameter 'token' of 'httplib::Client::set_bearer_token_auth' is a hard-coded credential (0123****)
  httplib::Headers headers = {{"X-Api-Key", "a9b8c7d6e5f4"}};
  // CHECK-MESSAGES: :[[@LINE-1]]:45: warning: the value for key 'X-Api-Key' is a hard-coded credential (a9b****)
  auto res = cli.Get("/v1/items", headers);
  return res ? res->status : -1;
}
