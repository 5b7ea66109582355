// Hermetic stand-in for glog 0.6 (glog/logging.h): LOG/VLOG/DLOG/PLOG/CHECK
// expand to google::LogMessage(...).stream(), a std::ostream.
#pragma once
#include <ostream>
#include <string>

namespace google {
typedef int LogSeverity;
const LogSeverity GLOG_INFO = 0, GLOG_WARNING = 1, GLOG_ERROR = 2, GLOG_FATAL = 3;
class LogMessage {
public:
  LogMessage(const char *file, int line);
  LogMessage(const char *file, int line, LogSeverity severity);
  ~LogMessage();
  std::ostream &stream();
};
class LogMessageFatal : public LogMessage {
public:
  LogMessageFatal(const char *file, int line);
  ~LogMessageFatal();
};
class ErrnoLogMessage : public LogMessage {
public:
  ErrnoLogMessage(const char *file, int line, LogSeverity severity, long ctr);
};
class LogMessageVoidify {
public:
  void operator&(std::ostream &) {}
};
bool VLOG_IS_ON_impl(int level);
void RawLog__(LogSeverity severity, const char *file, int line,
              const char *format, ...);
} // namespace google

#define COMPACT_GOOGLE_LOG_INFO google::LogMessage(__FILE__, __LINE__)
#define COMPACT_GOOGLE_LOG_WARNING                                              \
  google::LogMessage(__FILE__, __LINE__, google::GLOG_WARNING)
#define COMPACT_GOOGLE_LOG_ERROR                                                \
  google::LogMessage(__FILE__, __LINE__, google::GLOG_ERROR)
#define COMPACT_GOOGLE_LOG_FATAL google::LogMessageFatal(__FILE__, __LINE__)
#define LOG(severity) COMPACT_GOOGLE_LOG_##severity.stream()
#define LOG_IF(severity, condition)                                            \
  static_cast<void>(0), !(condition) ? (void)0 : google::LogMessageVoidify() & LOG(severity)
#define VLOG(verboselevel) LOG_IF(INFO, google::VLOG_IS_ON_impl(verboselevel))
#define PLOG(severity)                                                          \
  google::ErrnoLogMessage(__FILE__, __LINE__, google::GLOG_##severity, 0).stream()
#define DLOG(severity)                                                          \
  static_cast<void>(0), true ? (void)0 : google::LogMessageVoidify() & LOG(severity)
#define LOG_IF_EVERY_N(severity, condition, n) LOG_IF(severity, condition)
#define CHECK(condition)                                                        \
  static_cast<void>(0), (condition) ? (void)0 : google::LogMessageVoidify() &  \
      google::LogMessageFatal(__FILE__, __LINE__).stream() << "Check failed: " #condition " "
#define RAW_LOG(severity, ...)                                                  \
  google::RawLog__(google::GLOG_##severity, __FILE__, __LINE__, __VA_ARGS__)
