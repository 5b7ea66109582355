// RUN: %check_prodready %s prodready-secret-in-log
// Reduced from findings judged on real code (issue 14 §3/§4, RULES.md
// revisions 2026-12-01): names that are not credentials, values that carry
// no secret at the log point, labels that announce one, keyed lookups.

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <glog/logging.h>
#include <spdlog/spdlog.h>

// Stand-ins for the document types of jsoncpp and nlohmann::json (the real
// headers are in test/integration/secret-in-log-json.cpp).
namespace Json {
class Value {
public:
  Value &operator[](const char *key);
  const Value &operator[](const char *key) const;
  std::string asString() const;
  const char *asCString() const;
  int asInt() const;
  bool isString() const;
  bool isMember(const char *key) const;
};
class Reader {
public:
  bool parse(const std::string &text, Value &root);
};
std::istream &operator>>(std::istream &in, Value &root);
} // namespace Json

namespace nlohmann {
class basic_json {
public:
  basic_json &operator[](const char *key);
  basic_json &at(const char *key);
  std::string value(const char *key, const char *fallback) const;
  template <typename T> T get() const;
  std::string dump() const;
};
using json = basic_json;
} // namespace nlohmann

struct Config {
  template <typename T> T get(const char *key) const;
};

std::string read_line();
std::string fetch_value();
void read_into(std::string &out);

//===--- 1. Names that are not credentials --------------------------------===//

struct ListResponse {
  std::string next_page_token;
  std::string continuation_token;
  std::string nextToken;
  std::string page_token;
};

void pagination(const ListResponse &r, const std::string &csrf_token,
                const std::string &nonce, const std::string &oauth_state,
                const std::string &resume_token, const std::string &cursor) {
  spdlog::info("next page {}", r.next_page_token);
  spdlog::info("continue from {}", r.continuation_token);
  std::cout << "next: " << r.nextToken << " page: " << r.page_token << "\n";
  LOG(INFO) << "csrf " << csrf_token << " nonce " << nonce << " state "
            << oauth_state;
  printf("resume at %s after %s\n", resume_token.c_str(), cursor.c_str());
  // A stop-listed name under a "token:" label is still no credential
  // (reduced from s3fuse's list reader).
  printf("token: %s\n", r.continuation_token.c_str());
}

void token_accounting(const std::string &token_type, long tokens_used,
                      int max_tokens, const std::string &completion_tokens) {
  spdlog::info("type {} used {} max {} completion {}", token_type, tokens_used,
               max_tokens, completion_tokens);
}

//===--- 2. The value at the log point carries no secret ------------------===//

void reaching_definitions(int uid, bool remember) {
  std::string token_key = "utoken_" + std::to_string(uid);
  LOG(INFO) << "cache key " << token_key;

  std::string password;
  std::cout << "password is empty: " << password << "\n";

  std::string token = "";
  if (remember)
    std::cout << "no token yet: " << token << "\n";

  const char *secret = "none";
  printf("secret: %s\n", secret);

  std::string api_key = "N/A";
  spdlog::warn("api key {}", api_key);

  std::ostringstream os;
  os << "session_" << uid;
  std::string session_key = os.str();
  spdlog::debug("session key {}", session_key);

  std::string token_pattern = "[A-Za-z0-9_-]{20,}";
  spdlog::debug("token pattern {}", token_pattern);
}

void reaching_definitions_that_do_carry(bool retry) {
  std::string token;
  std::getline(std::cin, token);
  spdlog::info("token {}", token);
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: secret 'token' is written to a log by 'spdlog::info', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]

  std::string password = "";
  if (retry)
    password = read_line();
  LOG(INFO) << "password " << password;
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: secret 'password' is written to a log by 'LOG', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]

  std::string api_key = read_line();
  if (retry)
    api_key = "";
  printf("key %s\n", api_key.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: secret 'api_key' is written to a log by 'printf', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]

  std::string secret;
  read_into(secret);
  std::cerr << secret;
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: secret 'secret' is written to a log by 'std::cerr', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]

  std::string auth_token = "Bearer ";
  auth_token += fetch_value();
  std::cerr << auth_token;
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: secret 'auth_token' is written to a log by 'std::cerr', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
}

//===--- 3. jwt, bearer, and labels ----------------------------------------===//

