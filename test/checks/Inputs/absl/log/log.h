// Hermetic stand-in for Abseil's absl/log/log.h (LTS 2023+): LOG(severity)
// streams into absl::log_internal::LogMessage, whose operator<< are members.
#pragma once
#include <string>
#include <string_view>

namespace absl {
enum class LogSeverity : int { kInfo = 0, kWarning = 1, kError = 2, kFatal = 3 };
namespace log_internal {
class LogMessage {
public:
  LogMessage(const char *file, int line, absl::LogSeverity severity);
  ~LogMessage();
  LogMessage &InternalStream() { return *this; }
  LogMessage &WithPerror();
  LogMessage &operator<<(const std::string &v);
  LogMessage &operator<<(std::string_view v);
  LogMessage &operator<<(const char *v);
  LogMessage &operator<<(char v);
  LogMessage &operator<<(int v);
  LogMessage &operator<<(unsigned long v);
  LogMessage &operator<<(bool v);
  template <typename T> LogMessage &operator<<(const T &v);
};
class LogMessageFatal : public LogMessage {
public:
  LogMessageFatal(const char *file, int line);
};
class Voidify {
public:
  template <typename T> void operator&&(const T &) const && {}
};
} // namespace log_internal
} // namespace absl

#define ABSL_LOGGING_INTERNAL_LOG_INFO                                           \
  ::absl::log_internal::LogMessage(__FILE__, __LINE__, ::absl::LogSeverity::kInfo)
#define ABSL_LOGGING_INTERNAL_LOG_WARNING                                        \
  ::absl::log_internal::LogMessage(__FILE__, __LINE__, ::absl::LogSeverity::kWarning)
#define ABSL_LOGGING_INTERNAL_LOG_ERROR                                          \
  ::absl::log_internal::LogMessage(__FILE__, __LINE__, ::absl::LogSeverity::kError)
#define ABSL_LOGGING_INTERNAL_LOG_FATAL                                          \
  ::absl::log_internal::LogMessageFatal(__FILE__, __LINE__)
#define ABSL_LOG_INTERNAL_CONDITION(condition)                                   \
  switch (0)                                                                     \
  case 0:                                                                        \
  default:                                                                       \
    !(condition) ? (void)0 : ::absl::log_internal::Voidify() &&
#define ABSL_LOG_INTERNAL_LOG_IMPL(severity)                                     \
  ABSL_LOG_INTERNAL_CONDITION(true)                                              \
  ABSL_LOGGING_INTERNAL_LOG##severity.InternalStream()
#define LOG(severity) ABSL_LOG_INTERNAL_LOG_IMPL(_##severity)
#define ABSL_LOG(severity) ABSL_LOG_INTERNAL_LOG_IMPL(_##severity)
#define VLOG(verbose_level) LOG(INFO)
#define DLOG(severity) LOG(severity)
#define LOG_IF(severity, condition)                                              \
  ABSL_LOG_INTERNAL_CONDITION(condition)                                         \
  ABSL_LOGGING_INTERNAL_LOG_##severity.InternalStream()
