// RUN: %check_prodready %s prodready-secret-in-log

// glog streams: LOG/VLOG/DLOG/PLOG/LOG_IF/CHECK and RAW_LOG.
#include <glog/logging.h>
#include <string>

struct Account {
  std::string name;
  std::string client_secret;
  std::string access_token() const;
};

void glog_sinks(const Account &a, const std::string &password, bool verbose) {
  LOG(INFO) << "login " << a.name << " with " << password;
  // CHECK-MESSAGES: :[[@LINE-1]]:50: warning: secret 'password' is written to a log by 'LOG', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-3]]:54: note: secret 'password' comes from here
  LOG(WARNING) << a.client_secret;
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: secret 'client_secret' is written to a log by 'LOG', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-2]]:21: note: secret 'client_secret' comes from here
  LOG(ERROR) << "token " << a.access_token() << " rejected";
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: secret 'access_token()' is written to a log by 'LOG', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-2]]:29: note: secret 'access_token()' comes from here
  VLOG(1) << password;
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: secret 'password' is written to a log by 'VLOG', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-12]]:54: note: secret 'password' comes from here
  DLOG(INFO) << password;
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: secret 'password' is written to a log by 'DLOG', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-15]]:54: note: secret 'password' comes from here
  PLOG(ERROR) << "open failed for " << password;
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: secret 'password' is written to a log by 'PLOG', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-18]]:54: note: secret 'password' comes from here
  LOG_IF(INFO, verbose) << password;
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: secret 'password' is written to a log by 'LOG_IF', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-21]]:54: note: secret 'password' comes from here
  CHECK(password.empty()) << "unexpected password " << password;
  // CHECK-MESSAGES: :[[@LINE-1]]:56: warning: secret 'password' is written to a log by 'CHECK', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-24]]:54: note: secret 'password' comes from here
  RAW_LOG(INFO, "password %s", password.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: secret 'password' is written to a log by 'RAW_LOG', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-27]]:54: note: secret 'password' comes from here
  // Not secrets: the name, the length, a flag.
  LOG(INFO) << "login " << a.name << " password length " << password.size()
            << " has token " << !a.access_token().empty();
  CHECK(!password.empty()) << "empty password for " << a.name;
}
