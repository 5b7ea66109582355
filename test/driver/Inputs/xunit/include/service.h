// Cross-unit paths (driver/cross-unit-blocking.test): the service's
// functions are declared here and defined in other units.
#pragma once
#include <async_stubs/asio.hpp>

namespace svc {
void handle_request(int n); // b.cpp: -> fetch -> sleep_for
void notify(int n);         // b.cpp: posts the blocking work to a pool
void ping(int n);           // c.cpp: -> pong (b.cpp), which sleeps
void pong(int n);
void spin(int n);           // c.cpp <-> b.cpp recursion, never blocks
void spin2(int n);
void chain4();              // c.cpp: 4 functions deep to a sleep
void chain5();              // c.cpp: 5 deep, past MaxCallDepth
void link1();
void link2();
void link3();
void hash_password(const char *pw); // b.cpp: PBKDF2, CPU-bound
} // namespace svc

// A handler defined in a header: every unit including it sees the call, and
// b.cpp, which defines handle_request, sees the whole path; reported once.
inline void on_accept(boost::asio::ip::tcp::acceptor &acceptor) {
  acceptor.async_accept([](boost::system::error_code ec) {
    if (ec)
      return;
    svc::handle_request(0);
  });
}
