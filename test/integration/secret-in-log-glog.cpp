// REQUIRES: glog
// Against Debian's real glog headers (glog/logging.h, glog/raw_logging.h).
// RUN: rm -rf %t && mkdir -p %t
// RUN: ln -s /usr/include/glog %t/glog
// RUN: %check_prodready %s prodready-secret-in-log -- -std=c++20 -I%t --system-header-prefix=glog/

#include <glog/logging.h>
#include <glog/raw_logging.h>
#include <string>

struct Request {
  std::string path;
  std::string auth_header;
};

void glog_sinks(const Request &r, const char *api_key, bool verbose) {
  LOG(INFO) << "GET " << r.path << " auth " << r.auth_header;
  // CHECK-MESSAGES: :[[@LINE-1]]:48: warning: secret 'auth_header' is written to a log by 'LOG', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-2]]:50: note: secret 'auth_header' comes from here
  LOG(ERROR) << "bad key " << api_key;
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: secret 'api_key' is written to a log by 'LOG', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-6]]:47: note: secret 'api_key' comes from here
  VLOG(2) << api_key;
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: secret 'api_key' is written to a log by 'VLOG', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-9]]:47: note: secret 'api_key' comes from here
  LOG_IF(WARNING, verbose) << r.auth_header;
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: secret 'auth_header' is written to a log by 'LOG_IF', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-2]]:33: note: secret 'auth_header' comes from here
  DLOG(INFO) << api_key;
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: secret 'api_key' is written to a log by 'DLOG', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-15]]:47: note: secret 'api_key' comes from here
  PLOG(ERROR) << "open " << api_key;
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: secret 'api_key' is written to a log by 'PLOG', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-18]]:47: note: secret 'api_key' comes from here
  CHECK(r.auth_header.empty()) << r.auth_header;
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: secret 'auth_header' is written to a log by 'CHECK', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-2]]:37: note: secret 'auth_header' comes from here
  CHECK_EQ(r.path.size(), 0u) << api_key;
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: secret 'api_key' is written to a log by 'CHECK_EQ', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-24]]:47: note: secret 'api_key' comes from here
  RAW_LOG(INFO, "key %s", api_key);
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: secret 'api_key' is written to a log by 'RAW_LOG', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-27]]:47: note: secret 'api_key' comes from here
  LOG(INFO) << "GET " << r.path << " auth length " << r.auth_header.size();
}
