// REQUIRES: nlohmann-json, jsoncpp
// Secrets looked up by key in the real nlohmann::json and jsoncpp documents
// (Debian's nlohmann-json3-dev and libjsoncpp-dev headers).
// RUN: %check_prodready %s prodready-secret-in-log -- -std=c++17 -I/usr/include/jsoncpp

#include <cstdio>
#include <iostream>
#include <json/json.h>
#include <nlohmann/json.hpp>
#include <string>

void jsoncpp_lookups(const Json::Value &root) {
  std::cout << "token " << root["token"].asString() << "\n";
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: secret '["token"]' is written to a log by 'std::cout', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-2]]:28: note: secret '["token"]' comes from here
  std::string password = root["db"]["password"].asString();
  printf("connecting with %s\n", password.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: secret 'password' is written to a log by 'printf', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // Other keys, and facts about the token rather than the token.
  std::cout << root["user"].asString() << root["token_type"].asString()
            << root["token"].isString() << root["expires_in"].asInt() << "\n";
}

void nlohmann_lookups(const nlohmann::json &j) {
  std::cerr << j["password"] << "\n";
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: secret '["password"]' is written to a log by 'std::cerr', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  std::cerr << j.at("api_key").get<std::string>() << "\n";
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: secret 'at("api_key")' is written to a log by 'std::cerr', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  std::string secret = j.value("secret", "");
  printf("%s\n", secret.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: secret 'secret' is written to a log by 'printf', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  std::cout << j.dump() << j["user"] << j.value("next_page_token", "")
            << j.at("tokens_used").get<int>() << "\n";
}
