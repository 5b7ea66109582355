// RUN: %check_prodready %s prodready-secret-in-log

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <syslog.h>
#include <unistd.h>
#include <absl/strings/str_cat.h>
#include <absl/strings/str_format.h>
#include <fmt/format.h>
#include <fmt/ostream.h>
#include <spdlog/spdlog.h>

std::string mask(const std::string &s);
std::string redact_secret(std::string_view s);
std::string sha256_hex(const std::string &s);
std::string lookup_user(const std::string &token);

struct Credentials {
  std::string user;
  std::string password;
  const std::string &api_key() const;
  std::string getSessionId() const;
  int token_count = 0;
  size_t max_token_len = 0;
  bool has_password = false;
  std::string password_prompt;
  std::string session_id_header_name;
};

enum class TokenKind { Identifier, Number };

// Sources: parameter, field, getter, char pointer, char array, getenv().
void sources(const std::string &password, const Credentials &creds,
             const char *token) {
  printf("password: %s\n", password.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: secret 'password' is written to a log by 'printf', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-4]]:33: note: secret 'password' comes from here
  std::cout << "key=" << creds.api_key() << '\n';
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: secret 'api_key()' is written to a log by 'std::cout', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-2]]:26: note: secret 'api_key()' comes from here
  std::cerr << creds.password;
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: secret 'password' is written to a log by 'std::cerr', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-2]]:22: note: secret 'password' comes from here
  std::clog << creds.getSessionId();
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: secret 'getSessionId()' is written to a log by 'std::clog', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-2]]:16: note: secret 'getSessionId()' comes from here
  puts(token);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: secret 'token' is written to a log by 'puts', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-15]]:26: note: secret 'token' comes from here
  char passphrase[64];
  if (fgets(passphrase, sizeof passphrase, stdin))
    fputs(passphrase, stderr);
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: secret 'passphrase' is written to a log by 'fputs', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
    // CHECK-MESSAGES: :[[@LINE-4]]:8: note: secret 'passphrase' comes from here
  const char *db = std::getenv("DB_PASSWORD");
  fprintf(stderr, "db %s\n", db);
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: secret 'getenv("DB_PASSWORD")' is written to a log by 'fprintf', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-3]]:20: note: secret 'getenv("DB_PASSWORD")' comes from here
  // CHECK-MESSAGES: :[[@LINE-4]]:15: note: secret flows into 'db' here
}

// Sinks.
void sinks(const std::string &api_key, std::shared_ptr<spdlog::logger> shared,
           spdlog::logger *raw, FILE *out, std::ostream &os) {
  fprintf(stdout, "%s", api_key.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: secret 'api_key' is written to a log by 'fprintf', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-4]]:31: note: secret 'api_key' comes from here
  dprintf(2, "%s", api_key.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: secret 'api_key' is written to a log by 'dprintf', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-7]]:31: note: secret 'api_key' comes from here
  dprintf(STDERR_FILENO, "%s", api_key.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: secret 'api_key' is written to a log by 'dprintf', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-10]]:31: note: secret 'api_key' comes from here
  syslog(LOG_INFO, "key %s", api_key.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: secret 'api_key' is written to a log by 'syslog', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-13]]:31: note: secret 'api_key' comes from here
  fputs(api_key.c_str(), stdout);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: secret 'api_key' is written to a log by 'fputs', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-16]]:31: note: secret 'api_key' comes from here
  write(2, api_key.data(), api_key.size());
  std::cerr.write(api_key.data(), api_key.size());
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: secret 'api_key' is written to a log by 'std::cerr.write', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-20]]:31: note: secret 'api_key' comes from here
  fmt::print("key {}\n", api_key);
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: secret 'api_key' is written to a log by 'fmt::print', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-23]]:31: note: secret 'api_key' comes from here
  fmt::println(stderr, "key {}", api_key);
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: secret 'api_key' is written to a log by 'fmt::println', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-26]]:31: note: secret 'api_key' comes from here
  fmt::print(std::cerr, "key {}\n", api_key);
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: secret 'api_key' is written to a log by 'fmt::print', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-29]]:31: note: secret 'api_key' comes from here
  spdlog::info("key {}", api_key);
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: secret 'api_key' is written to a log by 'spdlog::info', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-32]]:31: note: secret 'api_key' comes from here
  spdlog::error(api_key);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: secret 'api_key' is written to a log by 'spdlog::error', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-35]]:31: note: secret 'api_key' comes from here
  spdlog::log(spdlog::level::warn, "key {}", api_key);
  // CHECK-MESSAGES: :[[@LINE-1]]:46: warning: secret 'api_key' is written to a log by 'spdlog::log', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-38]]:31: note: secret 'api_key' comes from here
  shared->warn("key {}", api_key);
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: secret 'api_key' is written to a log by 'spdlog::logger::warn', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-41]]:31: note: secret 'api_key' comes from here
  raw->critical("key {}", api_key);
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: secret 'api_key' is written to a log by 'spdlog::logger::critical', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-44]]:31: note: secret 'api_key' comes from here
  spdlog::get("auth")->debug("key {}", api_key);
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: secret 'api_key' is written to a log by 'spdlog::logger::debug', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-47]]:31: note: secret 'api_key' comes from here
  SPDLOG_INFO("key {}", api_key);
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: secret 'api_key' is written to a log by 'SPDLOG_INFO', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-50]]:31: note: secret 'api_key' comes from here
  SPDLOG_LOGGER_ERROR(shared, "key {}", api_key);
  // CHECK-MESSAGES: :[[@LINE-1]]:41: warning: secret 'api_key' is written to a log by 'SPDLOG_LOGGER_ERROR', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-53]]:31: note: secret 'api_key' comes from here
  SPDLOG_DEBUG("key {}", api_key); // compiled out at the default active level
  // Writing to files and arbitrary streams is not logging.
  fprintf(out, "%s\n", api_key.c_str());
  fputs(api_key.c_str(), out);
  fmt::print(out, "{}", api_key);
  os << api_key;
  std::ofstream cfg("creds.cfg");
  cfg << api_key;
  dprintf(7, "%s", api_key.c_str());
}

