// REQUIRES: spdlog, fmt
// Against Debian's real spdlog with the external {fmt} (libspdlog-dev is
// built with SPDLOG_FMT_EXTERNAL). The stubs in the default -isystem
// directory would shadow <spdlog/...> and <fmt/...>, so the real headers are
// reached through symlinks in a -I directory marked as system headers.
// RUN: rm -rf %t && mkdir -p %t
// RUN: ln -s /usr/include/spdlog %t/spdlog
// RUN: ln -s /usr/include/fmt %t/fmt
// RUN: %check_prodready %s prodready-secret-in-log -- -std=c++20 -I%t --system-header-prefix=spdlog/ --system-header-prefix=fmt/ -DSPDLOG_FMT_EXTERNAL
// RUN: %check_prodready -check-suffix=DEBUG %s prodready-secret-in-log -- -std=c++17 -I%t --system-header-prefix=spdlog/ --system-header-prefix=fmt/ -DSPDLOG_FMT_EXTERNAL -DSPDLOG_ACTIVE_LEVEL=SPDLOG_LEVEL_TRACE

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <string>

struct Session {
  std::string user;
  std::string session_id;
  std::string refresh_token() const;
};

void spdlog_sinks(const Session &s, const std::string &password,
                  std::shared_ptr<spdlog::logger> logger) {
  spdlog::info("user {} password {}", s.user, password);
  // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: secret 'password' is written to a log by 'spdlog::info', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-4]]:56: note: secret 'password' comes from here
  // CHECK-MESSAGES-DEBUG: :[[@LINE-3]]:47: warning: secret 'password' is written to a log by 'spdlog::info', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES-DEBUG: :[[@LINE-6]]:56: note: secret 'password' comes from here
  spdlog::warn(password);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: secret 'password' is written to a log by 'spdlog::warn', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-9]]:56: note: secret 'password' comes from here
  // CHECK-MESSAGES-DEBUG: :[[@LINE-3]]:16: warning: secret 'password' is written to a log by 'spdlog::warn', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES-DEBUG: :[[@LINE-11]]:56: note: secret 'password' comes from here
  logger->error("session {}", s.session_id);
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: secret 'session_id' is written to a log by 'spdlog::logger::error', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-2]]:33: note: secret 'session_id' comes from here
  // CHECK-MESSAGES-DEBUG: :[[@LINE-3]]:31: warning: secret 'session_id' is written to a log by 'spdlog::logger::error', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES-DEBUG: :[[@LINE-4]]:33: note: secret 'session_id' comes from here
  logger->info(fmt::format("refresh {}", s.refresh_token()));
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: secret 'refresh_token()' is written to a log by 'spdlog::logger::info', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-2]]:42: note: secret 'refresh_token()' comes from here
  // CHECK-MESSAGES-DEBUG: :[[@LINE-3]]:16: warning: secret 'refresh_token()' is written to a log by 'spdlog::logger::info', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES-DEBUG: :[[@LINE-4]]:42: note: secret 'refresh_token()' comes from here
  SPDLOG_INFO("session {}", s.session_id);
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: secret 'session_id' is written to a log by 'SPDLOG_INFO', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-2]]:31: note: secret 'session_id' comes from here
  // CHECK-MESSAGES-DEBUG: :[[@LINE-3]]:29: warning: secret 'session_id' is written to a log by 'SPDLOG_INFO', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES-DEBUG: :[[@LINE-4]]:31: note: secret 'session_id' comes from here
  SPDLOG_LOGGER_WARN(logger, "password {}", password);
  // CHECK-MESSAGES: :[[@LINE-1]]:45: warning: secret 'password' is written to a log by 'SPDLOG_LOGGER_WARN', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-29]]:56: note: secret 'password' comes from here
  // CHECK-MESSAGES-DEBUG: :[[@LINE-3]]:45: warning: secret 'password' is written to a log by 'SPDLOG_LOGGER_WARN', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES-DEBUG: :[[@LINE-31]]:56: note: secret 'password' comes from here
  SPDLOG_DEBUG("password {}", password);
  // CHECK-MESSAGES-DEBUG: :[[@LINE-1]]:31: warning: secret 'password' is written to a log by 'SPDLOG_DEBUG', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES-DEBUG: :[[@LINE-34]]:56: note: secret 'password' comes from here
  std::string line = fmt::format("{}:{}", s.user, password);
  spdlog::critical("{}", line);
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: secret 'password' is written to a log by 'spdlog::critical', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-38]]:56: note: secret 'password' comes from here
  // CHECK-MESSAGES: :[[@LINE-4]]:15: note: secret flows into 'line' here
  // CHECK-MESSAGES-DEBUG: :[[@LINE-4]]:26: warning: secret 'password' is written to a log by 'spdlog::critical', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES-DEBUG: :[[@LINE-41]]:56: note: secret 'password' comes from here
  // CHECK-MESSAGES-DEBUG: :[[@LINE-7]]:15: note: secret flows into 'line' here
  fmt::print(stderr, "password {}\n", password);
  // CHECK-MESSAGES: :[[@LINE-1]]:39: warning: secret 'password' is written to a log by 'fmt::print', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-45]]:56: note: secret 'password' comes from here
  // CHECK-MESSAGES-DEBUG: :[[@LINE-3]]:39: warning: secret 'password' is written to a log by 'fmt::print', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES-DEBUG: :[[@LINE-47]]:56: note: secret 'password' comes from here
  // Not secrets.
  spdlog::info("user {} password length {}", s.user, password.size());
  logger->info("session set: {}", !s.session_id.empty());
}

// A secret named jwt, and a value announced by a label in the format string.
void spdlog_labels(std::shared_ptr<spdlog::logger> logger,
                   const std::string &jwt, const char *value) {
  logger->info("jwt {}", jwt);
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: secret 'jwt' is written to a log by 'spdlog::logger::info', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES-DEBUG: :[[@LINE-2]]:26: warning: secret 'jwt' is written to a log by 'spdlog::logger::info', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  spdlog::info("user {} password={}", "bob", value);
  // CHECK-MESSAGES: :[[@LINE-1]]:46: warning: secret 'value' is written to a log by 'spdlog::info', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES-DEBUG: :[[@LINE-2]]:46: warning: secret 'value' is written to a log by 'spdlog::info', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  spdlog::info("next page token: {} (CSRF token: {})", value, value);
}