void names_and_labels(const std::string &jwt, const std::string &bearer,
                      char **row, const char *s, const std::string &user,
                      const std::string &value) {
  spdlog::info("jwt {}", jwt);
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: secret 'jwt' is written to a log by 'spdlog::info', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  std::cout << bearer;
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: secret 'bearer' is written to a log by 'std::cout', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  LOG(INFO) << "USER: " << row[1] << " PASSWORD: " << row[3];
  // CHECK-MESSAGES: :[[@LINE-1]]:55: warning: secret 'row[3]' is written to a log by 'LOG', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-2]]:55: note: it is logged under the label 'PASSWORD'
  printf("user=%s password=%s\n", user.c_str(), s);
  // CHECK-MESSAGES: :[[@LINE-1]]:49: warning: secret 's' is written to a log by 'printf', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  spdlog::info("login {} token={}", user, value);
  // CHECK-MESSAGES: :[[@LINE-1]]:43: warning: secret 'value' is written to a log by 'spdlog::info', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  std::cerr << "Authorization: " << value << "\n";
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: secret 'value' is written to a log by 'std::cerr', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]

  // Labels that do not announce the logged value.
  LOG(WARNING) << "invalid password: " << user;
  LOG(INFO) << "password length: " << value.size();
  std::cout << "token: " << (value.empty() ? "none" : "set") << "\n";
  std::cout << "password: " << std::string(value.size(), '*') << "\n";
  printf("CSRF token: %s\n", s);
  printf("token count: %s\n", s);
  LOG(INFO) << "password: " << "hidden";
}

//===--- 4. Keyed lookups ---------------------------------------------------===//

void keyed_lookups(const Json::Value &root, nlohmann::json &j,
                   const Config &config, std::map<std::string, std::string> &m) {
  spdlog::info("token {}", root["token"].asString());
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: secret '["token"]' is written to a log by 'spdlog::info', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  printf("%s\n", root["auth"]["access_token"].asCString());
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: secret '["access_token"]' is written to a log by 'printf', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  std::cout << j["password"].dump();
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: secret '["password"]' is written to a log by 'std::cout', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  spdlog::info("{}", j.at("api_key").get<std::string>());
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: secret 'at("api_key")' is written to a log by 'spdlog::info', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  std::string secret = j.value("secret", "");
  LOG(INFO) << secret;
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: secret 'secret' is written to a log by 'LOG', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  std::string db = config.get<std::string>("password");
  LOG(INFO) << "db " << db;
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: secret 'get("password")' is written to a log by 'LOG', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  const char *t = getenv("API_TOKEN");
  fprintf(stderr, "using %s\n", t);
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: secret 'getenv("API_TOKEN")' is written to a log by 'fprintf', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  std::cerr << m["client_secret"] << m.find("password")->second;
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: secret '["client_secret"]' is written to a log by 'std::cerr', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-2]]:38: warning: secret 'find("password")->second' is written to a log by 'std::cerr', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]

  // Lookups of other keys, and of what a secret is rather than the secret.
  spdlog::info("user {} type {}", root["user"].asString(),
               root["token_type"].asString());
  std::cout << j["token"]["expires_at"].dump() << j.at("user").dump();
  spdlog::info("page {}", j.value("next_page_token", ""));
  LOG(INFO) << "has token " << root["token"].isString() << " uses "
            << root["tokens_used"].asInt();
}

//===--- 5. A token response logged whole -----------------------------------===//

std::string post_form(const char *url);

void token_response(bool auth_code) {
  const std::string resp = post_form("https://oauth2.example.com/token");
  Json::Value tree;
  std::stringstream(resp) >> tree;
  if (!tree.isMember("access_token") || !tree.isMember("expires_in"))
    fprintf(stderr, "bad token response: %s\n", resp.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:49: warning: secret 'resp' is written to a log by 'fprintf', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-3]]:8: note: secret 'resp' is parsed into a document that holds a secret, read here

  // A document probed only for other keys.
  const std::string listing = post_form("https://api.example.com/items");
  Json::Value items;
  Json::Reader reader;
  if (!reader.parse(listing, items) || !items.isMember("next_page_token"))
    fprintf(stderr, "bad listing: %s\n", listing.c_str());
}
