// Hermetic stand-in for Boost.Log's boost/log/trivial.hpp (1.74 shapes):
// BOOST_LOG_TRIVIAL(lvl) opens a record and streams into
// boost::log::basic_record_ostream through free operator<< templates.
#pragma once
#include <string>

namespace boost {
namespace log {
class record {
public:
  bool operator!() const noexcept;
};
template <typename CharT> class basic_record_ostream {
public:
  basic_record_ostream &operator<<(const CharT *p);
};
template <typename CharT, typename T>
basic_record_ostream<CharT> &operator<<(basic_record_ostream<CharT> &strm,
                                        const T &value);
namespace sources {
template <typename Level> class severity_logger_mt {
public:
  template <typename Arg> record open_record(const Arg &arg);
};
} // namespace sources
namespace aux {
template <typename LoggerT> class record_pump {
public:
  record_pump(LoggerT &lg, record &rec);
  ~record_pump();
  basic_record_ostream<char> &stream() const;
};
template <typename LoggerT>
record_pump<LoggerT> make_record_pump(LoggerT &lg, record &rec);
} // namespace aux
namespace trivial {
enum severity_level { trace, debug, info, warning, error, fatal };
struct logger {
  typedef sources::severity_logger_mt<severity_level> logger_type;
  static logger_type &get();
};
} // namespace trivial
} // namespace log
} // namespace boost

#define BOOST_LOG_STREAM_WITH_PARAMS(logger, params)                            \
  for (::boost::log::record _boost_log_record = (logger).open_record(params);   \
       !!_boost_log_record;)                                                    \
  ::boost::log::aux::make_record_pump((logger), _boost_log_record).stream()
#define BOOST_LOG_SEV(logger, lvl) BOOST_LOG_STREAM_WITH_PARAMS((logger), (lvl))
#define BOOST_LOG_TRIVIAL(lvl)                                                  \
  BOOST_LOG_STREAM_WITH_PARAMS(::boost::log::trivial::logger::get(),           \
                               (::boost::log::trivial::lvl))
