// RUN: %check_prodready %s prodready-secret-in-log

// Abseil logging (absl/log/log.h): LogMessage has member operator<<.
#include <absl/log/log.h>
#include <absl/strings/str_cat.h>
#include <string>

std::string Redact(const std::string &s);

void absl_sinks(const std::string &api_key, const std::string &user, bool debug) {
  LOG(INFO) << "key " << api_key;
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: secret 'api_key' is written to a log by 'LOG', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-3]]:36: note: secret 'api_key' comes from here
  ABSL_LOG(WARNING) << absl::StrCat("user=", user, " key=", api_key);
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: secret 'api_key' is written to a log by 'ABSL_LOG', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-6]]:36: note: secret 'api_key' comes from here
  LOG_IF(ERROR, debug) << api_key;
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: secret 'api_key' is written to a log by 'LOG_IF', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-9]]:36: note: secret 'api_key' comes from here
  VLOG(2) << api_key;
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: secret 'api_key' is written to a log by 'VLOG', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-12]]:36: note: secret 'api_key' comes from here
  std::string line = absl::StrCat(user, ":", api_key);
  LOG(ERROR) << line;
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: secret 'api_key' is written to a log by 'LOG', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-16]]:36: note: secret 'api_key' comes from here
  // CHECK-MESSAGES: :[[@LINE-4]]:15: note: secret flows into 'line' here
  LOG(INFO) << "key " << Redact(api_key) << " of " << user;
  LOG(INFO) << "key size " << api_key.size();
}
