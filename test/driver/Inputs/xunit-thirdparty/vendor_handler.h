// A third-party header outside the source root (cross-unit-blocking.test):
// its handler reaches a blocking call in the project, but nothing is
// reported in it, as clang-tidy's header filter keeps the units' own
// findings out of it.
#pragma once
#include <async_stubs/asio.hpp>

namespace svc {
void handle_request(int n);
}

inline void vendor_accept(boost::asio::ip::tcp::acceptor &acceptor) {
  acceptor.async_accept([](boost::system::error_code ec) {
    if (ec)
      return;
    svc::handle_request(7);
  });
}