// Flows through formatting, concatenation, streams, buffers, copies.
void flows(const std::string &password, const Credentials &c) {
  std::string line = "user=" + c.user + " password=" + password;
  std::cout << line << '\n';
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: secret 'password' is written to a log by 'std::cout', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-4]]:31: note: secret 'password' comes from here
  // CHECK-MESSAGES: :[[@LINE-4]]:15: note: secret flows into 'line' here

  std::string msg = fmt::format("login {} {}", c.user, password);
  spdlog::info(msg);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: secret 'password' is written to a log by 'spdlog::info', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-10]]:31: note: secret 'password' comes from here
  // CHECK-MESSAGES: :[[@LINE-4]]:15: note: secret flows into 'msg' here

  auto cat = absl::StrCat("pw=", password);
  std::cerr << cat;
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: secret 'password' is written to a log by 'std::cerr', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-16]]:31: note: secret 'password' comes from here
  // CHECK-MESSAGES: :[[@LINE-4]]:8: note: secret flows into 'cat' here
  std::cerr << absl::StrFormat("pw=%s", password);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: secret 'password' is written to a log by 'std::cerr', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-20]]:31: note: secret 'password' comes from here

  char buf[256];
  snprintf(buf, sizeof buf, "pw=%s", password.c_str());
  puts(buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: secret 'password' is written to a log by 'puts', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-26]]:31: note: secret 'password' comes from here
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: secret is copied into 'buf' by 'snprintf' here

  char copy[64];
  strcpy(copy, password.c_str());
  strcat(copy, "!");
  syslog(LOG_ERR, "%s", copy);
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: secret 'password' is written to a log by 'syslog', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-34]]:31: note: secret 'password' comes from here
  // CHECK-MESSAGES: :[[@LINE-5]]:3: note: secret is copied into 'copy' by 'strcpy' here

  std::ostringstream oss;
  oss << "user " << c.user << " pw " << password;
  spdlog::warn("{}", oss.str());
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: secret 'password' is written to a log by 'spdlog::warn', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-41]]:31: note: secret 'password' comes from here
  // CHECK-MESSAGES: :[[@LINE-4]]:41: note: secret is written into stream 'oss' here

  std::string acc = "pw=";
  acc += password;
  std::cout << acc;
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: secret 'password' is written to a log by 'std::cout', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-48]]:31: note: secret 'password' comes from here
  // CHECK-MESSAGES: :[[@LINE-4]]:10: note: secret is appended to 'acc' here

  std::string appended;
  appended.append(c.password);
  std::cout << appended;
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: secret 'password' is written to a log by 'std::cout', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-3]]:21: note: secret 'password' comes from here
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: secret is appended to 'appended' here

  std::string_view view = password;
  const char *ptr = view.data();
  printf("%s", ptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: secret 'password' is written to a log by 'printf', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-62]]:31: note: secret 'password' comes from here
  // CHECK-MESSAGES: :[[@LINE-5]]:20: note: secret flows into 'view' here
  // CHECK-MESSAGES: :[[@LINE-5]]:15: note: secret flows into 'ptr' here

  std::string later;
  later = password;
  std::cout << later;
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: secret 'password' is written to a log by 'std::cout', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-70]]:31: note: secret 'password' comes from here
  // CHECK-MESSAGES: :[[@LINE-4]]:11: note: secret flows into 'later' here

  std::string moved = std::move(later);
  std::cout << (c.user.empty() ? moved : c.user);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: secret 'password' is written to a log by 'std::cout', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-76]]:31: note: secret 'password' comes from here
  // CHECK-MESSAGES: :[[@LINE-10]]:11: note: secret flows into 'later' here
  // CHECK-MESSAGES: :[[@LINE-5]]:15: note: secret flows into 'moved' here

  fmt::memory_buffer mb;
  fmt::format_to(std::back_inserter(mb), "{}", password);
  fmt::print("{}", fmt::to_string(mb));
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: secret 'password' is written to a log by 'fmt::print', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-84]]:31: note: secret 'password' comes from here
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: secret is copied into 'mb' by 'format_to' here

  std::string appended2;
  absl::StrAppend(&appended2, "pw=", password);
  std::cout << appended2;
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: secret 'password' is written to a log by 'std::cout', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-91]]:31: note: secret 'password' comes from here
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: secret is copied into 'appended2' by 'StrAppend' here

  std::cout << password.substr(0, 4) << '\n';
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: secret 'password' is written to a log by 'std::cout', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-96]]:31: note: secret 'password' comes from here
  std::cout << std::string(password) + "\n";
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: secret 'password' is written to a log by 'std::cout', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-99]]:31: note: secret 'password' comes from here

  // A chain of steps: concatenation, stream, copy.
  std::string first = "login " + password;
  std::ostringstream os2;
  os2 << first;
  std::string out = os2.str();
  spdlog::info("{}", out);
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: secret 'password' is written to a log by 'spdlog::info', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-108]]:31: note: secret 'password' comes from here
  // CHECK-MESSAGES: :[[@LINE-7]]:15: note: secret flows into 'first' here
  // CHECK-MESSAGES: :[[@LINE-6]]:10: note: secret is written into stream 'os2' here
  // CHECK-MESSAGES: :[[@LINE-6]]:15: note: secret flows into 'out' here
}

