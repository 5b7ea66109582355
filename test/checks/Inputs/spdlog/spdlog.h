// Hermetic stand-in for spdlog 1.x (the shapes of spdlog/spdlog.h and
// spdlog/logger.h): templated free functions, logger members, SPDLOG_* macros.
#pragma once
#include <fmt/format.h>
#include <memory>
#include <string>

#define SPDLOG_LEVEL_TRACE 0
#define SPDLOG_LEVEL_DEBUG 1
#define SPDLOG_LEVEL_INFO 2
#define SPDLOG_LEVEL_WARN 3
#define SPDLOG_LEVEL_ERROR 4
#define SPDLOG_LEVEL_CRITICAL 5
#ifndef SPDLOG_ACTIVE_LEVEL
#define SPDLOG_ACTIVE_LEVEL SPDLOG_LEVEL_INFO
#endif
#define SPDLOG_FUNCTION static_cast<const char *>(__FUNCTION__)

namespace spdlog {
namespace level {
enum level_enum : int { trace, debug, info, warn, err, critical, off };
} // namespace level
struct source_loc {
  const char *filename;
  int line;
  const char *funcname;
};
template <typename... Args> using format_string_t = fmt::format_string<Args...>;
using string_view_t = fmt::basic_string_view<char>;

#define SPDLOG_STUB_LEVEL(NAME)                                                \
  template <typename... Args>                                                  \
  void NAME(format_string_t<Args...> fmt, Args &&...args);                    \
  template <typename T> void NAME(const T &msg);

class logger {
public:
  explicit logger(std::string name);
  template <typename... Args>
  void log(source_loc loc, level::level_enum lvl, format_string_t<Args...> fmt,
           Args &&...args);
  template <typename... Args>
  void log(level::level_enum lvl, format_string_t<Args...> fmt, Args &&...args);
  template <typename T> void log(level::level_enum lvl, const T &msg);
  void log(source_loc loc, level::level_enum lvl, string_view_t msg);
  SPDLOG_STUB_LEVEL(trace)
  SPDLOG_STUB_LEVEL(debug)
  SPDLOG_STUB_LEVEL(info)
  SPDLOG_STUB_LEVEL(warn)
  SPDLOG_STUB_LEVEL(error)
  SPDLOG_STUB_LEVEL(critical)
  bool should_log(level::level_enum lvl) const;
};

SPDLOG_STUB_LEVEL(trace)
SPDLOG_STUB_LEVEL(debug)
SPDLOG_STUB_LEVEL(info)
SPDLOG_STUB_LEVEL(warn)
SPDLOG_STUB_LEVEL(error)
SPDLOG_STUB_LEVEL(critical)
template <typename... Args>
void log(level::level_enum lvl, format_string_t<Args...> fmt, Args &&...args);
#undef SPDLOG_STUB_LEVEL

logger *default_logger_raw();
std::shared_ptr<logger> default_logger();
std::shared_ptr<logger> get(const std::string &name);
} // namespace spdlog

#define SPDLOG_LOGGER_CALL(logger, level, ...)                                 \
  (logger)->log(spdlog::source_loc{__FILE__, __LINE__, SPDLOG_FUNCTION}, level, \
                __VA_ARGS__)
#if SPDLOG_ACTIVE_LEVEL <= SPDLOG_LEVEL_DEBUG
#define SPDLOG_LOGGER_DEBUG(logger, ...)                                       \
  SPDLOG_LOGGER_CALL(logger, spdlog::level::debug, __VA_ARGS__)
#define SPDLOG_DEBUG(...) SPDLOG_LOGGER_DEBUG(spdlog::default_logger_raw(), __VA_ARGS__)
#else
#define SPDLOG_LOGGER_DEBUG(logger, ...) (void)0
#define SPDLOG_DEBUG(...) (void)0
#endif
#define SPDLOG_LOGGER_INFO(logger, ...)                                        \
  SPDLOG_LOGGER_CALL(logger, spdlog::level::info, __VA_ARGS__)
#define SPDLOG_INFO(...) SPDLOG_LOGGER_INFO(spdlog::default_logger_raw(), __VA_ARGS__)
#define SPDLOG_LOGGER_WARN(logger, ...)                                        \
  SPDLOG_LOGGER_CALL(logger, spdlog::level::warn, __VA_ARGS__)
#define SPDLOG_WARN(...) SPDLOG_LOGGER_WARN(spdlog::default_logger_raw(), __VA_ARGS__)
#define SPDLOG_LOGGER_ERROR(logger, ...)                                       \
  SPDLOG_LOGGER_CALL(logger, spdlog::level::err, __VA_ARGS__)
#define SPDLOG_ERROR(...) SPDLOG_LOGGER_ERROR(spdlog::default_logger_raw(), __VA_ARGS__)
