// REQUIRES: boost
// Against Debian's real Boost.Log (libboost-log-dev 1.74). Boost 1.74's MPL
// trips clang 19's enum-constexpr-conversion error, hence the -Wno flag.
// RUN: rm -rf %t && mkdir -p %t
// RUN: ln -s /usr/include/boost %t/boost
// RUN: %check_prodready %s prodready-secret-in-log -- -std=c++20 -I%t --system-header-prefix=boost/ -Wno-enum-constexpr-conversion

#include <boost/log/sources/logger.hpp>
#include <boost/log/sources/record_ostream.hpp>
#include <boost/log/sources/severity_logger.hpp>
#include <boost/log/trivial.hpp>
#include <string>

struct Credentials {
  std::string user;
  std::string password;
};

void boost_log_sinks(const Credentials &c, const std::string &private_key) {
  BOOST_LOG_TRIVIAL(info) << "login " << c.user << " " << c.password;
  // CHECK-MESSAGES: :[[@LINE-1]]:59: warning: secret 'password' is written to a log by 'BOOST_LOG_TRIVIAL', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-2]]:61: note: secret 'password' comes from here
  BOOST_LOG_TRIVIAL(error) << private_key;
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: secret 'private_key' is written to a log by 'BOOST_LOG_TRIVIAL', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-6]]:63: note: secret 'private_key' comes from here
  boost::log::sources::logger lg;
  BOOST_LOG(lg) << "key " << private_key;
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: secret 'private_key' is written to a log by 'BOOST_LOG', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-10]]:63: note: secret 'private_key' comes from here
  boost::log::sources::severity_logger<int> slg;
  BOOST_LOG_SEV(slg, 3) << c.password;
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: secret 'password' is written to a log by 'BOOST_LOG_SEV', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-2]]:30: note: secret 'password' comes from here
  BOOST_LOG_TRIVIAL(info) << "login " << c.user << " key bytes "
                          << private_key.size();
}