// Sanitizers end the flow; non-text values never carry a secret.
void negatives(const std::string &password, const Credentials &c,
               const char *token, int tokens, TokenKind token_kind) {
  std::cout << "password length " << password.size() << '\n';
  std::cout << "password length " << password.length() << '\n';
  printf("token set: %d\n", token != nullptr);
  printf("token length: %zu\n", strlen(token));
  spdlog::info("password empty: {}", password.empty());
  spdlog::info("password: {}", mask(password));
  spdlog::info("password: {}", redact_secret(password));
  spdlog::info("password digest: {}", sha256_hex(password));
  std::string masked = mask(password);
  std::cout << masked;
  std::cout << std::string(password.size(), '*');
  std::cout << (password.empty() ? "<unset>" : "<set>");
  printf("tokens: %d, kind %d\n", tokens, static_cast<int>(token_kind));
  std::cout << c.token_count << c.max_token_len << c.has_password;
  printf("Enter password: ");
  std::cout << "Password: " << std::flush;
  std::cout << c.password_prompt;
  std::cout << c.session_id_header_name;
  std::cout << c.user;
  // Looking up the environment by name is not reading the secret.
  if (!std::getenv("API_TOKEN"))
    std::cerr << "API_TOKEN is not set\n";
  const char *token_env_var = "API_TOKEN";
  std::cerr << token_env_var << " is not set\n";
  // Constants that hold a name or a placeholder, not a secret.
  const char *kPasswordKey = "password";
  static const std::string kTokenPlaceholder = "<token>";
  std::cout << kPasswordKey << kTokenPlaceholder;
  std::string tokenizer_state = "ready";
  std::cout << tokenizer_state;
  std::string user = lookup_user(token); // a call on a secret is not the secret
  std::cout << user;
}

