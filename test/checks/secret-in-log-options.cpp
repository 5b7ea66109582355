// RUN: %check_prodready %s prodready-secret-in-log
// RUN: %check_prodready -check-suffix=LOGFN %s prodready-secret-in-log -config="{CheckOptions: {prodready-secret-in-log.LogFunctions: 'app::audit;regex:app::log_[a-z]+;app::Logger::stream;APP_TRACE'}}"
// RUN: %check_prodready -check-suffix=NAMES %s prodready-secret-in-log -config="{CheckOptions: {prodready-secret-in-log.SecretNameRegex: 'pin|otp', prodready-secret-in-log.SecretNameExcludeRegex: 'otp_?len'}}"
// RUN: %check_prodready -check-suffix=SANITIZE %s prodready-secret-in-log -config="{CheckOptions: {prodready-secret-in-log.SanitizerRegex: '^censor$'}}"

#include <cstdio>
#include <ostream>
#include <string>

namespace app {
void audit(const char *fmt, ...);
void log_info(const std::string &msg);
void log_error(const std::string &msg);
void print_report(const std::string &msg); // listed nowhere: not a log
struct Logger {
  std::ostream &stream();
};
void trace_impl(const char *msg);
} // namespace app
// A string class of the project: c_str() makes it text.
struct SecretString {
  const char *c_str() const;
  SecretString censor() const;
  SecretString masked() const;
};
#define APP_TRACE(msg) app::trace_impl(msg)

void custom(const std::string &password, const std::string &pin,
            const std::string &otp_len, app::Logger &logger,
            const SecretString &token) {
  app::audit("pw %s", password.c_str());
  // CHECK-MESSAGES-LOGFN: :[[@LINE-1]]:23: warning: secret 'password' is written to a log by 'app::audit', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES-LOGFN: :[[@LINE-5]]:32: note: secret 'password' comes from here
  app::log_info(password);
  // CHECK-MESSAGES-LOGFN: :[[@LINE-1]]:17: warning: secret 'password' is written to a log by 'app::log_info', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES-LOGFN: :[[@LINE-8]]:32: note: secret 'password' comes from here
  app::log_error("pw=" + password);
  // CHECK-MESSAGES-LOGFN: :[[@LINE-1]]:18: warning: secret 'password' is written to a log by 'app::log_error', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES-LOGFN: :[[@LINE-11]]:32: note: secret 'password' comes from here
  app::print_report(password);
  logger.stream() << "pw " << password;
  // CHECK-MESSAGES-LOGFN: :[[@LINE-1]]:31: warning: secret 'password' is written to a log by 'app::Logger::stream', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES-LOGFN: :[[@LINE-15]]:32: note: secret 'password' comes from here
  APP_TRACE(password.c_str());
  // CHECK-MESSAGES-LOGFN: :[[@LINE-1]]:13: warning: secret 'password' is written to a log by 'APP_TRACE', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES-LOGFN: :[[@LINE-18]]:32: note: secret 'password' comes from here
  printf("%s %s\n", pin.c_str(), otp_len.c_str());
  // CHECK-MESSAGES-NAMES: :[[@LINE-1]]:21: warning: secret 'pin' is written to a log by 'printf', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES-NAMES: :[[@LINE-21]]:61: note: secret 'pin' comes from here
  printf("%s\n", token.censor().c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: secret 'token' is written to a log by 'printf', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-22]]:33: note: secret 'token' comes from here
  // CHECK-MESSAGES-LOGFN: :[[@LINE-3]]:18: warning: secret 'token' is written to a log by 'printf', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES-LOGFN: :[[@LINE-24]]:33: note: secret 'token' comes from here
  printf("%s\n", token.masked().c_str());
  // CHECK-MESSAGES-SANITIZE: :[[@LINE-1]]:18: warning: secret 'token' is written to a log by 'printf', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES-SANITIZE: :[[@LINE-27]]:33: note: secret 'token' comes from here
}
