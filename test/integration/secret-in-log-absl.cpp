// REQUIRES: absl
// Against Debian's real Abseil string formatting (absl/strings). Debian
// bookworm's Abseil (20220623) predates absl/log, whose LOG() is covered by
// the stub test test/checks/secret-in-log-absl.cpp.
// RUN: rm -rf %t && mkdir -p %t
// RUN: ln -s /usr/include/absl %t/absl
// RUN: %check_prodready %s prodready-secret-in-log -- -std=c++20 -I%t --system-header-prefix=absl/

#include <absl/strings/str_cat.h>
#include <absl/strings/str_format.h>
#include <absl/strings/str_join.h>
#include <iostream>
#include <string>
#include <vector>

void absl_flows(const std::string &user, const std::string &api_token) {
  std::string a = absl::StrCat("user=", user, " token=", api_token);
  std::cerr << a << '\n';
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: secret 'api_token' is written to a log by 'std::cerr', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-4]]:61: note: secret 'api_token' comes from here
  // CHECK-MESSAGES: :[[@LINE-4]]:15: note: secret flows into 'a' here
  std::cout << absl::StrFormat("token=%s", api_token) << '\n';
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: secret 'api_token' is written to a log by 'std::cout', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-8]]:61: note: secret 'api_token' comes from here
  absl::PrintF("token=%s\n", api_token);
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: secret 'api_token' is written to a log by 'absl::PrintF', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-11]]:61: note: secret 'api_token' comes from here
  std::string b = "x";
  absl::StrAppend(&b, api_token);
  std::clog << b;
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: secret 'api_token' is written to a log by 'std::clog', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-16]]:61: note: secret 'api_token' comes from here
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: secret is copied into 'b' by 'StrAppend' here
  std::cout << absl::StrFormat("token length %d", api_token.size()) << '\n';
}