// Project logging macros: reported where the user wrote the argument.
void my_log_write(int level, const char *fmt, ...);
#define LOG_INFO(...) my_log_write(1, __VA_ARGS__)
#define SHOW(x) std::cout << (x) << '\n'
void macros(const std::string &password) {
  LOG_INFO("pw %s", password.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: secret 'password' is written to a log by 'LOG_INFO', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-3]]:32: note: secret 'password' comes from here
  SHOW(password);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: secret 'password' is written to a log by 'SHOW', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-6]]:32: note: secret 'password' comes from here
  LOG_INFO("pw length %zu", password.size());
}

// Lambdas are part of the function that defines them; template code is
// judged once, not per instantiation.
void lambdas(const std::string &token) {
  auto f = [&] { spdlog::info("{}", token); };
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: secret 'token' is written to a log by 'spdlog::info', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-3]]:33: note: secret 'token' comes from here
  f();
}
template <typename T> struct Client {
  std::string secret_;
  T id;
  void dump() const { std::cout << secret_ << id; }
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: secret 'secret_' is written to a log by 'std::cout', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-2]]:36: note: secret 'secret_' comes from here
};
template struct Client<int>;
template struct Client<long>;

// Names found on real code that only mention a secret (regressions).
int receive_pwd_response(std::string &pwd);
std::string get_token_base(const std::string &host);
void real_code_names(const std::string &host) {
  std::string pwd; // FTP working directory (aria2)
  receive_pwd_response(pwd);
  printf("base working directory is '%s'\n", pwd.c_str());
  auto token_base = get_token_base(host); // a URL prefix (mamba)
  std::cout << "Logged out from " << token_base << '\n';
  std::cout << "Logged in to " << get_token_base(host) << '\n';
  std::string secrets_dir = std::string("/etc/") + host;
  std::cout << secrets_dir;
  std::string token_error = "expired for " + host;
  std::cerr << token_error;
}

// Keyed lookups of a secret are sources too.
struct HttpRequest {
  std::string getParameter(const std::string &key) const;
  std::string getHeader(const std::string &key) const;
};
std::string tr(const char *text);
std::string replace_all(std::string s, const char *what, const char *with);
void lookups(const HttpRequest &req, std::map<std::string, std::string> &params,
             const std::string &body) {
  spdlog::info("login {} {}", req.getParameter("user"), req.getParameter("password"));
  // CHECK-MESSAGES: :[[@LINE-1]]:57: warning: secret 'getParameter("password")' is written to a log by 'spdlog::info', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-2]]:57: note: secret 'getParameter("password")' comes from here
  std::cout << params["api_key"] << '\n';
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: secret '["api_key"]' is written to a log by 'std::cout', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-2]]:16: note: secret '["api_key"]' comes from here
  std::cout << req.getHeader("Cookie") << '\n';
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: secret 'getHeader("Cookie")' is written to a log by 'std::cout', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-2]]:16: note: secret 'getHeader("Cookie")' comes from here
  // Not secrets: other keys, key names, translations, patterns.
  std::cout << params["password_hash"] << params["user"] << '\n';
  std::cout << tr("Password") << replace_all(body, "password", "***") << '\n';
}

// A DEBUG macro that streams into a local ostringstream printed by its
// destructor (the ZNC pattern) is a logging macro by default.
struct DebugStream : std::ostringstream {
  ~DebugStream();
};
bool debug_enabled();
#define DEBUG(f)                                                               \
  do {                                                                         \
    if (debug_enabled()) {                                                     \
      DebugStream sDebug;                                                      \
      sDebug << f;                                                             \
    }                                                                          \
  } while (0)
void debug_macro(const std::string &sSessionId, const std::string &sUser) {
  DEBUG("session [" + sSessionId + "] for " + sUser);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: secret 'sSessionId' is written to a log by 'DEBUG', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-3]]:37: note: secret 'sSessionId' comes from here
  DEBUG("user " << sUser << " session " << sSessionId);
  // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: secret 'sSessionId' is written to a log by 'DEBUG', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-6]]:37: note: secret 'sSessionId' comes from here
  DEBUG("user " << sUser);
}

// Regressions from real code (ZNC): a tokenizer accessor with an index
// argument is not a getter of a secret; a secret-named variable initialized
// from a sanitizer holds the sanitized value.
struct Line : std::string {
  Line Token(size_t pos, bool rest = false) const;
};
std::string AskSaltedHashPassForConfig();
void tokenizer_and_hash(const Line &line) {
  DEBUG("unknown action [" + line.Token(1, true) + "]");
  std::cout << "first word " << line.Token(0) << '\n';
  std::string sPass = AskSaltedHashPassForConfig();
  std::cout << sPass << std::endl;
}
