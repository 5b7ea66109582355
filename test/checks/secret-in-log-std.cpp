// RUN: %check_prodready %s prodready-secret-in-log -- -std=c++23

// C++20 std::format and C++23 std::print / std::println.
#include <cstdio>
#include <format>
#include <iostream>
#include <print>
#include <string>

void std_sinks(const std::string &bearer_token, std::FILE *file) {
  std::print("auth {}\n", bearer_token);
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: secret 'bearer_token' is written to a log by 'std::print', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-3]]:35: note: secret 'bearer_token' comes from here
  std::println(stderr, "auth {}", bearer_token);
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: secret 'bearer_token' is written to a log by 'std::println', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-6]]:35: note: secret 'bearer_token' comes from here
  std::println(std::cerr, "auth {}", bearer_token);
  // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: secret 'bearer_token' is written to a log by 'std::println', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-9]]:35: note: secret 'bearer_token' comes from here
  std::string header = std::format("Authorization: Bearer {}", bearer_token);
  std::cout << header;
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: secret 'bearer_token' is written to a log by 'std::cout', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-13]]:35: note: secret 'bearer_token' comes from here
  // CHECK-MESSAGES: :[[@LINE-4]]:15: note: secret flows into 'header' here
  std::print(file, "{}", bearer_token); // a file, not a log
  std::println("token length {}", bearer_token.size());
}
