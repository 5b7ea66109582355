// RUN: %check_prodready %s prodready-secret-in-log

// Boost.Log: BOOST_LOG_TRIVIAL / BOOST_LOG_SEV stream into a record_ostream.
#include <boost/log/trivial.hpp>
#include <string>

struct Db {
  std::string connection_password;
  std::string host;
};

void boost_sinks(const Db &db, boost::log::sources::severity_logger_mt<int> &lg) {
  BOOST_LOG_TRIVIAL(info) << "connecting to " << db.host << " pw "
                          << db.connection_password;
                          // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: secret 'connection_password' is written to a log by 'BOOST_LOG_TRIVIAL', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
                          // CHECK-MESSAGES: :[[@LINE-2]]:33: note: secret 'connection_password' comes from here
  BOOST_LOG_SEV(lg, 2) << db.connection_password;
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: secret 'connection_password' is written to a log by 'BOOST_LOG_SEV', exposing it to everyone who can read the logs; log a redacted form (mask, hash) or only its length instead [prodready-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-2]]:30: note: secret 'connection_password' comes from here
  BOOST_LOG_TRIVIAL(debug) << "pw length " << db.connection_password.size();
}
